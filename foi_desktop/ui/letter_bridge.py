"""The window's way into the letter package: preview HTML, the refusal-notice check, the Word export.

A fault in a hand-edited template shows as a message in the preview rather than
closing the window. python-docx is imported only when a letter is exported.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
from dataclasses import dataclass

from foi_desktop.core.case import Case
from foi_desktop.core.settings import Settings


@dataclass(frozen=True)
class Finding:
    question_label: str | None  # None: a finding about the whole letter
    message: str


@dataclass(frozen=True)
class Preview:
    html: str
    findings: list[Finding]
    problem: str = ""  # why the letter could not be shown, for the officer


def _message_html(title: str, text: str) -> str:
    return f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>"


def build_preview(case: Case, settings: Settings, today: _dt.date | None = None) -> Preview:
    from foi_desktop.letter import build_letter, check_refusal_notice, render_html

    try:
        document = build_letter(case, settings, today=today)
        body = render_html(document)
    except Exception as exc:  # a template fault must not take the window down
        text = f"The letter cannot be shown: {exc}"
        return Preview(_message_html("The letter cannot be shown", str(exc)), [], text)
    try:
        findings = [Finding(f.question_label, f.message) for f in check_refusal_notice(case, settings)]
    except Exception as exc:
        findings = [Finding(None, f"The refusal notice check could not run: {exc}")]
    return Preview(body, findings)


def export_docx(case: Case, settings: Settings, path: str | os.PathLike[str], today: _dt.date | None = None) -> None:
    """Write the Word letter; raises OutputError or LetterheadError with a message for the officer."""
    from foi_desktop.letter import build_letter, letterhead_for, write_docx

    document = build_letter(case, settings, today=today)
    write_docx(document, path, letterhead=letterhead_for(settings))


def export_errors() -> tuple[type[BaseException], ...]:
    """The exceptions an export reports to the officer as a message (anything else is a bug)."""
    from foi_desktop.core.atomic import OutputError
    from foi_desktop.letter import LetterError  # a broken letterhead or template

    return (OutputError, LetterError)
