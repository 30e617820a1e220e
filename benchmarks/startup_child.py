"""Child process for the start-up and memory figures: started fresh, reports, exits at once.

Run as a plain script (``python benchmarks/startup_child.py MODE [CASE]``) so that both
modes pay the same interpreter start and nothing of the benchmark package is imported
first. The parent notes ``time.monotonic()`` just before starting the process; this
script prints ``time.monotonic()`` at the main window's first paint event, so the
difference covers interpreter start, every import, building the window and the first
paint (CLOCK_MONOTONIC is system-wide on Linux, so the two clocks agree).

Modes:
  bare CASE?   a plain QApplication and QMainWindow: the floor for any Qt application
  app CASE     the real entry, ``foi_desktop.cli.main([CASE])``, with the window class
               swapped for a subclass that notes its first paint
  memory CASE  like ``app``, then an officer's first minute (a question selected, a
               keystroke, the preview redrawn, the letter exported to Word), reporting
               the peak resident memory (ru_maxrss) after each step

Prints one JSON line and leaves with ``os._exit`` so teardown is not counted.
"""

import json
import os
import resource
import sys
import time


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _finish(result: dict) -> None:
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    os._exit(0)


def _timed_window_class(base):
    """A subclass of ``base`` whose first paint event calls ``on_first_paint(window)``."""

    class FirstPaintWindow(base):
        on_first_paint = None
        _painted = False

        def paintEvent(self, event):  # noqa: N802 (Qt's name)
            if not FirstPaintWindow._painted:
                FirstPaintWindow._painted = True
                painted_at = time.monotonic()
                from PySide6.QtCore import QTimer

                # The rest of the first frame (the children) is painted before the loop runs again.
                QTimer.singleShot(0, lambda: FirstPaintWindow.on_first_paint(self, painted_at))
            super().paintEvent(event)

    return FirstPaintWindow


def _first_paint_report(window, painted_at: float) -> None:
    _finish({"painted": painted_at, "frame_done": time.monotonic(), "peak_mib": _peak_mib()})


def run_bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window_class = _timed_window_class(QMainWindow)
    window_class.on_first_paint = _first_paint_report
    window = window_class()
    window.setWindowTitle("Bare window")
    window.resize(1400, 900)
    window.show()
    sys.exit(app.exec())


def _install_app_hook(on_first_paint) -> None:
    import foi_desktop.ui.app as app_module

    window_class = _timed_window_class(app_module.MainWindow)
    window_class.on_first_paint = on_first_paint
    app_module.MainWindow = window_class  # run_window builds the window through this name


def run_app(case_path: str) -> None:
    _install_app_hook(_first_paint_report)
    from foi_desktop.cli import main

    sys.exit(main([case_path]))


def _officer_minute(window, painted_at: float) -> None:
    """After the first paint: what an officer does first, noting peak memory after each step."""
    import tempfile

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    steps = {"first_paint": _peak_mib()}
    app = QApplication.instance()
    window.select_question(len(window.document.case.questions) // 2)
    field = window.editor.explanation
    field.setFocus()
    for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(field, QKeyEvent(event_type, Qt.Key.Key_X, Qt.KeyboardModifier.NoModifier, "x"))
    app.processEvents()
    window.render_preview()
    app.processEvents()
    steps["after_typing"] = _peak_mib()
    with tempfile.TemporaryDirectory() as folder:
        window.export_letter(os.path.join(folder, "letter.docx"))
    steps["after_export"] = _peak_mib()
    window.document.undo_stack.setClean()  # nothing to ask about; the process ends here anyway
    _finish({"painted": painted_at, "steps_mib": steps, "peak_mib": _peak_mib()})


def run_memory(case_path: str) -> None:
    _install_app_hook(_officer_minute)
    from foi_desktop.cli import main

    sys.exit(main([case_path]))


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        run_bare()
    elif mode == "app":
        run_app(sys.argv[2])
    elif mode == "memory":
        run_memory(sys.argv[2])
    else:
        sys.exit(f"unknown mode {mode!r}: bare, app or memory")
