"""likewise: programming by example for text.

>>> import likewise
>>> prog = likewise.learn([("John Smith", "Smith, J."), ("Jane Doe", "Doe, J.")])
>>> prog("Alan Turing")
'Turing, A.'
"""

from likewise.api import learn
from likewise.errors import (
    InvalidExamples,
    InvalidInput,
    LikewiseError,
    NoProgramFound,
    ParseError,
    SuiteError,
)
from likewise.program import Program, dumps, loads

__all__ = [
    "InvalidExamples",
    "InvalidInput",
    "LikewiseError",
    "NoProgramFound",
    "ParseError",
    "Program",
    "SuiteError",
    "dumps",
    "learn",
    "loads",
]
__version__ = "0.1.0"
