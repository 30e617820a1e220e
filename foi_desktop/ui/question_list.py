"""The list of questions down the left of the window: one summary line each.

A list model over the case rather than a widget per question, so a 300-question
questionnaire opens as fast as a three-question one; the full editor is built
once and shows whichever question is selected.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGridLayout,
    QLabel,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from foi_desktop.core.case import Question, QuestionKind, Regime
from foi_desktop.ui.document import CaseDocument, question_index

SUMMARY_LENGTH = 70
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1


def first_line(text: str, length: int = SUMMARY_LENGTH) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1].rstrip() + "…"


def question_status(question: Question, regime: Regime = Regime.FOIA) -> str:
    """The outcome, plus what still needs doing: the officer's to-do list at a glance."""
    status = question.answer.outcome.label_for(regime)
    if question.answer.outcome.releases_information:
        if question.kind is QuestionKind.OPTIONS and question.chosen_option is None:
            status += " · no option chosen"
        elif question.kind is QuestionKind.TABLE and not question.table.has_values:
            status += " · table empty"
    return status


class QuestionListModel(QAbstractListModel):
    def __init__(self, document: CaseDocument) -> None:
        super().__init__(document)
        self.document = document
        document.loaded.connect(self._reset)
        document.questions_replaced.connect(self._reset)
        document.value_changed.connect(self._on_value_changed)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.document.case.questions)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.document.case.questions):
            return None
        question = self.document.case.questions[index.row()]
        label = question.label.strip() or "(no number)"
        status = question_status(question, self.document.case.regime)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{label}. {first_line(question.text) or '(no text yet)'}\n{status}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{label}. {question.text}"
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Question {label}: {first_line(question.text)}. {status}"
        return None

    def _reset(self, *_args: Any) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_value_changed(self, path: tuple) -> None:
        if path == ("regime",) and self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))  # outcome labels follow the regime
            return
        row = question_index(path)
        if row is not None and 0 <= row < self.rowCount():
            index = self.index(row)
            self.dataChanged.emit(index, index)


class QuestionSummaryDelegate(QStyledItemDelegate):
    """Two lines per question: its number and text (elided), then the outcome in a quieter colour."""

    PADDING = 4

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 (Qt's name)
        line = option.fontMetrics.lineSpacing()
        return QSize(200, 2 * line + 2 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        # the model's text, not the option's: the style turns its line break into U+2028, which partition misses
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        first, _, _ = text.partition("\n")
        status = index.data(STATUS_ROLE) or ""
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        main_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        quiet_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        rect = option.rect.adjusted(self.PADDING + 2, self.PADDING, -self.PADDING, -self.PADDING)
        line = option.fontMetrics.lineSpacing()
        metrics = option.fontMetrics
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(group, main_role))
        self.draw_line(painter, QRect(rect.left(), rect.top(), rect.width(), line),
                       metrics.elidedText(first, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setPen(option.palette.color(group, quiet_role))
        self.draw_line(painter, QRect(rect.left() + 12, rect.top() + line, rect.width() - 12, line),
                       metrics.elidedText(status, Qt.TextElideMode.ElideRight, rect.width() - 12))
        painter.restore()

    @staticmethod
    def draw_line(painter: QPainter, rect: QRect, text: str) -> None:
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


class QuestionListPanel(QWidget):
    """The list plus the buttons that change its shape (the same actions as the Question menu)."""

    current_changed = Signal(int)  # -1 when nothing is selected

    def __init__(self, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuestionListModel(document)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setObjectName("questionList")
        self.view.setAccessibleName("Questions")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setUniformItemSizes(True)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegate(QuestionSummaryDelegate(self.view))
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.selectionModel().currentChanged.connect(lambda current, _previous: self.current_changed.emit(current.row()))
        title = QLabel("Questions")
        title.setBuddy(self.view)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self._buttons = QGridLayout()
        self._buttons.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.view, 1)
        layout.addLayout(self._buttons)

    def add_actions(self, actions: list[QAction], columns: int = 3) -> None:
        previous: QWidget = self.view
        for number, action in enumerate(actions):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(button.sizePolicy().Policy.Expanding, button.sizePolicy().Policy.Fixed)
            self._buttons.addWidget(button, number // columns, number % columns)
            QWidget.setTabOrder(previous, button)  # right after the list, not after the rest of the window
            previous = button

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
