"""The letter as it will be sent, beside the questions, with the refusal-notice check under it.

A keystroke changes a block or two of the letter, so the panel replaces only the
blocks that changed in the document it shows, in place (about 1 ms, where laying out
a 300-question letter again takes some 20 and moves the reader's place). It keeps
where each letter block starts in that document to know what to select. When the
letter changes too much (a question added near the top renumbers all that follow,
the regime rewrites every paragraph), or the shown document does not have the shape
the blocks predict, the whole page is set again: the result is the same either way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from foi_desktop.ui.letter_bridge import PAGE_END, Finding, Preview, PreviewBlock
from foi_desktop.ui.letter_diff import changed_span

LABEL_ROLE = Qt.ItemDataRole.UserRole
PATCH_SHARE = 0.5  # replace in place while the changed blocks are at most this share of the page; else set it all


class PreviewPanel(QWidget):
    finding_activated = Signal(str)  # the question label a finding is about

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser()
        self.browser.setObjectName("letterPreview")
        self.browser.setAccessibleName("Letter preview")
        self.browser.setOpenLinks(False)
        self.browser.setTabChangesFocus(True)
        self.browser.setUndoRedoEnabled(False)  # read-only: in-place updates must not pile up undo history
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
        self.updated_in_place = 0  # redraws that replaced only the changed blocks (for tests and benchmarks)
        self.laid_out_whole = 0  # redraws that set the whole page
        self._blocks: tuple[PreviewBlock, ...] = ()
        self._head = ""
        self._starts: list[int] | None = None  # where each letter block starts in the shown document
        self._findings: list[Finding] | None = None

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
            if self._update_in_place(preview):
                self.updated_in_place += 1
            else:
                self._set_page(preview)
            self.last_html = preview.html
        if preview.findings != self._findings:
            self._show_findings(preview.findings)

    # ------------------------------------------------------------------ the page

    def _set_page(self, preview: Preview) -> None:
        """Lay out the whole page again, keeping the reader's place."""
        self.laid_out_whole += 1
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.browser.setHtml(preview.html)
        bar.setValue(min(position, bar.maximum()))
        self._blocks, self._head = preview.blocks, preview.head
        self._starts = self._block_starts(preview.blocks) if preview.blocks else None

    def _update_in_place(self, preview: Preview) -> bool:
        """Replace the blocks that changed; False when the whole page should be set instead."""
        if self._starts is None or not preview.blocks or preview.head != self._head:
            return False
        span = changed_span(self._blocks, preview.blocks)
        if span is None:
            return False
        new_blocks = preview.blocks[span.first: span.new_last + 1]
        fragment = "".join(block.html for block in new_blocks)
        if len(fragment) > PATCH_SHARE * len(preview.html):
            return False
        document = self.browser.document()
        first_start = self._starts[span.first]
        last_block = document.findBlock(self._starts[span.old_last])
        last_end = last_block.position() + last_block.length() - 1  # before its paragraph separator
        size_before = document.characterCount()
        kept = document.findBlock(first_start)
        kept_format, kept_char_format = kept.blockFormat(), kept.charFormat()
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        cursor.setPosition(first_start)
        cursor.setPosition(last_end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertHtml(self._head + fragment + PAGE_END)
        # The paragraph the selection began in takes the block format of the one it ended in: put its own back.
        cursor.setPosition(first_start)
        cursor.setBlockFormat(kept_format)
        cursor.setBlockCharFormat(kept_char_format)
        cursor.endEditBlock()
        bar.setValue(min(position, bar.maximum()))
        shift = document.characterCount() - size_before
        starts = _top_level_starts(document, first_start, last_end + shift)
        if not _matches(starts, new_blocks):
            return False
        self._starts[span.first: span.old_last + 1] = _per_block(starts, new_blocks)
        for index in range(span.first + len(new_blocks), len(self._starts)):
            self._starts[index] += shift
        self._blocks = preview.blocks
        return True

    def _block_starts(self, blocks: tuple[PreviewBlock, ...]) -> list[int] | None:
        """Where each letter block starts in the document just set; None when it has another shape than expected."""
        document = self.browser.document()
        starts = _top_level_starts(document, 0, document.characterCount())
        return _per_block(starts, blocks) if _matches(starts, blocks) else None

    # ------------------------------------------------------------------ the refusal notice check

    def _show_findings(self, findings: list[Finding]) -> None:
        self._findings = list(findings)
        self.findings.clear()
        for finding in findings:
            prefix = f"Question {finding.question_label}: " if finding.question_label else ""
            item = QListWidgetItem(f"⚠ {prefix}{finding.message}")
            item.setData(LABEL_ROLE, finding.question_label)
            item.setToolTip("Click to go to the question" if finding.question_label else "")
            self.findings.addItem(item)
        count = self.problem_count = len(findings)
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


# ---------------------------------------------------------------------- the shown document's shape


def _top_level_starts(document: QTextDocument, first: int, last: int) -> list[tuple[int, bool]]:
    """The top-level text blocks and tables from position ``first`` to ``last``: (position, is a table).

    A table's cells are text blocks too; each table counts once, at its frame. Qt puts
    an empty text block after a table whose last cell ends in text, and between two
    tables; such a block counts as part of the table before it.
    """
    tables = sorted((frame.firstPosition(), frame.lastPosition()) for frame in document.rootFrame().childFrames())
    found: list[tuple[int, bool]] = []
    block = document.findBlock(first)
    table = 0
    while block.isValid() and block.position() <= last:
        position = block.position()
        while table < len(tables) and tables[table][1] < position:
            table += 1
        if table < len(tables) and tables[table][0] <= position:
            found.append((tables[table][0] - 1, True))
            block = document.findBlock(tables[table][1] + 1)
            table += 1
            if block.isValid() and block.length() == 1 and not _starts_a_table(block, tables, table):
                block = block.next()  # the empty block Qt adds after the table
            continue
        found.append((position, False))
        block = block.next()
    return found


def _starts_a_table(block, tables: list[tuple[int, int]], table: int) -> bool:
    return table < len(tables) and tables[table][0] - 1 == block.position()


def _matches(starts: list[tuple[int, bool]], blocks) -> bool:
    """Whether the document has exactly the text blocks and tables the letter blocks make."""
    expected = []
    for block in blocks:
        expected += [block.table] * block.text_blocks
    return [is_table for _position, is_table in starts] == expected


def _per_block(starts: list[tuple[int, bool]], blocks) -> list[int]:
    """The position where each letter block starts, from the positions of the text blocks it makes."""
    positions, index = [], 0
    for block in blocks:
        positions.append(starts[index][0])
        index += block.text_blocks
    return positions
