"""A question's option set as radio buttons: exactly one chosen, or none after "Clear choice"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from foi_desktop.ui import question_ops
from foi_desktop.ui.widgets import PlainTextField


class OptionsEditor(QWidget):
    choice_made = Signal(object)  # the chosen index, or None when cleared
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(lambda index: self.choice_made.emit(index))
        self.radios: list[QRadioButton] = []
        self._radio_box = QVBoxLayout()
        self._radio_box.setSpacing(2)
        self.clear_button = QPushButton("C&lear choice")
        self.clear_button.setToolTip("Leave all the options unticked")
        self.clear_button.clicked.connect(lambda: self.choice_made.emit(None))
        self.edit_button = QPushButton("Edit &options…")
        self.edit_button.clicked.connect(self.edit_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._radio_box)
        layout.addLayout(buttons)

    def set_options(self, options: list[str], choice: int | None) -> None:
        if [radio.text().replace("&&", "&") for radio in self.radios] != options:
            for radio in self.radios:
                self.group.removeButton(radio)
                radio.deleteLater()
            self.radios = []
            for index, text in enumerate(options):
                radio = QRadioButton(text.replace("&", "&&"))
                radio.setAccessibleName(f"Option {index + 1}: {text}")
                self.group.addButton(radio, index)
                self._radio_box.addWidget(radio)
                self.radios.append(radio)
        self.set_choice(choice)

    def set_choice(self, choice: int | None) -> None:
        checked = self.group.checkedId()
        if choice is None or not 0 <= choice < len(self.radios):
            if checked != -1:
                self.group.setExclusive(False)
                self.group.checkedButton().setChecked(False)
                self.group.setExclusive(True)
        elif checked != choice:
            self.radios[choice].setChecked(True)
        self.clear_button.setEnabled(choice is not None)


class OptionsDialog(QDialog):
    """Edit the wording and number of options, one per line (bullets pasted from Word are removed)."""

    def __init__(self, options: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit options")
        self.setObjectName("optionsDialog")
        self.text = PlainTextField(lines=8, document_undo=False)
        self.text.setLineWrapMode(PlainTextField.LineWrapMode.NoWrap)  # one line, one option: wrapping would hide that
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.text.setPlainText("\n".join(options))
        label = QLabel("&Options, one per line (leave empty for a question without options):")
        label.setBuddy(self.text)
        label.setWordWrap(True)
        self.text.setAccessibleName("Options, one per line")
        note = QLabel("The option chosen stays chosen if its wording is unchanged.")
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(520, 360)

    def options(self) -> list[str]:
        return question_ops.options_from_text(self.text.toPlainText())
