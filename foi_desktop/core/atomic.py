"""Atomic file writes with messages an officer understands.

Every file FOI Desktop writes (cases, letters, settings, autosaves) goes through
:func:`atomic_write`: the bytes go to a temporary file beside the target, are
flushed and fsynced, then replace the target in one step. A crash, a full disk or
a letter that Word holds open never leaves a truncated or half-written file.
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


class OutputError(Exception):
    """A file could not be written; the message says why in plain words."""


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Cannot save {target.name}: the folder {folder} does not exist.")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(_describe(exc, target)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _replace(tmp_name, target)
    except BaseException as exc:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(_describe(exc, target)) from exc
        raise
    _fsync_folder(folder)


def _replace(tmp_name: str, target: Path) -> None:
    # On Windows a file that Word has open cannot be replaced; retrying briefly covers
    # the moment an antivirus scanner holds a fresh file.
    attempts = 5 if os.name == "nt" else 1
    for attempt in range(attempts):
        try:
            os.replace(tmp_name, target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            import time

            time.sleep(0.1)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _describe(exc: OSError, target: Path) -> str:
    if isinstance(exc, PermissionError):
        return (
            f"Cannot save {target.name}: it is open in another program (Word?) or you may not "
            f"write to {target.parent}. Close it, or choose another name, and try again."
        )
    if exc.errno == errno.ENOSPC:
        return f"Cannot save {target.name}: the disk is full. Free some space and try again; nothing was overwritten."
    if exc.errno == errno.EROFS:
        return f"Cannot save {target.name}: {target.parent} is read-only."
    if isinstance(exc, IsADirectoryError) or target.is_dir():
        return f"Cannot save: {target} is a folder, not a file."
    if isinstance(exc, FileNotFoundError):
        return f"Cannot save {target.name}: the folder {target.parent} does not exist."
    reason = exc.strerror or str(exc)
    return f"Cannot save {target.name}: {reason}."
