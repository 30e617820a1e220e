"""The exemption catalogue as the window uses it, tolerant of a damaged catalogue file.

The catalogue belongs to the letter (``foi_desktop.core.exemptions``); the window
only lists a regime's entries and asks whether one is qualified (needs a public
interest test). Ids repeat across regimes (FOIA and FOISA section 26 differ), so
every look-up names the case's regime.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from foi_desktop.core.case import Regime


@lru_cache(maxsize=1)
def _catalogue() -> Any | None:
    from foi_desktop.core import exemptions

    try:
        return exemptions.load_catalogue()
    except (exemptions.CatalogueError, OSError, ValueError):
        return None


def catalogue_available() -> bool:
    return _catalogue() is not None


@lru_cache(maxsize=8)
def exemptions_for(regime: Regime) -> tuple[Any, ...]:
    catalogue = _catalogue()
    return tuple(catalogue.for_regime(regime)) if catalogue is not None else ()


def find(exemption_id: str, regime: Regime) -> Any | None:
    catalogue = _catalogue()
    return None if catalogue is None else catalogue.get(exemption_id, regime)


def describe(exemption: Any) -> str:
    kind = "absolute" if exemption.absolute else "qualified"
    return f"{exemption.section}: {exemption.name} ({kind})"


def needs_public_interest_test(exemption_ids: list[str], regime: Regime) -> bool:
    """Qualified exemptions and EIR exceptions (as the catalogue marks them) call for the balance."""
    for exemption_id in exemption_ids:
        exemption = find(exemption_id, regime)
        if exemption is None or not exemption.absolute:
            return True  # unknown: show the fields rather than hide a test the letter may need
    return False
