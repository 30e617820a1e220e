"""Rebuild the held-out corpus's .docx and .eml requests.

They are written by this script rather than by hand so that the details that matter
(Word's automatic numbering, a real Word table, quoted-printable Windows-1252 text,
CRLF line ends in the emails) are exact and can be reproduced.
Run from anywhere: python tests/data/requests-holdout/build_binaries.py
"""
from __future__ import annotations

import quopri
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

HERE = Path(__file__).resolve().parent


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def write_plain_email(out: Path, name: str, headers: str, body: str) -> None:
    mime = (
        "MIME-Version: 1.0\n"
        'Content-Type: text/plain; charset="utf-8"\n'
        "Content-Transfer-Encoding: 8bit\n"
    )
    (out / name).write_bytes(_crlf(headers + mime + "\n" + body).encode("utf-8"))


STRIP_SEARCH_BODY = """Dear Sir or Madam,

I am writing on behalf of the Campaign for Fair Policing to request the following information under the Freedom of Information Act 2000.

For the purposes of this request, "child" means a person aged under 18 at the time of the search, and "strip search" means a search involving the exposure of intimate parts (EIP search) or any more thorough search under Annex A of PACE Code C.

1. How many strip searches of children did the force carry out in each calendar year from 2021 to 2024?
(a) How many of these took place in custody?
(b) How many took place outside custody (for example in a police vehicle or a public place)?
2. For the searches in question 1, please provide a breakdown by:
- the age of the child
- the child's self-defined ethnicity
- whether an appropriate adult was present
3. In how many of the searches in question 1 was:
(a) an item found;
(b) the child subsequently arrested;
(c) no further action taken?
4. Does the force have a written policy or guidance on the strip searching of children?
(a) If so, please provide a copy.
(b) When was it last reviewed?
5. How many complaints has the force received about the strip searching of children since 1 January 2021?

Please note that we are not asking for any information that would identify an individual child. If any of this information is exempt from disclosure, please provide the remainder and explain which exemptions apply.

If it would help to narrow the request to bring it within the cost limit, please contact me before refusing it.

Yours faithfully,

Priya Nair
Policy and Research Officer
Campaign for Fair Policing
Registered charity no. 1100000
"""

CONSULTANTS_BODY = """Dear FOI team,

In your response to my previous request (FOI2024/12345, dated 3 December 2024) you confirmed that the department spent \u00a34.2m on external consultants in 2023/24. I would now like to request the following information.

Q.1 Please provide a copy of the department's current guidance or policy on engaging external consultants.

Q.2 For each contract with a value over \u00a3100,000 awarded in 2023/24, please provide:
- the name of the supplier
- the value of the contract
- a brief description of the work

Q.3 Please provide a copy of any business case prepared for the contract with Example Advisory LLP referred to in FOI2024/12345.

Q.4 Has the department carried out any review of value for money from consultancy spending since April 2023? If so, please provide a copy of the review or its conclusions.

I appreciate that some of this information may be commercially sensitive. If any of this information is exempt, please consider whether it can be provided with redactions rather than withheld in full, and please tell me which exemptions you have relied on.

Regards,
Oliver Grant

-- 
Oliver Grant | Research Fellow | Centre for Public Procurement | University of Example
ogrant@example.ac.uk
"""

BUSINESS_RATES_BODY = """Dear Sir/Madam,

Under the Freedom of Information Act 2000, I would be grateful if you could provide the following information regarding business rates (NNDR) accounts:

1. A list of all non-domestic rating accounts with a credit balance of \u00a31,000 or more as at the date of this request, showing:
- the account holder\u2019s name (for companies only, not sole traders)
- the property address
- the amount of the credit
- the financial year the credit relates to
2. The total value of all credit balances on non-domestic accounts at 31\u00a0March 2024.
3. The number of credits written off or transferred in 2023/24 and their total value.
4. Does the council proactively contact ratepayers who are owed a refund? (Yes/No)

I confirm that I am not requesting any information about individuals or sole traders, which I appreciate would be personal data under the \u201cUK GDPR\u201d.

Kind regards

Gareth Llewellyn
Director
Rates Advice Partners Ltd
Tel: 029 2018 0000
"""


def write_business_rates_email(out: Path) -> None:
    """Outlook's multipart/alternative: quoted-printable Windows-1252 text plus HTML."""
    plain = quopri.encodestring(_crlf(BUSINESS_RATES_BODY).encode("cp1252")).decode("ascii")
    html_body = "".join(
        f"<p class=MsoNormal>{line or '&nbsp;'}</p>\n" for line in BUSINESS_RATES_BODY.split("\n")
    )
    html = quopri.encodestring(
        _crlf(f"<html><body lang=EN-GB>\n{html_body}</body></html>\n").encode("cp1252", "xmlcharrefreplace")
    ).decode("ascii")
    message = (
        'From: "Llewellyn, Gareth" <gareth.llewellyn@ratesadvice.example.co.uk>\n'
        "To: \"foi@examplecity.gov.uk\" <foi@examplecity.gov.uk>\n"
        "Subject: =?windows-1252?Q?FOI_request_=96_Business_rates_credit_balances?=\n"
        "Thread-Topic: FOI request =?windows-1252?Q?=96_Business_rates_credit_balances?=\n"
        "Date: Wed, 5 Feb 2025 08:03:11 +0000\n"
        "Message-ID: <LO2P265MB0001A2B3C4D5E6F7@LO2P265MB0001.GBRP265.PROD.OUTLOOK.COM>\n"
        "Accept-Language: en-GB, en-US\n"
        "Content-Language: en-GB\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="_000_LO2P265MB0001_"\n'
        "\n"
        "--_000_LO2P265MB0001_\n"
        'Content-Type: text/plain; charset="windows-1252"\n'
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        f"{plain}\n"
        "--_000_LO2P265MB0001_\n"
        'Content-Type: text/html; charset="windows-1252"\n'
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        f"{html}\n"
        "--_000_LO2P265MB0001_--\n"
    )
    (out / "09-business-rates-quoted-printable-cp1252.eml").write_bytes(_crlf(message).encode("ascii"))


