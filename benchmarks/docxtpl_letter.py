"""The same letter through docxtpl, the usual alternative engine, for a fair comparison.

docxtpl (LGPL) is installed for the benchmark only (``pip install -r
benchmarks/requirements.txt``); FOI Desktop never imports it.

How the comparison is kept fair:

* Same wording. Both engines start from the case and run FOI Desktop's wording step
  (``build_letter``: context, Jinja templates, markup → blocks), so the letters carry
  the same words; what differs is how the blocks become a .docx.
* Same starting file. The docxtpl template is the bundled letterhead (same page,
  header with ``{{organisation}}`` placeholders, footer, logo and styles) with its body
  replaced by a docxtpl loop over the blocks, one template paragraph per style
  (Title, Heading 1, Question, Answer, List Bullet, ...), rich text for bold and italic,
  and a ``{%tr %}``/``{%tc %}`` table with ``{% cellbg %}`` header shading. It is made
  once, as an administrator makes a template once; making it is not timed.
* Same work per export. Each timed docxtpl export opens the template from disk (ours
  opens the letterhead from disk), renders body, headers, footers and document
  properties, and writes the file through the same ``atomic_write``.
* Same result. :func:`body_texts` reads both files back; the benchmark reports
  whether every paragraph and table cell reads the same.

Left out of the docxtpl letter, to keep its template what an administrator would
write in Word: per-table column widths, repeated header rows, table captions,
numbered lists restarting at 1, and dropping header lines left empty.
"""

from __future__ import annotations

import io
from pathlib import Path

from foi_desktop.core.atomic import atomic_write
from foi_desktop.letter.document import (
    BULLET_STYLE,
    NUMBER_STYLE,
    PARAGRAPH_STYLES,
    TABLE_STYLE,
    LetterDocument,
    ListBlock,
    Paragraph,
    Run,
    Table,
)
from foi_desktop.letter.docx_writer import default_letterhead

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W_NS

# Block kinds in the docxtpl context → the Word style of their template paragraph.
_KIND_STYLES = {**PARAGRAPH_STYLES, "bullet": BULLET_STYLE, "number": NUMBER_STYLE}
_TEMPLATE_COLUMNS = 3  # the template table's cells; docxtpl's {%tc %} loop makes as many as a row has


def available() -> bool:
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        return False
    return True


def version() -> str:
    from importlib.metadata import version as package_version

    return package_version("docxtpl")


# ----------------------------------------------------------------------------- the template


def _paragraph_xml(style_id: str | None, text: str) -> str:
    from xml.sax.saxutils import escape

    style = f'<w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>' if style_id else ""
    return f'<w:p>{style}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def _cell_xml(width: int, text: str) -> str:
    from xml.sax.saxutils import escape

    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        '<w:p><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>'  # as our writer spaces cells
        f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>'
    )


