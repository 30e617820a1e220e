"""The letter as an HTML page for the window's preview (QTextBrowser's rich-text subset).

Only simple CSS that Qt's rich text understands: fonts, margins, background colours,
table borders. The page shows the same blocks the Word file gets, nothing more.
"""

from __future__ import annotations

from html import escape

from foi_desktop.letter.document import LetterDocument, ListBlock, Paragraph, Run, Table

STYLESHEET = """
body { font-family: Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 11pt; color: #1a1a1a; }
p { margin-top: 0px; margin-bottom: 8px; }
p.question { font-weight: bold; margin-top: 12px; margin-bottom: 6px; margin-left: 28px; text-indent: -28px; }
p.answer { background-color: #eef3f7; margin-left: 28px; padding: 4px; margin-bottom: 6px; }
table.grid { border-collapse: collapse; margin-bottom: 10px; }
table.grid th { background-color: #f2f2f2; font-weight: bold; text-align: left; }
"""

_HEADINGS = {"title": "h1", "heading1": "h2", "heading2": "h3"}
# Qt gives headings its own large sizes unless told on the element itself.
_HEADING_STYLE = {
    "h1": "font-size:15pt; margin-top:12px; margin-bottom:10px;",
    "h2": "font-size:12pt; color:#1f4e79; margin-top:14px; margin-bottom:4px;",
    "h3": "font-size:11pt; color:#1f4e79; margin-top:10px; margin-bottom:4px;",
}


def render_html(document: LetterDocument) -> str:
    parts = [
        '<!DOCTYPE html><html lang="',
        escape(document.language or "en-GB"),
        '"><head><meta charset="utf-8"><title>',
        escape(document.title),
        "</title><style>",
        STYLESHEET,
        "</style></head><body>",
    ]
    append = parts.append
    for block in document.blocks:
        if isinstance(block, Paragraph):
            tag = _HEADINGS.get(block.kind)
            if tag is not None:
                append(f'<{tag} style="{_HEADING_STYLE[tag]}">{_runs(block.runs)}</{tag}>')
            elif block.kind == "normal":
                append(f"<p>{_runs(block.runs)}</p>")
            else:
                label = f"{escape(block.label)}&nbsp;&nbsp; " if block.label else ""
                append(f'<p class="{block.kind}">{label}{_runs(block.runs)}</p>')
        elif isinstance(block, ListBlock):
            tag = "ol" if block.ordered else "ul"
            items = "".join(f"<li>{_runs(item)}</li>" for item in block.items)
            append(f'<{tag} style="margin-left:28px; margin-top:0px; margin-bottom:6px;">{items}</{tag}>')
        elif isinstance(block, Table):
            append(_table(block))
    append("</body></html>")
    return "".join(parts)


def _runs(runs: list[Run]) -> str:
    out = []
    for run in runs:
        text = escape(run.text, quote=False).replace("\n", "<br>")
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)


def _table(table: Table) -> str:
    header_rows = table.header_rows
    rows = []
    for index, row in enumerate(table.rows):
        cells = []
        for cell in row:
            tag = "th" if cell.header else "td"
            cells.append(f"<{tag}>{_runs(cell.runs)}</{tag}>")
        row_html = "<tr>" + "".join(cells) + "</tr>"
        rows.append(row_html)
    head = "".join(rows[:header_rows])
    body = "".join(rows[header_rows:])
    thead = f"<thead>{head}</thead>" if head else ""
    # The caption is the table's accessible name (alt text in Word), not visible text, in both outputs.
    summary = f' summary="{escape(table.caption)}"' if table.caption else ""
    return (
        f'<table class="grid" border="1" cellspacing="0" cellpadding="5" style="margin-left:28px;"{summary}>'
        f"{thead}<tbody>{body}</tbody></table>"
    )
