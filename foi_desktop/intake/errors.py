"""The one error intake raises: a request file that cannot be read, explained in plain words."""

from __future__ import annotations


class IntakeError(Exception):
    """A request cannot be read; the message is meant for the officer and names what to do."""
