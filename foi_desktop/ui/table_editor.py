"""The grid of a table question: cells, editable row and column labels, rows and columns added or removed.

Labels are edited in two fields under the grid (for the current cell's row and
column) rather than by double-clicking headers, so they are reachable by keyboard
and announced by screen readers.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from foi_desktop.core.case import Table
from foi_desktop.ui import question_ops
from foi_desktop.ui.document import CaseDocument, FieldPath
from foi_desktop.ui.flow_layout import flow_container
from foi_desktop.ui.widgets import buddy_label, route_undo_keys


class TableEditor(QWidget):
    def __init__(self, document: CaseDocument, prefix: Callable[[], FieldPath], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.prefix = prefix  # the question's path
        self.grid = QTableWidget()
        self.grid.setObjectName("tableGrid")
        self.grid.setAccessibleName("Table cells")
        self.grid.setTabKeyNavigation(False)  # Tab leaves the grid; arrow keys move between cells
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.setWordWrap(True)
        self.row_label = QLineEdit()
        self.column_label = QLineEdit()
        route_undo_keys(self.row_label)
        route_undo_keys(self.column_label)
        labels = QGridLayout()
        labels.addWidget(buddy_label("Ro&w label:", self.row_label), 0, 0)
        labels.addWidget(self.row_label, 0, 1)
        labels.addWidget(buddy_label("&Column label:", self.column_label), 1, 0)
        labels.addWidget(self.column_label, 1, 1)
        self.add_row = QPushButton("Add row")
        self.remove_row = QPushButton("Remove row")
        self.add_column = QPushButton("Add column")
        self.remove_column = QPushButton("Remove column")
        self.remove_table = QPushButton("Remove table")
        self.remove_table.setToolTip("Turn this back into a question without a table (undo brings the table back)")
        buttons = flow_container(self.add_row, self.remove_row, self.add_column, self.remove_column,
                                 self.remove_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.grid)
        layout.addLayout(labels)
        layout.addWidget(buttons)
        self._updating = False
        self.grid.itemChanged.connect(self._on_cell_edited)
        self.grid.currentCellChanged.connect(lambda *_: self._show_labels())
        self.row_label.textEdited.connect(lambda text: self._edit_label("rows", self.grid.currentRow(), text))
        self.column_label.textEdited.connect(lambda text: self._edit_label("columns", self.grid.currentColumn(), text))
        self.add_row.clicked.connect(self._on_add_row)
        self.remove_row.clicked.connect(self._on_remove_row)
        self.add_column.clicked.connect(self._on_add_column)
        self.remove_column.clicked.connect(self._on_remove_column)
        self.remove_table.clicked.connect(lambda: self._replace(None, "Remove table"))

    # ------------------------------------------------------------------ model → view

    def table(self) -> Table | None:
        return self.document.get(tuple(self.prefix()) + ("table",))

    def refresh(self) -> None:
        table = self.table()
        if table is None:
            return
        self._updating = True
        try:
            grid = self.grid
            if grid.rowCount() != len(table.rows) or grid.columnCount() != len(table.columns):
                grid.setRowCount(len(table.rows))
                grid.setColumnCount(len(table.columns))
            grid.setVerticalHeaderLabels(table.rows)
            grid.setHorizontalHeaderLabels(table.columns)
            for r, row in enumerate(table.cells):
                for c, value in enumerate(row):
                    item = grid.item(r, c)
                    if item is None:
                        item = QTableWidgetItem(value)
                        grid.setItem(r, c, item)
                    elif item.text() != value:
                        item.setText(value)
            if table.rows and table.columns and grid.currentRow() < 0:
                grid.setCurrentCell(0, 0)
            header_height = grid.horizontalHeader().height() or grid.fontMetrics().height() + 10
            rows_height = sum(grid.rowHeight(r) for r in range(grid.rowCount()))
            scrollbar = grid.horizontalScrollBar().sizeHint().height()
            height = min(header_height + rows_height + 2 * grid.frameWidth() + scrollbar + 4, 320)
            grid.setFixedHeight(height)
        finally:
            self._updating = False
        self._show_labels()
        self.remove_row.setEnabled(len(table.rows) > 1)
        self.remove_column.setEnabled(len(table.columns) > 1)

    def _show_labels(self) -> None:
        table = self.table()
        if table is None:
            return
        row, column = self.grid.currentRow(), self.grid.currentColumn()
        row_text = table.rows[row] if 0 <= row < len(table.rows) else ""
        column_text = table.columns[column] if 0 <= column < len(table.columns) else ""
        if self.row_label.text() != row_text:
            self.row_label.setText(row_text)
        if self.column_label.text() != column_text:
            self.column_label.setText(column_text)
        self.row_label.setEnabled(0 <= row < len(table.rows))
        self.column_label.setEnabled(0 <= column < len(table.columns))

    # ------------------------------------------------------------------ view → model

    def _path(self, *parts) -> FieldPath:
        return tuple(self.prefix()) + ("table",) + parts

    def _on_cell_edited(self, item: QTableWidgetItem) -> None:
        if self._updating:
            return
        self.document.set_value(self._path("cells", item.row(), item.column()), item.text())

    def _edit_label(self, kind: str, index: int, text: str) -> None:
        table = self.table()
        if table is None or not 0 <= index < len(getattr(table, kind)):
            return
        self.document.set_value(self._path(kind, index), text, typing=True)

    def _replace(self, table: Table | None, text: str) -> None:
        label = self.document.get(tuple(self.prefix()) + ("label",))
        self.document.set_value(self._path(), table, text=f"{text} (question {label})")

    def _on_add_row(self) -> None:
        table = self.table()
        at = self.grid.currentRow() + 1 if self.grid.currentRow() >= 0 else len(table.rows)
        self._replace(question_ops.with_row_added(table, at), "Add row")
        self.grid.setCurrentCell(at, max(self.grid.currentColumn(), 0))
        self.row_label.setFocus()
        self.row_label.selectAll()

    def _on_remove_row(self) -> None:
        table = self.table()
        if len(table.rows) > 1 and self.grid.currentRow() >= 0:
            self._replace(question_ops.with_row_removed(table, self.grid.currentRow()), "Remove row")

    def _on_add_column(self) -> None:
        table = self.table()
        at = self.grid.currentColumn() + 1 if self.grid.currentColumn() >= 0 else len(table.columns)
        self._replace(question_ops.with_column_added(table, at), "Add column")
        self.grid.setCurrentCell(max(self.grid.currentRow(), 0), at)
        self.column_label.setFocus()
        self.column_label.selectAll()

    def _on_remove_column(self) -> None:
        table = self.table()
        if len(table.columns) > 1 and self.grid.currentColumn() >= 0:
            self._replace(question_ops.with_column_removed(table, self.grid.currentColumn()), "Remove column")
