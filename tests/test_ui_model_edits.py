"""Edits below the widgets: question list operations, undo commands, deadline wording, snippets."""

from __future__ import annotations

import datetime as dt

import pytest

from foi_desktop.core.case import Answer, Case, Clarification, Extension, Question, Regime, Table
from foi_desktop.core.sample import load_sample
from foi_desktop.ui import question_ops
from foi_desktop.ui.commands import describe
from foi_desktop.ui.deadline_text import summarise
from foi_desktop.ui.document import CaseDocument
from foi_desktop.ui.snippets import load_snippets


def numbered(*texts):
    return [Question(label=str(n), text=t) for n, t in enumerate(texts, start=1)]


def test_structure_changes_renumber_a_request_numbered_in_order():
    questions = numbered("a", "b", "c")
    after = question_ops.with_question_moved(questions, 2, 0)
    assert [(q.label, q.text) for q in after] == [("1", "c"), ("2", "a"), ("3", "b")]
    assert [q.label for q in questions] == ["1", "2", "3"]  # the before state is untouched for undo


def test_own_labels_are_kept():
    questions = [Question(label="1a", text="a"), Question(label="1b", text="b")]
    after = question_ops.with_question_added(questions, 2, "c")
    assert [q.label for q in after] == ["1a", "1b", ""]


def test_split_keeps_the_work_on_the_first_part():
    question = Question(label="1", text="How many? And when?", options=["Yes", "No"],
                        answer=Answer(choice=1, explanation="Because."), notes="n")
    first, second = question_ops.with_question_split([question], 0, len("How many?"))
    assert (first.text, first.options, first.answer.choice, first.notes) == ("How many?", ["Yes", "No"], 1, "n")
    assert (second.text, second.label, second.options, second.answer.explanation) == ("And when?", "2", [], "")
    assert question.text == "How many? And when?"
    with pytest.raises(ValueError):
        question_ops.with_question_split([question], 0, 0)


def test_merge_joins_texts_and_takes_options_from_the_question_that_has_them():
    a = Question(label="1", text="Do you use", answer=Answer(explanation="One", exemptions=["s40(2)"]))
    b = Question(label="2", text="cloud storage?", options=["Yes", "No"],
                 answer=Answer(choice=0, explanation="Two", exemptions=["s40(2)", "s43(2)"]))
    (merged,) = question_ops.with_questions_merged([a, b], 0)
    assert merged.text == "Do you use\ncloud storage?"
    assert merged.options == ["Yes", "No"] and merged.answer.choice == 0
    assert merged.answer.explanation == "One\nTwo"
    assert merged.answer.exemptions == ["s40(2)", "s43(2)"]


@pytest.mark.parametrize(
    "old, choice, new, expected",
    [
        (["A", "B", "C"], 1, ["A", "B", "C", "D"], 1),
        (["A", "B", "C"], 1, ["B", "C"], 0),
        (["A", "B", "C"], 1, ["A", "X", "C"], None),
        (["A", "B"], None, ["A", "B"], None),
    ],
)
def test_choice_follows_its_wording(old, choice, new, expected):
    assert question_ops.remapped_choice(old, choice, new) == expected


def test_options_pasted_from_word_lose_their_bullets():
    assert question_ops.options_from_text("· Yes\n\n• No \n- Don't know\n") == ["Yes", "No", "Don't know"]


def test_table_rows_and_columns():
    table = Table(rows=["r1"], columns=["c1", "c2"], cells=[["1", "2"]])
    wider = question_ops.with_column_added(table, 1, "new")
    assert wider.columns == ["c1", "new", "c2"] and wider.cells == [["1", "", "2"]]
    taller = question_ops.with_row_added(wider, 1)
    assert taller.rows == ["r1", "Row 2"] and taller.cells[1] == ["", "", ""]
    assert question_ops.with_row_removed(taller, 0).cells == [["", "", ""]]
    assert question_ops.with_column_removed(table, 0).cells == [["2"]]
    assert table.columns == ["c1", "c2"]


def test_typing_merges_into_one_step_and_typing_back_removes_it(qtbot):
    document = CaseDocument()
    document.load(load_sample(), None)
    path = ("questions", 1, "answer", "explanation")
    for text in ("N", "No", "Not"):
        document.set_value(path, text, typing=True)
    assert document.undo_stack.count() == 1 and document.get(path) == "Not"
    document.set_value(("reference",), "R", typing=True)  # another field: a new step
    assert document.undo_stack.count() == 2
    document.set_value(path, "", typing=True)
    document.set_value(path, "X", typing=False)
    document.set_value(path, "XY", typing=False)
    assert document.undo_stack.count() == 5  # deliberate actions are never merged
    assert document.set_value(path, "XY") is False  # no change, no step


def test_typing_after_a_save_starts_a_new_step(qtbot):
    document = CaseDocument()
    document.load(load_sample(), None)
    path = ("subject",)
    document.set_value(path, "A", typing=True)
    document.undo_stack.setClean()
    document.set_value(path, "AB", typing=True)
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert document.get(path) == "A" and not document.is_modified


def test_undo_texts_name_the_field_and_question():
    assert describe(("questions", 2, "answer", "explanation")) == "Edit explanation (question 3)"
    assert describe(("questions", 0, "table", "cells", 1, 2)) == "Edit table cell (question 1)"
    assert describe(("questions", 0, "answer", "cost", "items")) == "Edit cost estimate (question 1)"
    assert describe(("requester", "name")) == "Edit requester's name"


def test_deadline_wording():
    case = Case(received=dt.date(2020, 5, 4), regime=Regime.FOIA)
    assert summarise(case, dt.date(2020, 5, 4)).headline == "Due Wed 3 Jun 2020 · 20 working days left"
    assert not summarise(case, dt.date(2020, 5, 4)).urgent
    assert summarise(case, dt.date(2020, 6, 3)).headline.endswith("due today")
    overdue = summarise(case, dt.date(2020, 6, 5))
    assert overdue.urgent and overdue.headline.endswith("overdue by 2 working days")
    case.letter_date = dt.date(2020, 6, 4)
    assert summarise(case, dt.date(2020, 7, 1)).headline.endswith("letter dated Thu 4 Jun 2020: 1 working day late")
    case.letter_date = None
    case.extension = Extension.PUBLIC_INTEREST
    assert "Due Wed 1 Jul 2020" in summarise(case, dt.date(2020, 5, 4)).headline
    case.clarification = Clarification(requested=dt.date(2020, 5, 6))
    assert summarise(case, dt.date(2020, 5, 7)).headline == "Clock stopped since Wed 6 May 2020: waiting for clarification"
    assert "enter the date received" in summarise(Case(), dt.date(2020, 1, 1)).headline


def test_snippets_are_offered_by_regime_and_filled_with_the_organisation():
    snippets = load_snippets()
    assert len(snippets) >= 8
    cost = next(s for s in snippets if s.title.startswith("Cost limit: how"))
    assert cost.applies_to(Regime.FOIA) and not cost.applies_to(Regime.EIR)
    text = next(s for s in snippets if s.title.startswith("Not held: no business")).filled("the Council", Regime.FOISA)
    assert text.startswith("The Council does not record")
    assert "The Freedom of Information (Scotland) Act 2002 gives" in text
    assert "{" not in text
