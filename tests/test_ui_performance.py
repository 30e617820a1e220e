"""A 300-question questionnaire stays comfortable: opens within a second, typing never waits for the letter."""

from __future__ import annotations

import time

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


def test_a_300_question_case_opens_within_a_second(big_window):
    window, path = big_window
    started = time.perf_counter()
    window.open_case(path)  # includes the first preview of the whole letter
    elapsed = time.perf_counter() - started
    assert window.question_list.model.rowCount() == QUESTIONS
    assert elapsed < 1.0, f"opening took {elapsed:.2f} s"


def test_keystrokes_do_not_wait_for_the_preview(big_window, qtbot):
    window, path = big_window
    window.open_case(path)
    window.select_question(150)
    field = window.editor.explanation
    field.setFocus()
    timings = []
    for character in "Forty two records":
        started = time.perf_counter()
        qtbot.keyClicks(field, character)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    assert timings[len(timings) // 2] < 50, f"keystrokes took {timings} ms"
    assert window.preview_timer.isActive()  # the letter is redrawn once typing pauses, not per key
    qtbot.waitUntil(lambda: "Forty two records" in window.preview.browser.toPlainText(),
                    timeout=PREVIEW_DELAY_MS + 2000)
    assert window.last_preview_ms < 500, f"the preview took {window.last_preview_ms:.0f} ms"


def test_moving_between_questions_is_instant(big_window):
    window, path = big_window
    window.open_case(path)
    started = time.perf_counter()
    for index in range(0, QUESTIONS, 10):
        window.select_question(index)
    per_question = (time.perf_counter() - started) * 1000 / (QUESTIONS // 10)
    assert window.editor.index == QUESTIONS - 10
    assert per_question < 50, f"{per_question:.1f} ms per question"
