"""The letter preview is updated in place, block by block, and always shows what a full redraw would.

Each check compares the panel's page, after a run of edits updated in place, with a
page laid out from scratch from the same letter: the same text (``toPlainText``) and
the same formatting (``toHtml``). The edits include the ones that change the page's
shape: tables, options and whole questions added and removed, undo and redo.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMessageBox

from benchmarks.generate import generated_case
from foi_desktop.core.case import Outcome, Question, Regime
from foi_desktop.core.sample import load_sample
from foi_desktop.core.settings import Settings
from foi_desktop.letter import build_letter, render_html
from foi_desktop.ui import question_ops
from foi_desktop.ui.letter_bridge import PAGE_END, build_preview, page_parts
from foi_desktop.ui.letter_diff import changed_span
from foi_desktop.ui.main_window import MainWindow
from foi_desktop.ui.preview_panel import PreviewPanel

QUESTIONS = 40


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.document.load(generated_case(QUESTIONS), None, untitled_name="Survey")
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def fresh_page(window) -> QTextDocument:
    """The letter laid out from scratch, as the panel's first redraw of it would be."""
    document = QTextDocument()
    document.setDefaultFont(window.preview.browser.document().defaultFont())
    document.setHtml(build_preview(window.document.case, window.settings).html)
    return document


def redraw(window, qtbot) -> None:
    """Let the window's redraw run (it is due on the next turn of the event loop)."""
    qtbot.waitUntil(lambda: not window.preview_timer.isActive(), timeout=2000)


def assert_same_as_fresh(window) -> None:
    shown = window.preview.browser.document()
    fresh = fresh_page(window)
    assert shown.toPlainText() == fresh.toPlainText()
    assert shown.toHtml() == fresh.toHtml()


def edit(window, qtbot, change) -> None:
    change()
    redraw(window, qtbot)
    assert_same_as_fresh(window)


# --------------------------------------------------------------------------- the page in parts


@pytest.mark.parametrize("case", [load_sample(), generated_case(30)], ids=["sample", "generated"])
def test_the_blocks_make_exactly_the_page(case):
    document = build_letter(case, Settings())
    head, blocks = page_parts(document)
    assert head + "".join(block.html for block in blocks) + PAGE_END == render_html(document)
    assert {block.kind for block in blocks} == {"paragraph", "list", "table"}


def test_the_changed_run_is_widened_to_a_paragraph_on_each_side():
    @dataclasses.dataclass
    class B:
        html: str
        paragraph: bool = True

    old = [B("a"), B("list", False), B("b"), B("table", False), B("c"), B("d")]
    new = [B("a"), B("list", False), B("b"), B("table2", False), B("c"), B("d")]
    span = changed_span(old, new)
    assert (span.first, span.old_last, span.new_last) == (2, 4, 4)
    assert changed_span(old, old) is None
    # A table removed: one block fewer, cut at the paragraphs around it.
    span = changed_span(old, old[:3] + old[4:])
    assert (span.first, span.old_last, span.new_last) == (2, 4, 3)
    # Nothing but lists and tables before the change: no safe place to cut.
    assert changed_span([B("t", False), B("x")], [B("t2", False), B("x")]) is None


# --------------------------------------------------------------------------- edits through the window


def test_typing_updates_the_page_in_place(window, qtbot):
    window.select_question(20)
    field = window.editor.explanation
    field.setFocus()
    before = window.preview.updated_in_place
    for word in ("Forty", " two", " records"):
        qtbot.keyClicks(field, word)
        redraw(window, qtbot)
    assert "Forty two records" in window.preview.browser.toPlainText()
    assert window.preview.updated_in_place == before + 3
    assert_same_as_fresh(window)


