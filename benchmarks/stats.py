"""Medians over repeated runs: these machines are shared and noisy, so one run proves nothing."""

from __future__ import annotations

import statistics


def summary(values: list[float]) -> dict:
    """Median, spread and the raw values (ms or MiB), rounded for the results file."""
    values = list(values)
    return {
        "median": round(statistics.median(values), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
        "runs": [round(value, 2) for value in values],
    }
