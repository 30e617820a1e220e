"""The Qt binding itself must be sound: a refcount bug in it would crash the app after a few minutes of typing."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject


def test_calling_void_qt_methods_keeps_none_alive():
    """PySide6 6.12.0 lost one reference to None per call of a method returning nothing, so an
    officer's session aborted with "none_dealloc" after some hundreds of keystrokes (pinned out in
    pyproject.toml). Python 3.12+ makes None immortal, where the count no longer moves."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setObjectName("probe")
    lost = before - sys.getrefcount(None)
    assert lost < 50, f"the Qt binding lost {lost} references to None in 200 calls"
