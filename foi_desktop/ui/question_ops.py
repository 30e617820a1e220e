"""Pure edits of the question list and of a question's options and table.

Each function returns new objects and leaves its arguments untouched, so an undo
command can keep the before and after states side by side. No Qt here: these
rules (how a split or a merge treats the answer, how labels follow a reorder) are
tested on their own.
"""

from __future__ import annotations

import copy

from foi_desktop.core.case import Question, Table


def is_numbered_in_order(questions: list[Question]) -> bool:
    """True when the labels read 1, 2, 3…: the request's own numbering, safe to renumber."""
    return all(q.label.strip() == str(n) for n, q in enumerate(questions, start=1))


def renumbered(before: list[Question], after: list[Question]) -> list[Question]:
    """Renumber ``after`` 1, 2, 3… when ``before`` was numbered that way; otherwise keep labels.

    Questions whose label changes are copied, so ``before`` still holds the old labels.
    """
    if not is_numbered_in_order(before):
        return after
    result = []
    for number, question in enumerate(after, start=1):
        if question.label != str(number):
            question = copy.deepcopy(question)
            question.label = str(number)
        result.append(question)
    return result


def with_question_added(questions: list[Question], index: int, text: str = "") -> list[Question]:
    after = list(questions)
    after.insert(index, Question(text=text))
    return renumbered(questions, after)


def with_question_removed(questions: list[Question], index: int) -> list[Question]:
    after = list(questions)
    del after[index]
    return renumbered(questions, after)


def with_question_moved(questions: list[Question], index: int, to: int) -> list[Question]:
    after = list(questions)
    after.insert(to, after.pop(index))
    return renumbered(questions, after)


def split_text_at(text: str, position: int) -> tuple[str, str] | None:
    """The two halves of a question's text, or None when the cut would leave one empty."""
    first, second = text[:position].rstrip(), text[position:].strip()
    if not first or not second:
        return None
    return first, second


def with_question_split(questions: list[Question], index: int, position: int) -> list[Question]:
    """Cut question ``index`` at ``position`` of its text.

    The first part keeps everything already worked out (options, table, answer,
    notes): a split corrects how the request was read, it should not lose work.
    The second part starts as a fresh question.
    """
    original = questions[index]
    halves = split_text_at(original.text, position)
    if halves is None:
        raise ValueError("the cut must leave text on both sides")
    first = copy.deepcopy(original)
    first.text = halves[0]
    second = Question(text=halves[1])
    after = list(questions)
    after[index : index + 1] = [first, second]
    return renumbered(questions, after)


def merged(first: Question, second: Question) -> Question:
    """One question from two that the request (or the import) split wrongly.

    Texts, explanations and notes are joined; options or a table come from the
    first question that has them, with that question's choice.
    """
    result = copy.deepcopy(first)
    result.text = _join(first.text, second.text)
    result.notes = _join(first.notes, second.notes)
    result.answer.explanation = _join(first.answer.explanation, second.answer.explanation)
    for exemption in second.answer.exemptions:
        if exemption not in result.answer.exemptions:
            result.answer.exemptions.append(exemption)
    if not first.options and not first.table and (second.options or second.table):
        result.options = list(second.options)
        result.table = copy.deepcopy(second.table)
        result.answer.choice = second.answer.choice
    return result


def with_questions_merged(questions: list[Question], index: int) -> list[Question]:
    """Merge question ``index`` with the one after it."""
    after = list(questions)
    after[index : index + 2] = [merged(questions[index], questions[index + 1])]
    return renumbered(questions, after)


def _join(a: str, b: str) -> str:
    a, b = a.strip(), b.strip()
    return f"{a}\n{b}" if a and b else a or b


def remapped_choice(old_options: list[str], choice: int | None, new_options: list[str]) -> int | None:
    """Keep the officer's choice when its wording survives an edit of the options."""
    if choice is None or not 0 <= choice < len(old_options):
        return None
    chosen = old_options[choice]
    if choice < len(new_options) and new_options[choice] == chosen:
        return choice
    return new_options.index(chosen) if chosen in new_options else None


def options_from_text(text: str) -> list[str]:
    """One option per non-empty line, with list bullets people paste from Word stripped."""
    options = []
    for line in text.splitlines():
        line = line.strip().lstrip("·•-*–").strip()
        if line:
            options.append(line)
    return options


# --------------------------------------------------------------------------- tables


def new_table() -> Table:
    return Table(rows=["Row 1"], columns=["Column 1"], cells=[[""]])


def with_row_added(table: Table, index: int, label: str = "") -> Table:
    result = copy.deepcopy(table)
    result.rows.insert(index, label or f"Row {len(table.rows) + 1}")
    result.cells.insert(index, [""] * len(result.columns))
    return result


def with_row_removed(table: Table, index: int) -> Table:
    result = copy.deepcopy(table)
    del result.rows[index]
    del result.cells[index]
    return result


def with_column_added(table: Table, index: int, label: str = "") -> Table:
    result = copy.deepcopy(table)
    result.columns.insert(index, label or f"Column {len(table.columns) + 1}")
    for row in result.cells:
        row.insert(index, "")
    return result


def with_column_removed(table: Table, index: int) -> Table:
    result = copy.deepcopy(table)
    del result.columns[index]
    for row in result.cells:
        del row[index]
    return result
