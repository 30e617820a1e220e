"""Start-up to first paint, FOI Desktop beside a bare Qt window, and peak memory: fresh processes.

Each run is a new ``python benchmarks/startup_child.py`` (see that file for what it
times) with Qt offscreen and its own empty FOI_DESKTOP_HOME, so no recent files,
drafts or settings of an earlier run change what the window does. Runs alternate
(FOI Desktop, bare, FOI Desktop, ...) so the machine's noise falls on both, and
one untimed run of each comes first so both start with warm disk caches.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.stats import summary

CHILD = Path(__file__).with_name("startup_child.py")
TIMEOUT_S = 60


class ChildFailed(RuntimeError):
    """A child process did not report; its stderr says why."""


def _child_env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FOI_DESKTOP_HOME"] = home
    env.pop("FOI_DESKTOP_SITE_SETTINGS", None)
    env.pop("FOI_DESKTOP_AUTOMATION", None)
    root = str(CHILD.resolve().parent.parent)  # FOI Desktop from this checkout, installed or not
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH", "")]))
    return env


def run_child(*args: str) -> tuple[dict, float]:
    """Start the child, return its report and the monotonic time just before it was started."""
    with tempfile.TemporaryDirectory() as home:
        env = _child_env(home)
        started = time.monotonic()
        process = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, text=True,
                                 env=env, timeout=TIMEOUT_S)
    lines = [line for line in process.stdout.splitlines() if line.startswith("{")]
    if process.returncode != 0 or not lines:
        raise ChildFailed(f"startup_child.py {' '.join(args)} failed (exit {process.returncode}): "
                          f"{process.stderr.strip()[-800:]}")
    return json.loads(lines[-1]), started


def measure_startup(case_path: Path, repeats: int = 9) -> dict:
    """Milliseconds from process start to the main window's first paint, and the app/bare ratio."""
    app_ms, bare_ms, app_frame_ms, ratios = [], [], [], []
    run_child("app", str(case_path))  # warm-up: disk caches, .pyc files
    run_child("bare")
    for _ in range(repeats):
        report, started = run_child("app", str(case_path))
        app = (report["painted"] - started) * 1000
        app_ms.append(app)
        app_frame_ms.append((report["frame_done"] - started) * 1000)
        report, started = run_child("bare")
        bare = (report["painted"] - started) * 1000
        bare_ms.append(bare)
        ratios.append(app / bare)
    app_median, bare_median = summary(app_ms)["median"], summary(bare_ms)["median"]
    return {
        "app_ms": summary(app_ms),
        "app_frame_done_ms": summary(app_frame_ms),
        "bare_ms": summary(bare_ms),
        "ratio_of_medians": round(app_median / bare_median, 3),
        "ratio_per_pair": summary(ratios),
        "case": case_path.name,
    }


def measure_memory(case_path: Path, repeats: int = 3) -> dict:
    """Peak resident memory (MiB) of the real app with the case open, typed in and exported."""
    peaks, steps, first_paint = [], [], []
    for _ in range(repeats):
        report, started = run_child("memory", str(case_path))
        peaks.append(report["peak_mib"])
        steps.append(report["steps_mib"])
        first_paint.append((report["painted"] - started) * 1000)
    middle = sorted(range(len(peaks)), key=peaks.__getitem__)[len(peaks) // 2]
    return {"peak_mib": summary(peaks), "steps_mib": steps[middle], "first_paint_ms": summary(first_paint),
            "case": case_path.name}
