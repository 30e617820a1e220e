"""The command line: sample and check, and its promise of one clear line and exit code 2 on failure."""

from __future__ import annotations

import subprocess
import sys

from foi_desktop.cli import main
from foi_desktop.core.fileformat import load_case


def test_sample_then_check(tmp_path, capsys):
    out = tmp_path / "x.foi"
    assert main(["sample", "-o", str(out)]) == 0
    assert load_case(out).subject == "Digitised records"
    assert main(["check", str(out)]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert line.startswith(f"{out}: OK")
    assert "5 questions" in line and "Digitised records" in line


def test_check_of_a_bad_file_is_one_line_and_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.foi"
    bad.write_bytes(b"\x00\x01binary")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("foi-desktop: error: bad.foi:")


def test_sample_into_a_missing_folder_leaves_nothing(tmp_path, capsys):
    assert main(["sample", "-o", str(tmp_path / "missing" / "x.foi")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing").exists()


def test_usage_errors_exit_2(capsys):
    assert main(["check"]) == 2
    assert main(["deadline", "not-a-date"]) == 2


def test_module_entry_point_runs(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "foi_desktop", "sample", "-o", str(tmp_path / "s.foi")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "s.foi").exists()


def test_usage_errors_are_one_line_too(capsys):
    assert main(["deadline", "2024-01-01", "--regime", "gdpr"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("foi-desktop: error:") and "gdpr" in err
    assert main(["a.foi", "b.foi"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_window_options_reach_the_window(monkeypatch):
    import foi_desktop.ui.app as app

    seen = {}
    monkeypatch.setattr(app, "run_window", lambda case, *, sample=False: seen.update(case=case, sample=sample) or 0)
    assert main(["--sample"]) == 0
    assert seen == {"case": None, "sample": True}
    assert main(["my case.foi"]) == 0
    assert seen == {"case": "my case.foi", "sample": False}
