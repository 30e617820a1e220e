"""Which blocks of the letter an edit changed, so the preview can replace only those (no Qt).

Typing in one answer changes one block of a letter that may have a thousand; the rest
keep their HTML. The run that changed is found from the common beginning and end of
the two block lists, then widened to an unchanged plain paragraph on each side: a
paragraph is one text block in Qt's document, so it is a safe place to cut and paste,
where a list item or a table is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Sequence


class Block(Protocol):
    html: str
    paragraph: bool


@dataclass(frozen=True)
class Span:
    """Old blocks ``first..old_last`` become new blocks ``first..new_last`` (inclusive).

    Both ends are unchanged plain paragraphs, replaced by themselves.
    """

    first: int
    old_last: int
    new_last: int

    def old_count(self) -> int:
        return self.old_last - self.first + 1

    def new_count(self) -> int:
        return self.new_last - self.first + 1


def changed_span(old: Sequence[Block], new: Sequence[Block]) -> Span | None:
    """The blocks to replace, or None when the lists are the same or no paragraph bounds the change."""
    shortest = min(len(old), len(new))
    prefix = 0
    while prefix < shortest and old[prefix].html == new[prefix].html:
        prefix += 1
    if prefix == len(old) == len(new):
        return None
    suffix = 0
    while suffix < shortest - prefix and old[-1 - suffix].html == new[-1 - suffix].html:
        suffix += 1
    first = prefix - 1
    while first >= 0 and not old[first].paragraph:
        first -= 1
    old_last = len(old) - suffix
    while old_last < len(old) and not old[old_last].paragraph:
        old_last += 1
    if first < 0 or old_last >= len(old):
        return None
    return Span(first, old_last, old_last - len(old) + len(new))
