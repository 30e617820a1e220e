"""Test-wide setup: Qt offscreen, and a private FOI_DESKTOP_HOME so tests never touch the real user's folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def foi_home(tmp_path_factory, monkeypatch):
    """Every test gets its own settings and data folders."""
    home = tmp_path_factory.mktemp("foi-home")
    monkeypatch.setenv("FOI_DESKTOP_HOME", str(home))
    monkeypatch.delenv("FOI_DESKTOP_SITE_SETTINGS", raising=False)
    monkeypatch.delenv("PROGRAMDATA", raising=False)
    return home


@pytest.fixture
def sample_case():
    from foi_desktop.core.sample import load_sample

    return load_sample()
