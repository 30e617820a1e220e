"""Standard paragraphs (``resources/snippets.json``) an officer inserts into an explanation.

Kept as data so an information governance team can reword them without touching
code; placeholders are filled with the case's organisation and regime at the
moment of insertion, so the letter shows plain text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from foi_desktop.assets import read_text
from foi_desktop.core.case import Regime


@dataclass(frozen=True)
class Snippet:
    title: str
    text: str
    regimes: tuple[Regime, ...] = ()  # empty: offered for every regime

    def applies_to(self, regime: Regime) -> bool:
        return not self.regimes or regime in self.regimes

    def filled(self, short_name: str, regime: Regime) -> str:
        org = short_name.strip() or "the organisation"
        act = f"the {regime.title}"
        return (
            self.text.replace("{Org}", org[:1].upper() + org[1:])
            .replace("{org}", org)
            .replace("{Act}", act[:1].upper() + act[1:])
            .replace("{act}", act)
        )


def load_snippets() -> list[Snippet]:
    """The bundled paragraphs; a damaged file gives an empty menu rather than a crash."""
    try:
        data = json.loads(read_text("snippets.json"))
        items = data["snippets"]
        return [
            Snippet(
                title=str(item["title"]),
                text=str(item["text"]),
                regimes=tuple(Regime(value) for value in item.get("regimes", ())),
            )
            for item in items
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []
