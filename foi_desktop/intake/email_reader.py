"""Saved emails (.eml): the envelope gives the case details, the body and attachments the request.

The plain-text body is preferred (it is what the requester typed); an HTML-only email
is turned into text. Word and text attachments are read too, because a request often
arrives as "please find my request attached".
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from foi_desktop.intake import details
from foi_desktop.intake.errors import IntakeError
from foi_desktop.intake.html_text import html_to_text
from foi_desktop.intake.request import ReceivedRequest

FORWARD_SUBJECT = re.compile(r"^\s*(?:fw|fwd|tr|wg)\s*:", re.IGNORECASE)


def read_eml(data: bytes, name: str) -> ReceivedRequest:
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:
        raise IntakeError(f"{name} could not be read as an email ({exc.__class__.__name__}).") from None
    received = ReceivedRequest(body="", source_name=name)
    received.subject = _header(message, "subject")
    received.sender = _header(message, "from")
    received.received = details.parse_date(_header(message, "date"))
    received.forwarded = bool(FORWARD_SUBJECT.match(received.subject))
    received.body = body_text(message, received.warnings)
    for filename, text in attachment_texts(message, received.warnings):
        received.attachments.append((filename, text))
    if not received.body.strip() and not received.attachments:
        raise IntakeError(f"{name} is an email with no text to read.")
    return received


def _header(message, key: str) -> str:
    try:
        value = message.get(key)
        return " ".join(str(value).split()) if value is not None else ""
    except Exception:  # a malformed header: ignore it rather than refuse the email
        return ""


def _content(part) -> str:
    try:
        content = part.get_content()
        if isinstance(content, bytes):
            return content.decode("utf-8", errors="replace")
        return content if isinstance(content, str) else ""
    except Exception:  # an unknown charset or broken encoding: best effort
        payload = part.get_payload(decode=True) or b""
        return payload.decode("utf-8", errors="replace")


def body_text(message: EmailMessage, warnings: list[str]) -> str:
    try:
        body = message.get_body(preferencelist=("plain", "html"))
    except Exception:
        body = None
    if body is None:
        if message.get_content_maintype() == "text":
            body = message
        else:
            return ""
    text = _content(body)
    if body.get_content_subtype() == "html":
        text = html_to_text(text)
    return text


MAX_ATTACHMENTS = 20
MAX_FORWARD_DEPTH = 4  # an email attached to an email attached to… : deeper than this is not a request


def attachment_texts(message: EmailMessage, warnings: list[str], depth: int = 0) -> list[tuple[str, str]]:
    """The text of Word, text and email attachments, including those of attached emails (a request forwarded as an attachment)."""
    from foi_desktop.intake.docx_reader import read_docx
    from foi_desktop.intake.text_file import decode_text

    found: list[tuple[str, str]] = []
    try:
        attachments = list(message.iter_attachments())
    except Exception:
        return found
    for part in attachments[:MAX_ATTACHMENTS]:
        if len(found) >= MAX_ATTACHMENTS:
            warnings.append(f"Only the first {MAX_ATTACHMENTS} attachments were read.")
            break
        filename = part.get_filename() or ""
        content_type = part.get_content_type()
        lower = filename.lower()
        try:
            if content_type == "message/rfc822":
                inner = part.get_content()
                text = body_text(inner, warnings)
                if text.strip():
                    found.append((filename or "forwarded message", text))
                if depth < MAX_FORWARD_DEPTH and isinstance(inner, EmailMessage):
                    found.extend(attachment_texts(inner, warnings, depth + 1)[: MAX_ATTACHMENTS - len(found)])
                continue
            data = part.get_payload(decode=True) or b""
            if lower.endswith(".docx") or content_type.endswith("wordprocessingml.document"):
                found.append((filename or "attachment.docx", read_docx(data, filename or "the attachment")))
            elif lower.endswith(".txt") or content_type == "text/plain":
                text, notes = decode_text(data, filename or "the attachment")
                warnings.extend(notes)
                found.append((filename or "attachment.txt", text))
            elif filename and not content_type.startswith("image/"):
                warnings.append(f"The attachment {filename} was not read; open it separately if it holds part of the request.")
        except IntakeError as exc:
            warnings.append(str(exc))
    return found
