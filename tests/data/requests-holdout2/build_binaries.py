"""Rebuild the third held-out corpus's .docx and .eml requests.

Written by this script so that what matters is exact and reproducible: questions inside a
Word table, Word's "List Number" style with a nested sub-list, quoted-printable
Windows-1252 text, a Gmail forward, the WhatDoTheyKnow footer, CRLF line ends.
Run from anywhere: python tests/data/requests-holdout2/build_binaries.py
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
    mime = 'MIME-Version: 1.0\nContent-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n'
    (out / name).write_bytes(_crlf(headers + mime + "\n" + body).encode("utf-8"))


SPEED_CAMERAS_BODY = """Hi both,

This came into the Road Safety inbox on Monday. I think it's one for you - sorry for the delay.

Karen

Karen Doyle | Road Safety Partnership Officer
Wessex Police

---------- Forwarded message ---------
From: Tom Hughes <tom.hughes84@gmail.com>
Date: Mon, 3 Mar 2025 at 16:42
Subject: Freedom of information - speed cameras
To: <roadsafety@wessex.police.uk>


Hello,

Under the Freedom of Information Act please can you tell me:

1) How many fixed speed cameras were switched on and working on 1 January 2025?
2) How many notices of intended prosecution were issued from the mobile camera van on the A338 in 2024?
3) How much money did the force receive from speed awareness courses in 2023/24?

Thanks

Tom Hughes
"""

CLASS_SIZES_BODY = """Hi

I hope this is the right place to send this, the website says to email here for freedom of info.

How many children are in each year 7 form group this year? my daughter says theres 34 in hers which cant be right

Could you also tell me how many teachers have left the school since september 2024 and how many supply teachers you are using at the moment.

Also is the school planning to merge any classes next year

Thanks
Jo

Sent from my iPhone
"""

CALL_TIMES_BODY = """Dear Northshire Police,

In your reply to FOI 12345 you said that average 101 answer times were published monthly, but the page no longer exists. Please provide:

1. The average time taken to answer 101 and 999 calls, in each of the years shown:

\t2022\t2023\t2024
101 calls\t\t\t
999 calls\t\t\t

2. The number of 101 calls abandoned by the caller before being answered in 2024.

3. Does the force offer a call-back option on 101? (Yes/No)

Yours faithfully,

Aisha Rahman

-------------------------------------------------------------------

Please use this email address for all replies to this request:
request-1284466-9f3c1a2b@whatdotheyknow.com

Is foi@northshire.police.uk the wrong address for Freedom of Information requests to Northshire Police? If so, please contact us using this form:
https://www.whatdotheyknow.com/change_request/new?body=northshire_police

Disclaimer: This message and any reply that you make will be published on the internet. Our privacy and copyright policies:
https://www.whatdotheyknow.com/help/officers

For more detailed guidance on safely disclosing information, read the latest advice from the ICO:
https://www.whatdotheyknow.com/help/ico-guidance-for-authorities

Please note that in some cases publication of requests and responses will be delayed.

If you find this service useful as an FOI officer, please ask your web manager to link to us from your organisation's FOI page.

-------------------------------------------------------------------
"""

INTERPRETERS_BODY = """Dear Freedom of Information Team,

I work for Language Rights in Health, a charity that supports patients whose first language isn\u2019t English. Please could you provide the following under the FOI Act:

1. The Trust\u2019s total spend on spoken-language interpreting in 2023/24 (\u00a3).
2. The number of face-to-face, telephone and video interpreting sessions booked in 2023/24.
3. Does the Trust record patients\u2019 need for an interpreter on its patient administration system?
Yes\tNo\tOnly for some services
4. Which company or companies provided interpreting services to the Trust in 2023/24, and when does the current contract end?

I look forward to your response within 20 working days.

Kind regards

