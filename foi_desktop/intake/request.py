"""From a request as received to a :class:`ParsedRequest`: the questions and the case details.

Every reader (pasted text, .txt, .docx, .eml, .msg) produces a :class:`ReceivedRequest`;
:func:`parse_received` does the rest the same way for all of them. Parsing never
raises: text that cannot be understood becomes one question holding all of it, with a
warning, so the officer can split it by hand in the review step.
"""

from __future__ import annotations

import copy
import datetime as _dt
import re
from dataclasses import dataclass, field

from foi_desktop.core.case import Case, Question, Regime, Requester
from foi_desktop.intake import cleaning, details
from foi_desktop.intake.normalise import normalise_text
from foi_desktop.intake.questions import find_questions

MAX_TEXT_CHARS = 200_000  # a long request is a few thousand characters; this is a mistaken file
_NO_REPLY = re.compile(r"^(?:no-?reply|do-?not-?reply|donotreply|web-?forms?|forms?|noreply\w*|mailer-daemon)@", re.IGNORECASE)


@dataclass
class ReceivedRequest:
    """What a reader found in a file: the text, and what the envelope says about it."""

    body: str
    subject: str = ""
    sender: str = ""  # "Name <address>" as the email gives it
    received: _dt.date | None = None
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (file name, text)
    forwarded: bool = False
    warnings: list[str] = field(default_factory=list)
    source_name: str = ""


@dataclass
class ParsedRequest:
    """The request understood: questions, case details, and the text they came from."""

    source_text: str
    questions: list[Question] = field(default_factory=list)
    question_lines: list[list[int]] = field(default_factory=list)  # source lines of each question
    subject: str = ""
    requester_name: str = ""
    requester_email: str = ""
    requester_address: str = ""
    received: _dt.date | None = None
    regime: Regime = Regime.FOIA
    warnings: list[str] = field(default_factory=list)
    source_name: str = ""

    def to_case(self) -> Case:
        """A new case ready to answer: questions, requester, subject and date received."""
        case = Case(
            subject=self.subject,
            requester=Requester(name=self.requester_name, email=self.requester_email, address=self.requester_address),
            received=self.received,
            regime=self.regime,
            questions=copy.deepcopy(self.questions),
        )
        case.relabel()
        return case


def parse_request_text(text: str) -> ParsedRequest:
    """Questions and case details from pasted text. Never raises."""
    if not isinstance(text, str):
        text = str(text)
    return parse_received(ReceivedRequest(body=text))


def parse_received(received: ReceivedRequest, *, strict: bool = False) -> ParsedRequest:
    """Parse what a reader received. ``strict`` lets a parsing fault raise (for tests) instead of keeping the text whole."""
    warnings = list(received.warnings)
    parts: list[tuple[str, str]] = [("", received.body)] + [
        (name, text) for name, text in received.attachments if text.strip()
    ]
    source_lines: list[str] = []
    segments: list[tuple[int, int]] = []
    for name, text in parts:
        text = normalise_text(text)
        if len(text) > MAX_TEXT_CHARS:
            warnings.append(
                f"{name or 'The request'} is {len(text):,} characters long; only the first {MAX_TEXT_CHARS:,} were read."
            )
            text = text[:MAX_TEXT_CHARS]
        if name:
            source_lines.extend(["", f"[Attachment: {name}]"] if source_lines else [f"[Attachment: {name}]"])
        start = len(source_lines)
        source_lines.extend(text.split("\n"))
        segments.append((start, len(source_lines)))
    source_text = "\n".join(source_lines)
    parsed = ParsedRequest(source_text=source_text, source_name=received.source_name, warnings=warnings)
    try:
        _understand(parsed, received, source_lines, segments)
    except Exception as exc:  # the promise: a request is never lost to a parsing fault
        if strict:
            raise
        parsed.questions = [Question(text=source_text.strip())] if source_text.strip() else []
        parsed.question_lines = [list(range(len(source_lines)))] if source_text.strip() else []
        parsed.warnings.append(
            f"The request could not be split into questions ({exc.__class__.__name__}); it was kept whole. Split it by hand."
        )
    return parsed


def _fullest_name(signed: str, sender: str) -> str:
    """How the requester signs, unless that is only the first name the email's sender line gives in full.

    "Cheers, Callum" from "Callum Reid <…>" is Callum Reid; "Sam" from "Alex Taylor" is
    someone else writing from a shared address, and keeps the name they signed with.
    """
    if signed and sender and len(signed.split()) == 1 and len(sender.split()) > 1:
        if sender.split()[0].lower() == signed.lower():
            return sender
    return signed or sender


def _understand(parsed: ParsedRequest, received: ReceivedRequest, source_lines: list[str], segments) -> None:
    found = cleaning.Found()
    kept: list[cleaning.Line] = []
    for index, (start, end) in enumerate(segments):
        lines = [cleaning.Line(number, source_lines[number]) for number in range(start, end)]
        if index == 0 and received.forwarded:
            # In a forward, whoever signs the covering note is the colleague who forwarded it,
            # unless the request itself is quoted below it.
            note = cleaning.Found()
            cleaned = cleaning.clean(lines, note, forwarded=True)
            if not note.took_earlier_message:
                note.signed_name = note.name = note.email = ""
            found = note
        else:
            cleaned = cleaning.clean(lines, found)
        if kept and cleaned:
            kept.append(cleaning.Line(cleaned[0].number, ""))
        kept.extend(cleaned)

    questions = find_questions(kept, parsed.warnings)
    if not questions and any(line.text.strip() for line in kept):
        text = "\n".join(line.text for line in kept).strip()
        from foi_desktop.intake.questions import FoundQuestion

        questions = [FoundQuestion(Question(text=text), [line.number for line in kept])]
        parsed.warnings.append("No separate questions were recognised; the request was kept as one question. Split it by hand.")
    parsed.questions = [item.question for item in questions if item.question.text.strip() or item.question.table]
    parsed.question_lines = [sorted(set(item.numbers)) for item in questions if item.question.text.strip() or item.question.table]

    sender_name, sender_email = details.split_sender(received.sender)
    if _NO_REPLY.match(sender_email) or received.forwarded:
        sender_name = sender_email = ""  # a web form's robot, or the colleague who forwarded the request
    parsed.requester_name = _fullest_name(found.signed_name, found.name or sender_name)
    parsed.requester_email = found.reply_email or sender_email or found.email
    parsed.requester_address = found.address
    envelope_subject = details.clean_subject(received.subject)
    # a request quoted below a reply ("RE: Clarification needed") is about what its own subject says
    earlier_first = received.forwarded or found.took_earlier_message
    parsed.subject = (found.subject or envelope_subject) if earlier_first else (envelope_subject or found.subject)
    parsed.received = (found.received or received.received) if received.forwarded else (received.received or found.received)
    parsed.regime = details.detect_regime("\n".join(line.text for line in kept))
    if not parsed.questions:
        parsed.warnings.append("The request is empty: there is no text to turn into questions.")
    parsed.warnings = list(dict.fromkeys(parsed.warnings))[:20]  # the same remark once, and never a wall of them
