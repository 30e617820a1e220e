"""Find the grids a requester wants filled in: the three shapes tables arrive in as text.

* Word pasted as plain text puts every cell on its own line after a tab and separates
  rows with an empty line (question 1 of the seed request).
* Excel, or Word pasted differently, gives one row per line with cells separated by tabs.
* Markdown pipe tables (``| | 2021 | 2022 |``) from people who write in plain text.

Real .docx tables are turned into the second shape by the Word reader, so they end up
here too. The first row names the columns; the first column names the rows. Cells are
kept as received (usually empty: the requester wants them filled in).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from foi_desktop.core.case import Table
from foi_desktop.intake.markers import read_bullet, read_marker
from foi_desktop.intake.normalise import tidy

MAX_COLUMNS = 40
MAX_ROWS = 500


@dataclass
class TableBlock:
    """A table found in the request, and the source lines it came from."""

    table: Table
    numbers: list[int]


def _is_cell_line(text: str) -> bool:
    """One cell on its own line: a leading tab and no other tab."""
    return text.startswith("\t") and "\t" not in text[1:]


def _row_cells(text: str) -> list[str] | None:
    """The cells of a tab-separated row, or None when the line is not one."""
    if "\t" not in text.strip(" ") or _is_cell_line(text):
        return None
    for reader in (read_marker, read_bullet):
        mark = reader(text)
        if mark is not None and mark.text and "\t" not in mark.text:
            return None  # "1.<tab>How many…": a numbered line, not a row
    cells = text.split("\t")
    if len(cells) > MAX_COLUMNS * 2:
        return None
    return cells


_PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _pipe_cells(text: str) -> list[str] | None:
    stripped = text.strip()
    if stripped.count("|") < 2 or len(stripped) > 2000:
        return None
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|"):
        stripped = stripped[:-1]
    return stripped.split("|")


def _build(header: list[str], rows: list[list[str]]) -> Table | None:
    header = [tidy(cell) for cell in header]
    while header and not header[-1]:
        header.pop()
    if len(header) < 2:
        return None
    columns = header[1:]  # the first header cell is the corner above the row labels
    if len(columns) > MAX_COLUMNS:
        return None
    table = Table(rows=[], columns=columns, cells=[])
    for cells in rows[:MAX_ROWS]:
        cells = [tidy(cell) for cell in cells]
        if not any(cells):
            continue
        if not table.rows and not cells[0]:
            # a second heading row under merged headings ("Condition" over "Good", "Poor")
            subs = cells[1:]
            table.columns = [
                " - ".join(part for part in (top, sub) if part) if index < len(subs) else top
                for index, (top, sub) in enumerate(zip(table.columns, subs + [""] * len(table.columns)))
            ]
            continue
        table.rows.append(cells[0])
        table.cells.append(cells[1:])
    if not table.rows or not any(table.rows):
        return None
    table.normalise()
    return table


def _cell_per_line(lines, start: int) -> tuple[Table | None, int]:
    """Word's plain-text paste: each cell a tab-led line, rows separated by empty lines."""
    groups: list[list[str]] = []
    current: list[str] = []
    index = start
    end = start
    while index < len(lines):
        text = lines[index].text
        if _is_cell_line(text):
            current.append(text[1:])
            end = index + 1
        elif not text.strip():
            if current:
                groups.append(current)
                current = []
        else:
            break
        index += 1
    if current:
        groups.append(current)
    if len(groups) < 2 or len(groups[0]) < 2 or any(len(group) < 2 for group in groups[1:]):
        return None, max(end, start + 1)
    return _build(groups[0], groups[1:]), end


def _tab_rows(lines, start: int, header_may_be_one_cell: bool = False) -> tuple[Table | None, int]:
    """One row per line, cells separated by tabs; rows whose trailing tabs were lost still count."""
    text = lines[start].text
    header = text.split("\t") if header_may_be_one_cell and _is_cell_line(text) else _row_cells(text)
    if header is None or (header_may_be_one_cell and (start + 1 >= len(lines) or _row_cells(lines[start + 1].text) is None)):
        return None, start + 1
    rows: list[list[str]] = []
    index = start + 1
    while index < len(lines):
        text = lines[index].text
        cells = _row_cells(text)
        if cells is None:
            stripped = text.strip()
            if (
                not stripped
                or len(stripped) > 60
                or stripped[-1] in ".?:;"
                or read_marker(text) is not None
                or read_bullet(text) is not None
                or "\t" in stripped
            ):
                break
            cells = [stripped]
        rows.append(cells)
        index += 1
    if not rows:
        return None, start + 1
    return _build(header, rows), index


def _pipe_table(lines, start: int) -> tuple[Table | None, int]:
    rows: list[list[str]] = []
    index = start
    saw_separator = False
    while index < len(lines):
        text = lines[index].text
        if _PIPE_SEPARATOR.match(text) and "|" in text:
            saw_separator = True
        else:
            cells = _pipe_cells(text)
            if cells is None:
                break
            rows.append(cells)
        index += 1
    if len(rows) < 2 or not (saw_separator or lines[start].text.strip().startswith("|")):
        return None, max(index, start + 1)
    return _build(rows[0], rows[1:]), index


def find_tables(lines) -> list:
    """``lines`` with every table replaced by one :class:`TableBlock`."""
    out: list = []
    index = 0
    while index < len(lines):
        text = lines[index].text
        if "\t" in text:
            table, end = _cell_per_line(lines, index) if _is_cell_line(text) else _tab_rows(lines, index)
            if table is None and _is_cell_line(text):
                # "<tab>Condition" heading a tab-separated grid (its corner cell is empty)
                table, end = _tab_rows(lines, index, header_may_be_one_cell=True)
        elif "|" in text:
            table, end = _pipe_table(lines, index)
        else:
            table, end = None, index + 1
        if table is not None:
            out.append(TableBlock(table, [line.number for line in lines[index:end]]))
        else:
            # Not a table: the scanned lines stay text (and are not rescanned, which keeps this linear).
            out.extend(lines[index:end])
        index = end
    return out
