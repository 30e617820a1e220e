"""The response letter: templates → one document structure → HTML preview and Word file.

    doc = build_letter(case, settings)          # on every keystroke: fast, no python-docx
    html = render_html(doc)                     # the window's preview
    write_docx(doc, path, letterhead=letterhead_for(settings))   # atomic
    findings = check_refusal_notice(case, settings)

See docs/letter.md for the templates, the markup they produce and the letterhead.
"""

from __future__ import annotations

from foi_desktop.letter.build import build_letter
from foi_desktop.letter.document import LetterDocument, ListBlock, Paragraph, Run, Table, TableCell
from foi_desktop.letter.docx_writer import default_letterhead, letterhead_for, write_docx
from foi_desktop.letter.errors import LetterError, LetterheadError, LetterTemplateError
from foi_desktop.letter.html import render_html
from foi_desktop.letter.refusal_check import Finding, check_refusal_notice

__all__ = [
    "Finding",
    "LetterDocument",
    "LetterError",
    "LetterTemplateError",
    "LetterheadError",
    "ListBlock",
    "Paragraph",
    "Run",
    "Table",
    "TableCell",
    "build_letter",
    "check_refusal_notice",
    "default_letterhead",
    "letterhead_for",
    "render_html",
    "write_docx",
]
