"""Check a letter exported by the installed Windows build against the council response it reproduces.

Used by smoke-windows.sh; reads the .docx with python-docx on the build machine, so
a letter that Word could not open, or one missing the sample's key content, fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Phrases of the real response in shared/seed that the sample's letter must contain.
EXPECTED = (
    "Digitised records",
    "section 12",
    "Open Government Licence",
    "info.requests@leicester.gov.uk",
)


def letter_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        for part in (section.header, section.footer):
            parts.extend(paragraph.text for paragraph in part.paragraphs)
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    text = letter_text(path)
    missing = [phrase for phrase in EXPECTED if phrase.casefold() not in text.casefold()]
    if missing:
        print(f"{path}: missing {', '.join(repr(p) for p in missing)}", file=sys.stderr)
        return 1
    print(f"{path}: a Word letter with {len(text.split())} words, all {len(EXPECTED)} expected phrases present")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
