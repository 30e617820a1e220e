"""Pasting a request's text starts a case from it, through the review step; nothing open is lost."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from foi_desktop.core.settings import Settings
from foi_desktop.ui.main_window import MainWindow

REQUEST = (
    "Dear Sir or Madam,\r\n\r\nPlease provide:\r\n"
    "1.\u00a0How many potholes were reported in 2023?\x0b\r\n"
    "2. Do you use an app for reports?\r\n\u00b7 Yes\r\n\u00b7 No\r\n\r\n"
    "Yours faithfully,\r\nJo Bloggs\r\n"
)


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings(), today=dt.date(2024, 5, 1))
    qtbot.addWidget(win)
    win.load_sample()
    win.show()
    qtbot.waitExposed(win)
    return win


def test_pasted_outlook_text_becomes_questions_after_review(window, qtbot):
    QGuiApplication.clipboard().setText(REQUEST)
    window.paste_request_action.trigger()
    dialog = window.paste_dialog
    assert dialog.isVisible() and "potholes" in dialog.text()
    dialog.read_button.click()
    review = window.review_dialog
    qtbot.waitUntil(review.isVisible)
    review.accept()
    case = window.document.case
    assert [q.text for q in case.questions] == [
        "How many potholes were reported in 2023?",
        "Do you use an app for reports?",
    ]
    assert case.questions[1].options == ["Yes", "No"]
    assert case.requester.name == "Jo Bloggs"
    assert window.isWindowModified()


def test_cancelling_the_paste_keeps_the_open_case(window):
    QGuiApplication.clipboard().setText("")
    window.paste_request_action.trigger()
    dialog = window.paste_dialog
    assert not dialog.read_button.isEnabled()  # nothing to read yet
    dialog.reject()
    assert window.document.case.subject == "Digitised records"


def test_a_megabyte_paste_with_control_characters_does_not_break(window, qtbot):
    text = ("1. How many\x00 records\x0c were\x1f held?\r\n" + "Filler line of text.\r\n" * 50_000)[:1_000_000]
    window.import_request_text(text)
    review = window.review_dialog
    review.accept()
    assert window.document.case.questions[0].text.startswith("How many records were held?")
