"""Decode a text file whatever saved it: UTF-8 with or without BOM, UTF-16, Windows-1252.

Notepad on older Windows saves "ANSI" (Windows-1252) or "Unicode" (UTF-16 with BOM);
everything newer saves UTF-8. A file that is none of them cleanly is still read as well
as it can be, with a warning, rather than refused.
"""

from __future__ import annotations

import codecs

from foi_desktop.intake.errors import IntakeError


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB, outside a UTF-16 pattern."""
    sample = data[:8192]
    if not sample:
        return False
    if _utf16_without_bom(sample):
        return False
    if b"\0" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32 and byte != 27)
    return controls > len(sample) // 100 + 2


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.6 and even_nuls < half * 0.1:
        return "utf-16-le"
    if even_nuls > half * 0.6 and odd_nuls < half * 0.1:
        return "utf-16-be"
    return None


def decode_text(data: bytes, name: str) -> tuple[str, list[str]]:
    """The text of ``data`` and any warning about how it was read."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            return text, _replacement_warning(text, name)
    codec = _utf16_without_bom(data[:8192])
    if codec:
        text = data.decode(codec, errors="replace")
        return text, _replacement_warning(text, name)
    if looks_binary(data):
        raise IntakeError(
            f"{name} does not contain text (it looks like a program, picture or other binary file). "
            "Choose the request's email, Word document or text file, or paste its text."
        )
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd")
    good = sum(1 for char in as_utf8 if ord(char) > 127) - bad
    if good > bad:
        return as_utf8, [f"{name}: {bad} character{'s' if bad != 1 else ''} could not be read and show as \ufffd."]
    return data.decode("cp1252", errors="replace"), []


def _replacement_warning(text: str, name: str) -> list[str]:
    bad = text.count("\ufffd")
    if not bad:
        return []
    return [f"{name}: {bad} character{'s' if bad != 1 else ''} could not be read and show as \ufffd."]
