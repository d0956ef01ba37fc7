"""A time budget that search loops poll; past it they unwind with :class:`Timeout`."""

from __future__ import annotations

import time


class Timeout(Exception):
    pass


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return self.end - time.monotonic()

    def sub(self, fraction: float) -> Deadline:
        """A deadline that ends after ``fraction`` of the time left here."""
        return Deadline(max(0.0, self.left()) * fraction)

    def __call__(self) -> None:
        if time.monotonic() > self.end:
            raise Timeout
