"""What the window says about the statutory deadline, in words (no Qt).

The due date is counted by :mod:`foi_desktop.core.deadlines`; this module only
decides how to put it to the officer: the due date, how many working days are
left (or how late the dated letter is), whether to draw attention to it, and
which non-working days pushed the date back.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from foi_desktop.core.case import Case
from foi_desktop.core.deadlines import response_deadline, working_days_left

URGENT_WORKING_DAYS = 5
WEEKEND_REASONS = ("Saturday", "Sunday")


@dataclass(frozen=True)
class DeadlineSummary:
    headline: str  # one line for the case header
    urgent: bool  # due within URGENT_WORKING_DAYS, due today, overdue, or the letter is late
    explanation: list[str]  # how the date was reached: one line each
    due: _dt.date | None = None


def long_date(value: _dt.date) -> str:
    return f"{value:%a} {value.day} {value:%b %Y}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summarise(case: Case, today: _dt.date) -> DeadlineSummary:
    if case.received is None:
        return DeadlineSummary("Due date: enter the date received", False, ["The due date is counted from the date the request was received."])
    deadline = response_deadline(
        case.received, case.regime, extension=case.extension, clarification=case.clarification
    )
    if deadline.on_hold or deadline.due is None:
        since = f" since {long_date(deadline.held_since)}" if deadline.held_since else ""
        return DeadlineSummary(
            f"Clock stopped{since}: waiting for clarification",
            False,
            [
                "The time for answering stops while clarification is awaited, and starts again from the "
                "day it is received. Enter that date under Case details."
            ],
        )
    due = deadline.due
    explanation = [_counted_from(case, deadline.start, deadline.working_days)]
    explanation += _skipped_lines(deadline.skipped)
    if case.letter_date is not None:
        left = working_days_left(case.letter_date, due, case.regime)
        if left >= 0:
            status, urgent = f"letter dated {long_date(case.letter_date)}: on time", False
        else:
            status, urgent = f"letter dated {long_date(case.letter_date)}: {_plural(-left, 'working day')} late", True
    else:
        left = working_days_left(today, due, case.regime)
        if left > 0:
            status = f"{_plural(left, 'working day')} left"
        elif left == 0:
            status = "due today"
        else:
            status = f"overdue by {_plural(-left, 'working day')}"
        urgent = left <= URGENT_WORKING_DAYS
    return DeadlineSummary(f"Due {long_date(due)} · {status}", urgent, explanation, due)


def _counted_from(case: Case, start: _dt.date, working_days: int) -> str:
    if case.clarification.received is not None and start != case.received:
        origin = f"after clarification was received on {long_date(start)}"
    else:
        origin = f"after the request was received on {long_date(start)}"
    return f"{working_days} working days {origin}."


def _skipped_lines(skipped) -> list[str]:
    holidays = [day for day in skipped if day.reason not in WEEKEND_REASONS]
    weekend_days = len(skipped) - len(holidays)
    lines = []
    if holidays:
        lines.append("Non-working days skipped:")
        lines += [f"  {long_date(day.date)}: {day.reason}" for day in holidays]
    if weekend_days:
        lines.append(f"{'Also skipped' if holidays else 'Skipped'}: {_plural(weekend_days, 'weekend day')}.")
    return lines
