"""A small, explicit automation hook for end-to-end checks of the running application.

When ``FOI_DESKTOP_AUTOMATION`` names a JSON file, the window runs its steps
after starting and reports on standard output, one JSON object per line. Steps
go through the same widgets an officer uses (the text is typed into the field),
so autosave, undo and the preview see a real edit. Nothing runs unless the
variable is set. Steps (questions numbered from 1)::

    [{"select_question": 2},
     {"type": {"field": "explanation", "text": "More detail."}},
     {"save": "/path/case.foi"},
     {"quit": true}]

Events: ``{"event": "ready"}``, ``{"event": "step", "index": 0}``,
``{"event": "autosaved", "path": ...}``, ``{"event": "done"}``, ``{"event": "error", "message": ...}``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor

if TYPE_CHECKING:
    from foi_desktop.ui.main_window import MainWindow


def emit(event: str, **data: Any) -> None:
    print(json.dumps({"event": event, **data}), flush=True)


class Automation(QObject):
    def __init__(self, window: "MainWindow", script: Path) -> None:
        super().__init__(window)
        self.window = window
        self.script = script
        self.steps: list[dict[str, Any]] = []
        window.autosaver.saved.connect(lambda path: emit("autosaved", path=path))

    def fields(self) -> dict[str, Any]:
        editor = self.window.editor
        return {"explanation": editor.explanation, "question_text": editor.text, "notes": editor.notes}

    def run(self) -> None:
        try:
            steps = json.loads(self.script.read_text(encoding="utf-8"))
            if not isinstance(steps, list):
                raise ValueError("the script must be a list of steps")
        except (OSError, ValueError) as exc:
            emit("error", message=f"automation script {self.script}: {exc}")
            return
        self.steps = steps
        emit("ready")
        QTimer.singleShot(0, lambda: self._next(0))

    def _next(self, index: int) -> None:
        if index >= len(self.steps):
            emit("done")
            return
        step = self.steps[index]
        try:
            self._do(step)
        except Exception as exc:  # report and stop: a broken step must not look like success
            emit("error", message=f"step {index}: {exc.__class__.__name__}: {exc}")
            return
        emit("step", index=index)
        QTimer.singleShot(0, lambda: self._next(index + 1))

    def _do(self, step: dict[str, Any]) -> None:
        if "select_question" in step:
            self.window.select_question(int(step["select_question"]) - 1)
        elif "type" in step:
            field = self.fields()[step["type"]["field"]]
            field.setFocus()
            field.moveCursor(QTextCursor.MoveOperation.End)
            field.insertPlainText(str(step["type"]["text"]))
        elif "save" in step:
            self.window.save_case(step["save"])
        elif "quit" in step:
            self.window.close_discarding()
        else:
            raise ValueError(f"unknown step {sorted(step)}")
