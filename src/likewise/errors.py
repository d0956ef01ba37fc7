"""Every error likewise raises derives from :class:`LikewiseError`."""

from __future__ import annotations


class LikewiseError(Exception):
    """Base class of likewise's errors."""


class InvalidExamples(LikewiseError, ValueError):
    """The examples given cannot be learned from as they are (empty, wrong types, contradictory)."""


class NoProgramFound(LikewiseError):
    """No program in the language reproduces the examples within the time budget."""

    def __init__(self, message: str, conflicting: tuple[int, ...] = ()) -> None:
        super().__init__(message)
        self.conflicting = conflicting


class ParseError(LikewiseError, ValueError):
    """A program text could not be parsed."""


class SuiteError(LikewiseError, ValueError):
    """A benchmark suite or SyGuS file is malformed or unsupported."""


class InvalidInput(LikewiseError, ValueError):
    """A row given to a program does not fit it (wrong type or number of columns)."""


class NotCompilable(LikewiseError):
    """A backend has no native form for an operator; the caller falls back to the interpreter."""
