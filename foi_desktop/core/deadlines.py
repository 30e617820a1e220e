"""Statutory deadlines: working days as each access regime defines them.

FOIA s.10(6) (also used by the EIR in England, Wales and Northern Ireland) makes
every bank holiday in *any* part of the UK a non-working day, as well as
Christmas Day and Good Friday, so an English deadline skips St Andrew's Day and
the Twelfth of July. FOISA s.73 (also used by the Scottish EIR) only skips
Scotland's bank holidays and Christmas Day. The holiday dates come from the
``holidays`` package, never from a list kept here, so proclaimed one-off days
and moved holidays follow the package's updates.

The window recalculates on every edit, so each year's holidays are looked up
once per regime and kept. ``holidays`` is imported on the first look-up, not with
this module: importing it loads every country the package knows (some 100 ms),
which the window does not need before it is on screen.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache

from foi_desktop.core.case import Clarification, Extension, Regime

RESPONSE_WORKING_DAYS = 20  # FOIA s.10(1), EIR reg.5(2), FOISA s.10(1), EIS reg.5(2)
EXTENDED_WORKING_DAYS = 40  # FOIA s.10(3) (+20, the ICO's accepted maximum), EIR / EIS reg.7(1)
REVIEW_RESPONSE_WORKING_DAYS = 20  # FOIA s.45 code of practice, FOISA s.21(1)
REVIEW_REQUEST_WORKING_DAYS = 40  # FOIA s.45 code of practice, FOISA s.20(5)

# The parts of the UK, in the order a reason names them.
_UK_PARTS = {"ENG": "England", "WLS": "Wales", "SCT": "Scotland", "NIR": "Northern Ireland"}
_SCOTLAND_ONLY = ("SCT",)

# How the holiday names read in a letter or on screen (the package's own names otherwise).
_DISPLAY_NAMES = {
    "Saint Andrew's Day": "St Andrew's Day",
    "Saint Patrick's Day": "St Patrick's Day",
    "New Year Holiday": "2 January bank holiday",
    "May Day": "Early May bank holiday",
    "Spring Bank Holiday": "Spring bank holiday",
    "Summer Bank Holiday": "Summer bank holiday",
    "Late Summer Bank Holiday": "Late summer bank holiday",
}
_OBSERVED_SUFFIX = " (observed)"
_WEEKEND = {5: "Saturday", 6: "Sunday"}


@dataclass(frozen=True)
class NonWorkingDay:
    date: _dt.date
    reason: str  # "Saturday", "Good Friday", "St Andrew's Day (Scotland)"


@dataclass(frozen=True)
class Deadline:
    """A count of working days and the date it lands on, with the days it stepped over."""

    start: _dt.date  # the day after which counting begins (receipt, or clarification received)
    working_days: int
    due: _dt.date | None  # None when on hold
    skipped: tuple[NonWorkingDay, ...]  # non-working days between start (exclusive) and due (inclusive), in order
    on_hold: bool = False
    held_since: _dt.date | None = None  # when clarification was asked for, while on hold


# --------------------------------------------------------------------------- the calendar


def _parts_for(regime: Regime) -> tuple[str, ...]:
    return _SCOTLAND_ONLY if regime.is_scottish else tuple(_UK_PARTS)


def _display_name(name: str) -> str:
    if name.endswith(_OBSERVED_SUFFIX):
        base = name[: -len(_OBSERVED_SUFFIX)]
        return f"Substitute day for {_DISPLAY_NAMES.get(base, base)}"
    return _DISPLAY_NAMES.get(name, name)


def _where(parts: set[str], considered: tuple[str, ...]) -> str:
    """Where a holiday is kept, when not everywhere the regime looks: " (Scotland)"."""
    if len(considered) == 1 or parts.issuperset(considered):
        return ""
    names = [_UK_PARTS[part] for part in considered if part in parts]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f" ({listed})"


@lru_cache(maxsize=512)
def _holiday_reasons(year: int, parts: tuple[str, ...]) -> dict[_dt.date, str]:
    """Every holiday of ``year`` in ``parts`` of the UK, with a readable reason.

    A year the package does not cover gives no holidays (weekends still count),
    so a far-off date never raises.
    """
    import holidays

    kept_by: dict[_dt.date, dict[str, set[str]]] = {}
    for part in parts:
        try:
            calendar = holidays.country_holidays("GB", subdiv=part, years=year, language="en_GB")
        except (NotImplementedError, ValueError, KeyError):
            continue
        for day in calendar:
            for name in calendar.get_list(day):
                kept_by.setdefault(day, {}).setdefault(name, set()).add(part)
    reasons: dict[_dt.date, str] = {}
    for day, names in kept_by.items():
        reasons[day] = "; ".join(_display_name(name) + _where(kept, parts) for name, kept in names.items())
    return reasons


def non_working_reason(day: _dt.date, regime: Regime) -> str | None:
    """Why ``day`` is not a working day under ``regime``, or None when it is one."""
    holiday = _holiday_reasons(day.year, _parts_for(regime)).get(day)
    weekend = _WEEKEND.get(day.weekday())
    if weekend and holiday:
        return f"{weekend}: {holiday}"
    return weekend or holiday


def is_working_day(day: _dt.date, regime: Regime) -> bool:
    return non_working_reason(day, regime) is None


def _weekdays_up_to(day: _dt.date) -> int:
    """Mondays to Fridays from 1 January of year 1 (a Monday) to ``day`` inclusive."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def count_working_days(after: _dt.date, until: _dt.date, regime: Regime) -> int:
    """Working days ``d`` with ``after < d <= until`` (0 when ``until`` is not later)."""
    if until <= after:
        return 0
    count = _weekdays_up_to(until) - _weekdays_up_to(after)
    parts = _parts_for(regime)
    for year in range(after.year, until.year + 1):
        count -= sum(
            1 for day in _holiday_reasons(year, parts) if after < day <= until and day.weekday() < 5
        )
    return count


