"""Every outcome under every regime, with empty and with full data: the letter always reads as sentences.

Also the wording the law asks for in each regime (rights of review and appeal, FOISA's
cost limit, neither confirm nor deny), the holding statement for every mix of outcomes,
and the refusal-notice findings added for these cases.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from foi_desktop.core.case import (
    Answer,
    Case,
    CostEstimate,
    Organisation,
    Outcome,
    PublicInterestTest,
    Question,
    Regime,
    Requester,
    Table,
)
from foi_desktop.core.exemptions import load_catalogue
from foi_desktop.core.settings import Settings
from foi_desktop.letter import Finding, ListBlock, build_letter, check_refusal_notice, render_html
from foi_desktop.letter import Table as TableBlock
from test_letter import TODAY, html_text, letter_text, one_question_case, settings_with_org

# A qualified and an absolute exemption that allow neither confirming nor denying, per regime.
CITED = {
    Regime.FOIA: ["s31", "s40(2)"],
    Regime.EIR: ["reg12(5)(a)", "reg13"],
    Regime.FOISA: ["s35", "s38(1)(b)"],
    Regime.EIR_SCOTLAND: ["reg10(5)(a)", "reg11(2)"],
}
CITING = {Outcome.PARTLY_PROVIDED, Outcome.EXEMPT, Outcome.NEITHER_CONFIRM_NOR_DENY}


def full_answer(outcome: Outcome, regime: Regime, **extra) -> Answer:
    return Answer(
        outcome=outcome,
        explanation="The figures come from the parking system.",
        exemptions=list(CITED[regime]) if outcome in CITING else [],
        public_interest=PublicInterestTest("Openness about enforcement.", "Harm to investigations.", "Withholding wins."),
        cost=CostEstimate(items=4000, minutes_per_item=5, activity="locating and reading each file",
                          advice="You could ask for one year only."),
        location="https://www.anytown.gov.uk/parking",
        **extra,
    )


def full_case(outcome: Outcome, regime: Regime) -> Case:
    """Everything filled: requester, dates, and the question as free text, with options, and as a table."""
    case = Case(
        reference="FOI-2024-1",
        subject="Parking fines",
        requester=Requester(name="Alex Example", email="alex@example.org", address="1 High Street\nAnytown\nAN1 2BB"),
        received=dt.date(2024, 4, 2),
        regime=regime,
    )
    case.questions = [
        Question(label="1", text="How many parking fines were issued?", answer=full_answer(outcome, regime)),
        Question(label="2", text="Do you use a contractor?", options=["Yes", "No"],
                 answer=full_answer(outcome, regime, choice=0)),
        Question(label="3", text="Fines by year?",
                 table=Table(rows=["2022", "2023"], columns=["Issued", "Paid"], cells=[["10", "8"], ["12", ""]]),
                 answer=full_answer(outcome, regime)),
    ]
    return case


def empty_case(outcome: Outcome, regime: Regime) -> Case:
    """Nothing but the outcome: no requester, subject, dates, exemptions, reasons; options without a
    choice, a table without rows, a table without columns, a table with neither."""
    case = Case(regime=regime)
    case.questions = [
        Question(text="How many?", answer=Answer(outcome=outcome)),
        Question(text="Which one?", options=["Yes", "No"], answer=Answer(outcome=outcome)),
        Question(text="By year?", table=Table(rows=[], columns=["Issued"]), answer=Answer(outcome=outcome)),
        Question(text="Which years?", table=Table(rows=["2022"], columns=[], cells=[[]]), answer=Answer(outcome=outcome)),
        Question(text="Anything?", table=Table(), answer=Answer(outcome=outcome)),
    ]
    return case


FULL_SETTINGS = settings_with_org(phone="0116 000 0000", website="www.anytown.gov.uk")
EMPTY_SETTINGS = Settings(organisation=Organisation(short_name=""))

_DANGLING = [
    (re.compile(r"\bunder\s*(of\b|[.,;:])"), "a provision missing after 'under'"),
    (re.compile(r"\b(by|in|to|of|with|the)\s+of\b"), "a provision missing before 'of'"),
    (re.compile(r"\b(of|by|under|in|to|the|with)\s*[.,;]"), "a word left hanging before punctuation"),
    (re.compile(r"\s[.,;:]"), "a space before punctuation"),
    (re.compile(r"[,;:]\s*[.,;:]|\.\."), "doubled punctuation"),
    (re.compile(r"\(\s*\)"), "empty brackets"),
    (re.compile(r"\bNone\b|\{\{|\{%|\}\}|%\}"), "template residue"),
    (re.compile(r"[.!?]\s+[a-z]"), "a sentence starting in lower case"),
]


def problems_in(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        for body in re.sub(r"^\d+\.\t", "", line).split("\t"):  # a question's number; table cells
            found.extend(_problems_in_paragraph(body, line))
    return found


def _problems_in_paragraph(body: str, line: str) -> list[str]:
    if not body.strip():
        return []  # the space for a signature; an empty cell
    found = []
    if "  " in body:
        found.append(f"doubled space: {line!r}")
    if body != body.strip():
        found.append(f"space at an end: {line!r}")
    if "@" not in body and body[0].isalpha() and body[0].islower():
        found.append(f"paragraph starts in lower case: {line!r}")
    if not re.search(r"\w", body):
        found.append(f"a paragraph of punctuation only: {line!r}")
    for pattern, what in _DANGLING:
        match = pattern.search(body)
        if match:
            found.append(f"{what} ({match.group()!r}): {line!r}")
    return found


@pytest.mark.parametrize("data", ["empty", "full"])
@pytest.mark.parametrize("regime", list(Regime))
@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_regime_and_data_reads_as_sentences(outcome, regime, data):
    case = full_case(outcome, regime) if data == "full" else empty_case(outcome, regime)
    document = build_letter(case, FULL_SETTINGS if data == "full" else EMPTY_SETTINGS, today=TODAY)
    text = document.plain_text()
    assert problems_in(text) == []
    assert " ".join(html_text(render_html(document)).split()) == " ".join(text.split())
    if data == "full" and outcome in CITING:
        first = load_catalogue().get(CITED[regime][0], regime)
        assert f"{first.section} ({first.name})" in text


def test_the_hygiene_check_catches_what_it_looks_for():
    """The checks above must be able to fail."""
    assert problems_in("The Council holds it under of the FOI Act.")
    assert problems_in("Withheld under .")
    assert problems_in("The interests protected by of the EIR.")
    assert problems_in("Two  spaces.")
    assert problems_in("Empty () brackets.")
    assert problems_in("Printed None here.")
    assert problems_in("A sentence. then lower case.")
    assert problems_in("lower case start.")
    assert problems_in("Hanging ,")
    assert problems_in("Value {{ x }}.")
    assert problems_in("Ends with the.")
    assert problems_in("alex@example.org") == []


# ----------------------------------------------------------------------------- holding statement


def mixed_case(*outcomes: Outcome) -> Case:
    case = Case(questions=[Question(text=f"Q{n}?", answer=Answer(outcome=o, explanation="x", exemptions=["s31"]))
                           for n, o in enumerate(outcomes, 1)])
    return case


HOLDS_ALL = "The Council holds the information requested."
HOLDS_SOME = "The Council holds some of the information requested."
HOLDS_NONE = "The Council does not hold the information requested."


@pytest.mark.parametrize(
    "outcomes, statement",
    [
        ([Outcome.PROVIDED, Outcome.EXEMPT, Outcome.ACCESSIBLE_ELSEWHERE, Outcome.PARTLY_PROVIDED], HOLDS_ALL),
        ([Outcome.PROVIDED, Outcome.NOT_HELD], HOLDS_SOME),
        ([Outcome.EXEMPT, Outcome.NOT_HELD], HOLDS_SOME),
        ([Outcome.PROVIDED, Outcome.COST_LIMIT], HOLDS_SOME),  # the cost refusal does not say it holds the rest
        ([Outcome.PROVIDED, Outcome.NEITHER_CONFIRM_NOR_DENY], HOLDS_SOME),
        ([Outcome.NOT_HELD, Outcome.NOT_HELD], HOLDS_NONE),
        ([Outcome.NOT_HELD, Outcome.NEITHER_CONFIRM_NOR_DENY], None),  # "does not hold" would deny
        ([Outcome.NOT_HELD, Outcome.COST_LIMIT], None),
        ([Outcome.NEITHER_CONFIRM_NOR_DENY], None),
        ([Outcome.NEITHER_CONFIRM_NOR_DENY, Outcome.NEITHER_CONFIRM_NOR_DENY], None),
        ([Outcome.COST_LIMIT], None),
        ([Outcome.VEXATIOUS_OR_REPEATED], None),
        ([], None),
    ],
)
def test_holding_statement_for_every_mix(outcomes, statement):
    text = letter_text(mixed_case(*outcomes))
    opening = text.split("Your request for information has now been considered.", 1)[1].split("\n", 1)[0].strip()
    assert opening == (statement or "")


def test_an_ncnd_only_letter_never_says_holds_or_does_not_hold():
    for regime in Regime:
        case = mixed_case(Outcome.NEITHER_CONFIRM_NOR_DENY)
        case.regime = regime
        case.questions[0].answer.exemptions = CITED[regime][:1]
        text = letter_text(case).lower()
        assert " holds " not in text.replace("whether it holds", "") and "does not hold" not in text
        assert "not held" not in text


# ----------------------------------------------------------------------------- rights in each regime


def rights_text(regime: Regime, **org) -> str:
    return letter_text(one_question_case(Answer(explanation="42."), regime), settings_with_org(**org))


def test_foia_rights_name_section_50_and_the_review_first():
    text = rights_text(Regime.FOIA)
    assert "apply directly to the Information Commissioner for a decision under section 50 of the FOI Act." in text
    assert "will not normally consider a complaint until our internal review is complete" in text
    assert "Court of Session" not in text and "regulation" not in text


def test_eir_rights_name_regulation_11_and_18():
    text = rights_text(Regime.EIR)
    assert "You may make these representations under regulation 11 of the EIR." in text
    assert "will reply within 40 working days" in text
    assert "section 50 of the Freedom of Information Act 2000, as applied by regulation 18 of the EIR" in text


def test_foisa_rights_name_sections_20_47_and_56():
    text = rights_text(Regime.FOISA)
    assert "You have this right under section 20 of FOISA." in text and "will reply within 20 working days" in text
    assert "apply to the Scottish Information Commissioner for a decision under section 47 of FOISA, normally within six months" in text
    assert "Kinburn Castle\nDoubledykes Road\nSt Andrews\nFife KY16 9DS" in text and "www.foi.scot/appeal" in text
    assert "appeal to the Court of Session on a point of law under section 56 of FOISA, within 42 days" in text


def test_eir_scotland_rights_name_regulations_16_and_17():
    text = rights_text(Regime.EIR_SCOTLAND)
    assert "You may make these representations under regulation 16 of the EIRs." in text
    assert "section 47 of FOISA, as applied by regulation 17 of the EIRs" in text
    assert "section 56 of FOISA, as applied by regulation 17 of the EIRs" in text


@pytest.mark.parametrize("regime", [Regime.EIR, Regime.FOISA, Regime.EIR_SCOTLAND])
def test_a_shorter_review_period_never_cuts_the_statutory_forty_days(regime):
    assert "within 40 working days of the date of this letter" in rights_text(regime, review_period_working_days=20)
    assert "within 60 working days of the date of this letter" in rights_text(regime, review_period_working_days=60)


def test_foia_review_period_is_the_organisations():
    assert "within 20 working days of the date of this letter" in rights_text(Regime.FOIA, review_period_working_days=20)


# ----------------------------------------------------------------------------- cost limit


def cost_answer(items: int, minutes: float) -> Answer:
    return Answer(outcome=Outcome.COST_LIMIT, cost=CostEstimate(items=items, minutes_per_item=minutes, advice="Narrow it."))


def test_foisa_cost_limit_is_money_and_forty_hours_never_the_foia_hours():
    text = letter_text(one_question_case(cost_answer(4000, 5), Regime.FOISA), settings_with_org(cost_limit_hours=18))
    assert "18 hours" not in text and "24 hours" not in text
    assert "exceed £600, the limit set by the Freedom of Information (Fees for Required Disclosure) (Scotland) Regulations 2004" in text
    assert "Staff time counts at no more than £15 an hour, so the limit is reached after 40 hours of work." in text
    assert "4,000 items at 5 minutes each, which at £15 an hour is about £5,000." in text


def test_foia_cost_limit_keeps_the_organisations_hours_and_no_money():
    text = letter_text(one_question_case(cost_answer(4000, 5)), settings_with_org(cost_limit_hours=24))
    assert "if it would take over 24 hours to provide you with the information." in text and "£" not in text


@pytest.mark.parametrize(
    "regime, items, minutes, settings_hours, expected",
    [
        (Regime.FOIA, 100, 6, 18, "the estimate (about 10 hours) does not exceed the cost limit of 18 hours, so section 12 does not apply"),
        (Regime.FOIA, 18, 60, 18, "the estimate (about 18 hours) does not exceed the cost limit of 18 hours"),
        (Regime.FOIA, 100, 12, 18, None),  # 20 hours
        (Regime.FOIA, 100, 12, 24, "does not exceed the cost limit of 24 hours"),
        (Regime.FOISA, 600, 3, 18, "the estimate (about 30 hours, £450) does not exceed the cost limit of £600 (40 hours at £15 an hour)"),
        (Regime.FOISA, 600, 5, 18, None),  # 50 hours, £750
        (Regime.EIR, 1, 1, 18, None),  # no fixed limit under the EIR
    ],
)
def test_an_estimate_within_the_limit_is_a_finding(regime, items, minutes, settings_hours, expected):
    case = one_question_case(cost_answer(items, minutes), regime)
    case.questions[0].answer.public_interest = PublicInterestTest("a", "b", "c")
    found = [f.message for f in check_refusal_notice(case, settings_with_org(cost_limit_hours=settings_hours))]
    within = [m for m in found if "does not exceed" in m]
    if expected is None:
        assert within == []
    else:
        assert len(within) == 1 and expected in within[0]


# ----------------------------------------------------------------------------- neither confirm nor deny


def ncnd_text(regime: Regime, exemptions: list[str], **answer) -> str:
    return letter_text(one_question_case(Answer(outcome=Outcome.NEITHER_CONFIRM_NOR_DENY, exemptions=exemptions,
                                                explanation="Because.", **answer), regime))


def test_foia_ncnd_names_each_exemptions_own_provision():
    text = ncnd_text(Regime.FOIA, ["s31", "s40(2)"])
    assert "so the duty to confirm or deny in section 1(1)(a) does not arise (section 31(3) and section 40(5B))." in text
    assert "Section 31 is a qualified exemption, so the Council has considered whether the public interest in maintaining " \
           "the exclusion of the duty to confirm or deny outweighs the public interest in confirming or denying" in text
    assert "Section 40(2) is an absolute exemption" in text


def test_ncnd_without_an_exemption_is_still_a_sentence():
    assert "Confirming or denying would itself disclose exempt information, so the duty to confirm or deny in " \
           "section 1(1)(a) of the FOI Act does not arise." in ncnd_text(Regime.FOIA, [])
    assert "would itself adversely affect interests protected by the EIR." in ncnd_text(Regime.EIR, [])
    assert "if it existed and were held, it would be exempt information." in ncnd_text(Regime.FOISA, [])


def test_eir_personal_data_ncnd_uses_regulation_13():
    text = ncnd_text(Regime.EIR, ["reg13"])
    assert "Under regulation 13(5A) of the EIR, the Council neither confirms nor denies" in text
    assert "Regulation 13 is not subject to the public interest test." in text


def test_eir_ncnd_public_interest_is_about_confirming_or_denying():
    text = ncnd_text(Regime.EIR, ["reg12(5)(a)"], public_interest=PublicInterestTest("a", "b", "c"))
    assert "the Council may neither confirm nor deny only if, in all the circumstances, the public interest in doing so " \
           "outweighs the public interest in confirming or denying" in text


@pytest.mark.parametrize(
    "regime, exemption, section",
    [
        (Regime.FOIA, "s21", "section 21"),
        (Regime.FOIA, "s43(1)", "section 43(1)"),
        (Regime.FOISA, "s36(2)", "section 36(2)"),
        (Regime.FOISA, "s25", "section 25"),
        (Regime.EIR, "reg12(5)(b)", "regulation 12(5)(b)"),
        (Regime.EIR_SCOTLAND, "reg10(5)(e)", "regulation 10(5)(e)"),
    ],
)
def test_ncnd_with_an_exemption_that_does_not_allow_it_is_a_finding(regime, exemption, section):
    answer = Answer(outcome=Outcome.NEITHER_CONFIRM_NOR_DENY, exemptions=[exemption], explanation="Why.",
                    public_interest=PublicInterestTest("a", "b", "c"))
    found = [str(f) for f in check_refusal_notice(one_question_case(answer, regime), settings_with_org())]
    word = "exception" if regime.is_environmental else "exemption"
    assert f"Question 1: {section} does not allow neither confirming nor denying; cite an {word} that does, " \
           "or say whether the information is held." in found


def test_ncnd_with_an_exemption_that_allows_it_has_no_such_finding():
    for regime, exemptions in CITED.items():
        answer = Answer(outcome=Outcome.NEITHER_CONFIRM_NOR_DENY, exemptions=exemptions, explanation="Why.",
                        public_interest=PublicInterestTest("a", "b", "c"))
        assert check_refusal_notice(one_question_case(answer, regime), settings_with_org()) == [], regime


# ----------------------------------------------------------------------------- questions and tables


def test_table_without_rows_columns_or_both():
    case = empty_case(Outcome.PROVIDED, Regime.FOIA)
    document = build_letter(case, EMPTY_SETTINGS, today=TODAY)
    tables = [b for b in document.blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1 and [[c.text for c in row] for row in tables[0].rows] == [["", "Issued"]]
    lists = [b for b in document.blocks if isinstance(b, ListBlock)]
    assert [[item[0].text for item in b.items] for b in lists] == [["Yes", "No"], ["2022"]]


def test_choice_with_explanation_gives_both():
    answer = Answer(choice=1, explanation="We stopped in 2021.")
    document = build_letter(one_question_case(answer, options=["Yes", "No"]), settings_with_org(), today=TODAY)
    answers = [p.text for p in document.paragraphs() if p.kind == "answer"]
    assert answers == ["No.", "We stopped in 2021."]


def test_partly_provided_table_shows_what_is_released_then_the_exemption():
    answer = Answer(outcome=Outcome.PARTLY_PROVIDED, exemptions=["s40(2)"], explanation="Names are withheld.")
    case = one_question_case(answer, table=Table(rows=["2023"], columns=["Total", "Names"], cells=[["7", ""]]))
    document = build_letter(case, settings_with_org(), today=TODAY)
    grid = next(b for b in document.blocks if isinstance(b, TableBlock))
    assert [c.text for c in grid.rows[1]] == ["2023", "7", ""]
    assert "Some of the information you asked for is withheld under section 40(2)" in document.plain_text()
    assert check_refusal_notice(case, settings_with_org()) == []


# ----------------------------------------------------------------------------- refusal-notice findings


def test_unanswered_question_is_a_finding():
    case = one_question_case(Answer(), options=["Yes", "No"])
    assert [str(f) for f in check_refusal_notice(case, settings_with_org())] == [
        "Question 1: no answer is given: choose an option, fill in the table or write the answer."
    ]
    table = one_question_case(Answer(), table=Table(rows=["2023"], columns=["Total"], cells=[["7"]]))
    assert check_refusal_notice(table, settings_with_org()) == []


def test_partly_provided_with_nothing_released_is_a_finding():
    answer = Answer(outcome=Outcome.PARTLY_PROVIDED, exemptions=["s40(2)"])
    found = [f.message for f in check_refusal_notice(one_question_case(answer), settings_with_org())]
    assert found[0] == "nothing is given for the part released: choose an option, fill in the table or write it."


@pytest.mark.parametrize("regime, expected", [(Regime.FOIA, False), (Regime.EIR, True), (Regime.FOISA, True),
                                              (Regime.EIR_SCOTLAND, True)])
def test_not_held_needs_review_particulars_outside_foia(regime, expected):
    case = one_question_case(Answer(outcome=Outcome.NOT_HELD), regime)
    findings = check_refusal_notice(case, Settings(organisation=Organisation(name="Anytown")))
    whole_letter = [f for f in findings if f.question_label is None]
    assert bool(whole_letter) is expected
    assert all(f.message.startswith("The letter does not say where to ask for an internal review") for f in whole_letter)


def test_question_findings_carry_their_label_and_letter_findings_none():
    case = one_question_case(Answer(outcome=Outcome.EXEMPT))
    case.questions.append(Question(label="2a", text="More?", answer=Answer(outcome=Outcome.COST_LIMIT)))
    findings = check_refusal_notice(case, Settings())
    assert {f.question_label for f in findings} == {"1", "2a", None}
    assert all(isinstance(f, Finding) for f in findings)
    assert [f for f in findings if f.question_label is None][0].message.startswith("The letter does not say")


def test_foisa_ncnd_weighs_the_exemption_itself():
    """FOISA s.18 needs the information to be exempt if held, so the test is the exemption's own."""
    text = ncnd_text(Regime.FOISA, ["s35"], public_interest=PublicInterestTest("a", "b", "c"))
    assert "Section 35 is a qualified exemption, so the Council has considered whether the public interest in " \
           "maintaining the exemption outweighs the public interest in disclosing the information." in text
    assert "duty to confirm or deny" not in text


@pytest.mark.parametrize("regime", list(Regime))
def test_a_case_with_nothing_in_it_still_reads_as_a_letter(regime):
    text = build_letter(Case(regime=regime), EMPTY_SETTINGS, today=TODAY).plain_text()
    assert problems_in(text) == []
    assert "Dear Sir or Madam," in text and "Yours faithfully," in text and "You asked:" not in text
    assert "please write, explaining your grounds of appeal, to us within 40 working days" in text


def test_a_letter_with_no_questions_is_reported():
    from foi_desktop.core.case import Case
    from foi_desktop.core.settings import Settings
    from foi_desktop.letter import check_refusal_notice

    findings = check_refusal_notice(Case(subject="Empty"), Settings())
    assert [f.question_label for f in findings] == [None]
    assert "no questions" in findings[0].message
