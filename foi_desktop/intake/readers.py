"""Open a request file of any supported kind, and refuse the rest with a message that helps.

The file's content decides, not only its name: a Word document saved as ".txt", an
email saved without extension, or a PDF renamed ".docx" are recognised and handled or
explained. Sizes are checked before reading, so a wrong 2 GB file is refused at once.
"""

from __future__ import annotations

import os
from pathlib import Path

from foi_desktop.intake.errors import IntakeError
from foi_desktop.intake.request import ParsedRequest, ReceivedRequest, parse_received

SUPPORTED_SUFFIXES = (".txt", ".docx", ".eml", ".msg")
FILE_DIALOG_FILTER = "Requests (*.txt *.docx *.eml *.msg);;All files (*)"
MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024  # a long request is 20 KB
MAX_FILE_BYTES = 40 * 1024 * 1024  # emails and Word files carry pictures and attachments

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
# Files that are never a request, whatever their name says: what they are, for the message.
_NOT_REQUESTS = (
    (b"\x89PNG\r\n\x1a\n", "a picture (PNG)"),
    (b"\xff\xd8\xff", "a picture (JPEG)"),
    (b"GIF87a", "a picture (GIF)"),
    (b"GIF89a", "a picture (GIF)"),
    (b"II*\x00", "a picture (TIFF)"),
    (b"MM\x00*", "a picture (TIFF)"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"7z\xbc\xaf\x27\x1c", "a compressed (7-Zip) file"),
    (b"Rar!\x1a\x07", "a compressed (RAR) file"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
)
_EMAIL_HEADERS = (b"from:", b"received:", b"return-path:", b"mime-version:", b"message-id:", b"delivered-to:", b"x-", b"date:", b"subject:")


def read_request_file(path: str | os.PathLike[str]) -> ParsedRequest:
    """The request in ``path`` (.txt, .docx, .eml or .msg), parsed. Raises :class:`IntakeError`."""
    source = Path(path)
    name = source.name or str(source)
    try:
        if source.is_dir():
            raise IntakeError(f"{source} is a folder, not a request file.")
        size = source.stat().st_size
    except IntakeError:
        raise
    except FileNotFoundError:
        raise IntakeError(f"{source} does not exist.") from None
    except PermissionError:
        raise IntakeError(f"{name} cannot be read: permission denied.") from None
    except OSError as exc:
        raise IntakeError(f"{name} cannot be read: {exc.strerror or exc}.") from None
    if size == 0:
        raise IntakeError(f"{name} is empty.")
    suffix = source.suffix.lower()
    limit = MAX_TEXT_FILE_BYTES if suffix in (".txt", ".text", ".md", "") else MAX_FILE_BYTES
    if size > limit:
        raise IntakeError(
            f"{name} is {size / (1024 * 1024):.1f} MB, too large to be a request "
            f"(the limit for this kind of file is {limit // (1024 * 1024)} MB). Check that this is the right file."
        )
    try:
        data = source.read_bytes()
    except PermissionError:
        raise IntakeError(f"{name} cannot be read: permission denied (is it open in another program?).") from None
    except OSError as exc:
        raise IntakeError(f"{name} cannot be read: {exc.strerror or exc}.") from None
    return parse_request_bytes(data, name)


def parse_request_bytes(data: bytes, name: str) -> ParsedRequest:
    """The request in ``data``, a file called ``name``; used for dropped files and tests too."""
    if not data.strip():
        raise IntakeError(f"{name} is empty.")
    received = _read(data, name)
    received.source_name = name
    parsed = parse_received(received)
    if not parsed.source_text.strip():
        raise IntakeError(f"{name} has no text in it.")
    return parsed


def _read(data: bytes, name: str) -> ReceivedRequest:
    suffix = Path(name).suffix.lower()
    head = data[:8]
    if head.startswith(b"%PDF"):
        raise IntakeError(f"{name} is a PDF, which cannot be read yet: open it, copy the request's text and paste it.")
    for magic, what in _NOT_REQUESTS:
        if head.startswith(magic) and (magic != b"MZ" or b"\0" in data[:512]):  # "MZ" may start a line of text
            raise IntakeError(
                f"{name} is {what}, not a request. Choose the request's email, Word document or text file, or paste its text."
            )
    if head.startswith(b"{\\rtf"):
        raise IntakeError(f"{name} is a rich text (RTF) file: open it in Word and save it as .docx, or paste its text.")
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".odt", ".ods", ".xlsx", ".pptx") or b"word/" not in data[:200_000] and b"word/document.xml" not in data:
            raise IntakeError(
                f"{name} is a zip-based file but not a Word document. Requests can be read from "
                ".docx, .eml, .msg and .txt files; for anything else, paste the text."
            )
        from foi_desktop.intake.docx_reader import read_docx

        return ReceivedRequest(body=read_docx(data, name))
    if head.startswith(_OLE_MAGIC):
        from foi_desktop.intake.msg_reader import read_msg

        return read_msg(data, name)
    if suffix in (".docx", ".msg", ".doc", ".xlsx", ".odt"):
        what = {".docx": "a Word document", ".msg": "an Outlook message", ".doc": "a Word document"}.get(suffix, "a document")
        raise IntakeError(f"{name} is not {what}: its content does not match its name. It may be damaged.")
    from foi_desktop.intake.text_file import decode_text

    if suffix == ".eml" or (suffix not in (".txt", ".text", ".md") and _looks_like_email(data)):
        from foi_desktop.intake.email_reader import read_eml
        from foi_desktop.intake.text_file import looks_binary

        if not _looks_like_email(data) and looks_binary(data):
            raise IntakeError(f"{name} is not an email: it looks like a program, picture or other binary file.")

        return read_eml(data, name)
    text, warnings = decode_text(data, name)
    if suffix in (".htm", ".html") or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        from foi_desktop.intake.html_text import html_to_text

        text = html_to_text(text)
    if not text.strip():
        raise IntakeError(f"{name} is empty.")
    return ReceivedRequest(body=text, warnings=warnings)


def _looks_like_email(data: bytes) -> bool:
    first = data[:2000].lstrip().lower()
    return first.startswith(_EMAIL_HEADERS) and b"\n\n" in data[:200_000].replace(b"\r\n", b"\n")
