"""An officer's day in the window: the defects found by using it, each pinned by a test."""

from __future__ import annotations

import datetime as dt
import os

import docx
import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from foi_desktop.core.case import Outcome, Question, Regime
from foi_desktop.core.settings import Settings
from foi_desktop.ui.main_window import MainWindow
from foi_desktop.ui.question_list import QuestionSummaryDelegate
from foi_desktop.ui.widgets import OptionalDateEdit

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings(), today=dt.date(2024, 5, 1))
    qtbot.addWidget(win)
    win.load_sample()
    win.show()
    qtbot.waitExposed(win)
    return win


def choose_outcome(win: MainWindow, outcome: Outcome) -> None:
    combo = win.editor.outcome
    index = combo.findData(outcome.value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_a_short_question_is_listed_on_its_own_line_above_its_status(window, qtbot, monkeypatch):
    """The style hands the delegate the text with U+2028 for the line break: a short question drew both lines in one."""
    window.document.replace_questions([Question(label="1", text="Short?"), Question(label="2", text="Also short?")],
                                      "Replace", select=0)
    drawn: list[str] = []
    original = QuestionSummaryDelegate.draw_line
    monkeypatch.setattr(QuestionSummaryDelegate, "draw_line",
                        staticmethod(lambda painter, rect, text: (drawn.append(text), original(painter, rect, text))))
    window.question_list.view.grab()
    assert "1. Short?" in drawn and "2. Also short?" in drawn
    assert all("\u2028" not in text and "\n" not in text for text in drawn)


@pytest.mark.parametrize(
    ("regime", "title", "wording"),
    [
        (Regime.FOIA, "Cost estimate (section 12)", "50.0 hours: over the 18-hour limit"),
        (Regime.FOISA, "Cost estimate (section 12)", "50.0 hours: over the 40-hour limit (£600 at £15 an hour)"),
        (Regime.EIR, "Cost estimate (regulation 12(4)(b))", "the EIR set no fixed limit"),
        (Regime.EIR_SCOTLAND, "Cost estimate (regulation 10(4)(b))", "the EIR set no fixed limit"),
    ],
)
def test_the_cost_estimate_states_the_limit_the_letter_uses_under_each_regime(window, regime, title, wording):
    window.select_question(1)
    choose_outcome(window, Outcome.COST_LIMIT)
    window.editor.cost_items.setValue(3000)
    window.editor.cost_minutes.setValue(1)
    window.document.set_value(("regime",), regime)
    assert window.editor.cost_box.title() == title
    assert wording in window.editor.cost_hours.text()


def test_within_the_foisa_limit_when_over_the_english_one(window):
    window.select_question(1)
    choose_outcome(window, Outcome.COST_LIMIT)
    window.editor.cost_items.setValue(30)
    window.editor.cost_minutes.setValue(60)
    assert "over the 18-hour limit" in window.editor.cost_hours.text()
    window.document.set_value(("regime",), Regime.FOISA)
    assert window.editor.cost_hours.text().startswith("30.0 hours: within the 40-hour limit")


def test_an_exemption_the_new_regime_lacks_stays_applied_and_is_flagged(window):
    window.select_question(0)
    choose_outcome(window, Outcome.EXEMPT)
    window.editor.exemptions.item_for("s43(2)").setCheckState(Qt.CheckState.Checked)
    window.document.set_value(("regime",), Regime.FOISA)
    picker = window.editor.exemptions
    assert window.document.case.questions[0].answer.exemptions == ["s43(2)"]
    item = picker.item_for("s43(2)")
    assert item.checkState() == Qt.CheckState.Checked and not item.isHidden()
    assert "not part of the Freedom of Information (Scotland) Act 2002" in item.text()
    assert "⚠ Not part of the Freedom of Information (Scotland) Act 2002: s43(2)" in picker.summary.text()
    assert picker.item_for("s33(1)(b)") is not None  # FOISA's own commercial interests entry is offered
    picker.item_for("s43(2)").setCheckState(Qt.CheckState.Unchecked)
    assert "Not part" not in picker.summary.text()


def test_an_unset_date_reads_not_set_and_ticking_it_lets_a_date_be_typed(qtbot):
    field = OptionalDateEdit("Date the letter")
    qtbot.addWidget(field)
    field.setAccessibleName("Letter date")
    seen = []
    field.date_changed.connect(seen.append)
    field.set_date(None)
    assert field.edit.text() == "not set" and field.date() is None
    field.set_date(dt.date(2024, 5, 10))
    assert field.edit.text() == "10 May 2024"
    field.check.setChecked(False)
    assert field.edit.text() == "not set" and seen[-1] is None
    qtbot.keyClick(field.check, Qt.Key.Key_Space)
    assert field.date() == dt.date(2024, 5, 10) and field.edit.isEnabled()  # the last date comes back
    assert field.edit.minimumDate() == QDate(1990, 1, 1) and field.edit.maximumDate() == QDate(2100, 12, 31)
    field.edit.setDate(QDate(1850, 1, 1))
    assert field.date() == dt.date(1990, 1, 1)
    field.edit.setDate(QDate(2300, 1, 1))
    assert field.date() == dt.date(2100, 12, 31)


def test_unset_dates_in_the_window_read_not_set(window):
    details = window.details
    assert window.document.case.clarification.requested is None
    assert details.clarification_requested.edit.text() == "not set"
    window.document.set_value(("received",), None)
    assert window.header.received.edit.text() == "not set"
    window.undo_action.trigger()
    assert window.header.received.edit.text() == "4 May 2020"


def focusable_without_a_name(win: MainWindow) -> list[str]:
    return [
        f"{type(widget).__name__} {widget.objectName()!r}"
        for widget in win.findChildren(QWidget)
        if widget.isVisibleTo(win) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not widget.accessibleName()
    ]


def test_every_focusable_control_has_a_name_for_screen_readers_on_every_outcome(window):
    window.details  # the Case details page is built on first use
    window.select_question(0)
    window.editor.add_table_button.click()  # a free-text question gains a table: its grid and buttons too
    missing = set()
    for index in range(len(window.document.case.questions)):
        window.select_question(index)
        for outcome in Outcome:
            choose_outcome(window, outcome)
            for tab in (window.question_tab, window.details_tab):
                window.tabs.setCurrentIndex(tab)
                missing.update(focusable_without_a_name(window))
    assert not missing


def test_pasted_control_characters_become_line_breaks_or_go(window):
    window.select_question(0)
    explanation = window.editor.explanation
    explanation.clear()
    QGuiApplication.clipboard().setText("First line\x0bsecond line\x0cnext page\x00 end")
    explanation.setFocus()
    explanation.paste()
    assert window.document.case.questions[0].answer.explanation == "First line\nsecond line\nnext page end"
    assert explanation.toPlainText() == "First line\nsecond line\nnext page end"
    reference = window.header.reference
    reference.selectAll()
    reference.setFocus()
    QGuiApplication.clipboard().setText("FOI\x0b2024\x00/1")
    reference.paste()
    assert window.document.case.reference == "FOI 2024/1" == reference.text()


def test_a_case_with_no_questions_says_how_to_add_one(window, qtbot, tmp_path):
    for _ in range(len(window.document.case.questions)):
        window.on_remove_question()
    editor = window.editor
    assert window.document.case.questions == []
    assert "no questions" in editor.title.text() and "Ctrl+Shift+N" in editor.title.text()
    assert not editor.body.isVisibleTo(editor)  # the removed question's wording does not linger
    letter = docx.Document(window.export_letter(tmp_path / "none.docx"))
    assert any("Dear Sam Taylor" in paragraph.text for paragraph in letter.paragraphs)
    window.add_question_action.trigger()
    assert editor.body.isVisibleTo(editor) and editor.title.text().startswith("Question")


def test_a_letter_open_in_word_gives_a_clear_message_and_keeps_the_case(window, monkeypatch, tmp_path):
    target = tmp_path / "letter.docx"
    target.write_bytes(b"the letter Word has open")
    monkeypatch.setattr(MainWindow, "_ask_export_path", lambda self: str(target))

    def locked(source, destination):
        raise PermissionError(13, "Permission denied", str(destination))

    window.editor.explanation.insertPlainText("kept ")
    monkeypatch.setattr(os, "replace", locked)
    window.export_action.trigger()
    message = window.last_message_box.text()
    assert "open in another program" in message and "letter.docx" in message
    assert target.read_bytes() == b"the letter Word has open"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["letter.docx"]  # no temporary file left behind
    assert window.isWindowModified() and "kept " in window.document.case.questions[0].answer.explanation


def test_question_shortcuts_and_both_redo_keys_from_the_keyboard(window, qtbot):
    window.select_question(0)
    view = window.question_list.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL_SHIFT)  # add after the selected question; focus goes to its text
    assert len(window.document.case.questions) == 6 and window.current_question() == 1
    text = QApplication.focusWidget()
    assert text is window.editor.text
    qtbot.keyClicks(text, "First part. Second part")
    cursor = text.textCursor()
    cursor.setPosition(len("First part. "))
    text.setTextCursor(cursor)
    qtbot.keyClick(text, Qt.Key.Key_K, CTRL_SHIFT)
    assert [q.text for q in window.document.case.questions[1:3]] == ["First part.", "Second part"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up, CTRL_SHIFT)
    assert window.document.case.questions[1].text == "Second part" and window.current_question() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_M, CTRL_SHIFT)
    assert window.document.case.questions[1].text.startswith("Second part") and "First part." in \
        window.document.case.questions[1].text
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete, CTRL_SHIFT)
    assert len(window.document.case.questions) == 5
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_Z, CTRL)
    assert len(window.document.case.questions) == 6
    qtbot.keyClick(focus, Qt.Key.Key_Y, CTRL)
    assert len(window.document.case.questions) == 5
    qtbot.keyClick(focus, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(focus, Qt.Key.Key_Z, CTRL_SHIFT)
    assert len(window.document.case.questions) == 5
