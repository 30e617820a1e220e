"""The window's way into the letter package: preview HTML, the refusal-notice check, the Word export.

A fault in a hand-edited template shows as a message in the preview rather than
closing the window. python-docx is imported only when a letter is exported.

The preview also gets each letter block's HTML on its own, so the panel can replace
only the blocks an edit changed instead of laying out the whole letter again.
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
class PreviewBlock:
    """One block of the letter as the preview shows it."""

    html: str
    kind: str  # "paragraph", "list" or "table"
    text_blocks: int = 1  # how many top-level text blocks it makes in a QTextDocument (a list: one per item)

    @property
    def paragraph(self) -> bool:
        return self.kind == "paragraph"

    @property
    def table(self) -> bool:
        return self.kind == "table"


@dataclass(frozen=True)
class Preview:
    html: str
    findings: list[Finding]
    problem: str = ""  # why the letter could not be shown, for the officer
    blocks: tuple[PreviewBlock, ...] = ()  # the page's body, block by block (empty when the letter could not be shown)
    head: str = ""  # what comes before the blocks in ``html``; PAGE_END comes after them


PAGE_END = "</body></html>"


def _message_html(title: str, text: str) -> str:
    return f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>"


def build_preview(case: Case, settings: Settings, today: _dt.date | None = None) -> Preview:
    from foi_desktop.letter import build_letter, check_refusal_notice

    try:
        document = build_letter(case, settings, today=today)
        head, blocks = page_parts(document)
    except Exception as exc:  # a template fault must not take the window down
        text = f"The letter cannot be shown: {exc}"
        return Preview(_message_html("The letter cannot be shown", str(exc)), [], text)
    try:
        findings = [Finding(f.question_label, f.message) for f in check_refusal_notice(case, settings)]
    except Exception as exc:
        findings = [Finding(None, f"The refusal notice check could not run: {exc}")]
    page = head + "".join(block.html for block in blocks) + PAGE_END
    return Preview(page, findings, blocks=tuple(blocks), head=head)


def page_parts(document) -> tuple[str, list[PreviewBlock]]:
    """The preview page of ``document`` as its head and its blocks' HTML, exactly as ``render_html`` writes them.

    Each block is rendered by ``render_html`` as a page of its own and cut out of it,
    so the parts cannot drift from the whole page: ``head + blocks + PAGE_END`` is
    ``render_html(document)``.
    """
    from foi_desktop.letter import LetterDocument, ListBlock, Paragraph, Table, render_html

    page = render_html(LetterDocument(title=document.title, language=document.language))
    head = page[: -len(PAGE_END)]
    empty = render_html(LetterDocument())
    start, end = len(empty) - len(PAGE_END), -len(PAGE_END)
    blocks = []
    for block in document.blocks:
        markup = render_html(LetterDocument(blocks=[block]))[start:end]
        if isinstance(block, ListBlock):
            blocks.append(PreviewBlock(markup, "list", len(block.items)))
        elif isinstance(block, Table):
            blocks.append(PreviewBlock(markup, "table"))
        elif isinstance(block, Paragraph):
            blocks.append(PreviewBlock(markup, "paragraph"))
        else:  # a kind of block this panel does not know: its shape cannot be predicted
            raise TypeError(f"unknown letter block {type(block).__name__}")
    return head, blocks


@dataclass(frozen=True)
class CostLimit:
    """The cost limit as the letter states it for the case's regime."""

    hours: float
    provision: str  # "section 12", "regulation 12(4)(b)"
    pounds: int = 0  # FOISA's £600 (0: the limit is set in hours)
    hourly_rate: int = 0
    fixed: bool = True  # the EIR set no fixed limit: the burden is weighed under the exception

    def describe(self, hours: float | None) -> str:
        """The estimate against the limit, in the letter's terms: '50.0 hours: over the 40-hour limit (£600 at £15 an hour)'."""
        if self.fixed:
            limit = f"the {self.hours:g}-hour limit"
            if self.pounds and self.hourly_rate:
                limit += f" (£{self.pounds:,} at £{self.hourly_rate} an hour)"
            note = ""
        else:
            limit = f"the {self.hours:g} hours the letter cites"
            note = f" (the EIR set no fixed limit: {self.provision} weighs the burden)"
        if hours is None:
            return f"enter the items and minutes to show the hours against {limit}{note}"
        return f"{hours:,.1f} hours: {'over' if hours > self.hours else 'within'} {limit}{note}"


def cost_limit(case: Case, settings: Settings) -> CostLimit:
    """The limit the letter cites (``foi_desktop.letter.context.cost_limit_hours``), so the editor and the letter agree."""
    from foi_desktop.letter.context import cost_limit_hours, law_terms, letter_organisation

    organisation = letter_organisation(case, settings)
    try:
        from foi_desktop.core.exemptions import load_catalogue

        law = law_terms(load_catalogue().terms(case.regime))
    except Exception:  # a damaged catalogue: the organisation's hours, as the letter would fall back to
        return CostLimit(organisation.cost_limit_hours, "the cost limit", fixed=not case.regime.is_environmental)
    return CostLimit(cost_limit_hours(case.regime, organisation, law), law.cost_limit, law.cost_limit_pounds,
                     law.hourly_rate, fixed=not case.regime.is_environmental)


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
