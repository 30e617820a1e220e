"""Making any text safe for XML, so that no pasted character can break a letter.

Outlook and Word put control characters into copied text: ``\\x0b`` for Shift+Enter,
``\\x0c`` for a page break, the odd ``\\x00``. XML 1.0 (and so .docx) cannot hold
them, nor the non-characters U+FFFE/U+FFFF or a lone surrogate. Line-like
characters become line breaks, the rest is dropped or replaced, so an export never
fails because of what a requester wrote.
"""

from __future__ import annotations

import re

# Everything XML 1.0 refuses, plus characters that mean "new line" in other worlds.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_LINE_ENDINGS = {"\r\n": "\n", "\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_LINE_ENDING = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029]")
_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with line breaks as ``\\n`` and nothing XML 1.0 cannot hold."""
    if not _SUSPECT.search(text):
        return text
    if _SURROGATE.search(text):
        # Pairs written as two code points become the real character; a lone half becomes U+FFFD.
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = _LINE_ENDING.sub(lambda match: _LINE_ENDINGS[match.group()], text)
    return _DROPPED.sub("", text)


def one_line(text: str, separator: str = ", ") -> str:
    """A multi-line value (an address) on one line: "City Hall, 115 Charles Street"."""
    return separator.join(line.strip() for line in xml_safe(text).splitlines() if line.strip())
