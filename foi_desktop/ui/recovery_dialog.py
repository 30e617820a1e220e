"""Offer the drafts a crashed or killed FOI Desktop left behind.

Shown with ``open()`` rather than ``exec()``: the window is usable behind it, and
tests drive it like any other widget.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from foi_desktop.ui.autosave import Draft


class RecoveryDialog(QDialog):
    recover_requested = Signal(object)  # Draft

    def __init__(self, drafts: list[Draft], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.setWindowTitle("Recover unsaved work")
        self.drafts = list(drafts)
        intro = QLabel(
            "FOI Desktop did not close normally last time. These cases had changes that were not saved; "
            "recover them to carry on where you left off."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Unsaved cases")
        intro.setBuddy(self.list)
        for draft in self.drafts:
            item = QListWidgetItem(draft.describe())
            item.setData(Qt.ItemDataRole.UserRole, draft.draft_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.buttons = QDialogButtonBox()
        self.recover_button = QPushButton("&Recover")
        self.recover_button.setDefault(True)
        self.discard_button = QPushButton("&Delete draft")
        self.later_button = QPushButton("Decide &later")
        self.buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.clicked.connect(self._recover)
        self.discard_button.clicked.connect(self._discard)
        self.later_button.clicked.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self._recover())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(560, 280)
        self.finished.connect(self._release_rest)

    def _current(self) -> Draft | None:
        row = self.list.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def _take_current(self) -> Draft | None:
        draft = self._current()
        if draft is not None:
            row = self.list.currentRow()
            self.list.takeItem(row)
            del self.drafts[row]
        return draft

    def _recover(self) -> None:
        draft = self._take_current()
        if draft is not None:
            self.recover_requested.emit(draft)
        self._close_if_done()

    def _discard(self) -> None:
        draft = self._take_current()
        if draft is not None:
            draft.discard()
        self._close_if_done()

    def _close_if_done(self) -> None:
        if not self.drafts:
            self.accept()
        else:
            self.list.setCurrentRow(0)

    def _release_rest(self, _result: int) -> None:
        for draft in self.drafts:
            draft.release()
        self.drafts = []