def test_tables_options_and_questions_come_and_go_in_place(window, qtbot):
    document = window.document
    before = window.preview.updated_in_place
    edit(window, qtbot, lambda: document.set_value(("questions", 10, "table"), question_ops.new_table()))
    edit(window, qtbot, lambda: document.set_value(
        ("questions", 10, "table"), question_ops.with_row_added(document.case.questions[10].table, 1)))
    edit(window, qtbot, lambda: document.set_value(("questions", 10, "table", "cells"), [["12"], ["3"]]))
    edit(window, qtbot, lambda: document.set_value(("questions", 13, "table"), question_ops.new_table()))  # had one
    edit(window, qtbot, lambda: document.set_values(
        [(("questions", 11, "options"), ["Yes", "No"]), (("questions", 11, "answer", "choice"), 1)], "Options"))
    edit(window, qtbot, lambda: document.set_value(("questions", 11, "answer", "choice"), 0))
    edit(window, qtbot, lambda: document.set_values(
        [(("questions", 12, "options"), []), (("questions", 12, "answer", "choice"), None)], "No options"))
    edit(window, qtbot, lambda: document.set_value(("questions", 15, "answer", "outcome"), Outcome.EXEMPT))
    edit(window, qtbot, lambda: document.set_value(("questions", 15, "answer", "exemptions"), ["s43(2)"]))
    # Whole questions: at the end, removed from the middle, moved.
    window.select_question(QUESTIONS - 1)
    edit(window, qtbot, window.on_add_question)
    edit(window, qtbot, lambda: document.set_value(("questions", QUESTIONS, "text"), "A last question?"))
    window.select_question(5)
    edit(window, qtbot, window.on_remove_question)
    edit(window, qtbot, lambda: window.on_move_question(1))
    assert window.preview.updated_in_place - before >= 10
    for _ in range(document.undo_stack.count()):
        edit(window, qtbot, document.undo_stack.undo)
    for _ in range(document.undo_stack.count()):
        edit(window, qtbot, document.undo_stack.redo)


def test_a_change_through_the_whole_letter_lays_the_page_out_again(window, qtbot):
    """A question added near the top renumbers those after it; the regime rewrites every paragraph."""
    case = generated_case(QUESTIONS)
    for question in case.questions:
        question.label = ""  # numbered by position in the letter
    window.document.load(case, None, untitled_name="Survey")
    before = window.preview.updated_in_place
    window.select_question(0)
    edit(window, qtbot, window.on_add_question)
    edit(window, qtbot, lambda: window.document.set_value(("regime",), Regime.EIR))
    assert window.preview.updated_in_place == before
    edit(window, qtbot, lambda: window.document.set_value(("questions", 3, "answer", "explanation"), "Held."))
    assert window.preview.updated_in_place == before + 1


def test_the_reader_keeps_their_place_while_typing(window, qtbot):
    window.select_question(25)  # scrolls the letter to question 26
    bar = window.preview.browser.verticalScrollBar()
    place = bar.value()
    assert place > 0
    field = window.editor.explanation
    field.setFocus()
    for word in ("Held", " by", " the", " archive", "\n", "and", " the", " records", " office."):
        if word == "\n":
            qtbot.keyClick(field, Qt.Key.Key_Return)  # a new line: the answer grows by a line
        else:
            qtbot.keyClicks(field, word)
        redraw(window, qtbot)
        assert bar.value() == place
    question = window.document.case.questions[25]
    cursor = window.preview.browser.document().find(question.text[:40])
    assert window.preview.browser.viewport().rect().contains(window.preview.browser.cursorRect(cursor).topLeft())


def test_a_page_of_another_shape_than_expected_is_laid_out_whole(qtbot):
    """When the blocks do not predict the page Qt made, the panel never patches it."""
    case = generated_case(8)
    panel = PreviewPanel()
    qtbot.addWidget(panel)
    preview = build_preview(case, Settings())
    wrong = tuple(dataclasses.replace(block, text_blocks=block.text_blocks + 1) if block.kind == "list" else block
                  for block in preview.blocks)
    panel.show_preview(dataclasses.replace(preview, blocks=wrong))
    case.questions[2].answer.explanation = "Changed."
    changed = build_preview(case, Settings())
    panel.show_preview(dataclasses.replace(changed, blocks=wrong[:1] + changed.blocks[1:]))
    assert panel.updated_in_place == 0
    assert "Changed." in panel.browser.toPlainText()


def test_a_letter_that_cannot_be_built_is_explained_then_recovers(window, qtbot, monkeypatch):
    import foi_desktop.letter as letter

    def broken(*_args, **_kwargs):
        raise ValueError("template fault")

    working = letter.build_letter
    monkeypatch.setattr(letter, "build_letter", broken)
    window.render_preview()
    assert "template fault" in window.preview.browser.toPlainText()
    monkeypatch.setattr(letter, "build_letter", working)
    edit(window, qtbot, lambda: window.document.set_value(("questions", 1, "answer", "explanation"), "Back."))
    assert "Back." in window.preview.browser.toPlainText()


def test_new_questions_appear_in_the_preview(window, qtbot):
    window.document.replace_questions(window.document.case.questions + [Question(label="41", text="Extra?")],
                                      "Add", select=QUESTIONS)
    redraw(window, qtbot)
    assert "Extra?" in window.preview.browser.toPlainText()
    assert_same_as_fresh(window)
