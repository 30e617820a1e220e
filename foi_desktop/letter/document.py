"""The letter as a small document structure: the one source for the preview and the Word file.

The templates produce markup (see docs/letter.md), the markup is parsed into these
blocks, and both renderers (HTML for the preview, .docx for the letter) walk the same
blocks. Nothing is added by a renderer, so the preview shows exactly what is sent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

# Paragraph kinds, and the Word style each one uses.
PARAGRAPH_STYLES = {
    "title": "Title",
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "normal": "Normal",
    "question": "Question",
    "answer": "Answer",
}
BULLET_STYLE = "List Bullet"
NUMBER_STYLE = "List Number"
TABLE_STYLE = "Table Grid"


@dataclass(slots=True)
class Run:
    """A stretch of text with one emphasis; ``\\n`` inside ``text`` is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(slots=True)
class Paragraph:
    kind: str  # a key of PARAGRAPH_STYLES
    runs: list[Run]
    label: str = ""  # a question's number, set before its text ("1.")

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(slots=True)
class ListBlock:
    ordered: bool
    items: list[list[Run]]

    def item_texts(self) -> list[str]:
        return ["".join(run.text for run in item) for item in self.items]


@dataclass(slots=True)
class TableCell:
    runs: list[Run]
    header: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(slots=True)
class Table:
    rows: list[list[TableCell]]
    caption: str = ""

    @property
    def header_rows(self) -> int:
        """Leading rows made only of header cells: repeated on every page in Word."""
        count = 0
        for row in self.rows:
            if not row or not all(cell.header for cell in row):
                break
            count += 1
        return count

    @property
    def columns(self) -> int:
        return max((len(row) for row in self.rows), default=0)


Block = Union[Paragraph, ListBlock, Table]


@dataclass
class LetterDocument:
    blocks: list[Block] = field(default_factory=list)
    title: str = ""  # document properties; also the HTML <title>
    subject: str = ""
    author: str = ""
    language: str = "en-GB"
    # Values for the letterhead's {{placeholders}} (organisation, address, email, ...).
    letterhead_fields: dict[str, str] = field(default_factory=dict)

    def paragraphs(self) -> list[Paragraph]:
        return [block for block in self.blocks if isinstance(block, Paragraph)]

    def plain_text(self) -> str:
        """The letter's words in reading order, one block per line (for tests and search)."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                lines.append(f"{block.label}\t{block.text}" if block.label else block.text)
            elif isinstance(block, ListBlock):
                lines.extend(block.item_texts())
            else:
                lines.extend("\t".join(cell.text for cell in row) for row in block.rows)
        return "\n".join(lines)