# --------------------------------------------------------------------------- counting


def add_working_days(start: _dt.date, count: int, regime: Regime) -> Deadline:
    """The ``count``-th working day after ``start`` (``start`` itself never counts).

    Raises ValueError for a negative count, or when the answer would fall after
    the last date Python can represent (31 December 9999).
    """
    if count < 0:
        raise ValueError(f"cannot count {count} working days")
    day = start
    counted = 0
    skipped: list[NonWorkingDay] = []
    one_day = _dt.timedelta(days=1)
    try:
        while counted < count:
            day += one_day
            reason = non_working_reason(day, regime)
            if reason is None:
                counted += 1
            else:
                skipped.append(NonWorkingDay(day, reason))
    except OverflowError:
        raise ValueError(f"{count} working days after {start.isoformat()} is past the end of the calendar") from None
    return Deadline(start=start, working_days=count, due=day, skipped=tuple(skipped))


def extension_applies(regime: Regime, extension: Extension) -> bool:
    """Whether the law of ``regime`` allows extra time: FOISA has no extension at all.

    FOIA's public interest extension and the EIR's 40 days for complex requests are
    both "the extended time" of their regime, so a case switched between FOIA and
    EIR keeps its extension rather than silently losing it.
    """
    return extension is not Extension.NONE and regime is not Regime.FOISA


def response_working_days(regime: Regime, extension: Extension = Extension.NONE) -> int:
    return EXTENDED_WORKING_DAYS if extension_applies(regime, extension) else RESPONSE_WORKING_DAYS


def response_deadline(
    received: _dt.date,
    regime: Regime,
    *,
    extension: Extension = Extension.NONE,
    clarification: Clarification | None = None,
) -> Deadline:
    """When the response is due: 20 (or 40) working days after receipt.

    Once clarification was asked for, the clock stops until it arrives and then
    starts again from nothing on the day it arrives (FOIA s.1(3) and s.10(6),
    FOISA s.1(3) and s.10(1)(b), EIR reg.9). While it is awaited the deadline is
    on hold and has no due date.
    """
    working_days = response_working_days(regime, extension)
    start = received
    if clarification is not None:
        if clarification.received is not None:
            # A clarification dated before the request itself is a typing slip: never go earlier.
            start = max(received, clarification.received)
        elif clarification.requested is not None:
            return Deadline(
                start=received,
                working_days=working_days,
                due=None,
                skipped=(),
                on_hold=True,
                held_since=clarification.requested,
            )
    return add_working_days(start, working_days, regime)


def working_days_left(today: _dt.date, due: _dt.date, regime: Regime) -> int:
    """Working days still available: 0 on the due day, negative when overdue.

    When overdue the value is minus the working days late, and at least -1: on
    the Saturday after a Friday deadline the response is already late.
    """
    if today <= due:
        return count_working_days(today, due, regime)
    return -max(1, count_working_days(due, today, regime))


def review_request_deadline(
    letter_date: _dt.date, regime: Regime, working_days: int = REVIEW_REQUEST_WORKING_DAYS
) -> Deadline:
    """The last day the requester can ask for an internal review of the letter."""
    return add_working_days(letter_date, max(0, working_days), regime)


def review_response_deadline(review_received: _dt.date, regime: Regime) -> Deadline:
    """When the internal review's outcome is due (FOIA code of practice, FOISA s.21(1))."""
    return add_working_days(review_received, REVIEW_RESPONSE_WORKING_DAYS, regime)
