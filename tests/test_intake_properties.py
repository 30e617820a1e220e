"""The parser's promise: any text up to 100 KB gives a result, never an exception, within a second.

``parse_received(strict=True)`` lets an internal fault raise, so these tests see bugs the
public function would otherwise turn into a "kept whole" warning.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foi_desktop.intake import parse_request_text
from foi_desktop.intake.request import ReceivedRequest, parse_received

LIMIT_SECONDS = 1.0
MAX_CHARS = 100_000

# Fragments that exercise every rule: numbering, bullets, tables, noise, dates, options.
FRAGMENTS = [
    "1.", "2)", "(3)", "4:", "Q5", "Question 6 -", "(a)", "b)", "c.", "(iv)", "ii.", "1.1", "2.3.4", "A.", "I.",
    "•", "·", "-", "*", "o\t", "☐", "▪", "◦", "[ ]", "\t", "|", "|---|", "\n", "\n\n", " ", "\xa0", "\x0b", "\r\n",
    "?", ":", "/", "Yes/No", "(Yes/No)", "Financial Year/Calendar Year", "Dear Sir/Madam,", "Yours faithfully,",
    "Kind regards", "Sam Taylor", "-- ", ">", "On Mon, 3 Jun 2024 at 10:00, X <x@y.z> wrote:", "-----Original Message-----",
    "From: A <a@b.c>", "Sent: 04 May 2020 09:41", "Subject: FOI - x", "Please use this email address for all replies to this request:",
    "request-1-ab12cd34@whatdotheyknow.com", "Name: Jo", "Email: jo@x.org", "Details of your request:", "How many",
    "please provide the following:", "the number of", "Which of the following", "2023.", "31/03/2024", "£1.5m",
    "\u2019", "\u201c", "\ufeff", "\x00", "\ud800", "é", "🙂",
    "1a.", "(2b)", "3c)", "e.g.", "No.", "If so, ", "Please tick one:", "☐ a ☐ b", "[ ] Yes [ ] No", "?: ",
    "Dear Sir, ", "FOI Team <foi@x.gov.uk> wrote:", "<p>", "</td>",
    "#1 ", "#2.", "Please state Yes/No.", "(Yes/No), and", "(e.g. A/B)", "      ", "\t\t", " / ", "Re: x",
    "Details of the information you are requesting:", "Submitted: 03/02/2025", "Waiting times\n", "within 20 working days",
]


def _strict(text: str):
    return parse_received(ReceivedRequest(body=text), strict=True)


def _timed(text: str):
    # CPU time, not wall time: the bound is on the parser's work, which another busy process
    # on the machine does not change.
    started = time.process_time()
    parsed = _strict(text)
    elapsed = time.process_time() - started
    assert elapsed < LIMIT_SECONDS, f"{elapsed:.2f}s for {len(text)} characters"
    return parsed


def _check(parsed) -> None:
    assert isinstance(parsed.source_text, str)
    assert len(parsed.question_lines) == len(parsed.questions)
    case = parsed.to_case()
    for question in case.questions:
        assert question.label
        assert isinstance(question.text, str)
        if question.table is not None:
            table = question.table
            assert len(table.cells) == len(table.rows)
            assert all(len(row) == len(table.columns) for row in table.cells)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_any_text_parses(text):
    _check(_timed(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=400), st.integers(min_value=1, max_value=400))
def test_request_like_text_parses_quickly_up_to_100_kb(pieces, repeat):
    text = "".join(pieces)
    text = (text * max(1, min(repeat, MAX_CHARS // max(1, len(text)))))[:MAX_CHARS]
    _check(_timed(text))


ADVERSARIAL = {
    "bullets": "• Yes\n" * 20_000,
    "bullets on one line": "•a" * 50_000,
    "digits and dots": "1.2.3.4.5.6.7.8.9." * 6_000,
    "glued numbering": "".join(f"{i}.The number {i}." for i in range(1, 20_000)),
    "one enormous line": "How many staff/posts (Yes/No) " * 4_000,
    "deeply nested numbering": "\n".join("1." * 60 + " x" for _ in range(1_000)),
    "nested numbering on one line": "1.1.1.1.1.1.1.1.1.1.1.1 " * 5_000,
    "letters": "".join(f"{chr(97 + i % 26)}) x\n" for i in range(20_000)),
    "roman": "".join(f"({'i' * (1 + i % 7)}) x\n" for i in range(15_000)),
    "tabs": "\t" * MAX_CHARS,
    "tab rows": "a\tb\n" * 25_000,
    "cell lines": ("\tx\n" * 3 + "\n") * 8_000,
    "pipes": "| a | b |\n" * 10_000,
    "slashes": "Yes/" * 25_000 + "?",
    "parentheses": "(" * 50_000 + ")" * 50_000,
    "greetings": "Dear x,\n" * 12_000,
    "sign-offs before a question": "Thanks\n" * 14_000 + "1. Why?",
    "quotes": "On Mon 1 Jan 2024 x wrote:\n>" * 4_000,
    "headers": "From: a\nSent: b\n" * 8_000,
    "web form": "Name: a\nEmail: b\nRequest: c\nPhone: d\n" * 3_000,
    "question marks": "?" * MAX_CHARS,
    "check boxes": "Yes \u2610 No \u2610 " * 8_000 + "?",
    "control characters": "".join(chr(i % 32) for i in range(MAX_CHARS)),
    "surrogates and emoji": "\ud800🙂\udfff" * 30_000,
    "abbreviations before question marks": "No. A? " * 15_000,
    "follow-up questions": "Why? " + "If so, why? " * 8_000,
    "statements before a question": "The cost was high. " * 5_000 + "Why? How?",
    "sub-questions": "1. Why?\n" + "1a. x\n" * 15_000,
    "tick boxes on one line": "1. Which?\n" + "\u2610 a \u2610 b " * 10_000,
    "square-bracket boxes": "1. Which? " + "[ ] a " * 15_000,
    "answer instructions": "1. Which? Please tick one:\n- Yes\n" * 5_000,
    "covering notes over quoted requests": "Can you confirm?\n\nOn Mon 1 Jan 2024, Sam <s@x.org> wrote:\n> 1. a?\n> 2. b?\n" * 1_500,
    "replies from the authority": "ok\n\nFrom: FOI Team <foi@x.gov.uk>\nSent: 1 May 2024\nSubject: x\n\nCould you?\n" * 1_500,
    "form questions": "Name: a\nEmail: b\nPhone: c\nRequest: x\n" + "Really?: no\n" * 5_000,
    "answer spaces": "1. How many? " + "_" * 60_000 + "x\n2. Why? " + "._" * 15_000 + "\u2026" * 5_000,
    "wrapped numbers": "1. a,\n" + "".join(f"{n}) b,\n" for n in range(1, 9_000)),
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_adversarial_text(name):
    text = ADVERSARIAL[name][:MAX_CHARS]
    parsed = _timed(text)
    _check(parsed)
    assert parse_request_text(text).warnings == parsed.warnings  # the public function agrees
