"""Option sets: the answers a questionnaire offers, as a list or on the question line.

A bullet list under a question is either the answers to choose from ("Which of the
following best describes…?") or parts of what is asked ("Please provide the following
information: • the number of… • the cost of…"). The question's own words decide; the
rules below follow how requesters phrase the two.
"""

from __future__ import annotations

import re

from foi_desktop.intake.markers import STRONG_BULLETS

_SUB_ITEM_CUE = re.compile(
    r"\b(?:each of the following|for each|for the following|the following (?:information|details|data|figures|documents|records)"
    r"|broken down|breakdown|split by|separated by|namely|including|as follows)\b",
    re.IGNORECASE,
)
_CHOICE_CUE = re.compile(
    r"\b(?:which of the following|which one|any of the following|one of the following|following (?:options|categories|statements|best)"
    r"|select|tick|choose|circle|indicate|delete as appropriate|mark (?:one|all)|all that apply|best describes?)\b",
    re.IGNORECASE,
)
_ANSWER_LIKE = re.compile(r"^(?:yes|no|not sure|don't know|unsure|n/?a|other|none|\d[\d,.\s%-]*%?|less than.*|more than.*)$", re.IGNORECASE)


def list_is_options(lead: str, items: list[str]) -> bool:
    """Whether the bullet ``items`` under ``lead`` are answers to choose from."""
    if not items or any(item.rstrip().endswith("?") for item in items):
        return False
    # The words right above the list speak for it: "…any of the following groups? Please
    # answer for each." asks about each item; "…? (tick all that apply)" offers a choice.
    after_question = lead.rpartition("?")[2].strip()
    if after_question:
        if _CHOICE_CUE.search(after_question):
            return True
        if _SUB_ITEM_CUE.search(after_question):
            return False
    if _CHOICE_CUE.search(lead):
        return True
    if _SUB_ITEM_CUE.search(lead):
        return False
    if lead.rstrip().endswith("?"):
        return True
    return all(_ANSWER_LIKE.match(item.strip()) for item in items)


_INSTRUCTION = re.compile(
    r"^\(?\s*(?:please\s+)?(?:tick|select|choose|circle|mark|indicate|highlight|delete)\b[^?]{0,60}$", re.IGNORECASE
)
_LAST_SENTENCE = re.compile(r"(?<=[?.!])\s+(?=\S[^?.!]*[.:)]?\s*$)")


def without_answer_instruction(text: str) -> str:
    """``"Has the council closed a library? Please tick one:"`` → the question alone.

    Once the options are taken, how to mark them ("Please tick one:", "(select all that
    apply)") says nothing the officer has to answer; a question that is only an
    instruction ("Please select the option that best describes…:") is kept as it is.
    """
    cuts = list(_LAST_SENTENCE.finditer(text))
    if not cuts:
        return text
    head, tail = text[: cuts[-1].start()], text[cuts[-1].end() :]
    if head.strip() and len(tail.split()) <= 8 and _INSTRUCTION.match(tail.strip()):
        return head.rstrip()
    return text


# --------------------------------------------------------------------------- options written on the question line

_ALTERNATIVE = re.compile(r"^[A-Za-z0-9][\w'&+%<>=.,\- ]{0,38}$")


_EXAMPLES = re.compile(r"^\s*(?:e\.?\s?g\b\.?|i\.?\s?e\b\.?|for example|for instance|such as|including|like|say)", re.IGNORECASE)
_ANSWER_WORD = re.compile(
    r"^(?:yes|no|not sure|don't know|do not know|unsure|unknown|n/?a|not applicable|not known|not recorded|partly|partially|none)$",
    re.IGNORECASE,
)


