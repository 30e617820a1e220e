"""The officer's settings: the organisation profile set once, and a few preferences.

Settings are layered: built-in defaults, then any site files IT ships (see
:func:`foi_desktop.paths.site_settings_files`), then the user's own file. An
unreadable file never stops the app: it is reported, skipped and left untouched
(it is only replaced when the officer saves settings, after a backup copy).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from foi_desktop import paths
from foi_desktop.core.atomic import atomic_write
from foi_desktop.core.case import Organisation, Regime


@dataclass
class Settings:
    organisation: Organisation = field(default_factory=Organisation)
    default_regime: Regime = Regime.FOIA
    letterhead: str = ""  # path to a .docx; empty means the bundled letterhead
    autosave_seconds: int = 5
    problems: list[str] = field(default_factory=list, compare=False)  # what could not be read
    user_file_unreadable: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "organisation": dict(vars(self.organisation)),
            "default_regime": self.default_regime.value,
            "letterhead": self.letterhead,
            "autosave_seconds": self.autosave_seconds,
        }


def load_settings() -> Settings:
    settings = Settings()
    for source in [*paths.site_settings_files(), paths.settings_file()]:
        if not source.exists():
            continue
        try:
            data = json.loads(source.read_text(encoding="utf-8-sig"))
            if not isinstance(data, dict):
                raise ValueError("not a settings object")
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            settings.problems.append(
                f"The settings file {source} could not be read ({_reason(exc)}); default settings are used "
                "and the file has been left as it is."
            )
            if source == paths.settings_file():
                settings.user_file_unreadable = True
            continue
        _apply(settings, data, source)
    return settings


def save_settings(settings: Settings) -> Path:
    """Save the user's settings; an unreadable old file is kept beside as a backup."""
    target = paths.settings_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    if settings.user_file_unreadable and target.exists():
        backup = target.with_name(f"settings.unreadable-{time.strftime('%Y%m%d-%H%M%S')}.json")
        os.replace(target, backup)
        settings.user_file_unreadable = False
    payload = json.dumps(settings.to_dict(), ensure_ascii=False, indent=2) + "\n"
    atomic_write(target, payload.encode("utf-8"))
    return target


def _apply(settings: Settings, data: dict[str, Any], source: Path) -> None:
    org = data.get("organisation")
    if isinstance(org, dict):
        for item in fields(Organisation):
            value = org.get(item.name)
            if value is None:
                continue
            current = getattr(settings.organisation, item.name)
            if isinstance(current, int) and isinstance(value, int) and not isinstance(value, bool) and value > 0:
                setattr(settings.organisation, item.name, value)
            elif isinstance(current, str) and isinstance(value, str):
                setattr(settings.organisation, item.name, value)
            else:
                settings.problems.append(f"{source}: organisation setting \"{item.name}\" was ignored (wrong type).")
    regime = data.get("default_regime")
    if regime is not None:
        try:
            settings.default_regime = Regime(regime)
        except ValueError:
            settings.problems.append(f"{source}: unknown default regime \"{regime}\" was ignored.")
    letterhead = data.get("letterhead")
    if isinstance(letterhead, str):
        settings.letterhead = _resolve_relative(letterhead, source)
    seconds = data.get("autosave_seconds")
    if isinstance(seconds, int) and not isinstance(seconds, bool) and 1 <= seconds <= 600:
        settings.autosave_seconds = seconds


def _resolve_relative(value: str, source: Path) -> str:
    """A site file may name a letterhead beside itself (``"letterhead": "letterhead.docx"``)."""
    if not value:
        return value
    candidate = Path(value).expanduser()
    if not candidate.is_absolute():
        candidate = source.parent / candidate
    return str(candidate)


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"damaged at line {exc.lineno}"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
