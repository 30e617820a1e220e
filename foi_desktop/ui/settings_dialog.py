"""The organisation profile and preferences, set once and used for every letter."""

from __future__ import annotations

import copy
from dataclasses import fields
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from foi_desktop.core.atomic import OutputError
from foi_desktop.core.case import Organisation, Regime
from foi_desktop.core.settings import Settings, save_settings
from foi_desktop.ui.widgets import PlainTextField, buddy_label, show_message

ORGANISATION_LABELS = {
    "name": ("&Name:", "e.g. Leicester City Council"),
    "short_name": ("&Short name:", "how letters refer to you, e.g. the Council"),
    "address": ("&Address:", ""),
    "foi_email": ("&FOI email:", "where internal reviews are sent"),
    "phone": ("&Phone:", ""),
    "website": ("&Website:", ""),
    "signatory_name": ("Si&gned by:", "a person or a team"),
    "signatory_title": ("Signatory's &title:", ""),
    "review_period_working_days": ("Re&view period (working days):", ""),
    "cost_limit_hours": ("&Cost limit (hours):", ""),
}


class SettingsDialog(QDialog):
    """Edits a copy of the settings; OK saves them and announces the new settings."""

    applied = Signal(object)  # Settings

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self.original = settings
        self.fields: dict[str, QWidget] = {}
        organisation = QGroupBox("Your organisation (used in every letter unless a case has its own)")
        form = QFormLayout(organisation)
        for item in fields(Organisation):
            label, hint = ORGANISATION_LABELS.get(item.name, (item.name.replace("_", " ").capitalize() + ":", ""))
            value = getattr(settings.organisation, item.name)
            if isinstance(value, int):
                widget = QSpinBox()
                widget.setRange(1, 1000)
                widget.setValue(value)
                if item.name == "cost_limit_hours":
                    widget.setToolTip("18 hours (£450) for local authorities; 24 hours (£600) for central government")
            elif item.name == "address":
                widget = PlainTextField(lines=4, document_undo=False)
                widget.setPlainText(value)
            else:
                widget = QLineEdit(value)
                widget.setPlaceholderText(hint)
            widget.setObjectName(f"org_{item.name}")
            self.fields[item.name] = widget
            form.addRow(buddy_label(label, widget), widget)

        self.regime = QComboBox()
        for regime in Regime:
            self.regime.addItem(regime.title, regime.value)
        self.regime.setCurrentIndex(self.regime.findData(settings.default_regime.value))
        self.letterhead = QLineEdit(settings.letterhead)
        self.letterhead.setPlaceholderText("the bundled letterhead")
        self.letterhead.setObjectName("letterhead")
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse_letterhead)
        bundled = QPushButton("&Use bundled")
        bundled.clicked.connect(self.letterhead.clear)
        letterhead_row = QHBoxLayout()
        letterhead_row.addWidget(self.letterhead, 1)
        letterhead_row.addWidget(browse)
        letterhead_row.addWidget(bundled)
        self.autosave = QSpinBox()
        self.autosave.setRange(1, 600)
        self.autosave.setSuffix(" seconds")
        self.autosave.setValue(settings.autosave_seconds)
        preferences = QGroupBox("Preferences")
        form = QFormLayout(preferences)
        form.addRow(buddy_label("Default &regime for new cases:", self.regime), self.regime)
        form.addRow(buddy_label("&Letterhead (.docx):", self.letterhead), letterhead_row)
        note = QLabel("A Word document whose header, footer and styles every letter uses.")
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(buddy_label("Aut&osave after:", self.autosave), self.autosave)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(organisation)
        layout.addWidget(preferences)
        layout.addWidget(self.buttons)

    def edited_settings(self) -> Settings:
        settings = copy.deepcopy(self.original)
        for name, widget in self.fields.items():
            if isinstance(widget, QSpinBox):
                value = widget.value()
            elif isinstance(widget, PlainTextField):
                value = widget.toPlainText()
            else:
                value = widget.text()
            setattr(settings.organisation, name, value)
        settings.default_regime = Regime(self.regime.currentData())
        settings.letterhead = self.letterhead.text().strip()
        settings.autosave_seconds = self.autosave.value()
        return settings

    def _browse_letterhead(self) -> None:
        start = str(Path(self.letterhead.text()).parent) if self.letterhead.text() else ""
        path, _filter = QFileDialog.getOpenFileName(self, "Choose a letterhead", start, "Word documents (*.docx)")
        if path:
            self.letterhead.setText(path)

    def _save(self) -> None:
        settings = self.edited_settings()
        if settings.letterhead and not Path(settings.letterhead).is_file():
            show_message(self, "Letterhead not found", f"{settings.letterhead} does not exist. Choose another file, "
                         "or Use bundled.")
            return
        try:
            save_settings(settings)
        except (OutputError, OSError) as exc:
            show_message(self, "Settings not saved", str(exc))
            return
        settings.problems = []
        self.applied.emit(settings)
        self.accept()
