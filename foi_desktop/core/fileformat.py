"""The ``.foi`` file: UTF-8 JSON, an open interchange format (see docs/file-format.md).

Reading is strict and explains itself: the first problem found is named in words an
officer understands ("Question 3: the chosen option 7 does not exist; it has 4
options."). Files written by a newer FOI Desktop are refused rather than half read;
files from older versions are migrated step by step.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
from pathlib import Path
from typing import Any, Callable

from foi_desktop.core.atomic import atomic_write
from foi_desktop.core.case import (
    Answer,
    Case,
    Clarification,
    CostEstimate,
    Extension,
    Organisation,
    Outcome,
    PublicInterestTest,
    Question,
    Regime,
    Requester,
    Table,
)

FORMAT_NAME = "foi-desktop"
CURRENT_VERSION = 1
FILE_SUFFIX = ".foi"
MAX_FILE_BYTES = 64 * 1024 * 1024

# version N -> function turning a version-N document into a version N+1 document.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class CaseFileError(Exception):
    """A case file cannot be read; the message is meant for the officer."""


# --------------------------------------------------------------------------- writing


def case_to_dict(case: Case) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": CURRENT_VERSION,
        "case": {
            "reference": case.reference,
            "subject": case.subject,
            "requester": {
                "name": case.requester.name,
                "email": case.requester.email,
                "address": case.requester.address,
            },
            "received": _date_out(case.received),
            "regime": case.regime.value,
            "notes": case.notes,
            "holding_statement": case.holding_statement,
            "letter_date": _date_out(case.letter_date),
            "extension": case.extension.value,
            "clarification": {
                "requested": _date_out(case.clarification.requested),
                "received": _date_out(case.clarification.received),
            },
            "organisation": None if case.organisation is None else dict(vars(case.organisation)),
        },
        "questions": [_question_to_dict(q) for q in case.questions],
    }


def _question_to_dict(question: Question) -> dict[str, Any]:
    table = question.table
    answer = question.answer
    return {
        "label": question.label,
        "text": question.text,
        "options": list(question.options),
        "table": None
        if table is None
        else {"rows": list(table.rows), "columns": list(table.columns), "cells": [list(r) for r in table.cells]},
        "notes": question.notes,
        "answer": {
            "outcome": answer.outcome.value,
            "choice": answer.choice,
            "explanation": answer.explanation,
            "exemptions": list(answer.exemptions),
            "public_interest": {
                "favouring_disclosure": answer.public_interest.favouring_disclosure,
                "favouring_withholding": answer.public_interest.favouring_withholding,
                "conclusion": answer.public_interest.conclusion,
            },
            "cost": {
                "items": answer.cost.items,
                "minutes_per_item": answer.cost.minutes_per_item,
                "activity": answer.cost.activity,
                "advice": answer.cost.advice,
            },
            "location": answer.location,
        },
    }


def _date_out(value: _dt.date | None) -> str | None:
    return value.isoformat() if value else None


def dumps(case: Case) -> str:
    return json.dumps(case_to_dict(case), ensure_ascii=False, indent=2) + "\n"


def save_case(case: Case, path: str | os.PathLike[str]) -> None:
    """Write atomically: a crash or a full disk never leaves a truncated case file."""
    atomic_write(path, encode(case))


def encode(case: Case) -> bytes:
    """UTF-8 bytes of the file. A lone surrogate (possible in text pasted through Qt) is
    written as its JSON escape, so saving never fails and loading gives the same text back."""
    return dumps(case).encode("utf-8", errors="backslashreplace")


# --------------------------------------------------------------------------- reading


def load_case(path: str | os.PathLike[str]) -> Case:
    source = Path(path)
    try:
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CaseFileError(f"{source.name} is {size // (1024 * 1024)} MB, too large to be an FOI Desktop case file.")
        raw = source.read_bytes()
    except CaseFileError:
        raise
    except FileNotFoundError:
        raise CaseFileError(f"{source} does not exist.") from None
    except IsADirectoryError:
        raise CaseFileError(f"{source} is a folder, not a case file.") from None
    except PermissionError:
        raise CaseFileError(f"{source.name} cannot be read: permission denied.") from None
    except OSError as exc:
        raise CaseFileError(f"{source.name} cannot be read: {exc.strerror or exc}.") from None
    try:
        return loads(raw)
    except CaseFileError as exc:
        raise CaseFileError(f"{source.name}: {exc}") from None


def loads(raw: bytes | str) -> Case:
    if isinstance(raw, bytes):
        if not raw.strip():
            raise CaseFileError("the file is empty.")
        if raw.startswith(b"PK\x03\x04"):
            raise CaseFileError("this is a Word or zip file, not an FOI Desktop case. To start from a request, use Import.")
        if b"\x00" in raw[:4096]:
            raise CaseFileError("this is not an FOI Desktop case file (it contains binary data).")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise CaseFileError("this is not an FOI Desktop case file (it is not UTF-8 text).") from None
    else:
        text = raw
    if not text.strip():
        raise CaseFileError("the file is empty.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if text.lstrip().startswith(("{", "[")):
            raise CaseFileError(
                f"the file is damaged or incomplete (it stops making sense at line {exc.lineno}, column {exc.colno}). "
                "If it was being saved when the computer stopped, look for a recovered draft."
            ) from None
        raise CaseFileError("this is not an FOI Desktop case file.") from None
    return case_from_dict(data)


def case_from_dict(data: Any) -> Case:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise CaseFileError("this is not an FOI Desktop case file (it has no \"format\": \"foi-desktop\" marker).")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CaseFileError("the file does not say which version of the format it uses.")
    if version > CURRENT_VERSION:
        raise CaseFileError(
            f"this case was saved by a newer FOI Desktop (file format {version}; this copy reads up to "
            f"{CURRENT_VERSION}). Update FOI Desktop to open it."
        )
    data = migrate(data)
    reader = _Reader()
    case_data = reader.obj(data.get("case", {}), "the case details")
    case = Case(
        reference=reader.text(case_data, "reference", "the case details"),
        subject=reader.text(case_data, "subject", "the case details"),
        requester=_read_requester(reader, case_data.get("requester", {})),
        received=reader.date(case_data, "received", "the date received"),
        regime=reader.enum(case_data, "regime", Regime, Regime.FOIA, "the case's regime"),
        notes=reader.text(case_data, "notes", "the case details"),
        holding_statement=reader.text(case_data, "holding_statement", "the case details"),
        letter_date=reader.date(case_data, "letter_date", "the letter date"),
        extension=reader.enum(case_data, "extension", Extension, Extension.NONE, "the case's extension"),
        clarification=_read_clarification(reader, case_data.get("clarification") or {}),
        organisation=_read_organisation(reader, case_data.get("organisation")),
    )
    questions = data.get("questions", [])
    if not isinstance(questions, list):
        raise CaseFileError("the questions are damaged (\"questions\" is not a list).")
    case.questions = [_read_question(reader, item, number) for number, item in enumerate(questions, start=1)]
    return case


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a document of any older version up to :data:`CURRENT_VERSION`."""
    version = data["version"]
    while version < CURRENT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise CaseFileError(f"file format {version} is no longer supported.")
        data = step(dict(data))
        version += 1
        data["version"] = version
    return data


