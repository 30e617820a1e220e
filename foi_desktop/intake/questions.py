"""Turn the cleaned lines of a request into questions, with their options and tables.

Two shapes of request exist. Numbered ones: the numbering that starts earliest and
counts up (1, 2, 3 or a, b, c or i, ii, iii) marks the questions, and any other
numbering inside a question is a sub-part that stays in its text. Unnumbered ones:
each paragraph that asks for something is a question, and a bullet list introduced by
"please provide the following:" is a list of questions.

Hard-wrapped email lines are joined back into sentences; sub-parts and bullet items
that are not options keep a line each, so the question reads as it was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from foi_desktop.core.case import Question, Table
from foi_desktop.intake.cleaning import Line
from foi_desktop.intake.markers import Bullet, Marker, read_bullet, read_marker, split_glued
from foi_desktop.intake.normalise import tidy
from foi_desktop.intake.options import answer_row, inline_options, list_is_options, split_boxes, without_answer_instruction
from foi_desktop.intake.tables import TableBlock, find_tables


@dataclass
class Token:
    kind: str  # "blank", "text", "marker", "bullet", "table"
    numbers: list[int]
    text: str = ""
    marker: Marker | None = None
    bullet: Bullet | None = None
    table: Table | None = None
    indented: bool = False


@dataclass
class FoundQuestion:
    """One question as found, with the source lines it came from."""

    question: Question
    numbers: list[int] = field(default_factory=list)


# --------------------------------------------------------------------------- tokens


def tokenise(lines: list[Line]) -> list[Token]:
    tokens: list[Token] = []
    for item in find_tables(lines):
        if isinstance(item, TableBlock):
            tokens.append(Token("table", item.numbers, table=item.table))
            continue
        text = item.text
        if not text.strip():
            tokens.append(Token("blank", [item.number]))
            continue
        answers = answer_row(text) if tokens and _asks_to_choose(tokens[-1]) else None
        if answers:
            # the answers typed across one line under the question: one option each
            tokens.extend(Token("bullet", [item.number], text=answer, bullet=Bullet(" ", answer)) for answer in answers)
            continue
        for piece in split_glued(text):
            token = _token_for(piece, item.number)
            if token.kind == "bullet" and _is_box(token.bullet.symbol) and len(split_boxes(token.bullet.text)) > 1:
                # a row of tick boxes under the question: each box is an answer
                for answer in split_boxes(token.bullet.text):
                    tokens.append(Token("bullet", [item.number], text=answer, bullet=Bullet(token.bullet.symbol, answer)))
                continue
            tokens.append(token)
    return tokens


def _asks_to_choose(token: Token) -> bool:
    """Whether a line reads as a question waiting for its answers on the next line."""
    if token.kind == "marker":
        text = token.marker.text
    elif token.kind == "text":
        text = token.text
    else:
        return False
    text = text.rstrip()
    return text.endswith(("?", ":")) or without_answer_instruction(text) != text


def _is_box(symbol: str) -> bool:
    return symbol in "\u2610\u2611\u2612\u25a1\u274f\u2751" or symbol.startswith("[")


def _token_for(text: str, number: int) -> Token:
    indented = text[:1] in (" ", "\t")
    bullet = read_bullet(text)
    marker = read_marker(text)
    if marker is not None and not (bullet is not None and marker.family in ("lower", "upper") and text.lstrip()[:1] == "o"):
        return Token("marker", [number], text=text, marker=marker, indented=indented)
    if bullet is not None:
        return Token("bullet", [number], text=text, bullet=bullet, indented=indented)
    return Token("text", [number], text=tidy(text), indented=indented)


# --------------------------------------------------------------------------- which numbering is the questions'

_PREVIOUS_LETTER_FOR_ROMAN = {"i": "h", "v": "u", "x": "w", "l": "k", "c": "b", "d": "c", "m": "l"}


def _resolve_letters_and_numerals(tokens: list[Token]) -> None:
    """Decide for each "i", "v", "x", "c"… whether it is a letter or a roman numeral, from what came before."""
    last_value: dict[str, int] = {}
    for token in tokens:
        marker = token.marker
        if marker is None:
            continue
        if marker.alternative is not None:
            roman = marker.alternative
            letter_follows = last_value.get(marker.family) == marker.value - 1
            roman_follows = last_value.get(roman.family) == roman.value - 1
            if roman_follows and not letter_follows or (roman.value == 1 and not letter_follows):
                marker = roman
            else:
                marker = Marker(marker.family, marker.value, marker.label, marker.written, marker.text)
            token.marker = marker
        last_value[marker.family] = marker.value


def _question_family(tokens: list[Token]) -> str | None:
    """The numbering family of the questions: the earliest that starts at 1 and counts on."""
    first_start: dict[str, int] = {}
    steps: dict[str, int] = {}
    last: dict[str, int] = {}
    for position, token in enumerate(tokens):
        marker = token.marker
        if marker is None or marker.family == "nested":
            continue
        if marker.value == 1:
            first_start.setdefault(marker.family, position)
        if last.get(marker.family) == marker.value - 1:
            steps[marker.family] = steps.get(marker.family, 0) + 1
        last[marker.family] = marker.value
    candidates = [
        (position, family)
        for family, position in first_start.items()
        if steps.get(family, 0) >= 1 or family in ("decimal", "q")
    ]
    if not candidates:
        # numbering that starts above 1 (a follow-up request continuing from question 5)
        counting = [family for family, count in steps.items() if count >= 1 and family in ("decimal", "q")]
        return counting[0] if counting else None
    return min(candidates)[1]


# --------------------------------------------------------------------------- numbered requests

_HEADING_END = re.compile(r"[.?!;,:]$")


def _short_answer_line(text: str) -> bool:
    text = text.strip()
    if not 0 < len(text) <= 80 or text.endswith(("?", ":")) or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if text.endswith(".") and len(text.split()) >= 4:
        return False  # a sentence, not an answer to pick
    return not _NOT_AN_ANSWER.match(text)


_NOT_AN_ANSWER = re.compile(r"^(?:please|could|can|would|will|i|if|this|these|we|by this|for example|e\.g|note)\b", re.IGNORECASE)
BOILERPLATE = re.compile(
    r"\b(?:electronic(?:ally)?|format|excel|spreadsheet|csv|clarif\w*|look forward|thank|grateful|appreciate"
    r"|section 16|advice and assistance|cost limit|appropriate limit|exempt\w*|exception\w*|redact\w*|withh[oe]ld"
    r"|acknowledge\w*|in due course|(?:within|of|in) (?:the )?(?:statutory )?(?:\d+|twenty) working days|statutory"
    r"|disclosure log|by email|via email|by e-mail|already (?:been )?(?:published|publicly available|in the public domain)"
    r"|section 21 of the act"
    r"|(?:if|where) (?:you|any|some|part|this|the|it)\b.{0,80}\b(?:unable|cannot|can't|not possible|exceed|too|refuse|not held|do not hold|don't hold))",
    re.IGNORECASE,
)


# After the last question: definitions of the words used, or how to lay out the answers.
_AFTER_THE_QUESTIONS = re.compile(
    r"^(?:definitions?|glossary|notes?|for the purposes? of (?:this|my|these|the above) (?:request|questions?)"
    r"|in this request\b.{0,40}\bmeans?"
    r"|(?:please\s+)?(?:use|keep to|follow) the same (?:categories|format|headings|breakdown|definitions|basis|layout) as)\b",
    re.IGNORECASE,
)


class _QuestionBuilder:
    """Collects one question's lines: its wording, sub-parts, options and table."""

    def __init__(self, label: str, first_text: str, numbers: list[int]):
        self.label = label
        self.paragraphs: list[list[str]] = [[first_text] if first_text else []]
        self.numbers = list(numbers)
        # where each later paragraph's source lines start in ``numbers``: a paragraph dropped
        # as a heading or closing remark is then not highlighted as part of the question
        self.paragraph_starts: list[int] = []
        self.options: list[str] = []
        self.table: Table | None = None
        self.bullets: list[str] = []
        self.bullet_numbers: list[int] = []
        self.blank_before = False
        self.last_was_bullet = False
        self.plain_list = False
        self.upcoming: list[Token] = []
        self.warnings: list[str] = []

    def _starts_plain_list(self, token: Token) -> bool:
        """Answer lines without bullets ("Yes", "No" each on a line) under a question ending in ? or :."""
        if self.blank_before and not self.plain_list:
            return False
        if self.plain_list:
            return self.last_was_bullet and not self.blank_before and _short_answer_line(token.text)
        if self.bullets or self.options or not self.paragraphs[-1]:
            return False
        lead = self.paragraphs[-1][-1]
        if not lead.rstrip().endswith(("?", ":")) or not _short_answer_line(token.text):
            return False
        following = self.upcoming[:1]
        return bool(following) and following[0].kind == "text" and _short_answer_line(following[0].text)

    def mid_sentence(self) -> bool:
        """Whether the last line read stops part way through a sentence (so the next line carries on)."""
        if self.blank_before or self.bullets or not self.paragraphs[-1]:
            return False
        return not self.paragraphs[-1][-1].rstrip().endswith((".", "?", "!", ":", ";"))

    # ---- feeding

    def add(self, token: Token) -> None:
        if token.kind == "blank":
            self.blank_before = True
            return
        if token.kind == "text" and self._starts_plain_list(token):
            self.plain_list = True
            token = Token("bullet", token.numbers, text=token.text, bullet=Bullet("", token.text))
        elif token.kind != "blank":
            self.plain_list = False
        if token.kind == "bullet":
            self.bullets.append(token.bullet.text)
            self.bullet_numbers.extend(token.numbers)
            self.blank_before = False
            self.last_was_bullet = True
            return
        if token.kind == "text" and self.bullets and self.last_was_bullet and not self.blank_before and (
            token.indented or token.text[:1].islower()
        ):
            self.bullets[-1] = f"{self.bullets[-1]} {token.text}"  # a bullet item wrapped onto the next line
            self.bullet_numbers.extend(token.numbers)
            return
        self.flush_bullets()
        self.numbers.extend(token.numbers)
        if token.kind == "table":
            if self.table is None:
                self.table = token.table
            else:
                self.warnings.append(f"Question {self.label} has more than one table; only the first was kept.")
        elif token.kind == "marker":
            self._new_line(f"{token.marker.written} {token.marker.text}".strip(), new_paragraph=self.blank_before,
                           numbers=len(token.numbers))
        else:
            if self.blank_before or not self.paragraphs[-1]:
                self._new_line(token.text, new_paragraph=self.blank_before, numbers=len(token.numbers))
            else:
                paragraph = self.paragraphs[-1]
                paragraph[-1] = f"{paragraph[-1]} {token.text}".strip()
        self.blank_before = False
        self.last_was_bullet = False

    def _new_line(self, text: str, *, new_paragraph: bool, numbers: int = 1) -> None:
        if new_paragraph and self.paragraphs[-1]:
            self.paragraphs.append([text])
            self.paragraph_starts.append(len(self.numbers) - numbers)
        else:
            self.paragraphs[-1].append(text)

    def flush_bullets(self) -> None:
        if not self.bullets:
            return
        items, self.bullets = self.bullets, []
        self.numbers.extend(self.bullet_numbers)
        self.bullet_numbers = []
        lead = " ".join(self.paragraphs[-1][-1:])
        if not self.options and self.table is None and list_is_options(lead, items):
            self.options = [tidy(item) for item in items]
            if self.paragraphs[-1]:
                self.paragraphs[-1][-1] = without_answer_instruction(self.paragraphs[-1][-1])
        else:
            self.paragraphs[-1].extend(f"- {tidy(item)}" for item in items)

    # ---- finishing

    def drop_trailing(self, *, last: bool) -> None:
        """A heading before the next question, or the closing remarks after the last, are not part of it."""
        self.flush_bullets()
        while len(self.paragraphs) > 1:
            tail = self.paragraphs[-1]
            text = " ".join(tail)
            heading = len(tail) == 1 and len(text.split()) <= 8 and not _HEADING_END.search(text) and not text[:1].islower()
            closing = last and "?" not in text and bool(BOILERPLATE.search(text) or _AFTER_THE_QUESTIONS.match(text))
            if not (heading or closing):
                break
            self.paragraphs.pop()
            if len(self.paragraph_starts) >= len(self.paragraphs):
                del self.numbers[self.paragraph_starts.pop() :]

    def build(self) -> Question:
        self.flush_bullets()
        lines = [line for paragraph in self.paragraphs for line in paragraph if line.strip()]
        text = "\n".join(lines)
        options = list(self.options)
        if not options and self.table is None and len(lines) == 1:
            found = inline_options(lines[0])
            if found:
                text, options = found[0].strip(), found[1]
        return Question(text=text, label=self.label, options=options, table=self.table)


