"""Separate the request from what came with it: greetings, sign-offs, signatures,
the WhatDoTheyKnow footer, quoted earlier messages, web-form fields and pasted headers.

Nothing is deleted from the text the officer sees: cleaning returns the numbers of the
lines that carry the request, and the case details it recognised on the way (the
requester's name from the sign-off, the reply address from the footer, the subject and
date from pasted headers). Each rule is deliberately narrow; a line that is not clearly
noise is kept, because losing part of a question is worse than showing a greeting.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from foi_desktop.intake import details
from foi_desktop.intake.markers import QUESTION_START


@dataclass
class Line:
    number: int  # index of the line in the source text shown to the officer
    text: str


@dataclass
class Found:
    """Case details noticed while cleaning; the first source to find a detail wins."""

    name: str = ""  # from pasted headers or a web form
    signed_name: str = ""  # from the sign-off: how the requester names themself
    email: str = ""
    reply_email: str = ""  # a WhatDoTheyKnow address: replies must go there
    address: str = ""
    subject: str = ""
    received: _dt.date | None = None
    took_earlier_message: bool = False  # the request was below a "-----Original Message-----" line

    def offer(self, **values) -> None:
        for key, value in values.items():
            if value and not getattr(self, key):
                setattr(self, key, value)


# --------------------------------------------------------------------------- patterns

_HEADER = re.compile(r"^\s*\*?(from|sent|date|to|cc|bcc|subject|importance|attachments?|reply-to)\s*:\*?\s?(.*)$", re.IGNORECASE)
_ORIGINAL = re.compile(
    r"^\s*-{2,}\s*(?:original message|forwarded message|original|message d'origine|weitergeleitete nachricht)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_FORWARDED = re.compile(r"^\s*(?:-{2,}\s*forwarded message|begin forwarded message)", re.IGNORECASE)
_BEGIN_FORWARD = re.compile(r"^\s*begin forwarded message:?\s*$", re.IGNORECASE)
_ON_WROTE = re.compile(r"^\s*on\b.{4,250}\bwrote:\s*$", re.IGNORECASE)
_ON_START = re.compile(r"^\s*on\s+(?:mon|tue|wed|thu|fri|sat|sun|\d{1,2}|[a-z]{3,9}\s+\d)", re.IGNORECASE)
_RULE = re.compile(r"^\s*_{8,}\s*$")
_WDTK_FOOTER = re.compile(
    r"please use this email address for all replies to this request"
    r"|^\s*disclaimer: this message and any reply that you make will be published",
    re.IGNORECASE,
)
_DASH_RULE = re.compile(r"^\s*[-=_*~]{10,}\s*$")
_SIGNATURE_DELIMITER = re.compile(r"^--\s*$")
_MOBILE = re.compile(
    r"^\s*(?:sent from my\b|sent from (?:outlook|mail|yahoo)\b|get outlook for\b|sent via\b|"
    r"please consider the environment\b|think before you print\b)",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^\s*(?:(?:this|the information in this|the contents of this) (?:e-?mail|message|communication)\b.{0,120}"
    r"\b(?:confidential|intended (?:solely |only )?for|privileged)"
    r"|confidentiality (?:notice|statement|note)|disclaimer\s*:|important notice\s*:)",
    re.IGNORECASE,
)
_GREETING_LINE = re.compile(
    r"^\s*(?:dear|hello|hi|hey|hiya|good (?:morning|afternoon|evening|day)|greetings|to whom it may concern"
    r"|to the\b.{0,60}\b(?:team|officer|department|unit|office)|fao\b|f\.a\.o\.?|for the attention of|attn\b|attention\b)"
    r"[^?]{0,80}$",
    re.IGNORECASE,
)
_GREETING_PREFIX = re.compile(
    r"^\s*(?:(?:hi|hello|hey|good (?:morning|afternoon|evening))(?:\s+(?:there|all|team|foi team))?\s*[,!.]"
    r"|dear\s+[^,.?!:]{1,60},)\s+(?=\S)",
    re.IGNORECASE,
)
_SIGN_OFF = re.compile(
    r"^\s*(?P<word>yours (?:faithfully|sincerely|truly)|(?:with )?(?:kind|kindest|best|warm|warmest|many)\s+regards"
    r"|regards|many thanks(?: in advance| again)?|thanks(?: (?:very|so) much| again| in advance| for your (?:help|time|assistance))?"
    r"|thank you(?: (?:very|so) much| again| in advance)?(?: for your (?:help|time|assistance|consideration|attention))?"
    r"|best wishes|all the best|best|cheers|with thanks|sincerely|respectfully)\b[ ,.!]*(?P<rest>.*)$",
    re.IGNORECASE,
)
_STRONG_SIGN_OFF = re.compile(r"^(?:yours|kind|kindest|best regards|warm|many regards|with kind)", re.IGNORECASE)
_SUBJECT_LINE = re.compile(
    r"^\s*(?:(?:re|subject|subj|title)\s*:\s*|(?:freedom of information|foi|eir|environmental information)"
    r"(?:\s+act(?:\s+2000)?|\s+regulations(?:\s+2004)?)?(?:\s+request)?\s*(?:\s[-\u2013\u2014:]|:)\s*)(?P<subject>\S.{2,150})$",
    re.IGNORECASE,
)
_ADDRESS_LINE = re.compile(r"^[\w'&,.()/-]+(?: [\w'&,.()/-]+){0,5}$")
_ATTACHMENT_MARK = re.compile(r"^\[(?:Attachment|Table): .*\]$")  # notes added when a file is read

# --------------------------------------------------------------------------- web forms

# Form fields that hold the request, however the form words them: "Details of the
# information you are requesting", "Please describe the information you want"…
_REQUEST_FIELD = re.compile(
    r"\b(?:(?:details|description|describe|summary)\b.{0,30}\b(?:information|request)"
    r"|information (?:that )?(?:you(?: are|'re)? )?(?:requesting|requested|require|required|want|would like|seek|are seeking))",
    re.IGNORECASE,
)
_FIELD = re.compile(r"^\s*(?P<key>[A-Za-z][A-Za-z ()/'&?-]{1,60}?)\s*:\s*(?P<value>.*)$")
_FORM_KEYS = {
    "name": "name", "full name": "name", "your name": "name", "requester name": "name", "applicant name": "name",
    "contact name": "name", "requester": "name", "applicant": "name",
    "first name": "first", "forename": "first", "given name": "first", "first names": "first",
    "last name": "last", "surname": "last", "family name": "last",
    "email": "email", "e-mail": "email", "email address": "email", "e-mail address": "email",
    "your email": "email", "your email address": "email", "contact email": "email", "requester email": "email",
    "address": "address", "postal address": "address", "your address": "address", "correspondence address": "address",
    "subject": "subject", "subject of request": "subject", "request title": "subject", "title of request": "subject",
    "request subject": "subject", "summary": "subject", "topic": "subject", "subject of your request": "subject",
    "date submitted": "date", "submission date": "date", "date received": "date", "submitted": "date",
    "date of request": "date", "submitted on": "date", "received": "date", "date": "date", "date and time": "date",
    "submission time": "date", "time submitted": "date",
    "details of your request": "request", "request details": "request", "your request": "request", "request": "request",
    "information requested": "request", "information required": "request", "details": "request",
    "description": "request", "request description": "request", "description of information": "request",
    "description of the information": "request", "what information do you want": "request",
    "what information would you like": "request", "what information are you requesting": "request",
    "details of the information requested": "request", "details of information requested": "request",
    "title": "other", "telephone": "other", "phone": "other", "tel": "other", "mobile": "other",
    "telephone number": "other", "phone number": "other", "postcode": "other", "post code": "other",
    "organisation": "other", "company": "other", "preferred format": "other", "preferred format for the response": "other",
    "format": "other", "how would you like to receive the information": "other", "preferred contact method": "other",
    "consent": "other", "consent to publish": "other", "declaration": "other", "reference": "other",
    "submission reference": "other", "case reference": "other", "form reference": "other", "ip address": "other",
    "submitted by": "other", "source": "other", "request type": "other", "type of request": "other",
    "service": "other", "department": "other", "data protection": "other", "privacy": "other",
}


# --------------------------------------------------------------------------- cleaning


def clean(lines: list[Line], found: Found, *, forwarded: bool = False, depth: int = 0) -> list[Line]:
    """The lines of ``lines`` that carry the request itself; details go into ``found``."""
    lines = _take_web_form(lines, found)
    # The pasted headers on top are only the fallback: when the request turns out to be a
    # message forwarded inside (PALS passing a request to the FOI team), its sender and date count.
    outer = Found()
    lines = _take_header_block(lines, outer)
    lines = _drop_quoted(lines, found, forwarded=forwarded, depth=depth)
    found.offer(**{key: getattr(outer, key) for key in ("name", "email", "subject", "received")})
    lines = _cut_footers(lines, found)
    lines = _drop_greetings_and_titles(lines, found)
    lines = _cut_sign_off(lines, found)
    return _trim(lines)


def _trim(lines: list[Line]) -> list[Line]:
    start, end = 0, len(lines)
    while start < end and not lines[start].text.strip():
        start += 1
    while end > start and not lines[end - 1].text.strip():
        end -= 1
    return lines[start:end]


def _take_web_form(lines: list[Line], found: Found) -> list[Line]:
    """A council web form arrives as "Field: value" lines; the request is one of the fields."""
    kinds: list[str | None] = []
    for line in lines:
        match = _FIELD.match(line.text) if len(line.text) < 400 else None
        kind = _FORM_KEYS.get(" ".join(match.group("key").lower().rstrip("?").split())) if match else None
        if kind is None and match and _REQUEST_FIELD.search(match.group("key")):
            kind = "request"
        if kind is None and match and match.group("key").rstrip().endswith("?"):
            kind = "other"  # a form's own question ("Would you like a paper copy?: No") is a field, not the request
        kinds.append(kind)
    if "request" not in kinds or sum(1 for kind in kinds if kind and kind != "request") < 3:
        return lines
    values: dict[str, str] = {}
    body: list[Line] = []
    in_request = False
    for line, kind in zip(lines, kinds):
        if kind is not None and not (in_request and kind == "request" and body):
            in_request = kind == "request"
            value = _FIELD.match(line.text).group("value").strip()
            if in_request:
                if value:
                    body.append(Line(line.number, line.text[line.text.index(":") + 1 :].lstrip()))
            elif value and kind not in values:
                values[kind] = value
            continue
        if in_request:
            body.append(line)
    name = values.get("name") or " ".join(part for part in (values.get("first", ""), values.get("last", "")) if part)
    found.offer(
        name=" ".join(name.split()) if details.looks_like_name(" ".join(name.split())) else "",
        email=details.find_email(values.get("email", "")),
        address=values.get("address", ""),
        subject=details.clean_subject(values.get("subject", "")),
        received=details.parse_date(values.get("date", "")),
    )
    return body


def _header_block_end(lines: list[Line], start: int) -> tuple[int, dict[str, str]]:
    """Pasted email headers (From:, Sent:, To:, Subject:) starting at ``start``: their end and values."""
    headers: dict[str, str] = {}
    index = start
    last_key = ""
    while index < len(lines) and index - start < 30:
        text = lines[index].text
        match = _HEADER.match(text)
        if match:
            last_key = match.group(1).lower()
            headers.setdefault(last_key, match.group(2).strip())
        elif text.strip() and last_key in ("to", "cc") and index - start < 12 and not text.strip().endswith(("?", ".")) and "@" in text:
            pass  # a long To: line wrapped by the mail program
        else:
            break
        index += 1
    if len(headers) < 2 or not ({"from", "subject"} & headers.keys()):
        return start, {}
    return index, headers


def _offer_headers(headers: dict[str, str], found: Found) -> None:
    name, email = details.split_sender(headers.get("from", ""))
    found.offer(
        subject=details.clean_subject(headers.get("subject", "")),
        received=details.parse_date(headers.get("sent", "") or headers.get("date", "")),
        email=email,
        name=name,
    )


def _take_header_block(lines: list[Line], found: Found) -> list[Line]:
    start = 0
    while start < len(lines) and not lines[start].text.strip():
        start += 1
    end, headers = _header_block_end(lines, start)
    if not headers:
        return lines
    _offer_headers(headers, found)
    return lines[end:]


def _quote_start(lines: list[Line]) -> tuple[int, bool]:
    """Where an earlier message starts (index, and whether it is a forward), or (-1, False)."""
    for index, line in enumerate(lines):
        text = line.text
        if not text.strip() or len(text) > 300:
            continue
        if _ORIGINAL.match(text) or _BEGIN_FORWARD.match(text):
            return index, bool(_FORWARDED.match(text))
        if _ON_WROTE.match(text):
            return index, False
        if _ON_START.match(text) and index + 1 < len(lines) and re.search(r"\bwrote:\s*$", lines[index + 1].text) and len(lines[index + 1].text) < 120:
            return index, False
        header = _HEADER.match(text)
        if (_RULE.match(text) or (header and header.group(1).lower() == "from")) and index > 0:
            probe = index + 1 if _RULE.match(text) else index
            end, headers = _header_block_end(lines, probe)
            if headers and "from" in headers and ({"sent", "date"} & headers.keys()):
                return index, False
    return -1, False


def _asks_something(lines: list[Line]) -> bool:
    text = " ".join(line.text for line in lines if not line.text.lstrip().startswith(">"))
    return "?" in text or bool(re.search(r"\b(?:please (?:provide|send|supply|tell|confirm|disclose)|could you|can you|i would like|i request)\b", text, re.IGNORECASE)) or any(
        QUESTION_START.match(line.text) for line in lines
    )


def _drop_quoted(lines: list[Line], found: Found, *, forwarded: bool, depth: int) -> list[Line]:
    index, is_forward = _quote_start(lines)
    if index < 0:
        return [line for line in lines if not line.text.lstrip().startswith(">")]
    above, below = lines[:index], lines[index:]
    above_clean = [line for line in above if not line.text.lstrip().startswith(">")]
    above_words = sum(len(line.text.split()) for line in above_clean)
    numbered_above = any(QUESTION_START.match(line.text) for line in above_clean)
    take_below = (forwarded or is_forward) or not _asks_something(above_clean) or (
        not numbered_above
        # a message that asks something above the authority's own reply is a follow-up
        # ("could you also tell me…?"): the questions in the reply were answered already
        and not _from_the_authority(_quoted_author(below))
        and (
            (above_words < 40 and _count_questions(below) >= 2)
            # further down a chain whose top was only a covering note, a message asking
            # something in passing (the officer's "could you confirm the period?") above a
            # numbered request: the numbered request is what the officer answers
            or (depth > 0 and above_words < 120 and _count_numbered(below) >= 2)
        )
    )
    if not take_below or depth > 3:
        return above_clean
    # The earlier message is the request: drop the marker, read its headers, unquote it.
    found.took_earlier_message = True
    below = below[1:] if not _HEADER.match(below[0].text) else below
    if below and _ON_START.match(lines[index].text) and not _ON_WROTE.match(lines[index].text):
        below = below[1:]
    start = 0
    while start < len(below) and not below[start].text.strip():
        start += 1
    end, headers = _header_block_end(below, start)
    if headers:
        below = below[end:]
    unquoted = [Line(line.number, _unquote(line.text)) for line in below]
    kept = clean(unquoted, found, depth=depth + 1)
    if headers:
        # offered after the messages quoted further down, so the message that holds the
        # request gives the subject and sender, not a reply in between
        _offer_headers(headers, found)
    elif _WROTE_AUTHOR.search(lines[index].text) or (index + 1 < len(lines) and _WROTE_AUTHOR.search(lines[index + 1].text)):
        name, email = details.split_sender(_quoted_author(lines[index:]))
        found.offer(name=name, email=email)
    return kept


_WROTE_AUTHOR = re.compile(r",\s*(?P<author>[^,]{1,160}?)\s+wrote:\s*$", re.IGNORECASE)
_AUTHORITY_NAME = re.compile(
    r"\b(?:foi|foia|foisa|eir|team|council|information|governance|officer|department|requests?|unit|service"
    r"|records|compliance|borough|county|district|authority|trust|police|nhs)\b",
    re.IGNORECASE,
)
_AUTHORITY_MAILBOX = re.compile(r"^(?:foi|info|information|requests?|enquiries|records|dpo|governance|ig)\b", re.IGNORECASE)


def _quoted_author(below: list[Line]) -> str:
    """Who wrote the quoted message: the "From:" header under the marker, or the name in "On …, X wrote:"."""
    for line in below[:3]:
        match = _WROTE_AUTHOR.search(line.text)
        if match:
            return match.group("author")
    for start in range(min(3, len(below))):
        _, headers = _header_block_end(below, start)
        if headers.get("from"):
            return headers["from"]
    return ""


def _from_the_authority(author: str) -> bool:
    """A mailbox such as "FOI Team <foi@…>" rather than a person: the authority's reply, not a request."""
    if not author:
        return False
    _, address = details.split_sender(author)
    label = author.split("<", 1)[0]
    return bool(_AUTHORITY_NAME.search(label)) or bool(_AUTHORITY_MAILBOX.match(address.split("@", 1)[0]))


