"""Autosave, crash recovery and what a fresh start shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from foi_desktop import paths
from foi_desktop.core.fileformat import load_case, save_case
from foi_desktop.core.sample import load_sample
from foi_desktop.core.settings import Settings
from foi_desktop.ui import recent_files
from foi_desktop.ui.app import start
from foi_desktop.ui.autosave import find_orphaned_drafts
from foi_desktop.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def never_ask(monkeypatch):
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)


def quick_settings() -> Settings:
    settings = Settings()
    settings.autosave_seconds = 1
    return settings


def make_window(qtbot, settings: Settings | None = None) -> MainWindow:
    window = MainWindow(settings or quick_settings())
    qtbot.addWidget(window)
    return window


def drafts_on_disk() -> list[Path]:
    folder = paths.autosave_dir()
    return sorted(folder.glob("*.foi")) if folder.is_dir() else []


def test_an_edit_is_autosaved_within_seconds_and_removed_on_save(qtbot, tmp_path):
    window = make_window(qtbot)
    case_path = tmp_path / "case.foi"
    save_case(load_sample(), case_path)
    window.open_case(case_path)
    window.document.set_value(("questions", 1, "answer", "explanation"), "Draft words", typing=True)
    qtbot.waitUntil(lambda: len(drafts_on_disk()) == 1, timeout=4000)
    draft = drafts_on_disk()[0]
    assert load_case(draft).questions[1].answer.explanation == "Draft words"
    index = json.loads(draft.with_suffix(".json").read_text(encoding="utf-8"))
    assert index["source"] == str(case_path) and index["pid"] == os.getpid()
    assert find_orphaned_drafts() == []  # this process is alive: nothing to recover
    window.save_case()
    assert drafts_on_disk() == []
    assert not list(paths.autosave_dir().glob("*.lock"))


def test_undoing_back_to_the_saved_state_removes_the_draft(qtbot):
    window = make_window(qtbot)
    window.load_sample()
    window.document.set_value(("reference",), "CHANGED")
    assert window.autosaver.write_now()
    assert len(drafts_on_disk()) == 1
    window.undo_action.trigger()
    assert drafts_on_disk() == []


def test_closing_without_saving_removes_the_draft(qtbot):
    window = make_window(qtbot)
    window.load_sample()
    window.document.set_value(("reference",), "CHANGED")
    window.autosaver.write_now()
    assert window.close()
    assert drafts_on_disk() == []


def _read_events(process: subprocess.Popen, events: list[dict], done: threading.Event) -> None:
    for line in process.stdout:
        try:
            events.append(json.loads(line))
        except ValueError:
            continue
        if events[-1].get("event") in ("autosaved", "error"):
            done.set()
    done.set()


def test_a_killed_app_offers_its_unsaved_edit_at_the_next_start(qtbot, tmp_path, foi_home):
    case_path = tmp_path / "digitised.foi"
    save_case(load_sample(), case_path)
    (foi_home / "config").mkdir(parents=True, exist_ok=True)
    (foi_home / "config" / "settings.json").write_text(json.dumps({"autosave_seconds": 1}), encoding="utf-8")
    script = tmp_path / "steps.json"
    script.write_text(json.dumps([
        {"select_question": 5},
        {"type": {"field": "explanation", "text": " Typed just before the crash."}},
    ]), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FOI_DESKTOP_AUTOMATION=str(script))
    process = subprocess.Popen([sys.executable, "-m", "foi_desktop", str(case_path)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    events: list[dict] = []
    done = threading.Event()
    reader = threading.Thread(target=_read_events, args=(process, events, done), daemon=True)
    reader.start()
    try:
        assert done.wait(30), f"no autosave reported: {events}"
        assert events[-1]["event"] == "autosaved", events
    finally:
        process.kill()  # SIGKILL: no chance to clean up, like a crash or a power cut
        process.wait(10)
    assert process.returncode != 0

    # The next start: the draft is offered, and recovering it brings the edit back unsaved.
    window = make_window(qtbot, Settings())
    dialog = start(window, None)
    assert dialog is not None and dialog.list.count() == 1
    assert "digitised.foi" in dialog.list.item(0).text()
    dialog.recover_button.click()
    explanation = window.document.case.questions[4].answer.explanation
    assert explanation.endswith("Typed just before the crash.")
    assert window.document.path == case_path
    assert window.isWindowModified()
    assert load_case(case_path).questions[4].answer.explanation == ""  # the file itself was never changed
    drafts = drafts_on_disk()
    assert [d.stem for d in drafts] == [window.autosaver.draft_id]  # now kept safe by this process
    assert window.save_case()
    assert load_case(case_path).questions[4].answer.explanation.endswith("crash.")
    assert drafts_on_disk() == []


def test_recovery_can_be_declined_or_the_draft_deleted(qtbot):
    first = make_window(qtbot)
    first.load_sample()
    first.document.set_value(("reference",), "LOST-1")
    first.autosaver.write_now()
    first.autosaver._lock.unlock()  # as if the process had died: the lock is gone, the draft stays
    first.autosaver._lock = None
    first.autosaver._written = False

    window = make_window(qtbot, Settings())
    dialog = start(window, None)
    assert dialog.list.count() == 1 and "LOST-1" in dialog.list.item(0).text()
    dialog.later_button.click()
    assert len(drafts_on_disk()) == 1
    second = make_window(qtbot, Settings())
    dialog = start(second, None)
    assert dialog is not None
    dialog.discard_button.click()
    assert drafts_on_disk() == []
    assert start(make_window(qtbot, Settings()), None) is None


def test_first_start_opens_the_sample(qtbot):
    window = make_window(qtbot, Settings())
    start(window, None)
    assert window.document.case.reference == "FOI-2020-0473"
    assert window.document.path is None  # saving asks for a name: the bundled file is never overwritten


def test_later_starts_open_a_new_case(qtbot, tmp_path):
    recent_files.add_recent(tmp_path / "old.foi")
    window = make_window(qtbot, Settings())
    start(window, None)
    assert window.document.display_name == "Untitled"
    assert len(window.document.case.questions) == 1


def test_settings_problems_are_shown_once_without_blocking(qtbot, foi_home):
    (foi_home / "config").mkdir(parents=True, exist_ok=True)
    (foi_home / "config" / "settings.json").write_text("{ damaged", encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    start(window, None)
    assert window.message_bar.isVisible()
    assert "could not be read" in window.message_bar.label.text()
    window.message_bar.close_button.click()
    assert not window.message_bar.isVisible()


def test_start_with_a_bad_case_path_explains_and_keeps_running(qtbot, tmp_path):
    window = make_window(qtbot, Settings())
    start(window, str(tmp_path / "missing.foi"))
    assert "does not exist" in window.last_message_box.text()
    assert window.document.display_name == "Untitled"


def test_draft_files_stay_in_the_private_home(foi_home):
    assert str(paths.autosave_dir()).startswith(str(foi_home))
    assert str(recent_files.recent_file()).startswith(str(foi_home))


def test_recovering_while_a_case_is_being_edited_opens_a_second_window(qtbot):
    first = make_window(qtbot)
    first.load_sample()
    first.document.set_value(("reference",), "LOST-2")
    first.autosaver.write_now()
    first.autosaver._lock.unlock()  # as if its process had died
    first.autosaver._lock = None
    first.autosaver._written = False

    busy = make_window(qtbot, Settings())
    busy.load_sample()
    busy.document.set_value(("reference",), "WORK-IN-PROGRESS")
    (draft,) = find_orphaned_drafts()
    other = busy.recover_draft(draft)
    qtbot.addWidget(other)
    assert other is not busy
    assert busy.document.case.reference == "WORK-IN-PROGRESS"
    assert other.document.case.reference == "LOST-2" and other.isWindowModified()
