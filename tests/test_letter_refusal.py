"""The refusal-notice check: what a letter that refuses anything is missing."""

from __future__ import annotations

import pytest

from foi_desktop.core.case import Answer, CostEstimate, Organisation, Outcome, PublicInterestTest, Regime
from foi_desktop.core.settings import Settings
from foi_desktop.letter import Finding, check_refusal_notice
from test_letter import one_question_case, settings_with_org

COMPLETE_TEST = PublicInterestTest("Openness.", "Harm.", "Withhold.")


def messages(case, settings=None) -> list[str]:
    return [str(f) for f in check_refusal_notice(case, settings or settings_with_org())]


def test_sample_reports_the_missing_section_12_estimate(sample_case):
    findings = check_refusal_notice(sample_case, Settings())
    assert findings == [
        Finding("1", "the section 12 refusal gives no estimate (how many items, and how many minutes each).")
    ]
    assert str(findings[0]).startswith("Question 1: the section 12 refusal")


def test_complete_refusals_have_no_findings():
    answers = [
        Answer(outcome=Outcome.EXEMPT, exemptions=["s43(2)"], explanation="Why.", public_interest=COMPLETE_TEST),
        Answer(outcome=Outcome.EXEMPT, exemptions=["s40(2)"], explanation="Why."),  # absolute: no test needed
        Answer(outcome=Outcome.COST_LIMIT, cost=CostEstimate(items=100, minutes_per_item=20, advice="Narrow it.")),
        Answer(outcome=Outcome.ACCESSIBLE_ELSEWHERE, location="https://example.org"),
        Answer(outcome=Outcome.VEXATIOUS_OR_REPEATED, explanation="Same as last week's."),
        Answer(outcome=Outcome.NEITHER_CONFIRM_NOR_DENY, exemptions=["s40(2)"], explanation="Why."),
        Answer(outcome=Outcome.PROVIDED, explanation="42."),
        Answer(outcome=Outcome.NOT_HELD),
    ]
    for answer in answers:
        assert messages(one_question_case(answer)) == [], answer.outcome


def test_exemption_without_name_or_reason():
    assert messages(one_question_case(Answer(outcome=Outcome.EXEMPT))) == [
        "Question 1: no exemption is named for the information withheld.",
        "Question 1: no reason is given why the exemption applies.",
    ]


def test_eir_says_exception():
    found = messages(one_question_case(Answer(outcome=Outcome.PARTLY_PROVIDED, explanation="12."), Regime.EIR))
    assert found[0] == "Question 1: no exception is named for the information withheld."


def test_qualified_exemption_without_public_interest_test():
    case = one_question_case(Answer(outcome=Outcome.EXEMPT, exemptions=["s43(2)"], explanation="Why."))
    assert messages(case) == ["Question 1: no public interest test for section 43(2), which is not absolute."]
    case.questions[0].answer.public_interest = PublicInterestTest("Openness.", "", "")
    assert messages(case) == [
        "Question 1: the public interest test for section 43(2) lacks the factors for withholding and the conclusion."
    ]


def test_every_eir_exception_needs_the_test():
    case = one_question_case(Answer(outcome=Outcome.EXEMPT, exemptions=["reg12(4)(e)"], explanation="Why."), Regime.EIR)
    assert messages(case) == ["Question 1: no public interest test for regulation 12(4)(e), which is not absolute."]


def test_eir_cost_refusal_is_an_exception_with_the_test():
    case = one_question_case(
        Answer(outcome=Outcome.COST_LIMIT, cost=CostEstimate(items=5, minutes_per_item=600, advice="Narrow.")), Regime.EIR
    )
    assert messages(case) == ["Question 1: no public interest test for regulation 12(4)(b), which is not absolute."]


def test_cost_limit_without_estimate_or_advice():
    case = one_question_case(Answer(outcome=Outcome.COST_LIMIT, cost=CostEstimate(items=100)))
    assert messages(case) == [
        "Question 1: the section 12 refusal gives no estimate (how many items, and how many minutes each).",
        "Question 1: the section 12 refusal gives no advice on how to narrow the request (section 16).",
    ]


def test_unknown_or_wrong_regime_exemption():
    case = one_question_case(
        Answer(outcome=Outcome.EXEMPT, exemptions=["reg12(5)(e)"], explanation="Why.", public_interest=COMPLETE_TEST)
    )
    assert messages(case) == [
        "Question 1: \u201creg12(5)(e)\u201d is not an exemption of the FOI Act in the catalogue; check the reference."
    ]


@pytest.mark.parametrize(
    "answer, expected",
    [
        (Answer(outcome=Outcome.ACCESSIBLE_ELSEWHERE), "the letter does not say where the information can be found."),
        (Answer(outcome=Outcome.VEXATIOUS_OR_REPEATED), "no reason is given why the request is refused under section 14."),
        (Answer(outcome=Outcome.NEITHER_CONFIRM_NOR_DENY, explanation="x"), "no exemption is named for neither confirming nor denying."),
    ],
)
def test_other_outcomes(answer, expected):
    assert messages(one_question_case(answer)) == [f"Question 1: {expected}"]


def test_nowhere_to_ask_for_a_review_is_a_letter_finding():
    case = one_question_case(Answer(outcome=Outcome.VEXATIOUS_OR_REPEATED, explanation="Same again."))
    findings = check_refusal_notice(case, Settings(organisation=Organisation(name="Anytown")))
    assert [(f.question_label, f.message.split(":")[0]) for f in findings] == [
        (None, "The letter does not say where to ask for an internal review")
    ]
    assert check_refusal_notice(one_question_case(Answer(explanation="42.")), Settings()) == []  # nothing refused


def test_questions_are_named_by_their_labels():
    case = one_question_case(Answer(outcome=Outcome.EXEMPT, exemptions=["s40(2)"]))
    case.questions[0].label = "3b"
    assert messages(case) == ["Question 3b: no reason is given why the exemption applies."]
