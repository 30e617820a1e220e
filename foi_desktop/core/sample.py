"""The bundled sample case: a real council response, so a new user sees a worked example."""

from __future__ import annotations

from pathlib import Path

from foi_desktop.assets import resource_path
from foi_desktop.core.case import Case
from foi_desktop.core.fileformat import load_case

SAMPLE_NAME = "digitised-records.foi"


def sample_path() -> Path:
    return resource_path("sample", SAMPLE_NAME)


def load_sample() -> Case:
    return load_case(sample_path())
