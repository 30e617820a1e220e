"""Generated cases of any size, shaped like real questionnaires, for benchmarks and load tests.

Every fourth question has an option set, every seventh a table; outcomes cycle through
all of them so the letter exercises every standard paragraph.
"""

from __future__ import annotations

import datetime as dt

from foi_desktop.core.case import (
    Answer, Case, CostEstimate, Outcome, PublicInterestTest, Question, Regime, Requester, Table,
)

_OUTCOMES = [
    Outcome.PROVIDED, Outcome.PROVIDED, Outcome.PROVIDED, Outcome.NOT_HELD, Outcome.PARTLY_PROVIDED,
    Outcome.COST_LIMIT, Outcome.EXEMPT, Outcome.ACCESSIBLE_ELSEWHERE, Outcome.NEITHER_CONFIRM_NOR_DENY,
]


def generated_case(questions: int, *, regime: Regime = Regime.FOIA) -> Case:
    case = Case(
        reference=f"BENCH-{questions:04d}",
        subject=f"Survey of council services ({questions} questions)",
        requester=Requester(name="Alex Example", email="alex@example.org", address="1 High Street\nAnytown\nAB1 2CD"),
        received=dt.date(2024, 3, 4),
        regime=regime,
    )
    for number in range(1, questions + 1):
        outcome = _OUTCOMES[number % len(_OUTCOMES)]
        question = Question(
            label=str(number),
            text=f"Question {number}: how many requests about service area {number} did the council receive "
            f"in each of the last three financial years, and how many of them were answered on time?",
        )
        answer = Answer(outcome=outcome, explanation=f"Answer to question {number}. " * 3)
        if number % 4 == 0:
            question.options = ["Yes", "No", "Partly", "Don't know"]
            answer.choice = number % 4
        elif number % 7 == 0:
            question.table = Table(
                rows=["2021/22", "2022/23", "2023/24"],
                columns=["Received", "Answered on time"],
                cells=[[str(number * 3), str(number * 2)], [str(number), ""], ["", ""]],
            )
        if outcome is Outcome.EXEMPT:
            answer.exemptions = ["s43(2)"] if number % 2 else ["s40(2)"]
            answer.public_interest = PublicInterestTest(
                "Transparency about spending.", "Harm to the supplier's commercial position.",
                "The public interest favours withholding.",
            )
        elif outcome is Outcome.COST_LIMIT:
            answer.cost = CostEstimate(items=600, minutes_per_item=3, activity="locating and reading each file",
                                       advice="You may wish to narrow the request to one year.")
        elif outcome is Outcome.ACCESSIBLE_ELSEWHERE:
            answer.location = "https://www.example.gov.uk/transparency"
        question.answer = answer
        case.questions.append(question)
    return case