def _unquote(text: str) -> str:
    return re.sub(r"^\s*>\s?", "", text)


def _count_questions(lines: list[Line]) -> int:
    return sum(1 for line in lines if "?" in line.text or QUESTION_START.match(_unquote(line.text)))


def _count_numbered(lines: list[Line]) -> int:
    return sum(1 for line in lines if QUESTION_START.match(_unquote(line.text)))


def _cut_footers(lines: list[Line], found: Found) -> list[Line]:
    text = "\n".join(line.text for line in lines)
    found.offer(reply_email=details.find_wdtk_address(text))
    kept: list[Line] = []
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        if _WDTK_FOOTER.search(stripped) or _SIGNATURE_DELIMITER.match(line.text) or _DISCLAIMER.match(stripped):
            while kept and (not kept[-1].text.strip() or _DASH_RULE.match(kept[-1].text)):
                kept.pop()
            break
        if _MOBILE.match(stripped) or _ATTACHMENT_MARK.match(stripped):
            continue
        kept.append(line)
    return kept


def _drop_greetings_and_titles(lines: list[Line], found: Found) -> list[Line]:
    """Greetings, "Re: subject" and "FOI request - subject" lines near the top."""
    kept: list[Line] = []
    seen = 0
    greeted = False
    for line in lines:
        text = line.text.strip()
        if seen < 8 and text:
            # a letter's addresses and date above "Dear…" (short lines, no sentence) do not
            # use up the lines in which its "Re:" line is looked for
            if greeted or not _ADDRESS_LINE.match(text):
                seen += 1
            if QUESTION_START.match(line.text):
                seen = 99  # questions have started: nothing more to drop
                kept.append(line)
                continue
            if _GREETING_LINE.match(text) and len(text.split()) <= 12:
                greeted = True
                continue
            prefix = _GREETING_PREFIX.match(text)
            if prefix:
                kept.append(Line(line.number, text[prefix.end() :]))
                continue
            subject = _SUBJECT_LINE.match(text)
            if subject and "?" not in text and len(text.split()) <= 14:
                found.offer(subject=details.clean_subject(subject.group("subject")))
                continue
        kept.append(line)
    return kept


