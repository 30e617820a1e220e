"""Rules brought by the third held-out corpus, each on a request written for the test."""

from __future__ import annotations

import datetime as dt
import io

from foi_desktop.intake import parse_request_bytes, parse_request_text
from foi_desktop.intake.details import parse_date
from foi_desktop.intake.options import inline_options


def questions(text: str) -> list[tuple[str, str, list[str]]]:
    return [(q.label, q.text, q.options) for q in parse_request_text(text).to_case().questions]


def test_parts_that_restart_their_numbering_give_part_labels():
    text = (
        "Please provide:\n\nPart A - Staffing\n\n1. How many PCSOs are there?\n2. How many are vacant?\n\n"
        "Part B - Budget\n\n1. What is the budget?\n2. What was spent?\n"
    )
    parsed = parse_request_text(text)
    assert [label for label, _, _ in questions(text)] == ["A1", "A2", "B1", "B2"]
    assert not any("more than once" in warning for warning in parsed.warnings)


def test_parts_with_numbering_that_carries_on_keep_plain_numbers():
    text = "Part A\n\n1. How many PCSOs are there?\n2. How many are vacant?\n\nPart B\n\n3. What is the budget?\n"
    assert [label for label, _, _ in questions(text)] == ["1", "2", "3"]


def test_a_restart_without_parts_still_warns():
    text = "1. How many PCSOs are there?\n2. How many are vacant?\n\n1. What is the budget?\n"
    assert any("more than once" in warning for warning in parse_request_text(text).warnings)


def test_question_numbers_written_as_words():
    text = "Question one: How many wards are there?\nQuestion two: How many beds are closed?\n"
    assert questions(text) == [("1", "How many wards are there?", []), ("2", "How many beds are closed?", [])]


def test_question_one_inside_a_sentence_is_not_a_number():
    text = "Question one of your survey asked about parking. How many people answered it?"
    assert [label for label, _, _ in questions(text)] == ["1"]
    assert questions(text)[0][1].startswith("Question one of your survey")


def test_answer_prompt_after_a_statement_gives_the_options():
    assert inline_options("(3) whether the trust uses the framework. Please state Yes/No;") == (
        "(3) whether the trust uses the framework.",
        ["Yes", "No"],
    )
    assert inline_options("The figures for 2023. Please confirm whether A/B is right") is None


def test_definitions_after_the_last_question_are_not_part_of_it():
    text = (
        "1. The number of referrals.\n2. A copy of the service specification.\n\n"
        'Definitions\nFor the purposes of this request:\n- "Referral" means an accepted referral.\n'
    )
    assert questions(text)[-1] == ("2", "A copy of the service specification.", [])


def test_a_layout_instruction_after_the_last_question_is_not_part_of_it():
    text = "1. The number of incidents.\n2. The number of officers.\n\nPlease use the same categories as table 2.1 of your last reply.\n"
    assert questions(text)[-1] == ("2", "The number of officers.", [])


def test_an_explanation_after_the_last_question_stays_with_it():
    text = "1. The number of incidents.\n2. The number of officers.\n\nBy officers I mean warranted officers only.\n"
    assert questions(text)[-1][1] == "The number of officers.\nBy officers I mean warranted officers only."


def test_an_unpunctuated_question_in_prose_is_found():
    text = "How many children are in year 7?\n\nAlso is the school planning to merge any classes next year\n\nThanks\nJo"
    assert [text for _, text, _ in questions(text)] == [
        "How many children are in year 7?",
        "Also is the school planning to merge any classes next year",
    ]


def test_a_sentence_starting_with_it_is_not_a_question():
    text = "How many children are in year 7?\n\nIt is a big school and the classes seem large to me\n"
    assert len(questions(text)) == 1


def test_a_forwarded_request_pasted_with_headers_gives_the_requester_not_the_colleague():
    text = (
        "From: PALS <pals@trust.nhs.uk>\nSent: 20 March 2025 09:12\nTo: FOI\nSubject: FW: parking\n\n"
        "Passing this on.\n\nFrom: Ann Lee <ann@example.com>\nSent: 18 March 2025 22:47\nTo: PALS\nSubject: parking\n\n"
        "1. How much was received from parking?\n2. How much was spent?\n\nRegards\nAnn Lee\n"
    )
    case = parse_request_text(text).to_case()
    assert (case.requester.name, case.requester.email, case.received) == ("Ann Lee", "ann@example.com", dt.date(2025, 3, 18))


def test_a_form_time_stamp_gives_the_date():
    assert parse_date("2025-03-24T10:15:00Z") == dt.date(2025, 3, 24)


def test_thanks_for_your_help_is_a_sign_off():
    case = parse_request_text("Can you tell me the budget for 2024?\n\nthanks for your help\nMaureen Tate\n").to_case()
    assert case.requester.name == "Maureen Tate"


def _docx(rows: list[tuple[str, ...]]) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Please answer the questions in the table below.")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_questions_in_a_word_table_are_one_question_a_row():
    data = _docx([
        ("Question", "Response"),
        ("How many pupils were placed in isolation in 2023/24?", ""),
        ("Is there a written policy on isolation rooms?", "Yes / No"),
    ])
    case = parse_request_bytes(data, "questions.docx").to_case()
    assert [(q.label, q.text, q.options, q.table) for q in case.questions] == [
        ("1", "How many pupils were placed in isolation in 2023/24?", [], None),
        ("2", "Is there a written policy on isolation rooms?", ["Yes", "No"], None),
    ]


def test_a_numbered_question_table_keeps_its_numbers():
    data = _docx([
        ("No.", "Question", "Answer"),
        ("4", "How many pupils were placed in isolation in 2023/24?", ""),
        ("5", "How many of them had an education, health and care plan?", ""),
    ])
    case = parse_request_bytes(data, "questions.docx").to_case()
    assert [q.label for q in case.questions] == ["4", "5"]


def test_a_word_table_of_figures_stays_a_table():
    data = _docx([("Year", "Staff", "Volunteers"), ("2022/23", "", ""), ("2023/24", "", "")])
    case = parse_request_bytes(data, "figures.docx").to_case()
    assert case.questions[0].table is not None
    assert case.questions[0].table.rows == ["2022/23", "2023/24"]


def test_a_closing_paragraph_left_out_is_not_highlighted_with_the_last_question():
    text = "1. How many cameras are there?\n2. How many work?\n\nIf any of this is exempt, please release the rest.\n"
    parsed = parse_request_text(text)
    lines = parsed.source_text.split("\n")
    last = {lines[number] for number in parsed.question_lines[-1]}
    assert last == {"2. How many work?"}


def test_a_question_table_is_marked_in_the_source_text_as_numbered_by_row():
    data = _docx([
        ("Question", "Response"),
        ("How many pupils were placed in isolation in 2023/24?", ""),
        ("How many of them had an education, health and care plan?", ""),
    ])
    parsed = parse_request_bytes(data, "questions.docx")
    assert "[Table: one question a row, numbered here by row]" in parsed.source_text
    assert all("[Table" not in q.text for q in parsed.to_case().questions)
