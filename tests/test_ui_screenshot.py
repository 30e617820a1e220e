"""``foi-desktop screenshot``: the window rendered offscreen, for the README and for checks."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from foi_desktop.cli import main


def distinct_colours(path) -> int:
    image = QImage(str(path))
    step = max(1, image.width() // 60)
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_screenshot_of_the_sample(tmp_path, qapp, capsys):
    out = tmp_path / "window.png"
    assert main(["screenshot", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    assert distinct_colours(out) > 20  # a drawn window, not a blank canvas
    assert "Wrote a 1400x900 screenshot" in capsys.readouterr().out


def test_screenshot_of_a_case_at_a_size(tmp_path, qapp):
    case = tmp_path / "case.foi"
    assert main(["sample", "-o", str(case)]) == 0
    out = tmp_path / "small.png"
    assert main(["screenshot", str(out), str(case), "--size", "1100x700", "--question", "3"]) == 0
    assert QImage(str(out)).width() == 1100


def test_screenshot_errors_are_one_line(tmp_path, qapp, capsys):
    assert main(["screenshot", str(tmp_path / "x.png"), "--size", "huge"]) == 2
    assert main(["screenshot", str(tmp_path / "x.png"), str(tmp_path / "missing.foi")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "not a size" in err[0] and "does not exist" in err[1]
    assert not (tmp_path / "x.png").exists()


def test_screenshot_at_double_scale_and_in_the_dark(tmp_path):
    """Run apart: the scale factor and the colour scheme belong to a fresh application."""
    out = tmp_path / "dark2x.png"
    env = dict(os.environ, QT_SCALE_FACTOR="2")
    result = subprocess.run([sys.executable, "-m", "foi_desktop", "screenshot", str(out), "--dark"],
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2800, 1800)
    # the dark scheme: the window background is dark
    corner = image.pixelColor(image.width() - 10, image.height() // 2)
    assert corner.lightness() < 100, corner.name()
