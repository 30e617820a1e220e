"""Short human descriptions of a case, for the command line and the window's status bar."""

from __future__ import annotations

from collections import Counter

from foi_desktop.core.case import Case


def one_line_summary(case: Case) -> str:
    count = len(case.questions)
    parts = [
        case.reference or "no reference",
        f"\u201c{case.subject}\u201d" if case.subject else "no subject",
        case.regime.title,
        f"{count} question{'s' if count != 1 else ''}",
    ]
    if case.received:
        parts.append(f"received {case.received.day} {case.received:%B %Y}")
    outcomes = Counter(q.answer.outcome.label_for(case.regime).lower() for q in case.questions)
    if outcomes:
        parts.append(", ".join(f"{n} {label}" for label, n in sorted(outcomes.items(), key=lambda item: -item[1])))
    return "; ".join(parts)
