"""The review step: the request as received beside the questions found in it.

The officer checks each question against the source (the lines it came from are
highlighted), fixes the wording, splits or merges questions, turns a list into options
or a grid into a table, corrects the case details, then starts answering. Nothing is
final until "Start answering": Cancel leaves the open case untouched.

The dialog is shown with ``open()`` (window-modal, non-blocking) so tests and the
window never wait on it; :func:`review_request` is the window's entry point.
"""

from __future__ import annotations

import copy
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from foi_desktop.core.case import Case, Question, Requester, Table
from foi_desktop.intake import ParsedRequest, edits
from foi_desktop.ui.widgets import OptionalDateEdit, buddy_label

KIND_FREE, KIND_OPTIONS, KIND_TABLE = range(3)
KIND_NAMES = ["Free text answer", "Choose from options", "Table to fill in"]


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


CELL_SEPARATOR = " \u2502 "


def source_for_display(text: str) -> str:
    """The request text with each tab drawn as a cell border.

    A tab only moves to the next tab stop, so a cell that reaches one runs into the
    next ("Volunteer hoursPaid library staff"); a visible border keeps table cells
    apart at any width. Lines are unchanged, so highlighting by line still matches.
    """
    return text.replace("\t", CELL_SEPARATOR)


def question_summary(question: Question) -> str:
    """One line for the list: "2. What approximate percentage… — 6 options"."""
    first_line = question.text.split("\n", 1)[0]
    if len(first_line) > 90:
        first_line = first_line[:87].rstrip() + "\u2026"
    label = f"{question.label}. " if question.label else "(no number) "
    if question.table is not None:
        kind = f" \u2014 table {len(question.table.rows)}\u00d7{len(question.table.columns)}"
    elif question.options:
        kind = f" \u2014 {len(question.options)} option{'s' if len(question.options) != 1 else ''}"
    else:
        kind = ""
    return f"{label}{first_line or '(no wording yet)'}{kind}"


