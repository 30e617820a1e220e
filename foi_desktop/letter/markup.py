"""Parsing the letter markup that the templates produce into a :class:`LetterDocument`.

The markup is a small XML vocabulary (documented in docs/letter.md): block elements
``title h1 h2 p question answer ul ol table meta`` and inline ``b i br``. Whitespace
is collapsed as in HTML, so templates can be laid out freely; a line break in a
value becomes ``<br/>`` and a blank line ``<parbreak/>`` (see templates.finalize).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from foi_desktop.letter.document import Block, LetterDocument, ListBlock, Paragraph, Run, Table, TableCell
from foi_desktop.letter.errors import LetterTemplateError

PARAGRAPH_TAGS = {"title": "title", "h1": "heading1", "h2": "heading2", "p": "normal", "question": "question", "answer": "answer"}
BOLD_TAGS = {"b", "strong"}
ITALIC_TAGS = {"i", "em"}
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_AROUND_BREAK = re.compile(r" *\n *")
_PARBREAK = object()  # marks where one paragraph ends and the next begins


def _collapse(text: str) -> str:
    """Runs of whitespace (a template's line breaks and indentation) become one space."""
    if "\n" in text or "\t" in text or "\r" in text or "  " in text:
        return _WHITESPACE.sub(" ", text)
    return text


def parse_markup(markup: str) -> LetterDocument:
    try:
        root = ET.fromstring(markup)
    except ET.ParseError as exc:
        line, column = exc.position
        snippet = markup.splitlines()[line - 1].strip()[:120] if markup.splitlines() else ""
        raise LetterTemplateError(
            f"The letter templates produced markup that cannot be read (line {line}, column {column} of the "
            f"result: {snippet!r}). Check the template that writes this part."
        ) from None
    if root.tag != "letter":
        raise LetterTemplateError(f"The letter template must wrap everything in <letter>…</letter>, not <{root.tag}>.")
    document = LetterDocument()
    blocks = document.blocks
    _stray_text(root.text, blocks)
    for element in root:
        tag = element.tag
        kind = PARAGRAPH_TAGS.get(tag)
        if kind is not None:
            _add_paragraphs(element, kind, blocks)
        elif tag in ("ul", "ol"):
            _add_list(element, blocks)
        elif tag == "table":
            _add_table(element, blocks)
        elif tag == "meta":
            _set_meta(element, document)
        else:
            raise _unknown(tag, "in the letter")
        _stray_text(element.tail, blocks)
    return document


def _unknown(tag: str, where: str) -> LetterTemplateError:
    return LetterTemplateError(
        f"The letter templates use <{tag}> {where}, which the letter markup does not have "
        "(see \u201cThe letter markup\u201d in docs/letter.md)."
    )


def _stray_text(text: str | None, blocks: list[Block]) -> None:
    """Words written between blocks are kept, as a paragraph of their own."""
    if text and text.strip():
        runs = _tidy([Run(_WHITESPACE.sub(" ", text))])
        if runs:
            blocks.append(Paragraph("normal", runs))


def _inline(element: ET.Element, bold: bool, italic: bool, out: list) -> None:
    if element.text:
        out.append(Run(_collapse(element.text), bold, italic))
    for child in element:
        tag = child.tag
        if tag in BOLD_TAGS:
            _inline(child, True, italic, out)
        elif tag in ITALIC_TAGS:
            _inline(child, bold, True, out)
        elif tag == "br":
            out.append(Run("\n", bold, italic))
        elif tag == "parbreak":
            out.append(_PARBREAK)
        elif tag == "label":
            pass  # read by _add_paragraphs
        else:
            raise _unknown(tag, f"inside <{element.tag}>")
        if child.tail:
            out.append(Run(_collapse(child.tail), bold, italic))


def _tidy(runs: list[Run]) -> list[Run]:
    """Collapse spaces across runs, drop spaces around line breaks, trim the ends, merge like runs."""
    if len(runs) == 1 and "\n" not in runs[0].text:  # most paragraphs: one plain run
        text = runs[0].text.strip(" ")
        return [Run(text, runs[0].bold, runs[0].italic)] if text else []
    out: list[Run] = []
    drop_space = True
    for run in runs:
        text = run.text
        if drop_space:
            text = text.lstrip(" ")
        if "\n" in text:
            text = _AROUND_BREAK.sub("\n", text)
            if text.startswith("\n") and out:
                out[-1].text = out[-1].text.rstrip(" ")
        if not text:
            continue
        drop_space = text[-1] in " \n"
        if out and out[-1].bold == run.bold and out[-1].italic == run.italic:
            out[-1].text += text
        else:
            out.append(Run(text, run.bold, run.italic))
    out = [run for run in out if run.text]
    while out:
        out[0].text = out[0].text.lstrip(" \n")
        if out[0].text:
            break
        out.pop(0)
    while out:
        out[-1].text = out[-1].text.rstrip(" \n")
        if out[-1].text:
            break
        out.pop()
    return out


def _inline_runs(element: ET.Element, parbreak: str = "\n") -> list[Run]:
    """Inline content of an element that cannot be split (list item, cell, heading)."""
    segments: list = []
    _inline(element, False, False, segments)
    return _tidy([Run(parbreak) if segment is _PARBREAK else segment for segment in segments])


def _add_paragraphs(element: ET.Element, kind: str, blocks: list[Block]) -> None:
    label = ""
    label_element = element.find("label")
    if label_element is not None:
        label = _WHITESPACE.sub(" ", "".join(label_element.itertext())).strip()
    if kind in ("title", "heading1", "heading2"):
        runs = _inline_runs(element, parbreak=" ")
        if runs:
            blocks.append(Paragraph(kind, runs))
        return
    segments: list = []
    _inline(element, False, False, segments)
    group: list[Run] = []
    for segment in [*segments, _PARBREAK]:
        if segment is not _PARBREAK:
            group.append(segment)
            continue
        runs = _tidy(group)
        group = []
        if runs:
            blocks.append(Paragraph(kind, runs, label))
            label = ""  # only the first paragraph carries the number
    if label:  # a numbered question with no words still shows its number
        blocks.append(Paragraph(kind, [], label))


def _add_list(element: ET.Element, blocks: list[Block]) -> None:
    items = []
    for child in element:
        if child.tag != "li":
            raise _unknown(child.tag, f"inside <{element.tag}> (only <li> may be there)")
        runs = _inline_runs(child)
        if runs:
            items.append(runs)
    if items:
        blocks.append(ListBlock(ordered=element.tag == "ol", items=items))


def _add_table(element: ET.Element, blocks: list[Block]) -> None:
    caption = ""
    rows: list[list[TableCell]] = []
    for child in element:
        if child.tag == "caption":
            caption = "".join(run.text for run in _inline_runs(child, parbreak=" ")).replace("\n", " ")
        elif child.tag == "tr":
            row = []
            for cell in child:
                if cell.tag not in ("th", "td"):
                    raise _unknown(cell.tag, "inside <tr> (only <th> and <td> may be there)")
                row.append(TableCell(_inline_runs(cell), header=cell.tag == "th"))
            if row:
                rows.append(row)
        else:
            raise _unknown(child.tag, "inside <table> (only <caption> and <tr> may be there)")
    if not rows:
        return
    width = max(len(row) for row in rows)
    for row in rows:
        header = bool(row) and all(cell.header for cell in row)
        row.extend(TableCell([], header=header) for _ in range(width - len(row)))
    blocks.append(Table(rows=rows, caption=caption))


def _set_meta(element: ET.Element, document: LetterDocument) -> None:
    name = element.get("name", "")
    value = " ".join("".join(run.text for run in _inline_runs(element, parbreak=" ")).split())
    if name in ("title", "subject", "author"):
        setattr(document, name, value)
    elif name == "language":
        document.language = value or document.language
    else:
        raise LetterTemplateError(
            f"<meta name=\"{name}\"> is not a document property the letter knows (title, subject, author, language)."
        )
