"""What a letter that refuses anything is missing, listed before export.

A refusal notice (FOIA s.17, FOISA s.16, EIR reg.14) must name the exemption, say why
it applies, weigh the public interest for a qualified exemption or any EIR exception,
and, for the cost limit, show the estimate and offer advice. Export still works;
the findings are shown to the officer (the command line prints them as warnings).
"""

from __future__ import annotations

from dataclasses import dataclass

from foi_desktop.core.case import Case, Outcome, Question
from foi_desktop.core.exemptions import Catalogue, load_catalogue
from foi_desktop.core.settings import Settings
from foi_desktop.letter.context import effective_exemptions, letter_organisation

_CITES_EXEMPTIONS = {Outcome.PARTLY_PROVIDED, Outcome.EXEMPT, Outcome.NEITHER_CONFIRM_NOR_DENY}


@dataclass(frozen=True)
class Finding:
    question_label: str | None  # None: about the letter as a whole
    message: str

    def __str__(self) -> str:
        return f"Question {self.question_label}: {self.message}" if self.question_label else self.message


def check_refusal_notice(case: Case, settings: Settings) -> list[Finding]:
    catalogue = load_catalogue()
    findings: list[Finding] = []
    for index, question in enumerate(case.questions, start=1):
        label = question.label.strip() or str(index)
        findings.extend(Finding(label, message) for message in _question_problems(question, case, catalogue))
    if case.refuses_anything:
        organisation = letter_organisation(case, settings)
        if not (organisation.foi_email.strip() or organisation.address.strip()):
            findings.append(
                Finding(
                    None,
                    "The letter does not say where to ask for an internal review: the organisation has no email "
                    "address or postal address (set them in Settings).",
                )
            )
    return findings


def _question_problems(question: Question, case: Case, catalogue: Catalogue) -> list[str]:
    answer = question.answer
    outcome = answer.outcome
    if not outcome.is_refusal:
        return []
    regime = case.regime
    terms = catalogue.terms(regime)
    problems: list[str] = []
    exemptions = effective_exemptions(question, regime, catalogue)
    word = terms["exemption"]
    if outcome in _CITES_EXEMPTIONS:
        if not exemptions:
            problems.append(f"no {word} is named for the information withheld.")
        if not answer.explanation.strip():
            problems.append(f"no reason is given why the {word} applies.")
    for view in exemptions:
        if not view.known:
            problems.append(
                f"\u201c{view.id}\u201d is not an {word} of {terms['short']} in the catalogue; check the reference."
            )
    if outcome is Outcome.COST_LIMIT:
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


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
