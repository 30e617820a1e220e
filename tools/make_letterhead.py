"""Build resources/letterhead.docx (and the neutral logo it carries) from scratch.

The letterhead is data: an officer opens it in Word, puts in the council's logo,
changes fonts and colours, and saves it (Settings ▸ Letterhead, or over the bundled
file). This script only makes the first one reproducible:

    python tools/make_letterhead.py

What it holds, and what the letter relies on (see docs/letter.md):
- A4 portrait, 2.54 cm margins; English (United Kingdom) as the document language;
- a first-page header with the logo and ``{{organisation}}``, ``{{address}}``,
  ``{{email}}``, ``{{phone}}``, ``{{website}}`` placeholders, a smaller header on later
  pages with ``{{organisation}}`` and ``{{reference}}``, and a "Page X of Y" footer;
- the styles the letter uses: Normal, Title, Heading 1, Heading 2, Question, Answer,
  List Bullet, List Number and Table Grid.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
LETTERHEAD = ROOT / "resources" / "letterhead.docx"
LOGO = ROOT / "resources" / "icons" / "letterhead-logo.png"

FONT = "Arial"
INK = RGBColor(0x1A, 0x1A, 0x1A)
ACCENT = RGBColor(0x1F, 0x4E, 0x79)  # dark blue: 8.7:1 contrast on white
ACCENT_HEX = "1F4E79"
ANSWER_FILL = "EEF3F7"
TEXT_WIDTH = Cm(21.0 - 2 * 2.54)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def draw_logo(path: Path) -> None:
    """A neutral civic emblem (a columned building) drawn with Qt, so no image file is needed to start."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPolygonF

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    size = 256
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(f"#{ACCENT_HEX}"))
    painter.drawRoundedRect(QRectF(0, 0, size, size), 36, 36)
    painter.setBrush(QColor("white"))
    painter.drawPolygon(QPolygonF([QPointF(40, 100), QPointF(128, 44), QPointF(216, 100)]))  # pediment
    painter.drawRect(QRectF(44, 106, 168, 14))  # entablature
    for x in (58, 100, 142, 184):  # columns
        painter.drawRect(QRectF(x, 128, 16, 72))
    painter.drawRect(QRectF(44, 206, 168, 14))  # step
    painter.drawRect(QRectF(32, 222, 192, 12))
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    del app


def plain_fonts(rpr) -> None:
    """Replace theme fonts by Arial, so the font shown in Word is the one named in the style."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT)


def set_defaults(document) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    plain_fonts(rpr)
    rpr.find(qn("w:lang")).set(qn("w:val"), "en-GB")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "160")  # 8 pt between paragraphs
    spacing.set(qn("w:line"), "264")  # 1.1 lines


def clear_theme(style) -> None:
    rpr = style.element.get_or_add_rPr()
    plain_fonts(rpr)
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)
    ppr = style.element.pPr
    if ppr is not None:
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)


def heading(style, size: float, before: float, after: float) -> None:
    clear_theme(style)
    style.font.size = Pt(size)
    style.font.bold = True
    style.font.italic = False
    style.font.color.rgb = ACCENT
    style.paragraph_format.space_before = Pt(before)
    style.paragraph_format.space_after = Pt(after)
    style.paragraph_format.keep_with_next = True


def set_styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.font.color.rgb = INK

    title = styles["Title"]
    heading(title, 14, 12, 12)
    title.font.color.rgb = INK
    title_rpr = title.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        element = title_rpr.find(qn(tag))
        if element is not None:
            title_rpr.remove(element)
    heading(styles["Heading 1"], 12, 14, 4)
    heading(styles["Heading 2"], 11, 10, 4)

    for name in ("List Bullet", "List Number"):
        style = styles[name]
        style.paragraph_format.space_after = Pt(2)
        # Options under a question line up with the question's text, not the page margin.
        indent_list(document, style, left=Cm(0.9 + 0.6), hanging=Cm(0.6))

    question = styles.add_style("Question", WD_STYLE_TYPE.PARAGRAPH)
    question.base_style = normal
    question.quick_style = True
    question.font.bold = True
    fmt = question.paragraph_format
    fmt.left_indent = Cm(0.9)
    fmt.first_line_indent = Cm(-0.9)
    fmt.tab_stops.add_tab_stop(Cm(0.9), WD_TAB_ALIGNMENT.LEFT)
    fmt.space_before = Pt(12)
    fmt.space_after = Pt(6)
    fmt.keep_with_next = True

    answer = styles.add_style("Answer", WD_STYLE_TYPE.PARAGRAPH)
    answer.base_style = normal
    answer.next_paragraph_style = answer
    answer.quick_style = True
    fmt = answer.paragraph_format
    fmt.left_indent = Cm(0.9)
    fmt.space_after = Pt(6)
    ppr = answer.element.get_or_add_pPr()
    # A coloured bar on the left and a light fill: the answer stands apart from the question.
    ppr.append(
        parse_xml(
            f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="24" w:space="8" w:color="{ACCENT_HEX}"/></w:pBdr>'
        )
    )
    ppr.append(parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{ANSWER_FILL}"/>'))
    _order_ppr(ppr)

    for name in ("Header", "Footer"):
        styles[name].font.size = Pt(9)
        # python-docx's sample styles put tab stops for US Letter here; the header sets its own.
        for tabs in styles[name].element.xpath("w:pPr/w:tabs"):
            tabs.getparent().remove(tabs)


def indent_list(document, style, left, hanging) -> None:
    """Move the first level of the style's numbering definition (where Word keeps list indents)."""
    num_id = style.element.xpath("w:pPr/w:numPr/w:numId/@w:val")[0]
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(int(num_id)).abstractNumId.val
    level = numbering.xpath(f'w:abstractNum[@w:abstractNumId="{abstract_id}"]/w:lvl[@w:ilvl="0"]')[0]
    left_twips, hanging_twips = str(int(left.twips)), str(int(hanging.twips))
    ns = {"w": W_NS}
    for tab in level.xpath("w:pPr/w:tabs/w:tab", namespaces=ns):
        tab.set(qn("w:pos"), left_twips)
    for ind in level.xpath("w:pPr/w:ind", namespaces=ns):
        ind.set(qn("w:left"), left_twips)
        ind.set(qn("w:hanging"), hanging_twips)


_PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]


def _order_ppr(ppr) -> None:
    """Word is strict about the order of paragraph properties; sort the ones appended by hand."""
    rank = {qn(f"w:{name}"): index for index, name in enumerate(_PPR_ORDER)}
    children = sorted(ppr, key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        ppr.remove(child)
        ppr.append(child)


def add_field(paragraph, instruction: str, cached: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice update when the page is laid out."""
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> {instruction} </w:instrText>'))
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    paragraph.add_run(cached)
    run = paragraph.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def page_footer(footer) -> None:
    paragraph = footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("Page ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(" of ")
    add_field(paragraph, "NUMPAGES", "1")


def first_page_header(header) -> None:
    top = header.paragraphs[0]
    top.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    top.paragraph_format.space_after = Pt(4)
    logo = top.add_run().add_picture(str(LOGO), height=Cm(1.6))
    doc_pr = logo._inline.docPr
    doc_pr.set("descr", "Organisation logo")
    doc_pr.set("name", "Logo")
    top.add_run("\t")
    name = top.add_run("{{organisation}}")
    name.bold = True
    name.font.size = Pt(14)
    name.font.color.rgb = ACCENT
    for placeholder in ("{{address}}", "{{email}}", "{{phone}}", "{{website}}"):
        line = header.add_paragraph(placeholder)
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        line.paragraph_format.space_after = Pt(0)
    rule = header.add_paragraph()
    rule.paragraph_format.space_after = Pt(6)
    rule._p.get_or_add_pPr().append(
        parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="{ACCENT_HEX}"/></w:pBdr>')
    )
    _order_ppr(rule._p.pPr)


def later_pages_header(header) -> None:
    paragraph = header.paragraphs[0]
    paragraph.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    name = paragraph.add_run("{{organisation}}")
    name.bold = True
    name.font.color.rgb = ACCENT
    paragraph.add_run("\tOur reference: {{reference}}")
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:pBdr {nsdecls("w")}><w:bottom w:val="single" w:sz="6" w:space="1" w:color="{ACCENT_HEX}"/></w:pBdr>')
    )
    _order_ppr(paragraph._p.pPr)


def build() -> None:
    if not LOGO.exists():
        draw_logo(LOGO)
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.54))
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.25)
    set_defaults(document)
    set_styles(document)

    section.different_first_page_header_footer = True
    first_page_header(section.first_page_header)
    later_pages_header(section.header)
    page_footer(section.first_page_footer)
    page_footer(section.footer)

    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    intro = document.add_paragraph(
        "This is the letterhead FOI Desktop writes letters on. The body of this document is replaced by "
        "the letter; change the header, footer, logo and styles (Normal, Title, Heading 1, Heading 2, "
        "Question, Answer, List Bullet, List Number, Table Grid) to match your organisation."
    )
    intro.style = document.styles["Normal"]

    properties = document.core_properties
    properties.title = "Letterhead"
    properties.subject = "Freedom of Information response letters"
    properties.author = ""
    properties.last_modified_by = ""
    properties.comments = ""
    properties.keywords = ""
    properties.language = "en-GB"
    properties.revision = 1
    package_rels = document.part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's sample thumbnail would show in Explorer
            package_rels.pop(rel_id)
    LETTERHEAD.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(LETTERHEAD))
    print(f"wrote {LETTERHEAD}")


if __name__ == "__main__":
    build()
