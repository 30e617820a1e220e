"""The application's two-step start: the frame is painted first, the case follows, and nothing is lost.

``open_window`` is what ``foi-desktop`` runs. Until the event loop turns, the window is
only its frame; these tests act in that moment, as an officer who types, uses a
shortcut or drops a file the instant the window appears.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QToolBar

from foi_desktop.core.fileformat import save_case
from foi_desktop.core.sample import load_sample
from foi_desktop.ui import main_window
from foi_desktop.ui.app import open_window
from foi_desktop.ui.main_window import MainWindow


@pytest.fixture
def starting(qtbot, monkeypatch):
    """The window as the application opens it on a first start (the sample), before its first paint."""
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    window = open_window(None)
    qtbot.addWidget(window)
    return window


def test_the_first_paint_is_the_frame_and_the_case_follows(starting, qtbot):
    window = starting
    assert not window.is_built and window.is_starting
    headings = {label.text() for label in window.findChildren(QLabel)}
    assert {"Questions", "Letter preview"} <= headings
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["&Answer", "Case &details"]
    assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Edit", "&Question", "&Help"]
    assert [a.iconText() for a in window.findChild(QToolBar, "mainToolbar").actions() if a.iconText()][:3] == ["New", "Open", "Save"]
    seen = {}
    window.ready.connect(lambda: seen.update(preview=window.preview.browser.toPlainText(),
                                            due=window.header.deadline.label.text()))
    with qtbot.waitSignal(window.settled, timeout=5000):
        pass
    # Ready: the case is in the editors; the letter and the due date come on the next turns.
    assert seen == {"preview": "", "due": "Due date: counting…"}
    assert window.is_built and not window.is_starting
    assert window.document.case.reference == "FOI-2020-0473"
    assert window.question_list.model.rowCount() == 5 and window.editor.index == 0
    assert "Freedom of Information Act 2000" in window.preview.browser.toPlainText()
    assert window.header.deadline.label.text().startswith("Due Wed 3 Jun 2020")


def test_a_key_typed_before_the_editors_exist_reaches_them(starting, qtbot):
    window = starting
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier))
    assert window.is_built
    assert window.current_question() == 1  # the question list had the focus and took the key


def test_a_command_chosen_before_the_editors_exist_runs_on_the_case(starting):
    starting.add_question_action.trigger()
    assert len(starting.document.case.questions) == 6
    assert starting.document.case.reference == "FOI-2020-0473"


def test_a_file_dropped_before_the_editors_exist_opens_after_the_first_case(starting, qtbot, tmp_path):
    case = load_sample()
    case.reference = "DROPPED-EARLY"
    path = tmp_path / "dropped.foi"
    save_case(case, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    starting.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                  Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: starting.is_built and starting.document.path == path, timeout=5000)
    qtbot.wait(50)  # the rest of the start (preview, due date) must not bring the sample back
    assert starting.document.case.reference == "DROPPED-EARLY"
    assert "DROPPED-EARLY" in starting.preview.browser.toPlainText()


def test_a_window_that_is_never_painted_still_finishes_its_start(qtbot, monkeypatch):
    monkeypatch.setattr(main_window, "START_FALLBACK_MS", 20)
    window = MainWindow(build=False)  # never shown, so never painted
    qtbot.addWidget(window)
    window.start_after_first_paint(lambda: None)
    with qtbot.waitSignal(window.settled, timeout=3000):
        pass
    assert window.document.display_name == "Untitled"


def test_closing_during_the_start_builds_nothing_more(starting, qtbot, monkeypatch):
    monkeypatch.setattr(main_window, "START_FALLBACK_MS", 20)
    starting.start_after_first_paint(lambda: None)  # restart the fallback with the short delay
    assert starting.close()
    qtbot.wait(100)
    assert not starting.is_built


def test_a_window_made_directly_is_whole_at_once(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.is_built and not window.is_starting
    assert window.document.display_name == "Untitled"
    assert "Dear" in window.preview.browser.toPlainText()
    assert window.header.deadline.label.text().startswith("Due ")


def test_the_case_details_tab_is_built_when_first_shown(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.load_sample()
    assert window.details_scroll.widget() is None
    window.tabs.setCurrentIndex(window.details_tab)
    page = window.details_scroll.widget()
    assert page is window.details
    assert page.email.text() == window.document.case.requester.email != ""
    assert page.deadline_text.text().startswith("Due Wed 3 Jun 2020")


def test_the_panes_keep_their_widths_whichever_way_the_window_starts(starting, qtbot):
    direct = MainWindow()
    qtbot.addWidget(direct)
    direct.resize(1400, 900)
    direct.show()
    qtbot.waitExposed(direct)
    starting.resize(1400, 900)
    with qtbot.waitSignal(starting.settled, timeout=5000):
        pass
    for window in (direct, starting):
        assert window.splitter.widget(0) is window.question_list and window.splitter.widget(2) is window.preview
        questions, editor, letter = window.splitter.sizes()
        assert 240 <= questions <= 300 and editor > letter > 450, window.splitter.sizes()
    assert starting.splitter.sizes() == direct.splitter.sizes()
