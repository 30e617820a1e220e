"""The question finder on the many shapes requests take, one shape per test."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_desktop.core.case import Regime
from foi_desktop.intake import parse_request_text
from foi_desktop.intake.details import clean_subject, looks_like_name, parse_date
from foi_desktop.intake.markers import read_bullet, read_marker, split_glued
from foi_desktop.intake.normalise import normalise_text
from foi_desktop.intake.options import inline_options, list_is_options


def questions(text: str) -> list[tuple[str, str, list[str]]]:
    return [(q.label, q.text, q.options) for q in parse_request_text(text).to_case().questions]


# --------------------------------------------------------------------------- numbering styles

@pytest.mark.parametrize(
    "first,second",
    [
        ("1. How many libraries are open?", "2. How many have closed?"),
        ("1) How many libraries are open?", "2) How many have closed?"),
        ("(1) How many libraries are open?", "(2) How many have closed?"),
        ("1: How many libraries are open?", "2: How many have closed?"),
        ("1 - How many libraries are open?", "2 - How many have closed?"),
        ("Q1 How many libraries are open?", "Q2 How many have closed?"),
        ("Q1: How many libraries are open?", "Q2: How many have closed?"),
        ("Q1. How many libraries are open?", "Q2. How many have closed?"),
        ("Q.1 How many libraries are open?", "Q.2 How many have closed?"),
        ("Question 1: How many libraries are open?", "Question 2: How many have closed?"),
        ("Question 1 - How many libraries are open?", "Question 2 - How many have closed?"),
        ("1.\tHow many libraries are open?", "2.\tHow many have closed?"),
        ("1.\xa0\xa0\xa0 How many libraries are open?", "2.\xa0\xa0\xa0 How many have closed?"),
        ("1.How many libraries are open?", "2.How many have closed?"),
    ],
)
def test_decimal_and_q_numbering(first, second):
    text = f"Dear FOI team,\n\n{first}\n{second}\n\nRegards,\nSam"
    assert questions(text) == [
        ("1", "How many libraries are open?", []),
        ("2", "How many have closed?", []),
    ]


@pytest.mark.parametrize(
    "marks,labels",
    [
        (["(a)", "(b)", "(c)"], ["a", "b", "c"]),
        (["a)", "b)", "c)"], ["a", "b", "c"]),
        (["a.", "b.", "c."], ["a", "b", "c"]),
        (["A.", "B.", "C."], ["A", "B", "C"]),
        (["(i)", "(ii)", "(iii)"], ["i", "ii", "iii"]),
        (["i.", "ii.", "iii."], ["i", "ii", "iii"]),
        (["I.", "II.", "III."], ["I", "II", "III"]),
    ],
)
def test_letter_and_roman_numbering(marks, labels):
    text = "\n".join(f"{mark} How many staff work in team {n}?" for n, mark in enumerate(marks, start=1))
    assert [(label, text_) for label, text_, _ in questions(text)] == [
        (label, f"How many staff work in team {n}?") for n, label in enumerate(labels, start=1)
    ]


def test_letters_run_past_h_into_i_without_becoming_roman():
    letters = "abcdefghij"
    text = "\n".join(f"({c}) Item {c}?" for c in letters)
    assert [label for label, _, _ in questions(text)] == list(letters)


def test_sub_parts_stay_in_their_question():
    text = (
        "1. How many complaints did you receive in 2023, broken down by:\n"
        "a) complaints about housing;\n"
        "b) complaints about waste;\n"
        "2. How many were upheld?"
    )
    assert questions(text) == [
        ("1", "How many complaints did you receive in 2023, broken down by:\na) complaints about housing;\nb) complaints about waste;", []),
        ("2", "How many were upheld?", []),
    ]


def test_roman_sub_parts_under_letters():
    text = "(a) How many schools?\n(b) How many pupils in:\n(i) primary\n(ii) secondary\n(c) How many teachers?"
    assert questions(text) == [
        ("a", "How many schools?", []),
        ("b", "How many pupils in:\n(i) primary\n(ii) secondary", []),
        ("c", "How many teachers?", []),
    ]


def test_section_headings_with_nested_questions():
    text = "1. Staffing\n1.1 How many staff?\n1.2 How many vacancies?\n\n2. Budget\n2.1 What was the budget in 2023/24?"
    assert questions(text) == [
        ("1.1", "How many staff?", []),
        ("1.2", "How many vacancies?", []),
        ("2.1", "What was the budget in 2023/24?", []),
    ]


def test_numbers_glued_to_the_text_and_to_each_other():
    text = "Please tell me:1.The number of X in 2022.2.The number of Y in 2023.3.The cost of Z."
    assert questions(text) == [
        ("1", "The number of X in 2022.", []),
        ("2", "The number of Y in 2023.", []),
        ("3", "The cost of Z.", []),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "1. The cost was £1.5m in 2.5 years, see section 2. The end.",
        "1. As at 31.3.2024, how many staff were employed?",
        "1. How many, in Q1 2020 and Q2 2020, were received?",
    ],
)
def test_numbers_inside_sentences_are_not_split(line):
    assert split_glued(line) == [line]


def test_hard_wrapped_lines_are_joined():
    text = (
        "1. Does the council use a contractor to carry out civil parking\n"
        "enforcement? If so, please name the contractor and give the value of\n"
        "the current contract.\n\n"
        "2. When does the contract end?"
    )
    assert questions(text)[0][1] == (
        "Does the council use a contractor to carry out civil parking enforcement? "
        "If so, please name the contractor and give the value of the current contract."
    )


def test_a_paragraph_explaining_a_question_stays_with_it():
    text = "1. How many FOI requests were received in 2023?\n\nBy this I mean requests under FOIA and the EIR.\n\n2. How many were refused?"
    assert questions(text)[0][1] == "How many FOI requests were received in 2023?\nBy this I mean requests under FOIA and the EIR."


def test_closing_remarks_after_the_last_question_are_dropped():
    text = (
        "1. How many potholes were repaired in 2023?\n\n"
        "I would like to receive the information electronically, in CSV format.\n\n"
        "If any part of this request would exceed the cost limit, please tell me which part.\n"
    )
    assert questions(text) == [("1", "How many potholes were repaired in 2023?", [])]


def test_numbering_that_jumps_is_kept_with_a_warning():
    parsed = parse_request_text("1. First question?\n2. Second question?\n4. Fourth question?")
    assert [q.label for q in parsed.questions] == ["1", "2", "4"]
    assert any("jumps from 2 to 4" in warning for warning in parsed.warnings)


# --------------------------------------------------------------------------- unnumbered requests

def test_unnumbered_paragraphs_that_ask_become_questions():
    text = (
        "Dear Sir/Madam,\n\n"
        "I am writing to make a freedom of information request.\n\n"
        "Please tell me how many fixed penalty notices were issued for littering in 2023.\n\n"
        "What was the total income from these notices?\n\n"
        "The council's website says enforcement is carried out by a contractor.\n\n"
        "Yours faithfully,\nAnn Example"
    )
    assert questions(text) == [
        ("1", "Please tell me how many fixed penalty notices were issued for littering in 2023.", []),
        ("2", "What was the total income from these notices?", []),
    ]


def test_one_question_per_line_without_blank_lines():
    text = "How many parking permits were issued in 2023?\nHow much did they raise?\nWhat does a permit cost?"
    assert [q for _, q, _ in questions(text)] == [
        "How many parking permits were issued in 2023?",
        "How much did they raise?",
        "What does a permit cost?",
    ]


def test_unnumbered_bullets_after_please_provide_are_questions():
    text = "Please provide the following information:\n\n- the number of staff\n- the number of vacancies\n- the agency spend"
    assert [q for _, q, _ in questions(text)] == ["the number of staff", "the number of vacancies", "the agency spend"]


def test_a_request_with_nothing_recognisable_is_kept_whole():
    parsed = parse_request_text("lorem ipsum dolor sit amet\nconsectetur adipiscing elit")
    assert len(parsed.questions) == 1
    assert "lorem ipsum" in parsed.questions[0].text
    assert parsed.warnings


def test_empty_text_gives_no_questions_and_says_so():
    for text in ("", "   \n\t\n", "Dear Sir,\n\nYours faithfully,\nSam"):
        parsed = parse_request_text(text)
        assert parsed.questions == []
        assert parsed.warnings


# --------------------------------------------------------------------------- options

@pytest.mark.parametrize("bullet", ["·", "•", "-", "*", "o", "☐", "▪", "◦", "–", "[ ]", "·\t", "•"])
def test_bullet_styles_give_options(bullet):
    separator = "" if bullet in ("·", "•", "☐", "▪", "◦") and bullet == "•" else " "
    text = f"1. Do you use cloud storage?\n{bullet}{separator}Yes\n{bullet}{separator}No\n{bullet}{separator}Not sure"
    assert questions(text) == [("1", "Do you use cloud storage?", ["Yes", "No", "Not sure"])]


def test_bullets_glued_to_their_text():
    assert questions("1. Which?\n·0%\n·1-25%\n·26-50%") == [("1", "Which?", ["0%", "1-25%", "26-50%"])]


def test_bullets_that_break_down_a_question_stay_in_its_text():
    text = "1. Please provide the following information for 2023:\n• the number of staff\n• the total spend\n2. Next?"
    assert questions(text)[0] == ("1", "Please provide the following information for 2023:\n- the number of staff\n- the total spend", [])


def test_answer_lines_without_bullets_become_options():
    text = "2. Do you use cloud storage?\nYes\nNo\nDon't know\n3. Which provider?"
    assert questions(text)[0] == ("2", "Do you use cloud storage?", ["Yes", "No", "Don't know"])


def test_instructions_under_a_question_are_not_options():
    text = "1. How many staff left in 2023?\nPlease break this down by month.\nPlease include agency staff.\n2. Next?"
    label, text_, options = questions(text)[0]
    assert options == []
    assert "Please include agency staff." in text_


@pytest.mark.parametrize(
    "line,text,options",
    [
        ("Do you publish a disclosure log? (Yes/No)", "Do you publish a disclosure log?", ["Yes", "No"]),
        ("Do you publish a disclosure log? Yes / No", "Do you publish a disclosure log?", ["Yes", "No"]),
        ("Do you publish a disclosure log? Yes/No/Don't know", "Do you publish a disclosure log?", ["Yes", "No", "Don't know"]),
        ("Do you publish a disclosure log (Yes/No)?", "Do you publish a disclosure log?", ["Yes", "No"]),
        ("Do you publish a disclosure log? (please select: Yes/No)", "Do you publish a disclosure log?", ["Yes", "No"]),
        ("Do you publish a disclosure log? (Yes or No)", "Do you publish a disclosure log?", ["Yes", "No"]),
        ("Is it reported by Financial Year/Calendar Year?", "Is it reported by Financial Year/Calendar Year?", ["Financial Year", "Calendar Year"]),
        ("Do you have insurance? ☐ Yes ☐ No", "Do you have insurance?", ["Yes", "No"]),
        ("Do you have insurance? Yes ☐ No ☐", "Do you have insurance?", ["Yes", "No"]),
        ("Which do you use? •Teams •Zoom •Other", "Which do you use?", ["Teams", "Zoom", "Other"]),
        ("Do you hold a register (Yes/No)? If yes, please provide a copy.", "Do you hold a register? If yes, please provide a copy.", ["Yes", "No"]),
    ],
)
def test_options_written_on_the_question_line(line, text, options):
    assert questions(f"1. {line}\n2. Another question?")[0] == ("1", text, options)


@pytest.mark.parametrize(
    "line",
    [
        "How many requests were received in 2021/22 and 2022/23?",
        "Does your HR/Payroll system hold this?",
        "Please list any and/or all contracts.",
        "What is the URL https://example.org/foi/log of your log?",
        "Please give the figures for 01/04/2023 to 31/03/2024.",
    ],
)
def test_slashes_that_are_not_options(line):
    assert inline_options(line) is None


def test_list_is_options_reads_the_question():
    assert list_is_options("Which of the following best describes your service:", ["In-house", "Outsourced"])
    assert list_is_options("How are repairs delivered?", ["By the council", "By contractors"])
    assert not list_is_options("Please provide the following information:", ["the number of staff", "the cost"])
    assert not list_is_options("For each of the following years, how many?", ["2021", "2022"])
    assert not list_is_options("What do you hold?", ["How many?", "How much?"])


# --------------------------------------------------------------------------- tables

def test_word_cell_per_line_table():
    text = "1. Complete the table.\n\t\n\t2022\n\t2023\n\n\tAdults\n\t\n\t\n\n\tChildren\n\t5\n\t\n\n2. Next?"
    table = parse_request_text(text).questions[0].table
    assert table.columns == ["2022", "2023"]
    assert table.rows == ["Adults", "Children"]
    assert table.cells == [["", ""], ["5", ""]]  # cells as received


def test_tab_separated_rows_with_trailing_tabs_lost():
    text = "1. Please complete:\n\t2022\t2023\nAdults\nChildren\n2. Next?"
    table = parse_request_text(text).questions[0].table
    assert (table.rows, table.columns, table.cells) == (["Adults", "Children"], ["2022", "2023"], [["", ""], ["", ""]])


def test_markdown_table():
    text = "1. Please complete:\n\n| Month | Fines | Income |\n|:---|---:|---:|\n| April | | |\n| May | | |\n\n2. Next?"
    table = parse_request_text(text).questions[0].table
    assert (table.rows, table.columns) == (["April", "May"], ["Fines", "Income"])


def test_numbered_lines_with_tabs_are_not_a_table():
    parsed = parse_request_text("1.\tHow many?\n2.\tHow much?")
    assert [q.table for q in parsed.questions] == [None, None]
    assert [q.text for q in parsed.questions] == ["How many?", "How much?"]


# --------------------------------------------------------------------------- noise and details

WDTK = """Dear Northbury Council,

