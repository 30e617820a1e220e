"""What the templates see: the case turned into ready-to-print values.

Arithmetic and look-ups (hours from items × minutes, exemption names from the
catalogue, which organisation answers) happen here once, so the templates hold only
wording. Every name here is documented in docs/letter.md for template authors.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from foi_desktop.core.case import Case, Organisation, Outcome, PublicInterestTest, Question, Regime
from foi_desktop.core.exemptions import Catalogue
from foi_desktop.core.settings import Settings
from foi_desktop.core.case import Requester
from foi_desktop.letter.templates import register_plain_data

# Outcomes that say the information is held, and the one that says it is not.
_HELD = {Outcome.PROVIDED, Outcome.PARTLY_PROVIDED, Outcome.EXEMPT, Outcome.ACCESSIBLE_ELSEWHERE}
# Outcomes that leave open whether the information is held: a cost or vexatious refusal
# need not find out, and neither confirming nor denying must not let it slip.
_UNDETERMINED = {Outcome.COST_LIMIT, Outcome.VEXATIOUS_OR_REPEATED, Outcome.NEITHER_CONFIRM_NOR_DENY}
# Under the EIR, cost and vexatiousness are the exception "manifestly unreasonable".
_MANIFESTLY_UNREASONABLE = {Outcome.COST_LIMIT, Outcome.VEXATIOUS_OR_REPEATED}


@dataclass(frozen=True)
class ExemptionView:
    id: str
    section: str  # "section 43(2)"; an id the catalogue lacks is shown as typed
    name: str  # "" when the catalogue lacks the id
    absolute: bool
    known: bool
    needs_public_interest_test: bool
    neither_confirm_nor_deny: str  # "section 31(3)": the provision for neither confirming nor denying, or ""


@dataclass(frozen=True)
class TableRowView:
    label: str
    cells: list[str]


@dataclass(frozen=True)
class TableView:
    columns: list[str]
    rows: list[TableRowView]
    filled: bool  # cells are shown only when the answer releases them


@dataclass(frozen=True)
class CostView:
    items: str  # "4,000", "" when not given
    minutes: str  # "5", "2.5"
    hours: str  # "333", "7.5"
    pounds: str  # "4,995" at the regime's hourly rate (FOISA £15, FOIA £25), "" without an estimate
    total_minutes: str  # "2", for an estimate under an hour
    under_an_hour: bool
    activity: str
    advice: str
    has_estimate: bool


@dataclass(frozen=True)
class QuestionView:
    label: str
    number: str  # the label as printed before the question: "1."
    text: str
    options: list[str]
    chosen: str | None
    table: TableView | None
    outcome: str  # Outcome value: "provided", "not_held", ...
    explanation: str
    location: str
    exemptions: list[ExemptionView]
    neither_confirm_nor_deny: str  # the cited exemptions' own provisions, "section 31(3) and section 40(5B)", or ""
    needs_public_interest_test: bool
    public_interest: PublicInterestTest
    cost: CostView


@dataclass(frozen=True)
class LawTerms:
    """The regime's provisions from the catalogue ("section 12", the regulator), as ``law.cost_limit``."""

    title: str
    short: str
    exemption: str
    confirm_or_deny: str
    cost_limit: str
    advice: str
    accessible_elsewhere: str
    vexatious: str
    refusal_notice: str
    neither_confirm_nor_deny: str
    review: str
    review_reply_working_days: int
    review_request_working_days: int  # the requester's time to ask for a review in law (0: none set)
    presumption: str
    complaint: str  # "section 50 of the FOI Act": the right to ask the regulator for a decision
    appeal: str  # "section 56 of FOISA": the appeal from the Scottish Commissioner, "" elsewhere
    hourly_rate: int  # pounds per hour of staff time the fees regulations allow (0: none)
    cost_limit_pounds: int  # FOISA's £600 (0: the limit is the organisation's hours)
    regulator: "RegulatorView"


@dataclass(frozen=True)
class RegulatorView:
    name: str
    office: str
    address: list[str]
    website: str
    phone: str


_NUMBER_TERMS = {"review_reply_working_days": 20, "review_request_working_days": 0, "hourly_rate": 0, "cost_limit_pounds": 0}


def law_terms(terms: Any) -> LawTerms:
    regulator = terms["regulator"]
    numbers = {name: terms.get(name, default) for name, default in _NUMBER_TERMS.items()}
    return LawTerms(
        **{name: terms.get(name, "") for name in LawTerms.__dataclass_fields__ if name not in ("regulator", *_NUMBER_TERMS)},
        **numbers,
        regulator=RegulatorView(
            name=regulator.get("name", ""),
            office=regulator.get("office", ""),
            address=list(regulator.get("address", [])),
            website=regulator.get("website", ""),
            phone=regulator.get("phone", ""),
        ),
    )


def letter_organisation(case: Case, settings: Settings) -> Organisation:
    """The case's own organisation over the officer's profile, or the profile alone."""
    if case.organisation is not None:
        return case.organisation.merged_over(settings.organisation)
    return settings.organisation