def _numbered(tokens: list[Token], family: str, warnings: list[str]) -> list[FoundQuestion]:
    builders: list[_QuestionBuilder] = []
    previous: int | None = None
    labels_seen: set[str] = set()
    restarted = False
    part = ""
    parts: list[str] = []
    for position, token in enumerate(tokens):
        marker = token.marker
        starts = False
        if token.kind == "text":
            heading = _PART_HEADING.match(token.text)
            if heading:
                part = heading.group("part").upper()
        if family == "nested" and marker is not None and marker.family == "decimal" and _heading_like(marker.text):
            continue  # "1. Staffing" above "1.1 How many staff?": a section heading
        if marker is not None and marker.family == family:
            # a restart at 1 or a jump is believed only at the start of a sentence: "…in the
            # years 2021 and\n4. …" or "e.g.\n1) grants" are lines wrapped by the mail program
            wrapped = bool(builders) and builders[-1].mid_sentence()
            if family == "nested" or previous is None or marker.value == previous + 1 or (marker.value == 1 and not wrapped):
                starts = True
            elif previous + 1 < marker.value <= previous + 3 and not wrapped:
                starts = True
                warnings.append(f"The numbering jumps from {previous} to {marker.value}: check that no question is missing.")
        if starts:
            if builders:
                builders[-1].drop_trailing(last=False)
            if marker.label in labels_seen and not restarted:
                restarted = True
                warnings.append(f"Question {marker.label} appears more than once: the numbering starts again part way through.")
            labels_seen.add(marker.label)
            builders.append(_QuestionBuilder(marker.label, marker.text, token.numbers))
            parts.append(part)
            previous = marker.value
            continue
        if builders and marker is not None and marker.family == family and builders[-1].mid_sentence():
            # "…broken down by type, e.g. 1) grants,\n2) loans": a hard-wrapped line that
            # happens to start with a number out of the questions' sequence
            token = Token("text", token.numbers, text=tidy(token.text), indented=token.indented)
        if builders:
            builders[-1].upcoming = tokens[position + 1 : position + 2]
            builders[-1].add(token)
        elif token.kind == "table":
            warnings.append("A table before the first question was left out; add it to a question if it belongs to one.")
    if builders:
        builders[-1].drop_trailing(last=True)
    _label_by_part(builders, parts, restarted, warnings)
    found = []
    for builder in builders:
        found.append(FoundQuestion(builder.build(), builder.numbers))
        warnings.extend(builder.warnings)
    return found


