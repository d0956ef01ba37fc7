"""The character vocabulary of the neural model's example strings.

Ids: ``PAD`` (0), ``UNK`` (1, any character outside printable ASCII), ``SEP`` (2, closes every
string: each input column and the output end with it, so an empty string still has a position
and attention can point just past the last character), then the 95 printable ASCII characters.
An example row is encoded as its strings one after another, each closed by ``SEP``, truncated to
``MAX_LEN`` ids.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["CHARS", "MAX_LEN", "PAD", "SEP", "SIZE", "UNK", "decode", "encode"]

PAD, UNK, SEP = 0, 1, 2
CHARS = "".join(chr(c) for c in range(0x20, 0x7F))
SIZE = 3 + len(CHARS)
MAX_LEN = 100
_ID = {c: i + 3 for i, c in enumerate(CHARS)}
UNK_CHAR = "\ufffd"  # how decode shows UNK


def encode(strings: Sequence[str], max_len: int = MAX_LEN) -> list[int]:
    """Ids of ``strings``, each followed by ``SEP``, truncated to ``max_len`` (at least 1) ids."""
    if isinstance(strings, str):
        raise TypeError("expected a sequence of strings, not a string")
    ids: list[int] = []
    for s in strings:
        ids.extend(_ID.get(c, UNK) for c in s)
        ids.append(SEP)
        if len(ids) >= max_len:
            break
    return ids[:max_len]


def decode(ids: Sequence[int]) -> list[str]:
    """The strings of ``ids`` (an unclosed last string included; PAD is skipped)."""
    out: list[str] = []
    cur: list[str] = []
    for i in ids:
        if i == SEP:
            out.append("".join(cur))
            cur = []
        elif i == UNK:
            cur.append(UNK_CHAR)
        elif i != PAD:
            cur.append(CHARS[i - 3])
    if cur:
        out.append("".join(cur))
    return out
