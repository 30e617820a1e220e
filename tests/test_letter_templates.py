"""Templates: an administrator's copies win, the sandbox holds, mistakes are explained; the markup parser."""

from __future__ import annotations

import os
import time

import pytest

from foi_desktop.core.case import Answer, Outcome
from foi_desktop.core.settings import Settings
from foi_desktop.letter import LetterTemplateError, ListBlock, Paragraph, Table, build_letter
from foi_desktop.letter.markup import parse_markup
from foi_desktop.letter.templates import bundled_templates_dir, finalize
from test_letter import TODAY, one_question_case


@pytest.fixture
def templates(foi_home):
    folder = foi_home / "config" / "templates"
    folder.mkdir(parents=True)
    return folder


def write(folder, name, text):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    # a fresh mtime even within the file system's timestamp resolution
    stamp = time.time() + len(text)
    os.utime(path, (stamp, stamp))
    return path


def text_of(case=None) -> str:
    case = case or one_question_case(Answer(outcome=Outcome.NOT_HELD))
    return build_letter(case, Settings(), today=TODAY).plain_text()


# ----------------------------------------------------------------------------- overrides


def test_administrators_copy_wins_over_the_bundled_template(templates):
    assert "This is not information held by the Council." in text_of()
    write(templates, "outcomes/not_held.xml.j2", "<answer>We have searched and found nothing, {{ requester.name }}.</answer>")
    text = text_of()
    assert "We have searched and found nothing, Alex Example." in text
    assert "This is not information held" not in text
    assert "Open Government Licence" in text  # the other templates are still the bundled ones


def test_edits_and_removal_take_effect_without_a_restart(templates):
    path = write(templates, "outcomes/not_held.xml.j2", "<answer>First wording.</answer>")
    assert "First wording." in text_of()
    write(templates, "outcomes/not_held.xml.j2", "<answer>Second wording.</answer>")
    assert "Second wording." in text_of()
    path.unlink()
    assert "This is not information held by the Council." in text_of()


def test_an_administrators_copy_may_start_with_a_byte_order_mark(templates):
    (templates / "outcomes").mkdir()
    (templates / "outcomes" / "not_held.xml.j2").write_bytes("\ufeff<answer>Notepad wording.</answer>".encode("utf-8"))
    assert "Notepad wording." in text_of()


def test_every_bundled_template_is_valid_jinja():
    from foi_desktop.letter.templates import environment

    env = environment()
    names = [p.relative_to(bundled_templates_dir()).as_posix() for p in bundled_templates_dir().rglob("*.j2")]
    assert "letter.xml.j2" in names and len(names) >= 12
    for name in names:
        env.get_template(name)


# ----------------------------------------------------------------------------- sandbox and mistakes


@pytest.mark.parametrize(
    "expression",
    [
        "''.__class__.__mro__[1].__subclasses__()",
        "requester.__class__.__init__.__globals__",
        "lipsum.__globals__['os']",
        "org.merged_over.__func__.__globals__",
        "cycler.__init__.__globals__",
    ],
)
def test_templates_cannot_reach_python_internals(templates, expression):
    write(templates, "letter.xml.j2", "<letter><p>{{ " + expression + " }}</p></letter>")
    with pytest.raises(LetterTemplateError, match="tried something templates may not do|does not exist"):
        text_of()


def test_templates_cannot_change_what_they_are_given(templates):
    write(templates, "letter.xml.j2", "<letter><p>{{ questions.append(1) }}{{ questions[0].options.clear() }}</p></letter>")
    case = one_question_case(Answer(), options=["a"])
    with pytest.raises(LetterTemplateError, match="may not do"):
        text_of(case)
    assert case.questions[0].options == ["a"]


def test_syntax_mistake_names_the_file_and_line(templates):
    path = write(templates, "letter.xml.j2", "<letter>\n<p>fine</p>\n<p>{% if %}</p></letter>")
    with pytest.raises(LetterTemplateError) as caught:
        text_of()
    assert str(path) in str(caught.value) and "line 3" in str(caught.value)


