"""The window with a large case: opening it, and a keystroke until the preview shows it.

``python -m benchmarks.window --questions 300 --repeats 5`` runs in its own process
(offscreen Qt, a private FOI_DESKTOP_HOME) and prints one JSON object; the functions
also run in-process on a window a test provides.

What is measured, and from where to where:

* open: ``MainWindow.open_case(path)`` until the event queue is drained (layout and the
  first paint of the new content included). Before each repeat the window holds a
  small case, so the letter preview really changes.
* keystroke → preview: from sending the key event to the explanation field until the
  preview panel has been given the new letter (its ``show_preview`` has returned), and
  until that has been painted. The window redraws on the next turn of the event loop
  (the timer's interval, read after each key, is reported as the wait); the redraw's
  parts are reported apart: building the letter and its HTML, and the panel updating
  the page (in place, replacing the changed blocks). For comparison, the time Qt takes
  to lay out the whole page again (``setHtml`` on a separate browser of the same size).
* typing: keys sent at a typist's uneven pace (some pauses long enough for a redraw);
  how late each key is handled shows how long the event loop was blocked.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.generate import generated_case
from benchmarks.stats import summary

TYPING_GAPS_MS = (60, 90, 130, 70, 240, 110, 180, 300)  # bursts as fast as 60 ms a key, and pauses
TYPED = "Forty two records are held by the archive team"


def drain(rounds: int = 3) -> None:
    """Run the event loop until what is queued now (and what that queues) has been handled."""
    from PySide6.QtCore import QEventLoop, QTimer

    for _ in range(rounds):
        loop = QEventLoop()
        QTimer.singleShot(0, loop.quit)
        loop.exec()


def write_cases(folder: Path, questions: int) -> tuple[Path, Path]:
    """The big case, and a small one to hold the window between openings."""
    from foi_desktop.core.fileformat import save_case

    big = folder / f"survey-{questions}.foi"
    small = folder / "small.foi"
    save_case(generated_case(questions), big)
    save_case(generated_case(3), small)
    return big, small


def measure_open(window, big: Path, small: Path, repeats: int) -> dict:
    timings, previews, pending_redraws = [], [], 0
    for _ in range(repeats):
        window.open_case(small)
        drain()
        started = time.perf_counter()
        window.open_case(big)
        drain()
        timings.append((time.perf_counter() - started) * 1000)
        previews.append(window.last_preview_ms)
        pending_redraws += int(window.preview_timer.isActive())
    return {
        "first_ms": round(timings[0], 2),
        "open_ms": summary(timings),
        "preview_part_ms": summary(previews),
        "redraws_still_pending": pending_redraws,
        "questions": window.question_list.model.rowCount(),
    }


def _key(widget, character: str) -> None:
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    code = Qt.Key.Key_Space if character == " " else Qt.Key(ord(character.upper()))
    for event_type in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(event_type, code, Qt.KeyboardModifier.NoModifier, character))


def _focus_explanation(window, index: int):
    from PySide6.QtGui import QTextCursor

    window.select_question(index)
    field = window.editor.explanation
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    drain()
    return field


def measure_keystroke(window, repeats: int, *, question: int | None = None) -> dict:
    """Keystroke → preview updated, one key at a time after a pause; and the redraw's parts."""
    from PySide6.QtCore import QEventLoop, QTimer

    from foi_desktop.ui.letter_bridge import build_preview
    from foi_desktop.ui.main_window import PREVIEW_DELAY_MS

    count = len(window.document.case.questions)
    field = _focus_explanation(window, count // 2 if question is None else question)
    panel = window.preview
    original = panel.show_preview
    shown: list[float] = []
    update_ms: list[float] = []
    loop = QEventLoop()

    def timed_show_preview(preview) -> None:
        started = time.perf_counter()
        original(preview)
        shown.append(time.perf_counter())
        update_ms.append((shown[-1] - started) * 1000)
        loop.quit()

    panel.show_preview = timed_show_preview
    in_place_before, whole_before = panel.updated_in_place, panel.laid_out_whole
    latency, painted, waits, key_ms, key_and_events_ms, redraw_ms, shows_text = [], [], [], [], [], [], []
    try:
        for index in range(repeats):
            shown.clear()
            started = time.perf_counter()
            _key(field, TYPED[index % len(TYPED)])
            key_ms.append((time.perf_counter() - started) * 1000)
            waits.append(window.preview_timer.interval() if window.preview_timer.isActive() else 0)
            drain(1)  # the turn of the event loop after the key: the field repainted, the preview redrawn
            key_and_events_ms.append((time.perf_counter() - started) * 1000)
            if not shown:
                guard = QTimer()
                guard.setSingleShot(True)
                guard.timeout.connect(loop.quit)
                guard.start(PREVIEW_DELAY_MS + 5000)
                loop.exec()
                guard.stop()
            if not shown:
                raise RuntimeError("the preview was not redrawn after a keystroke")
            latency.append((shown[0] - started) * 1000)
            drain()  # the preview's repaint: what the officer sees
            painted.append((time.perf_counter() - started) * 1000)
            redraw_ms.append(window.last_preview_ms)
            tail = field.toPlainText()[-12:].strip()
            shows_text.append(tail in panel.browser.toPlainText())
    finally:
        del panel.show_preview  # back to the class's method
    in_place, whole = panel.updated_in_place - in_place_before, panel.laid_out_whole - whole_before

    from PySide6.QtWidgets import QTextBrowser

    whole_page = QTextBrowser()  # not the panel's own: it keeps track of what its page holds
    whole_page.resize(panel.browser.size())
    build_ms, layout_ms = [], []
    for index in range(max(3, repeats // 2)):
        started = time.perf_counter()
        preview = build_preview(window.document.case, window.settings)
        built = time.perf_counter()
        whole_page.setHtml(preview.html + f"<!-- {index} -->")
        layout_ms.append((time.perf_counter() - built) * 1000)
        build_ms.append((built - started) * 1000)
    whole_page.deleteLater()
    return {
        "latency_ms": summary(latency),
        "latency_painted_ms": summary(painted),
        "debounce_ms": summary(waits),
        "debounce_max_ms": PREVIEW_DELAY_MS,
        "redraw_ms": summary(redraw_ms),
        "redraw_build_ms": summary(build_ms),
        "redraw_update_ms": summary(update_ms),
        "redraws": len(update_ms),
        "redraws_in_place": in_place,
        "redraws_whole_page": whole,  # the rest left the page as it was (a space the letter does not show)
        "whole_page_layout_ms": summary(layout_ms),
        "key_handling_ms": summary(key_ms),
        "key_with_repaint_ms": summary(key_and_events_ms),
        "preview_shows_text": all(shows_text),
    }


def measure_typing(window, keys: int, *, question: int | None = None) -> dict:
    """Keys at a typist's pace; each key's lateness is how long the event loop was busy."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    count = len(window.document.case.questions)
    field = _focus_explanation(window, count // 3 if question is None else question)
    redraws_before = _redraw_count(window)
    lateness: list[float] = []
    loop = QEventLoop()
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    state = {"sent": 0, "due": 0.0}

    def send() -> None:
        now = time.perf_counter()
        lateness.append(max(0.0, (now - state["due"]) * 1000))
        _key(field, TYPED[state["sent"] % len(TYPED)])
        state["sent"] += 1
        if state["sent"] >= keys:
            QTimer.singleShot(600, loop.quit)  # let the last redraw happen
            return
        gap = TYPING_GAPS_MS[state["sent"] % len(TYPING_GAPS_MS)]
        state["due"] = time.perf_counter() + gap / 1000
        timer.start(gap)

    timer.timeout.connect(send)
    state["due"] = time.perf_counter() + 0.05
    timer.start(50)
    loop.exec()
    return {
        "keys": keys,
        "gaps_ms": list(TYPING_GAPS_MS),
        "key_lateness_ms": summary(lateness),
        "redraws_during_typing": _redraw_count(window) - redraws_before,
    }


def _redraw_count(window) -> int:
    counter = getattr(window, "_benchmark_redraws", None)
    return counter[0] if counter else 0


def _count_redraws(window) -> None:
    """Count preview redraws (wraps the panel's show_preview on this instance)."""
    counter = [0]
    original = window.preview.show_preview

    def counted(preview) -> None:
        counter[0] += 1
        original(preview)

    window.preview.show_preview = counted
    window._benchmark_redraws = counter


def run_all(window, folder: Path, *, questions: int, repeats: int, typing_keys: int) -> dict:
    big, small = write_cases(folder, questions)
    results = {"questions": questions, "open": measure_open(window, big, small, repeats)}
    window.open_case(big)
    drain()
    results["keystroke"] = measure_keystroke(window, repeats * 2)
    _count_redraws(window)
    results["typing"] = measure_typing(window, typing_keys)
    del window.preview.show_preview
    window.document.undo_stack.setClean()  # nothing to save: the benchmark's edits are thrown away
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--typing-keys", type=int, default=24)
    args = parser.parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["FOI_DESKTOP_HOME"] = str(Path(folder) / "home")
        from PySide6.QtWidgets import QApplication

        from foi_desktop.core.settings import Settings
        from foi_desktop.ui.main_window import MainWindow

        app = QApplication(sys.argv[:1])  # noqa: F841 (kept alive for the window)
        window = MainWindow(Settings())
        window.resize(1400, 900)
        window.show()
        drain()
        results = run_all(window, Path(folder), questions=args.questions, repeats=args.repeats,
                          typing_keys=args.typing_keys)
    sys.stdout.write(json.dumps(results) + "\n")
    sys.stdout.flush()
    os._exit(0)  # skip teardown: nothing is left to save, and its time is not what we measure


if __name__ == "__main__":
    sys.exit(main())
