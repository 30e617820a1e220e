"""Rebuild the binary requests of this corpus (.docx, .msg, and the .eml that carries a .docx).

Run ``python tests/data/requests/build_binaries.py`` after changing a builder. The files
are committed so the corpus can be read like any other folder of received requests;
the builders stay here so they can be reviewed and reproduced.

Outlook .msg files are OLE compound files. olefile only reads them, so
:func:`compound_file` writes a minimal but valid version 3 compound file (FAT, mini
stream, directory as a balanced tree), enough for any conforming reader.
"""

from __future__ import annotations

import datetime as _dt
import io
import struct
import sys
from email.message import EmailMessage
from pathlib import Path

HERE = Path(__file__).resolve().parent

# --------------------------------------------------------------------------- compound file writer

SECTOR = 512
MINI_SECTOR = 64
MINI_CUTOFF = 4096
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file holding ``streams``, keyed by "storage/sub/stream" paths."""
    root: dict = {}
    for path, data in streams.items():
        node = root
        parts = path.split("/")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = data

    entries: list[dict] = [{"name": "Root Entry", "type": 5, "children": root}]

    def add_children(index: int, children: dict) -> None:
        ids = []
        for name, value in children.items():
            entry = {"name": name, "type": 1 if isinstance(value, dict) else 2}
            if isinstance(value, dict):
                entry["children"] = value
            else:
                entry["data"] = value
            entries.append(entry)
            ids.append(len(entries) - 1)
        ids.sort(key=lambda i: (len(entries[i]["name"]), entries[i]["name"].upper()))
        entries[index]["child"] = _balanced(ids, entries)
        for i in ids:
            if entries[i]["type"] == 1:
                add_children(i, entries[i]["children"])

    add_children(0, root)

    # Small streams go to the mini stream, large ones to ordinary sectors.
    mini_stream = bytearray()
    mini_fat: list[int] = []
    big: list[dict] = []
    for entry in entries:
        data = entry.get("data")
        if data is None:
            continue
        if len(data) < MINI_CUTOFF:
            count = max(1, -(-len(data) // MINI_SECTOR)) if data else 0
            entry["start"] = len(mini_fat) if count else ENDOFCHAIN
            for k in range(count):
                mini_fat.append(len(mini_fat) + 1 if k < count - 1 else ENDOFCHAIN)
            mini_stream += data.ljust(count * MINI_SECTOR, b"\0")
        else:
            big.append(entry)

    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        count = max(1, -(-len(data) // SECTOR))
        start = len(sectors)
        for k in range(count):
            sectors.append(data[k * SECTOR : (k + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(start + k + 1 if k < count - 1 else ENDOFCHAIN)
        return start

    for entry in big:
        entry["start"] = place(entry["data"])
    root_start = place(bytes(mini_stream)) if mini_stream else ENDOFCHAIN
    entries[0]["start"] = root_start
    entries[0]["size"] = len(mini_stream)
    mini_fat_start = place(b"".join(struct.pack("<I", v) for v in mini_fat)) if mini_fat else ENDOFCHAIN
    mini_fat_count = -(-len(mini_fat) * 4 // SECTOR) if mini_fat else 0

    while len(entries) % (SECTOR // 128):
        entries.append({"name": "", "type": 0, "start": 0})
    dir_start = place(b"".join(_dir_entry(e) for e in entries))

    # FAT sectors themselves need FAT entries: grow until it fits.
    fat_count = 1
    while (len(sectors) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_start = len(sectors)
    fat.extend([FATSECT] * fat_count)
    fat.extend([FREESECT] * (fat_count * (SECTOR // 4) - len(fat)))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    for k in range(fat_count):
        sectors.append(fat_bytes[k * SECTOR : (k + 1) * SECTOR])
    if fat_count > 109:
        raise ValueError("too large for this small writer")

    difat = [fat_start + k for k in range(fat_count)] + [FREESECT] * (109 - fat_count)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        bytes.fromhex("D0CF11E0A1B11AE1"),
        b"\0" * 16,
        0x003E,
        0x0003,
        0xFFFE,
        9,
        6,
        b"\0" * 6,
        0,
        fat_count,
        dir_start,
        0,
        MINI_CUTOFF,
        mini_fat_start,
        mini_fat_count,
        ENDOFCHAIN,
        0,
    ) + b"".join(struct.pack("<I", v) for v in difat)
    assert len(header) == SECTOR
    return header + b"".join(sectors)


def _balanced(ids: list[int], entries: list[dict]) -> int:
    if not ids:
        return NOSTREAM
    middle = len(ids) // 2
    node = ids[middle]
    entries[node]["left"] = _balanced(ids[:middle], entries)
    entries[node]["right"] = _balanced(ids[middle + 1 :], entries)
    return node


def _dir_entry(entry: dict) -> bytes:
    name = entry["name"].encode("utf-16-le") + b"\0\0" if entry["name"] else b""
    size = len(entry["data"]) if "data" in entry else entry.get("size", 0)
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        name.ljust(64, b"\0"),
        len(name),
        entry["type"],
        1,  # black
        entry.get("left", NOSTREAM),
        entry.get("right", NOSTREAM),
        entry.get("child", NOSTREAM),
        b"\0" * 16,
        0,
        0,
        0,
        entry.get("start", ENDOFCHAIN if entry["type"] != 1 else 0),
        size,
    )


# --------------------------------------------------------------------------- Outlook message

PT_LONG = 0x0003
PT_SYSTIME = 0x0040
PT_UNICODE = 0x001F
PT_STRING8 = 0x001E
PT_BINARY = 0x0102


def _filetime(moment: _dt.datetime) -> int:
    epoch = _dt.datetime(1601, 1, 1, tzinfo=_dt.timezone.utc)
    return int((moment - epoch).total_seconds() * 10_000_000)


def _properties(fixed: dict[int, tuple[int, int]], variable: dict[int, tuple[int, int]], header: bytes) -> bytes:
    out = bytearray(header)
    for prop_id, (prop_type, value) in fixed.items():
        out += struct.pack("<IIQ", (prop_id << 16) | prop_type, 0x6, value)
    for prop_id, (prop_type, size) in variable.items():
        out += struct.pack("<IIII", (prop_id << 16) | prop_type, 0x6, size, 0)
    return bytes(out)


def outlook_message(
    *,
    subject: str,
    body: str,
    sender_name: str,
    sender_email: str,
    delivered: _dt.datetime,
    attachments: list[tuple[str, bytes]] = (),
    ansi: bool = False,
) -> bytes:
    """An Outlook .msg with the properties a request reader looks at.

    ``ansi`` stores the strings as 8-bit (PT_STRING8, Windows-1252), as older Outlook does.
    """
    streams: dict[str, bytes] = {}
    variable: dict[int, tuple[int, int]] = {}
    string_type = PT_STRING8 if ansi else PT_UNICODE

    def put_string(prop_id: int, text: str, prefix: str = "") -> None:
        data = text.encode("cp1252") + b"\0" if ansi else text.encode("utf-16-le") + b"\0\0"
        streams[f"{prefix}__substg1.0_{prop_id:04X}{string_type:04X}"] = data
        if not prefix:
            variable[prop_id] = (string_type, len(data))

    put_string(0x0037, subject)
    put_string(0x1000, body)
    put_string(0x0C1A, sender_name)
    put_string(0x0C1F, sender_email)
    put_string(0x5D01, sender_email)
    put_string(0x001A, "IPM.Note")
    fixed = {0x0E06: (PT_SYSTIME, _filetime(delivered)), 0x0039: (PT_SYSTIME, _filetime(delivered))}
    if ansi:
        fixed[0x3FFD] = (PT_LONG, 1252)
    header = struct.pack("<8sIIII8s", b"\0" * 8, 0, len(attachments), 0, len(attachments), b"\0" * 8)
    streams["__properties_version1.0"] = _properties(fixed, variable, header)
    streams["__nameid_version1.0/__substg1.0_00020102"] = b""
    for index, (filename, data) in enumerate(attachments):
        prefix = f"__attach_version1.0_#{index:08X}/"
        streams[prefix + f"__substg1.0_3707{PT_UNICODE:04X}"] = filename.encode("utf-16-le") + b"\0\0"
        streams[prefix + f"__substg1.0_3701{PT_BINARY:04X}"] = data
        streams[prefix + "__properties_version1.0"] = _properties(
            {0x3705: (PT_LONG, 1)}, {0x3701: (PT_BINARY, len(data))}, b"\0" * 8
        )
    return compound_file(streams)


# --------------------------------------------------------------------------- Word documents


def _docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def temporary_accommodation_docx() -> bytes:
    """A request typed in Word with automatic numbering, bullets and a real table."""
    import docx

    document = docx.Document()
    document.add_heading("Freedom of Information Request", level=1)
    document.add_paragraph("Dear Sir or Madam,")
    document.add_paragraph(
        "Please provide the following information about the council\u2019s use of temporary accommodation."
    )
    document.add_paragraph(
        "How many households were placed in bed and breakfast accommodation on 31 March 2024?", style="List Number"
    )
    document.add_paragraph("Of those households, how many included dependent children?", style="List Number")
    document.add_paragraph("What type of temporary accommodation does the council use?", style="List Number")
    for item in ("Bed and breakfast", "Hostels", "Private sector leased properties", "Council-owned properties"):
        document.add_paragraph(item, style="List Bullet")
    document.add_paragraph("Please complete the table below.", style="List Number")
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for row, values in enumerate(
        [
            ["", "2022/23", "2023/24"],
            ["Total spend on temporary accommodation (\u00a3)", "", ""],
            ["Number of households placed out of area", "", ""],
        ]
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.add_paragraph("")
    document.add_paragraph("Yours faithfully,")
    document.add_paragraph("Rebecca Lin")
    return _docx_bytes(document)


def vehicle_fleet_docx() -> bytes:
    """A Word attachment with typed "Q1." numbering and a table whose first row names the columns."""
    import docx

    document = docx.Document()
    document.add_heading("Freedom of Information request", level=1)
    document.add_paragraph("Dear Sir or Madam,")
    document.add_paragraph(
        "I am writing to request the following information under the Freedom of Information Act 2000 "
        "regarding the council\u2019s vehicle fleet."
    )
    document.add_paragraph("Q1. How many vehicles are in the council\u2019s fleet?")
    document.add_paragraph("Q2. Please complete the following table.")
    table = document.add_table(rows=5, cols=3)
    table.style = "Table Grid"
    for row, values in enumerate(
        [
            ["Fuel type", "Number of vehicles", "Annual fuel spend (\u00a3)"],
            ["Diesel", "", ""],
            ["Petrol", "", ""],
            ["Electric", "", ""],
            ["Hybrid", "", ""],
        ]
    ):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    document.add_paragraph("Q3. Does the council plan to replace all diesel vehicles by 2030? (Yes/No)")
    document.add_paragraph("Yours faithfully,")
    document.add_paragraph("Tom Fairweather")
    return _docx_bytes(document)


def vehicle_fleet_eml() -> bytes:
    message = EmailMessage()
    message["From"] = "Tom Fairweather <tom.fairweather@example.com>"
    message["To"] = "foi@northbury.gov.uk"
    message["Subject"] = "Freedom of Information request"
    message["Date"] = "Mon, 02 Sep 2024 13:20:00 +0100"
    message.set_content(
        "Dear FOI team,\n\nPlease find attached a Freedom of Information request about the council's vehicle fleet.\n\n"
        "Regards,\nTom Fairweather\n"
    )
    message.add_attachment(
        vehicle_fleet_docx(),
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="FOI request - vehicle fleet.docx",
    )
    return bytes(message)


POTHOLE_BODY = """Good morning,

Please could you provide the following information under the Freedom of Information Act.

1) How many pothole damage claims did the council receive in 2023?
2) How many of those claims were paid, and what was the total value paid?
3) What is the council's policy on intervention levels for potholes? Please provide a copy or a link.
4) Do you use any of the following to detect potholes:
o\tRoutine driven inspections
o\tWalked inspections
o\tVehicle-mounted cameras or AI detection
o\tReports from the public only

Kind regards

Helen Brooks
Senior Researcher
"""


def pothole_msg() -> bytes:
    return outlook_message(
        subject="FOI request - Pothole claims",
        body=POTHOLE_BODY.replace("\n", "\r\n"),
        sender_name="Helen Brooks",
        sender_email="helen.brooks@example.org",
        delivered=_dt.datetime(2024, 2, 12, 10, 30, tzinfo=_dt.timezone.utc),
    )


BUILDERS = {
    "11-temporary-accommodation-word-numbering.docx": temporary_accommodation_docx,
    "12-vehicle-fleet-email-with-word-attachment.eml": vehicle_fleet_eml,
    "13-pothole-claims-outlook.msg": pothole_msg,
}


def main() -> int:
    for name, builder in BUILDERS.items():
        (HERE / name).write_bytes(builder())
        print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
