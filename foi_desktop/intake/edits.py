"""The corrections an officer makes in the review step, as plain functions on questions.

Kept apart from the dialog so they can be tested without a window and reused by
anything else that edits a freshly parsed request.
"""

from __future__ import annotations

import copy
import re

from foi_desktop.core.case import Question
from foi_desktop.intake.markers import read_marker


def split_question(question: Question, position: int) -> tuple[Question, Question]:
    """Two questions from one, cut at character ``position`` of its text.

    Options and table stay with the first part, which is where the question's wording
    usually is; the second part gets an empty label for :func:`renumber` to fill.
    """
    text = question.text
    position = max(0, min(position, len(text)))
    first = copy.deepcopy(question)
    first.text = text[:position].strip()
    second = Question(text=_strip_marker(text[position:].strip()))
    return first, second


def merge_questions(first: Question, second: Question) -> Question:
    """One question from two neighbours: texts joined, options combined, the first table kept."""
    merged = copy.deepcopy(first)
    merged.text = "\n".join(part for part in (first.text.strip(), second.text.strip()) if part)
    merged.options = list(first.options) + [option for option in second.options if option not in first.options]
    if merged.table is None and second.table is not None:
        merged.table = copy.deepcopy(second.table)
    return merged


def sub_parts(question: Question) -> tuple[str, list[tuple[str, str]]]:
    """The lead-in of a question and its sub-parts as (label, text): "a) …", "(ii) …", "2.1 …", "- …"."""
    lead: list[str] = []
    parts: list[tuple[str, str]] = []
    for line in question.text.split("\n"):
        marker = read_marker(line)
        if marker is not None and marker.text:
            parts.append((marker.label, marker.text))
        elif line.startswith("- ") and line[2:].strip():
            parts.append(("", line[2:].strip()))
        elif parts:
            label, text = parts[-1]
            parts[-1] = (label, f"{text} {line.strip()}".strip())
        else:
            lead.append(line.strip())
    return " ".join(part for part in lead if part), parts


def split_sub_parts(question: Question) -> list[Question]:
    """One question per sub-part, each reading "lead-in + sub-part", labelled 1a, 1b… (or 2.1, 2.2…).

    A question without sub-parts comes back unchanged, alone in the list.
    """
    lead, parts = sub_parts(question)
    if len(parts) < 2:
        return [question]
    questions = []
    for index, (label, text) in enumerate(parts):
        if label and question.label and (label.startswith(question.label + ".") or _is_own_sub_label(label, question.label)):
            new_label = label  # "2.1" or "2a" under question 2 already says where it belongs
        elif label:
            new_label = f"{question.label}{label}" if question.label else label
        else:
            new_label = f"{question.label}{chr(97 + index)}" if question.label and index < 26 else ""
        questions.append(
            Question(
                text=f"{lead} {text}".strip() if lead else text,
                label=new_label,
                options=list(question.options),
                table=copy.deepcopy(question.table) if index == 0 else None,
            )
        )
    return questions


def _is_own_sub_label(label: str, parent: str) -> bool:
    return len(label) == len(parent) + 1 and label.startswith(parent) and label[-1].isalpha() and parent.isdigit()


_NUMBERED = re.compile(r"^\d+$")


def is_plain_numbering(questions: list[Question]) -> bool:
    """True when the labels are exactly 1, 2, 3…, so edits may renumber them without losing anything."""
    return all(question.label == str(index) for index, question in enumerate(questions, start=1))


def renumber(questions: list[Question]) -> None:
    for index, question in enumerate(questions, start=1):
        question.label = str(index)


def _strip_marker(text: str) -> str:
    marker = read_marker(text)
    return marker.text if marker is not None and marker.text else text
