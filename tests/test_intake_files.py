"""Reading request files: encodings, Word numbering and tables, emails, Outlook messages, bad files."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from foi_desktop.cli import main
from foi_desktop.core.fileformat import load_case
from foi_desktop.intake import IntakeError, parse_request_bytes, parse_request_text, read_request_file

CORPUS = Path(__file__).parent / "data" / "requests"
REQUEST = "Dear FOI team,\n\n1. How many café licences were issued?\n2. What did they cost?\n\nYours faithfully,\nZoë Brontë\n"


def _builders():
    spec = importlib.util.spec_from_file_location("build_binaries", CORPUS / "build_binaries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts(parsed):
    return [q.text for q in parsed.questions]


# --------------------------------------------------------------------------- text encodings

@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_text_file_encodings(tmp_path, encoding):
    path = tmp_path / "request.txt"
    path.write_bytes(REQUEST.replace("\n", "\r\n").encode(encoding))
    parsed = read_request_file(path)
    assert _texts(parsed) == ["How many café licences were issued?", "What did they cost?"]
    assert parsed.requester_name == "Zoë Brontë"  # accents survive every encoding
    assert "\r" not in parsed.source_text


def test_mostly_utf8_with_a_stray_byte_is_read_with_a_warning(tmp_path):
    path = tmp_path / "request.txt"
    path.write_bytes(REQUEST.encode("utf-8").replace(b"cost?", b"cost\x97?"))
    parsed = read_request_file(path)
    assert parsed.questions[0].text == "How many café licences were issued?"
    assert any("could not be read" in warning for warning in parsed.warnings)


# --------------------------------------------------------------------------- bad files

def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IntakeError, match="empty"):
        read_request_file(path)
    path.write_bytes(b"  \r\n\t \n")
    with pytest.raises(IntakeError, match="empty"):
        read_request_file(path)


def test_binary_file(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(IntakeError, match="does not contain text"):
        read_request_file(path)


def test_ten_megabyte_text_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"1. How many?\n" * (10 * 1024 * 1024 // 13))
    started = time.perf_counter()
    with pytest.raises(IntakeError, match="too large"):
        read_request_file(path)
    assert time.perf_counter() - started < 1


def test_ten_megabyte_email_is_read_best_effort(tmp_path):
    """An email may be large because of attachments; a huge body is read up to a limit, with a warning."""
    message = EmailMessage()
    message["Subject"] = "FOI"
    message.set_content("1. How many?\n" + "word " * 2_000_000)
    path = tmp_path / "huge.eml"
    path.write_bytes(bytes(message))
    assert path.stat().st_size > 10_000_000
    started = time.perf_counter()
    parsed = read_request_file(path)
    assert time.perf_counter() - started < 10
    assert parsed.questions and parsed.questions[0].text.startswith("How many?")
    assert any("only the first" in warning for warning in parsed.warnings)


# --------------------------------------------------------------------------- worst cases: a result or a clear message, never a hang

HANG_GUARD_SECONDS = 10  # far above the real times (well under a second); only a hang fails this


def _guarded(read):
    started = time.perf_counter()
    result = read()
    assert time.perf_counter() - started < HANG_GUARD_SECONDS
    return result


def test_a_megabyte_of_pasted_outlook_text(tmp_path):
    message = (
        "From: Ann Lee <ann@example.org>\r\nSent: 04 May 2024 09:41\r\nTo: FOI\r\nSubject: FOI - Bins\r\n\r\n"
        "Dear FOI team,\x0b\r\n1.\xa0\xa0How many bins\x0bwere emptied?\r\n2.\tWhich days?\x0c\r\n"
        "\u00b7\tMonday\r\n\u00b7\tFriday\r\n\r\nKind regards\r\nAnn Lee\r\n\r\n"
    )
    text = message * (1_050_000 // len(message))
    parsed = _guarded(lambda: parse_request_text(text))
    assert [q.text for q in parsed.questions[:2]] == ["How many bins were emptied?", "Which days?"]
    assert any("only the first" in warning for warning in parsed.warnings)
    path = tmp_path / "paste.txt"
    path.write_bytes(text.encode("utf-8"))
    assert _guarded(lambda: read_request_file(path)).questions[0].text == "How many bins were emptied?"


def test_five_thousand_numbered_lines():
    text = "".join(f"{n}. How many permits of type {n} were issued?\n" for n in range(1, 5001))
    parsed = _guarded(lambda: parse_request_text(text))
    assert [q.label for q in parsed.questions[:3]] == ["1", "2", "3"]
    assert parsed.questions[998].label == "999"  # numbers run to three digits; the rest is read as text
    assert any("only the first" in warning for warning in parsed.warnings)


def test_word_document_with_two_hundred_tables():
    import docx

    document = docx.Document()
    for number in range(1, 201):
        document.add_paragraph(f"{number}. Please complete table {number}.")
        table = document.add_table(rows=3, cols=3)
        for column, heading in enumerate(["Year", "Applications", "Refusals"]):
            table.cell(0, column).text = heading
        table.cell(1, 0).text = "2023"
        table.cell(2, 0).text = "2024"
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = _guarded(lambda: parse_request_bytes(buffer.getvalue(), "tables.docx"))
    assert len(parsed.questions) == 200
    assert all(q.table is not None and q.table.rows == ["2023", "2024"] for q in parsed.questions)
    assert parsed.questions[199].table.columns == ["Applications", "Refusals"]


def test_email_with_nested_parts_and_attachments():
    """A colleague forwards, as an attachment, the requester's email, which carries the request as a Word file."""
    import docx

    document = docx.Document()
    document.add_paragraph("1. How many parks are there?")
    document.add_paragraph("2. How many have toilets?")
    buffer = io.BytesIO()
    document.save(buffer)
    original = EmailMessage()
    original["From"] = "Kim Park <kim@example.org>"
    original["Subject"] = "Parks"
    original.set_content("Please see my request attached.\n")
    original.add_alternative("<p>Please see my request attached.</p>", subtype="html")
    original.add_attachment(
        buffer.getvalue(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="parks.docx",
    )
    original.add_attachment(b"\x89PNG\r\n\x1a\n" + bytes(500), maintype="image", subtype="png", filename="logo.png")
    forward = EmailMessage()
    forward["From"] = "Colleague <colleague@example.gov.uk>"
    forward["Subject"] = "FW: Parks"
    forward.set_content("For FOI, see attached.\n")
    forward.add_attachment(original)
    forward.add_attachment(b"%PDF-1.4 " + bytes(300), maintype="application", subtype="pdf", filename="map.pdf")
    parsed = _guarded(lambda: parse_request_bytes(bytes(forward), "forward.eml"))
    assert "[Attachment: parks.docx]" in parsed.source_text
    assert [q.text for q in parsed.questions] == ["How many parks are there?", "How many have toilets?"]
    assert any("map.pdf was not read" in warning for warning in parsed.warnings)


def test_emails_attached_inside_each_other_without_end():
    message = EmailMessage()
    message.set_content("1. How deep does this go?\n")
    for level in range(50):
        outer = EmailMessage()
        outer["Subject"] = f"FW: level {level}"
        outer.set_content("See attached.\n")
        outer.add_attachment(message)
        message = outer
    parsed = _guarded(lambda: parse_request_bytes(bytes(message), "deep.eml"))
    assert parsed.source_text.startswith("See attached.")  # read a few levels down, then left alone


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_and_without_line_ends(encoding):
    parsed = parse_request_bytes("How many café licences were issued?".encode(encoding), "one-line.txt")
    assert [q.text for q in parsed.questions] == ["How many café licences were issued?"]


@pytest.mark.parametrize(
    "data,message",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 20, "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00" + bytes(range(256)) * 20, "zip-based"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 20, "picture"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 20, "picture"),
        (b"GIF89a" + bytes(range(256)) * 20, "picture"),
        (b"\x1f\x8b\x08\x00" + bytes(range(256)) * 20, "compressed"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)) * 20, "program"),
    ],
)
@pytest.mark.parametrize("suffix", [".txt", ".eml", ".docx", ""])
def test_files_that_are_not_requests_whatever_their_name(data, message, suffix):
    with pytest.raises(IntakeError, match=message):
        _guarded(lambda: parse_request_bytes(data, "request" + suffix))