def _read_requester(reader: "_Reader", data: Any) -> Requester:
    where = "the requester's details"
    data = reader.obj(data, where)
    return Requester(
        name=reader.text(data, "name", where),
        email=reader.text(data, "email", where),
        address=reader.text(data, "address", where),
    )


def _read_clarification(reader: "_Reader", data: Any) -> Clarification:
    data = reader.obj(data, "the clarification dates")
    return Clarification(
        requested=reader.date(data, "requested", "the date clarification was asked for"),
        received=reader.date(data, "received", "the date clarification was received"),
    )


def _read_organisation(reader: "_Reader", data: Any) -> Organisation | None:
    if data is None:
        return None
    where = "the case's organisation"
    data = reader.obj(data, where)
    org = Organisation()
    for name, default in vars(Organisation()).items():
        if isinstance(default, int):
            setattr(org, name, reader.integer(data, name, where, default=default, minimum=0))
        else:
            setattr(org, name, reader.text(data, name, where, default=default))
    return org


def _read_question(reader: "_Reader", data: Any, number: int) -> Question:
    where = f"Question {number}"
    data = reader.obj(data, where)
    if "text" not in data:
        raise CaseFileError(f"{where} has no text.")
    options = data.get("options", [])
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        raise CaseFileError(f"{where}: its options must be a list of texts.")
    question = Question(
        label=reader.text(data, "label", where),
        text=reader.text(data, "text", where),
        options=list(options),
        table=_read_table(reader, data.get("table"), where),
        notes=reader.text(data, "notes", where),
    )
    question.answer = _read_answer(reader, data.get("answer", {}), where, question)
    return question


