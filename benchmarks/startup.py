"""Start-up to first paint, FOI Desktop beside a bare Qt window, and peak memory: fresh processes.

Each run is a new ``python benchmarks/startup_child.py`` (see that file for what it
times) with Qt offscreen and its own empty FOI_DESKTOP_HOME, so no recent files,
drafts or settings of an earlier run change what the window does. Runs alternate
(FOI Desktop, bare, FOI Desktop, ...) so the machine's noise falls on both, and
one untimed run of each comes first so both start with warm disk caches.

The children keep compiled bytecode in a private cache (PYTHONPYCACHEPREFIX) even where
PYTHONDONTWRITEBYTECODE is set, as it is on some build machines: an installed copy
has its .pyc files (pip writes them, the PyInstaller build bundles them), so a
start-up that recompiles every module would measure the machine, not the app.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.stats import summary

CHILD = Path(__file__).with_name("startup_child.py")
TIMEOUT_S = 60


_bytecode_cache: list[str] = []


def bytecode_cache() -> str:
    """One private bytecode folder for all the children of this run, removed at exit."""
    if not _bytecode_cache:
        folder = tempfile.mkdtemp(prefix="foi-bench-pycache-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _bytecode_cache.append(folder)
    return _bytecode_cache[0]


class ChildFailed(RuntimeError):
    """A child process did not report; its stderr says why."""


def _child_env(home: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["FOI_DESKTOP_HOME"] = home
    env.pop("FOI_DESKTOP_SITE_SETTINGS", None)
    env.pop("FOI_DESKTOP_AUTOMATION", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = bytecode_cache()
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
    """Milliseconds from process start to the main window's first paint, and the app/bare ratio;
    and for FOI Desktop, to ready (the case shown and editable) and settled (preview and due date drawn)."""
    app_ms, bare_ms, app_frame_ms, ratios, app_cpu, bare_cpu = [], [], [], [], [], []
    ready_ms, settled_ms = [], []
    run_child("app", str(case_path))  # warm-up: disk caches, .pyc files
    run_child("bare")
    for _ in range(repeats):
        report, started = run_child("app", str(case_path))
        app = (report["painted"] - started) * 1000
        app_ms.append(app)
        app_frame_ms.append((report["frame_done"] - started) * 1000)
        ready_ms.append((report["ready"] - started) * 1000)
        settled_ms.append((report["settled"] - started) * 1000)
        app_cpu.append(report["cpu_s"] * 1000)
        report, started = run_child("bare")
        bare = (report["painted"] - started) * 1000
        bare_ms.append(bare)
        bare_cpu.append(report["cpu_s"] * 1000)
        ratios.append(app / bare)
    app_median, bare_median = summary(app_ms)["median"], summary(bare_ms)["median"]
    return {
        "app_ms": summary(app_ms),
        "app_frame_done_ms": summary(app_frame_ms),
        "app_ready_ms": summary(ready_ms),
        "app_settled_ms": summary(settled_ms),
        "bare_ms": summary(bare_ms),
        "ratio_of_medians": round(app_median / bare_median, 3),
        "ratio_per_pair": summary(ratios),
        "app_cpu_ms": summary(app_cpu),
        "bare_cpu_ms": summary(bare_cpu),
        "cpu_ratio_of_medians": round(summary(app_cpu)["median"] / summary(bare_cpu)["median"], 3),
        "case": case_path.name,
    }


def measure_memory(case_path: Path, repeats: int = 3) -> dict:
    """Peak resident memory (MiB) of the real app with the case open, typed in and exported."""
    peaks, steps, first_paint, ready = [], [], [], []
    for _ in range(repeats):
        report, started = run_child("memory", str(case_path))
        peaks.append(report["peak_mib"])
        steps.append(report["steps_mib"])
        first_paint.append((report["painted"] - started) * 1000)
        ready.append((report["ready"] - started) * 1000)
    middle = sorted(range(len(peaks)), key=peaks.__getitem__)[len(peaks) // 2]
    return {"peak_mib": summary(peaks), "steps_mib": steps[middle], "first_paint_ms": summary(first_paint),
            "ready_ms": summary(ready), "case": case_path.name}


PHASES = (
    ("script_started", "interpreter start"),
    ("qt_imported", "import PySide6.QtWidgets"),
    ("window_modules_imported", "import the window's modules"),
    ("application_created", "QApplication, icon, argument parsing"),
    ("frame_built", "the window's frame (menus, toolbar, empty panes)"),
    ("first_paint", "show and paint the frame: FIRST PAINT"),
    ("ready", "build the editors, open the case, paint: READY"),
    ("settled", "draw the letter preview, count the due date: SETTLED"),
)


def measure_phases(case_path: Path, repeats: int = 5) -> dict:
    """Medians of how long each start-up stage takes, and of the preview and deadline work within them."""
    stages: dict[str, list[float]] = {name: [] for name, _label in PHASES}
    spent: dict[str, list[float]] = {}
    run_child("phases", str(case_path))  # warm-up
    for _ in range(repeats):
        report, started = run_child("phases", str(case_path))
        previous = started
        for name, _label in PHASES:
            at = report["marks"][name]
            stages[name].append((at - previous) * 1000)
            previous = at
        for key, value in report["spent"].items():
            spent.setdefault(key, []).append(value)
    return {
        "stages_ms": {name: summary(values) for name, values in stages.items()},
        "spent": {key: summary(values) for key, values in spent.items()},
    }


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.startup [CASE]``: where FOI Desktop's start-up time goes."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=main.__doc__)
    parser.add_argument("case", nargs="?", type=Path, help="a .foi file (default: the bundled sample)")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        case_path = args.case
        if case_path is None:
            from foi_desktop.core.fileformat import save_case
            from foi_desktop.core.sample import load_sample

            case_path = Path(folder) / "digitised-records.foi"
            save_case(load_sample(), case_path)
        phases = measure_phases(case_path, args.repeats)
    total = 0.0
    print(f"Start-up of FOI Desktop with {case_path.name}, medians of {args.repeats} runs (ms):")
    for name, label in PHASES:
        value = phases["stages_ms"][name]["median"]
        total += value
        print(f"  {label:<55} {value:7.1f}")
    print(f"  {'sum of the medians':<55} {total:7.1f}")
    spent = phases["spent"]
    print(f"Within those: drawing the letter preview {spent['preview_ms']['median']:.1f} ms "
          f"({spent['previews']['median']:.0f} times), counting the deadline {spent['deadline_ms']['median']:.1f} ms "
          f"({spent['deadlines']['median']:.0f} times)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