class QuestionForm(QWidget):
    """Edits one question: number, wording, and its options or table labels."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLineEdit()
        self.label.setObjectName("reviewLabel")
        self.label.setMaximumWidth(90)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reviewText")
        self.text.setTabChangesFocus(True)
        self.kind = QComboBox()
        self.kind.setObjectName("reviewKind")
        self.kind.addItems(KIND_NAMES)
        self.options = QPlainTextEdit()
        self.options.setObjectName("reviewOptions")
        self.options.setTabChangesFocus(True)
        self.options.setPlaceholderText("One option per line")
        self.rows = QPlainTextEdit()
        self.rows.setObjectName("reviewRows")
        self.rows.setTabChangesFocus(True)
        self.rows.setPlaceholderText("One row label per line")
        self.columns = QPlainTextEdit()
        self.columns.setObjectName("reviewColumns")
        self.columns.setTabChangesFocus(True)
        self.columns.setPlaceholderText("One column label per line")
        self._cells: list[list[str]] = []
        self._loading = False

        form = QFormLayout()
        form.addRow(buddy_label("&Number:", self.label), self.label)
        form.addRow(buddy_label("&Wording:", self.text), self.text)
        form.addRow(buddy_label("&Answer:", self.kind), self.kind)
        self.options_box = QWidget()
        options_layout = QVBoxLayout(self.options_box)
        options_layout.setContentsMargins(0, 0, 0, 0)
        options_layout.addWidget(buddy_label("O&ptions (one per line):", self.options))
        options_layout.addWidget(self.options)
        self.table_box = QWidget()
        table_layout = QHBoxLayout(self.table_box)
        table_layout.setContentsMargins(0, 0, 0, 0)
        for title, widget in (("&Rows (one per line):", self.rows), ("&Columns (one per line):", self.columns)):
            column = QVBoxLayout()
            column.addWidget(buddy_label(title, widget))
            column.addWidget(widget)
            table_layout.addLayout(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.options_box)
        layout.addWidget(self.table_box)
        self.kind.currentIndexChanged.connect(self._show_kind)
        for widget in (self.text, self.options, self.rows, self.columns):
            widget.textChanged.connect(self._emit)
        self.label.textChanged.connect(self._emit)
        self.kind.currentIndexChanged.connect(self._emit)
        self._show_kind(KIND_FREE)

    def _emit(self, *_args) -> None:
        if not self._loading:
            self.changed.emit()

    def _show_kind(self, kind: int) -> None:
        self.options_box.setVisible(kind == KIND_OPTIONS)
        self.table_box.setVisible(kind == KIND_TABLE)

    def load(self, question: Question | None) -> None:
        self._loading = True
        try:
            self.setEnabled(question is not None)
            question = question or Question()
            self.label.setText(question.label)
            self.text.setPlainText(question.text)
            self.options.setPlainText("\n".join(question.options))
            table = question.table
            self.rows.setPlainText("\n".join(table.rows) if table else "")
            self.columns.setPlainText("\n".join(table.columns) if table else "")
            self._cells = copy.deepcopy(table.cells) if table else []
            kind = KIND_TABLE if table is not None else KIND_OPTIONS if question.options else KIND_FREE
            self.kind.setCurrentIndex(kind)
            self._show_kind(kind)
        finally:
            self._loading = False

    def question(self) -> Question:
        """The question as edited; switching kind keeps only what that kind needs."""
        kind = self.kind.currentIndex()
        question = Question(text=self.text.toPlainText().strip(), label=self.label.text().strip())
        if kind == KIND_OPTIONS:
            question.options = _lines(self.options.toPlainText())
        elif kind == KIND_TABLE:
            table = Table(rows=_lines(self.rows.toPlainText()), columns=_lines(self.columns.toPlainText()), cells=self._cells)
            table.normalise()
            question.table = table
        return question

    def cursor_position(self) -> int:
        return self.text.textCursor().position()


class IntakeReviewDialog(QDialog):
    """Review a parsed request and return the case to answer (:meth:`case` after accept)."""

    def __init__(self, parsed: ParsedRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parsed = parsed
        self.questions: list[Question] = copy.deepcopy(parsed.questions)
        self.sources: list[list[int]] = [list(lines) for lines in parsed.question_lines]
        self.sources += [[] for _ in range(len(self.questions) - len(self.sources))]
        self._current = -1
        self._result: Case | None = None
        self.setObjectName("intakeReviewDialog")
        self.setWindowTitle(f"Review the request \u2014 {parsed.source_name}" if parsed.source_name else "Review the request")
        self.setSizeGripEnabled(True)
        self.resize(1200, 780)

        self.warnings = QLabel()
        self.warnings.setObjectName("intakeWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.setAutoFillBackground(True)
        self.warnings.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.warnings.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.warnings.setMargin(6)
        self.warnings.setText("\n".join(parsed.warnings))
        self.warnings.setVisible(bool(parsed.warnings))

        # case details
        self.subject = QLineEdit(parsed.subject)
        self.subject.setObjectName("reviewSubject")
        self.requester_name = QLineEdit(parsed.requester_name)
        self.requester_name.setObjectName("reviewRequesterName")
        self.requester_email = QLineEdit(parsed.requester_email)
        self.requester_email.setObjectName("reviewRequesterEmail")
        self.received = OptionalDateEdit("Known")
        self.received.setObjectName("reviewReceived")
        self.received.setAccessibleName("Date received")
        self.received.set_date(parsed.received)
        # Unticked, the date box says "not set": say where the date would come from.
        self.received_hint = QLabel("Not found in the request: tick “Known” and enter the date it arrived.")
        self.received_hint.setObjectName("reviewReceivedHint")
        self.received_hint.setVisible(parsed.received is None)
        self.received.check.toggled.connect(lambda known: self.received_hint.setVisible(not known))
        received_row = QHBoxLayout()
        received_row.setContentsMargins(0, 0, 0, 0)
        received_row.addWidget(self.received, 1)
        received_row.addWidget(self.received_hint)
        details = QGroupBox("Case details found in the request")
        details_form = QFormLayout(details)
        details_form.addRow(buddy_label("S&ubject:", self.subject), self.subject)
        details_form.addRow(buddy_label("Re&quester:", self.requester_name), self.requester_name)
        details_form.addRow(buddy_label("Reply &email:", self.requester_email), self.requester_email)
        details_form.addRow(QLabel("Received:"), received_row)

        # the source
        self.source = QPlainTextEdit()
        self.source.setObjectName("reviewSource")
        self.source.setReadOnly(True)
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.source.setPlainText(source_for_display(parsed.source_text))
        self.source.setAccessibleName("The request as received")
        source_box = QWidget()
        source_layout = QVBoxLayout(source_box)
        source_layout.setContentsMargins(0, 0, 0, 0)
        source_layout.addWidget(buddy_label("The request as &received:", self.source))
        source_layout.addWidget(self.source)

        # the questions
        self.list = QListWidget()
        self.list.setObjectName("reviewQuestionList")
        self.list.setAccessibleName("Questions found")
        self.list.setWordWrap(True)
        self.form = QuestionForm()
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("split", "&Split at cursor", "Cut the selected question in two where the cursor is in its wording", self.split_at_cursor),
            ("split_parts", "Split su&b-parts", "Make each a), b)… or bullet line a question of its own", self.split_sub_parts),
            ("merge", "&Merge with next", "Join the selected question and the one after it", self.merge_with_next),
            ("add", "&Add", "Add a question after the selected one", self.add_question),
            ("delete", "&Delete", "Remove the selected question (it stays in the request text)", self.delete_question),
            ("up", "Move &up", "Move the selected question up", lambda: self.move(-1)),
            ("down", "Move do&wn", "Move the selected question down", lambda: self.move(1)),
            ("renumber", "Re&number 1, 2, 3\u2026", "Number the questions in order", self.renumber),
        ]
        for key, title, tip, slot in actions:
            button = QPushButton(title)
            button.setObjectName(f"review_{key}")
            button.setToolTip(tip)
            button.setAutoDefault(False)  # Enter means "Start answering", never "Split"
            button.clicked.connect(slot)
            self.buttons[key] = button
        grid = QVBoxLayout()
        first, second = QHBoxLayout(), QHBoxLayout()
        for key in ("split", "split_parts", "merge", "add"):
            first.addWidget(self.buttons[key])
        for key in ("delete", "up", "down", "renumber"):
            second.addWidget(self.buttons[key])
        grid.addLayout(first)
        grid.addLayout(second)
        self.count_label = QLabel()
        self.count_label.setObjectName("reviewCount")
        questions_box = QWidget()
        questions_layout = QVBoxLayout(questions_box)
        questions_layout.setContentsMargins(0, 0, 0, 0)
        questions_layout.addWidget(buddy_label("&Questions found:", self.list))
        questions_layout.addWidget(self.list, 2)
        questions_layout.addLayout(grid)
        questions_layout.addWidget(self.count_label)
        questions_layout.addWidget(self.form, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(source_box)
        splitter.addWidget(questions_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)

        self.button_box = QDialogButtonBox()
        self.start_button = self.button_box.addButton("Start &answering", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("reviewStart")
        self.start_button.setDefault(True)
        self.button_box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.warnings)
        layout.addWidget(details)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.button_box)

        self.list.currentRowChanged.connect(self._select)
        self.form.changed.connect(self._form_changed)
        self.buttons["delete"].setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Delete))
        self._refresh_list(0 if self.questions else -1)
        self.list.setFocus()

    # ------------------------------------------------------------------ list and selection

    def current_index(self) -> int:
        return self._current

    def _refresh_list(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for question in self.questions:
            item = QListWidgetItem(question_summary(question))
            item.setToolTip(question.text)
            self.list.addItem(item)
        self.list.blockSignals(False)
        count = len(self.questions)
        self.count_label.setText(f"{count} question{'s' if count != 1 else ''}")
        select = min(select, count - 1)
        self._current = -1
        if select >= 0:
            self.list.setCurrentRow(select)
        else:
            self._select(-1)
        self._update_buttons()

    def _select(self, row: int) -> None:
        self._current = row
        self.form.load(self.questions[row] if 0 <= row < len(self.questions) else None)
        self._highlight_source(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self._current, len(self.questions)
        has = 0 <= row < count
        self.buttons["split"].setEnabled(has)
        self.buttons["split_parts"].setEnabled(has and len(edits.sub_parts(self.questions[row])[1]) >= 2)
        self.buttons["merge"].setEnabled(has and row + 1 < count)
        self.buttons["delete"].setEnabled(has)
        self.buttons["up"].setEnabled(has and row > 0)
        self.buttons["down"].setEnabled(has and row + 1 < count)
        self.buttons["renumber"].setEnabled(count > 0)
        self.start_button.setEnabled(count > 0)

    def _highlight_source(self, row: int) -> None:
        lines = self.sources[row] if 0 <= row < len(self.sources) else []
        selections = []
        colour = QColor(self.palette().color(self.palette().ColorRole.Highlight))
        colour.setAlpha(60)
        document = self.source.document()
        for number in lines:
            block = document.findBlockByNumber(number)
            if not block.isValid():
                continue
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(colour)
            selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # the whole paragraph, however many screen lines it wraps onto
            selections.append(selection)
        self.source.setExtraSelections(selections)
        if lines:
            block = document.findBlockByNumber(lines[0])
            if block.isValid():
                cursor = QTextCursor(block)
                self.source.setTextCursor(cursor)
                self.source.centerCursor()

    def _form_changed(self) -> None:
        row = self._current
        if not 0 <= row < len(self.questions):
            return
        self.questions[row] = self.form.question()
        item = self.list.item(row)
        if item is not None:
            item.setText(question_summary(self.questions[row]))
            item.setToolTip(self.questions[row].text)
        self._update_buttons()

    # ------------------------------------------------------------------ edits

    def _replace(self, start: int, count: int, new: list[Question], sources: list[list[int]], select: int) -> None:
        renumber = edits.is_plain_numbering(self.questions)
        self.questions[start : start + count] = new
        self.sources[start : start + count] = sources
        if renumber:
            edits.renumber(self.questions)
        self._refresh_list(select)

    def split_at_cursor(self) -> None:
        row = self._current
        if not 0 <= row < len(self.questions):
            return
        first, second = edits.split_question(self.questions[row], self.form.cursor_position())
        if not first.text or not second.text:
            return  # the cursor is at the very start or end: nothing to split
        self._replace(row, 1, [first, second], [self.sources[row], list(self.sources[row])], row + 1)

    def split_sub_parts(self) -> None:
        row = self._current
        if not 0 <= row < len(self.questions):
            return
        parts = edits.split_sub_parts(self.questions[row])
        if len(parts) < 2:
            return
        renumber = edits.is_plain_numbering(self.questions)
        self.questions[row : row + 1] = parts
        self.sources[row : row + 1] = [list(self.sources[row]) for _ in parts]
        if renumber and not all(question.label for question in parts):
            edits.renumber(self.questions)
        self._refresh_list(row)

    def merge_with_next(self) -> None:
        row = self._current
        if not 0 <= row < len(self.questions) - 1:
            return
        merged = edits.merge_questions(self.questions[row], self.questions[row + 1])
        lines = sorted(set(self.sources[row]) | set(self.sources[row + 1]))
        self._replace(row, 2, [merged], [lines], row)

    def add_question(self) -> None:
        row = self._current
        at = row + 1 if row >= 0 else len(self.questions)
        self._replace(at, 0, [Question(text="")], [[]], at)
        self.form.text.setFocus()

    def delete_question(self) -> None:
        row = self._current
        if not 0 <= row < len(self.questions):
            return
        self._replace(row, 1, [], [], max(0, row - 1) if row >= len(self.questions) - 1 else row)

    def move(self, step: int) -> None:
        row = self._current
        target = row + step
        if not (0 <= row < len(self.questions) and 0 <= target < len(self.questions)):
            return
        renumber = edits.is_plain_numbering(self.questions)
        self.questions[row], self.questions[target] = self.questions[target], self.questions[row]
        self.sources[row], self.sources[target] = self.sources[target], self.sources[row]
        if renumber:
            edits.renumber(self.questions)
        self._refresh_list(target)

    def renumber(self) -> None:
        edits.renumber(self.questions)
        self._refresh_list(max(self._current, 0))

    # ------------------------------------------------------------------ result

    def build_case(self) -> Case:
        """The case as reviewed: details from the form, questions in order, numbered where unnumbered."""
        case = self.parsed.to_case()
        case.subject = self.subject.text().strip()
        case.requester = Requester(
            name=self.requester_name.text().strip(),
            email=self.requester_email.text().strip(),
            address=self.parsed.requester_address,
        )
        case.received = self.received.date()
        case.questions = [copy.deepcopy(q) for q in self.questions if q.text.strip() or q.table is not None or q.options]
        case.relabel()
        return case

    def accept(self) -> None:
        self._result = self.build_case()
        super().accept()

    def case(self) -> Case:
        """The reviewed case; before the dialog is accepted, the case as it stands now."""
        return self._result if self._result is not None else self.build_case()


def review_request(parent: QWidget | None, parsed: ParsedRequest, on_accept: Callable[[Case], None]) -> IntakeReviewDialog:
    """Show the review step without blocking; ``on_accept`` gets the case when the officer starts answering."""
    dialog = IntakeReviewDialog(parsed, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: on_accept(dialog.case()))
    dialog.open()
    return dialog
