"""Make pasted and received text predictable before anything tries to understand it.

Word, Outlook and web forms each leave their own marks: non-breaking spaces between
a number and its question, smart quotes, Shift+Enter as a vertical tab, page breaks as
form feeds, Windows line ends, zero-width characters. All of them become plain text
here, once, so the rest of intake deals with one kind of text. Tabs are kept: a
table pasted from Word or Excel is only recognisable by them.
"""

from __future__ import annotations

import re

_LINE_BREAKS = {
    "\x0b": "\n",  # Shift+Enter in Word and Outlook
    "\x0c": "\n",  # page break
    "\x1c": "\n",
    "\x1d": "\n",
    "\x1e": "\n",
    "\x85": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
}
_SPACES = dict.fromkeys(["\xa0", "\u2007", "\u202f", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
                         "\u2005", "\u2006", "\u2008", "\u2009", "\u200a", "\u205f", "\u3000"], " ")
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u2011": "-",  # non-breaking hyphen
}
_DROPPED = dict.fromkeys(["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\ufffe", "\uffff"], "")

_TABLE = str.maketrans({**_LINE_BREAKS, **_SPACES, **_QUOTES, **_DROPPED})
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def normalise_text(text: str) -> str:
    """Plain text with ``\\n`` line ends, ordinary spaces and quotes, no control characters.

    Trailing spaces are removed from each line, but tabs are kept (they mark table cells).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_TABLE)
    text = _CONTROL.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    return "\n".join(line.rstrip(" ") for line in text.split("\n"))


_WHITESPACE = re.compile(r"[ \t]+")


def tidy(text: str) -> str:
    """One line of question text: single spaces, no tabs, no surrounding space."""
    return _WHITESPACE.sub(" ", text).strip()
