"""Outlook messages (.msg), read with olefile.

A .msg is an OLE compound file whose MAPI properties are streams named
``__substg1.0_IIIITTTT`` (property id, type) plus a fixed-size property table in
``__properties_version1.0``. We read only what intake needs: subject (0x0037), plain
body (0x1000, or HTML 0x1013), sender name (0x0C1A / 0x0042), sender address
(0x5D01 / 0x0C1F / 0x0065), delivery or submit time (0x0E06 / 0x0039), and Word or
text attachments. olefile is BSD-licensed, unlike the GPL message libraries, so it can
ship inside the MIT-licensed installer.
"""

from __future__ import annotations

import datetime as _dt
import io
import struct

from foi_desktop.intake import details
from foi_desktop.intake.email_reader import FORWARD_SUBJECT
from foi_desktop.intake.errors import IntakeError
from foi_desktop.intake.html_text import html_to_text
from foi_desktop.intake.request import ReceivedRequest

PT_UNICODE = 0x001F
PT_STRING8 = 0x001E
PT_BINARY = 0x0102
PT_LONG = 0x0003
PT_SYSTIME = 0x0040
PT_OBJECT = 0x000D

_CODEPAGES = {1252: "cp1252", 65001: "utf-8", 28591: "latin-1", 20127: "ascii", 1250: "cp1250", 1200: "utf-16-le"}


def read_msg(data: bytes, name: str) -> ReceivedRequest:
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception as exc:
        raise IntakeError(f"{name} is not an Outlook message that can be read ({exc.__class__.__name__}).") from None
    try:
        if ole.exists("WordDocument"):
            raise IntakeError(
                f"{name} is an older Word document (.doc), not an Outlook message. "
                "Open it in Word and save it as .docx, or paste its text."
            )
        message = _Message(ole, "")
        if not message.has_any_property():
            raise IntakeError(f"{name} is an Office file but not an Outlook message.")
        received = ReceivedRequest(body="", source_name=name)
        received.subject = message.string(0x0037)
        sender_name = message.string(0x0C1A) or message.string(0x0042)
        sender_email = next(
            (value for value in (message.string(0x5D01), message.string(0x0C1F), message.string(0x0065), message.string(0x5D02))
             if "@" in value and not value.upper().startswith("/O=")),
            "",
        )
        received.sender = f"{sender_name} <{sender_email}>" if sender_email else sender_name
        moment = message.time(0x0E06) or message.time(0x0039)
        if moment is not None:
            received.received = details.local_date(moment)
        else:
            received.received = _date_from_headers(message.string(0x007D))
        received.forwarded = bool(FORWARD_SUBJECT.match(received.subject))
        received.body = message.body(received.warnings)
        received.attachments = _attachments(ole, message, received.warnings)
    except IntakeError:
        raise
    except Exception as exc:
        raise IntakeError(f"{name} looks damaged and could not be read as an Outlook message ({exc.__class__.__name__}).") from None
    finally:
        ole.close()
    if not received.body.strip() and not received.attachments:
        raise IntakeError(f"{name} is an Outlook message with no text to read.")
    return received


def _date_from_headers(headers: str) -> _dt.date | None:
    for line in headers.splitlines():
        if line.lower().startswith("date:"):
            return details.parse_date(line[5:])
    return None


