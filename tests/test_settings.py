"""Settings: layered site and user files, FOI_DESKTOP_HOME, and unreadable files that never stop the app."""

from __future__ import annotations

import json

from foi_desktop import paths
from foi_desktop.core.case import Regime
from foi_desktop.core.settings import Settings, load_settings, save_settings


def test_home_override_moves_config_and_data(foi_home):
    assert paths.config_dir() == foi_home / "config"
    assert paths.data_dir() == foi_home / "data"
    assert paths.autosave_dir().is_relative_to(foi_home)
    assert paths.settings_file().is_relative_to(foi_home)


def test_without_override_uses_platform_folders(monkeypatch):
    monkeypatch.delenv("FOI_DESKTOP_HOME")
    assert "FOI Desktop" in str(paths.config_dir())
    assert "FOI Desktop" in str(paths.data_dir())


def test_defaults_when_nothing_is_saved():
    settings = load_settings()
    assert settings == Settings()
    assert settings.problems == []
    assert settings.organisation.short_name == "the Council"
    assert settings.organisation.review_period_working_days == 40


def test_save_and_load_round_trip():
    settings = Settings()
    settings.organisation.name = "Borsetshire County Council"
    settings.organisation.foi_email = "foi@borsetshire.gov.uk"
    settings.organisation.cost_limit_hours = 24
    settings.default_regime = Regime.EIR
    save_settings(settings)
    assert load_settings() == settings


def test_unreadable_settings_fall_back_to_defaults_and_are_not_overwritten():
    target = paths.settings_file()
    target.parent.mkdir(parents=True)
    target.write_text('{"organisation": {"name": "Half wri', encoding="utf-8")
    settings = load_settings()
    assert settings.organisation.name == ""
    assert len(settings.problems) == 1 and "could not be read" in settings.problems[0]
    assert "left as it is" in settings.problems[0]
    assert target.read_text(encoding="utf-8") == '{"organisation": {"name": "Half wri'


def test_saving_over_an_unreadable_file_keeps_a_backup():
    target = paths.settings_file()
    target.parent.mkdir(parents=True)
    target.write_bytes(b"\xff\xfe garbage")
    settings = load_settings()
    settings.organisation.name = "New Council"
    save_settings(settings)
    backups = list(target.parent.glob("settings.unreadable-*.json"))
    assert len(backups) == 1 and backups[0].read_bytes() == b"\xff\xfe garbage"
    assert load_settings().organisation.name == "New Council"


def test_site_settings_from_it_apply_before_the_users_own(tmp_path, monkeypatch):
    site = tmp_path / "site" / "foi-desktop-settings.json"
    site.parent.mkdir()
    (site.parent / "letterhead.docx").write_bytes(b"")
    site.write_text(
        json.dumps(
            {
                "organisation": {"name": "Site Council", "foi_email": "foi@site.gov.uk", "cost_limit_hours": 18},
                "letterhead": "letterhead.docx",
                "default_regime": "foisa",
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("FOI_DESKTOP_SITE_SETTINGS", str(site))
    user = Settings()
    user.organisation.foi_email = "me@site.gov.uk"
    paths.settings_file().parent.mkdir(parents=True)
    paths.settings_file().write_text(json.dumps({"organisation": {"foi_email": "me@site.gov.uk"}}), encoding="utf-8")
    settings = load_settings()
    assert settings.organisation.name == "Site Council"
    assert settings.organisation.foi_email == "me@site.gov.uk"
    assert settings.default_regime is Regime.FOISA
    assert settings.letterhead == str(site.parent / "letterhead.docx")


def test_wrong_types_are_ignored_with_a_note():
    paths.settings_file().parent.mkdir(parents=True)
    paths.settings_file().write_text(
        json.dumps({"organisation": {"name": 5, "cost_limit_hours": "many"}, "default_regime": "gdpr"}), encoding="utf-8"
    )
    settings = load_settings()
    assert settings.organisation.name == "" and settings.organisation.cost_limit_hours == 18
    assert len(settings.problems) == 3
