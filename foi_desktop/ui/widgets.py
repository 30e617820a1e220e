"""Small widgets and helpers the window's panels share."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

DATE_DISPLAY_FORMAT = "d MMM yyyy"


def to_qdate(value: _dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> _dt.date:
    return _dt.date(value.year(), value.month(), value.day())


def shrinkable(combo: QComboBox, characters: int = 18) -> QComboBox:
    """Let a combo box with long item texts shrink in a narrow window (the list still shows them whole)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return combo


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label with a mnemonic that moves focus to ``widget`` (Alt+letter), named for screen readers."""
    label = QLabel(text)
    label.setBuddy(widget)
    if not widget.accessibleName():
        widget.setAccessibleName(text.replace("&", ""))
    return label


class UndoKeysToWindow(QObject):
    """Lets Ctrl+Z / Ctrl+Y reach the window's undo stack while a text field has focus.

    Text fields normally claim these keys for their own little undo history, which
    would fork the officer's history in two. Every edit is already a step on the
    document's stack, so the keys go there.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
                event.ignore()
                return True
        return False


_UNDO_KEYS_FILTER: UndoKeysToWindow | None = None


def route_undo_keys(widget: QWidget) -> None:
    global _UNDO_KEYS_FILTER
    if _UNDO_KEYS_FILTER is None:
        _UNDO_KEYS_FILTER = UndoKeysToWindow()
    widget.installEventFilter(_UNDO_KEYS_FILTER)
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)


class PlainTextField(QPlainTextEdit):
    """A multi-line field sized in lines; Tab moves focus on, as in a form, instead of typing a tab."""

    def __init__(self, lines: int = 3, parent: QWidget | None = None, *, document_undo: bool = True) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._lines = lines
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        height = metrics.lineSpacing() * lines + 2 * self.document().documentMargin() + margins.top() + margins.bottom() + 4
        self.setMinimumHeight(int(height))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if document_undo:
            route_undo_keys(self)

    def sizeHint(self):  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        hint.setHeight(self.minimumHeight())
        return hint


class OptionalDateEdit(QWidget):
    """A date that may be left unset: a check box turns the date on or off."""

    date_changed = Signal(object)  # datetime.date or None

    def __init__(self, check_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_DISPLAY_FORMAT)
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self._on_date)
        self._updating = False

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        super().setAccessibleName(name)
        self.check.setAccessibleName(f"{name}: set")
        self.edit.setAccessibleName(name)

    def date(self) -> _dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_date(self, value: _dt.date | None) -> None:
        self._updating = True
        try:
            self.check.setChecked(value is not None)
            self.edit.setEnabled(value is not None)
            if value is not None:
                self.edit.setDate(to_qdate(value))
        finally:
            self._updating = False

    def _on_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        if not self._updating:
            self.date_changed.emit(self.date())

    def _on_date(self, _value: QDate) -> None:
        if not self._updating and self.check.isChecked():
            self.date_changed.emit(self.date())


class MessageBar(QFrame):
    """A dismissible strip at the top of the window: tells without interrupting."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setText("Dismiss")
        self.close_button.setAccessibleName("Dismiss message")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_messages(self, messages: list[str]) -> None:
        if not messages:
            return
        self.label.setText("\n".join(messages))
        self.setAccessibleDescription(" ".join(messages))
        self.show()


def show_message(parent: QWidget, title: str, text: str, *, icon=QMessageBox.Icon.Warning,
                 detail: str = "") -> QMessageBox:
    """A message box shown without blocking (``open()``), so nothing in a test or a script hangs on it."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setInformativeText(detail)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("messageBox")
    box.open()
    return box


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def vbox(*widgets: QWidget, margins: int = 0) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setContentsMargins(margins, margins, margins, margins)
    for widget in widgets:
        layout.addWidget(widget)
    return layout