# "Part A – Stop and search", "Section 2: Budgets", "PART B": a part holding its own numbered questions
_PART_HEADING = re.compile(r"^\s*(?:part|section)\s+(?P<part>[A-Za-z]|\d{1,2})\b(?:\s*[-\u2013\u2014:.)]|\s*$)", re.IGNORECASE)


def _label_by_part(builders: list[_QuestionBuilder], parts: list[str], restarted: bool, warnings: list[str]) -> None:
    """Numbering that starts again in each part: "A1", "A2", "B1" (or "1.1", "2.1"), as the officer will cite them."""
    if not restarted or not builders or not all(parts):
        return
    labels = [f"{part}.{builder.label}" if part.isdigit() else f"{part}{builder.label}" for part, builder in zip(parts, builders)]
    if len(set(labels)) != len(labels):
        return
    for builder, label in zip(builders, labels):
        builder.label = label
    repeated = "appears more than once: the numbering starts again part way through."
    warnings[:] = [warning for warning in warnings if not warning.endswith(repeated)]


# --------------------------------------------------------------------------- unnumbered requests

_ASKS = re.compile(
    r"\b(?:please|could you|can you|would you|will you|i would (?:also )?like|i'd (?:also )?like|i wish to|i want"
    r"|i (?:would |should |must )?(?:also |further )?(?:request|ask for)|i am (?:also )?(?:requesting|asking for)"
    r"|i'm requesting|kindly|provide|tell me|let me know|confirm|supply|disclose|send me|share|i am seeking|i seek)\b",
    re.IGNORECASE,
)
_ITEM_START = re.compile(
    r"^(?:the (?:number|total|amount|cost|names?|dates?|value|percentage|proportion|average|list|details|location)|a (?:copy|list|breakdown|summary)"
    r"|copies|details|a full|any (?:\w+ ){0,3}(?:correspondence|documents?|records?|information|policies|reports?|emails?|minutes|guidance)"
    r"|all (?:\w+ ){0,3}(?:correspondence|documents?|records?|information|policies|reports?|emails?|minutes|guidance)"
    r"|how (?:many|much)|what|which|when|where|who|whether|why)\b",
    re.IGNORECASE,
)
_INTRO = re.compile(
    r"\b(?:(?:the )?following|further information|some information|more information|information below|as follows"
    r"|(?:writing|like|wish) to (?:make|submit|request information|ask for (?:some|further|the following|more|information))"
    r"|make (?:a|an) (?:freedom of information|foi|eir|information) request"
    r"|request (?:for information|under the)"
    r"|(?:requesting|request|asking for|seeking) (?:this|the|some|that) information under)\b",
    re.IGNORECASE,
)
_COURTESY = re.compile(r"^(?:thank|thanks|many thanks|i hope|i look forward|i appreciate|apologies|sorry)\b", re.IGNORECASE)