def _alternatives(text: str, separator: str = "/") -> list[str] | None:
    if _EXAMPLES.match(text):
        return None  # "(e.g. Capita/Civica)" names examples; the question is open
    parts = [part.strip() for part in text.split(separator)]
    if len(parts) < 2 or len(parts) > 12:
        return None
    for part in parts:
        if not part or len(part.split()) > 5 or not _ALTERNATIVE.match(part) or not any(c.isalpha() for c in part):
            return None
    if len({part.lower() for part in parts}) != len(parts):
        return None
    if {part.lower() for part in parts} <= {"and", "or", "he", "she", "his", "her", "him", "s", "they", "them"}:
        return None
    return parts


_PARENS = re.compile(
    r"\(\s*(?:please\s+)?(?:(?:select|tick|circle|choose|delete as (?:appropriate|applicable))(?:\s+one)?\s*[:\-]?\s*)?"
    r"(?P<alts>[^()]{1,160})\)\s*(?P<end>[.?:]?)\s*$",
    re.IGNORECASE,
)
_PARENS_BEFORE_MARK = re.compile(r"\s*\((?P<alts>[^()/]{1,40}(?:/[^()/]{1,40}){1,8})\)(?=\s*\?)")
_AFTER_QUESTION = re.compile(r"\?\s*(?P<tail>[^?]{1,160})$")
_ANSWER_PARENS = re.compile(r"\s*\((?P<alts>[^()/]{1,30}(?:/[^()/]{1,30}){1,5})\)")
# "…in place? Please state Yes/No." — how to answer, then the answers
_ANSWER_PROMPT = re.compile(
    r"^(?:please\s+)?(?:state|answer|indicate|confirm|specify|reply|respond|select|choose|circle)(?:\s+(?:either|with|whether))?\s*:?\s*",
    re.IGNORECASE,
)
_PROMPT_AFTER_STATEMENT = re.compile(
    r"\.\s+(?P<tail>(?:please\s+)?(?:state|answer|indicate|confirm|specify|reply|respond)\b[^.?]{1,60}[.;:]?)\s*$",
    re.IGNORECASE,
)
_TITLE_WORDS = r"[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,3}"
_TITLE_SLASH = re.compile(rf"(?<![\w/])(?P<alts>{_TITLE_WORDS}(?:\s?/\s?{_TITLE_WORDS})+)\s*[?.:]?\s*$")
_BOXES = "\u2610\u2611\u2612\u25a1\u274f\u2751"


def _split_or(text: str) -> list[str] | None:
    if "," in text:
        return None
    parts = re.split(r"\s+or\s+", text.strip(), flags=re.IGNORECASE)
    if len(parts) < 2 or any(len(part.split()) > 3 or not part[:1].isupper() for part in parts):
        return None
    return _alternatives("/".join(parts))


def _inline_bullets(line: str) -> tuple[str, list[str]] | None:
    """``Do you have cyber insurance? ☐ Yes ☐ No`` and ``… delivered? ▪In-house ▪Contractor``."""
    positions = [i for i, char in enumerate(line) if char in STRONG_BULLETS]
    if len(positions) >= 2:
        head = line[: positions[0]].rstrip()
        if head.endswith(("?", ":")):
            items = []
            for start, end in zip(positions, positions[1:] + [len(line)]):
                item = line[start + 1 : end].strip()
                if item:
                    items.append(item)
            if len(items) >= 2 and all(len(item) <= 80 for item in items):
                return head, items
    # "Yes ☐ No ☐": each answer followed by its box
    if sum(line.count(box) for box in _BOXES) >= 2 and "?" in line:
        head, _, tail = line.rpartition("?")
        pieces = [piece.strip() for piece in re.split(f"[{_BOXES}]", tail)]
        items = [piece for piece in pieces if piece]
        if len(items) >= 2 and pieces[-1] == "" and all(len(item) <= 40 for item in items):
            return head + "?", items
    return None


_SQUARE_BRACKET_BOX = re.compile(r"\[[ xX\u2713]?\]")


def split_boxes(text: str) -> list[str]:
    """``"Council OTs ☐ NHS OTs ☐ Other"`` (the rest of a line of tick boxes) → one answer per box."""
    text = _SQUARE_BRACKET_BOX.sub("\u2610", text)
    return [part.strip() for part in re.split(f"[{_BOXES}]", text) if part.strip()]


