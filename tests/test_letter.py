"""The letter's content: the sample as the council sent it, every outcome, every regime, the law right."""

from __future__ import annotations

import datetime as dt
import html as html_lib
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
from foi_desktop.core.settings import Settings
from foi_desktop.letter import ListBlock, Paragraph, build_letter, render_html
from foi_desktop.letter import Table as TableBlock

# The council's published response, in its order (resources/sample reproduces it).
SEED_IN_ORDER = [
    "Freedom of Information Act 2000 (FOI Act) \u2013 Digitised records",
    "Your request for information has now been considered. The Council holds the information requested.",
    "You asked:",
    "How many citizen records did your authority collect in Q1 2020 (January, February and March)?",
    "January 2020",
    "February 2020",
    "March 2020",
    "Number of digitised citizen records",
    "Number of paper-based citizen records",
    "Unfortunately the Council has no mechanism for extracting all this information from our many different "
    "databases and therefore would have to extract this manually for thousands of records.",
    "The Council does not have to respond to the request under section 12 of the FOI Act if it would take over "
    "18 hours to provide you with the information.",
    "Please don\u2019t hesitate to contact us if you need help in refining your request.",
    "What approximate percentage of this content (your citizen records) is shared with third-party organisations?",
    "0%", "1-25%", "26-50%", "51-75%", "76-99%", "100%",
    "This is not information held by the Council.",
    "Is your local authority adopting a content services platform to collaborate with third-party organisations?",
    "Yes, we did this in 2019 or earlier",
    "Yes, we have done this in the last four months (since January 2020)",
    "Yes, we are in the process of doing so right now",
    "Yes, we are planning to do so in the near future (in the next 12 months)",
    "Yes, we are planning to do so at some point in the future (at least 12 months away)",
    "No, we do not plan to do this",
    "Yes, we did this in 2019 or earlier.",
    "Is your local authority adopting a content services platform to enable staff to access files remotely and "
    "collaborate more easily?",
    "No, we do not plan to do this",
    "Yes, we did this in 2019 or earlier.",
    "Does your local authority currently offer your local citizens online access to their own records?",
    "Yes - they can access all of their own digital records online",
    "Yes - they can access at least some of their own digital records online",
    "No - they cannot access their own digital records online",
    "Yes - they can access at least some of their own digital records online.",
    "You may re-use the information under an Open Government Licence.",
    "If you are dissatisfied with the handling of your request, please write, explaining your grounds of appeal, "
    "to info.requests@leicester.gov.uk",
    "Information Commissioner's Office",
    "Wycliffe House",
    "Water Lane",
    "Wilmslow",
    "Cheshire SK9 5AF",
]

TODAY = dt.date(2024, 5, 20)


def assert_in_order(text: str, fragments: list[str]) -> None:
    """Each fragment appears after the previous one (whitespace-insensitive)."""
    flat = " ".join(text.split())
    position = 0
    for fragment in fragments:
        wanted = " ".join(fragment.split())
        found = flat.find(wanted, position)
        assert found >= 0, f"missing or out of order: {fragment!r} (after position {position})"
        position = found + len(wanted)


def html_text(page: str) -> str:
    body = page.split("<body>", 1)[1]
    body = re.sub(r"<br>|</p>|</li>|</h\d>|</t[dh]>", " ", body)
    return html_lib.unescape(re.sub(r"<[^>]+>", "", body))


def settings_with_org(**overrides) -> Settings:
    org = Organisation(
        name="Anytown Borough Council",
        short_name="the Council",
        address="Town Hall\nHigh Street\nAnytown\nAN1 1AA",
        foi_email="foi@anytown.gov.uk",
        signatory_name="Jo Bloggs",
        signatory_title="Information Governance Officer",
    )
    for key, value in overrides.items():
        setattr(org, key, value)
    return Settings(organisation=org)


def one_question_case(answer: Answer, regime: Regime = Regime.FOIA, **question) -> Case:
    return Case(
        reference="FOI-1",
        subject="Parking fines",
        requester=Requester(name="Alex Example", address="1 High Street\nAnytown"),
        regime=regime,
        questions=[Question(label="1", text=question.pop("text", "How many parking fines?"), answer=answer, **question)],
    )