def _sign_off_at(lines: list[Line], index: int) -> tuple[bool, str]:
    """Whether line ``index`` is a sign-off, and a name written on the same line."""
    text = lines[index].text.strip()
    if len(text) > 80:
        return False, ""
    match = _SIGN_OFF.match(text)
    if not match:
        return False, ""
    rest = match.group("rest").strip().strip(",.")
    if rest and not details.looks_like_name(rest) and not _STRONG_SIGN_OFF.match(match.group("word")):
        return False, ""
    return True, rest if details.looks_like_name(rest) else ""


def _cut_sign_off(lines: list[Line], found: Found) -> list[Line]:
    last_question = -1  # a sign-off is only one if no question follows it
    for index, line in enumerate(lines):
        if QUESTION_START.match(line.text) or line.text.rstrip().endswith("?"):
            last_question = index
    content_seen = False
    for index, line in enumerate(lines):
        if not line.text.strip():
            continue
        if index < last_question:
            content_seen = True
            continue
        is_sign_off, same_line_name = _sign_off_at(lines, index)
        if is_sign_off and not content_seen and not _STRONG_SIGN_OFF.match(line.text.strip()):
            is_sign_off = False  # "Thanks for your reply…" opening a message is not its end
        if not is_sign_off:
            content_seen = True
            continue
        after = lines[index + 1 :]
        name = same_line_name
        for position, other in enumerate(after):
            candidate = other.text.strip()
            if not candidate:
                continue
            if not name and _sign_off_at(after, position)[0]:
                continue  # "Thank you for your help." then "Kind regards,"
            if not name and details.looks_like_name(candidate.rstrip(",")):
                name = candidate.rstrip(",")
            break
        signature = "\n".join(other.text for other in after[:12])
        found.offer(signed_name=name, email=details.find_email(signature))
        return lines[:index]
    return lines
