"""The ``foi-desktop`` command: the window, and sub-commands for scripts, IT and tests.

Every sub-command reports a failure as one clear line on stderr and exits with 2;
outputs are written atomically, so a failure never leaves a half-written file.
Heavy modules (Qt, python-docx) are imported only by the commands that need them.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from typing import Callable, Sequence

from foi_desktop import __version__

EXIT_OK = 0
EXIT_FAILURE = 2

REGIME_CHOICES = {"foi": "foia", "foia": "foia", "eir": "eir", "foisa": "foisa", "eir-scotland": "eir_scotland"}


class CommandError(Exception):
    """A failure to report to the user as one line."""


# --------------------------------------------------------------------------- sample / check


def _cmd_sample(args: argparse.Namespace) -> int:
    from foi_desktop.core.atomic import atomic_write
    from foi_desktop.core.sample import sample_path

    atomic_write(args.output, sample_path().read_bytes())
    print(f"Wrote the sample case to {args.output}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from foi_desktop.core.fileformat import load_case
    from foi_desktop.core.summary import one_line_summary

    case = load_case(args.case)
    print(f"{args.case}: OK — {one_line_summary(case)}")
    return EXIT_OK


# --------------------------------------------------------------------------- deadline


def _parse_date(value: str) -> _dt.date:
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"\"{value}\" is not a date in the form YYYY-MM-DD") from None


def _date_argument(value: str) -> _dt.date:
    """A date given on the command line; a bad one is reported as one line, not a usage text."""
    try:
        return _parse_date(value)
    except argparse.ArgumentTypeError as exc:
        raise CommandError(str(exc)) from None


def _cmd_deadline(args: argparse.Namespace) -> int:
    from foi_desktop.core.case import Clarification, Extension, Regime
    from foi_desktop.core.deadlines import extension_applies, response_deadline

    received = _date_argument(args.received)
    clarified = _date_argument(args.clarified) if args.clarified else None
    regime = Regime(REGIME_CHOICES[args.regime])
    extension = Extension.NONE
    if args.extend:
        extension = Extension.EIR_COMPLEX if args.regime in ("eir", "eir-scotland") else Extension.PUBLIC_INTEREST
        if not extension_applies(regime, extension):
            raise CommandError(f"the {regime.title} allows no extension of time (20 working days)")
    clarification = Clarification(received=clarified) if clarified else None
    try:
        deadline = response_deadline(received, regime, extension=extension, clarification=clarification)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    print(deadline.due.isoformat())
    for day in deadline.skipped:
        print(f"{day.date.isoformat()}  {day.date:%a}  {day.reason}")
    return EXIT_OK


# --------------------------------------------------------------------------- screenshot


def _parse_size(value: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in value.lower().split("x"))
    except ValueError:
        raise CommandError(f"\"{value}\" is not a size such as 1400x900") from None
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise CommandError(f"the size {value} is out of range (200 to 8000 pixels each way)")
    return width, height


def _cmd_screenshot(args: argparse.Namespace) -> int:
    size = _parse_size(args.size)
    if args.question is not None and args.question < 1:
        raise CommandError("--question counts from 1")
    from foi_desktop.ui.app import render_screenshot

    target = render_screenshot(args.output, args.case, size=size, question=args.question, dark=args.dark)
    print(f"Wrote a {size[0]}x{size[1]} screenshot to {target}")
    return EXIT_OK


# --------------------------------------------------------------------------- export


def _cmd_export(args: argparse.Namespace) -> int:
    """The Word letter (and optionally the preview's HTML); refusal-notice findings go to stderr."""
    from foi_desktop.core.atomic import atomic_write
    from foi_desktop.core.fileformat import load_case
    from foi_desktop.core.settings import load_settings
    from foi_desktop.letter import (
        LetterError, build_letter, check_refusal_notice, letterhead_for, render_html, write_docx,
    )

    case = load_case(args.case)
    settings = load_settings()
    for problem in settings.problems:
        print(f"warning: {problem}", file=sys.stderr)
    try:
        document = build_letter(case, settings)
        for finding in check_refusal_notice(case, settings):
            print(f"warning: {finding}", file=sys.stderr)
        write_docx(document, args.output, letterhead=letterhead_for(settings))
        if args.html:
            atomic_write(args.html, render_html(document).encode("utf-8"))
    except LetterError as exc:
        raise CommandError(str(exc)) from None
    print(f"Wrote the letter to {args.output}" + (f" and its HTML to {args.html}" if args.html else ""))
    return EXIT_OK


# --------------------------------------------------------------------------- import


def _cmd_import(args: argparse.Namespace) -> int:
    """A new case from a received request (.txt, .docx, .eml, .msg, or "-" for text on stdin)."""
    from foi_desktop.core.fileformat import save_case
    from foi_desktop.core.summary import one_line_summary
    from foi_desktop.intake import IntakeError, parse_request_text, read_request_file

    try:
        parsed = parse_request_text(sys.stdin.read()) if args.request == "-" else read_request_file(args.request)
    except IntakeError as exc:
        raise CommandError(str(exc)) from None
    if not parsed.questions:
        raise CommandError(f"{args.request}: no request text was found, so no case was written")
    for warning in parsed.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    case = parsed.to_case()
    save_case(case, args.output)
    print(f"Wrote {args.output}: {one_line_summary(case)}")
    return EXIT_OK


# --------------------------------------------------------------------------- parser


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr like every other failure."""

    def error(self, message: str) -> None:  # type: ignore[override]
        _error(f"{message} (see '{self.prog} --help')")
        raise SystemExit(EXIT_FAILURE)


def _build_parser() -> tuple[argparse.ArgumentParser, dict[str, Callable[[argparse.Namespace], int]]]:
    parser = _Parser(
        prog="foi-desktop",
        description="FOI Desktop: answer Freedom of Information requests. Without a command, opens the window.",
        epilog="Open the window: foi-desktop [CASE.foi] [--sample]",
    )
    parser.add_argument("--version", action="version", version=f"FOI Desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {}

    p = sub.add_parser("sample", help="write the bundled sample case")
    p.add_argument("-o", "--output", required=True, metavar="CASE.foi")
    handlers["sample"] = _cmd_sample

    p = sub.add_parser("check", help="validate a case file and print a one-line summary")
    p.add_argument("case", metavar="CASE.foi")
    handlers["check"] = _cmd_check

    p = sub.add_parser("deadline", help="print the statutory due date for a request received on a date")
    p.add_argument("received", metavar="YYYY-MM-DD")
    p.add_argument("--regime", choices=["foi", "eir", "foisa", "eir-scotland"], default="foi")
    p.add_argument(
        "--extend", action="store_true", help="public interest extension (FOI) or 40 working days (EIR)"
    )
    p.add_argument("--clarified", metavar="YYYY-MM-DD", help="date the clarification arrived")
    handlers["deadline"] = _cmd_deadline

    p = sub.add_parser("screenshot", help="render the window offscreen to a PNG (the sample unless a case is given)")
    p.add_argument("output", metavar="OUT.png")
    p.add_argument("case", nargs="?", metavar="CASE.foi")
    p.add_argument("--size", default="1400x900", metavar="WIDTHxHEIGHT", help="window size (default 1400x900)")
    p.add_argument("--question", type=int, metavar="N", help="show question N (from 1) in the editor")
    p.add_argument("--dark", action="store_true", help="use the dark colour scheme")
    handlers["screenshot"] = _cmd_screenshot

    p = sub.add_parser("export", help="write the response letter (.docx) for a case; refusal-notice gaps are warned")
    p.add_argument("case", metavar="CASE.foi")
    p.add_argument("-o", "--output", required=True, metavar="LETTER.docx")
    p.add_argument("--html", metavar="PATH", help="also write the letter as the preview's HTML")
    handlers["export"] = _cmd_export

    p = sub.add_parser("import", help="start a case from a received request (.txt, .docx, .eml, .msg, or - for stdin)")
    p.add_argument("request", metavar="REQUEST")
    p.add_argument("-o", "--output", required=True, metavar="CASE.foi")
    handlers["import"] = _cmd_import

    return parser, handlers


def _window_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="foi-desktop", description="Open FOI Desktop's window.")
    parser.add_argument("case", nargs="?", metavar="CASE.foi", help="a case file to open")
    parser.add_argument(
        "--sample", action="store_true", help="open the bundled sample case (as an unsaved copy)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, handlers = _build_parser()
    if argv and (argv[0] in handlers or argv[0] in ("-h", "--help", "--version")):
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:
            return EXIT_OK if exc.code == 0 else EXIT_FAILURE
        if args.command is None:
            parser.print_help()
            return EXIT_OK
        return _run(handlers[args.command], args)
    try:
        window_args = _window_parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_OK if exc.code == 0 else EXIT_FAILURE
    return _run(_open_window, window_args)


def _open_window(args: argparse.Namespace) -> int:
    from foi_desktop.ui.app import run_window

    return run_window(args.case, sample=args.sample)


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return handler(args)
    except KeyboardInterrupt:
        _error("interrupted")
    except Exception as exc:  # the promise: one line, never a traceback
        if isinstance(exc, _errors_that_explain_themselves()):
            _error(str(exc))
        elif os.environ.get("FOI_DESKTOP_DEBUG"):
            raise
        else:
            _error(f"unexpected problem: {exc.__class__.__name__}: {exc}")
    return EXIT_FAILURE


def _errors_that_explain_themselves() -> tuple[type[Exception], ...]:
    """Imported only once something failed: the window's start does not wait for the case model."""
    from foi_desktop.core.atomic import OutputError
    from foi_desktop.core.fileformat import CaseFileError

    return (CaseFileError, OutputError, CommandError)


def _error(message: str) -> None:
    print(f"foi-desktop: error: {message}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
