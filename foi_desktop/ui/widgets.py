"""Small widgets and helpers the window's panels share."""

from __future__ import annotations

import datetime as _dt
import re

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QTabBar,
    QTabWidget,
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


# The deadline code counts working days from 1990 to 2100; a date outside cannot be typed.
FIRST_DATE = QDate(1990, 1, 1)
LAST_DATE = QDate(2100, 12, 31)
_UNSET_DATE = FIRST_DATE.addDays(-1)  # shown as "not set" (a spin box's special value is its minimum)
UNSET_TEXT = "not set"


def limit_date_range(edit: QDateEdit) -> QDateEdit:
    edit.setDateRange(FIRST_DATE, LAST_DATE)
    return edit


class OptionalDateEdit(QWidget):
    """A date that may be left unset: a check box turns the date on or off.

    Unset, the box says "not set" rather than showing a greyed date that reads like a
    real one. Ticking the box (Space) shows the last date set, or today, and the date
    can then be typed; unticking clears it.
    """

    date_changed = Signal(object)  # datetime.date or None

    def __init__(self, check_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.edit = QDateEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DATE_DISPLAY_FORMAT)
        self.edit.setSpecialValueText(UNSET_TEXT)
        self._last_date = QDate.currentDate()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)
        self._updating = False
        self._show_unset()
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self._on_date)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt's name)
        super().setAccessibleName(name)
        self.check.setAccessibleName(f"{name}: set")
        self.edit.setAccessibleName(name)
        self.edit.findChild(QLineEdit).setAccessibleName(name)

    def date(self) -> _dt.date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def is_shown_unset(self) -> bool:
        return self.edit.text() == UNSET_TEXT

    def set_date(self, value: _dt.date | None) -> None:
        self._updating = True
        try:
            self.check.setChecked(value is not None)
            if value is None:
                self._show_unset()
            else:
                self._show_date(to_qdate(value))
        finally:
            self._updating = False

    def _show_unset(self) -> None:
        self.edit.setMinimumDate(_UNSET_DATE)
        self.edit.setDate(_UNSET_DATE)
        self.edit.setEnabled(False)

    def _show_date(self, value: QDate) -> None:
        self.edit.setEnabled(True)
        self.edit.setDateRange(FIRST_DATE, LAST_DATE)
        self.edit.setDate(value)
        self._last_date = self.edit.date()

    def _on_toggled(self, checked: bool) -> None:
        updating, self._updating = self._updating, True
        try:
            if checked:
                self._show_date(self._last_date)
            else:
                self._show_unset()
        finally:
            self._updating = updating
        if not self._updating:
            self.date_changed.emit(self.date())

    def _on_date(self, value: QDate) -> None:
        if self._updating or value == _UNSET_DATE:
            return
        self._last_date = value
        if self.check.isChecked():
            self.date_changed.emit(self.date())
        else:  # a date given while unset is the one ticking the box will use; until then it stays "not set"
            self._updating = True
            try:
                self._show_unset()
            finally:
                self._updating = False


_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def clean_text(text: str, *, multiline: bool) -> str:
    """Text as the officer meant it, from a paste out of Outlook, Word or a PDF.

    Shift+Enter in Word and Outlook is a vertical tab and a page break a form feed:
    both are line breaks in a multi-line field (a space in a one-line field). Other
    control characters (a NUL from a PDF) mean nothing in a letter and are dropped;
    Word could not open a letter that held them.
    """
    text = _LINE_BREAKS.sub("\n", text)
    if not multiline:
        text = text.replace("\n", " ").replace("\t", " ")
    return _CONTROL_CHARACTERS.sub("", text)


def _spoken(text: str) -> str:
    """A label as a screen reader should say it: without the mnemonic's ampersand or a trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def name_controls(root: QWidget) -> None:
    """Give every control under ``root`` that has no accessible name the one a screen reader should say.

    Buttons are named by their text (without the mnemonic's ampersand); the line edit
    inside a spin box or date box by its box; tab bars by their tabs.
    """
    for widget in root.findChildren(QWidget):
        if widget.accessibleName():
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
            widget.setAccessibleName(_spoken(widget.defaultAction().text()))  # "Add question", not the short "Add"
        elif isinstance(widget, QAbstractButton) and widget.text():
            widget.setAccessibleName(_spoken(widget.text()))
        elif isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox) and parent.accessibleName():
            widget.setAccessibleName(parent.accessibleName())
        elif isinstance(widget, QTabBar):
            tabs = [widget.tabText(index).replace("&", "") for index in range(widget.count())]
            widget.setAccessibleName("Tabs: " + ", ".join(tabs))
        elif isinstance(widget, QTabWidget):
            widget.setAccessibleName("Pages")


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