def make_template(target: Path, letterhead: Path | None = None) -> Path:
    """Write the docxtpl template: the letterhead with a body that loops over the letter's blocks."""
    import docx
    from docx.oxml import parse_xml

    word = docx.Document(str(letterhead or default_letterhead()))
    ids = {
        style.name.casefold(): style.style_id
        for style in word.styles
        if style.name
    }
    body = word.element.body
    section = body.find(_W + "sectPr")
    for child in list(body):
        if child is not section:
            body.remove(child)

    parts = [_paragraph_xml(None, "{%p for b in blocks %}")]
    for index, (kind, style_name) in enumerate(_KIND_STYLES.items()):
        keyword = "if" if index == 0 else "elif"
        parts.append(_paragraph_xml(None, f"{{%p {keyword} b.kind == '{kind}' %}}"))
        parts.append(_paragraph_xml(ids[style_name.casefold()], "{{r b.rich }}"))
    parts.append(_paragraph_xml(None, "{%p elif b.kind == 'table' %}"))
    width = 9026 // _TEMPLATE_COLUMNS
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(_TEMPLATE_COLUMNS))
    row_loop = "<w:tr>" + _cell_xml(width, "{%tr for row in b.rows %}") + _cell_xml(width, "") + _cell_xml(width, "") + "</w:tr>"
    cells = (
        "<w:tr>"
        + _cell_xml(width, "{%tc for cell in row %}")
        + _cell_xml(width, "{% cellbg cell.fill %}{{r cell.rich }}")
        + _cell_xml(width, "{%tc endfor %}")
        + "</w:tr>"
    )
    row_end = "<w:tr>" + _cell_xml(width, "{%tr endfor %}") + _cell_xml(width, "") + _cell_xml(width, "") + "</w:tr>"
    parts.append(
        f'<w:tbl><w:tblPr><w:tblStyle w:val="{ids[TABLE_STYLE.casefold()]}"/><w:tblW w:w="0" w:type="auto"/>'
        f'<w:tblInd w:w="567" w:type="dxa"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{row_loop}{cells}{row_end}</w:tbl>'
    )
    parts.append(_paragraph_xml(None, "{%p endif %}"))
    parts.append(_paragraph_xml(None, "{%p endfor %}"))
    parsed = parse_xml(f'<w:body xmlns:w="{W_NS}">{"".join(parts)}</w:body>')
    for element in list(parsed):
        if section is not None:
            section.addprevious(element)
        else:
            body.append(element)
    properties = word.core_properties
    properties.title = "{{ title }}"
    properties.subject = "{{ subject }}"
    properties.author = "{{ author }}"
    properties.language = "{{ language }}"
    word.save(str(target))
    return target


# ----------------------------------------------------------------------------- the context


def _rich(runs: list[Run], label: str = "", *, bold: bool = False):
    from docxtpl import RichText

    rich = RichText()
    if label:
        rich.add(label + "\t")  # docxtpl turns the tab into <w:tab/>, as our writer writes it
    for run in runs:
        rich.add(run.text, bold=run.bold or bold, italic=run.italic)  # "\n" becomes <w:br/>
    return rich


def letter_context(document: LetterDocument) -> dict:
    """The docxtpl context for a letter: its blocks, flattened, as rich text."""
    blocks: list[dict] = []
    for block in document.blocks:
        if isinstance(block, Paragraph):
            blocks.append({"kind": block.kind, "rich": _rich(block.runs, block.label)})
        elif isinstance(block, ListBlock):
            kind = "number" if block.ordered else "bullet"
            blocks.extend({"kind": kind, "rich": _rich(item)} for item in block.items)
        elif isinstance(block, Table):
            rows = [
                [{"rich": _rich(cell.runs, bold=cell.header), "fill": "F2F2F2" if cell.header else "auto"}
                 for cell in row]
                for row in block.rows
            ]
            blocks.append({"kind": "table", "rows": rows})
    return {
        "blocks": blocks,
        "title": document.title,
        "subject": document.subject,
        "author": document.author,
        "language": document.language or "en-GB",
        **document.letterhead_fields,
    }


def write_docx_with_docxtpl(document: LetterDocument, template: Path, target: Path) -> None:
    """Render the letter with docxtpl and write it atomically, as the app writes its own."""
    from docxtpl import DocxTemplate

    word = DocxTemplate(str(template))
    word.render(letter_context(document), autoescape=True)
    buffer = io.BytesIO()
    word.save(buffer)
    atomic_write(target, buffer.getvalue())


# ----------------------------------------------------------------------------- checking


def body_texts(path: Path) -> list[str]:
    """The body as text, one entry per paragraph or table cell, for comparing the two engines.

    Empty paragraphs are skipped: docxtpl leaves none where ours leaves none, but Word
    treats an empty paragraph at the end of a cell as layout, not content.
    """
    import docx

    body = docx.Document(str(path)).element.body
    texts: list[str] = []
    for element in body.iter(_W + "p"):
        pieces = []
        for node in element.iter(_W + "t", _W + "tab", _W + "br"):
            if node.tag == _W + "t":
                pieces.append(node.text or "")
            elif node.tag == _W + "tab":
                pieces.append("\t")
            else:
                pieces.append("\n")
        text = "".join(pieces)
        if text.strip():
            texts.append(text)
    return texts
