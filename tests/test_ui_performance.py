"""A 300-question questionnaire works end to end in the window: it opens whole, a burst of keys gives
one redraw of the preview (in place, on the next turn of the event loop), and every question can be
reached. Speed itself is measured by benchmarks/run.py (see docs/performance.md), not by timed tests."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from benchmarks.generate import generated_case
from foi_desktop.core.fileformat import save_case
from foi_desktop.core.settings import Settings
from foi_desktop.ui.main_window import PREVIEW_DELAY_MS, MainWindow

QUESTIONS = 300


@pytest.fixture
def big_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    path = tmp_path / "big.foi"
    save_case(generated_case(QUESTIONS), path)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, path


def test_a_300_question_case_opens_whole(big_window):
    window, path = big_window
    window.open_case(path)  # includes the first preview of the whole letter
    assert window.question_list.model.rowCount() == QUESTIONS
    assert "Question 300:" in window.preview.browser.toPlainText()


def test_keystrokes_do_not_wait_for_the_preview(big_window, qtbot):
    window, path = big_window
    window.open_case(path)
    window.select_question(150)
    field = window.editor.explanation
    field.setFocus()
    redraws = []
    window.preview.show_preview = lambda preview, show=window.preview.show_preview: (redraws.append(1), show(preview))
    in_place = window.preview.updated_in_place
    for character in "Forty two records":  # keys that arrive together, before the event loop turns
        qtbot.keyClicks(field, character)
    assert "Forty two records" in field.toPlainText()
    assert redraws == [] and window.preview_timer.isActive()  # no key waited for a redraw
    qtbot.waitUntil(lambda: "Forty two records" in window.preview.browser.toPlainText(),
                    timeout=PREVIEW_DELAY_MS + 2000)
    assert redraws == [1]  # one redraw for the burst, replacing only the changed blocks
    assert window.preview.updated_in_place == in_place + 1


def test_every_question_can_be_reached(big_window):
    window, path = big_window
    window.open_case(path)
    for index in range(0, QUESTIONS, 10):
        window.select_question(index)
        assert window.editor.index == index
