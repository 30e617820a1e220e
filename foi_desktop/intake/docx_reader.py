"""The text of a Word (.docx) request: paragraphs, automatic numbering and real tables.

Word's automatic numbering is not in a paragraph's text: it lives in the numbering
part and is drawn at display time. It is rebuilt here ("1.", "a)", "•") so that the
parser sees what the requester saw. Tables become tab-separated rows, the shape the
table finder already knows. python-docx is imported only when a .docx is read.
"""

from __future__ import annotations

import io
import re
import zipfile

from foi_desktop.intake.errors import IntakeError
from foi_desktop.intake.markers import to_roman

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"


def read_docx(data: bytes, name: str) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IntakeError(
            f"{name} is not a Word document that can be read ({exc.__class__.__name__}). "
            "It may be damaged or password-protected: open it in Word and save it again, or paste its text."
        ) from None
    except Exception as exc:  # lxml syntax errors and other damage
        raise IntakeError(f"{name} could not be read as a Word document: it looks damaged ({exc.__class__.__name__}).") from None
    numbering = _Numbering(document)
    lines: list[str] = []
    _read_blocks(document.element.body, document, numbering, lines)
    return "\n".join(lines)


def _read_blocks(parent, document, numbering: "_Numbering", lines: list[str]) -> None:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            paragraph = Paragraph(child, document)
            text = paragraph.text
            prefix = numbering.prefix(child, paragraph)
            lines.append(f"{prefix}{text}" if text.strip() else text)
        elif tag == f"{W}tbl":
            if lines and lines[-1].strip():
                lines.append("")
            table = Table(child, document)
            questions = _question_rows(table)
            if questions:
                lines.append(QUESTION_TABLE_NOTE)
            for row_text in questions if questions else _table_rows(table):
                lines.append(row_text)
            lines.append("")
        elif tag == f"{W}sdt":  # content controls (forms) wrap ordinary paragraphs and tables
            content = child.find(f"{W}sdtContent")
            if content is not None:
                _read_blocks(content, document, numbering, lines)


# Shown above such a table's rows so the officer knows the numbers are not the requester's.
QUESTION_TABLE_NOTE = "[Table: one question a row, numbered here by row]"
_NUMBER_CELL = re.compile(r"^(?:Q(?:uestion)?\s*)?\.?\s*(\d{1,3})[.)]?$", re.IGNORECASE)


def _question_rows(table) -> list[str] | None:
    """A questionnaire laid out as a table (question in one column, the answer column left blank).

    Each row is one question: it comes back as a numbered line ("3. How many…? Yes / No"),
    an answer hint in the answer column kept after it so that it is read as the options.
    A table of figures (years across, categories down) has short labels in its first
    column and is left a table.
    """
    rows = []
    for row in table.rows:
        cells = [" ".join(cell.text.split()) for cell in row.cells]
        deduplicated = [cell for index, cell in enumerate(cells) if index == 0 or cell != cells[index - 1] or not cell]
        rows.append(deduplicated)
    if not rows or max(len(cells) for cells in rows) < 2:
        return None
    numbered = sum(1 for cells in rows if _NUMBER_CELL.match(cells[0])) >= 2
    body = [cells for cells in rows if any(cells)]
    if body and not _asks_in_cell(body[0][1 if numbered else 0]):
        body = body[1:]  # the header row: "Question | Response"
    if len(body) < 2:
        return None
    lines = []
    for position, cells in enumerate(body, start=1):
        if numbered and len(cells) >= 2:
            match = _NUMBER_CELL.match(cells[0])
            number = int(match.group(1)) if match else position
            question, answers = cells[1], cells[2:]
        else:
            number, question, answers = position, cells[0], cells[1:]
        if not _asks_in_cell(question) or any(len(answer.split()) > 6 for answer in answers):
            return None
        hint = " ".join(answer for answer in answers if answer)
        lines.append(f"{number}. {question} {hint}".rstrip())
    return lines


