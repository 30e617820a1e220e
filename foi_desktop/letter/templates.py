"""The wording templates: Jinja2, sandboxed, autoescaped, with an administrator's copies first.

Templates may be edited by hand and the values they print come from requesters, so
they run in :class:`jinja2.sandbox.ImmutableSandboxedEnvironment` (no reaching
Python internals, no changing what they are given) with autoescaping (a requester's ``<b>`` is text, not markup). Every printed
value also passes :func:`finalize`, which makes it XML-safe and turns its line breaks
into ``<br/>`` and its blank lines into ``<parbreak/>``.

The compiled environment is cached and rebuilt only when the administrator's folder
changes, because the window renders the letter on every keystroke.
"""

from __future__ import annotations

import os
import re
import traceback
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedEnvironment
from markupsafe import Markup, escape

from foi_desktop.letter.errors import LetterTemplateError
from foi_desktop.letter.text import one_line, xml_safe

MAIN_TEMPLATE = "letter.xml.j2"
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_ENDS_SENTENCE = (".", "!", "?", ":", ";", "\u2026")


def finalize(value: Any) -> Any:
    """Every ``{{ value }}``: None prints nothing, text is made XML-safe, line breaks become markup."""
    if value is None:
        return ""
    if isinstance(value, Markup):  # made by the templates themselves (a macro, |safe)
        return Markup(xml_safe(value))
    text = xml_safe(value if isinstance(value, str) else str(value))
    escaped = escape(text)
    if "\n" not in text:
        return escaped
    return Markup(_BLANK_LINE.sub("<parbreak/>", str(escaped).strip("\n")).replace("\n", "<br/>"))


# ----------------------------------------------------------------------------- filters


def capfirst(value: Any) -> str:
    """"the Council" at the start of a sentence: "The Council"."""
    text = "" if value is None else str(value)
    return text[:1].upper() + text[1:]


def fullstop(value: Any) -> str:
    """The chosen option as a sentence: "Yes, we did this in 2019 or earlier." (once, never "..")."""
    text = ("" if value is None else str(value)).rstrip()
    if not text or text.endswith(_ENDS_SENTENCE):
        return text
    return text + "."


def oneline(value: Any, separator: str = ", ") -> str:
    return one_line("" if value is None else str(value), separator)


def lines(value: Any) -> list[str]:
    """A multi-line value (an address) as its non-empty lines."""
    return [line.strip() for line in xml_safe("" if value is None else str(value)).splitlines() if line.strip()]


FILTERS = {"capfirst": capfirst, "fullstop": fullstop, "oneline": oneline, "lines": lines}


# ----------------------------------------------------------------------------- environment


def bundled_templates_dir() -> Path:
    from foi_desktop.assets import resource_path

    return resource_path("templates")


def override_templates_dir() -> Path:
    from foi_desktop.paths import templates_override_dir

    return templates_override_dir()


_cache: dict[str, Any] = {"key": None, "environment": None}


def _folder_signature(folder: Path) -> tuple:
    """Names, sizes and times of the administrator's templates: a change means recompiling."""
    entries = []
    try:
        for root, _dirs, files in os.walk(folder):
            for name in files:
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                entries.append((path, stat.st_size, stat.st_mtime_ns))
    except OSError:
        return ()
    return tuple(sorted(entries))


def environment() -> SandboxedEnvironment:
    override = override_templates_dir()
    bundled = bundled_templates_dir()
    key = (str(override), str(bundled), _folder_signature(override))
    if _cache["key"] != key:
        _cache["environment"] = _make_environment(override, bundled)
        _cache["key"] = key
    return _cache["environment"]


class LetterSandbox(ImmutableSandboxedEnvironment):
    """The sandbox (immutable: a template cannot change a list), with a fast path for the
    plain data classes the letter context is made of.

    The sandbox checks every attribute access (several microseconds each); for a field
    of a registered data class (text, numbers, lists, other registered classes) there is
    nothing to check, and a 300-question letter reads some 20,000 of them per keystroke.
    Everything else goes through the full check.
    """

    plain_fields: dict[type, frozenset[str]] = {}

    def getattr(self, obj: Any, attribute: str) -> Any:
        fields = self.plain_fields.get(type(obj))
        if fields is not None and attribute in fields:
            return getattr(obj, attribute)
        return super().getattr(obj, attribute)


def register_plain_data(*classes: type) -> None:
    """Let templates read these classes' dataclass fields without the per-access sandbox check."""
    import dataclasses

    for cls in classes:
        LetterSandbox.plain_fields[cls] = frozenset(
            item.name for item in dataclasses.fields(cls) if not item.name.startswith("_")
        )


def _make_environment(override: Path, bundled: Path) -> SandboxedEnvironment:
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(str(override), encoding="utf-8-sig"),
            jinja2.FileSystemLoader(str(bundled), encoding="utf-8"),
        ]
    )
    env = LetterSandbox(
        loader=loader,
        autoescape=True,
        finalize=finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,  # a line break after a tag is a space, as in HTML: words never run together
        lstrip_blocks=True,
        auto_reload=False,  # the folder signature above decides when to reload
        cache_size=-1,
    )
    env.filters.update(FILTERS)
    return env


def render_markup(context: dict[str, Any]) -> str:
    """Render the main template; any template failure becomes a :class:`LetterTemplateError`."""
    try:
        template = environment().get_template(MAIN_TEMPLATE)
        return template.render(context)
    except LetterTemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        where = exc.filename or exc.name or "a letter template"
        raise LetterTemplateError(f"The letter template {where} has a mistake at line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise LetterTemplateError(
            f"The letter template {exc.name} is missing from {override_templates_dir()} and from the bundled "
            "templates. Restore it, or remove the include that names it."
        ) from None
    except jinja2.exceptions.SecurityError as exc:
        raise LetterTemplateError(
            f"A letter template{_location(exc)} tried something templates may not do ({exc}). "
            "Templates can only print the case's values."
        ) from None
    except jinja2.UndefinedError as exc:
        raise LetterTemplateError(
            f"A letter template{_location(exc)} uses something that does not exist: {exc.message}. "
            "See docs/letter.md for the values a template can use."
        ) from None
    except Exception as exc:  # a template is code an administrator wrote; say where it failed
        raise LetterTemplateError(
            f"A letter template{_location(exc)} failed: {exc.__class__.__name__}: {exc}"
        ) from None


def _location(exc: BaseException) -> str:
    """" (letter.xml.j2, line 12)" from the deepest template frame of the traceback, if any."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename and frame.filename.endswith(".j2"):
            return f" ({frame.filename}, line {frame.lineno})"
    return ""