def test_unknown_value_is_named(templates):
    write(templates, "letter.xml.j2", "<letter><p>{{ requester.nmae }}</p></letter>")
    with pytest.raises(LetterTemplateError, match="uses something that does not exist.*nmae.*docs/letter.md"):
        text_of()


def test_missing_include(templates):
    write(templates, "letter.xml.j2", '<letter>{% include "nowhere.xml.j2" %}</letter>')
    with pytest.raises(LetterTemplateError, match="nowhere.xml.j2 is missing"):
        text_of()


def test_markup_mistakes_in_a_template(templates):
    write(templates, "letter.xml.j2", "<letter><p>unclosed</letter>")
    with pytest.raises(LetterTemplateError, match="cannot be read"):
        text_of()
    write(templates, "letter.xml.j2", "<letter><blink>x</blink></letter>")
    with pytest.raises(LetterTemplateError, match="<blink>"):
        text_of()
    write(templates, "letter.xml.j2", "<letter><p><u>x</u></p></letter>")
    with pytest.raises(LetterTemplateError, match="<u> inside <p>"):
        text_of()


def test_a_runtime_error_names_the_template(templates):
    write(templates, "letter.xml.j2", "<letter>\n<p>{{ 1 // 0 }}</p></letter>")
    with pytest.raises(LetterTemplateError, match=r"letter.xml.j2, line 2\).*ZeroDivisionError"):
        text_of()


# ----------------------------------------------------------------------------- values and markup


def test_finalize_escapes_and_keeps_line_breaks():
    assert str(finalize("a < b & c")) == "a &lt; b &amp; c"
    assert str(finalize("one\ntwo\n\n\nthree")) == "one<br/>two<parbreak/>three"
    assert str(finalize("bad\x00\x0bchar")) == "bad<br/>char"
    assert finalize(None) == ""
    assert str(finalize(40)) == "40"


def test_whitespace_collapses_like_html():
    document = parse_markup("<letter>\n  <p>\n    Hello,\n    <b>bold</b>   and <i>italic <b>both</b></i>.\n  </p>\n</letter>")
    (paragraph,) = document.blocks
    assert paragraph.text == "Hello, bold and italic both."
    assert [(r.text, r.bold, r.italic) for r in paragraph.runs] == [
        ("Hello, ", False, False), ("bold", True, False), (" and ", False, False),
        ("italic ", False, True), ("both", True, True), (".", False, False),
    ]


def test_line_breaks_and_paragraph_breaks():
    document = parse_markup("<letter><answer>one <br/> two<parbreak/>three<br/></answer><li-free/></letter>".replace("<li-free/>", ""))
    assert [(b.kind, b.text) for b in document.blocks] == [("answer", "one\ntwo"), ("answer", "three")]


def test_empty_blocks_are_dropped_and_stray_text_kept():
    document = parse_markup("<letter><p>  </p><ul><li> </li></ul>loose words<table><tr></tr></table></letter>")
    assert [(b.kind, b.text) for b in document.blocks] == [("normal", "loose words")]


def test_question_label_lists_tables_and_meta():
    document = parse_markup(
        "<letter><meta name='title'>T</meta><question><label>2a.</label>Why?<parbreak/>And?</question>"
        "<ol><li>x</li></ol><table><caption>Cap</caption><tr><th>h</th><th>k</th></tr><tr><td>v</td></tr></table></letter>"
    )
    question, second, numbered, table = document.blocks
    assert (question.label, question.text, second.label, second.text) == ("2a.", "Why?", "", "And?")
    assert isinstance(numbered, ListBlock) and numbered.ordered and numbered.item_texts() == ["x"]
    assert isinstance(table, Table) and table.caption == "Cap" and table.header_rows == 1
    assert [c.text for c in table.rows[1]] == ["v", ""]  # short rows are padded
    assert document.title == "T"
    assert isinstance(question, Paragraph)


def test_unknown_meta_is_refused():
    with pytest.raises(LetterTemplateError, match="not a document property"):
        parse_markup("<letter><meta name='colour'>red</meta></letter>")
