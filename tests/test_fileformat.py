"""The .foi file: round trips, validation messages, migration and atomic saving."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_desktop.core import fileformat
from foi_desktop.core.atomic import OutputError
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
from foi_desktop.core.fileformat import CaseFileError, load_case, loads, save_case

# Any Unicode text, control characters included (surrogates are tested on their own).
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
dates = st.none() | st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


@st.composite
def tables(draw):
    rows = draw(st.lists(texts, max_size=4))
    columns = draw(st.lists(texts, max_size=4))
    cells = [[draw(texts) for _ in columns] for _ in rows]
    return Table(rows=rows, columns=columns, cells=cells)


@st.composite
def questions(draw):
    options = draw(st.lists(texts, max_size=5))
    choice = draw(st.none() | st.integers(0, len(options) - 1)) if options else None
    return Question(
        label=draw(texts),
        text=draw(texts),
        options=options,
        table=draw(st.none() | tables()),
        notes=draw(texts),
        answer=Answer(
            outcome=draw(st.sampled_from(Outcome)),
            choice=choice,
            explanation=draw(texts),
            exemptions=draw(st.lists(texts, max_size=3)),
            public_interest=PublicInterestTest(draw(texts), draw(texts), draw(texts)),
            cost=CostEstimate(
                items=draw(st.none() | st.integers(0, 10**9)),
                minutes_per_item=draw(st.none() | st.floats(0, 1e6, allow_nan=False) | st.integers(0, 10**6)),
                activity=draw(texts),
                advice=draw(texts),
            ),
            location=draw(texts),
        ),
    )


@st.composite
def organisations(draw):
    return Organisation(
        name=draw(texts),
        short_name=draw(texts),
        address=draw(texts),
        foi_email=draw(texts),
        phone=draw(texts),
        website=draw(texts),
        signatory_name=draw(texts),
        signatory_title=draw(texts),
        review_period_working_days=draw(st.integers(0, 400)),
        cost_limit_hours=draw(st.integers(0, 100)),
    )


@st.composite
def cases(draw):
    return Case(
        reference=draw(texts),
        subject=draw(texts),
        requester=Requester(draw(texts), draw(texts), draw(texts)),
        received=draw(dates),
        regime=draw(st.sampled_from(Regime)),
        notes=draw(texts),
        holding_statement=draw(texts),
        letter_date=draw(dates),
        extension=draw(st.sampled_from(Extension)),
        clarification=Clarification(draw(dates), draw(dates)),
        organisation=draw(st.none() | organisations()),
        questions=draw(st.lists(questions(), max_size=6)),
    )


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(case=cases())
def test_any_case_survives_save_and_load_unchanged(case, tmp_path_factory):
    path = tmp_path_factory.mktemp("rt") / "case.foi"
    save_case(case, path)
    assert load_case(path) == case


@settings(max_examples=60, deadline=None)
@given(case=cases())
def test_every_saved_file_matches_the_published_schema(case):
    jsonschema = pytest.importorskip("jsonschema")
    from foi_desktop.assets import resource_path

    schema = json.loads(resource_path("schema", "foi-desktop.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(fileformat.dumps(case)), schema)


def test_lone_surrogates_from_pasted_text_save_and_load(tmp_path):
    case = Case(subject="broken \ud83d paste", questions=[Question(text="a\udc80b")])
    path = tmp_path / "s.foi"
    save_case(case, path)
    path.read_bytes().decode("utf-8")  # the file itself is valid UTF-8
    assert load_case(path) == case


def test_sample_keeps_the_interchange_names(sample_case):
    data = json.loads(fileformat.dumps(sample_case))
    assert data["format"] == "foi-desktop" and data["version"] == fileformat.CURRENT_VERSION
    first = data["questions"][0]
    assert set(first) >= {"text", "options", "table", "answer"}
    assert set(first["table"]) >= {"rows", "columns", "cells"}
    assert set(first["answer"]) >= {"outcome", "choice", "explanation", "exemptions"}
    assert first["answer"]["outcome"] == "cost_limit"
    assert data["questions"][2]["answer"]["choice"] == 0


def test_sample_reproduces_the_council_response(sample_case):
    q = sample_case.questions
    assert [x.label for x in q] == ["1", "2", "3", "4", "5"]
    assert q[0].table.columns == ["January 2020", "February 2020", "March 2020"]
    assert q[0].table.rows == ["Number of digitised citizen records", "Number of paper-based citizen records"]
    assert [x.answer.outcome for x in q] == [
        Outcome.COST_LIMIT,
        Outcome.NOT_HELD,
        Outcome.PROVIDED,
        Outcome.PROVIDED,
        Outcome.PROVIDED,
    ]
    assert q[1].options == ["0%", "1-25%", "26-50%", "51-75%", "76-99%", "100%"]
    assert q[2].chosen_option == "Yes, we did this in 2019 or earlier"
    assert q[4].chosen_option == "Yes - they can access at least some of their own digital records online"


# --------------------------------------------------------------------------- bad files


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02\xff" * 100, "binary data"),
        (b"PK\x03\x04rest-of-a-docx", "Word or zip file"),
        (b"\xff\xfe\xfd not utf-8 \x80", "not UTF-8"),
        (b"Dear FOI team, please tell me", "not an FOI Desktop case file"),
        (b'{"format": "foi-desktop", "version": 1, "case": {"subject": "trunc', "damaged or incomplete"),
        (b'{"hello": "world"}', "no \"format\": \"foi-desktop\" marker"),
        (b"[1, 2, 3]", "not an FOI Desktop case file"),
        (b'{"format": "foi-desktop"}', "does not say which version"),
        (b'{"format": "foi-desktop", "version": 7, "case": {}, "questions": []}', "newer FOI Desktop"),
    ],
)
def test_bad_files_each_get_their_own_clear_message(tmp_path, content, expected):
    path = tmp_path / "bad.foi"
    path.write_bytes(content)
    with pytest.raises(CaseFileError) as info:
        load_case(path)
    message = str(info.value)
    assert expected in message
    assert message.startswith("bad.foi: ")
    assert "Traceback" not in message


def test_truncated_real_file_is_reported_with_its_position(tmp_path, sample_case):
    data = fileformat.encode(sample_case)
    path = tmp_path / "cut.foi"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CaseFileError, match=r"damaged or incomplete .*line \d+"):
        load_case(path)


def test_newer_version_says_to_update(tmp_path):
    with pytest.raises(CaseFileError, match="file format 2; this copy reads up to 1.*Update FOI Desktop"):
        loads(b'{"format": "foi-desktop", "version": 2, "case": {}, "questions": []}')


def test_missing_and_folder_paths(tmp_path):
    with pytest.raises(CaseFileError, match="does not exist"):
        load_case(tmp_path / "nope.foi")
    with pytest.raises(CaseFileError, match="is a folder"):
        load_case(tmp_path)


def _doc(**question):
    base = {"text": "Q?", "options": ["A", "B"], "table": None, "answer": {"outcome": "provided", "choice": None}}
    base.update(question)
    return json.dumps({"format": "foi-desktop", "version": 1, "case": {}, "questions": [{"text": "ok"}, base]})


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        (_doc(answer={"outcome": "lost"}), "Question 2's outcome \"lost\" is not one of: provided, partly_provided"),
        (_doc(answer={"choice": 5}), "Question 2: the chosen option 6 does not exist; it has 2 options."),
        (_doc(answer={"choice": "A"}), "Question 2: the chosen option must be a number"),
        (_doc(options="A, B"), "Question 2: its options must be a list of texts."),
        (_doc(text=5), "Question 2: \"text\" must be text."),
        (_doc(table={"rows": ["r"], "columns": ["c"], "cells": [["1", "2"]]}), "more cells than its 1 rows"),
        (_doc(answer={"exemptions": "s43"}), "exemptions must be a list"),
        (_doc(answer={"cost": {"items": -1}}), "\"items\" must be a whole number of at least 0"),
        (
            json.dumps({"format": "foi-desktop", "version": 1, "case": {"received": "31/12/2024"}, "questions": []}),
            "the date received \"31/12/2024\" is not a date",
        ),
        (
            json.dumps({"format": "foi-desktop", "version": 1, "case": {"regime": "gdpr"}, "questions": []}),
            "the case's regime \"gdpr\" is not one of",
        ),
        (json.dumps({"format": "foi-desktop", "version": 1, "case": {}, "questions": {}}), "\"questions\" is not a list"),
    ],
)
def test_validation_names_the_first_problem_in_plain_words(document, expected):
    with pytest.raises(CaseFileError) as info:
        loads(document)
    assert expected in str(info.value)


def test_short_table_rows_are_padded_so_every_cell_exists():
    case = loads(_doc(table={"rows": ["r1", "r2"], "columns": ["a", "b", "c"], "cells": [["1"]]}))
    assert case.questions[1].table.cells == [["1", "", ""], ["", "", ""]]


def test_minimal_file_from_another_tool_loads_with_defaults():
    case = loads('{"format": "foi-desktop", "version": 1, "case": {"subject": "Potholes"}, "questions": [{"text": "How many?"}]}')
    assert case.subject == "Potholes"
    assert case.regime is Regime.FOIA
    assert case.questions[0].answer == Answer()


def test_older_versions_are_migrated_step_by_step(monkeypatch):
    """A future format 2 must still read format-1 files: the chain runs each step in order."""
    monkeypatch.setattr(fileformat, "CURRENT_VERSION", 3)

    def one_to_two(doc):
        doc["case"]["subject"] = doc["case"].pop("title")
        return doc

    def two_to_three(doc):
        doc["case"]["subject"] += " (migrated)"
        return doc

    monkeypatch.setattr(fileformat, "MIGRATIONS", {1: one_to_two, 2: two_to_three})
    case = loads('{"format": "foi-desktop", "version": 1, "case": {"title": "Bins"}, "questions": []}')
    assert case.subject == "Bins (migrated)"


def test_version_without_a_migration_is_refused_clearly(monkeypatch):
    monkeypatch.setattr(fileformat, "CURRENT_VERSION", 2)
    monkeypatch.setattr(fileformat, "MIGRATIONS", {})
    with pytest.raises(CaseFileError, match="file format 1 is no longer supported"):
        loads('{"format": "foi-desktop", "version": 1, "case": {}, "questions": []}')


# --------------------------------------------------------------------------- atomic saving


def test_save_failure_leaves_the_previous_file_intact_and_no_temporary(tmp_path, sample_case, monkeypatch):
    path = tmp_path / "case.foi"
    save_case(sample_case, path)
    before = path.read_bytes()
    changed = sample_case.clone()
    changed.subject = "Changed"

    def locked(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError, match="open in another program"):
        save_case(changed, path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["case.foi"]


def test_full_disk_gives_a_clear_message_and_keeps_the_old_file(tmp_path, sample_case, monkeypatch):
    path = tmp_path / "case.foi"
    save_case(sample_case, path)
    before = path.read_bytes()
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="disk is full"):
        save_case(sample_case, path)
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["case.foi"]


def test_saving_into_a_missing_folder_says_so(tmp_path, sample_case):
    with pytest.raises(OutputError, match="does not exist"):
        save_case(sample_case, tmp_path / "no" / "such" / "case.foi")


def test_saved_file_is_readable_utf8_json(tmp_path):
    case = Case(subject="Café ‘smart’ — £5", questions=[Question(text="Ünïcödé?")])
    path = tmp_path / "c.foi"
    save_case(case, path)
    text = path.read_text(encoding="utf-8")
    assert "Café ‘smart’ — £5" in text  # human-readable, not \u-escaped
