"""The case being answered: plain data, no Qt, no I/O.

A case is what an officer works on from the day a request arrives to the day the
letter goes out. Everything here is a dataclass so that the file format, the
letter, the window and the tests all share one vocabulary.
"""

from __future__ import annotations

import copy
import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum


class Regime(str, Enum):
    """The access regime a request is handled under."""

    FOIA = "foia"
    EIR = "eir"
    FOISA = "foisa"
    EIR_SCOTLAND = "eir_scotland"

    @property
    def title(self) -> str:
        return REGIME_TITLES[self]

    @property
    def is_scottish(self) -> bool:
        return self in (Regime.FOISA, Regime.EIR_SCOTLAND)

    @property
    def is_environmental(self) -> bool:
        return self in (Regime.EIR, Regime.EIR_SCOTLAND)


REGIME_TITLES = {
    Regime.FOIA: "Freedom of Information Act 2000",
    Regime.EIR: "Environmental Information Regulations 2004",
    Regime.FOISA: "Freedom of Information (Scotland) Act 2002",
    Regime.EIR_SCOTLAND: "Environmental Information (Scotland) Regulations 2004",
}


class Outcome(str, Enum):
    """What the officer decided for one question."""

    PROVIDED = "provided"
    PARTLY_PROVIDED = "partly_provided"
    NOT_HELD = "not_held"
    COST_LIMIT = "cost_limit"
    EXEMPT = "exempt"
    NEITHER_CONFIRM_NOR_DENY = "neither_confirm_nor_deny"
    ACCESSIBLE_ELSEWHERE = "accessible_elsewhere"
    VEXATIOUS_OR_REPEATED = "vexatious_or_repeated"

    @property
    def label(self) -> str:
        return OUTCOME_LABELS[self]

    def label_for(self, regime: "Regime") -> str:
        """The label in the words of the regime: the EIR have exceptions, FOISA its own sections."""
        return REGIME_OUTCOME_LABELS.get(regime, {}).get(self, OUTCOME_LABELS[self])

    @property
    def is_refusal(self) -> bool:
        """True when the letter must carry a refusal notice for this answer."""
        return self not in (Outcome.PROVIDED, Outcome.NOT_HELD)

    @property
    def releases_information(self) -> bool:
        return self in (Outcome.PROVIDED, Outcome.PARTLY_PROVIDED)


OUTCOME_LABELS = {
    Outcome.PROVIDED: "Information provided",
    Outcome.PARTLY_PROVIDED: "Partly provided (some withheld)",
    Outcome.NOT_HELD: "Not held",
    Outcome.COST_LIMIT: "Refused: cost limit (section 12)",
    Outcome.EXEMPT: "Refused: exemption / exception applies",
    Outcome.NEITHER_CONFIRM_NOR_DENY: "Neither confirm nor deny",
    Outcome.ACCESSIBLE_ELSEWHERE: "Reasonably accessible elsewhere (section 21)",
    Outcome.VEXATIOUS_OR_REPEATED: "Refused: vexatious or repeated (section 14)",
}


_EIR_OUTCOME_LABELS = {
    Outcome.NOT_HELD: "Not held (exception 12(4)(a))",
    Outcome.COST_LIMIT: "Refused: manifestly unreasonable, cost (12(4)(b))",
    Outcome.EXEMPT: "Refused: exception applies",
    Outcome.ACCESSIBLE_ELSEWHERE: "Already publicly available (regulation 6(1)(b))",
    Outcome.VEXATIOUS_OR_REPEATED: "Refused: manifestly unreasonable (12(4)(b))",
}

REGIME_OUTCOME_LABELS = {
    Regime.EIR: _EIR_OUTCOME_LABELS,
    Regime.EIR_SCOTLAND: {
        **_EIR_OUTCOME_LABELS,
        Outcome.NOT_HELD: "Not held (exception 10(4)(a))",
        Outcome.COST_LIMIT: "Refused: manifestly unreasonable, cost (10(4)(b))",
        Outcome.VEXATIOUS_OR_REPEATED: "Refused: manifestly unreasonable (10(4)(b))",
        Outcome.ACCESSIBLE_ELSEWHERE: "Already publicly available (regulation 6(1)(b))",
    },
    Regime.FOISA: {
        Outcome.COST_LIMIT: "Refused: excessive cost (section 12)",
        Outcome.EXEMPT: "Refused: exemption applies",
        Outcome.NEITHER_CONFIRM_NOR_DENY: "Neither confirm nor deny (section 18)",
        Outcome.ACCESSIBLE_ELSEWHERE: "Otherwise accessible (section 25)",
    },
}


class Extension(str, Enum):
    """Extra time the law allows beyond the usual 20 working days."""

    NONE = "none"
    PUBLIC_INTEREST = "public_interest"  # FOIA s.10(3): normally +20 working days
    EIR_COMPLEX = "eir_complex"  # EIR reg.7(1): 40 working days in all


