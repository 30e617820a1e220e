"""Pick the exemptions (or EIR exceptions) an answer relies on, from the case's regime only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from foi_desktop.core.case import Regime
from foi_desktop.ui import catalogue

ID_ROLE = Qt.ItemDataRole.UserRole


class ExemptionPicker(QWidget):
    """A search box over a checkable list; checking an entry applies it to the answer."""

    exemptions_edited = Signal(list)  # the ids now applied, in catalogue order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by section or name, e.g. 43 or commercial")
        self.search.setAccessibleName("Search exemptions")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Exemptions")
        self.list.setObjectName("exemptionList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.summary)
        self.search.textChanged.connect(self._filter)
        self.list.itemChanged.connect(self._on_item_changed)
        self._regime: Regime | None = None
        self._updating = False
        row_height = self.list.fontMetrics().height() + 8
        self.list.setMinimumHeight(row_height * 5)
        self.list.setMaximumHeight(row_height * 7)

    def set_state(self, regime: Regime, applied: list[str]) -> None:
        """Show ``regime``'s catalogue with ``applied`` checked; ids from another regime are kept and flagged."""
        self._updating = True
        try:
            if regime != self._regime or not self._same_entries(regime, applied):
                self._rebuild(regime, applied)
            for row in range(self.list.count()):
                item = self.list.item(row)
                wanted = Qt.CheckState.Checked if item.data(ID_ROLE) in applied else Qt.CheckState.Unchecked
                if item.checkState() != wanted:
                    item.setCheckState(wanted)
            self._update_summary(applied)
        finally:
            self._updating = False
        self._filter(self.search.text())

    def applied(self) -> list[str]:
        return [
            self.list.item(row).data(ID_ROLE)
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def item_for(self, exemption_id: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == exemption_id:
                return self.list.item(row)
        return None

    # ------------------------------------------------------------------ internals

    def _same_entries(self, regime: Regime, applied: list[str]) -> bool:
        known = {entry.id for entry in catalogue.exemptions_for(regime)}
        extra = [item for item in applied if item not in known]
        shown = {self.list.item(row).data(ID_ROLE) for row in range(self.list.count())}
        return shown == known | set(extra)

    def _rebuild(self, regime: Regime, applied: list[str]) -> None:
        self._regime = regime
        self.list.clear()
        entries = catalogue.exemptions_for(regime)
        known = {entry.id for entry in entries}
        for entry in entries:
            self._add_item(entry.id, catalogue.describe(entry), f"{entry.section} {entry.name}")
        for exemption_id in applied:
            if exemption_id not in known:
                self._add_item(exemption_id, f"⚠ {exemption_id}: not part of the {regime.title}", exemption_id)
        if not entries:
            self.search.setPlaceholderText(
                "Search by section or name" if catalogue.catalogue_available() else "The exemption catalogue is not installed"
            )

    def _add_item(self, exemption_id: str, text: str, search_text: str) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setData(ID_ROLE, exemption_id)
        item.setData(Qt.ItemDataRole.UserRole + 1, search_text.lower())
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.list.addItem(item)

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = item.data(Qt.ItemDataRole.UserRole + 1) or ""
            matches = all(word in haystack for word in words)
            item.setHidden(not matches and item.checkState() != Qt.CheckState.Checked)

    def _update_summary(self, applied: list[str]) -> None:
        if applied:
            text = "Applied: " + ", ".join(applied)
            stray = self.stray(applied)
            if stray:
                text += (f"\n⚠ Not part of the {self._regime.title}: {', '.join(stray)}. "
                         "Untick it and tick this regime's equivalent.")
            self.summary.setText(text)
        else:
            self.summary.setText("None applied yet: tick the exemptions this answer relies on.")
        self.summary.setAccessibleName(self.summary.text())

    def stray(self, applied: list[str]) -> list[str]:
        """The ids applied that the case's regime does not have (kept from another regime, or a damaged catalogue)."""
        if self._regime is None or not catalogue.catalogue_available():
            return []
        known = {entry.id for entry in catalogue.exemptions_for(self._regime)}
        return [exemption_id for exemption_id in applied if exemption_id not in known]

    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        applied = self.applied()
        self._update_summary(applied)
        self.exemptions_edited.emit(applied)
