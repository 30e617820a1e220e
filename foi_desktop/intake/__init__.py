"""Request intake: turn a request as received (pasted text, .txt, .docx, .eml, .msg) into questions.

Plain Python, no Qt, so it runs the same in the window, on the command line and in tests::

    parsed = parse_request_text(text)        # never raises
    parsed = read_request_file(path)         # IntakeError with a clear message for bad files
    case = parsed.to_case()

See docs/intake.md for what is recognised and why.
"""

from foi_desktop.intake.errors import IntakeError
from foi_desktop.intake.readers import FILE_DIALOG_FILTER, SUPPORTED_SUFFIXES, parse_request_bytes, read_request_file
from foi_desktop.intake.request import ParsedRequest, ReceivedRequest, parse_request_text

__all__ = [
    "FILE_DIALOG_FILTER",
    "IntakeError",
    "ParsedRequest",
    "ReceivedRequest",
    "SUPPORTED_SUFFIXES",
    "parse_request_bytes",
    "parse_request_text",
    "read_request_file",
]
