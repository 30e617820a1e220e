"""Child process for the start-up and memory figures: started fresh, reports, exits at once.

Run as a plain script (``python benchmarks/startup_child.py MODE [CASE]``) so that both
modes pay the same interpreter start and nothing of the benchmark package is imported
first. The parent notes ``time.monotonic()`` just before starting the process; this
script prints ``time.monotonic()`` at the main window's first paint event, so the
difference covers interpreter start, every import, building the window and the first
paint (CLOCK_MONOTONIC is system-wide on Linux, so the two clocks agree). The CPU time
the process has used by then (``time.process_time()``) is reported too: it counts the
same work but not the time spent waiting for a busy machine's other processes.

FOI Desktop starts in two steps (see foi_desktop/ui/main_window.py): its first paint is
the window's frame (menus, toolbar, the panes with their headings). So the ``app`` mode
also reports when the window is *ready* (its ``ready`` signal: the editors built and the
case open in them, then the window repainted, so the case is on screen and editable)
and *settled* (its ``settled`` signal: the letter preview and the due date drawn too,
then repainted).

Modes:
  bare CASE?   a plain QApplication and QMainWindow: the floor for any Qt application
  app CASE     the real entry, ``foi_desktop.cli.main([CASE])``, with the window class
               swapped for a subclass that notes its first paint, ready and settled
  memory CASE  like ``app``, then once settled an officer's first minute (a question
               selected, a keystroke, the preview redrawn, the letter exported to Word),
               reporting the peak resident memory (ru_maxrss) after each step
  phases CASE  like ``app``, noting when each stage of start-up ends (imports, the
               application object, the frame, its first paint, ready, settled) and the
               time spent drawing the letter preview and counting the deadline

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
    """A subclass of ``base`` whose first paint event calls ``on_first_paint(window, painted_at)``."""

    class FirstPaintWindow(base):
        on_first_paint = None
        cpu_at_paint = 0.0
        _painted = False

        def paintEvent(self, event):  # noqa: N802 (Qt's name)
            if not FirstPaintWindow._painted:
                FirstPaintWindow._painted = True
                painted_at = time.monotonic()
                FirstPaintWindow.cpu_at_paint = time.process_time()
                from PySide6.QtCore import QTimer

                # The rest of the first frame (the children) is painted before the loop runs again.
                QTimer.singleShot(0, lambda: FirstPaintWindow.on_first_paint(self, painted_at))
            super().paintEvent(event)

    return FirstPaintWindow


def _when_started(window, marks: dict, then) -> None:
    """Note when ``window`` is ready and settled (each once repainted), then call ``then()``.

    A window made whole at once (no two-step start) is ready and settled at its first paint.
    """
    if getattr(window, "is_starting", False):
        def ready():
            window.repaint()
            marks["ready"] = time.monotonic()

        def settled():
            window.repaint()
            marks["settled"] = time.monotonic()
            then()

        window.ready.connect(ready)
        window.settled.connect(settled)
    else:
        marks["ready"] = marks["settled"] = marks["painted"]
        then()


def _first_paint_report(window, painted_at: float) -> None:
    marks = {"painted": painted_at, "frame_done": time.monotonic(), "cpu_s": type(window).cpu_at_paint}

    def report():
        marks["peak_mib"] = _peak_mib()
        _finish(marks)

    _when_started(window, marks, report)


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
    """Once the window has settled: what an officer does first, noting peak memory after each step."""
    marks = {"painted": painted_at}
    _when_started(window, marks, lambda: _officer_steps(window, marks))


def _officer_steps(window, marks: dict) -> None:
    import tempfile

    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    steps = {"settled": _peak_mib()}
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
    _finish({**marks, "steps_mib": steps, "peak_mib": _peak_mib()})


def run_memory(case_path: str) -> None:
    _install_app_hook(_officer_minute)
    from foi_desktop.cli import main

    sys.exit(main([case_path]))


def run_phases(case_path: str) -> None:
    """Where start-up time goes: the time each stage ends, and two costs summed across stages."""
    marks = {"script_started": time.monotonic()}
    import PySide6.QtWidgets  # noqa: F401 (its cost is a stage of its own)

    marks["qt_imported"] = time.monotonic()
    import foi_desktop.ui.app as app_module
    import foi_desktop.ui.main_window as window_module

    marks["window_modules_imported"] = time.monotonic()
    spent = {"preview_ms": 0.0, "previews": 0, "deadline_ms": 0.0, "deadlines": 0}

    def timed(function, name):
        def wrapper(*args, **kwargs):
            started = time.monotonic()
            try:
                return function(*args, **kwargs)
            finally:
                spent[f"{name}_ms"] += (time.monotonic() - started) * 1000
                spent[f"{name}s"] += 1
        return wrapper

    def staged(function, name):
        def wrapper(*args, **kwargs):
            result = function(*args, **kwargs)
            marks[name] = time.monotonic()
            return result
        return wrapper

    window_class = window_module.MainWindow

    def counted(method, name):
        """Time ``method`` when it does the work, not when it only notes the work for later."""
        def wrapper(self, *args, **kwargs):
            if getattr(self, "_holding", False):
                return method(self, *args, **kwargs)
            return timed(method, name)(self, *args, **kwargs)
        return wrapper

    window_class.render_preview = counted(window_class.render_preview, "preview")
    window_class.refresh_deadline = counted(window_class.refresh_deadline, "deadline")
    app_module.create_application = staged(app_module.create_application, "application_created")

    def report(window, painted_at: float) -> None:
        marks["first_paint"] = painted_at

        def done():
            marks["ready"], marks["settled"] = started["ready"], started["settled"]
            _finish({"marks": marks, "spent": spent, "painted": painted_at})

        started = {"painted": painted_at}
        _when_started(window, started, done)

    window_class = _timed_window_class(window_class)
    window_class.on_first_paint = report
    window_class.__init__ = staged(window_class.__init__, "frame_built")
    app_module.MainWindow = window_class
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
    elif mode == "phases":
        run_phases(sys.argv[2])
    else:
        sys.exit(f"unknown mode {mode!r}: bare, app, memory or phases")