# A question typed without its question mark: "also is the school planning to merge classes"
_INVERTED_QUESTION = re.compile(
    r"^(?:(?:and|also|so|plus|lastly|finally)\s*,?\s+)?(?:is|are|was|were|does|do|did|has|have|had|will|would|can|could)"
    r"\s+(?:the|there|your|you|it|any|this|that|they|a|an)\s+\w+",
    re.IGNORECASE,
)


def _asks(text: str) -> bool:
    if "?" in text or _INVERTED_QUESTION.match(text):
        return True
    if _COURTESY.match(text) or BOILERPLATE.search(text):
        return False
    if _INTRO.search(text) and not _ITEM_START.match(text):
        return False
    return bool(_ASKS.search(text) or _ITEM_START.match(text))


def _is_intro(text: str) -> bool:
    return text.rstrip().endswith(":") or ("?" not in text and bool(_INTRO.search(text)) and not _ITEM_START.match(text))


@dataclass
class _Unit:
    kind: str  # "paragraph", "bullets", "table"
    texts: list[str]
    numbers: list[int]
    table: Table | None = None


def _units(tokens: list[Token]) -> list[_Unit]:
    """Paragraphs (wrapped lines joined), runs of bullets, and tables."""
    units: list[_Unit] = []
    blank = True
    for token in tokens:
        if token.kind == "blank":
            blank = True
            continue
        if token.kind == "table":
            units.append(_Unit("table", [], token.numbers, token.table))
        elif token.kind == "bullet":
            if units and units[-1].kind == "bullets":
                units[-1].texts.append(token.bullet.text)
                units[-1].numbers.extend(token.numbers)
            else:
                units.append(_Unit("bullets", [token.bullet.text], list(token.numbers)))
        else:
            text = tidy(token.text) if token.kind == "text" else f"{token.marker.written} {token.marker.text}".strip()
            last = units[-1] if units else None
            if last is not None and last.kind == "bullets" and not blank and (token.indented or text[:1].islower()):
                last.texts[-1] = f"{last.texts[-1]} {text}"
                last.numbers.extend(token.numbers)
            elif last is not None and last.kind == "paragraph" and not blank:
                last.texts.append(text)
                last.numbers.extend(token.numbers)
            else:
                units.append(_Unit("paragraph", [text], list(token.numbers)))
        blank = False
    return units


