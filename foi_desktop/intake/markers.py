"""Recognise how a line starts: a question number, a sub-part letter, or a bullet.

Requesters number questions every way there is — ``1.`` ``1)`` ``(1)`` ``1:`` ``Q1``
``Question 1 -`` ``(a)`` ``a)`` ``A.`` ``(i)`` ``2.1`` — and glue numbers to the text
(``1.The number of…2.The number of…``). This module only reads one line at a time;
deciding which numbering is the questions' and which is sub-parts' is done by
:mod:`foi_desktop.intake.questions`, which sees the whole request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Cleaning uses this to tell where questions start without the full classification.
QUESTION_START = re.compile(
    r"^\s*(?:\(?\d{1,3}[.)](?!\d)|\d{1,3}\s*:|#\s?\d{1,3}\b|Q\s*\.?\s*\d{1,3}(?=[\s.:)]|$)|Question\s+\d{1,3}\b|Question\s+(?:one|two|three|four|five|six|seven|eight|nine|ten)\s*[.:)\-\u2013\u2014])\s*\S?",
)


@dataclass(frozen=True)
class Marker:
    """A numbering mark at the start of a line.

    ``family`` groups marks that count together: "decimal" (1. 1) (1) 1:), "q" (Q1,
    Question 1), "lower"/"upper" letters, "roman"/"ROMAN", "nested" (2.1), which is
    never a question of its own, and "sub" (1a, 1b, 2a), a question's lettered parts. ``alternative`` is set for single letters such as "i"
    or "c" that may be a letter or a roman numeral; the whole request decides.
    """

    family: str
    value: int
    label: str
    written: str
    text: str
    alternative: "Marker | None" = None

    def as_alternative(self) -> "Marker":
        assert self.alternative is not None
        return self.alternative


@dataclass(frozen=True)
class Bullet:
    symbol: str
    text: str


_Q_MARK = re.compile(
    r"^\s*(?P<w>(?:Q|Qu|Question)\s*\.?\s*(?P<n>\d{1,3}))(?P<sep>\s*[.:)\-\u2013\u2014]\s*|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
# "Question one: What was…" as members of the public write it; the separator is needed,
# so "Question one of the survey asked…" stays a sentence
_WORD_MARK = re.compile(
    r"^\s*(?P<w>(?:Question|Request)\s+(?P<word>" + "|".join(_NUMBER_WORDS) + r"))\s*[.:)\-\u2013\u2014]\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_REQUEST_MARK = re.compile(r"^\s*(?P<w>Request\s+(?P<n>\d{1,3}))\s*[.:)\-\u2013\u2014]\s*(?P<rest>.*)$", re.IGNORECASE)
_NESTED = re.compile(r"^\s*(?P<w>\d{1,3}(?:\.\d{1,3}){1,6})\.?(?:\)\s*|[ \t]+)(?P<rest>\S.*)$")
# "1a." "1b)" "(2c)": a sub-question written with its parent's number. The mark needs its
# punctuation, so "5g masts" or "1st April" are not sub-questions.
_SUB = re.compile(r"^\s*(?P<w>\((?P<pn>\d{1,3})(?P<pl>[a-z])\)|(?P<n>\d{1,3})(?P<l>[a-z])[.):])[ \t]+(?P<rest>\S.*)$")
_DECIMAL = re.compile(r"^\s*(?P<w>\((?P<pn>\d{1,3})\)|(?P<n>\d{1,3})(?P<sep>[.)]|\s*:|\s+[-\u2013\u2014](?=\s)))(?P<rest>.*)$")
# "#1 How many…": numbered with a hash, as in web forms and chat messages
_HASH = re.compile(r"^\s*(?P<w>#\s?(?P<n>\d{1,3})[.):]?)(?:[ \t]+(?P<rest>.*))?$")
_LETTER = re.compile(r"^\s*(?P<w>\((?P<pl>[A-Za-z])\)|(?P<l>[A-Za-z])(?P<sep>[.)]))(?P<rest>.*)$")
_ROMAN = re.compile(r"^\s*(?P<w>\((?P<pr>[ivxlcdm]{1,7}|[IVXLCDM]{1,7})\)|(?P<r>[ivxlcdm]{1,7}|[IVXLCDM]{1,7})[.)])(?P<rest>.*)$")

STRONG_BULLETS = "\u2022\u00b7\u25aa\u25ab\u25e6\u2023\u2043\u2219\u25cf\u25cb\u25a0\u25a1\u2610\u2611\u2612\u274f\u2751\u27a2\u25ba\u25b8\u2713\u2714\u2794\u2192\u2666\u2756\u29bf"
_BULLET = re.compile(
    r"^\s*(?P<b>[" + STRONG_BULLETS + r"]|[*\-\u2013\u2014+](?=[ \t]*[^\s\-*+\u2013\u2014])|o(?=[ \t]+\S)|[\u00a7\u00d8\u00fc\uf0b7\uf0a7\uf0d8](?=\t)|\[[ xX\u2713]?\])[ \t]*(?P<rest>.*)$"
)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(text: str) -> int | None:
    """The value of a well-formed roman numeral (i … mmm), or None."""
    text = text.lower()
    total = 0
    previous = 0
    for char in reversed(text):
        value = _ROMAN_VALUES.get(char)
        if value is None:
            return None
        if value < previous:
            total -= value
        else:
            total += value
            previous = value
    if not 0 < total < 4000 or to_roman(total) != text:
        return None
    return total


def to_roman(number: int) -> str:
    parts = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)


def _usable_rest(rest: str, glued_ok: bool) -> str | None:
    """The text after a mark, or None when the "mark" is really the start of a number or word."""
    if not rest:
        return ""
    if rest[0] in " \t":
        return rest.strip()
    if not glued_ok or rest[0].isdigit() or rest[0] in ".,/%:-":
        return None
    return rest.strip()


def read_marker(line: str) -> Marker | None:
    """The numbering mark at the start of ``line``, if any."""
    if len(line) > 5000:
        line = line[:5000]
    match = _Q_MARK.match(line) or _REQUEST_MARK.match(line)
    if match:
        rest = match.group("rest")
        sep = match.groupdict().get("sep")
        if sep is not None and not sep.strip() and rest[:1].isdigit():
            return None  # "Q1 2020": a quarter, not a question
        if sep is not None and not sep.strip() and sep and rest[:1].islower():
            return None
        number = int(match.group("n"))
        return Marker("q", number, str(number), match.group("w"), rest.strip())
    match = _WORD_MARK.match(line)
    if match:
        number = _NUMBER_WORDS.index(match.group("word").lower()) + 1
        return Marker("q", number, str(number), match.group("w"), match.group("rest").strip())
    match = _NESTED.match(line)
    if match:
        written = match.group("w")
        return Marker("nested", int(written.rsplit(".", 1)[1]), written, written, match.group("rest").strip())
    match = _SUB.match(line)
    if match:
        letter = match.group("pl") or match.group("l")
        label = f"{int(match.group('pn') or match.group('n'))}{letter}"
        return Marker("sub", ord(letter) - 96, label, match.group("w"), match.group("rest").strip())
    match = _HASH.match(line)
    if match:
        number = int(match.group("n"))
        return Marker("decimal", number, str(number), match.group("w"), (match.group("rest") or "").strip())
    match = _DECIMAL.match(line)
    if match:
        number = match.group("pn") or match.group("n")
        sep = (match.group("sep") or ")").strip()
        rest = _usable_rest(match.group("rest"), glued_ok=sep in (".", ")"))
        if rest is None or (sep == "." and match.group("rest")[:1] == ")"):
            return None
        return Marker("decimal", int(number), str(int(number)), match.group("w").strip(), rest)
    roman = _ROMAN.match(line)
    letter = _LETTER.match(line)
    roman_marker = None
    if roman:
        numeral = roman.group("pr") or roman.group("r")
        value = roman_value(numeral)
        rest = _usable_rest(roman.group("rest"), glued_ok=roman.group("pr") is not None)
        if value is not None and rest is not None and (rest or len(numeral) > 1):
            family = "roman" if numeral.islower() else "ROMAN"
            roman_marker = Marker(family, value, numeral, roman.group("w").strip(), rest)
    if letter:
        char = letter.group("pl") or letter.group("l")
        paren_or_bracket = letter.group("pl") is not None or letter.group("sep") == ")"
        rest = _usable_rest(letter.group("rest"), glued_ok=paren_or_bracket)
        if rest is not None and (rest or paren_or_bracket):
            family = "lower" if char.islower() else "upper"
            letter_marker = Marker(family, ord(char.lower()) - 96, char, letter.group("w").strip(), rest, roman_marker)
            return letter_marker
    return roman_marker


def read_bullet(line: str) -> Bullet | None:
    match = _BULLET.match(line[:5000])
    if not match:
        return None
    rest = match.group("rest").strip()
    if not any(char.isalnum() for char in rest[:200]):
        return None
    return Bullet(match.group("b"), rest)


# --------------------------------------------------------------------------- numbers glued to the text

_PUNCT = r"[.?!:;)\"']"
_LOOKBEHIND = rf"(?:(?<={_PUNCT})|(?<={_PUNCT}\s)|(?<={_PUNCT}\s\s))"
_INLINE_DECIMAL = re.compile(_LOOKBEHIND + r"(?<!\d)(\d{1,3})[.)](?=\s{0,3}[A-Za-z(\"'])")
_INLINE_Q = re.compile(r"(?:(?<=[.?!:;)\"'])|(?<=\s)|^)Q(\d{1,3})[.:)]?(?=\s{0,3}[A-Za-z(\"'])")


def split_glued(line: str) -> list[str]:
    """``"…following.1.The number…2.The number…"`` → the text before, then one line per number.

    Only an unbroken run 1, 2, 3… (or n, n+1… after a number at the line start) counts,
    and each number must follow the end of a sentence, so "in 2023.2.The" splits but
    "section 2. The" and "£1.5m" do not.
    """
    if len(line) < 6 or not any(char.isdigit() for char in line):
        return [line]
    for pattern in (_INLINE_DECIMAL, _INLINE_Q):
        if pattern is _INLINE_Q and "Q" not in line:
            continue
        leading = read_marker(line)
        if leading is not None and leading.family == ("decimal" if pattern is _INLINE_DECIMAL else "q"):
            expected = leading.value + 1
            start_at = 1
        else:
            expected = 1
            start_at = 0
        cuts: list[int] = []
        for match in pattern.finditer(line, start_at):
            if int(match.group(1)) == expected:
                cuts.append(match.start())
                expected += 1
        if len(cuts) + (1 if start_at else 0) >= 2:
            pieces = []
            previous = 0
            for cut in cuts:
                pieces.append(line[previous:cut])
                previous = cut
            pieces.append(line[previous:])
            return [piece.strip() for piece in pieces if piece.strip()]
    return [line]
