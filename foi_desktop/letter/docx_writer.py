"""The letter as a Word file, on the organisation's letterhead.

The letterhead .docx brings the page, header, footer, logo and styles; its body is
replaced by the letter. The body is written as WordprocessingML in one pass, with
style ids looked up once (python-docx's per-paragraph style look-ups are too slow
for a 300-question letter), then saved in memory and written atomically.

python-docx is imported here only, and only when a letter is written, so the window
starts without it.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

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
from foi_desktop.letter.errors import LetterheadError
from foi_desktop.letter.text import xml_safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{%s}" % W_NS
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_]+)\s*\}\}")
CORE_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties
TWIPS_PER_EMU = 1 / 635


def default_letterhead() -> Path:
    from foi_desktop.assets import resource_path

    return resource_path("letterhead.docx")


def letterhead_for(settings) -> Path:
    """The letterhead chosen in Settings, or the bundled one."""
    chosen = (getattr(settings, "letterhead", "") or "").strip()
    return Path(chosen).expanduser() if chosen else default_letterhead()


def write_docx(document: LetterDocument, path, *, letterhead: Path | None = None) -> None:
    """Write the letter to ``path`` atomically; never leaves a partial file."""
    atomic_write(path, docx_bytes(document, letterhead=letterhead))


def docx_bytes(document: LetterDocument, *, letterhead: Path | None = None) -> bytes:
    source = Path(letterhead) if letterhead is not None else default_letterhead()
    word = _open_letterhead(source)
    styles = _StyleIds(word, source)
    styles.require(_styles_used(document))
    body = word.element.body
    section_properties = body.find(_W + "sectPr")
    for child in list(body):
        if child is not section_properties:
            body.remove(child)
    writer = _BodyWriter(styles, _text_width_twips(word), _ListNumbering(word, styles))
    xml = writer.body_xml(document)
    from docx.oxml import parse_xml

    parsed = parse_xml(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
    for element in list(parsed):
        if section_properties is not None:
            section_properties.addprevious(element)
        else:
            body.append(element)
    _fill_placeholders(word, document.letterhead_fields)
    _set_language(word, document.language or "en-GB")
    _set_properties(word, document)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# ----------------------------------------------------------------------------- letterhead


def _open_letterhead(source: Path):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not source.exists():
        raise LetterheadError(
            f"The letterhead {source} does not exist. Choose another in Settings, or clear the choice to use "
            "the standard letterhead."
        )
    if source.is_dir():
        raise LetterheadError(f"The letterhead {source} is a folder, not a Word document.")
    try:
        return docx.Document(str(source))
    except PackageNotFoundError:
        raise LetterheadError(f"The letterhead {source.name} is not a Word document (.docx).") from None
    except zipfile.BadZipFile:
        raise LetterheadError(f"The letterhead {source.name} is damaged or is not a Word document (.docx).") from None
    except ValueError as exc:
        if "content type" in str(exc):
            raise LetterheadError(
                f"The letterhead {source.name} is a Word template or macro document; open it in Word and save it "
                "as a Word Document (.docx)."
            ) from None
        raise LetterheadError(f"The letterhead {source.name} cannot be read: {exc}.") from None
    except PermissionError:
        raise LetterheadError(f"The letterhead {source.name} cannot be read: permission denied.") from None
    except OSError as exc:
        raise LetterheadError(f"The letterhead {source.name} cannot be read: {exc.strerror or exc}.") from None
    except Exception as exc:  # a damaged part inside the zip: still the letterhead's fault, say so
        raise LetterheadError(f"The letterhead {source.name} is damaged ({exc.__class__.__name__}).") from None


class _StyleIds:
    """Style names → ids, read once. Word stores built-in names in lower case ("heading 1")."""

    def __init__(self, word, source: Path) -> None:
        self.source = source
        self.paragraph: dict[str, str] = {}
        self.table: dict[str, str] = {}
        styles_element = word.styles.element
        for style in styles_element.iterchildren(_W + "style"):
            name_element = style.find(_W + "name")
            style_id = style.get(_W + "styleId")
            if name_element is None or not style_id:
                continue
            name = (name_element.get(_W + "val") or "").casefold()
            kind = style.get(_W + "type")
            target = self.table if kind == "table" else self.paragraph if kind == "paragraph" else None
            if target is not None:
                target.setdefault(name, style_id)
        # Tables line up with the questions' text: the Question style's left indent, in twips.
        self.question_indent = 0
        question_id = self.paragraph.get("question")
        if question_id is not None:
            left = styles_element.xpath(f'w:style[@w:styleId="{question_id}"]/w:pPr/w:ind/@w:left')
            if left and left[0].lstrip("-").isdigit():
                self.question_indent = max(int(left[0]), 0)
        self.list_num_ids: dict[str, str] = {}
        for name in (BULLET_STYLE, NUMBER_STYLE):
            style_id = self.paragraph.get(name.casefold())
            if style_id is None:
                continue
            num_id = styles_element.xpath(
                f'w:style[@w:styleId="{style_id}"]/w:pPr/w:numPr/w:numId/@w:val'
            )
            if num_id:
                self.list_num_ids[name] = num_id[0]

    def require(self, needed: list[tuple[str, str]]) -> None:
        missing = [
            name
            for kind, name in needed
            if name.casefold() not in (self.table if kind == "table" else self.paragraph)
        ]
        if missing:
            quoted = ", ".join(f"'{name}'" for name in missing)
            plural = "style" if len(missing) == 1 else "styles"
            raise LetterheadError(
                f"The letterhead {self.source.name} lacks the {plural} {quoted}, which the letter uses. Add "
                f"{'it' if len(missing) == 1 else 'them'} in Word (Home \u25b8 Styles), or choose the standard "
                "letterhead in Settings."
            )

    def paragraph_id(self, name: str) -> str:
        return self.paragraph[name.casefold()]

    def table_id(self, name: str) -> str:
        return self.table[name.casefold()]


def _styles_used(document: LetterDocument) -> list[tuple[str, str]]:
    needed: dict[tuple[str, str], None] = {("paragraph", "Normal"): None}
    for block in document.blocks:
        if isinstance(block, Paragraph):
            needed[("paragraph", PARAGRAPH_STYLES[block.kind])] = None
        elif isinstance(block, ListBlock):
            needed[("paragraph", NUMBER_STYLE if block.ordered else BULLET_STYLE)] = None
        elif isinstance(block, Table):
            needed[("table", TABLE_STYLE)] = None
    return list(needed)


def _text_width_twips(word) -> int:
    section = word.sections[-1]
    try:
        width = section.page_width - section.left_margin - section.right_margin
        return max(int(width * TWIPS_PER_EMU), 2000)
    except TypeError:  # a letterhead without page size: assume A4 with 2.54 cm margins
        return 9026


class _ListNumbering:
    """Each numbered list restarts at 1: a new w:num over the List Number style's definition."""

    def __init__(self, word, styles: _StyleIds) -> None:
        self.word = word
        self.base_num_id = styles.list_num_ids.get(NUMBER_STYLE)
        self.used_base = False

    def next_num_id(self) -> str | None:
        if self.base_num_id is None:
            return None
        if not self.used_base:
            self.used_base = True
            return None  # the style's own numbering starts at 1
        try:
            numbering = self.word.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return None
        base = numbering.num_having_numId(int(self.base_num_id))
        abstract_id = base.abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return str(num.numId)


