"""Paste a request's text (from an email, a web form or a Word document) to start a case from it."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

# A request longer than this is not a request; the parser copes, but the text box would crawl.
MAX_PASTE_CHARACTERS = 2_000_000


class PasteRequestDialog(QDialog):
    """A text box that starts with the clipboard's text; "Read questions" hands the text on."""

    def __init__(self, parent: QWidget | None = None, text: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste request text")
        self.setObjectName("pasteRequestDialog")
        self.resize(720, 520)
        label = QLabel("&Request text, as the requester sent it (greetings, signatures and quoted mail are left out):")
        label.setWordWrap(True)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName("Request text")
        self.editor.setPlaceholderText("Paste the request here (Ctrl+V)…")
        label.setBuddy(self.editor)
        if text is None:
            text = QGuiApplication.clipboard().text()
        self.editor.setPlainText(text[:MAX_PASTE_CHARACTERS])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.read_button = self.buttons.addButton("Read &questions", QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.editor)
        layout.addWidget(self.buttons)
        self._update_button()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_button(self) -> None:
        self.read_button.setEnabled(bool(self.editor.toPlainText().strip()))

    def text(self) -> str:
        return self.editor.toPlainText()


def ask_for_request_text(parent: QWidget | None, on_text: Callable[[str], None]) -> PasteRequestDialog:
    """Show the dialog without blocking; ``on_text`` gets the text when the officer goes on."""
    dialog = PasteRequestDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: on_text(dialog.text()))
    dialog.open()
    return dialog