Please can you tell me how many trees the council planted in 2023, and how many it felled.

Yours faithfully,

Jane Doe

-------------------------------------------------------------------

Please use this email address for all replies to this request:
request-99999-abcdef12@whatdotheyknow.com

Disclaimer: This message and any reply that you make will be published on the internet. Our privacy and copyright policies:
https://www.whatdotheyknow.com/help/officers
"""


def test_whatdotheyknow_request():
    parsed = parse_request_text(WDTK)
    assert [q.text for q in parsed.questions] == [
        "Please can you tell me how many trees the council planted in 2023, and how many it felled."
    ]
    assert parsed.requester_name == "Jane Doe"
    assert parsed.requester_email == "request-99999-abcdef12@whatdotheyknow.com"


def test_quoted_earlier_message_is_ignored():
    text = (
        "Thanks for your reply. Could you also tell me how many of the claims were paid?\n\n"
        "Regards\nSam\n\n"
        "On Mon, 3 Jun 2024 at 10:00, FOI Team <foi@example.gov.uk> wrote:\n"
        "> 1. How many claims were received?\n> We received 40 claims.\n"
    )
    assert [q.text for q in parse_request_text(text).questions] == [
        "Thanks for your reply. Could you also tell me how many of the claims were paid?"
    ]


def test_outlook_original_message_below_a_reply_is_ignored():
    text = (
        "Can you also send the 2022 figures?\n\nKind regards\nSam Jones\n\n"
        "-----Original Message-----\nFrom: FOI <foi@example.gov.uk>\nSent: 01 May 2024 09:00\n"
        "To: Sam Jones\nSubject: Your request\n\n1. How many?\nAnswer: 5\n"
    )
    parsed = parse_request_text(text)
    assert [q.text for q in parsed.questions] == ["Can you also send the 2022 figures?"]
    assert parsed.requester_name == "Sam Jones"


def test_pasted_outlook_headers_give_the_details():
    text = (
        "From: Taylor, Sam <sam.taylor@example.org>\nSent: Monday, 4 May 2020 09:41\nTo: FOI\n"
        "Subject: RE: FOI request - Digitised records\n\n1. How many records?\n"
    )
    parsed = parse_request_text(text)
    assert (parsed.requester_name, parsed.requester_email, parsed.subject, parsed.received) == (
        "Sam Taylor", "sam.taylor@example.org", "Digitised records", dt.date(2020, 5, 4)
    )


@pytest.mark.parametrize(
    "closing,name",
    [
        ("Yours faithfully,\n\nSam Taylor", "Sam Taylor"),
        ("Yours sincerely\nDr Hannah Wright", "Dr Hannah Wright"),
        ("Kind regards,\nJo", "Jo"),
        ("Thanks, Chris", "Chris"),
        ("Many thanks\n\nK. Patel\nResearcher\n07700 900123", "K. Patel"),
        ("Thank you for your help.\n\nBest wishes,\nMargaret O'Donnell", "Margaret O'Donnell"),
        ("Regards\n\nSam\n\nSent from my iPhone", "Sam"),
    ],
)
def test_sign_offs_name_the_requester(closing, name):
    parsed = parse_request_text(f"Dear Sir,\n\n1. How many?\n2. How much?\n\n{closing}")
    assert parsed.requester_name == name
    assert [q.text for q in parsed.questions] == ["How many?", "How much?"]


def test_signature_after_delimiter_is_dropped():
    text = "Hi,\n\nHow many bins were collected in 2023?\n\n-- \nSam Taylor | Researcher | sam@example.org\nThis email is confidential."
    parsed = parse_request_text(text)
    assert [q.text for q in parsed.questions] == ["How many bins were collected in 2023?"]


def test_greeting_on_the_same_line_as_the_question():
    assert [q.text for q in parse_request_text("Hi, could you tell me how many staff you employ?").questions] == [
        "could you tell me how many staff you employ?"
    ]


def test_regime_named_by_the_requester():
    assert parse_request_text("Under the Environmental Information Regulations, how much?").regime is Regime.EIR
    assert parse_request_text("Under the Freedom of Information (Scotland) Act 2002, how much?").regime is Regime.FOISA
    assert parse_request_text("Under the EIRs, how much?").regime is Regime.EIR
    assert parse_request_text("How much was spent on their hair?").regime is Regime.FOIA


def test_normalisation():
    raw = "1.\xa0Don\u2019t\r\nsay \u201cno\u201d\x0bplease\x0c\x01\u200b\ufeff \tend  \r"
    assert normalise_text(raw) == "1. Don't\nsay \"no\"\nplease\n \tend\n"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("Mon, 04 May 2020 09:41:07 +0100", dt.date(2020, 5, 4)),
        ("Sun, 02 Jun 2024 23:30:00 +0000", dt.date(2024, 6, 3)),  # 00:30 in London
        ("04 May 2020 09:41", dt.date(2020, 5, 4)),
        ("Monday, May 4, 2020 9:41 AM", dt.date(2020, 5, 4)),
        ("11/06/2024 14:32", dt.date(2024, 6, 11)),  # UK day first
        ("2024-06-11", dt.date(2024, 6, 11)),
        ("4th May 2020", dt.date(2020, 5, 4)),
        ("next Tuesday", None),
        ("31/02/2024", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("Freedom of Information request - Digitised records", "Digitised records"),
        ("RE: FW: FOI Request: parking fines", "Parking fines"),
        ("Freedom of Information Request \u2013 Housing repairs", "Housing repairs"),
        ("EIR request - Air quality monitoring", "Air quality monitoring"),
        ("Freedom of Information request", ""),
        ("HOME TO SCHOOL TRANSPORT", "Home to school transport"),
        ("Internal review of Freedom of Information request - Digitised records", "Digitised records"),
    ],
)
def test_clean_subject(raw, clean):
    assert clean_subject(raw) == clean


def test_names():
    for name in ("Sam Taylor", "Dr Hannah Wright", "K. Patel", "Margaret O'Donnell", "Liam", "Ludwig van Beethoven"):
        assert looks_like_name(name), name
    for text in ("Kind regards", "Research Analyst", "07700 900123", "sam@example.org", "the council", "FOI Team", ""):
        assert not looks_like_name(text), text


def test_markers_and_bullets():
    assert read_marker("1.5m was spent") is None
    assert read_marker("1.Five") is not None
    assert read_marker("e.g. this") is None
    assert read_marker("Q1 2020 figures") is None
    assert read_marker("2.1 the landscape").label == "2.1"
    assert read_marker("(iv) minibuses").family == "roman"
    assert read_marker("c) cancelled").family == "lower"
    assert read_bullet("-----") is None
    assert read_bullet("o\tWalked inspections").text == "Walked inspections"
    assert read_bullet("once upon a time") is None


# --------------------------------------------------------------------------- rules found with the held-out corpus


def test_sub_questions_numbered_with_their_parent_stay_in_it():
    text = (
        "1. Does the council own any wind turbines?\n1a. If so, how many?\n1b) Where are they?\n"
        "2. What did they generate in 2023?\n(2a) How much of that was sold?\n"
    )
    assert questions(text) == [
        ("1", "Does the council own any wind turbines?\n1a. If so, how many?\n1b) Where are they?", []),
        ("2", "What did they generate in 2023?\n(2a) How much of that was sold?", []),
    ]


def test_sub_questions_without_a_parent_are_questions():
    assert [label for label, _, _ in questions("1a. How many?\n1b. How much?\n2a. Where?\n")] == ["1a", "1b", "2a"]


@pytest.mark.parametrize("not_a_mark", ["5g masts are planned.", "1st April 2024 is the date.", "3D printers were bought."])
def test_numbers_with_letters_that_are_not_sub_questions(not_a_mark):
    assert read_marker(not_a_mark) is None


def test_a_wrapped_line_starting_with_a_number_carries_on_the_sentence():
    text = (
        "1. How many grants were paid in the categories listed in paragraph\n"
        "4. of the scheme rules, and what was their total value?\n"
        "2. Please list the types of support offered, e.g. 1) advice,\n"
        "2) loans and 3) grants.\n"
        "3. How many applications were refused?\n"
    )
    assert questions(text) == [
        ("1", "How many grants were paid in the categories listed in paragraph 4. of the scheme rules, and what was their total value?", []),
        ("2", "Please list the types of support offered, e.g. 1) advice, 2) loans and 3) grants.", []),
        ("3", "How many applications were refused?", []),
    ]


@pytest.mark.parametrize(
    "instruction", ["Please tick one:", "Tick all that apply.", "(Please select one)", "Please choose one option:"]
)
def test_how_to_mark_the_options_is_not_part_of_the_question(instruction):
    text = f"1. Does the council publish its FOI statistics?\n{instruction}\n- Yes\n- No\n2. How often?\n"
    assert questions(text)[0] == ("1", "Does the council publish its FOI statistics?", ["Yes", "No"])


def test_a_question_that_is_only_an_instruction_is_kept():
    text = "1. Please select the statement that best describes your service:\n- In-house\n- Outsourced\n2. Why?\n"
    assert questions(text)[0] == ("1", "Please select the statement that best describes your service:", ["In-house", "Outsourced"])


def test_tick_boxes_on_one_line_under_the_question():
    text = "1. Which systems do you use?\n☐ Civica   ☐ Capita   ☐ Northgate   ☐ Other\n2. How much do they cost?\n"
    assert questions(text)[0] == ("1", "Which systems do you use?", ["Civica", "Capita", "Northgate", "Other"])


def test_square_bracket_boxes_typed_on_the_question_line():
    assert questions("1. Do you charge for pest control? [ ] Yes  [x] No\n2. How much?\n")[0] == (
        "1", "Do you charge for pest control?", ["Yes", "No"]
    )


def test_a_paragraph_asking_several_questions_gives_one_each():
    text = (
        "Hello\n\nI am writing to make a request about school crossing patrols. How many patrols does the "
        "council fund? The budget was cut in 2023. How many sites lost their patrol as a result? Do you plan to "
        "restore any? If so, which ones? Please also send me the latest site assessment criteria. Thank you.\n\n"
        "Regards\nLee Chan\n"
    )
    assert [text for _, text, _ in questions(text)] == [
        "How many patrols does the council fund?",
        "The budget was cut in 2023. How many sites lost their patrol as a result?",
        "Do you plan to restore any? If so, which ones?",
        "Please also send me the latest site assessment criteria.",
    ]


def test_a_question_with_a_follow_up_is_not_cut():
    text = "Dear Sir,\n\nDoes the council still run the Shopmobility scheme? If not, when did it close?\n\nThanks\nAl Roe\n"
    assert questions(text) == [("1", "Does the council still run the Shopmobility scheme? If not, when did it close?", [])]


def test_sentences_keep_abbreviations_and_initials():
    from foi_desktop.intake.questions import sentences

    assert sentences("Please list e.g. St. Mary's and No. 5 Road. Is J. Smith the contractor? Yes.") == [
        "Please list e.g. St. Mary's and No. 5 Road.",
        "Is J. Smith the contractor?",
        "Yes.",
    ]


def test_greeting_and_question_on_one_line():
    assert questions("Dear Eastmoor Council, how many bins were collected late? And how many were missed?")[0][1] == (
        "how many bins were collected late?"
    )


CLARIFICATION_CHAIN = """Yes, I mean 2023/24 only.

