"""Regenerate resources/sample/digitised-records.foi from the council response it reproduces.

Run once after a change of the file format: ``python tools/make_sample.py``.
"""

import datetime as dt

from foi_desktop.core.case import (
    Answer, Case, CostEstimate, Organisation, Outcome, Question, Regime, Requester, Table,
)
from foi_desktop.core.fileformat import save_case
from foi_desktop.core.sample import sample_path

PLATFORM_OPTIONS = [
    "Yes, we did this in 2019 or earlier",
    "Yes, we have done this in the last four months (since January 2020)",
    "Yes, we are in the process of doing so right now",
    "Yes, we are planning to do so in the near future (in the next 12 months)",
    "Yes, we are planning to do so at some point in the future (at least 12 months away)",
    "No, we do not plan to do this",
]

case = Case(
    reference="FOI-2020-0473",
    subject="Digitised records",
    requester=Requester(
        name="Sam Taylor",
        email="request-0000001-5ab1c2d3@whatdotheyknow.com",
    ),
    received=dt.date(2020, 5, 4),
    regime=Regime.FOIA,
    holding_statement="The Council holds the information requested.",
    letter_date=dt.date(2020, 6, 1),
    notes="Sample case: reproduces a council's published response. Internal notes like this never reach the letter.",
    organisation=Organisation(
        name="Leicester City Council",
        short_name="the Council",
        address="City Hall\n115 Charles Street\nLeicester\nLE1 1FZ",
        foi_email="info.requests@leicester.gov.uk",
        website="https://www.leicester.gov.uk",
        signatory_name="Information Governance & Risk",
        signatory_title="Leicester City Council",
    ),
    questions=[
        Question(
            label="1",
            text="How many citizen records did your authority collect in Q1 2020 (January, February and March)?",
            table=Table(
                rows=["Number of digitised citizen records", "Number of paper-based citizen records"],
                columns=["January 2020", "February 2020", "March 2020"],
                cells=[["", "", ""], ["", "", ""]],
            ),
            answer=Answer(
                outcome=Outcome.COST_LIMIT,
                explanation=(
                    "Unfortunately the Council has no mechanism for extracting all this information from our many "
                    "different databases and therefore would have to extract this manually for thousands of records."
                ),
                cost=CostEstimate(advice="Please don\u2019t hesitate to contact us if you need help in refining your request."),
            ),
        ),
        Question(
            label="2",
            text="What approximate percentage of this content (your citizen records) is shared with third-party organisations?",
            options=["0%", "1-25%", "26-50%", "51-75%", "76-99%", "100%"],
            answer=Answer(outcome=Outcome.NOT_HELD),
        ),
        Question(
            label="3",
            text="Is your local authority adopting a content services platform to collaborate with third-party organisations?",
            options=list(PLATFORM_OPTIONS),
            answer=Answer(outcome=Outcome.PROVIDED, choice=0),
        ),
        Question(
            label="4",
            text=(
                "Is your local authority adopting a content services platform to enable staff to access files "
                "remotely and collaborate more easily?"
            ),
            options=list(PLATFORM_OPTIONS),
            answer=Answer(outcome=Outcome.PROVIDED, choice=0),
        ),
        Question(
            label="5",
            text="Does your local authority currently offer your local citizens online access to their own records?",
            options=[
                "Yes - they can access all of their own digital records online",
                "Yes - they can access at least some of their own digital records online",
                "No - they cannot access their own digital records online",
            ],
            answer=Answer(outcome=Outcome.PROVIDED, choice=1),
        ),
    ],
)

if __name__ == "__main__":
    save_case(case, sample_path())
    print(f"wrote {sample_path()}")