# A multilevel list as Word writes it for "1. / (a)" typed by the requester.
_ABSTRACT_NUM = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="90">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>"""
_NUM = f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def _numbered(document, text: str, level: int = 0):
    paragraph = document.add_paragraph(text, style="List Paragraph")
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
    ))
    return paragraph


def write_library_volunteers_docx(out: Path) -> None:
    document = Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    abstract = parse_xml(_ABSTRACT_NUM)
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(_NUM))

    for line in ("12 Mill Lane", "Ashby Green", "Exampleshire", "AB1 2CD", ""):
        document.add_paragraph(line)
    document.add_paragraph("14th February 2025")
    document.add_paragraph("")
    for line in ("Freedom of Information Officer", "Example County Council", "County Hall", ""):
        document.add_paragraph(line)
    document.add_paragraph("Dear Sir or Madam,")
    heading = document.add_paragraph()
    heading.add_run("Re: Public library volunteers").bold = True
    document.add_paragraph(
        "I am researching the use of volunteers in public libraries. Under the Freedom of "
        "Information Act 2000, please answer the following questions."
    )
    _numbered(document, "How many public libraries did the council run on 1 April 2024, and how "
                        "many of these were community-managed libraries run wholly by volunteers?")
    _numbered(document, "Does the council have a volunteer agreement or policy for library "
                        "volunteers? Please state Yes/No.")
    _numbered(document, "Please complete the table below for each of the last three financial years.")
    table = document.add_table(rows=4, cols=4)
    table.style = "Table Grid"
    header = ("Financial year", "Number of library volunteers", "Volunteer hours",
              "Paid library staff (FTE)")
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
    for row, year in zip(table.rows[1:], ("2021/22", "2022/23", "2023/24")):
        row.cells[0].text = year
    document.add_paragraph("")
    _numbered(document, "How much did the council spend in 2023/24 on:")
    _numbered(document, "training library volunteers;", level=1)
    _numbered(document, "volunteers' travel expenses?", level=1)
    _numbered(document, "Please provide a copy of any evaluation of the community-managed library "
                        "model carried out since 2020.")
    document.add_paragraph("")
    document.add_paragraph("Yours faithfully,")
    document.add_paragraph("")
    document.add_paragraph("Margaret Holloway")
    document.core_properties.author = "Margaret Holloway"
    document.core_properties.title = ""
    document.save(out / "08-library-volunteers-word-numbering-table.docx")


def main(out: Path = HERE) -> None:
    """Write every built request into ``out`` (this folder by default)."""
    write_plain_email(
        out,
        "02-strip-search-campaign-nested-lettered.eml",
        "From: Priya Nair <priya.nair@fairpolicingcampaign.example.org>\n"
        "To: foi@examplecounty.police.uk\n"
        "Subject: Freedom of Information Act request: Strip searches of children\n"
        "Date: Mon, 13 Jan 2025 16:45:02 +0000\n"
        "Message-ID: <20250113164502.8812@fairpolicingcampaign.example.org>\n",
        STRIP_SEARCH_BODY,
    )
    write_plain_email(
        out,
        "06-consultants-department-q-dot-previous-foi.eml",
        "From: Oliver Grant <ogrant@example.ac.uk>\n"
        "To: FOI Requests <foi-requests@example-department.gov.uk>\n"
        "Subject: FOI request: Use of external consultants (follow-up to FOI2024/12345)\n"
        "Date: Thu, 6 Feb 2025 21:17:40 +0000\n"
        "Message-ID: <CAF3xk9-q1w2e3r4t5y6@mail.example.ac.uk>\n",
        CONSULTANTS_BODY,
    )
    write_plain_email(
        out,
        "11-pothole-budget-one-liner.eml",
        "From: dave.hughes1972@example.com\n"
        "To: foi@examplecounty.gov.uk\n"
        "Subject: potholes\n"
        "Date: Sat, 1 Mar 2025 07:58:20 +0000\n"
        "Message-ID: <5F1A2B3C-0000-4D4E-9F9F-ABCDEF012345@example.com>\n"
        "X-Mailer: iPhone Mail (22D63)\n",
        "Please send me your pothole repair budget for 2024.\n\nSent from my iPhone\n",
    )
    write_business_rates_email(out)
    write_library_volunteers_docx(out)


if __name__ == "__main__":
    main()