class _Message:
    """The properties of one message (or an attachment) stored under ``prefix`` in the file."""

    def __init__(self, ole, prefix: str, header_size: int = 32):
        self.ole = ole
        self.prefix = prefix
        self.header_size = header_size
        self._fixed: dict[int, tuple[int, bytes]] | None = None

    def _stream(self, name: str) -> bytes | None:
        path = self.prefix + name
        if not self.ole.exists(path):
            return None
        with self.ole.openstream(path) as stream:
            return stream.read(50 * 1024 * 1024)

    def has_any_property(self) -> bool:
        return self.ole.exists(self.prefix + "__properties_version1.0") or any(
            entry[-1].startswith("__substg1.0_") for entry in self.ole.listdir() if len(entry) == 1
        )

    def fixed(self) -> dict[int, tuple[int, bytes]]:
        if self._fixed is None:
            self._fixed = {}
            raw = self._stream("__properties_version1.0") or b""
            for offset in range(self.header_size, len(raw) - 15, 16):
                tag, _flags, value = struct.unpack_from("<II8s", raw, offset)
                self._fixed[tag >> 16] = (tag & 0xFFFF, value)
        return self._fixed

    def codec(self) -> str:
        for prop in (0x3FFD, 0x3FDE):
            found = self.fixed().get(prop)
            if found and found[0] == PT_LONG:
                codepage = struct.unpack_from("<i", found[1])[0]
                if codepage in _CODEPAGES:
                    return _CODEPAGES[codepage]
        return "cp1252"

    def string(self, prop: int) -> str:
        raw = self._stream(f"__substg1.0_{prop:04X}{PT_UNICODE:04X}")
        if raw is not None:
            return raw.decode("utf-16-le", errors="replace").split("\0", 1)[0]
        raw = self._stream(f"__substg1.0_{prop:04X}{PT_STRING8:04X}")
        if raw is not None:
            return raw.decode(self.codec(), errors="replace").split("\0", 1)[0]
        return ""

    def binary(self, prop: int) -> bytes | None:
        return self._stream(f"__substg1.0_{prop:04X}{PT_BINARY:04X}")

    def time(self, prop: int) -> _dt.datetime | None:
        found = self.fixed().get(prop)
        if not found or found[0] != PT_SYSTIME:
            return None
        ticks = struct.unpack_from("<Q", found[1])[0]
        if not ticks:
            return None
        try:
            return _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc) + _dt.timedelta(microseconds=ticks // 10)
        except OverflowError:
            return None

    def body(self, warnings: list[str]) -> str:
        text = self.string(0x1000)
        if text.strip():
            return text
        html = self.binary(0x1013)
        if html:
            return html_to_text(html.decode(self.codec() if self.codec() != "utf-16-le" else "utf-8", errors="replace"))
        html_text = self.string(0x1013)
        if html_text.strip():
            return html_to_text(html_text)
        if self.binary(0x1009):
            warnings.append("This message's text is stored only as rich text (RTF), which cannot be read: paste the text instead.")
        return ""


def _attachments(ole, message: _Message, warnings: list[str]) -> list[tuple[str, str]]:
    from foi_desktop.intake.docx_reader import read_docx
    from foi_desktop.intake.text_file import decode_text

    storages = sorted({entry[0] for entry in ole.listdir(streams=True, storages=True) if entry[0].startswith("__attach_version1.0_#")})
    found: list[tuple[str, str]] = []
    for storage in storages[:20]:
        attachment = _Message(ole, storage + "/", header_size=8)
        filename = attachment.string(0x3707) or attachment.string(0x3704) or "attachment"
        lower = filename.lower()
        try:
            if ole.exists(f"{storage}/__substg1.0_3701{PT_OBJECT:04X}"):
                inner = _Message(ole, f"{storage}/__substg1.0_3701{PT_OBJECT:04X}/", header_size=24)
                text = inner.body(warnings)
                if text.strip():
                    found.append((attachment.string(0x3001) or "attached message", text))
                continue
            data = attachment.binary(0x3701)
            if data is None:
                continue
            if lower.endswith(".docx"):
                found.append((filename, read_docx(data, filename)))
            elif lower.endswith(".txt"):
                text, notes = decode_text(data, filename)
                warnings.extend(notes)
                found.append((filename, text))
            elif not lower.endswith((".png", ".jpg", ".jpeg", ".gif", ".bmp")):
                warnings.append(f"The attachment {filename} was not read; open it separately if it holds part of the request.")
        except IntakeError as exc:
            warnings.append(str(exc))
    return found
