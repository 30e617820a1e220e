"""Autosave and crash recovery.

A few seconds after an edit the case is written to the user's data folder
(``autosave/<id>.foi``) with a small index beside it (``<id>.json``: the file it
belongs to, the process, when). While the window runs it holds ``<id>.lock``
(a QLockFile naming its process). At start, any draft whose lock can be taken
belongs to a process that is gone (crashed, killed, the computer lost power) and
is offered for recovery. A clean save, or closing without saving, removes the
draft: it exists only while there is something to lose.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import shiboken6
from PySide6.QtCore import QLockFile, QObject, QTimer, Signal

from foi_desktop import paths
from foi_desktop.core.atomic import OutputError, atomic_write
from foi_desktop.core.case import Case
from foi_desktop.core.fileformat import CaseFileError, load_case, save_case
from foi_desktop.ui.document import CaseDocument

INDEX_FORMAT = "foi-desktop-autosave"


@dataclass
class Draft:
    """An autosaved case left behind by a process that is no longer running."""

    draft_id: str
    source: str | None  # the .foi file it belongs to; None for a case never saved
    saved_at: str
    title: str
    lock: QLockFile = field(repr=False)  # held while this process decides what to do with the draft

    @property
    def case_file(self) -> Path:
        return paths.autosave_dir() / f"{self.draft_id}.foi"

    def load(self) -> Case:
        return load_case(self.case_file)

    def discard(self) -> None:
        _remove_files(self.draft_id)
        self.lock.unlock()

    def release(self) -> None:
        """Keep the draft for another time (the officer chose "later")."""
        self.lock.unlock()

    def describe(self) -> str:
        where = Path(self.source).name if self.source else "never saved"
        try:
            when = _dt.datetime.fromisoformat(self.saved_at).strftime("%d %b %Y %H:%M")
        except ValueError:
            when = self.saved_at or "unknown time"
        return f"{self.title} ({where}), autosaved {when}"


def _files(draft_id: str) -> list[Path]:
    folder = paths.autosave_dir()
    return [folder / f"{draft_id}.foi", folder / f"{draft_id}.json"]


def _remove_files(draft_id: str) -> None:
    for path in _files(draft_id):
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:
            pass  # a draft that cannot be removed now is offered again later; nothing is lost


def _new_lock(draft_id: str) -> QLockFile:
    lock = QLockFile(str(paths.autosave_dir() / f"{draft_id}.lock"))
    lock.setStaleLockTime(0)  # only a dead owner makes a draft an orphan, never its age
    return lock


def find_orphaned_drafts() -> list[Draft]:
    """Drafts whose process has gone, newest first; each is locked for this process until decided."""
    folder = paths.autosave_dir()
    if not folder.is_dir():
        return []
    drafts = []
    for index in folder.glob("*.json"):
        draft_id = index.stem
        lock = _new_lock(draft_id)
        if not lock.tryLock(0):
            continue  # a running FOI Desktop owns it
        try:
            info = json.loads(index.read_text(encoding="utf-8"))
            if not isinstance(info, dict) or info.get("format") != INDEX_FORMAT:
                raise ValueError("not an autosave index")
        except (OSError, ValueError, UnicodeDecodeError):
            info = {}
        if not (folder / f"{draft_id}.foi").is_file():
            _remove_files(draft_id)  # an index without its draft protects nothing
            lock.unlock()
            continue
        drafts.append(
            Draft(
                draft_id=draft_id,
                source=info.get("source") if isinstance(info.get("source"), str) else None,
                saved_at=str(info.get("saved_at", "")),
                title=str(info.get("title") or "Untitled case"),
                lock=lock,
            )
        )
    drafts.sort(key=lambda draft: draft.saved_at, reverse=True)
    return drafts


class Autosaver(QObject):
    """Writes the document's draft a few seconds after an edit; removes it once nothing is at risk."""

    saved = Signal(str)  # the draft's path
    failed = Signal(str)  # a message for the officer

    def __init__(self, document: CaseDocument, seconds: Callable[[], int], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.seconds = seconds
        self.draft_id = f"{_dt.datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._lock: QLockFile | None = None
        self._written = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.write_now)
        document.undo_stack.indexChanged.connect(self._on_edit)
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)
        document.loaded.connect(self._on_loaded)

    @property
    def draft_path(self) -> Path:
        return paths.autosave_dir() / f"{self.draft_id}.foi"

    @property
    def has_draft(self) -> bool:
        return self._written

    def _alive(self) -> bool:
        """False while Qt tears the window down (the undo stack announces its own clearing)."""
        return shiboken6.isValid(self) and shiboken6.isValid(self.document.undo_stack)

    def _on_edit(self, _index: int) -> None:
        if not self._alive():
            return
        if self.document.is_modified and not self.timer.isActive():
            self.timer.start(max(1, self.seconds()) * 1000)

    def _on_clean_changed(self, clean: bool) -> None:
        if clean and self._alive():
            self.discard()

    def _on_loaded(self) -> None:
        self.discard()
        if self.document.is_modified:  # a recovered draft: keep it safe straight away under this process
            self.write_now()

    def write_now(self) -> bool:
        self.timer.stop()
        if not self.document.is_modified:
            return False
        folder = paths.autosave_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if self._lock is None:
                lock = _new_lock(self.draft_id)
                if not lock.tryLock(0):
                    raise OutputError(f"the autosave folder {folder} cannot be locked")
                self._lock = lock
            save_case(self.document.case, self.draft_path)
            index = {
                "format": INDEX_FORMAT,
                "source": str(self.document.path) if self.document.path else None,
                "pid": os.getpid(),
                "saved_at": _dt.datetime.now().isoformat(timespec="seconds"),
                "title": self.document.case.reference or self.document.case.subject or self.document.display_name,
            }
            atomic_write(folder / f"{self.draft_id}.json", (json.dumps(index, indent=2) + "\n").encode("utf-8"))
        except (OSError, OutputError, CaseFileError) as exc:
            self.failed.emit(f"Autosave failed: {exc}")
            return False
        self._written = True
        self.saved.emit(str(self.draft_path))
        return True

    def discard(self) -> None:
        """Remove this window's draft (after a save, or when the officer chose to discard changes)."""
        self.timer.stop()
        if self._written:
            _remove_files(self.draft_id)
            self._written = False
        if self._lock is not None:
            self._lock.unlock()  # removes the lock file
            self._lock = None
