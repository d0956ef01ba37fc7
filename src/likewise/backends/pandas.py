"""pandas accessors: ``df["name"].likewise.apply(program)`` and, for programs that read
several columns, ``df.likewise.apply(program, ["first", "last"])``.

pandas' ``.str`` methods cannot slice each row at its own offsets, which most programs need, so
the columns go to polars (through Arrow, without copying string data where pandas stores it in
Arrow) and run as the compiled native expression of :mod:`likewise.backends.polars`. The result
is a pandas Series on the original index; missing values are ``<NA>``.

Importing this module registers the accessors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd
import polars as pl

from likewise.errors import InvalidInput

if TYPE_CHECKING:
    from likewise.program import Program

__all__ = ["apply_frame"]


def apply_frame(program: Program, frame: pd.DataFrame, columns: Sequence[str]) -> pd.Series:
    """``program`` over ``frame[columns]`` (one column per program input), as a Series."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InvalidInput(f"no column named {missing[0]!r}; the frame has {list(frame.columns)}")
    names = [f"x{i}" for i in range(len(columns))]
    data = pl.DataFrame(
        {n: _strings(frame[c]) for n, c in zip(names, columns, strict=True)},
        schema=dict.fromkeys(names, pl.String),
    )
    out = data.select(program.to_polars(*names).alias("out"))["out"]
    result = out.to_pandas().astype("string")
    result.index = frame.index
    return result.rename(columns[0])


def _strings(column: pd.Series) -> pl.Series:
    """The column as polars strings (numbers as pandas writes them); missing values are null."""
    if not isinstance(column.dtype, pd.StringDtype):
        column = column.astype("string")
    return pl.from_pandas(column).cast(pl.String)


@pd.api.extensions.register_series_accessor("likewise")
class SeriesAccessor:
    def __init__(self, series: pd.Series) -> None:
        self._series = series

    def apply(self, program: Program, *more: pd.Series) -> pd.Series:
        """``program`` over this Series (and ``more`` Series, for programs with more inputs)."""
        frame = pd.concat([self._series, *more], axis=1, keys=range(1 + len(more)))
        out = apply_frame(program, frame, list(range(1 + len(more))))  # type: ignore[arg-type]
        return out.rename(self._series.name)


@pd.api.extensions.register_dataframe_accessor("likewise")
class FrameAccessor:
    def __init__(self, frame: pd.DataFrame) -> None:
        self._frame = frame

    def apply(self, program: Program, columns: str | Sequence[str]) -> pd.Series:
        """``program`` over ``columns``, one per input of the program, in order."""
        cols = [columns] if isinstance(columns, str) else list(columns)
        return apply_frame(program, self._frame, cols)
