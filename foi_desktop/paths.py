"""Where FOI Desktop keeps its files.

Settings live in the user's config folder; autosaves and the recent-files list in
the user's data folder. ``FOI_DESKTOP_HOME`` moves both under one folder, which
tests use (so they never touch the real user's files) and which makes a portable
install possible. IT can preset the organisation profile with a site settings
file, read before the user's own (see :func:`site_settings_files`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "FOI Desktop"
HOME_ENV = "FOI_DESKTOP_HOME"
SITE_SETTINGS_ENV = "FOI_DESKTOP_SITE_SETTINGS"
SITE_SETTINGS_NAME = "foi-desktop-settings.json"


def _home_override() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Folder for settings.json and the officer's own templates and letterhead."""
    home = _home_override()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False, roaming=True))


def data_dir() -> Path:
    """Folder for autosaves and the recent-files list."""
    home = _home_override()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def autosave_dir() -> Path:
    return data_dir() / "autosave"


def settings_file() -> Path:
    return config_dir() / "settings.json"


def templates_override_dir() -> Path:
    """An administrator's own copies of the wording templates, used before the bundled ones."""
    return config_dir() / "templates"


def site_settings_files() -> list[Path]:
    """Settings files that IT ships for every user, in the order they are applied.

    1. ``%PROGRAMDATA%\\FOI Desktop\\foi-desktop-settings.json`` (Windows, all users);
    2. ``foi-desktop-settings.json`` beside the executable of an installed build;
    3. the file named by ``FOI_DESKTOP_SITE_SETTINGS``.
    The user's own settings are applied after these, so they win.
    """
    candidates: list[Path] = []
    program_data = os.environ.get("PROGRAMDATA")
    if program_data and _home_override() is None:
        candidates.append(Path(program_data) / APP_DIR_NAME / SITE_SETTINGS_NAME)
    if getattr(sys, "frozen", False):
        candidates.append(Path(sys.executable).resolve().parent / SITE_SETTINGS_NAME)
    explicit = os.environ.get(SITE_SETTINGS_ENV, "").strip()
    if explicit:
        candidates.append(Path(explicit).expanduser())
    return candidates
