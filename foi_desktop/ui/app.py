"""Starting the window: the application object, what opens first, recovery, and offscreen screenshots.

The application's start shows the window's frame first and opens the case right
after (see main_window.py); the modules that needs are imported then, not here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from foi_desktop.ui.main_window import APP_NAME, MainWindow, application_icon

if TYPE_CHECKING:
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
    """Render in a dark colour scheme whatever the system says, to check that every widget follows the palette.

    Asks the platform first; where it cannot switch (offscreen, some Linux desktops) a
    dark palette is set on the Fusion style, which is what a dark system theme provides.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    if app.palette().color(QPalette.ColorRole.Window).lightness() < 128:
        return
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#f0f0f0",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#3d3d3d",
        QPalette.ColorRole.Mid: "#303030",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.Highlight: "#3d7ad6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#7fb0ff",
        QPalette.ColorRole.LinkVisited: "#c79bff",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    app.setPalette(palette)


def start(window: MainWindow, case_path: str | None, *, sample: bool = False) -> RecoveryDialog | None:
    """What a fresh window shows: the case asked for (or the sample when asked), else the sample
    on a first start; then any drafts to recover."""
    from PySide6.QtCore import Qt

    from foi_desktop.ui import recent_files
    from foi_desktop.ui.autosave import find_orphaned_drafts
    from foi_desktop.ui.recovery_dialog import RecoveryDialog

    window.message_bar.show_messages(window.settings.problems)
    drafts = find_orphaned_drafts()
    if case_path:
        window.open_path(case_path)
    elif sample or (not recent_files.load_recent() and not drafts):
        window.load_sample()
    if not drafts:
        return None
    dialog = RecoveryDialog(drafts, window)
    dialog.recover_requested.connect(window.recover_draft)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.recovery_dialog = dialog
    dialog.open()
    return dialog


def open_window(case_path: str | None, *, sample: bool = False) -> MainWindow:
    """The application's window, shown in two steps: its frame now, the case once the frame is painted."""
    window = MainWindow(build=False)
    window.show()
    window.start_after_first_paint(lambda: start(window, case_path, sample=sample))
    return window


def run_window(case_path: str | None, *, sample: bool = False) -> int:
    app = create_application()
    window = open_window(case_path, sample=sample)
    script = os.environ.get("FOI_DESKTOP_AUTOMATION", "").strip()
    if script:
        window.settled.connect(lambda: _start_automation(window, Path(script)))
    code = app.exec()
    # Delete the windows while Qt is still whole, rather than leave them to the interpreter's shutdown.
    for widget in app.topLevelWidgets():
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)
    return code


def _start_automation(window: MainWindow, script: Path) -> None:
    from foi_desktop.ui.automation import Automation

    window.automation = Automation(window, script)
    QTimer.singleShot(0, window.automation.run)


def _quiet_offscreen_notice(mode, context, message: str) -> None:
    """The offscreen platform says it cannot pass size hints to a window manager it does not have; say nothing else away."""
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def render_screenshot(output: str | os.PathLike[str], case_path: str | None = None, *,
                      size: tuple[int, int] = DEFAULT_SCREENSHOT_SIZE, question: int | None = None,
                      dark: bool = False) -> Path:
    """Render the window offscreen with a case (the sample by default) and write a PNG atomically."""
    from PySide6.QtCore import QBuffer, QIODevice, qInstallMessageHandler

    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # must be set before the application object exists
    previous_handler = qInstallMessageHandler(_quiet_offscreen_notice)
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
        window.show()
        app.processEvents()
        window.render_preview()
        if question is not None:
            window.select_question(question - 1)
        for _ in range(3):  # new widgets are shown, then laid out, on later turns of the event loop
            app.processEvents()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not window.grab().save(buffer, "PNG"):
            raise RuntimeError("Qt could not encode the screenshot as PNG")
        from foi_desktop.core.atomic import atomic_write

        target = Path(output)
        atomic_write(target, bytes(buffer.data()))
        return target
    finally:
        window.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
        qInstallMessageHandler(previous_handler)
