"""Recognise case details in the words of a request: who asked, where to reply, about what, and when.

These are small pure functions so that the email readers, the pasted-text cleaner and
the web-form reader all agree on what a name, a date or a subject looks like.
"""

from __future__ import annotations

import datetime as _dt
import re
from email.utils import parsedate_to_datetime

from foi_desktop.core.case import Regime

EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}")
WDTK_ADDRESS = re.compile(r"request-\d{1,10}-[0-9a-f]{4,16}@whatdotheyknow\.com", re.IGNORECASE)

# --------------------------------------------------------------------------- email addresses


def find_email(text: str) -> str:
    """The first email address in ``text``, or ""."""
    match = EMAIL.search(text[:20_000])
    return match.group(0).rstrip(".") if match else ""


def find_wdtk_address(text: str) -> str:
    """The WhatDoTheyKnow reply address of a request, which is where the answer must go."""
    match = WDTK_ADDRESS.search(text)
    return match.group(0).lower() if match else ""


def split_sender(value: str) -> tuple[str, str]:
    """``"Sam Taylor <sam@example.org>"`` → ("Sam Taylor", "sam@example.org")."""
    from email.utils import parseaddr

    value = value.strip()
    if "<" in value and value.rstrip().endswith(">"):
        name, _, address = value.rpartition("<")  # "Taylor, Sam <sam@…>" confuses parseaddr
        name, address = name.strip(), address.rstrip(">").strip()
    else:
        name, address = parseaddr(value)
    if "@" not in address:
        address = find_email(value)
    name = name.strip().strip('"').strip()
    if "@" in name:
        name = ""
    if "," in name and not name.endswith(","):
        last, _, first = name.partition(",")  # "Taylor, Sam" as Outlook shows it
        if first.strip() and " " not in last.strip():
            name = f"{first.strip()} {last.strip()}"
    return (name if looks_like_name(name) else ""), address


# --------------------------------------------------------------------------- names

_NAME_WORD = re.compile(r"^(?:[^\W\d_](?:[^\W\d_]|['\-])*\.?|(?:van|von|de|der|den|da|di|du|la|le|bin|al|ap|y)|\([^\W\d_]+\))$")
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al", "ap", "y"}
_NOT_NAMES = {
    "regards", "thanks", "thank", "yours", "faithfully", "sincerely", "best", "kind", "many", "dear", "sent",
    "from", "to", "subject", "date", "team", "council", "officer", "foi", "information", "request", "the",
    "please", "cheers", "disclaimer", "tel", "mobile", "phone", "email", "sir", "madam", "hello", "hi",
    "research", "analyst", "manager", "director", "secretary", "chair", "ltd", "limited", "plc", "university",
}


def looks_like_name(text: str) -> bool:
    """True for "Sam Taylor", "Dr Hannah Wright", "K. Patel", "Margaret O'Donnell", "Liam"."""
    text = text.strip()
    if not text or len(text) > 50 or any(ch.isdigit() for ch in text) or "@" in text:
        return False
    words = text.split()
    if not 1 <= len(words) <= 5:
        return False
    if any(word.lower().strip(".,") in _NOT_NAMES for word in words):
        return False
    if not words[0][:1].isupper():
        return False
    return all(_NAME_WORD.match(word) and (word[:1].isupper() or word[:1] == "(" or word in _PARTICLES) for word in words)


# --------------------------------------------------------------------------- subjects

_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fw|fwd|aw|tr)\s*(?:\[\d+\])?\s*:\s*"
    r"|\[?(?:external|ext)\]?\s*:?\s*"
    r"|(?:internal review of |follow[- ]up to )?"
    r"(?:(?:freedom of information|foi|foia|foisa|eir|environmental information(?: regulations)?)"
    r"(?:\s+(?:\(scotland\)\s+)?(?:act(?:\s+2000|\s+2002)?|regulations(?:\s+2004)?))?"
    r"(?:\s+(?:request|enquiry|inquiry|application))?)\s*(?:\s[-\u2013\u2014:]\s*|:\s*|[-\u2013\u2014]\s+|$)"
    r"|(?:request|enquiry)\s*(?:\s[-\u2013\u2014:]|:)\s*)",
    re.IGNORECASE,
)


def clean_subject(subject: str) -> str:
    """The subject of a request without "RE:", "FW:", "Freedom of Information request -" and the like."""
    subject = " ".join(subject.split())
    for _ in range(6):
        stripped = _SUBJECT_PREFIX.sub("", subject, count=1).strip()
        if stripped == subject:
            break
        subject = stripped
    subject = subject.strip(" -\u2013\u2014:")
    if subject.isupper() and len(subject) > 4:
        subject = subject.capitalize()
    elif subject and subject[0].islower():
        subject = subject[0].upper() + subject[1:]
    return subject[:200]


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")  # "2025-03-24T10:15:00Z" from a form's time stamp


def parse_date(text: str) -> _dt.date | None:
    """A date as email headers, Outlook and web forms write it (UK day-first for numeric dates)."""
    text = text.strip()[:200]
    if not text:
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        moment = None
    if moment is not None:
        return local_date(moment)
    match = _ISO.search(text)
    if match:
        return _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DAY_MONTH_YEAR.search(text)
    if match and match.group(2).lower() in _MONTHS:
        return _safe_date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    match = _MONTH_DAY_YEAR.search(text)
    if match and match.group(1).lower() in _MONTHS:
        return _safe_date(int(match.group(3)), _MONTHS[match.group(1).lower()], int(match.group(2)))
    match = _NUMERIC.search(text)
    if match:
        year = int(match.group(3))
        year += 2000 if year < 100 else 0
        return _safe_date(year, int(match.group(2)), int(match.group(1)))
    return None


def local_date(moment: _dt.datetime) -> _dt.date:
    """The UK calendar date of a moment: an email sent at 23:30 UTC in summer arrived the next day."""
    if moment.tzinfo is None:
        return moment.date()
    try:
        from zoneinfo import ZoneInfo

        return moment.astimezone(ZoneInfo("Europe/London")).date()
    except Exception:  # no time zone data (a bare Windows Python): the sender's own date is close enough
        return moment.date()


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    if not 1990 <= year <= 2100:
        return None
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


# --------------------------------------------------------------------------- regime

_EIR_SCOTLAND = re.compile(r"environmental information \(scotland\) regulations", re.IGNORECASE)
_FOISA = re.compile(r"freedom of information \(scotland\) act|\bFOISA\b", re.IGNORECASE)
_EIR = re.compile(r"(?i:environmental information regulations)|\bEIRs?\b")


def detect_regime(text: str) -> Regime:
    """The regime the requester names; FOIA when they name none (the officer decides in the end)."""
    text = " ".join(text.split())  # "Environmental Information\nRegulations" wrapped by the mail program
    if _EIR_SCOTLAND.search(text):
        return Regime.EIR_SCOTLAND
    if _FOISA.search(text):
        return Regime.FOISA
    if _EIR.search(text):
        return Regime.EIR
    return Regime.FOIA
