"""Backends turn a program into code that runs without likewise."""

from __future__ import annotations

from likewise.backends.python import to_python

__all__ = ["to_python"]