Siobhan O\u2019Connell
Policy Officer
Language Rights in Health
"""


def write_interpreters_email(out: Path) -> None:
    """Outlook's multipart message: quoted-printable Windows-1252 text and HTML."""
    plain = quopri.encodestring(_crlf(INTERPRETERS_BODY).encode("cp1252")).decode("ascii")
    paragraphs = "".join(
        f"<p class=MsoNormal>{line.replace(chr(9), '&nbsp;&nbsp;&nbsp; ') or '&nbsp;'}</p>\n"
        for line in INTERPRETERS_BODY.split("\n")
    )
    html = quopri.encodestring(
        _crlf(f"<html><body lang=EN-GB>\n{paragraphs}</body></html>\n").encode("cp1252", "xmlcharrefreplace")
    ).decode("ascii")
    message = (
        "From: \"O'Connell, Siobhan\" <s.oconnell@languagerights.example.org.uk>\n"
        'To: "FOI Requests (Riverside NHS Trust)" <foi@riverside.nhs.uk>\n'
        "Subject: =?windows-1252?Q?FOI_=96_interpreting_services?=\n"
        "Thread-Topic: =?windows-1252?Q?FOI_=96_interpreting_services?=\n"
        "Date: Tue, 11 Mar 2025 14:05:33 +0000\n"
        "Message-ID: <CWLP265MB7781E2F0A1B2C3D4@CWLP265MB7781.GBRP265.PROD.OUTLOOK.COM>\n"
        "Accept-Language: en-GB, en-US\n"
        "Content-Language: en-GB\n"
        "MIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="_000_CWLP265MB7781_"\n'
        "\n"
        "--_000_CWLP265MB7781_\n"
        'Content-Type: text/plain; charset="windows-1252"\n'
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        f"{plain}\n"
        "--_000_CWLP265MB7781_\n"
        'Content-Type: text/html; charset="windows-1252"\n'
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        f"{html}\n"
        "--_000_CWLP265MB7781_--\n"
    )
    (out / "09-nhs-interpreters-quoted-printable-tab-options.eml").write_bytes(_crlf(message).encode("ascii"))


def write_isolation_rooms_docx(out: Path) -> None:
    """Questions in column 1 of a Word table, the answer column left blank (one pre-filled 'Yes / No')."""
    document = Document()
    document.add_paragraph("Parents for Inclusive Schools")
    document.add_paragraph("")
    heading = document.add_paragraph()
    heading.add_run("Re: Use of isolation rooms").bold = True
    document.add_paragraph("Dear Data Protection and FOI Lead,")
    document.add_paragraph(
        "Parents for Inclusive Schools is a group of parents of children with special educational "
        "needs across the Oakfield Academy Trust's five schools. Please answer the questions in the "
        "table below for each school in the Trust. You are welcome to type your answers in the second column."
    )
    rows = [
        ("How many pupils were placed in an isolation or internal exclusion room at least once in the "
         "2023/24 school year?", ""),
        ("How many of those pupils had an education, health and care plan (EHCP)?", ""),
        ("What is the longest single period a pupil spent in isolation in 2023/24?", ""),
        ("Is there a written policy on the use of isolation rooms? If so, please provide a copy.", ""),
        ("Do staff supervising isolation rooms receive training on special educational needs?", "Yes / No"),
    ]
    table = document.add_table(rows=len(rows) + 1, cols=2)
    table.style = "Table Grid"
    table.rows[0].cells[0].text = "Question"
    table.rows[0].cells[1].text = "Trust response"
    for row, (question, answer) in zip(table.rows[1:], rows):
        row.cells[0].text = question
        row.cells[1].text = answer
    document.add_paragraph("")
    document.add_paragraph(
        "If any of this information is exempt, please tell me which exemption applies and release the rest."
    )
    document.add_paragraph("Kind regards,")
    document.add_paragraph("Grace Mensah")
    document.add_paragraph("Parents for Inclusive Schools")
    document.core_properties.author = "Grace Mensah"
    document.core_properties.title = ""
    document.save(out / "04-academy-isolation-questions-in-word-table.docx")