Thanks
Pat

From: Information Governance <foi@example.gov.uk>
Sent: 02 April 2024 10:00
To: Pat Doyle <pat@example.org>
Subject: Your request - clarification

Dear Pat, before we answer, could you tell us which year you mean?

From: Pat Doyle <pat@example.org>
Sent: 01 April 2024 09:00
To: FOI <foi@example.gov.uk>
Subject: FOI request - Pothole repairs

1. How many potholes were repaired?
2. How many claims were paid?

Yours sincerely
Pat Doyle
"""


def test_in_a_reply_chain_the_numbered_request_below_the_officers_question_is_found():
    parsed = parse_request_text(CLARIFICATION_CHAIN)
    assert [q.text for q in parsed.questions] == ["How many potholes were repaired?", "How many claims were paid?"]
    assert (parsed.subject, parsed.requester_name, parsed.requester_email) == ("Pothole repairs", "Pat Doyle", "pat@example.org")


def test_a_follow_up_above_the_authoritys_reply_is_the_request():
    text = (
        "Thanks for the figures. Could you also tell me how many of the claims were paid in full?\n\nRegards\nSam\n\n"
        "On Mon, 3 Jun 2024 at 10:00, FOI Team <foi@example.gov.uk> wrote:\n"
        "> 1. How many claims were received?\n> 40.\n> 2. How much was paid?\n> £5,000.\n"
    )
    assert [q.text for q in parse_request_text(text).questions] == [
        "Thanks for the figures. Could you also tell me how many of the claims were paid in full?"
    ]


def test_a_request_quoted_below_a_covering_note_names_its_author():
    text = (
        "Resending the request below as I have had no reply. Can you confirm it arrived?\n\nThanks\nSam\n\n"
        "On Mon, 3 Jun 2024 at 10:00, Sam Jones <sam@example.org> wrote:\n"
        "> 1. How many claims were received?\n> 2. How much was paid?\n"
    )
    parsed = parse_request_text(text)
    assert [q.text for q in parsed.questions] == ["How many claims were received?", "How much was paid?"]
    assert (parsed.requester_name, parsed.requester_email) == ("Sam Jones", "sam@example.org")


def test_web_form_fields_asking_a_question_and_a_plain_date():
    text = (
        "Name: Ann Lee\nEmail: ann@example.org\nPhone: 01234 567890\nDate: 03/02/2025\n"
        "Request: 1) How many libraries are there?\n2) How many are open on Sundays?\n"
        "Would you like a paper copy?: No\nAnything else we should know: Nothing\n"
    )
    parsed = parse_request_text(text)
    assert [q.text for q in parsed.questions] == ["How many libraries are there?", "How many are open on Sundays?"]
    assert parsed.received == dt.date(2025, 2, 3)


def test_regime_named_across_a_wrapped_line():
    assert parse_request_text("Under the Environmental Information\nRegulations, how many trees were felled?").regime == Regime.EIR
    assert parse_request_text("Under the Freedom of Information (Scotland)\nAct 2002, how many?").regime == Regime.FOISA


@pytest.mark.parametrize("space", ["______", "..........", "\u2026\u2026\u2026", "____ ____"])
def test_the_space_left_for_the_answer_is_not_part_of_the_question(space):
    assert questions(f"1. How many cameras? {space}\n2. Who monitors them?{space}\n") == [
        ("1", "How many cameras?", []),
        ("2", "Who monitors them?", []),
    ]


# --------------------------------------------------------------------------- rules from the second held-out round


def test_questions_numbered_with_a_hash():
    assert questions("#1 How many libraries are open?\n\n#2. How many have closed?\n") == [
        ("1", "How many libraries are open?", []),
        ("2", "How many have closed?", []),
    ]
    assert read_marker("#hashtag campaign") is None
    assert read_marker("#2024 was a busy year") is None


@pytest.mark.parametrize("prompt", ["Please state Yes/No.", "Please answer Yes / No", "State Yes/No:", "Please confirm Yes/No."])
def test_a_prompt_before_the_answers_is_not_an_answer(prompt):
    assert inline_options(f"Does the service keep a record? {prompt}") == ("Does the service keep a record?", ["Yes", "No"])


def test_yes_no_in_brackets_part_way_through_keeps_the_words_around_it():
    assert inline_options("Whether the trust has a protocol (Yes/No), and the date it began.") == (
        "Whether the trust has a protocol, and the date it began.",
        ["Yes", "No"],
    )
    # brackets that are not answers stay in the question
    assert inline_options("How many staff work in HR/Payroll (Finance/HR) teams?") is None


@pytest.mark.parametrize("examples", ["(e.g. Capita/Civica/Northgate)", "(eg Capita/Civica)", "(for example Capita/Civica)", "(such as Capita/Civica)"])
def test_examples_in_brackets_are_not_options(examples):
    assert inline_options(f"Which revenues system does the council use {examples}?") is None


@pytest.mark.parametrize(
    "row,answers",
    [
        ("Fully resourced      Partly resourced      Don't know", ["Fully resourced", "Partly resourced", "Don't know"]),
        ("Turntable ladder\tAerial ladder platform\tNone", ["Turntable ladder", "Aerial ladder platform", "None"]),
        ("On premises / Cloud (supplier hosted) / Other", ["On premises", "Cloud (supplier hosted)", "Other"]),
    ],
)
def test_answers_across_one_line_under_the_question(row, answers):
    assert questions(f"1. How is the service resourced?\n{row}\n2. Who runs it?\n") == [
        ("1", "How is the service resourced?", answers),
        ("2", "Who runs it?", []),
    ]


def test_a_spaced_line_under_a_statement_is_not_answers():
    text = "1. Please provide the figures for these years.\n2021/22    2022/23\n2. Who runs it?\n"
    assert questions(text)[0] == ("1", "Please provide the figures for these years. 2021/22 2022/23", [])
    # a sentence under a question is its explanation, not a row of answers
    text = "1. Do you use agency staff?\nPlease include locums  and bank staff.\n2. Who runs it?\n"
    assert questions(text)[0] == ("1", "Do you use agency staff? Please include locums and bank staff.", [])


def test_the_words_right_above_a_list_decide_whether_it_offers_a_choice():
    each = "Does the trust offer free parking to any of the following groups? Please answer for each."
    assert not list_is_options(each, ["Blue Badge holders", "Night staff"])
    tick = "Which of the following does the council use? (tick all that apply)"
    assert list_is_options(tick, ["Teams", "Zoom"])
    assert questions(f"1. {each}\n- Blue Badge holders\n- Night staff\n")[0] == (
        "1", f"{each}\n- Blue Badge holders\n- Night staff", []
    )


def test_a_title_on_the_first_line_of_a_paragraph_stays_with_its_question():
    text = (
        "Please could you provide the following information.\n\n"
        "Waiting times\nPlease provide the median wait, in working days, for a first appointment.\n\n"
        "Session limits\nIs there a limit on sessions? (Yes/No)\n"
    )
    assert questions(text) == [
        ("1", "Waiting times\nPlease provide the median wait, in working days, for a first appointment.", []),
        ("2", "Session limits\nIs there a limit on sessions?", ["Yes", "No"]),
    ]


def test_a_wrapped_line_is_not_a_title():
    text = "Please tell me how many potholes were repaired in the\nborough in 2024, and what the repairs cost.\n"
    assert questions(text) == [("1", "Please tell me how many potholes were repaired in the borough in 2024, and what the repairs cost.", [])]


def test_a_deadline_in_working_days_is_a_closing_remark_but_a_unit_is_not():
    text = (
        "1. What is the target time, in working days, for a first site visit?\n"
        "2. How many visits were late?\n\n"
        "I look forward to your reply within 20 working days.\n"
    )
    assert [q.text for q in parse_request_text(text).questions] == [
        "What is the target time, in working days, for a first site visit?",
        "How many visits were late?",
    ]


def test_a_note_that_published_information_may_be_linked_is_not_part_of_the_last_question():
    text = (
        "1. Which payroll system do you use?\n2. Who is responsible for it?\n\n"
        "Please note that if the information is already published, a link to it is sufficient.\n"
    )
    assert [q.text for q in parse_request_text(text).questions] == ["Which payroll system do you use?", "Who is responsible for it?"]


def test_i_also_ask_for_is_a_request():
    text = (
        "I would like copies of the following documents:\n\n- the signed contract\n- the latest performance report\n\n"
        "I also ask for the total amount paid to the contractor in 2023/24.\n"
    )
    assert [q.text for q in parse_request_text(text).questions] == [
        "the signed contract",
        "the latest performance report",
        "I also ask for the total amount paid to the contractor in 2023/24.",
    ]


def test_a_web_form_field_holding_the_request_in_its_own_words():
    text = (
        "Reference number: WEB-1\nSubmitted: 03/02/2025 14:22\nFirst name: Aisha\nLast name: Bello\n"
        "Email address: aisha@example.org\nSubject of request: School transport\n"
        "Please describe the information you want: 1. How many pupils use school transport?\n"
        "2. What did it cost?\nHow would you like to receive the information?: Email\n"
    )
    parsed = parse_request_text(text)
    assert [q.text for q in parsed.questions] == ["How many pupils use school transport?", "What did it cost?"]
    assert (parsed.requester_name, parsed.requester_email, parsed.subject) == ("Aisha Bello", "aisha@example.org", "School transport")
    assert parsed.received == dt.date(2025, 2, 3)


def test_a_letters_re_line_below_both_addresses_is_its_subject():
    text = (
        "12 Mill Lane\nAshby Green\nAB1 2CD\n\n14th February 2025\n\nFreedom of Information Officer\n"
        "Example County Council\nCounty Hall\n\nDear Sir or Madam,\nRe: Public library volunteers\n\n"
        "1. How many libraries are there?\n2. How many volunteers?\n\nYours faithfully,\nMargaret Holloway\n"
    )
    parsed = parse_request_text(text)
    assert parsed.subject == "Public library volunteers"
    assert parsed.received is None  # the date a letter was written is not the date it arrived
    assert [q.text for q in parsed.questions] == ["How many libraries are there?", "How many volunteers?"]


@pytest.mark.parametrize(
    "sender,signed,expected",
    [
        ("Callum Reid <callum@example.net>", "Callum", "Callum Reid"),
        ("Alex Taylor <shared@example.net>", "Sam", "Sam"),
        ("Callum Reid <callum@example.net>", "Callum Reid-Smith", "Callum Reid-Smith"),
    ],
)
def test_a_first_name_sign_off_takes_the_surname_from_the_sender(sender, signed, expected):
    text = f"From: {sender}\nSent: 28 February 2025 17:05\nSubject: Discounts\n\n1. How many discounts?\n\nCheers\n{signed}\n"
    assert parse_request_text(text).requester_name == expected


def test_requests_written_after_these_rules():
    """Three short requests written once the rules above were in, to see that they carry over."""
    survey = (
        "Good morning,\n\nPlease answer the questions below for your trust.\n\n"
        "#1 Does the trust employ a dedicated Freedom to Speak Up Guardian? Please state Yes/No.\n"
        "#2 How many concerns were raised with the Guardian in 2023/24?\n"
        "#3 Which of the following routes can staff use to raise a concern? (tick all that apply)\n"
        "Online form\tTelephone\tIn person\tEmail\n"
        "#4 Please provide a copy of the trust's speaking up policy.\n\n"
        "If any of this information is exempt, please provide the rest.\n\nThanks\nJess\n"
    )
    assert questions(survey) == [
        ("1", "Does the trust employ a dedicated Freedom to Speak Up Guardian?", ["Yes", "No"]),
        ("2", "How many concerns were raised with the Guardian in 2023/24?", []),
        ("3", "Which of the following routes can staff use to raise a concern?", ["Online form", "Telephone", "In person", "Email"]),
        ("4", "Please provide a copy of the trust's speaking up policy.", []),
    ]
    headed = (
        "Dear FOI team,\n\nI would like the following information about the council's fleet.\n\n"
        "Electric vehicles\nHow many vehicles in the council's own fleet are fully electric? (Yes/No is not enough: please give a number.)\n\n"
        "Charging points\nHow many charging points has the council installed at its depots since April 2022?\n\n"
        "Kind regards\nPat Doyle\n"
    )
    assert [q.text for q in parse_request_text(headed).questions] == [
        "Electric vehicles\nHow many vehicles in the council's own fleet are fully electric? (Yes/No is not enough: please give a number.)",
        "Charging points\nHow many charging points has the council installed at its depots since April 2022?",
    ]
    dashed = (
        "Question 1 -\nWhich software does the council use for planning applications (e.g. Idox/Arcus)?\n\n"
        "Question 2 -\nHow is it hosted?\nOn premises / Supplier cloud / Council cloud\n"
    )
    assert questions(dashed) == [
        ("1", "Which software does the council use for planning applications (e.g. Idox/Arcus)?", []),
        ("2", "How is it hosted?", ["On premises", "Supplier cloud", "Council cloud"]),
    ]
