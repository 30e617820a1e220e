"""The real-client check: LibreOffice opens the exported letters and lays them out as PDF."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from foi_desktop.core.case import Answer, CostEstimate, Outcome, PublicInterestTest, Question, Regime
from foi_desktop.core.settings import Settings
from foi_desktop.letter import build_letter, write_docx
from test_letter import SEED_IN_ORDER, TODAY, assert_in_order, one_question_case, settings_with_org

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(
        shutil.which("soffice") is None or shutil.which("pdftotext") is None,
        reason="needs LibreOffice (soffice) and poppler-utils (pdftotext)",
    ),
]


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    """One LibreOffice user profile for the module, never the user's own."""
    return tmp_path_factory.mktemp("lo-profile")


def to_pdf_text(docx_path, profile) -> str:
    subprocess.run(
        [
            "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
            "--convert-to", "pdf", "--outdir", str(docx_path.parent), str(docx_path),
        ],
        check=True, capture_output=True, timeout=180,
    )
    pdf = docx_path.with_suffix(".pdf")
    assert pdf.exists(), "LibreOffice made no PDF"
    result = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True, timeout=60)
    # LibreOffice may wrap a long reference between its brackets: "section 33(1)" / "(b)".
    return re.sub(r"\)\n(\([0-9a-zA-Z]{1,4}\))", r")\1", result.stdout)


def test_sample_letter_in_libreoffice(sample_case, tmp_path, profile):
    path = tmp_path / "sample.docx"
    write_docx(build_letter(sample_case, Settings(), today=TODAY), path)
    text = to_pdf_text(path, profile)
    pages = re.findall(r"Page (\d+) of (\d+)", text)
    assert pages and pages[0] == ("1", pages[0][1]) and all(total == pages[0][1] for _, total in pages)
    assert len(pages) == int(pages[0][1]) >= 2  # PAGE and NUMPAGES fields were laid out
    # Drop the running header and footer so a paragraph split across pages reads on.
    body = re.sub(r"Page \d+ of \d+\s+Leicester City Council\s+Our reference: FOI-2020-0473", " ", text)
    assert body.index("Leicester City Council") < body.index("Sam Taylor")  # letterhead first
    assert_in_order(body, ["City Hall, 115 Charles Street, Leicester, LE1 1FZ", "Sam Taylor", "Our reference: FOI-2020-0473",
                           "Date: 1 June 2020", "Dear Sam Taylor,"] + SEED_IN_ORDER + ["Yours sincerely,", "Information Governance & Risk"])
    assert "{{" not in text


def test_refusals_under_scottish_law_in_libreoffice(tmp_path, profile):
    case = one_question_case(
        Answer(outcome=Outcome.EXEMPT, exemptions=["s33(1)(b)", "s38(1)(b)"], explanation="Tender \x0bstill open.",
               public_interest=PublicInterestTest("Openness.", "Fair competition.", "Withhold.")),
        Regime.FOISA,
        text="What did the contract cost?",
    )
    case.questions.append(Question(label="2", text="How many staff?", answer=Answer(
        outcome=Outcome.COST_LIMIT, cost=CostEstimate(items=3000, minutes_per_item=2, advice="Ask for one year."))))
    path = tmp_path / "foisa.docx"
    write_docx(build_letter(case, settings_with_org(), today=TODAY), path)
    text = to_pdf_text(path, profile)
    assert_in_order(
        text,
        [
            "Anytown Borough Council",
            "Freedom of Information (Scotland) Act 2002 (FOISA) \u2013 Parking fines",
            "What did the contract cost?",
            "section 33(1)(b) (Commercial interests: substantial prejudice to commercial interests)",
            "Tender still open.",
            "Section 33(1)(b) is a qualified exemption",
            "Section 38(1)(b) is an absolute exemption",
            "Conclusion: Withhold.",
            "How many staff?",
            "about 100 hours",
            "£600",
            "Ask for one year.",
            "Scottish Information Commissioner",
            "section 47 of FOISA",
            "Kinburn Castle",
            "section 56 of FOISA",
        ],
    )
    flat = " ".join(text.split())
    assert "which at £15 an hour is about £1,500." in flat and "the limit is reached after 40 hours of work." in flat
    assert "18 hours" not in flat


RIGHTS = {
    Regime.FOIA: ["section 50 of the FOI Act", "Wycliffe House"],
    Regime.EIR: ["regulation 11 of the EIR", "as applied by regulation 18 of the EIR", "Wycliffe House"],
    Regime.FOISA: ["section 20 of FOISA", "section 47 of FOISA", "Kinburn Castle", "section 56 of FOISA"],
    Regime.EIR_SCOTLAND: ["regulation 16 of the EIRs", "as applied by regulation 17 of the EIRs", "Kinburn Castle"],
}


def test_every_regime_with_every_outcome_in_libreoffice(tmp_path, profile):
    """All four regimes' letters, every outcome in each, as LibreOffice lays them out (one conversion run)."""
    from test_letter_edges import full_case, problems_in

    paths = {}
    for regime in Regime:
        case = full_case(Outcome.PROVIDED, regime)
        for outcome in list(Outcome)[1:]:
            case.questions += full_case(outcome, regime).questions[:1]
        paths[regime] = tmp_path / f"{regime.value}.docx"
        write_docx(build_letter(case, settings_with_org(), today=TODAY), paths[regime])
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, paths.values())],
        check=True, capture_output=True, timeout=300,
    )
    for regime, path in paths.items():
        pdf = path.with_suffix(".pdf")
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        flat = " ".join(text.split())
        for fragment in RIGHTS[regime]:
            assert fragment in flat, (regime, fragment)
        assert "neither confirms nor denies" in flat and "not information held by the Council" in flat
        assert [p for p in problems_in(flat) if "space" not in p] == [], regime