def _read_table(reader: "_Reader", data: Any, where: str) -> Table | None:
    if data is None:
        return None
    data = reader.obj(data, f"{where}'s table")
    table = Table()
    for key in ("rows", "columns"):
        labels = data.get(key, [])
        if not isinstance(labels, list) or not all(isinstance(v, str) for v in labels):
            raise CaseFileError(f"{where}: the table's {key} must be a list of texts.")
        setattr(table, key, list(labels))
    cells = data.get("cells", [])
    if not isinstance(cells, list) or not all(
        isinstance(row, list) and all(isinstance(v, str) for v in row) for row in cells
    ):
        raise CaseFileError(f"{where}: the table's cells must be rows of texts.")
    if len(cells) > len(table.rows) or any(len(row) > len(table.columns) for row in cells):
        raise CaseFileError(
            f"{where}: the table has more cells than its {len(table.rows)} rows and {len(table.columns)} columns."
        )
    table.cells = [list(row) for row in cells]
    table.normalise()
    return table


def _read_answer(reader: "_Reader", data: Any, where: str, question: Question) -> Answer:
    data = reader.obj(data, f"{where}'s answer")
    answer = Answer(
        outcome=reader.enum(data, "outcome", Outcome, Outcome.PROVIDED, f"{where}'s outcome"),
        explanation=reader.text(data, "explanation", where),
        location=reader.text(data, "location", where),
    )
    choice = data.get("choice")
    if choice is not None:
        if not isinstance(choice, int) or isinstance(choice, bool):
            raise CaseFileError(f"{where}: the chosen option must be a number or null.")
        if not 0 <= choice < len(question.options):
            raise CaseFileError(
                f"{where}: the chosen option {choice + 1} does not exist; it has {len(question.options)} options."
            )
    answer.choice = choice
    exemptions = data.get("exemptions", [])
    if not isinstance(exemptions, list) or not all(isinstance(e, str) for e in exemptions):
        raise CaseFileError(f"{where}: the exemptions must be a list of ids such as \"s43(2)\".")
    answer.exemptions = list(exemptions)
    pit = reader.obj(data.get("public_interest") or {}, f"{where}'s public interest test")
    answer.public_interest = PublicInterestTest(
        favouring_disclosure=reader.text(pit, "favouring_disclosure", where),
        favouring_withholding=reader.text(pit, "favouring_withholding", where),
        conclusion=reader.text(pit, "conclusion", where),
    )
    cost = reader.obj(data.get("cost") or {}, f"{where}'s cost estimate")
    answer.cost = CostEstimate(
        items=reader.integer(cost, "items", f"{where}'s cost estimate", default=None, minimum=0),
        minutes_per_item=reader.number(cost, "minutes_per_item", f"{where}'s cost estimate"),
        activity=reader.text(cost, "activity", where),
        advice=reader.text(cost, "advice", where),
    )
    return answer


class _Reader:
    """Small typed getters that raise :class:`CaseFileError` naming the place."""

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise CaseFileError(f"{where} are damaged (expected a set of named values).")
        return value

    def text(self, data: dict[str, Any], key: str, where: str, default: str = "") -> str:
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str):
            raise CaseFileError(f"{where}: \"{key}\" must be text.")
        return value

    def date(self, data: dict[str, Any], key: str, what: str) -> _dt.date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value)
            except ValueError:
                pass
        raise CaseFileError(f"{what} \"{value}\" is not a date in the form YYYY-MM-DD.")

    def enum(self, data: dict[str, Any], key: str, kind: type, default: Any, what: str) -> Any:
        value = data.get(key)
        if value is None:
            return default
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(member.value for member in kind)
            raise CaseFileError(f"{what} \"{value}\" is not one of: {allowed}.") from None

    def integer(self, data: dict[str, Any], key: str, where: str, *, default: int | None, minimum: int) -> int | None:
        value = data.get(key, default)
        if value is None:
            return default
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise CaseFileError(f"{where}: \"{key}\" must be a whole number of at least {minimum}.")
        return value

    def number(self, data: dict[str, Any], key: str, where: str) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value) or value < 0:
            raise CaseFileError(f"{where}: \"{key}\" must be a number of at least 0.")
        return value