# ----------------------------------------------------------------------------- body


class _BodyWriter:
    def __init__(self, styles: _StyleIds, text_width: int, numbering: _ListNumbering) -> None:
        self.styles = styles
        self.text_width = text_width
        self.numbering = numbering
        self.ids = {kind: styles.paragraph_id(name) for kind, name in PARAGRAPH_STYLES.items() if name.casefold() in styles.paragraph}
        self.table_indent = min(styles.question_indent, text_width // 3)

    def body_xml(self, document: LetterDocument) -> str:
        out: list[str] = []
        after_list_or_table = False
        for block in document.blocks:
            if isinstance(block, Paragraph):
                # Word puts no space below a table or a tight list; the answer that follows keeps its distance.
                gap = after_list_or_table and block.kind in ("answer", "normal")
                out.append(self.paragraph(block, space_before=gap))
            elif isinstance(block, ListBlock):
                out.append(self.list(block))
            elif isinstance(block, Table):
                out.append(self.table(block))
            after_list_or_table = isinstance(block, (Table, ListBlock))
        return "".join(out)

    def paragraph(self, block: Paragraph, space_before: bool = False) -> str:
        style = self.ids[block.kind]
        spacing = '<w:spacing w:before="160"/>' if space_before else ""
        label = ""
        if block.label:
            label = f'<w:r><w:t xml:space="preserve">{_text(block.label)}</w:t></w:r><w:r><w:tab/></w:r>'
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{spacing}</w:pPr>{label}{_runs(block.runs)}</w:p>'

    def list(self, block: ListBlock) -> str:
        name = NUMBER_STYLE if block.ordered else BULLET_STYLE
        style = self.styles.paragraph_id(name)
        numbering = ""
        if block.ordered:
            num_id = self.numbering.next_num_id()
            if num_id is not None:
                numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        ppr = f'<w:pPr><w:pStyle w:val="{style}"/>{numbering}</w:pPr>'
        return "".join(f"<w:p>{ppr}{_runs(item)}</w:p>" for item in block.items)

    def table(self, block: Table) -> str:
        columns = block.columns
        widths = _column_widths(block, columns, self.text_width - self.table_indent)
        caption = f"<w:tblCaption w:val={quoteattr(_attr(block.caption))}/>" if block.caption else ""
        parts = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.styles.table_id(TABLE_STYLE)}"/>'
            f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblInd w:w="{self.table_indent}" w:type="dxa"/>'
            '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
            f'w:noHBand="0" w:noVBand="1"/>{caption}</w:tblPr><w:tblGrid>',
            "".join(f'<w:gridCol w:w="{width}"/>' for width in widths),
            "</w:tblGrid>",
        ]
        header_rows = block.header_rows
        for index, row in enumerate(block.rows):
            # Header rows repeat at the top of every page the table runs onto.
            repeat = "<w:tblHeader/>" if index < header_rows else ""
            parts.append(f"<w:tr><w:trPr><w:cantSplit/>{repeat}</w:trPr>")
            for width, cell in zip(widths, row):
                runs = [Run(run.text, run.bold or cell.header, run.italic) for run in cell.runs]
                shade = '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' if cell.header else ""
                parts.append(
                    f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
                    f'<w:p><w:pPr><w:pStyle w:val="{self.ids["normal"]}"/><w:spacing w:before="40" w:after="40"/></w:pPr>'
                    f"{_runs(runs)}</w:p></w:tc>"
                )
            parts.append("</w:tr>")
        parts.append("</w:tbl>")
        return "".join(parts)


