"""What can go wrong while making a letter, in words an officer or administrator can act on."""

from __future__ import annotations

from foi_desktop.core.atomic import OutputError


class LetterError(Exception):
    """Base for letter problems; ``str()`` is a complete sentence for the officer."""


class LetterTemplateError(LetterError):
    """A wording template (usually an administrator's copy) is broken or does something not allowed."""


class LetterheadError(LetterError, OutputError):
    """The letterhead .docx cannot be used; the letter was not written."""
