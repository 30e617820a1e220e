"""Two-way links between form widgets and values of the case.

A widget edit becomes an undoable change on the document; a change announced by
the document (an edit elsewhere, an undo, a redo) is written back to the widget
only when it differs, so the cursor does not jump while the officer types.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Callable

from PySide6.QtWidgets import QComboBox, QDateEdit, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QSpinBox

from foi_desktop.ui.document import CaseDocument, FieldPath
from foi_desktop.ui.widgets import OptionalDateEdit, clean_text, from_qdate, route_undo_keys, to_qdate


class Binder:
    """Binds widgets to paths below a prefix (``()`` for the case, ``("questions", i)`` for a question)."""

    def __init__(self, document: CaseDocument, prefix: Callable[[], FieldPath] = tuple) -> None:
        self.document = document
        self.prefix = prefix
        self._refreshers: dict[FieldPath, Callable[[], None]] = {}
        self._updating = False

    # ------------------------------------------------------------------ binding

    def line(self, widget: QLineEdit, suffix: FieldPath) -> None:
        route_undo_keys(widget)

        def edited(text: str) -> None:
            cleaned = clean_text(text, multiline=False)
            if cleaned != text:  # pasted control characters: show what will be kept
                position = len(clean_text(text[: widget.cursorPosition()], multiline=False))
                widget.setText(cleaned)
                widget.setCursorPosition(position)
            self._user_set(suffix, cleaned, typing=True)

        widget.textEdited.connect(edited)

        def refresh() -> None:
            value = self._value(suffix)
            if widget.text() != value:
                widget.setText(value)

        self._refreshers[suffix] = refresh

    def plain(self, widget: QPlainTextEdit, suffix: FieldPath) -> None:
        route_undo_keys(widget)

        def changed() -> None:
            text = widget.toPlainText()
            cleaned = clean_text(text, multiline=True)
            if cleaned != text and not self._updating:
                # pasted control characters: replace the text once (this signal comes back with it clean)
                position = len(clean_text(text[: widget.textCursor().position()], multiline=True))
                widget.setPlainText(cleaned)
                cursor = widget.textCursor()
                cursor.setPosition(min(position, len(cleaned)))
                widget.setTextCursor(cursor)
                return
            self._user_set(suffix, text, typing=True)

        widget.textChanged.connect(changed)

        def refresh() -> None:
            value = self._value(suffix)
            if widget.toPlainText() != value:
                widget.setPlainText(value)

        self._refreshers[suffix] = refresh

    def combo(self, widget: QComboBox, suffix: FieldPath, kind: type[Enum]) -> None:
        """A combo box of an enum's members; items carry the member's ``value`` as their data."""
        widget.activated.connect(lambda index: self._user_set(suffix, kind(widget.itemData(index))))

        def refresh() -> None:
            index = widget.findData(self._value(suffix).value)
            if index >= 0 and widget.currentIndex() != index:
                widget.setCurrentIndex(index)

        self._refreshers[suffix] = refresh

    def date(self, widget: QDateEdit, suffix: FieldPath) -> None:
        widget.dateChanged.connect(lambda value: self._user_set(suffix, from_qdate(value), typing=True))

        def refresh() -> None:
            value = self._value(suffix)
            if value is not None and from_qdate(widget.date()) != value:
                widget.setDate(to_qdate(value))

        self._refreshers[suffix] = refresh

    def optional_date(self, widget: OptionalDateEdit, suffix: FieldPath) -> None:
        widget.date_changed.connect(lambda value: self._user_set(suffix, value, typing=True))

        def refresh() -> None:
            value = self._value(suffix)
            if widget.date() != value:
                widget.set_date(value)

        self._refreshers[suffix] = refresh

    def optional_number(self, widget: QSpinBox | QDoubleSpinBox, suffix: FieldPath, kind: type = int) -> None:
        """A number that may be unset: the spin box's minimum (shown as its special text) means unset."""

        def to_model(value: float) -> Any:
            return None if value <= widget.minimum() else kind(value)

        widget.valueChanged.connect(lambda value: self._user_set(suffix, to_model(value), typing=True))

        def refresh() -> None:
            value = self._value(suffix)
            shown = widget.minimum() if value is None else value
            if widget.value() != shown:
                widget.setValue(shown)

        self._refreshers[suffix] = refresh

    def custom(self, suffix: FieldPath, refresh: Callable[[], None]) -> None:
        """Any other view of a value: ``refresh`` runs when the value changes."""
        self._refreshers[suffix] = refresh

    # ------------------------------------------------------------------ refreshing

    def refresh(self, path: FieldPath) -> bool:
        """Refresh the widget shown for ``path`` (or one of its parents); False if none shows it."""
        prefix = self.prefix()
        if tuple(path[: len(prefix)]) != tuple(prefix):
            return False
        suffix = tuple(path[len(prefix):])
        for length in range(len(suffix), 0, -1):
            refresher = self._refreshers.get(suffix[:length])
            if refresher is not None:
                self._run(refresher)
                return True
        # a whole sub-object was replaced (e.g. the answer): refresh everything below it
        found = False
        for key, refresher in self._refreshers.items():
            if key[: len(suffix)] == suffix:
                self._run(refresher)
                found = True
        return found

    def refresh_all(self) -> None:
        for refresher in self._refreshers.values():
            self._run(refresher)

    @property
    def updating(self) -> bool:
        return self._updating

    def _run(self, refresher: Callable[[], None]) -> None:
        self._updating = True
        try:
            refresher()
        finally:
            self._updating = False

    # ------------------------------------------------------------------ edits

    def _value(self, suffix: FieldPath) -> Any:
        return self.document.get(tuple(self.prefix()) + tuple(suffix))

    def _user_set(self, suffix: FieldPath, value: Any, *, typing: bool = False) -> None:
        if self._updating:
            return
        self.document.set_value(tuple(self.prefix()) + tuple(suffix), value, typing=typing)