def _column_widths(block: Table, columns: int, total: int) -> list[int]:
    if columns <= 0:
        return []
    label_column = columns > 1 and all(row and row[0].header for row in block.rows)
    if not label_column:
        return [total // columns] * columns
    first = max(total * 2 // 5, total // columns)
    rest = (total - first) // (columns - 1)
    return [first] + [rest] * (columns - 1)


def _text(value: str) -> str:
    return escape(value)


def _attr(value: str) -> str:
    return xml_safe(value).replace("\n", " ")


def _runs(runs: list[Run]) -> str:
    out = []
    for run in runs:
        props = ""
        if run.bold or run.italic:
            props = "<w:rPr>" + ("<w:b/>" if run.bold else "") + ("<w:i/>" if run.italic else "") + "</w:rPr>"
        pieces = run.text.split("\n")
        content = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(piece)}</w:t>' if piece else "" for piece in pieces)
        out.append(f"<w:r>{props}{content}</w:r>")
    return "".join(out)


# ----------------------------------------------------------------------------- header, footer, properties


def _fill_placeholders(word, fields: dict[str, str]) -> None:
    """Replace {{organisation}} and friends in headers and footers; drop lines left empty."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in word.part.rels.values():
        if rel.reltype not in (RT.HEADER, RT.FOOTER) or rel.is_external:
            continue
        root = rel.target_part.element
        for paragraph in list(root.iter(_W + "p")):
            texts = paragraph.xpath("./w:r/w:t | ./w:hyperlink/w:r/w:t")
            if not any("{{" in (t.text or "") or "}}" in (t.text or "") for t in texts):
                continue
            _fill_paragraph(paragraph, texts, fields)


def _fill_paragraph(paragraph, texts: list, fields: dict[str, str]) -> None:
    def fill(text: str) -> str:
        return _PLACEHOLDER.sub(lambda match: fields.get(match.group(1).lower(), match.group(0)), text)

    # A placeholder inside one run keeps that run's place (tabs and pictures around it stay put).
    for t in texts:
        if t.text and "{{" in t.text:
            t.text = xml_safe(fill(t.text)).replace("\n", " ")
    joined = "".join(t.text or "" for t in texts)
    if _PLACEHOLDER.search(joined) and fill(joined) != joined:
        # Word split a placeholder across runs (it does, after an edit): merge the text into the first run.
        texts[0].text = xml_safe(fill(joined)).replace("\n", " ")
        for extra in texts[1:]:
            extra.text = ""
        joined = texts[0].text
    for t in texts:
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if not joined.strip() and not paragraph.xpath(".//w:drawing | .//w:pict | .//w:fldChar | .//w:fldSimple"):
        parent = paragraph.getparent()
        if parent is not None and len(parent.findall(_W + "p")) > 1:
            parent.remove(paragraph)


def _set_language(word, language: str) -> None:
    """Make sure the document's default language is the letter's (en-GB), whatever the letterhead says."""
    from docx.oxml import parse_xml

    styles = word.styles.element
    defaults = styles.find(_W + "docDefaults")
    if defaults is None:
        defaults = parse_xml(f'<w:docDefaults xmlns:w="{W_NS}"/>')
        styles.insert(0, defaults)
    rpr_default = defaults.find(_W + "rPrDefault")
    if rpr_default is None:
        rpr_default = parse_xml(f'<w:rPrDefault xmlns:w="{W_NS}"><w:rPr/></w:rPrDefault>')
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(_W + "rPr")
    if rpr is None:
        rpr = parse_xml(f'<w:rPr xmlns:w="{W_NS}"/>')
        rpr_default.append(rpr)
    lang = rpr.find(_W + "lang")
    if lang is None:
        lang = parse_xml(f'<w:lang xmlns:w="{W_NS}"/>')
        rpr.append(lang)
    lang.set(_W + "val", language)


def _set_properties(word, document: LetterDocument) -> None:
    properties = word.core_properties
    now = _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    properties.title = _property(document.title)
    properties.subject = _property(document.subject)
    properties.author = _property(document.author)
    properties.last_modified_by = _property(document.author)
    properties.language = _property(document.language or "en-GB")
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _property(value: str) -> str:
    text = " ".join(xml_safe(value or "").split())
    return text[:CORE_PROPERTY_LIMIT]