def _asks_in_cell(text: str) -> bool:
    return len(text.split()) >= 4 and text.rstrip().endswith(("?", "."))


def _table_rows(table) -> list[str]:
    rows = []
    for row in table.rows:
        # A merged cell comes back once per grid column it spans: repeating its text keeps the grid's shape.
        cells = [" ".join(cell.text.replace("\t", " ").split()) for cell in row.cells]
        if len(cells) == 1:
            cells.append("")
        rows.append("\t".join(cells))
    return rows


class _Numbering:
    """Rebuilds the visible number of each numbered paragraph, counting as Word does."""

    def __init__(self, document):
        self.abstract_of: dict[str, str] = {}
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        self.style_numbering: dict[str, tuple[str, int] | None] = {}
        self.document = document
        try:
            root = document.part.numbering_part.element
        except Exception:  # no numbering part: nothing is numbered
            return
        for abstract in root.findall(f"{W}abstractNum"):
            abstract_id = abstract.get(f"{W}abstractNumId")
            for level in abstract.findall(f"{W}lvl"):
                ilvl = int(level.get(f"{W}ilvl", "0"))
                fmt = _val(level.find(f"{W}numFmt")) or "decimal"
                text = _val(level.find(f"{W}lvlText"))
                start = _val(level.find(f"{W}start"))
                self.levels[(abstract_id, ilvl)] = (fmt, text if text is not None else f"%{ilvl + 1}.", int(start or 1))
        for num in root.findall(f"{W}num"):
            abstract = num.find(f"{W}abstractNumId")
            if abstract is not None:
                self.abstract_of[num.get(f"{W}numId")] = abstract.get(f"{W}val")

    def _numbering_of(self, element, paragraph) -> tuple[str, int] | None:
        ppr = element.find(f"{W}pPr")
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr.find(f"{W}numId"))
            ilvl = _val(numpr.find(f"{W}ilvl"))
            return (num_id, int(ilvl or 0)) if num_id else None
        try:
            style = paragraph.style
        except Exception:
            return None
        return self._style_numbering(style)

    def _style_numbering(self, style) -> tuple[str, int] | None:
        seen = 0
        while style is not None and seen < 10:
            key = style.style_id
            if key in self.style_numbering:
                return self.style_numbering[key]
            ppr = style.element.find(f"{W}pPr")
            numpr = ppr.find(f"{W}numPr") if ppr is not None else None
            if numpr is not None:
                num_id = _val(numpr.find(f"{W}numId"))
                ilvl = _val(numpr.find(f"{W}ilvl"))
                result = (num_id, int(ilvl or 0)) if num_id else None
                self.style_numbering[key] = result
                return result
            style = style.base_style
            seen += 1
        return None

    def prefix(self, element, paragraph) -> str:
        found = self._numbering_of(element, paragraph)
        if not found:
            return ""
        num_id, ilvl = found
        if num_id == "0" or num_id not in self.abstract_of:
            return ""
        abstract = self.abstract_of[num_id]
        fmt, text, start = self.levels.get((abstract, ilvl), ("decimal", f"%{ilvl + 1}.", 1))
        if fmt == "bullet":
            return "\u2022 "
        if fmt == "none":
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        ilvl = min(max(ilvl, 0), 8)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        shown = text
        for level in range(9):
            placeholder = f"%{level + 1}"
            if placeholder in shown:
                level_fmt, _, level_start = self.levels.get((abstract, level), ("decimal", "", 1))
                value = counters[level] + level_start - 1 if counters[level] else level_start
                shown = shown.replace(placeholder, _format(value, level_fmt))
        return f"{shown} " if shown.strip() else ""


def _val(element) -> str | None:
    return None if element is None else element.get(f"{W}val")


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = ""
        number = max(value, 1)
        while number:
            number, remainder = divmod(number - 1, 26)
            letters = chr(97 + remainder) + letters
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = to_roman(max(value, 1))
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)
