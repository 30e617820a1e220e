"""Access to the data files in ``resources/`` (templates, catalogue, sample, letterhead, icons).

The folder sits beside the package in a source checkout, is installed as
``foi_desktop._resources`` by pip, and is unpacked under ``sys._MEIPASS`` in a
PyInstaller build. One function hides the difference.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir.parent / "resources")  # source checkout or editable install
    candidates.append(package_dir / "_resources")  # wheel install
    for candidate in candidates:
        if (candidate / "sample").is_dir():
            return candidate
    raise FileNotFoundError("FOI Desktop's resources folder is missing; reinstall the application.")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")
