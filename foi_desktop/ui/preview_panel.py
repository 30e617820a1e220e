"""The letter as it will be sent, beside the questions, with the refusal-notice check under it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from foi_desktop.ui.letter_bridge import Preview

LABEL_ROLE = Qt.ItemDataRole.UserRole


class PreviewPanel(QWidget):
    finding_activated = Signal(str)  # the question label a finding is about

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setObjectName("letterPreview")
        self.browser.setAccessibleName("Letter preview")
        self.browser.setOpenLinks(False)
        self.browser.setTabChangesFocus(True)
        self._paper(self.browser)
        title = QLabel("Letter preview")
        title.setBuddy(self.browser)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.findings_title = QLabel("Refusal notice check")
        self.findings_title.setFont(font)
        self.findings = QListWidget()
        self.findings.setObjectName("findings")
        self.findings.setAccessibleName("Refusal notice check findings")
        self.findings.setWordWrap(True)
        self.findings.itemActivated.connect(self._on_activated)
        self.findings.itemClicked.connect(self._on_activated)
        self.findings_title.setBuddy(self.findings)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(title)
        top_layout.addWidget(self.browser)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.findings_title)
        bottom_layout.addWidget(self.findings)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.last_html = ""
        self.problem_count = 0

    @staticmethod
    def _paper(browser: QTextBrowser) -> None:
        """The letter is shown as the sheet it will be printed on: dark text on white, in a dark scheme too.

        The letter's own styles assume paper (as Word shows pages white in dark mode), so
        the page keeps paper colours while everything around it follows the system.
        """
        palette = browser.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
            palette.setColor(group, QPalette.ColorRole.Base, QColor(Qt.GlobalColor.white))
            palette.setColor(group, QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
        browser.setPalette(palette)

    def show_preview(self, preview: Preview) -> None:
        if preview.html != self.last_html:
            bar = self.browser.verticalScrollBar()
            position = bar.value()
            self.browser.setHtml(preview.html)
            bar.setValue(min(position, bar.maximum()))
            self.last_html = preview.html
        self.findings.clear()
        for finding in preview.findings:
            prefix = f"Question {finding.question_label}: " if finding.question_label else ""
            item = QListWidgetItem(f"⚠ {prefix}{finding.message}")
            item.setData(LABEL_ROLE, finding.question_label)
            item.setToolTip("Click to go to the question" if finding.question_label else "")
            self.findings.addItem(item)
        count = self.problem_count = len(preview.findings)
        if count:
            self.findings_title.setText(f"Refusal notice check: {count} problem{'s' if count != 1 else ''} to fix")
        else:
            self.findings_title.setText("Refusal notice check: nothing missing")
            item = QListWidgetItem("✓ Nothing missing.")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.findings.addItem(item)

    def reveal(self, text: str) -> bool:
        """Scroll the letter so the passage starting with ``text`` (a question) is near the top."""
        words = " ".join(text.split())[:60]
        if not words:
            return False
        cursor = self.browser.document().find(words)
        if cursor.isNull():
            return False
        cursor.clearSelection()
        bar = self.browser.verticalScrollBar()
        top = self.browser.cursorRect(cursor).top() + bar.value()
        bar.setValue(max(0, top - self.browser.fontMetrics().lineSpacing() * 2))
        return True

    def _on_activated(self, item: QListWidgetItem) -> None:
        label = item.data(LABEL_ROLE)
        if label:
            self.finding_activated.emit(label)
