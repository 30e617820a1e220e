"""The exemption catalogue: what an officer may cite under each regime, and whether it is absolute.

The catalogue is data (``resources/exemptions.json``) so that a change in the law is an
edit to a file, not a release. Ids are what a case file stores (``"s43(2)"``,
``"reg12(4)(b)"``); they are unique within a regime but not across regimes (FOIA
section 26 is *Defence*, FOISA section 26 is *Prohibitions on disclosure*), so look
them up with the case's regime.

The ``regimes`` part holds the provisions the letter and the refusal-notice check
name (which section is the cost limit, who the regulator is) for each regime.
Each entry may also name the provision that lets an authority neither confirm nor
deny for it (FOIA s.31(3), FOISA s.18), or say there is none, so the check can warn
before a letter relies on a provision that does not exist.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from foi_desktop.core.case import Regime

CATALOGUE_FORMAT = "foi-desktop-exemptions"
REQUIRED_TERMS = (
    "title",
    "short",
    "exemption",
    "confirm_or_deny",
    "cost_limit",
    "advice",
    "accessible_elsewhere",
    "vexatious",
    "refusal_notice",
    "neither_confirm_nor_deny",
    "review",
    "regulator",
)


class CatalogueError(Exception):
    """The catalogue file is missing or damaged; the message names the problem."""


@dataclass(frozen=True)
class Exemption:
    """One exemption (FOIA, FOISA) or exception (EIR) as the letter cites it."""

    id: str
    section: str  # "section 43(2)", "regulation 12(4)(b)"
    name: str
    absolute: bool
    regime: Regime
    note: str = ""
    # The provision that lets the authority neither confirm nor deny for this exemption
    # ("section 31(3)"); "" when the law gives none (FOIA s.21, FOISA s.36), None when not recorded.
    neither_confirm_nor_deny: str | None = None

    @property
    def allows_neither_confirm_nor_deny(self) -> bool:
        """False only when the law is known to give no such provision for this exemption."""
        return self.neither_confirm_nor_deny != ""

    @property
    def needs_public_interest_test(self) -> bool:
        """Qualified exemptions and EIR exceptions must weigh the public interest."""
        return not self.absolute

    @property
    def label(self) -> str:
        return f"{self.section} ({self.name})"


@dataclass(frozen=True)
class Catalogue:
    exemptions: tuple[Exemption, ...]
    regime_terms: Mapping[Regime, Mapping[str, Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[tuple[Regime, str], Exemption] = {}
        for exemption in self.exemptions:
            index.setdefault((exemption.regime, _normalise_id(exemption.id)), exemption)
        object.__setattr__(self, "_index", index)

    def for_regime(self, regime: Regime) -> list[Exemption]:
        return [e for e in self.exemptions if e.regime is regime]

    def get(self, exemption_id: str, regime: Regime | None = None) -> Exemption | None:
        """The exemption with this id under ``regime``; without a regime, the first regime that has it."""
        key = _normalise_id(exemption_id)
        index: dict[tuple[Regime, str], Exemption] = self._index  # type: ignore[attr-defined]
        if regime is not None:
            return index.get((regime, key))
        for candidate in Regime:
            found = index.get((candidate, key))
            if found is not None:
                return found
        return None

    def terms(self, regime: Regime) -> Mapping[str, Any]:
        """The provisions a letter under ``regime`` names (see ``regimes`` in the catalogue file)."""
        return self.regime_terms[regime]


def _normalise_id(value: str) -> str:
    """Officers type "S.43(2)", "s 43 (2)" or "s43(2)": all mean the same entry."""
    text = "".join(value.split()).lower().replace(".", "")
    return text


def default_catalogue_path() -> Path:
    from foi_desktop.assets import resource_path

    return resource_path("exemptions.json")


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """The catalogue; the bundled one is read once per process."""
    if path is None:
        return _bundled_catalogue()
    return _read_catalogue(Path(path))


@lru_cache(maxsize=1)
def _bundled_catalogue() -> Catalogue:
    return _read_catalogue(default_catalogue_path())


def _read_catalogue(path: Path) -> Catalogue:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise CatalogueError(f"The exemption catalogue {path} is missing; reinstall FOI Desktop.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"The exemption catalogue {path} cannot be read: {exc}.") from None
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"The exemption catalogue {path} is damaged at line {exc.lineno}.") from None
    if not isinstance(data, dict) or data.get("format") != CATALOGUE_FORMAT:
        raise CatalogueError(f"{path} is not an FOI Desktop exemption catalogue.")
    return Catalogue(exemptions=_read_exemptions(data, path), regime_terms=_read_terms(data, path))


def _read_exemptions(data: dict[str, Any], path: Path) -> tuple[Exemption, ...]:
    items = data.get("exemptions")
    if not isinstance(items, list):
        raise CatalogueError(f"{path}: \"exemptions\" must be a list.")
    exemptions = []
    seen: set[tuple[Regime, str]] = set()
    for number, item in enumerate(items, start=1):
        where = f"{path.name}: exemption {number}"
        if not isinstance(item, dict):
            raise CatalogueError(f"{where} is not a set of named values.")
        try:
            regime = Regime(item.get("regime"))
        except ValueError:
            raise CatalogueError(f"{where} has an unknown regime {item.get('regime')!r}.") from None
        for key in ("id", "section", "name"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise CatalogueError(f"{where} needs a text \"{key}\".")
        if not isinstance(item.get("absolute"), bool):
            raise CatalogueError(f"{where} ({item['id']}) must say \"absolute\": true or false.")
        ncnd = item.get("neither_confirm_nor_deny")
        if ncnd is not None and ncnd is not False and not (isinstance(ncnd, str) and ncnd.strip()):
            raise CatalogueError(f"{where} ({item['id']}): \"neither_confirm_nor_deny\" must be a provision or false.")
        key = (regime, _normalise_id(item["id"]))
        if key in seen:
            raise CatalogueError(f"{where}: the id {item['id']!r} appears twice for {regime.title}.")
        seen.add(key)
        exemptions.append(
            Exemption(
                id=item["id"],
                section=item["section"],
                name=item["name"],
                absolute=item["absolute"],
                regime=regime,
                note=item.get("note", "") if isinstance(item.get("note", ""), str) else "",
                neither_confirm_nor_deny="" if ncnd is False else ncnd,
            )
        )
    return tuple(exemptions)


def _read_terms(data: dict[str, Any], path: Path) -> Mapping[Regime, Mapping[str, Any]]:
    regimes = data.get("regimes")
    if not isinstance(regimes, dict):
        raise CatalogueError(f"{path}: \"regimes\" must name the provisions of each regime.")
    terms: dict[Regime, Mapping[str, Any]] = {}
    for regime in Regime:
        entry = regimes.get(regime.value)
        if not isinstance(entry, dict):
            raise CatalogueError(f"{path}: \"regimes\" has nothing for {regime.value}.")
        missing = [key for key in REQUIRED_TERMS if key not in entry]
        if missing:
            raise CatalogueError(f"{path}: the {regime.value} entry lacks {', '.join(missing)}.")
        terms[regime] = MappingProxyType(dict(entry))
    return MappingProxyType(terms)
