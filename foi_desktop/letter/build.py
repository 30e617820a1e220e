"""From a case to the letter's document structure: context → templates → markup → blocks."""

from __future__ import annotations

import datetime as _dt

from foi_desktop.core.case import Case
from foi_desktop.core.exemptions import load_catalogue
from foi_desktop.core.settings import Settings
from foi_desktop.letter.context import letter_organisation, make_context
from foi_desktop.letter.document import LetterDocument, Paragraph
from foi_desktop.letter.markup import parse_markup
from foi_desktop.letter.templates import render_markup
from foi_desktop.letter.text import one_line, xml_safe


def build_letter(case: Case, settings: Settings, *, today: _dt.date | None = None) -> LetterDocument:
    """The letter for ``case``; ``today`` is the date used when the case has no letter date."""
    context = make_context(case, settings, load_catalogue(), today)
    document = parse_markup(render_markup(context))
    if not document.title:
        document.title = next((b.text for b in document.blocks if isinstance(b, Paragraph) and b.kind == "title"), "")
    organisation = letter_organisation(case, settings)
    document.letterhead_fields = {
        "organisation": xml_safe(organisation.name).replace("\n", " "),
        "address": one_line(organisation.address),
        "email": one_line(organisation.foi_email),
        "phone": one_line(organisation.phone),
        "website": one_line(organisation.website),
        "reference": one_line(case.reference),
        "date": context["letter_date"],
    }
    return document
