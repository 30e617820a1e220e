"""The open case as the window sees it: the model, its file, and its undo history.

Widgets never change the :class:`~foi_desktop.core.case.Case` directly. They ask
the document for a change (:meth:`CaseDocument.set_value` and friends), which
becomes an undoable command; the command writes the model and the document
announces what changed, so every view refreshes the same way after an edit, an
undo or a redo.

A value is addressed by a *path*: a tuple of attribute names and list indexes
from the case, e.g. ``("questions", 2, "answer", "explanation")``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from foi_desktop.core.case import Case, Organisation, Question
from foi_desktop.core.settings import Settings

FieldPath = tuple  # of str attribute names and int list indexes


def resolve(root: Any, path: FieldPath) -> Any:
    value = root
    for part in path:
        value = value[part] if isinstance(part, int) else getattr(value, part)
    return value


def assign(root: Any, path: FieldPath, value: Any) -> None:
    parent = resolve(root, path[:-1])
    last = path[-1]
    if isinstance(last, int):
        parent[last] = value
    else:
        setattr(parent, last, value)


def question_index(path: FieldPath) -> int | None:
    """The question a path points into, or None for a case-level field."""
    if len(path) >= 2 and path[0] == "questions" and isinstance(path[1], int):
        return path[1]
    return None


class CaseDocument(QObject):
    """One case being edited; see the module docstring for how edits flow."""

    value_changed = Signal(object)  # the FieldPath that changed
    questions_replaced = Signal(int)  # the question list changed shape; the index to select
    loaded = Signal()  # a different case replaced the whole model
    focus_requested = Signal(object)  # undo/redo touched this path: show it to the officer

    def __init__(self, parent: QObject | None = None, *, undo_stack: QUndoStack | None = None) -> None:
        """``undo_stack``: one made earlier (the window's menus use it before the document exists)."""
        super().__init__(parent)
        self.case = Case()
        self.path: Path | None = None
        self.untitled_name = "Untitled"
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)

    # ------------------------------------------------------------------ whole case

    def load(self, case: Case, path: Path | None, *, untitled_name: str = "Untitled", modified: bool = False) -> None:
        self.case = case
        self.path = Path(path) if path is not None else None
        self.untitled_name = untitled_name
        self.undo_stack.clear()
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self.loaded.emit()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path is not None else self.untitled_name

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.path = Path(path)
        self.undo_stack.setClean()

    def organisation(self, settings: Settings) -> Organisation:
        """Who answers this case: the case's own organisation over the officer's profile."""
        if self.case.organisation is None:
            return settings.organisation
        return self.case.organisation.merged_over(settings.organisation)

    # ------------------------------------------------------------------ reading and raw writes

    def get(self, path: FieldPath) -> Any:
        return resolve(self.case, path)

    def put(self, path: FieldPath, value: Any) -> None:
        """Write without undo: for commands only."""
        assign(self.case, path, copy.deepcopy(value))
        self.value_changed.emit(path)

    def put_questions(self, questions: list[Question], select: int) -> None:
        """Replace the question list without undo: for commands only."""
        self.case.questions = list(questions)
        self.questions_replaced.emit(select)

    # ------------------------------------------------------------------ undoable edits

    def set_value(self, path: FieldPath, value: Any, *, typing: bool = False, text: str | None = None) -> bool:
        """Change one value as an undoable step; ``typing`` merges a run of keystrokes into one step."""
        from foi_desktop.ui.commands import SetValue

        if self.get(path) == value:
            return False
        self.undo_stack.push(SetValue(self, path, value, typing=typing, text=text))
        return True

    def set_values(self, changes: list[tuple[FieldPath, Any]], text: str) -> bool:
        """Several values changed by one action (e.g. new options and the remapped choice): one undo step."""
        changes = [(path, value) for path, value in changes if self.get(path) != value]
        if not changes:
            return False
        from foi_desktop.ui.commands import SetValue

        self.undo_stack.beginMacro(text)
        for path, value in changes:
            self.undo_stack.push(SetValue(self, path, value))
        self.undo_stack.endMacro()
        return True

    def replace_questions(self, questions: list[Question], text: str, *, select: int) -> None:
        from foi_desktop.ui.commands import ReplaceQuestions

        self.undo_stack.push(ReplaceQuestions(self, questions, text=text, select=select))
