"""Outcome labels speak the regime's language: the EIR have exceptions, FOISA its own sections."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from foi_desktop.core.case import Outcome, Regime
from foi_desktop.core.settings import Settings
from foi_desktop.ui.main_window import MainWindow
from foi_desktop.ui.question_list import STATUS_ROLE


@pytest.fixture
def window(qtbot, monkeypatch):
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings(), today=dt.date(2024, 5, 1))
    qtbot.addWidget(win)
    win.load_sample()
    win.show()
    qtbot.waitExposed(win)
    return win


def outcome_texts(window):
    combo = window.editor.outcome
    return {Outcome(combo.itemData(row)): combo.itemText(row) for row in range(combo.count())}


def test_switching_to_the_eir_relabels_the_outcomes_and_the_list(window):
    window.select_question(0)  # section 12 in the sample
    assert outcome_texts(window)[Outcome.COST_LIMIT] == "Refused: cost limit (section 12)"
    window.document.set_value(("regime",), Regime.EIR)
    assert outcome_texts(window)[Outcome.COST_LIMIT] == "Refused: manifestly unreasonable, cost (12(4)(b))"
    assert window.editor.outcome.currentText() == "Refused: manifestly unreasonable, cost (12(4)(b))"
    model = window.question_list.model
    assert model.data(model.index(0), STATUS_ROLE).startswith("Refused: manifestly unreasonable")
    assert model.data(model.index(1), STATUS_ROLE).startswith("Not held (exception 12(4)(a))")
    window.undo_stack.undo()
    assert outcome_texts(window)[Outcome.COST_LIMIT] == "Refused: cost limit (section 12)"


def test_every_regime_has_a_label_for_every_outcome():
    for regime in Regime:
        labels = [outcome.label_for(regime) for outcome in Outcome]
        assert all(labels) and len(set(labels)) == len(labels), regime
    assert Outcome.NEITHER_CONFIRM_NOR_DENY.label_for(Regime.FOISA).endswith("(section 18)")
