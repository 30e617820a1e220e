"""The review step as an officer uses it: check, fix, start answering. Shown non-blocking, never exec()."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from foi_desktop.intake import parse_request_text, read_request_file
from foi_desktop.ui.intake_review import KIND_OPTIONS, KIND_TABLE, IntakeReviewDialog, review_request, source_for_display

CORPUS = Path(__file__).parent / "data" / "requests"


@pytest.fixture
def seed():
    return read_request_file(CORPUS / "01-seed-digitised-records-wdtk.eml")


def open_dialog(qtbot, parsed) -> IntakeReviewDialog:
    dialog = IntakeReviewDialog(parsed)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_shows_the_source_beside_the_questions(qtbot, seed):
    dialog = open_dialog(qtbot, seed)
    assert dialog.list.count() == 5
    assert dialog.list.item(0).text().endswith("table 2\u00d73")
    assert dialog.list.item(1).text().endswith("6 options")
    assert dialog.source.toPlainText() == source_for_display(seed.source_text)
    assert dialog.form.kind.currentIndex() == KIND_TABLE
    assert dialog.form.columns.toPlainText() == "January 2020\nFebruary 2020\nMarch 2020"
    highlighted = [s.cursor.block().text() for s in dialog.source.extraSelections()]
    assert any("How many citizen records" in text for text in highlighted)
    dialog.list.setCurrentRow(4)
    highlighted = [s.cursor.block().text() for s in dialog.source.extraSelections()]
    assert any("online access to their own records" in text for text in highlighted)
    assert dialog.subject.text() == "Digitised records"
    assert dialog.received.date() == dt.date(2020, 5, 4)
    assert not dialog.warnings.isVisibleTo(dialog)


def test_unchanged_review_gives_the_parsed_case(qtbot, seed):
    dialog = open_dialog(qtbot, seed)
    case = dialog.case()
    expected = seed.to_case()
    assert [(q.label, q.text, q.options, q.table) for q in case.questions] == [
        (q.label, q.text, q.options, q.table) for q in expected.questions
    ]
    assert (case.subject, case.requester, case.received) == (expected.subject, expected.requester, expected.received)


def test_edit_wording_options_and_table(qtbot, seed):
    dialog = open_dialog(qtbot, seed)
    dialog.list.setCurrentRow(1)
    dialog.form.text.setPlainText("What percentage is shared?")
    dialog.form.options.setPlainText("None\n\nSome\nAll\n")
    dialog.list.setCurrentRow(0)
    dialog.form.rows.setPlainText("Digitised\nPaper\nMicrofilm")
    case = dialog.case()
    assert case.questions[1].text == "What percentage is shared?"
    assert case.questions[1].options == ["None", "Some", "All"]
    assert case.questions[0].table.rows == ["Digitised", "Paper", "Microfilm"]
    assert case.questions[0].table.cells == [["", "", ""]] * 3
    assert dialog.list.item(1).text() == "2. What percentage is shared? \u2014 3 options"


def test_change_what_kind_of_answer(qtbot, seed):
    dialog = open_dialog(qtbot, seed)
    dialog.list.setCurrentRow(4)
    dialog.form.kind.setCurrentIndex(0)
    assert not dialog.form.options.isVisibleTo(dialog)
    assert dialog.case().questions[4].options == []
    dialog.form.kind.setCurrentIndex(KIND_TABLE)
    dialog.form.rows.setPlainText("Residents")
    dialog.form.columns.setPlainText("Online\nOffline")
    assert dialog.case().questions[4].table.columns == ["Online", "Offline"]
    dialog.form.kind.setCurrentIndex(KIND_OPTIONS)
    assert dialog.case().questions[4].table is None


def test_split_at_cursor_and_merge_back(qtbot):
    parsed = parse_request_text("1. How many staff? How many vacancies?\n2. What is the budget?")
    dialog = open_dialog(qtbot, parsed)
    cursor = dialog.form.text.textCursor()
    cursor.setPosition(dialog.form.text.toPlainText().index("How many vacancies"))
    dialog.form.text.setTextCursor(cursor)
    qtbot.mouseClick(dialog.buttons["split"], Qt.MouseButton.LeftButton)
    case = dialog.case()
    assert [(q.label, q.text) for q in case.questions] == [
        ("1", "How many staff?"), ("2", "How many vacancies?"), ("3", "What is the budget?")
    ]
    assert dialog.list.currentRow() == 1
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.buttons["merge"], Qt.MouseButton.LeftButton)
    assert [(q.label, q.text) for q in dialog.case().questions] == [
        ("1", "How many staff?\nHow many vacancies?"), ("2", "What is the budget?")
    ]


def test_split_at_the_very_end_does_nothing(qtbot):
    dialog = open_dialog(qtbot, parse_request_text("1. How many staff?"))
    dialog.form.text.moveCursor(QTextCursor.MoveOperation.End)
    dialog.split_at_cursor()
    assert len(dialog.case().questions) == 1


def test_split_sub_parts(qtbot):
    dialog = open_dialog(qtbot, read_request_file(CORPUS / "03-parking-fines-wdtk-wrapped.txt"))
    dialog.list.setCurrentRow(0)
    assert not dialog.buttons["split_parts"].isEnabled()
    dialog.list.setCurrentRow(1)
    assert dialog.buttons["split_parts"].isEnabled()
    qtbot.mouseClick(dialog.buttons["split_parts"], Qt.MouseButton.LeftButton)
    labels = [q.label for q in dialog.case().questions]
    assert labels == ["1", "2a", "2b", "2c", "3", "4"]
    assert dialog.case().questions[2].text == "For each of those years, the number of PCNs that were: paid at the full rate;"


def test_add_delete_move_and_renumber(qtbot):
    dialog = open_dialog(qtbot, parse_request_text("(a) First?\n(b) Second?\n(c) Third?"))
    dialog.list.setCurrentRow(2)
    qtbot.mouseClick(dialog.buttons["up"], Qt.MouseButton.LeftButton)
    assert [q.label for q in dialog.case().questions] == ["a", "c", "b"]  # letters are not renumbered by a move
    qtbot.mouseClick(dialog.buttons["add"], Qt.MouseButton.LeftButton)
    assert dialog.list.currentRow() == 2
    dialog.form.text.setPlainText("A new question?")
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.buttons["delete"], Qt.MouseButton.LeftButton)
    assert [q.text for q in dialog.case().questions] == ["Third?", "A new question?", "Second?"]
    qtbot.mouseClick(dialog.buttons["renumber"], Qt.MouseButton.LeftButton)
    assert [q.label for q in dialog.case().questions] == ["1", "2", "3"]


def test_empty_added_question_is_left_out(qtbot):
    dialog = open_dialog(qtbot, parse_request_text("1. First?"))
    dialog.add_question()
    assert len(dialog.case().questions) == 1


def test_details_are_editable(qtbot, seed):
    dialog = open_dialog(qtbot, seed)
    dialog.subject.setText("Citizen records")
    dialog.requester_name.setText("S. Taylor")
    dialog.received.check.setChecked(False)
    case = dialog.case()
    assert (case.subject, case.requester.name, case.received) == ("Citizen records", "S. Taylor", None)
    assert case.requester.email == "request-0000001-5ab1c2d3@whatdotheyknow.com"


def test_warnings_are_shown(qtbot):
    parsed = parse_request_text("lorem ipsum dolor\nsit amet")
    dialog = open_dialog(qtbot, parsed)
    assert dialog.warnings.isVisible()
    assert "kept as one question" in dialog.warnings.text()


def test_enter_starts_answering_and_the_window_gets_the_case(qtbot, seed):
    received = []
    dialog = review_request(None, seed, received.append)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.subject.setFocus()
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.keyClick(dialog.subject, Qt.Key.Key_Return)
    assert len(received) == 1 and len(received[0].questions) == 5


def test_cancel_gives_nothing(qtbot, seed):
    received = []
    dialog = review_request(None, seed, received.append)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        dialog.button_box.button(dialog.button_box.StandardButton.Cancel).click()
    assert received == []


def test_screenshot_is_not_blank(qtbot, seed, tmp_path):
    dialog = open_dialog(qtbot, seed)
    dialog.resize(1200, 780)
    image = dialog.grab().toImage()
    path = tmp_path / "review.png"
    assert image.save(str(path))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}
    assert len(colours) > 5


UNSEEN = Path(__file__).parent / "data" / "requests-unseen"


def test_held_out_requests_show_their_options_table_and_sub_parts(qtbot, tmp_path):
    """Two requests the parser was not built from, as the officer sees them: each kind of answer is visible and editable."""
    survey = open_dialog(qtbot, read_request_file(UNSEEN / "02-library-survey-q12-tick-boxes.txt"))
    survey.list.setCurrentRow(3)
    assert survey.form.kind.currentIndex() == KIND_OPTIONS
    assert survey.form.options.isVisible()
    assert survey.form.options.toPlainText().split("\n")[0] == "Directly by the council"
    assert "Please tick one" not in survey.form.text.toPlainText()

    excel = open_dialog(qtbot, read_request_file(UNSEEN / "07-housing-complaints-excel-paste.txt"))
    assert excel.list.item(0).text().endswith("table 3\u00d74")
    assert excel.form.rows.isVisible() and excel.form.columns.isVisible()
    assert excel.form.rows.toPlainText() == "2021/22\n2022/23\n2023/24"
    source_lines = excel.source.toPlainText().split("\n")
    highlighted = {source_lines[selection.cursor.blockNumber()] for selection in excel.source.extraSelections()}
    assert any(line.startswith("Year \u2502 Stage 1") for line in highlighted)  # the grid's heading row is shown as part of it

    for dialog, name in ((survey, "survey"), (excel, "excel")):
        dialog.resize(1200, 780)
        image = dialog.grab().toImage()
        assert image.save(str(tmp_path / f"{name}.png"))
        assert len({image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)}) > 5


def test_sub_questions_numbered_1a_split_into_1a_and_1b(qtbot):
    dialog = open_dialog(qtbot, read_request_file(UNSEEN / "03-pest-control-sub-questions-1a.txt"))
    dialog.list.setCurrentRow(0)
    assert dialog.buttons["split_parts"].isEnabled()
    qtbot.mouseClick(dialog.buttons["split_parts"], Qt.MouseButton.LeftButton)
    questions = dialog.case().questions
    assert [q.label for q in questions] == ["1a", "1b", "2", "3", "4"]
    assert questions[0].text == (
        "Does the council provide a pest control service to residents? If yes, is the service provided in-house or by a contractor?"
    )


HOLDOUT = Path(__file__).parent / "data" / "requests-holdout"


def test_second_held_out_requests_read_clearly(qtbot, tmp_path):
    """A Word letter with a table and a survey with answers typed across a line, as the officer sees them."""
    letter = open_dialog(qtbot, read_request_file(HOLDOUT / "08-library-volunteers-word-numbering-table.docx"))
    letter.list.setCurrentRow(2)
    assert letter.form.kind.currentIndex() == KIND_TABLE
    lines = letter.source.toPlainText().split("\n")
    # table cells are kept apart however long they are, and the lines still match the highlight
    assert "Financial year \u2502 Number of library volunteers \u2502 Volunteer hours \u2502 Paid library staff (FTE)" in lines
    highlighted = {lines[selection.cursor.blockNumber()] for selection in letter.source.extraSelections()}
    assert any(line.startswith("2021/22 \u2502") for line in highlighted)
    # no date in the request: the greyed date box is explained, and the note goes once a date is given
    assert letter.received.date() is None
    assert letter.received_hint.isVisible()
    letter.received.check.setChecked(True)
    assert not letter.received_hint.isVisible()

    survey = open_dialog(qtbot, read_request_file(HOLDOUT / "05-fire-safety-hash-numbers-spaced-options.txt"))
    survey.list.setCurrentRow(4)
    assert survey.form.options.isVisible()
    assert survey.form.options.toPlainText() == "Turntable ladder\nAerial ladder platform\nHydraulic platform\nNone"
    assert survey.form.text.toPlainText() == "Which of the following aerial appliances does the service have?"
    assert "Turntable ladder \u2502 Aerial ladder platform" in survey.source.toPlainText()

    dated = open_dialog(qtbot, read_request_file(HOLDOUT / "07-school-appeals-paren-number-next-line.txt"))
    assert dated.received.date() == dt.date(2025, 3, 10)
    assert not dated.received_hint.isVisibleTo(dated)

    for dialog, name in ((letter, "letter"), (survey, "survey")):
        image = dialog.grab().toImage()
        assert image.save(str(tmp_path / f"{name}.png"))