def inline_options(line: str) -> tuple[str, list[str]] | None:
    """Options written on the question line, as (question text, options), or None.

    ``(Yes/No)`` and an answer list after the question mark are taken off the text;
    "…by Financial Year/Calendar Year?" keeps its words, which still read as the question.
    """
    if len(_SQUARE_BRACKET_BOX.findall(line)) >= 2:
        line = _SQUARE_BRACKET_BOX.sub("\u2610", line)  # "[ ] Yes  [ ] No" typed by hand
    if len(line) > 2000 or ("/" not in line and " or " not in line and not any(c in STRONG_BULLETS for c in line)):
        return None
    found = _inline_bullets(line)
    if found:
        return found
    match = _PARENS.search(line)
    if match:
        inner = match.group("alts")
        options = _alternatives(inner) if "/" in inner else _split_or(inner)
        if options:
            head = line[: match.start()].rstrip()
            if match.group("end") == "?" and not head.endswith("?"):
                head += "?"
            if head:
                return head, options
    match = _PARENS_BEFORE_MARK.search(line)
    if match:
        options = _alternatives(match.group("alts"))
        if options and all(option[:1].isupper() for option in options):
            return line[: match.start()] + line[match.end() :], options
    match = _ANSWER_PARENS.search(line)
    if match:
        # "Whether the trust has a protocol (Yes/No), and the date it began": Yes/No in
        # brackets part way through still offers the answers; the words around it stay
        options = _alternatives(match.group("alts"))
        if options and sum(1 for option in options if _ANSWER_WORD.match(option)) >= 2:
            return (line[: match.start()] + line[match.end() :]).replace(" ,", ",").strip(), options
    match = _AFTER_QUESTION.search(line)
    if match:
        tail = _ANSWER_PROMPT.sub("", match.group("tail").strip()).rstrip(".:;")
        options = _alternatives(tail) if "/" in tail else _split_or(tail)
        if options:
            return line[: match.start() + 1], options
    match = _PROMPT_AFTER_STATEMENT.search(line)
    if match:
        # "(3) whether the University uses the framework. Please state Yes/No;": the
        # question is worded as a statement, the prompt still gives the answers
        tail = _ANSWER_PROMPT.sub("", match.group("tail").strip()).rstrip(".:;")
        options = _alternatives(tail) if "/" in tail else None
        if options and all(_ANSWER_WORD.match(option) for option in options):
            return line[: match.start() + 1], options
    match = _TITLE_SLASH.search(line)
    if match and match.start() > 0:
        options = _alternatives(match.group("alts"))
        if options and all(len(option) > 1 for option in options):
            return line, options
    return None


# --------------------------------------------------------------------------- answers on a line of their own

_ROW_GAP = re.compile(r"\t+| {2,}")


def _answer_like(part: str, max_words: int) -> bool:
    return (
        0 < len(part) <= 50
        and len(part.split()) <= max_words
        and (part[:1].isupper() or part[:1].isdigit())
        and not part.endswith(("?", ".", ":", ";"))
        and any(char.isalpha() for char in part)
    )


def answer_row(line: str) -> list[str] | None:
    """The answers laid out across one line under a question, or None.

    ``Fully resourced      Partly resourced      Don't know`` (spaces or tabs between
    them, as typed in Word) and ``On premises / Cloud (supplier hosted) / Other``.
    The caller checks that the line above asks the question.
    """
    text = line.strip()
    if not text or len(text) > 300:
        return None
    if _ROW_GAP.search(text):
        parts = [part.strip() for part in _ROW_GAP.split(text)]
    elif "/" in text:
        parts = [part.strip() for part in text.split("/")]
    else:
        return None
    if not 2 <= len(parts) <= 12 or len({part.lower() for part in parts}) != len(parts):
        return None
    if not all(_answer_like(part, 6) for part in parts):
        return None
    return parts