def test_text_that_starts_like_a_program_header_is_still_text():
    assert parse_request_bytes(b"MZ Scott asks: how many bins are there?", "note.txt").questions


def test_binary_file_named_eml():
    with pytest.raises(IntakeError, match="not an email"):
        parse_request_bytes(bytes(range(256)) * 40, "message.eml")


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("request.pdf", b"%PDF-1.7\n...", "PDF"),
        ("request.docx", b"%PDF-1.7\n...", "PDF"),
        ("request.rtf", b"{\\rtf1\\ansi hello}", "rich text"),
        ("request.docx", b"this is plain text, not a Word file", "not a Word document"),
        ("request.msg", b"this is plain text, not an Outlook file", "not an Outlook message"),
        ("request.docx", b"PK\x03\x04" + b"\x00" * 100, "not a Word document|zip-based"),
        ("sheet.xlsx", b"PK\x03\x04" + b"\x00" * 100, "not a Word document"),
    ],
)
def test_wrong_or_damaged_files_get_a_clear_message(name, data, message):
    with pytest.raises(IntakeError, match=message):
        parse_request_bytes(data, name)


def test_damaged_docx(tmp_path):
    good = (CORPUS / "11-temporary-accommodation-word-numbering.docx").read_bytes()
    with pytest.raises(IntakeError, match="Word document"):
        parse_request_bytes(good[: len(good) // 2], "cut.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not xml")
        archive.writestr("[Content_Types].xml", "<also not xml")
    with pytest.raises(IntakeError):
        parse_request_bytes(buffer.getvalue(), "broken.docx")


def test_old_word_doc_is_explained():
    ole = _builders().compound_file({"WordDocument": b"\x00" * 600, "1Table": b"\x00" * 100})
    with pytest.raises(IntakeError, match=r"older Word document \(\.doc\)"):
        parse_request_bytes(ole, "request.doc")


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(IntakeError, match="does not exist"):
        read_request_file(tmp_path / "nope.txt")
    with pytest.raises(IntakeError, match="folder"):
        read_request_file(tmp_path)


def test_content_decides_not_the_name(tmp_path):
    docx_bytes = (CORPUS / "11-temporary-accommodation-word-numbering.docx").read_bytes()
    path = tmp_path / "request.txt"
    path.write_bytes(docx_bytes)
    assert len(read_request_file(path).questions) == 4
    eml = tmp_path / "request"
    eml.write_bytes((CORPUS / "19-gritting-forwarded-by-colleague.eml").read_bytes())
    assert read_request_file(eml).requester_name == "Susan Clarke"


# --------------------------------------------------------------------------- Word

def test_docx_numbering_bullets_and_table():
    parsed = read_request_file(CORPUS / "11-temporary-accommodation-word-numbering.docx")
    assert "1. How many households" in parsed.source_text
    assert "\u2022 Hostels" in parsed.source_text
    table = parsed.questions[3].table
    assert table.columns == ["2022/23", "2023/24"]


def test_docx_direct_numbering_letters_and_merged_cells():
    """Numbering set on the paragraph (as Word does) with a lettered level, and a table with a merged heading."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl>'
        "</w:abstractNum>"
    ))
    numbering.append(parse_xml(
        '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">'
        '<w:abstractNumId w:val="90"/></w:num>'
    ))
    for text in ("How many bridges does the council maintain?", "How many were inspected in 2023?", "Please complete:"):
        paragraph = document.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            '<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'
        ))
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Condition"
    table.cell(1, 0).text = "Road bridges"
    table.cell(2, 0).text = "Footbridges"
    buffer = io.BytesIO()
    document.save(buffer)
    parsed = parse_request_bytes(buffer.getvalue(), "bridges.docx")
    assert [(q.label, q.text) for q in parsed.questions] == [
        ("a", "How many bridges does the council maintain?"),
        ("b", "How many were inspected in 2023?"),
        ("c", "Please complete:"),
    ]
    assert parsed.questions[2].table.rows == ["Road bridges", "Footbridges"]
    assert parsed.questions[2].table.columns == ["Condition", "Condition"]


# --------------------------------------------------------------------------- email

def test_eml_prefers_plain_text_and_reads_details():
    message = EmailMessage()
    message["From"] = '"Okafor, Daniel" <d.okafor@example.co.uk>'
    message["Subject"] = "FOI request: Street lighting"
    message["Date"] = "Tue, 11 Jun 2024 14:32:00 +0100"
    message.set_content("1. How many street lights?\n2. How many are LED?\n")
    message.add_alternative("<p>HTML version that must not be used</p>", subtype="html")
    parsed = parse_request_bytes(bytes(message), "lights.eml")
    assert _texts(parsed) == ["How many street lights?", "How many are LED?"]
    assert (parsed.requester_name, parsed.requester_email, parsed.subject, parsed.received) == (
        "Daniel Okafor", "d.okafor@example.co.uk", "Street lighting", dt.date(2024, 6, 11)
    )


def test_html_email_table_and_list():
    message = EmailMessage()
    message["Subject"] = "Fines"
    message.set_content(
        "<html><body><p>1. Which do you use?</p><ul><li>Cameras</li><li>Wardens</li></ul>"
        "<p>2. Please complete:</p><table><tr><td></td><td>2022</td><td>2023</td></tr>"
        "<tr><td>Fines issued</td><td></td><td></td></tr></table></body></html>",
        subtype="html",
    )
    parsed = parse_request_bytes(bytes(message), "fines.eml")
    assert parsed.questions[0].options == ["Cameras", "Wardens"]
    table = parsed.questions[1].table
    assert (table.rows, table.columns) == (["Fines issued"], ["2022", "2023"])


def test_eml_with_word_attachment():
    parsed = read_request_file(CORPUS / "12-vehicle-fleet-email-with-word-attachment.eml")
    assert "[Attachment: FOI request - vehicle fleet.docx]" in parsed.source_text
    assert len(parsed.questions) == 3


def test_eml_with_unreadable_attachment_warns():
    message = EmailMessage()
    message["Subject"] = "FOI"
    message.set_content("1. How many?\n")
    message.add_attachment(b"%PDF-1.4 ...", maintype="application", subtype="pdf", filename="scan.pdf")
    parsed = parse_request_bytes(bytes(message), "with-pdf.eml")
    assert any("scan.pdf was not read" in warning for warning in parsed.warnings)


def test_email_without_text():
    message = EmailMessage()
    message["Subject"] = "FOI"
    message.add_attachment(b"\x89PNG....", maintype="image", subtype="png", filename="x.png")
    with pytest.raises(IntakeError, match="no text"):
        parse_request_bytes(bytes(message), "empty.eml")


# --------------------------------------------------------------------------- Outlook .msg

def test_msg_read_through_olefile():
    parsed = read_request_file(CORPUS / "13-pothole-claims-outlook.msg")
    assert (parsed.subject, parsed.requester_name, parsed.requester_email, parsed.received) == (
        "Pothole claims", "Helen Brooks", "helen.brooks@example.org", dt.date(2024, 2, 12)
    )
    assert parsed.questions[3].options[0] == "Routine driven inspections"


def test_msg_with_8bit_strings_and_a_word_attachment():
    builders = _builders()
    data = builders.outlook_message(
        subject="FW: Freedom of Information request \u2013 café licences",
        body="Please see the attached request.\r\n\r\nThanks\r\nMark",
        sender_name="Mark Jenkins",
        sender_email="mark@example.gov.uk",
        delivered=dt.datetime(2024, 6, 30, 23, 30, tzinfo=dt.timezone.utc),
        attachments=[("request.docx", builders.temporary_accommodation_docx())],
        ansi=True,
    )
    parsed = parse_request_bytes(data, "fw.msg")
    assert parsed.subject == "Café licences"
    assert parsed.received == dt.date(2024, 7, 1)  # 00:30 on 1 July in London
    assert len(parsed.questions) == 4
    assert parsed.requester_name == "Rebecca Lin"  # who signed the attached request


def test_compound_file_writer_is_read_by_olefile_without_complaint():
    import olefile

    data = _builders().compound_file({"a": b"x" * 10, "big": b"y" * 5000, "s/inner": b"z" * 100})
    ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_POTENTIAL)
    assert ole.openstream("big").read() == b"y" * 5000
    assert ole.openstream("s/inner").read() == b"z" * 100
    assert ole.parsing_issues == []


# --------------------------------------------------------------------------- command line

def test_import_command_writes_a_case(tmp_path, capsys):
    out = tmp_path / "case.foi"
    assert main(["import", str(CORPUS / "09-subject-access-markdown-table.txt"), "-o", str(out)]) == 0
    case = load_case(out)
    assert len(case.questions) == 3 and case.questions[0].table is not None
    assert "3 questions" in capsys.readouterr().out


def test_import_command_fails_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4")
    assert main(["import", str(bad), "-o", str(tmp_path / "x.foi")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PDF" in err
    assert not (tmp_path / "x.foi").exists()
