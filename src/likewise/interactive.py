"""The interactive fill behind ``likewise apply --interactive``: a live preview of the column,
the ambiguous rows highlighted, and the user answering the row that settles most."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.console import Console
from rich.table import Table

from likewise.errors import LikewiseError
from likewise.program import Program
from likewise.session import Session, Suggestion

PREVIEW_ROWS = 12
HELP = "type the output for this row, a number to pick one, Enter to accept the fill, q to quit"
HELP_UNLIKE = "type its output, 1 to confirm it, Enter to accept the fill, q to quit"


def _preview(console: Console, session: Session, asked: Suggestion | None) -> None:
    prog = session.program
    console.print(f"[bold]program[/]  {prog}")
    console.print(f"[dim]{prog.describe()}[/]")
    table = Table(show_header=True, header_style="bold")
    table.add_column("#", justify="right")
    table.add_column("input")
    table.add_column("output")
    cells = session.apply()
    shown = list(range(min(PREVIEW_ROWS, len(cells))))
    if asked is not None and asked.index not in shown:
        shown.append(asked.index)
    for n in shown:
        cell = cells[n]
        row = session.rows[n]
        text = "" if cell.value is None else cell.value
        style = "bold yellow" if cell.uncertain else ""
        mark = " ?" if cell.uncertain else ""
        table.add_row(
            str(n + 1), " | ".join(row) if isinstance(row, tuple) else row, text + mark, style=style
        )
    console.print(table)
    uncertain = sum(c.uncertain for c in cells)
    console.print(f"{len(cells)} rows, {uncertain} uncertain (marked ?)")


def run(
    values: Sequence[str],
    examples: Sequence[tuple[str, str]],
    console: Console,
    ask: Callable[[str], str],
    timeout: float = 2.0,
) -> Program | None:
    """Loop until the user accepts a fill (returns its program) or quits (returns None)."""
    session = Session(examples, rows=list(values), timeout=timeout)
    if not values:
        console.print("the column is empty: nothing to fill")
        return None
    while True:
        if not session.examples:
            answer = ask(f"output for row 1 {values[0]!r} ({HELP}): ")
            if answer.strip().lower() == "q":
                return None
            if answer:
                session.add_example(values[0], answer)
            continue
        try:
            suggestions = session.suggest(3)
        except LikewiseError as e:
            console.print(f"[red]{e}[/]")
            removed = session.drop_last_example()
            console.print(f"dropped the last example {removed[0]!r} => {removed[1]!r}")
            continue
        asked = suggestions[0] if suggestions else None
        _preview(console, session, asked)
        if asked is None:
            console.print("every row has one plausible output")
            answer = ask("Enter to accept, q to quit, or 'row N' to label a row: ")
        elif len(asked.outputs) == 1:  # a row no example vouches for (see unlike_examples)
            out = asked.outputs[0][0]
            shown = "no value" if out is None else repr(out)
            console.print(
                f"every row has one plausible output; no example looks like [bold]row "
                f"{asked.index + 1}[/] {' | '.join(asked.row)!r}, which gets {shown}"
            )
            answer = ask(f"row {asked.index + 1} ({HELP_UNLIKE}): ")
        else:
            console.print(f"[bold]row {asked.index + 1}[/] {' | '.join(asked.row)!r} could be:")
            for n, (out, weight) in enumerate(asked.outputs, 1):
                shown = "(no value)" if out is None else repr(out)
                console.print(f"  {n}) {shown}  [dim]{weight:.0%}[/]")
            answer = ask(f"row {asked.index + 1} ({HELP}): ")
        cmd = answer.strip()
        if cmd.lower() == "q":
            return None
        if not answer:
            return session.program
        if cmd.lower().startswith("row ") and cmd[4:].strip().isdigit():
            n = int(cmd[4:]) - 1
            if 0 <= n < len(values):
                out = ask(f"output for row {n + 1} {values[n]!r}: ")
                session.add_example(values[n], out, trusted=True)
            continue
        if asked is None:
            continue
        if cmd.isdigit() and 1 <= int(cmd) <= len(asked.outputs):
            chosen = asked.outputs[int(cmd) - 1][0]
            if chosen is None:
                console.print("that choice has no value; type the output instead")
                continue
            answer = chosen
        session.add_example(asked.row[0], answer, trusted=True)
