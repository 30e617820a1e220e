"""The case's own details: a strip across the top (what an officer checks at a glance,
including the due date) and a fuller page for the rest."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from foi_desktop.core.case import Extension, Regime
from foi_desktop.core.settings import Settings
from foi_desktop.ui.binder import Binder
from foi_desktop.ui.deadline_text import DeadlineSummary
from foi_desktop.ui.document import CaseDocument, FieldPath, question_index
from foi_desktop.ui.flow_layout import flow_container
from foi_desktop.ui.widgets import OptionalDateEdit, PlainTextField, buddy_label, shrinkable

EXTENSION_LABELS = {
    Extension.NONE: "No extension",
    Extension.PUBLIC_INTEREST: "Public interest extension (FOIA s.10(3)): 20 more working days",
    Extension.EIR_COMPLEX: "Complex and voluminous (EIR reg. 7): 40 working days",
}

REGIME_SHORT_NAMES = {
    Regime.FOIA: "FOIA 2000",
    Regime.EIR: "EIR 2004",
    Regime.FOISA: "FOISA 2002",
    Regime.EIR_SCOTLAND: "EIR (Scotland) 2004",
}

DEADLINE_PATHS = {("received",), ("regime",), ("extension",), ("letter_date",), ("clarification", "requested"),
                  ("clarification", "received")}


class DeadlineBadge(QWidget):
    """The due date and the working days left, drawn in the highlight colours when time is short."""

    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setObjectName("dueDate")
        self.label.setAutoFillBackground(True)
        self.label.setMargin(4)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QToolButton()
        self.button.setText("How is this counted?")
        self.button.setAccessibleName("How the due date is counted")
        self.button.clicked.connect(self.details_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        self.urgent = False
        self.label.setText("Due date: counting…")  # the window counts it just after it is on screen

    def show_summary(self, summary: DeadlineSummary) -> None:
        self.urgent = summary.urgent
        self.label.setText(("⚠ " if summary.urgent else "") + summary.headline)
        font = self.label.font()
        font.setBold(summary.urgent)
        self.label.setFont(font)
        role_bg = QPalette.ColorRole.Highlight if summary.urgent else QPalette.ColorRole.Window
        role_fg = QPalette.ColorRole.HighlightedText if summary.urgent else QPalette.ColorRole.WindowText
        self.label.setBackgroundRole(role_bg)
        self.label.setForegroundRole(role_fg)
        tip = "\n".join(summary.explanation)
        self.label.setToolTip(tip)
        self.button.setToolTip(tip)
        self.label.setAccessibleName(f"Due date: {summary.headline}")


class CaseHeader(QWidget):
    """Reference, requester, date received, regime and the due date, always in view."""

    def __init__(self, document: CaseDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseHeader")
        self.document = document
        self.reference = QLineEdit()
        self.reference.setObjectName("reference")
        self.requester = QLineEdit()
        self.requester.setObjectName("requesterName")
        self.received = OptionalDateEdit("")
        self.received.setAccessibleName("Date received")
        self.regime = QComboBox()
        self.regime.setObjectName("regime")
        for regime in Regime:
            self.regime.addItem(REGIME_SHORT_NAMES[regime], regime.value)
            self.regime.setItemData(self.regime.count() - 1, regime.title, Qt.ItemDataRole.ToolTipRole)
        self.deadline = DeadlineBadge()
        self.reference.setMinimumWidth(self.fontMetrics().horizontalAdvance("FOI-2020-00000") + 12)
        self.requester.setMinimumWidth(self.fontMetrics().horizontalAdvance("Requester name here") + 12)
        units = []
        for label, widget in (
            ("&Reference:", self.reference),
            ("Reque&ster:", self.requester),
            ("Recei&ved:", self.received),
            ("Re&gime:", self.regime),
        ):
            unit = QWidget()
            row = QHBoxLayout(unit)
            row.setContentsMargins(0, 0, 6, 0)
            row.addWidget(buddy_label(label, widget))
            row.addWidget(widget)
            units.append(unit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(flow_container(*units, self.deadline, spacing=8))
        self.binder = Binder(document)
        self.binder.line(self.reference, ("reference",))
        self.binder.line(self.requester, ("requester", "name"))
        self.binder.optional_date(self.received, ("received",))
        self.binder.combo(self.regime, ("regime",), Regime)


class CaseDetailsPage(QWidget):
    """Everything else about the case: contact details, the clock, the letter's date and holding line, notes."""

    def __init__(self, document: CaseDocument, settings: Callable[[], Settings], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetails")
        self.document = document
        self.settings = settings

        self.subject = QLineEdit()
        self.email = QLineEdit()
        self.address = PlainTextField(lines=3)
        requester = QGroupBox("Request")
        form = QFormLayout(requester)
        form.addRow(buddy_label("Su&bject:", self.subject), self.subject)
        form.addRow(buddy_label("Requester's e&mail:", self.email), self.email)
        form.addRow(buddy_label("P&ostal address:", self.address), self.address)

        self.deadline_text = QLabel()
        self.deadline_text.setObjectName("deadlineExplanation")
        self.deadline_text.setWordWrap(True)
        self.deadline_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.extension = shrinkable(QComboBox())
        for extension, label in EXTENSION_LABELS.items():
            self.extension.addItem(label, extension.value)
        self.extension_note = QLabel()
        self.extension_note.setWordWrap(True)
        self.clarification_requested = OptionalDateEdit("Asked on")
        self.clarification_requested.setAccessibleName("Clarification asked for on")
        self.clarification_received = OptionalDateEdit("Received on")
        self.clarification_received.setAccessibleName("Clarification received on")
        clock = QGroupBox("Time for compliance")
        form = QFormLayout(clock)
        form.addRow(self.deadline_text)
        form.addRow(buddy_label("E&xtension:", self.extension), self.extension)
        form.addRow(self.extension_note)
        form.addRow(QLabel("Clarification:"), self.clarification_requested)
        form.addRow(QLabel(""), self.clarification_received)

        self.letter_date = OptionalDateEdit("Date the letter")
        self.letter_date.setAccessibleName("Letter date")
        self.letter_date.setToolTip("Leave unticked to date the letter on the day it is exported")
        self.holding = PlainTextField(lines=2)
        self.holding.setPlaceholderText("Leave empty to word it from the outcomes")
        self.organisation = QLabel()
        self.organisation.setWordWrap(True)
        letter = QGroupBox("Letter")
        form = QFormLayout(letter)
        form.addRow(buddy_label("&Letter date:", self.letter_date), self.letter_date)
        form.addRow(buddy_label("Holding sta&tement:", self.holding), self.holding)
        form.addRow(QLabel("Answered as:"), self.organisation)

        self.notes = PlainTextField(lines=3)
        self.notes.setObjectName("caseNotes")
        notes = QGroupBox("Internal notes: never sent to the requester")
        box = QVBoxLayout(notes)
        box.addWidget(buddy_label("Case &notes (kept in the case file only):", self.notes))
        box.addWidget(self.notes)

        layout = QVBoxLayout(self)
        for group in (requester, clock, letter, notes):
            layout.addWidget(group)
        layout.addStretch(1)

        b = self.binder = Binder(document)
        b.line(self.subject, ("subject",))
        b.line(self.email, ("requester", "email"))
        b.plain(self.address, ("requester", "address"))
        b.combo(self.extension, ("extension",), Extension)
        b.optional_date(self.clarification_requested, ("clarification", "requested"))
        b.optional_date(self.clarification_received, ("clarification", "received"))
        b.optional_date(self.letter_date, ("letter_date",))
        b.plain(self.holding, ("holding_statement",))
        b.plain(self.notes, ("notes",))

    def show_deadline(self, summary: DeadlineSummary) -> None:
        self.deadline_text.setText(summary.headline + "\n" + "\n".join(summary.explanation))

    def refresh_all(self) -> None:
        """Show the document's case in every field (when a case is opened, or the page is first built)."""
        self.binder.refresh_all()
        self.refresh_organisation()
        self.refresh_extension_note()

    def refresh_organisation(self) -> None:
        own = self.document.case.organisation is not None
        organisation = self.document.organisation(self.settings())
        name = organisation.name or "no organisation set: open Settings to enter yours"
        source = "this case's own details" if own else "your Settings"
        self.organisation.setText(f"{name} (from {source})")

    def refresh_extension_note(self) -> None:
        regime = self.document.case.regime
        if regime is Regime.FOISA:
            note = "FOISA allows no extension of the 20 working days."
        elif regime.is_environmental:
            note = "The EIR allow 40 working days in all for complex and voluminous requests."
        else:
            note = "FOIA allows reasonable extra time to consider the public interest (no more than 20 working days)."
        self.extension_note.setText(note)


def affects_deadline(path: FieldPath) -> bool:
    return question_index(path) is None and tuple(path) in DEADLINE_PATHS
