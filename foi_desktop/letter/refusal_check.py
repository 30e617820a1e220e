"""What a letter that refuses anything is missing, listed before export.

A refusal notice (FOIA s.17, FOISA s.16, EIR reg.14) must name the exemption, say why
it applies, weigh the public interest for a qualified exemption or any EIR exception,
and, for the cost limit, show an estimate that exceeds the limit and offer advice; it
must say how to ask for a review (FOIA s.17(7), FOISA s.19, EIR reg.14(5)). Neither
confirming nor denying needs an exemption that allows it. A question left with no
answer at all is reported too: the letter would neither give nor refuse it.
Export still works; the findings are shown to the officer (the command line prints
them as warnings).
"""

from __future__ import annotations

from dataclasses import dataclass

from foi_desktop.core.case import Case, Organisation, Outcome, Question, Regime
from foi_desktop.core.exemptions import Catalogue, load_catalogue
from foi_desktop.core.settings import Settings
from foi_desktop.letter.context import cost_limit_hours, effective_exemptions, law_terms, letter_organisation

_CITES_EXEMPTIONS = {Outcome.PARTLY_PROVIDED, Outcome.EXEMPT, Outcome.NEITHER_CONFIRM_NOR_DENY}


@dataclass(frozen=True)
class Finding:
    question_label: str | None  # None: about the letter as a whole
    message: str

    def __str__(self) -> str:
        return f"Question {self.question_label}: {self.message}" if self.question_label else self.message


def check_refusal_notice(case: Case, settings: Settings) -> list[Finding]:
    catalogue = load_catalogue()
    organisation = letter_organisation(case, settings)
    findings: list[Finding] = []
    if not case.questions:
        findings.append(Finding(None, "The letter answers no questions: add the request's questions first."))
    for index, question in enumerate(case.questions, start=1):
        label = question.label.strip() or str(index)
        problems = _question_problems(question, case, catalogue, organisation)
        findings.extend(Finding(label, message) for message in problems)
    if _needs_review_particulars(case):
        if not (organisation.foi_email.strip() or organisation.address.strip()):
            findings.append(
                Finding(
                    None,
                    "The letter does not say where to ask for an internal review: the organisation has no email "
                    "address or postal address (set them in Settings).",
                )
            )
    return findings


def _needs_review_particulars(case: Case) -> bool:
    """A refusal always; "not held" too outside FOIA (an EIR exception, a FOISA s.17 notice under s.19)."""
    if case.refuses_anything:
        return True
    return case.regime is not Regime.FOIA and any(q.answer.outcome is Outcome.NOT_HELD for q in case.questions)


def _unanswered(question: Question) -> bool:
    answer = question.answer
    table_values = question.table is not None and question.table.has_values
    return question.chosen_option is None and not answer.explanation.strip() and not table_values


def _question_problems(question: Question, case: Case, catalogue: Catalogue, organisation: Organisation) -> list[str]:
    answer = question.answer
    outcome = answer.outcome
    if outcome is Outcome.PROVIDED and _unanswered(question):
        return ["no answer is given: choose an option, fill in the table or write the answer."]
    if not outcome.is_refusal:
        return []
    regime = case.regime
    terms = catalogue.terms(regime)
    problems: list[str] = []
    exemptions = effective_exemptions(question, regime, catalogue)
    word = terms["exemption"]
    if outcome is Outcome.PARTLY_PROVIDED and _unanswered(question):
        problems.append("nothing is given for the part released: choose an option, fill in the table or write it.")
    if outcome in _CITES_EXEMPTIONS:
        if not exemptions:
            withheld = "for neither confirming nor denying" if outcome is Outcome.NEITHER_CONFIRM_NOR_DENY else "for the information withheld"
            problems.append(f"no {word} is named {withheld}.")
        if not answer.explanation.strip():
            problems.append(f"no reason is given why the {word} applies.")
    if outcome is Outcome.NEITHER_CONFIRM_NOR_DENY:
        for view in exemptions:
            exemption = catalogue.get(view.id, regime) if view.known else None
            if exemption is not None and not exemption.allows_neither_confirm_nor_deny:
                problems.append(
                    f"{view.section} does not allow neither confirming nor denying; cite an {word} that does, "
                    "or say whether the information is held."
                )
    for view in exemptions:
        if not view.known:
            problems.append(
                f"\u201c{view.id}\u201d is not an {word} of {terms['short']} in the catalogue; check the reference."
            )
    if outcome is Outcome.COST_LIMIT:
        limit_problem = _estimate_within_limit(question, regime, terms, organisation)
        if limit_problem:
            problems.append(limit_problem)
        if answer.cost.hours is None:
            problems.append(
                f"the {terms['cost_limit']} refusal gives no estimate (how many items, and how many minutes each)."
            )
        if not answer.cost.advice.strip():
            problems.append(f"the {terms['cost_limit']} refusal gives no advice on how to narrow the request ({terms['advice']}).")
    if outcome is Outcome.ACCESSIBLE_ELSEWHERE and not answer.location.strip():
        problems.append("the letter does not say where the information can be found.")
    if outcome is Outcome.VEXATIOUS_OR_REPEATED and not answer.explanation.strip():
        problems.append(f"no reason is given why the request is refused under {terms['vexatious']}.")
    needing_test = [view for view in exemptions if view.needs_public_interest_test]
    if needing_test:
        names = ", ".join(view.section for view in needing_test)
        test = answer.public_interest
        if test.is_empty:
            problems.append(f"no public interest test for {names}, which {'is' if len(needing_test) == 1 else 'are'} not absolute.")
        else:
            missing = [
                name
                for name, value in (
                    ("the factors for disclosure", test.favouring_disclosure),
                    ("the factors for withholding", test.favouring_withholding),
                    ("the conclusion", test.conclusion),
                )
                if not value.strip()
            ]
            if missing:
                problems.append(f"the public interest test for {names} lacks {_join(missing)}.")
    return problems


def _estimate_within_limit(question: Question, regime: Regime, terms, organisation: Organisation) -> str:
    """A section 12 refusal whose own estimate does not exceed the limit (the EIR set no fixed limit)."""
    hours = question.answer.cost.hours
    if hours is None or regime.is_environmental:
        return ""
    law = law_terms(terms)
    limit = cost_limit_hours(regime, organisation, law)
    if hours > limit:
        return ""
    estimate = f"about {_hours(hours)}"
    if law.cost_limit_pounds:
        estimate += f", £{round(hours * law.hourly_rate):,}"
        ceiling = f"£{law.cost_limit_pounds:,} ({_hours(limit)} at £{law.hourly_rate} an hour)"
    else:
        ceiling = _hours(limit)
    return (
        f"the estimate ({estimate}) does not exceed the cost limit of {ceiling}, so {terms['cost_limit']} "
        "does not apply: check the estimate, or answer the question."
    )


def _hours(value: float) -> str:
    if value < 1:
        minutes = round(value * 60, 1)
        return f"{minutes:g} minutes"
    rounded = round(value, 1)
    return f"{rounded:g} hour" + ("" if rounded == 1 else "s")


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