def format_date(value: _dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def effective_exemptions(question: Question, regime: Regime, catalogue: Catalogue) -> list[ExemptionView]:
    """The exemptions a refusal cites; under the EIR a cost or vexatious refusal is regulation 12(4)(b)."""
    views = [_exemption_view(exemption_id, regime, catalogue) for exemption_id in question.answer.exemptions if exemption_id.strip()]
    if not views and regime.is_environmental and question.answer.outcome in _MANIFESTLY_UNREASONABLE:
        implied_id = catalogue.terms(regime).get("manifestly_unreasonable", "")
        implied = catalogue.get(implied_id, regime) if implied_id else None
        if implied is not None:
            views.append(_exemption_view(implied.id, regime, catalogue))
    return views


def _exemption_view(exemption_id: str, regime: Regime, catalogue: Catalogue) -> ExemptionView:
    exemption = catalogue.get(exemption_id, regime)
    if exemption is None:
        return ExemptionView(exemption_id.strip(), exemption_id.strip(), "", False, False, True, "")
    return ExemptionView(
        exemption.id,
        exemption.section,
        exemption.name,
        exemption.absolute,
        True,
        exemption.needs_public_interest_test,
        exemption.neither_confirm_nor_deny or "",
    )


def cost_limit_hours(regime: Regime, organisation: Organisation, terms: LawTerms) -> int | float:
    """The hours of work the cost limit allows: FOISA's £600 at £15 an hour is 40; elsewhere the organisation's."""
    if terms.cost_limit_pounds and terms.hourly_rate:
        hours = terms.cost_limit_pounds / terms.hourly_rate
        return int(hours) if hours == int(hours) else hours
    return organisation.cost_limit_hours


def _provisions(exemptions: list[ExemptionView]) -> str:
    provisions = list(dict.fromkeys(view.neither_confirm_nor_deny for view in exemptions if view.neither_confirm_nor_deny))
    if len(provisions) <= 1:
        return "".join(provisions)
    return ", ".join(provisions[:-1]) + " and " + provisions[-1]


def _number(label: str) -> str:
    label = label.strip()
    if label and label[-1].isalnum():
        return label + "."
    return label


def _format_number(value: float) -> str:
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def _cost_view(question: Question, hourly_rate: int) -> CostView:
    cost = question.answer.cost
    hours = cost.hours
    if hours is None:
        hours_text = ""
    elif hours >= 10:
        hours_text = f"{round(hours):,}"
    else:
        hours_text = _format_number(round(hours, 1))
    return CostView(
        items="" if cost.items is None else f"{cost.items:,}",
        minutes="" if cost.minutes_per_item is None else _format_number(cost.minutes_per_item),
        hours=hours_text,
        pounds="" if hours is None or not hourly_rate else f"{round(hours * hourly_rate):,}",
        total_minutes="" if hours is None else _format_number(round(hours * 60, 1)),
        under_an_hour=hours is not None and hours < 1,
        activity=cost.activity.strip(),
        advice=cost.advice.strip(),
        has_estimate=hours is not None,
    )


def _table_view(question: Question) -> TableView | None:
    table = question.table
    if table is None:
        return None
    width = len(table.columns)
    filled = question.answer.outcome.releases_information
    rows = []
    for index, label in enumerate(table.rows):
        cells = list(table.cells[index][:width]) if filled and index < len(table.cells) else []
        rows.append(TableRowView(label, cells + [""] * (width - len(cells))))
    return TableView(columns=list(table.columns), rows=rows, filled=filled)


def question_view(question: Question, index: int, regime: Regime, catalogue: Catalogue, hourly_rate: int = 0) -> QuestionView:
    answer = question.answer
    label = question.label.strip() or str(index)
    exemptions = effective_exemptions(question, regime, catalogue)
    needs_test = any(view.needs_public_interest_test for view in exemptions) and answer.outcome.is_refusal
    return QuestionView(
        label=label,
        number=_number(label),
        text=question.text,
        options=[option for option in question.options if option.strip()],
        chosen=question.chosen_option,
        table=_table_view(question),
        outcome=answer.outcome.value,
        explanation=answer.explanation.strip(),
        location=answer.location.strip(),
        exemptions=exemptions,
        neither_confirm_nor_deny=_provisions(exemptions),
        needs_public_interest_test=needs_test,
        public_interest=answer.public_interest,
        cost=_cost_view(question, hourly_rate),
    )


def holding(case: Case) -> str:
    """"all", "some" or "none" of the information held; "" when the letter must not say.

    An answer that leaves open whether information is held (cost, vexatious, neither
    confirm nor deny) turns "all" into "some", and stops "none": saying the Council
    holds none of it would confirm what a neither-confirm-nor-deny answer withholds,
    and a cost refusal does not establish it.
    """
    outcomes = {question.answer.outcome for question in case.questions}
    held = bool(outcomes & _HELD)
    not_held = Outcome.NOT_HELD in outcomes
    undetermined = bool(outcomes & _UNDETERMINED)
    if held and (not_held or undetermined):
        return "some"
    if held:
        return "all"
    if not_held and not undetermined:
        return "none"
    return ""


def make_context(case: Case, settings: Settings, catalogue: Catalogue, today: _dt.date | None = None) -> dict[str, Any]:
    organisation = letter_organisation(case, settings)
    regime = case.regime
    letter_date = case.letter_date or today or _dt.date.today()
    law = law_terms(catalogue.terms(regime))
    return {
        "org": organisation,
        "requester": case.requester,
        "reference": case.reference.strip(),
        "subject": case.subject.strip(),
        "regime": regime.value,
        "environmental": regime.is_environmental,
        "scottish": regime.is_scottish,
        "law": law,
        "cost_limit_hours": cost_limit_hours(regime, organisation, law),
        # The law's period is the requester's right; an organisation may give longer, never less.
        "review_period_working_days": max(organisation.review_period_working_days, law.review_request_working_days),
        "letter_date": format_date(letter_date),
        "received": format_date(case.received) if case.received else "",
        "holding": holding(case),
        "holding_statement": case.holding_statement.strip(),
        "questions": [
            question_view(question, index, regime, catalogue, law.hourly_rate)
            for index, question in enumerate(case.questions, start=1)
        ],
    }


register_plain_data(
    ExemptionView, TableRowView, TableView, CostView, QuestionView, LawTerms, RegulatorView,
    Organisation, Requester, PublicInterestTest,
)