def letter_text(case: Case, settings: Settings | None = None) -> str:
    return build_letter(case, settings or settings_with_org(), today=TODAY).plain_text()


# ----------------------------------------------------------------------------- the sample


def test_sample_letter_carries_the_seed_in_order(sample_case):
    document = build_letter(sample_case, Settings(), today=TODAY)
    assert_in_order(document.plain_text(), SEED_IN_ORDER)


def test_sample_letter_date_reference_requester_and_signature(sample_case):
    text = build_letter(sample_case, Settings(), today=TODAY).plain_text()
    assert_in_order(
        text,
        [
            "Sam Taylor",
            "request-0000001-5ab1c2d3@whatdotheyknow.com",
            "Our reference: FOI-2020-0473",
            "Date: 1 June 2020",  # the case's own letter date wins over today
            "Dear Sam Taylor,",
            "Freedom of Information Act 2000",
            "Yours sincerely,",
            "Information Governance & Risk",
            "Leicester City Council",
        ],
    )


def test_sample_structure(sample_case):
    document = build_letter(sample_case, Settings(), today=TODAY)
    questions = [b for b in document.blocks if isinstance(b, Paragraph) and b.kind == "question"]
    assert [q.label for q in questions] == ["1.", "2.", "3.", "4.", "5."]
    tables = [b for b in document.blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1 and tables[0].header_rows == 1
    assert [c.text for c in tables[0].rows[0]] == ["", "January 2020", "February 2020", "March 2020"]
    lists = [b for b in document.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [6, 6, 6, 3]
    titles = [b for b in document.blocks if isinstance(b, Paragraph) and b.kind == "title"]
    assert len(titles) == 1 and document.title == titles[0].text
    assert document.subject == "Response to information request FOI-2020-0473"
    assert document.author == "Leicester City Council" and document.language == "en-GB"
    assert document.letterhead_fields["address"] == "City Hall, 115 Charles Street, Leicester, LE1 1FZ"


def test_answers_are_set_apart_from_questions(sample_case):
    document = build_letter(sample_case, Settings(), today=TODAY)
    answers = [b.text for b in document.blocks if isinstance(b, Paragraph) and b.kind == "answer"]
    assert "Yes, we did this in 2019 or earlier." in answers
    assert "This is not information held by the Council." in answers
    assert not any("You asked" in a for a in answers)


def test_preview_html_has_the_same_words_as_the_letter(sample_case):
    document = build_letter(sample_case, Settings(), today=TODAY)
    page = render_html(document)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in page
    assert_in_order(html_text(page), SEED_IN_ORDER)
    assert " ".join(html_text(page).split()) == " ".join(document.plain_text().split())
    assert '<p class="answer">' in page and '<p class="question">' in page and "<th>" in page


def test_internal_notes_never_reach_the_letter(sample_case):
    sample_case.questions[0].notes = "CONFIDENTIAL NOTE"
    text = build_letter(sample_case, Settings(), today=TODAY).plain_text()
    assert "Internal notes" not in text and "CONFIDENTIAL NOTE" not in text


# ----------------------------------------------------------------------------- regimes


@pytest.mark.parametrize(
    "regime, title, regulator",
    [
        (Regime.FOIA, "Freedom of Information Act 2000 (FOI Act) \u2013 Parking fines", "Information Commissioner's Office"),
        (Regime.EIR, "Environmental Information Regulations 2004 (EIR) \u2013 Parking fines", "Information Commissioner's Office"),
        (Regime.FOISA, "Freedom of Information (Scotland) Act 2002 (FOISA) \u2013 Parking fines", "Scottish Information Commissioner"),
        (Regime.EIR_SCOTLAND, "Environmental Information (Scotland) Regulations 2004 (EIRs) \u2013 Parking fines", "Scottish Information Commissioner"),
    ],
)
def test_title_line_and_regulator_per_regime(regime, title, regulator):
    document = build_letter(one_question_case(Answer(explanation="42."), regime), settings_with_org(), today=TODAY)
    assert document.title == title
    text = document.plain_text()
    assert regulator in text
    if regime.is_scottish:
        assert "Kinburn Castle" in text and "St Andrews" in text and "Court of Session" in text
        assert "Wycliffe House" not in text
    else:
        assert "Wycliffe House" in text and "Cheshire SK9 5AF" in text and "Scottish" not in text


def test_letter_date_defaults_to_today_and_review_contact_is_the_organisations():
    text = letter_text(one_question_case(Answer(explanation="42.")))
    assert "Date: 20 May 2024" in text
    assert "to foi@anytown.gov.uk or to Anytown Borough Council, Town Hall, High Street, Anytown, AN1 1AA within 40 working days" in text
    assert "Yours sincerely," in text and "Jo Bloggs" in text and "Information Governance Officer" in text


def test_case_organisation_overrides_the_profile():
    case = one_question_case(Answer(explanation="42."))
    case.organisation = Organisation(name="Shared Services", foi_email="", short_name="the Partnership")
    text = letter_text(case)
    assert "Shared Services" in text
    assert "to foi@anytown.gov.uk" in text  # empty fields fall back to the profile


def test_no_requester_name_is_faithfully():
    case = one_question_case(Answer(explanation="42."))
    case.requester = Requester(email="someone@example.org")
    text = letter_text(case)
    assert "Dear Sir or Madam," in text and "Yours faithfully," in text and "someone@example.org" in text


# ----------------------------------------------------------------------------- holding statement


@pytest.mark.parametrize(
    "outcomes, statement",
    [
        ([Outcome.PROVIDED, Outcome.PROVIDED], "The Council holds the information requested."),
        ([Outcome.PROVIDED, Outcome.NOT_HELD], "The Council holds some of the information requested."),
        ([Outcome.NOT_HELD], "The Council does not hold the information requested."),
    ],
)
def test_holding_statement_from_outcomes(outcomes, statement):
    case = one_question_case(Answer(outcome=outcomes[0], explanation="x"))
    for outcome in outcomes[1:]:
        case.questions.append(Question(text="Another?", answer=Answer(outcome=outcome, explanation="y")))
    assert f"Your request for information has now been considered. {statement}" in letter_text(case)


def test_holding_statement_override_and_unconfirmed():
    case = one_question_case(Answer(outcome=Outcome.NEITHER_CONFIRM_NOR_DENY, exemptions=["s31"]))
    text = letter_text(case)
    assert "Your request for information has now been considered.\n" in text  # nothing confirmed
    case.holding_statement = "We hold part of it."
    assert "has now been considered. We hold part of it." in letter_text(case)


# ----------------------------------------------------------------------------- outcomes


def test_provided_options_and_table():
    options = one_question_case(Answer(choice=1), options=["Yes", "No"])
    assert "No." in letter_text(options).splitlines()
    table = one_question_case(
        Answer(outcome=Outcome.PROVIDED),
        table=Table(rows=["2022", "2023"], columns=["Issued", "Paid"], cells=[["10", "8"], ["12", "11"]]),
    )
    document = build_letter(table, settings_with_org(), today=TODAY)
    grid = next(b for b in document.blocks if isinstance(b, TableBlock))
    assert [[c.text for c in row] for row in grid.rows] == [["", "Issued", "Paid"], ["2022", "10", "8"], ["2023", "12", "11"]]
    assert [[c.header for c in row] for row in grid.rows][1] == [True, False, False]
    assert grid.caption == "Question 1"


def test_refused_table_is_shown_as_asked_without_values():
    case = one_question_case(
        Answer(outcome=Outcome.EXEMPT, exemptions=["s43(2)"]),
        table=Table(rows=["2022"], columns=["Paid"], cells=[["SECRET-9"]]),
    )
    text = letter_text(case)
    assert "2022" in text and "SECRET-9" not in text


def test_chosen_option_full_stop_is_not_doubled():
    case = one_question_case(Answer(choice=0), options=["Yes, in 2019.", "No"])
    assert "Yes, in 2019." in letter_text(case).splitlines()


def test_not_held_states_section_1_1_a():
    text = letter_text(one_question_case(Answer(outcome=Outcome.NOT_HELD, explanation="Records go back to 2021 only.")))
    assert_in_order(
        text,
        [
            "This is not information held by the Council.",
            "Records go back to 2021 only.",
            "This letter confirms, as section 1(1)(a) of the FOI Act requires, that the Council does not hold this information.",
        ],
    )


@pytest.mark.parametrize(
    "regime, wording",
    [
        (Regime.EIR, "regulation 12(4)(a) of the EIR"),
        (Regime.FOISA, "notice under section 17 of FOISA"),
        (Regime.EIR_SCOTLAND, "regulation 10(4)(a) of the EIRs"),
    ],
)
def test_not_held_per_regime(regime, wording):
    assert wording in letter_text(one_question_case(Answer(outcome=Outcome.NOT_HELD), regime))


def test_cost_limit_with_estimate_and_advice():
    answer = Answer(
        outcome=Outcome.COST_LIMIT,
        explanation="The records are on paper in 12 offices.",
        cost=CostEstimate(items=4000, minutes_per_item=5, activity="locating and reading each file",
                          advice="You could ask for one office and one year."),
    )
    assert_in_order(
        letter_text(one_question_case(answer)),
        [
            "The records are on paper in 12 offices.",
            "We estimate that it would take about 333 hours to provide this information: 4,000 items at 5 minutes "
            "each for locating and reading each file.",
            "The Council does not have to respond to the request under section 12 of the FOI Act if it would take "
            "over 18 hours to provide you with the information.",
            "You could ask for one office and one year.",
        ],
    )


def test_cost_limit_uses_the_organisations_limit_and_foisa_money_limit():
    answer = Answer(outcome=Outcome.COST_LIMIT, cost=CostEstimate(items=1, minutes_per_item=1.5))
    text = letter_text(one_question_case(answer), settings_with_org(cost_limit_hours=24))
    assert "over 24 hours" in text and "about 1.5 minutes to provide this information: 1 item at 1.5 minutes each." in text
    scottish = letter_text(one_question_case(answer, Regime.FOISA))
    assert "section 12 of FOISA" in scottish and "£600" in scottish


def test_eir_cost_is_manifestly_unreasonable_with_public_interest():
    answer = Answer(
        outcome=Outcome.COST_LIMIT,
        cost=CostEstimate(items=900, minutes_per_item=4),
        public_interest=PublicInterestTest("Openness.", "Diverting staff.", "Withhold."),
    )
    text = letter_text(one_question_case(answer, Regime.EIR))
    assert "regulation 12(4)(b) (Manifestly unreasonable request) of the EIR" in text
    assert "subject to the public interest test" in text and "regulation 12(2) of the EIR" in text
    assert_in_order(text, ["Public interest in disclosure: Openness.", "Public interest in withholding the information: Diverting staff.", "Conclusion: Withhold."])
    assert "section 12" not in text


def test_accessible_elsewhere_says_where():
    answer = Answer(outcome=Outcome.ACCESSIBLE_ELSEWHERE, location="https://www.anytown.gov.uk/spending")
    text = letter_text(one_question_case(answer))
    assert "exempt under section 21 of the FOI Act" in text
    assert "You can find it here: https://www.anytown.gov.uk/spending" in text
    assert "regulation 6(1)(b) of the EIR" in letter_text(one_question_case(answer, Regime.EIR))
    assert "section 25 of FOISA" in letter_text(one_question_case(answer, Regime.FOISA))


def test_qualified_exemption_with_public_interest_test():
    answer = Answer(
        outcome=Outcome.EXEMPT,
        exemptions=["s43(2)"],
        explanation="Release would harm the contractor's position in a live tender.",
        public_interest=PublicInterestTest("Spending is open to scrutiny.", "Fair competition.", "Withholding wins."),
    )
    assert_in_order(
        letter_text(one_question_case(answer)),
        [
            "The Council holds this information but is withholding it under section 43(2) (Commercial interests: "
            "prejudice to commercial interests) of the FOI Act.",
            "Release would harm the contractor's position in a live tender.",
            "Section 43(2) is a qualified exemption, so the Council has considered whether the public interest in "
            "maintaining the exemption outweighs the public interest in disclosing the information.",
            "Public interest in disclosure: Spending is open to scrutiny.",
            "Public interest in withholding the information: Fair competition.",
            "Conclusion: Withholding wins.",
        ],
    )


def test_absolute_exemption_has_no_public_interest_test():
    answer = Answer(
        outcome=Outcome.EXEMPT,
        exemptions=["s40(2)"],
        explanation="These are named junior staff.",
        public_interest=PublicInterestTest("ignored", "ignored", "ignored"),
    )
    text = letter_text(one_question_case(answer))
    assert "Section 40(2) is an absolute exemption, so the public interest test does not apply." in text
    assert "Public interest in disclosure" not in text and "ignored" not in text


def test_s36_and_s40_parts_are_named_and_classed():
    answer = Answer(
        outcome=Outcome.EXEMPT,
        exemptions=["s36(2)(b)(ii)", "s40(4A)", "s40(1)"],
        explanation="Reasons.",
        public_interest=PublicInterestTest("For.", "Against.", "Balance."),
    )
    text = letter_text(one_question_case(answer))
    assert "section 36(2)(b)(ii) (Prejudice to effective conduct of public affairs: free and frank exchange of views), " in text
    assert "section 40(2) and (4A) (Personal information: third party personal data exempt from the right of access) and section 40(1)" in text
    assert "Section 36(2)(b)(ii) is a qualified exemption" in text
    assert "Section 40(2) and (4A) is a qualified exemption" in text
    assert "Section 40(1) is an absolute exemption" in text
    assert "Conclusion: Balance." in text


def test_eir_exception_always_weighs_the_public_interest():
    answer = Answer(
        outcome=Outcome.EXEMPT,
        exemptions=["reg12(5)(e)"],
        explanation="Commercially confidential.",
        public_interest=PublicInterestTest("For.", "Against.", "Balance."),
    )
    text = letter_text(one_question_case(answer, Regime.EIR))
    assert "regulation 12(5)(e) (Confidentiality of commercial or industrial information) of the EIR" in text
    assert "Regulation 12(5)(e) is an exception subject to the public interest test" in text
    assert "Conclusion: Balance." in text and "absolute" not in text


def test_foisa_exemption():
    answer = Answer(outcome=Outcome.EXEMPT, exemptions=["s33(1)(b)"], explanation="Reasons.",
                    public_interest=PublicInterestTest("For.", "Against.", "Balance."))
    text = letter_text(one_question_case(answer, Regime.FOISA))
    assert "section 33(1)(b) (Commercial interests: substantial prejudice to commercial interests) of FOISA" in text
    assert "Section 33(1)(b) is a qualified exemption" in text


def test_unknown_exemption_is_printed_as_typed():
    answer = Answer(outcome=Outcome.EXEMPT, exemptions=["s99(9)"], explanation="Reasons.")
    assert "withholding it under s99(9) of the FOI Act." in letter_text(one_question_case(answer))


def test_partly_provided():
    answer = Answer(
        outcome=Outcome.PARTLY_PROVIDED,
        explanation="The totals are 12 and 14; the names are withheld.",
        exemptions=["s40(2)"],
    )
    assert_in_order(
        letter_text(one_question_case(answer)),
        ["The totals are 12 and 14; the names are withheld.", "Some of the information you asked for is withheld under section 40(2)",
         "Section 40(2) is an absolute exemption"],
    )


@pytest.mark.parametrize(
    "regime, wording",
    [
        (Regime.FOIA, "The Council neither confirms nor denies whether it holds the information you asked for. "
         "Confirming or denying would itself disclose information exempt under section 31 (Law enforcement) of the FOI Act, "
         "so the duty to confirm or deny in section 1(1)(a) does not arise (section 31(3))."),
        (Regime.EIR, "Under regulation 12(6) of the EIR, the Council neither confirms nor denies"),
        (Regime.FOISA, "Under section 18 of FOISA, the Council neither confirms nor denies"),
        (Regime.EIR_SCOTLAND, "Under regulation 10(8) of the EIRs, the Council neither confirms nor denies"),
    ],
)
def test_neither_confirm_nor_deny(regime, wording):
    exemption = {"foia": "s31", "eir": "reg12(5)(a)", "foisa": "s35", "eir_scotland": "reg10(5)(a)"}[regime.value]
    answer = Answer(outcome=Outcome.NEITHER_CONFIRM_NOR_DENY, exemptions=[exemption], explanation="Because.")
    text = letter_text(one_question_case(answer, regime))
    assert wording in text and "Because." in text


def test_vexatious_or_repeated():
    answer = Answer(outcome=Outcome.VEXATIOUS_OR_REPEATED, explanation="This repeats your request of 1 March.")
    text = letter_text(one_question_case(answer))
    assert "Under section 14 of the FOI Act, the Council does not have to comply with a request that is vexatious" in text
    assert "This repeats your request of 1 March." in text
    eir = letter_text(one_question_case(answer, Regime.EIR))
    assert "manifestly unreasonable" in eir and "regulation 12(4)(b)" in eir


@pytest.mark.parametrize("regime", list(Regime))
@pytest.mark.parametrize("outcome", list(Outcome))
def test_every_outcome_under_every_regime_builds(regime, outcome):
    answer = Answer(outcome=outcome, explanation="Officer's words.", location="https://example.org",
                    cost=CostEstimate(items=10, minutes_per_item=6, advice="Narrow it."),
                    public_interest=PublicInterestTest("For.", "Against.", "Balance."))
    answer.exemptions = {Regime.FOIA: ["s43(2)"], Regime.EIR: ["reg12(5)(e)"], Regime.FOISA: ["s33(1)(b)"],
                         Regime.EIR_SCOTLAND: ["reg10(5)(e)"]}[regime] if outcome in (
        Outcome.EXEMPT, Outcome.PARTLY_PROVIDED, Outcome.NEITHER_CONFIRM_NOR_DENY) else []
    document = build_letter(one_question_case(answer, regime), settings_with_org(), today=TODAY)
    text = document.plain_text()
    assert "Officer's words." in text
    assert "Open Government Licence" in text and "Internal review" in text
    html = render_html(document)
    assert " ".join(html_text(html).split()) == " ".join(text.split())


# ----------------------------------------------------------------------------- text safety


def test_requester_text_is_text_not_markup():
    case = one_question_case(Answer(explanation="<b>bold?</b> & </answer><p>x</p> {{ 7*7 }}"))
    case.subject = "<script>alert(1)</script>"
    document = build_letter(case, settings_with_org(), today=TODAY)
    assert "<b>bold?</b> & </answer><p>x</p> {{ 7*7 }}" in document.plain_text()
    assert not any(run.bold for p in document.paragraphs() for run in p.runs if "bold?" in run.text)
    page = render_html(document)
    assert "&lt;script&gt;" in page and "<script>" not in page


def test_line_breaks_and_blank_lines_in_officer_text():
    case = one_question_case(Answer(explanation="First line\nsecond line\n\nNew paragraph\x0bShift+Enter"))
    document = build_letter(case, settings_with_org(), today=TODAY)
    answers = [p.text for p in document.paragraphs() if p.kind == "answer"]
    assert answers[:2] == ["First line\nsecond line", "New paragraph\nShift+Enter"]


def test_a_300_question_letter_builds_every_question():
    """Size is covered here; speed is measured by benchmarks/run.py, not by timed tests."""
    from benchmarks.generate import generated_case

    html = render_html(build_letter(generated_case(300), settings_with_org(), today=TODAY))
    assert "Question 300:" in html and "Question 1:" in html
