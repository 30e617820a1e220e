"""Undoable edits of the case (QUndoCommand), named the way Edit ▸ Undo shows them.

Two commands cover every edit: :class:`SetValue` for one value anywhere in the
case (typing in a field merges into the previous step for the same field), and
:class:`ReplaceQuestions` for changes to the shape of the question list (add,
remove, reorder, split, merge).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from foi_desktop.core.case import Question
from foi_desktop.ui.document import FieldPath, question_index

if TYPE_CHECKING:
    from foi_desktop.ui.document import CaseDocument

TYPING_ID = 1001

CASE_FIELD_NAMES = {
    ("reference",): "reference",
    ("subject",): "subject",
    ("requester", "name"): "requester's name",
    ("requester", "email"): "requester's email",
    ("requester", "address"): "requester's address",
    ("received",): "date received",
    ("regime",): "regime",
    ("notes",): "case notes",
    ("holding_statement",): "holding statement",
    ("letter_date",): "letter date",
    ("extension",): "extension",
    ("clarification", "requested"): "clarification requested date",
    ("clarification", "received"): "clarification received date",
}

QUESTION_FIELD_NAMES = {
    ("text",): "question text",
    ("label",): "question number",
    ("notes",): "internal notes",
    ("options",): "options",
    ("table",): "table",
    ("answer", "outcome"): "outcome",
    ("answer", "choice"): "option chosen",
    ("answer", "explanation"): "explanation",
    ("answer", "exemptions"): "exemptions",
    ("answer", "location"): "where it is published",
    ("answer", "public_interest"): "public interest test",
    ("answer", "cost"): "cost estimate",
    ("table", "cells"): "table cell",
    ("table", "rows"): "row label",
    ("table", "columns"): "column label",
}


def describe(path: FieldPath) -> str:
    """'Edit explanation (question 3)': the wording of Edit ▸ Undo for a change to ``path``."""
    index = question_index(path)
    if index is None:
        return f"Edit {CASE_FIELD_NAMES.get(tuple(path), path[-1])}"
    rest = tuple(part for part in path[2:] if not isinstance(part, int))
    name = "question"
    for length in range(len(rest), 0, -1):
        if rest[:length] in QUESTION_FIELD_NAMES:
            name = QUESTION_FIELD_NAMES[rest[:length]]
            break
    return f"Edit {name} (question {index + 1})"


class SetValue(QUndoCommand):
    """Set one value; with ``typing`` consecutive edits of the same field become one step."""

    def __init__(self, document: "CaseDocument", path: FieldPath, value: Any, *, typing: bool = False,
                 text: str | None = None) -> None:
        super().__init__(text or describe(path))
        self.document = document
        self.path = tuple(path)
        self.old = copy.deepcopy(document.get(self.path))
        self.new = copy.deepcopy(value)
        self.typing = typing
        self._first_redo = True

    def id(self) -> int:  # noqa: A003 (Qt's name)
        return TYPING_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not isinstance(other, SetValue) or not other.typing or other.path != self.path:
            return False
        self.new = copy.deepcopy(other.new)
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        self.document.put(self.path, self.new)
        if not self._first_redo:
            self.document.focus_requested.emit(self.path)
        self._first_redo = False

    def undo(self) -> None:
        self.document.put(self.path, self.old)
        self.document.focus_requested.emit(self.path)


class ReplaceQuestions(QUndoCommand):
    """Swap the whole question list for another (lists of the same objects: cheap even for 300)."""

    def __init__(self, document: "CaseDocument", questions: list[Question], *, text: str, select: int,
                 select_on_undo: int | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.before = list(document.case.questions)
        self.after = list(questions)
        self.select = select
        self.select_on_undo = select if select_on_undo is None else select_on_undo

    def redo(self) -> None:
        self.document.put_questions(self.after, min(self.select, len(self.after) - 1))

    def undo(self) -> None:
        self.document.put_questions(self.before, min(self.select_on_undo, len(self.before) - 1))
