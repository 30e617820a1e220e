"""The review step's corrections, without a window."""

from __future__ import annotations

from foi_desktop.core.case import Question, Table
from foi_desktop.intake.edits import (
    is_plain_numbering,
    merge_questions,
    renumber,
    split_question,
    split_sub_parts,
    sub_parts,
)


def test_split_question_keeps_options_with_the_first_part():
    question = Question(text="How many staff? How many vacancies?", label="3", options=["0", "1-5"])
    first, second = split_question(question, question.text.index("How many vacancies"))
    assert (first.label, first.text, first.options) == ("3", "How many staff?", ["0", "1-5"])
    assert (second.label, second.text, second.options) == ("", "How many vacancies?", [])


def test_split_question_drops_a_number_at_the_cut():
    first, second = split_question(Question(text="How many staff?\n2. How many vacancies?"), 16)
    assert second.text == "How many vacancies?"


def test_merge_questions():
    table = Table(rows=["A"], columns=["2023"], cells=[[""]])
    merged = merge_questions(
        Question(text="How many staff", label="1", options=["Yes", "No"]),
        Question(text="were employed in 2023?", options=["No", "Unsure"], table=table),
    )
    assert merged.text == "How many staff\nwere employed in 2023?"
    assert merged.options == ["Yes", "No", "Unsure"]
    assert merged.table == table and merged.table is not table
    assert merged.label == "1"


def test_split_sub_parts_reads_each_with_its_lead_in():
    question = Question(
        label="2",
        text="For each year, the number of PCNs that were:\na) paid at the discounted rate;\nb) paid at the full\nrate;",
    )
    assert sub_parts(question)[0] == "For each year, the number of PCNs that were:"
    parts = split_sub_parts(question)
    assert [(q.label, q.text) for q in parts] == [
        ("2a", "For each year, the number of PCNs that were: paid at the discounted rate;"),
        ("2b", "For each year, the number of PCNs that were: paid at the full rate;"),
    ]


def test_split_sub_parts_with_nested_numbers_and_bullets():
    nested = Question(label="2", text="Correspondence about:\n2.1 landscape\n2.2 drainage")
    assert [q.label for q in split_sub_parts(nested)] == ["2.1", "2.2"]
    bullets = Question(label="4", text="Please provide:\n- the number of staff\n- the cost")
    assert [(q.label, q.text) for q in split_sub_parts(bullets)] == [
        ("4a", "Please provide: the number of staff"),
        ("4b", "Please provide: the cost"),
    ]


def test_a_question_without_sub_parts_is_not_split():
    question = Question(label="1", text="How many?")
    assert split_sub_parts(question) == [question]


def test_renumber():
    questions = [Question(label="1"), Question(label=""), Question(label="2")]
    assert not is_plain_numbering(questions)
    renumber(questions)
    assert [q.label for q in questions] == ["1", "2", "3"]
    assert is_plain_numbering(questions)
