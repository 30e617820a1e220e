"""The main window driven as an officer would: click, type, undo, save, reopen, export."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from PySide6.QtCore import QDate, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from foi_desktop.core.case import Outcome, Regime
from foi_desktop.core.fileformat import load_case
from foi_desktop.core.settings import Settings
from foi_desktop.ui import recent_files
from foi_desktop.ui.main_window import MainWindow

TODAY = dt.date(2020, 5, 20)


@pytest.fixture
def window(qtbot, monkeypatch):
    """The window with the sample open; closing never blocks (unsaved changes are discarded)."""
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(win)
    win.load_sample()
    win.show()
    qtbot.waitExposed(win)
    return win


def click_radio(qtbot, radio):
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))


def answer(win, index):
    return win.document.case.questions[index].answer


def test_opens_the_sample_with_every_question_listed(window):
    assert window.question_list.model.rowCount() == 5
    assert window.editor.index == 0
    assert window.windowTitle() == "Sample case[*] – FOI Desktop"
    assert not window.isWindowModified()
    assert window.header.reference.text() == "FOI-2020-0473"
    assert "Due Wed 3 Jun 2020" in window.header.deadline.label.text()
    assert "Freedom of Information Act 2000" in window.preview.browser.toPlainText()


def test_clicking_a_radio_button_chooses_the_option_and_undo_takes_it_back(window, qtbot):
    window.select_question(1)
    radios = window.editor.options.radios
    assert [r.text() for r in radios][:2] == ["0%", "1-25%"]
    click_radio(qtbot, radios[2])
    assert answer(window, 1).choice == 2
    assert window.isWindowModified()
    click_radio(qtbot, radios[4])
    assert answer(window, 1).choice == 4
    window.undo_action.trigger()
    assert answer(window, 1).choice == 2
    assert radios[2].isChecked()
    window.undo_action.trigger()
    assert answer(window, 1).choice is None
    assert not any(r.isChecked() for r in radios)
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert answer(window, 1).choice == 2 and radios[2].isChecked()


def test_clear_choice_leaves_no_option_ticked(window, qtbot):
    window.select_question(2)
    assert answer(window, 2).choice == 0
    qtbot.mouseClick(window.editor.options.clear_button, Qt.MouseButton.LeftButton)
    assert answer(window, 2).choice is None
    assert not any(r.isChecked() for r in window.editor.options.radios)
    assert "no option chosen" in window.question_list.model.index(2).data()
    window.undo_action.trigger()
    assert answer(window, 2).choice == 0 and window.editor.options.radios[0].isChecked()


def test_typing_an_explanation_is_one_undo_step_and_reaches_the_preview(window, qtbot):
    window.select_question(3)
    field = window.editor.explanation
    field.setFocus()
    qtbot.keyClicks(field, "We moved to a cloud platform in 2018.")
    assert answer(window, 3).explanation == "We moved to a cloud platform in 2018."
    assert window.document.undo_stack.count() == 1
    assert window.undo_action.text() == "&Undo Edit explanation (question 4)"
    qtbot.waitUntil(lambda: "cloud platform in 2018" in window.preview.browser.toPlainText(), timeout=2000)
    window.undo_action.trigger()
    assert answer(window, 3).explanation == ""
    assert field.toPlainText() == ""


def test_ctrl_z_in_a_text_field_undoes_through_the_window(window, qtbot):
    window.select_question(0)
    field = window.editor.explanation
    before = field.toPlainText()
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " Extra.")
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert answer(window, 0).explanation == before
    assert field.toPlainText() == before


def test_outcome_change_shows_the_matching_sections(window, qtbot):
    window.select_question(3)
    editor = window.editor
    assert editor.exemptions_box.isHidden() and editor.cost_box.isHidden()
    combo = editor.outcome
    combo.setFocus()
    index = combo.findData(Outcome.EXEMPT.value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert answer(window, 3).outcome is Outcome.EXEMPT
    assert not editor.exemptions_box.isHidden()
    index = combo.findData(Outcome.COST_LIMIT.value)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert not editor.cost_box.isHidden()
    window.undo_action.trigger()
    assert answer(window, 3).outcome is Outcome.EXEMPT
    assert combo.currentData() == Outcome.EXEMPT.value


def test_exemptions_are_picked_from_the_regimes_catalogue(window, qtbot):
    window.select_question(3)
    editor = window.editor
    combo = editor.outcome
    combo.activated.emit(combo.findData(Outcome.EXEMPT.value))
    picker = editor.exemptions
    ids = [picker.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(picker.list.count())]
    assert "s43(2)" in ids and not any(i.startswith("reg") for i in ids)
    qtbot.keyClicks(picker.search, "commercial")
    visible = [picker.list.item(r) for r in range(picker.list.count()) if not picker.list.item(r).isHidden()]
    assert visible and all("ommercial" in item.text() for item in visible)
    item = picker.item_for("s43(2)")
    item.setCheckState(Qt.CheckState.Checked)
    assert answer(window, 3).exemptions == ["s43(2)"]
    assert not editor.pit_box.isHidden()  # s43 is qualified: the public interest test is asked for
    qtbot.keyClicks(editor.pit_conclusion, "The balance favours withholding.")
    assert answer(window, 3).public_interest.conclusion == "The balance favours withholding."
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert answer(window, 3).exemptions == []
    assert picker.item_for("s43(2)").checkState() == Qt.CheckState.Unchecked


def test_switching_to_the_eir_lists_exceptions_only(window):
    window.select_question(3)
    window.header.regime.activated.emit(window.header.regime.findData(Regime.EIR.value))
    assert window.document.case.regime is Regime.EIR
    picker = window.editor.exemptions
    ids = [picker.list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(picker.list.count())]
    assert ids and all(i.startswith("reg") for i in ids)
    assert window.editor.exemptions_box.title() == "Exceptions"


def test_table_cells_and_labels_are_edited_in_the_grid(window, qtbot):
    window.select_question(0)
    table = window.editor.table
    table.grid.item(0, 1).setText("1,234")
    assert window.document.case.questions[0].table.cells[0][1] == "1,234"
    table.grid.setCurrentCell(1, 2)
    table.row_label.clear()
    qtbot.keyClicks(table.row_label, "Paper records")
    assert window.document.case.questions[0].table.rows[1] == "Paper records"
    assert table.grid.verticalHeaderItem(1).text() == "Paper records"
    qtbot.mouseClick(table.add_column, Qt.MouseButton.LeftButton)
    assert len(window.document.case.questions[0].table.columns) == 4
    assert table.grid.columnCount() == 4
    for _ in range(3):
        window.undo_action.trigger()
    grid_table = window.document.case.questions[0].table
    assert grid_table.columns == ["January 2020", "February 2020", "March 2020"]
    assert grid_table.rows[1] == "Number of paper-based citizen records"
    assert grid_table.cells[0][1] == ""


def test_add_remove_reorder_split_and_merge_questions(window, qtbot):
    doc = window.document
    window.select_question(4)
    window.add_question_action.trigger()
    assert len(doc.case.questions) == 6 and window.current_question() == 5
    qtbot.keyClicks(window.editor.text, "How many staff? And how many contractors?")
    cursor = window.editor.text.textCursor()
    cursor.setPosition(len("How many staff?"))
    window.editor.text.setTextCursor(cursor)
    window.split_action.trigger()
    texts = [q.text for q in doc.case.questions]
    assert texts[5:] == ["How many staff?", "And how many contractors?"]
    assert [q.label for q in doc.case.questions] == ["1", "2", "3", "4", "5", "6", "7"]
    window.move_up_action.trigger()
    assert doc.case.questions[5].text == "And how many contractors?" and window.current_question() == 5
    window.merge_action.trigger()
    assert doc.case.questions[5].text == "And how many contractors?\nHow many staff?"
    window.remove_question_action.trigger()
    assert len(doc.case.questions) == 5
    while doc.undo_stack.canUndo():
        window.undo_action.trigger()
    assert len(doc.case.questions) == 5 and not window.isWindowModified()


def test_edit_options_keeps_the_choice_whose_wording_survives(window, qtbot):
    window.select_question(4)
    assert answer(window, 4).choice == 1
    window.editor.edit_options()
    dialog = window.editor.options_dialog
    dialog.text.setPlainText("• Yes, all records online\n• Yes - they can access at least some of their own digital records online\n• No")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    question = window.document.case.questions[4]
    assert question.options[0] == "Yes, all records online"
    assert question.answer.choice == 1
    assert [r.text() for r in window.editor.options.radios][2] == "No"
    window.undo_action.trigger()  # one step for the options and the choice
    assert len(window.document.case.questions[4].options) == 3
    assert window.document.case.questions[4].options[0].startswith("Yes - they can access all")


def test_standard_paragraph_is_inserted_with_the_organisations_name(window):
    window.select_question(1)
    snippet = next(s for s in window.snippets if s.title.startswith("Not held: searches"))
    window.editor.insert_snippet(snippet)
    text = answer(window, 1).explanation
    assert text.startswith("The Council has searched") and "not held by the Council" in text
    assert window.undo_action.text().startswith("&Undo Insert standard paragraph")


def test_case_details_and_deadline(window, qtbot):
    details = window.details
    details.clarification_requested.check.setChecked(True)
    assert "Clock stopped" in window.header.deadline.label.text()
    details.clarification_received.edit.setDate(QDate(2020, 5, 11))
    details.clarification_received.check.click()
    assert window.document.case.clarification.received == dt.date(2020, 5, 11)
    assert "Due " in window.header.deadline.label.text()
    assert "after clarification was received" in details.deadline_text.text()


def test_deadline_is_highlighted_when_close(qtbot, monkeypatch):
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)
    win = MainWindow(Settings(), today=dt.date(2020, 5, 29))
    qtbot.addWidget(win)
    win.load_sample()
    win.document.set_value(("letter_date",), None)
    assert win.header.deadline.urgent
    assert "3 working days left" in win.header.deadline.label.text()
    assert "Spring bank holiday" in win.header.deadline.label.toolTip()


def test_save_then_reopen_keeps_every_edit(window, qtbot, tmp_path):
    window.select_question(1)
    click_radio(qtbot, window.editor.options.radios[1])
    qtbot.keyClicks(window.editor.notes, "Checked with IT")
    target = tmp_path / "digitised"
    assert window.save_case(target)
    saved = tmp_path / "digitised.foi"
    assert saved.is_file()
    assert window.windowTitle() == "digitised.foi[*] – FOI Desktop" and not window.isWindowModified()
    assert recent_files.load_recent()[0] == str(saved)
    reopened = load_case(saved)
    assert reopened.questions[1].answer.choice == 1
    assert reopened.questions[1].notes == "Checked with IT"
    window.new_case()
    window.open_case(saved)
    assert window.document.case.questions[1].notes == "Checked with IT"
    window.select_question(1)
    assert window.editor.options.radios[1].isChecked()


def test_export_writes_the_letter_with_the_edits(window, qtbot, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr("foi_desktop.ui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url))
    window.select_question(3)
    window.editor.explanation.setFocus()
    qtbot.keyClicks(window.editor.explanation, "Our platform went live in March 2019.")
    monkeypatch.setattr(MainWindow, "_ask_export_path", lambda self: str(tmp_path / "reply.docx"))
    window.export_action.trigger()
    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "reply.docx")).paragraphs)
    assert "Our platform went live in March 2019." in text
    assert "Yes, we did this in 2019 or earlier" in text
    box = window.last_message_box
    assert box is not None and box.isVisible()
    open_button = next(b for b in box.buttons() if "Open" in b.text())
    open_button.click()
    assert opened and opened[0].toLocalFile() == str(tmp_path / "reply.docx")


def test_export_failure_is_reported_and_the_case_kept(window, tmp_path):
    window.select_question(0)
    monkeypatch_path = tmp_path / "missing-folder" / "reply.docx"
    window._ask_export_path = lambda: str(monkeypatch_path)
    window.export_action.trigger()
    assert window.last_message_box is not None
    assert "does not exist" in window.last_message_box.text() + window.last_message_box.informativeText()
    assert window.document.case.reference == "FOI-2020-0473"


@pytest.mark.parametrize(
    "choice, expect_closed, expect_saved",
    [
        (QMessageBox.StandardButton.Save, True, True),
        (QMessageBox.StandardButton.Discard, True, False),
        (QMessageBox.StandardButton.Cancel, False, False),
    ],
)
def test_close_asks_to_save_changes(qtbot, monkeypatch, tmp_path, choice, expect_closed, expect_saved):
    win = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(win)
    path = tmp_path / "case.foi"
    win.load_sample()
    win.save_case(path)
    win.show()
    win.document.set_value(("reference",), "FOI-CHANGED", typing=True)
    asked = []
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: asked.append(1) or choice)
    closed = win.close()
    assert asked == [1]
    assert closed is expect_closed
    assert (load_case(path).reference == "FOI-CHANGED") is expect_saved
    if not closed:
        monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)


def test_close_without_changes_does_not_ask(qtbot, monkeypatch):
    win = MainWindow(Settings(), today=TODAY)
    qtbot.addWidget(win)
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: pytest.fail("asked without changes"))
    win.load_sample()
    assert win.close()


def test_open_errors_are_shown_and_the_open_case_is_kept(window, tmp_path):
    bad = tmp_path / "bad.foi"
    bad.write_text("{ not json", encoding="utf-8")
    assert not window.open_path(str(bad))
    assert "damaged" in window.last_message_box.text()
    assert window.document.case.reference == "FOI-2020-0473"


def test_recent_files_are_capped_at_ten(tmp_path):
    for number in range(12):
        recent_files.add_recent(tmp_path / f"case{number}.foi")
    recent_files.add_recent(tmp_path / "case5.foi")
    items = recent_files.load_recent()
    assert len(items) == 10
    assert items[0].endswith("case5.foi") and items[1].endswith("case11.foi")
    assert sum(item.endswith("case5.foi") for item in items) == 1


def test_recent_menu_lists_saved_cases(window, tmp_path):
    window.save_case(tmp_path / "one.foi")
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[0] == "&1 one.foi"


def test_dropping_a_case_file_opens_it(window, qtbot, tmp_path):
    case = load_case(__import__("foi_desktop.core.sample", fromlist=["sample_path"]).sample_path())
    case.reference = "DROPPED-1"
    from foi_desktop.core.fileformat import save_case

    path = tmp_path / "dropped.foi"
    save_case(case, path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.case.reference == "DROPPED-1", timeout=2000)
    assert window.document.path == path


def test_findings_jump_to_their_question(window, qtbot):
    window.render_preview()
    findings = window.preview.findings
    assert findings.count() >= 1 and "Question 1" in findings.item(0).text()
    window.select_question(3)
    findings.itemClicked.emit(findings.item(0))
    assert window.current_question() == 0


def test_settings_dialog_saves_the_organisation_profile(window, qtbot):
    from foi_desktop.core.settings import load_settings

    window.on_settings()
    dialog = window.settings_dialog
    dialog.fields["name"].setText("Anytown Borough Council")
    dialog.fields["cost_limit_hours"].setValue(24)
    dialog.regime.setCurrentIndex(dialog.regime.findData(Regime.FOISA.value))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    stored = load_settings()
    assert stored.organisation.name == "Anytown Borough Council"
    assert stored.organisation.cost_limit_hours == 24
    assert stored.default_regime is Regime.FOISA
    assert window.settings.organisation.name == "Anytown Borough Council"
    window.new_case()
    assert window.document.case.regime is Regime.FOISA


def test_settings_dialog_refuses_a_missing_letterhead(window, tmp_path):
    window.on_settings()
    dialog = window.settings_dialog
    dialog.letterhead.setText(str(tmp_path / "nowhere.docx"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    dialog.reject()


def test_every_input_has_an_accessible_name(window):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox

    window.select_question(0)
    window.tabs.setCurrentIndex(window.details_tab)  # the Case details tab is built when first shown
    unnamed = []
    inputs = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox) for w in window.findChildren(kind)]
    assert len(inputs) > 25
    for widget in inputs:
        if widget.parent() and widget.parent().inherits("QAbstractSpinBox"):
            continue  # the spin box's own line edit
        if widget.parent() and widget.parent().inherits("QComboBox"):
            continue
        if not widget.accessibleName() and widget.objectName() != "qt_spinbox_lineedit":
            unnamed.append(f"{type(widget).__name__} {widget.objectName()}")
    for button in window.findChildren(QAbstractButton):
        if button.objectName().startswith("qt_") or button.parent().inherits("QTabBar") or button.parent().inherits("QLineEdit"):
            continue  # Qt's own helpers (table corner, toolbar overflow, tab scrolling, a field's clear button)
        if not (button.text() or button.accessibleName() or button.toolTip()):
            unnamed.append(f"button {button.objectName()}")
    assert unnamed == []


def test_title_shows_modified_marker(window, qtbot):
    window.header.reference.setFocus()
    qtbot.keyClicks(window.header.reference, "X")
    assert window.document.case.reference == "FOI-2020-0473X"
    assert window.isWindowModified() and "[*]" in window.windowTitle()


def tab_through(window, qtbot, start, presses=60):
    from PySide6.QtWidgets import QApplication

    start.setFocus()
    names = []
    for _ in range(presses):
        widget = QApplication.focusWidget()
        names.append(widget.objectName() or widget.accessibleName() or type(widget).__name__)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return names


def in_order(names, expected):
    positions = [names.index(name) for name in expected]
    return positions == sorted(positions)


def test_the_keyboard_reaches_every_part_in_reading_order(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    window.select_question(2)
    names = tab_through(window, qtbot, window.header.reference)
    expected = ["reference", "requesterName", "regime", "questionList", "questionText",
                "Option 1: Yes, we did this in 2019 or earlier", "outcome", "explanation", "questionNotes",
                "letterPreview", "findings"]
    assert in_order(names, expected), names
    window.select_question(0)
    names = tab_through(window, qtbot, window.editor.text, presses=20)
    assert "tableGrid" in names and names.index("tableGrid") < names.index("outcome")


def test_importing_a_request_starts_an_unsaved_case(window, tmp_path):
    request = tmp_path / "request.txt"
    request.write_text(
        "Dear FOI team,\n\nPlease tell me:\n\n1. How many libraries did you run in 2023?\n"
        "2. How many of them closed in 2024?\n\nYours faithfully,\nAlex Jones\n",
        encoding="utf-8",
    )
    assert window.import_request(str(request))
    assert window.document.case.subject == "Digitised records"  # nothing changes until the review is accepted
    window.review_dialog.accept()
    case = window.document.case
    assert [q.text for q in case.questions] == ["How many libraries did you run in 2023?",
                                                "How many of them closed in 2024?"]
    assert window.document.path is None and window.isWindowModified()
    assert window.windowTitle().startswith("Imported request")


def test_dropping_a_request_file_imports_it(window, qtbot, tmp_path):
    request = tmp_path / "request.txt"
    request.write_text("1. How many parks do you maintain?\n2. What is the budget?\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(request))])
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: getattr(window, "review_dialog", None) is not None, timeout=2000)
    window.review_dialog.accept()
    qtbot.waitUntil(lambda: window.document.untitled_name == "Imported request", timeout=2000)
    assert len(window.document.case.questions) == 2


def test_a_bad_request_file_is_explained(window, tmp_path):
    bad = tmp_path / "request.docx"
    bad.write_bytes(b"not really a word file")
    assert not window.import_request(str(bad))
    box = window.last_message_box
    assert box.windowTitle() == "The request cannot be imported" and "not a Word document" in box.text()
    assert window.document.case.reference == "FOI-2020-0473"


def test_non_ascii_typing_reaches_the_case(window, qtbot):
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    window.select_question(3)
    field = window.editor.explanation
    field.setFocus()
    for character in "Café costs £450 – €500 ✓":
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character))
    assert answer(window, 3).explanation == "Café costs £450 – €500 ✓"
    assert window.document.undo_stack.count() == 1


def test_a_failed_save_is_explained_and_the_changes_kept(window, tmp_path, monkeypatch):
    window.document.set_value(("reference",), "KEEP-ME")
    monkeypatch.setattr(MainWindow, "_ask_save_path", lambda self: str(tmp_path / "no-such-folder" / "case.foi"))
    assert window.on_save() is False
    assert "does not exist" in window.last_message_box.text()
    assert window.isWindowModified() and window.document.case.reference == "KEEP-ME"


def test_choosing_save_then_cancelling_the_file_dialog_keeps_the_window_open(window, monkeypatch):
    window.document.set_value(("reference",), "UNSAVED")
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(MainWindow, "_ask_save_path", lambda self: "")
    assert window.close() is False
    assert window.isVisible()
    monkeypatch.setattr(MainWindow, "_ask_save_changes", lambda self: QMessageBox.StandardButton.Discard)


def test_a_short_letter_follows_the_keyboard(window, qtbot):
    window.select_question(3)
    field = window.editor.explanation
    field.setFocus()
    qtbot.keyClicks(field, "QZXW")
    qtbot.waitUntil(lambda: "QZXW" in window.preview.browser.toPlainText(), timeout=2000)
    qtbot.keyClicks(field, "k")
    qtbot.waitUntil(lambda: "QZXWk" in window.preview.browser.toPlainText(), timeout=2000)


def test_import_goes_through_the_review_step(window, tmp_path):
    request = tmp_path / "request.txt"
    request.write_text("1. How many parks do you maintain?\n2. What is the budget?\n", encoding="utf-8")
    assert window.import_request(str(request))
    dialog = window.review_dialog
    assert dialog is not None and dialog.isVisible()
    assert window.document.case.reference == "FOI-2020-0473"  # nothing changes until the officer accepts
    dialog.accept()
    assert [q.text for q in window.document.case.questions] == ["How many parks do you maintain?",
                                                                "What is the budget?"]
    assert window.isWindowModified()
