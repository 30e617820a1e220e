"""Starting the window: the application object, what opens first, recovery, and offscreen screenshots."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, Qt, QTimer
from PySide6.QtWidgets import QApplication

from foi_desktop.core.atomic import atomic_write
from foi_desktop.ui import recent_files
from foi_desktop.ui.autosave import find_orphaned_drafts
from foi_desktop.ui.main_window import APP_NAME, MainWindow, application_icon
from foi_desktop.ui.recovery_dialog import RecoveryDialog

DEFAULT_SCREENSHOT_SIZE = (1400, 900)


def create_application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setDesktopFileName("foi-desktop")
    app.setWindowIcon(application_icon())
    return app


def use_dark_scheme(app: QApplication) -> None:
    """Render in the dark colour scheme whatever the system says (for checking screenshots)."""
    app.setStyle("Fusion")
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark)


def start(window: MainWindow, case_path: str | None) -> RecoveryDialog | None:
    """What a fresh window shows: the case asked for, else the sample on a first start; then any drafts to recover."""
    window.message_bar.show_messages(window.settings.problems)
    drafts = find_orphaned_drafts()
    if case_path:
        window.open_path(case_path)
    elif not recent_files.load_recent() and not drafts:
        window.load_sample()
    if not drafts:
        return None
    dialog = RecoveryDialog(drafts, window)
    dialog.recover_requested.connect(window.recover_draft)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.recovery_dialog = dialog
    dialog.open()
    return dialog


def run_window(case_path: str | None) -> int:
    app = create_application()
    window = MainWindow()
    window.show()
    start(window, case_path)
    script = os.environ.get("FOI_DESKTOP_AUTOMATION", "").strip()
    if script:
        from foi_desktop.ui.automation import Automation

        window.automation = Automation(window, Path(script))
        QTimer.singleShot(0, window.automation.run)
    return app.exec()


def render_screenshot(output: str | os.PathLike[str], case_path: str | None = None, *,
                      size: tuple[int, int] = DEFAULT_SCREENSHOT_SIZE, question: int | None = None,
                      dark: bool = False) -> Path:
    """Render the window offscreen with a case (the sample by default) and write a PNG atomically."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # must be set before the application object exists
    app = create_application()
    if dark:
        use_dark_scheme(app)
    window = MainWindow()
    try:
        window.resize(*size)
        if case_path:
            window.open_case(case_path)
        else:
            window.load_sample()
        if question is not None:
            window.select_question(question - 1)
        window.show()
        app.processEvents()
        window.render_preview()
        app.processEvents()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not window.grab().save(buffer, "PNG"):
            raise RuntimeError("Qt could not encode the screenshot as PNG")
        target = Path(output)
        atomic_write(target, bytes(buffer.data()))
        return target
    finally:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
