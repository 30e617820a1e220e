"""The recent-files list, kept as JSON in the user's data folder.

Stored beside the autosaves rather than in QSettings (the Windows registry), so
``FOI_DESKTOP_HOME`` isolates it like every other file the app keeps, and a
damaged list costs the officer nothing but the list.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from foi_desktop import paths
from foi_desktop.core.atomic import OutputError, atomic_write

MAX_RECENT = 10
FILE_NAME = "recent-files.json"


def recent_file() -> Path:
    return paths.data_dir() / FILE_NAME


def load_recent() -> list[str]:
    try:
        data = json.loads(recent_file().read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    if not isinstance(data, list):
        return []
    return [item for item in data if isinstance(item, str) and item][:MAX_RECENT]


def _normalise(path: str | os.PathLike[str]) -> str:
    return str(Path(path).expanduser().absolute())


def add_recent(path: str | os.PathLike[str]) -> list[str]:
    """Put ``path`` first; the oldest entries fall off after :data:`MAX_RECENT`."""
    entry = _normalise(path)
    key = os.path.normcase(entry)
    items = [entry] + [item for item in load_recent() if os.path.normcase(item) != key]
    return _store(items[:MAX_RECENT])


def remove_recent(path: str | os.PathLike[str]) -> list[str]:
    key = os.path.normcase(_normalise(path))
    return _store([item for item in load_recent() if os.path.normcase(item) != key])


def clear_recent() -> list[str]:
    return _store([])


def _store(items: list[str]) -> list[str]:
    target = recent_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, (json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    except (OSError, OutputError):
        pass  # a list that cannot be remembered is not worth interrupting the officer for
    return items
