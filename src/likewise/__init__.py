"""likewise: programming by example for text.

>>> import likewise
>>> prog = likewise.learn([("John Smith", "Smith, J."), ("Jane Doe", "Doe, J.")])
>>> prog("Alan Turing")
'Turing, A.'
"""

from likewise.api import induce, learn
from likewise.errors import (
    InvalidExamples,
    InvalidInput,
    LikewiseError,
    NoProgramFound,
    ParseError,
    SuiteError,
)
from likewise.lang.explain import Span
from likewise.program import Cell, Program, dumps, loads
from likewise.session import Session, Suggestion, suggest

__all__ = [
    "Cell",
    "Session",
    "Span",
    "Suggestion",
    "InvalidExamples",
    "InvalidInput",
    "LikewiseError",
    "NoProgramFound",
    "ParseError",
    "Program",
    "SuiteError",
    "dumps",
    "induce",
    "learn",
    "loads",
    "suggest",
]
__version__ = "0.1.0"