_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|etc|approx|incl|excl|no|nos|st|mr|mrs|ms|dr|prof|cllr|rev|vs|cf|ref|para|fig)|\b[A-Z])\.$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])[\"')\]]?\s+(?=[\"'(]?[A-Z0-9])")
_FOLLOW_UP = re.compile(
    r"^(?:and\s+|but\s+)?(?:if\s+(?:so|yes|not|no|applicable|relevant|appropriate|it\s+(?:has|does|is|was|did|had)"
    r"|they\s+(?:have|do|are|were|did)|there\s+(?:are|is|were|was)|this\s+is\s+the\s+case|the\s+answer)"
    r"|otherwise|in\s+which\s+case|where\s+this\s+is\s+the\s+case)\b",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    """``text`` cut after each sentence; "e.g.", "No. 5", initials and decimals do not end one."""
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_BREAK.finditer(text):
        end = match.start() + len(match.group(0).rstrip())
        if _ABBREVIATION.search(text[max(start, end - 12) : end].rstrip("\"')]")):
            continue  # only the last few characters can make an abbreviation: no rescanning of long text
        pieces.append(text[start:end].strip())
        start = match.end()
    last = text[start:].strip()
    if last:
        pieces.append(last)
    return pieces


def _question_sentences(text: str) -> list[str] | None:
    """A paragraph that asks several things ("How many…? Which…? Please also provide…") as one question each.

    Only a paragraph with two or more questions of its own (sentences ending in "?" that
    are not follow-ups such as "If so, how much?") is cut. A statement before a question
    is its context and stays with it; an introduction opening the paragraph is dropped; a
    follow-up stays with the question it follows; a request after the last question
    ("Please also provide…") is a question of its own.
    """
    parts = sentences(text)
    if sum(1 for part in parts if part.endswith("?") and not _FOLLOW_UP.match(part)) < 2:
        return None
    groups: list[str] = []
    pending: list[str] = []
    for part in parts:
        if groups and not pending and _FOLLOW_UP.match(part):
            groups[-1] = f"{groups[-1]} {part}"
        elif not groups and not pending and _is_intro(part) and not part.endswith("?"):
            continue
        elif part.endswith("?") or (_asks(part) and not part.endswith(":")):
            groups.append(" ".join(pending + [part]))
            pending = []
        else:
            pending.append(part)
    tail = " ".join(part for part in pending if not _COURTESY.match(part))
    if tail and groups:
        groups[-1] = f"{groups[-1]} {tail}"
    return groups


def _split_paragraph(unit: _Unit) -> list[tuple[str, list[int]]]:
    """A paragraph is one question, unless each of its lines, or each of its sentences, asks a question of its own.

    A short title on the paragraph's first line ("Counselling waiting times" above "Please
    provide…") stays on a line of its own at the head of the question it names.
    """
    lines = unit.texts
    if len(lines) > 1 and _heading_like(lines[0]) and lines[0][:1].isupper() and lines[1][:1].isupper() and not _asks(lines[0]):
        rest = _split_lines(lines[1:], unit.numbers[1:] or unit.numbers)
        if rest:
            text, numbers = rest[0]
            rest[0] = (f"{lines[0]}\n{text}", sorted(set(unit.numbers[:1] + numbers)))
        return rest
    return _split_lines(lines, unit.numbers)


def _split_lines(lines: list[str], unit_numbers: list[int]) -> list[tuple[str, list[int]]]:
    """The question or questions in a paragraph's lines (see :func:`_split_paragraph`)."""
    if len(lines) > 1 and all(line.rstrip().endswith(("?", ".")) for line in lines) and sum(1 for line in lines if _asks(line)) >= 2:
        numbers = unit_numbers if len(unit_numbers) == len(lines) else [unit_numbers[0]] * len(lines)
        return [(line, [number]) for line, number in zip(lines, numbers)]
    text = " ".join(lines)
    several = _question_sentences(text) if text.count("?") >= 2 else None
    if several:
        return [(part, list(unit_numbers)) for part in several]
    return [(text, list(unit_numbers))]


def _unnumbered(tokens: list[Token], warnings: list[str]) -> list[FoundQuestion]:
    found: list[FoundQuestion] = []
    units = _units(tokens)
    intro_open = False
    previous_kind = ""  # "question", "intro", "other"
    for position, unit in enumerate(units):
        following = units[position + 1] if position + 1 < len(units) else None
        if unit.kind == "table":
            if found and found[-1].question.table is None:
                found[-1].question.table = unit.table
                found[-1].numbers.extend(unit.numbers)
            else:
                found.append(FoundQuestion(Question(text="Please complete the table.", table=unit.table), list(unit.numbers)))
                warnings.append("A table was found without a question before it; its wording was left for you to fill in.")
            continue
        if unit.kind == "bullets":
            items = [tidy(item) for item in unit.texts]
            if previous_kind == "question" and found and not found[-1].question.options and list_is_options(found[-1].question.text, items):
                found[-1].question.options = items
                found[-1].question.text = without_answer_instruction(found[-1].question.text)
                found[-1].numbers.extend(unit.numbers)
            elif previous_kind == "question" and found and not found[-1].question.text.rstrip().endswith(":"):
                found[-1].question.text += "".join(f"\n- {item}" for item in items)
                found[-1].numbers.extend(unit.numbers)
            else:
                for item, number in zip(items, unit.numbers if len(unit.numbers) == len(items) else [unit.numbers[0]] * len(items)):
                    found.append(FoundQuestion(Question(text=item), [number]))
                previous_kind = "items"
            continue
        for text, numbers in _split_paragraph(unit):
            if following is not None and following.kind == "bullets" and text.rstrip().endswith(":"):
                items = [tidy(item) for item in following.texts]
                if list_is_options(text, items):
                    found.append(FoundQuestion(Question(text=text), numbers))
                    previous_kind = "question"
                else:
                    previous_kind = "intro"
                continue
            if _is_intro(text) and "?" not in text:
                intro_open = intro_open or text.rstrip().endswith(":")
                previous_kind = "intro"
                continue
            if _asks(text) or (intro_open and not BOILERPLATE.search(text) and not _COURTESY.match(text)):
                found.append(FoundQuestion(Question(text=text), numbers))
                previous_kind = "question"
            else:
                previous_kind = "other"
    for item in found:
        question = item.question
        title, _, wording = question.text.rpartition("\n")
        if not question.options and question.table is None and (not title or _heading_like(title)):
            inline = inline_options(wording)  # under a title, the question is its last line
            if inline:
                question.text, question.options = f"{title}\n{inline[0].strip()}".strip(), inline[1]
    return found


# --------------------------------------------------------------------------- entry point


def _heading_like(text: str) -> bool:
    return 0 < len(text.split()) <= 6 and not _HEADING_END.search(text) and "?" not in text


def _sections_with_nested_questions(tokens: list[Token]) -> bool:
    """"1. Staffing" / "1.1 How many…" / "1.2 …" / "2. Budget" / "2.1 …": the questions are the 1.1s."""
    tops = [token.marker for token in tokens if token.marker is not None and token.marker.family == "decimal"]
    nested = [token.marker for token in tokens if token.marker is not None and token.marker.family == "nested"]
    if not tops or len(nested) < 2:
        return False
    parents = {marker.label.split(".", 1)[0] for marker in nested}
    return all(_heading_like(marker.text) for marker in tops) and sum(1 for marker in tops if marker.label in parents) * 2 >= len(tops)



_ANSWER_SPACE_CHARS = " \t_.\u2026"


def _without_answer_space(line: str) -> str:
    """"How many cameras? ______" → "How many cameras?" (string methods only: no backtracking on long runs)."""
    kept = line.rstrip(_ANSWER_SPACE_CHARS)
    tail = line[len(kept) :]
    if "___" not in tail and "...." not in tail and "\u2026\u2026" not in tail:
        return line
    return kept + "." if tail.startswith(".") and not tail.startswith("..") else kept


def _without_answer_spaces(found: list[FoundQuestion]) -> list[FoundQuestion]:
    """The line left for the answer on a questionnaire is not part of the question."""
    for item in found:
        text = item.question.text
        if "__" in text or "..." in text or "\u2026" in text:
            item.question.text = "\n".join(_without_answer_space(line) for line in text.split("\n")).strip()
    return found


def find_questions(lines: list[Line], warnings: list[str]) -> list[FoundQuestion]:
    tokens = tokenise(lines)
    _resolve_letters_and_numerals(tokens)
    family = _question_family(tokens)
    if family == "decimal" and _sections_with_nested_questions(tokens):
        family = "nested"
    if family is not None:
        found = _numbered(tokens, family, warnings)
        if found:
            return _without_answer_spaces(found)
    return _without_answer_spaces(_unnumbered(tokens, warnings))