@dataclass
class Table:
    """A grid question: row and column labels, and the cells the officer fills in.

    ``cells`` always has one list per row and one string per column; use
    :meth:`normalise` after changing the labels.
    """

    rows: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)

    def normalise(self) -> None:
        width = len(self.columns)
        cells = [list(row[:width]) + [""] * (width - len(row)) for row in self.cells[: len(self.rows)]]
        cells += [[""] * width for _ in range(len(self.rows) - len(cells))]
        self.cells = cells

    def cell(self, row: int, column: int) -> str:
        return self.cells[row][column]

    @property
    def has_values(self) -> bool:
        return any(value.strip() for row in self.cells for value in row)


@dataclass
class PublicInterestTest:
    """The balance a qualified exemption or an EIR exception needs."""

    favouring_disclosure: str = ""
    favouring_withholding: str = ""
    conclusion: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.favouring_disclosure.strip() or self.favouring_withholding.strip() or self.conclusion.strip())


@dataclass
class CostEstimate:
    """How a section 12 refusal was reached: items × minutes each, plus the advice to narrow."""

    items: int | None = None
    minutes_per_item: float | None = None
    activity: str = ""  # e.g. "locating, retrieving and extracting each record"
    advice: str = ""  # section 16 advice on how the request could be narrowed

    @property
    def hours(self) -> float | None:
        if self.items is None or self.minutes_per_item is None:
            return None
        return self.items * self.minutes_per_item / 60

    @property
    def is_empty(self) -> bool:
        return self.items is None and self.minutes_per_item is None and not self.activity.strip() and not self.advice.strip()


@dataclass
class Answer:
    """The officer's answer to one question."""

    outcome: Outcome = Outcome.PROVIDED
    choice: int | None = None  # index into the question's options
    explanation: str = ""
    exemptions: list[str] = field(default_factory=list)  # catalogue ids such as "s43(2)"
    public_interest: PublicInterestTest = field(default_factory=PublicInterestTest)
    cost: CostEstimate = field(default_factory=CostEstimate)
    location: str = ""  # where the information is available (section 21)


class QuestionKind(str, Enum):
    OPTIONS = "options"
    TABLE = "table"
    FREE = "free"


@dataclass
class Question:
    """One numbered question of the request, as asked, with its answer."""

    text: str = ""
    label: str = ""
    options: list[str] = field(default_factory=list)
    table: Table | None = None
    answer: Answer = field(default_factory=Answer)
    notes: str = ""  # internal notes: never reach the letter

    @property
    def kind(self) -> QuestionKind:
        if self.table is not None:
            return QuestionKind.TABLE
        if self.options:
            return QuestionKind.OPTIONS
        return QuestionKind.FREE

    @property
    def chosen_option(self) -> str | None:
        choice = self.answer.choice
        if choice is None or not 0 <= choice < len(self.options):
            return None
        return self.options[choice]


@dataclass
class Requester:
    name: str = ""
    email: str = ""
    address: str = ""  # postal address, one line per line


@dataclass
class Organisation:
    """Who answers: the profile an officer sets once, or a case's own override."""

    name: str = ""  # "Leicester City Council"
    short_name: str = "the Council"  # how the letter refers to it
    address: str = ""
    foi_email: str = ""  # where internal reviews are sent
    phone: str = ""
    website: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    review_period_working_days: int = 40  # how long requesters have to ask for a review
    cost_limit_hours: int = 18  # 18 h (£450) for local authorities, 24 h (£600) for central government

    def merged_over(self, base: "Organisation") -> "Organisation":
        """This profile with its empty text fields filled from ``base``."""
        merged = copy.copy(base)
        for name, value in vars(self).items():
            if isinstance(value, str) and not value.strip():
                continue
            setattr(merged, name, value)
        return merged


@dataclass
class Clarification:
    """FOIA s.1(3): the clock stops while the officer waits for the requester to clarify."""

    requested: _dt.date | None = None
    received: _dt.date | None = None


@dataclass
class Case:
    reference: str = ""
    subject: str = ""
    requester: Requester = field(default_factory=Requester)
    received: _dt.date | None = None
    regime: Regime = Regime.FOIA
    notes: str = ""  # internal notes: never reach the letter
    holding_statement: str = ""  # empty: derived from the outcomes
    letter_date: _dt.date | None = None  # empty: the day the letter is exported
    extension: Extension = Extension.NONE
    clarification: Clarification = field(default_factory=Clarification)
    organisation: Organisation | None = None  # a case answered for another body (shared services)
    questions: list[Question] = field(default_factory=list)

    def clone(self) -> "Case":
        return copy.deepcopy(self)

    def relabel(self) -> None:
        """Give unlabelled questions the next number, so the letter never shows a gap."""
        for index, question in enumerate(self.questions, start=1):
            if not question.label.strip():
                question.label = str(index)

    @property
    def refuses_anything(self) -> bool:
        return any(q.answer.outcome.is_refusal for q in self.questions)