def _make_list_number_multilevel(document) -> str:
    """Give the List Number style's list a second level 'a.' as Word does when Tab is pressed in it."""
    numbering = document.part.numbering_part.element
    num_id = document.styles["List Number"].element.pPr.numPr.numId.val
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id)
    abstract.find(qn("w:multiLevelType")).set(qn("w:val"), "multilevel")
    abstract.append(parse_xml(
        f'<w:lvl {nsdecls("w")} w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="%2."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
    ))
    return str(num_id)


def write_pgr_mental_health_docx(out: Path) -> None:
    document = Document()
    num_id = _make_list_number_multilevel(document)
    for line in ("Information Governance Office", "University of Eastbridge", "", "10/03/2025", ""):
        document.add_paragraph(line)
    document.add_paragraph("Re: Mental health support for postgraduate researchers")
    document.add_paragraph(
        "Please provide the following information under the Freedom of Information Act 2000. Where figures "
        "are requested, please give them for each academic year from 2021/22 to 2023/24."
    )
    document.add_paragraph("How many postgraduate research students were registered with the University in each year?",
                           style="List Number")
    document.add_paragraph("How many postgraduate research students:", style="List Number")
    for text in ("were referred to the University's counselling service;",
                 "took a formal interruption of study on health grounds;",
                 "withdrew from their programme?"):
        paragraph = document.add_paragraph(text, style="List Number 2")
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="{num_id}"/></w:numPr>'
        ))
    document.add_paragraph("Which of the following does the University offer to postgraduate research students?",
                           style="List Number")
    for text in ("Dedicated mental health advisers", "Peer support groups",
                 "Supervisor training in mental health", "None of these"):
        document.add_paragraph(text, style="List Bullet 2")
    document.add_paragraph("Is mental health training compulsory for doctoral supervisors? Yes/No", style="List Number")
    document.add_paragraph("Please provide a copy of the University's most recent mental health and wellbeing strategy.",
                           style="List Number")
    document.add_paragraph("Thank you for your help.")
    document.add_paragraph("Dr Nadia Hussain")
    document.add_paragraph("Postgraduate Researchers' Association")
    document.core_properties.author = "Nadia Hussain"
    document.core_properties.title = ""
    document.save(out / "08-university-list-number-nested.docx")


def main(out: Path = HERE) -> None:
    write_isolation_rooms_docx(out)
    write_plain_email(
        out,
        "05-police-speed-cameras-gmail-forward.eml",
        "From: Karen Doyle <karen.doyle@wessex.police.uk>\n"
        "To: FOI Unit <foi@wessex.police.uk>\n"
        "Subject: Fwd: Freedom of information - speed cameras\n"
        "Date: Wed, 5 Mar 2025 09:31:17 +0000\n"
        "Message-ID: <20250305093117.4410@wessex.police.uk>\n",
        SPEED_CAMERAS_BODY,
    )
    write_pgr_mental_health_docx(out)
    write_interpreters_email(out)
    write_plain_email(
        out,
        "10-academy-class-sizes-parent-iphone.eml",
        "From: Jo Whitfield <jowhitfield@hotmail.co.uk>\n"
        "To: info@brookside-academy.example.sch.uk\n"
        "Subject: class sizes??\n"
        "Date: 17 Mar 2025 07:58:03 +0000\n"
        "Message-ID: <A1B2C3D4-0001-4F00-9E00-5C1D2E3F4A5B@hotmail.co.uk>\n",
        CLASS_SIZES_BODY,
    )
    write_plain_email(
        out,
        "14-police-call-times-wdtk-tab-table.eml",
        "From: Aisha Rahman <request-1284466-9f3c1a2b@whatdotheyknow.com>\n"
        "To: FOI requests at Northshire Police <foi@northshire.police.uk>\n"
        "Subject: Freedom of Information request - 101 and 999 call answering times\n"
        "Date: Wed, 19 Mar 2025 11:20:44 +0000\n"
        "Message-ID: <request-1284466-9f3c1a2b@whatdotheyknow.com>\n",
        CALL_TIMES_BODY,
    )


if __name__ == "__main__":
    main()
