"""Which words look misspelt: a word one edit from a common English word, and not one itself.

The noise model reads an output word that no input holds and only one example shows ("noral"
in a label that should read "normal") as a typo of the commonest word one edit away. The
words and their frequencies come from pyspellchecker's English list, loaded on first use.
"""

from __future__ import annotations

import string
from functools import cache

MIN_LENGTH = 4  # shorter words are too often abbreviations ("qty", "usa") to correct
MAX_LENGTH = 20  # longer ones are no words (and their edits are many)
MIN_FREQUENCY = 100  # how common the word it corrects to must be (counts in the list)


@cache
def _words() -> dict[str, int]:
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def known(word: str) -> bool:
    return word.lower() in _words()


def respelt(word: str) -> str | None:
    """The commonest English word one edit from ``word`` (a deleted, added, changed or
    swapped character, cased as the rest of the word), or None: where ``word`` is a word
    itself, is short or long, holds more than one character that is not a letter, or is near
    no common word."""
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or not word.isascii():
        return None
    if sum(c.isalpha() for c in word) < len(word) - 1 or known(word):
        return None
    words = _words()
    best, count = None, MIN_FREQUENCY - 1
    for fixed in _one_edit(word):
        n = words.get(fixed.lower(), 0)
        if n > count and len(fixed) >= MIN_LENGTH and fixed.isalpha():
            best, count = fixed, n
    return best


def _one_edit(word: str) -> set[str]:
    # A letter put in is cased as the rest of the word: "PASgS" holds "PASS", "errJr" "error".
    rest = [c for c in word if c.isalpha()]
    upper = len(rest) > 1 and sum(c.isupper() for c in rest) > len(rest) / 2
    alphabet = string.ascii_uppercase if upper else string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in alphabet),
        *(a + c + b for a, b in splits for c in alphabet),
    }
