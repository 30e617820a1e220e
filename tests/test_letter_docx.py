"""The Word letter: content, letterhead, accessibility, text that never breaks it, and safe writing."""

from __future__ import annotations

import dataclasses
import enum
import errno
import os

import docx
import pytest
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from foi_desktop.cli import main
from foi_desktop.core.atomic import OutputError
from foi_desktop.core.case import Answer, Case, Organisation, Outcome, PublicInterestTest, Question, Table
from foi_desktop.core.fileformat import save_case
from foi_desktop.core.settings import Settings, save_settings
from foi_desktop.letter import LetterheadError, build_letter, default_letterhead, render_html, write_docx
from test_letter import SEED_IN_ORDER, TODAY, assert_in_order, one_question_case, settings_with_org

EVERY_BAD_CHARACTER = "".join(chr(c) for c in range(0x20)) + "\ufffe\uffff\ud800" + "end"


def docx_lines(path) -> list[str]:
    """The body's text in reading order: a line per paragraph, a tab-joined line per table row."""
    word = docx.Document(str(path))
    lines = []
    for child in word.element.body.iterchildren():
        if child.tag == qn("w:p"):
            lines.append(DocxParagraph(child, word).text)
        elif child.tag == qn("w:tbl"):
            lines.extend("\t".join(cell.text for cell in row.cells) for row in DocxTable(child, word).rows)
    return lines


def style_names(path) -> list[tuple[str, str]]:
    word = docx.Document(str(path))
    return [(p.style.name, p.text) for p in word.paragraphs]


@pytest.fixture
def sample_docx(sample_case, tmp_path):
    path = tmp_path / "letter.docx"
    write_docx(build_letter(sample_case, Settings(), today=TODAY), path)
    return path


# ----------------------------------------------------------------------------- content and structure


def test_sample_docx_carries_the_seed_in_order(sample_docx):
    assert_in_order("\n".join(docx_lines(sample_docx)), SEED_IN_ORDER)


def test_docx_has_the_same_words_as_the_preview(sample_case, tmp_path):
    document = build_letter(sample_case, Settings(), today=TODAY)
    path = tmp_path / "l.docx"
    write_docx(document, path)
    assert " ".join("\n".join(docx_lines(path)).split()) == " ".join(document.plain_text().split())


def test_body_uses_the_letterhead_styles(sample_docx):
    styles = style_names(sample_docx)
    by_style = {}
    for name, text in styles:
        by_style.setdefault(name, []).append(text)
    assert by_style["Title"] == ["Freedom of Information Act 2000 (FOI Act) \u2013 Digitised records"]
    assert by_style["Question"][0] == "1.\tHow many citizen records did your authority collect in Q1 2020 (January, February and March)?"
    assert "Yes, we did this in 2019 or earlier." in by_style["Answer"]
    assert "0%" in by_style["List Bullet"]
    assert "Internal review" in by_style["Heading 1"]
    assert "You asked:" in by_style["Normal"]


def test_lists_are_real_word_lists(sample_docx):
    word = docx.Document(str(sample_docx))
    bullet = word.styles["List Bullet"]
    num_id = bullet.element.xpath("w:pPr/w:numPr/w:numId/@w:val")
    assert num_id, "List Bullet must carry Word numbering, not typed bullets"
    assert word.part.numbering_part.element.num_having_numId(int(num_id[0])) is not None


def test_table_header_row_repeats_and_is_marked(sample_docx):
    word = docx.Document(str(sample_docx))
    table = word.tables[0]
    rows = table._tbl.tr_lst
    assert rows[0].xpath("w:trPr/w:tblHeader")
    assert not rows[1].xpath("w:trPr/w:tblHeader")
    assert table.style.name == "Table Grid"
    assert table._tbl.xpath("w:tblPr/w:tblCaption/@w:val") == ["Question 1"]
    header_runs = rows[0].xpath(".//w:r")
    assert header_runs and all(r.xpath("w:rPr/w:b") for r in header_runs)


def test_document_properties_and_language(sample_docx):
    word = docx.Document(str(sample_docx))
    properties = word.core_properties
    assert properties.title == "Freedom of Information Act 2000 (FOI Act) \u2013 Digitised records"
    assert properties.subject == "Response to information request FOI-2020-0473"
    assert properties.language == "en-GB"
    assert properties.author == "Leicester City Council"
    assert "python-docx" not in (properties.comments + properties.author + properties.last_modified_by)
    lang = word.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert lang == ["en-GB"]


def test_page_is_a4_with_uk_margins(sample_docx):
    section = docx.Document(str(sample_docx)).sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert all(round(getattr(section, side).cm, 2) == 2.54 for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"))


def test_header_filled_from_the_organisation_and_footer_numbers_pages(sample_docx):
    section = docx.Document(str(sample_docx)).sections[0]
    first = "\n".join(p.text for p in section.first_page_header.paragraphs)
    assert "Leicester City Council" in first and "City Hall, 115 Charles Street, Leicester, LE1 1FZ" in first
    assert "info.requests@leicester.gov.uk" in first and "{{" not in first
    assert "{{phone}}" not in first  # an empty value removes its line
    assert first.split("\n") == [
        "\tLeicester City Council",  # after the logo and a tab
        "City Hall, 115 Charles Street, Leicester, LE1 1FZ",
        "info.requests@leicester.gov.uk",
        "https://www.leicester.gov.uk",  # no line for the phone number the sample lacks
        "",  # the rule under the letterhead
    ]
    assert section.first_page_header._element.xpath(".//w:drawing")  # the logo
    later = "\n".join(p.text for p in section.header.paragraphs)
    assert "Leicester City Council" in later and "Our reference: FOI-2020-0473" in later
    for footer in (section.first_page_footer, section.footer):
        instructions = " ".join(footer._element.xpath(".//w:instrText/text()"))
        assert "PAGE" in instructions and "NUMPAGES" in instructions
        assert footer.paragraphs[0].text.startswith("Page ")


def test_numbered_lists_restart(tmp_path, monkeypatch, foi_home):
    """An administrator's template with two numbered lists: each starts at 1 in Word."""
    templates = foi_home / "config" / "templates"
    templates.mkdir(parents=True)
    (templates / "letter.xml.j2").write_text(
        "<letter><ol><li>a</li><li>b</li></ol><p>between</p><ol><li>c</li></ol></letter>", encoding="utf-8"
    )
    path = tmp_path / "l.docx"
    write_docx(build_letter(one_question_case(Answer()), Settings(), today=TODAY), path)
    word = docx.Document(str(path))
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["a", "b", "c"]
    assert not numbered[0]._p.xpath("w:pPr/w:numPr")  # the style's own list
    restart = numbered[2]._p.xpath("w:pPr/w:numPr/w:numId/@w:val")
    assert restart
    num = word.part.numbering_part.element.num_having_numId(int(restart[0]))
    assert num.xpath("w:lvlOverride/w:startOverride/@w:val") == ["1"]


# ----------------------------------------------------------------------------- the letterhead


def _letterhead_without(tmp_path, *style_names_to_drop):
    word = docx.Document(str(default_letterhead()))
    for name in style_names_to_drop:
        element = word.styles[name].element
        element.getparent().remove(element)
    path = tmp_path / "council-letterhead.docx"
    word.save(str(path))
    return path


def test_letterhead_without_a_needed_style_is_a_clear_message(sample_case, tmp_path):
    letterhead = _letterhead_without(tmp_path, "Answer")
    out = tmp_path / "l.docx"
    with pytest.raises(LetterheadError) as caught:
        write_docx(build_letter(sample_case, Settings(), today=TODAY), out, letterhead=letterhead)
    assert str(caught.value).startswith("The letterhead council-letterhead.docx lacks the style 'Answer'")
    assert not out.exists()


def test_letterhead_missing_several_styles(sample_case, tmp_path):
    letterhead = _letterhead_without(tmp_path, "Question", "Table Grid")
    with pytest.raises(LetterheadError, match="lacks the styles 'Question', 'Table Grid'"):
        write_docx(build_letter(sample_case, Settings(), today=TODAY), tmp_path / "l.docx", letterhead=letterhead)


def test_unused_style_is_not_required(tmp_path):
    letterhead = _letterhead_without(tmp_path, "Table Grid", "Heading 2")
    path = tmp_path / "l.docx"
    write_docx(build_letter(one_question_case(Answer(explanation="42.")), Settings(), today=TODAY), path, letterhead=letterhead)
    assert "42." in docx_lines(path)


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "does not exist"),
        (b"not a zip at all", "not a Word document"),
        (b"PK\x03\x04broken zip", "not a Word document|damaged"),
    ],
)
def test_unusable_letterhead_files(sample_case, tmp_path, content, message):
    letterhead = tmp_path / "lh.docx"
    if content is not None:
        letterhead.write_bytes(content)
    with pytest.raises(LetterheadError, match=message):
        write_docx(build_letter(sample_case, Settings(), today=TODAY), tmp_path / "l.docx", letterhead=letterhead)


def test_placeholder_split_across_runs_by_word_is_still_filled(sample_case, tmp_path):
    word = docx.Document(str(default_letterhead()))
    header = word.sections[0].first_page_header
    paragraph = header.add_paragraph()
    paragraph.add_run("Tel: {{ph")
    paragraph.add_run("one}} / {{web")
    paragraph.add_run("site}}")
    letterhead = tmp_path / "split.docx"
    word.save(str(letterhead))
    case = sample_case
    case.organisation.phone = "0116 454 1000"
    out = tmp_path / "l.docx"
    write_docx(build_letter(case, Settings(), today=TODAY), out, letterhead=letterhead)
    texts = [p.text for p in docx.Document(str(out)).sections[0].first_page_header.paragraphs]
    assert "Tel: 0116 454 1000 / https://www.leicester.gov.uk" in texts


def test_letterhead_body_text_is_replaced_by_the_letter(sample_docx):
    assert not any("This is the letterhead" in line for line in docx_lines(sample_docx))
    assert "This is the letterhead" in "\n".join(p.text for p in docx.Document(str(default_letterhead())).paragraphs)


# ----------------------------------------------------------------------------- text that never breaks the file


def _poison(value, text):
    """Every text field of a dataclass tree set to ``text`` (lists of texts too); enums stay."""
    if isinstance(value, enum.Enum):
        return value
    if isinstance(value, str):
        return text
    if isinstance(value, list):
        return [_poison(item, text) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            current = getattr(value, item.name)
            if isinstance(current, (str, list)) or dataclasses.is_dataclass(current):
                setattr(value, item.name, _poison(current, text))
    return value


def _full_case() -> Case:
    case = one_question_case(
        Answer(outcome=Outcome.EXEMPT, exemptions=["s43(2)"], explanation="x", location="x",
               public_interest=PublicInterestTest("x", "x", "x")),
        options=["x", "y"],
        table=Table(rows=["r"], columns=["c"], cells=[["v"]]),
    )
    case.holding_statement = "x"
    case.organisation = Organisation(name="x")
    for outcome in Outcome:
        case.questions.append(Question(text="x", answer=Answer(outcome=outcome, explanation="x")))
    return case


def test_every_control_character_in_every_text_field_exports(tmp_path):
    case = _poison(_full_case(), EVERY_BAD_CHARACTER)
    settings = _poison(Settings(organisation=Organisation()), EVERY_BAD_CHARACTER)
    settings.letterhead = ""
    document = build_letter(case, settings, today=TODAY)
    render_html(document)
    path = tmp_path / "l.docx"
    write_docx(document, path)
    lines = docx_lines(path)
    joined = "\n".join(lines)
    assert "end" in joined
    assert not any(ch in joined for ch in "\x00\x01\x08\x0b\x0c\x1f\ufffe\uffff\ud800")
    word = docx.Document(str(path))
    assert word.core_properties.title.endswith("end")


def test_shift_enter_and_page_break_become_line_breaks(tmp_path):
    case = one_question_case(Answer(explanation="one\x0btwo\x0cthree\r\nfour"))
    path = tmp_path / "l.docx"
    write_docx(build_letter(case, Settings(), today=TODAY), path)
    word = docx.Document(str(path))
    answer = next(p for p in word.paragraphs if p.style.name == "Answer" and "one" in p.text)
    assert answer.text == "one\ntwo\nthree\nfour"
    assert len(answer._p.xpath(".//w:br")) == 3


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF), max_size=40))
def test_any_text_exports(tmp_path, text):
    case = one_question_case(Answer(outcome=Outcome.PROVIDED, choice=0, explanation=text), options=[text or "x"], text=text)
    case.subject = text
    case.requester.name = text
    write_docx(build_letter(case, Settings(), today=TODAY), tmp_path / "any.docx")
    docx.Document(str(tmp_path / "any.docx"))


def test_very_long_subject_fits_the_document_properties(tmp_path):
    case = one_question_case(Answer(explanation="42."))
    case.subject = "word " * 200
    write_docx(build_letter(case, Settings(), today=TODAY), tmp_path / "l.docx")
    assert len(docx.Document(str(tmp_path / "l.docx")).core_properties.title) <= 255


# ----------------------------------------------------------------------------- safe writing


def test_output_held_open_by_word_keeps_the_old_file(sample_case, tmp_path, monkeypatch):
    out = tmp_path / "letter.docx"
    out.write_bytes(b"the letter sent yesterday")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError, match="open in another program"):
        write_docx(build_letter(sample_case, Settings(), today=TODAY), out)
    assert out.read_bytes() == b"the letter sent yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx"]  # no temporary file left


def test_full_disk_leaves_nothing(sample_case, tmp_path, monkeypatch):
    import tempfile

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tempfile, "mkstemp", full)
    with pytest.raises(OutputError, match="disk is full"):
        write_docx(build_letter(sample_case, Settings(), today=TODAY), tmp_path / "l.docx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a user that read-only folders stop")
def test_read_only_folder(sample_case, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="Cannot save l.docx"):
            write_docx(build_letter(sample_case, Settings(), today=TODAY), folder / "l.docx")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_export_of_300_questions_writes_every_table(tmp_path):
    """Speed is measured by benchmarks/run.py; here the large letter must simply be complete."""
    from benchmarks.generate import generated_case

    document = build_letter(generated_case(300), Settings(), today=TODAY)
    write_docx(document, tmp_path / "big.docx")
    assert len(docx.Document(str(tmp_path / "big.docx")).tables) == sum(
        1 for n in range(1, 301) if n % 4 and n % 7 == 0
    )


# ----------------------------------------------------------------------------- command line


def test_cli_export_writes_docx_and_html_and_warns(tmp_path, capsys):
    case_path = tmp_path / "sample.foi"
    assert main(["sample", "-o", str(case_path)]) == 0
    out, page = tmp_path / "letter.docx", tmp_path / "letter.html"
    assert main(["export", str(case_path), "-o", str(out), "--html", str(page)]) == 0
    captured = capsys.readouterr()
    assert "Wrote the letter to" in captured.out
    warnings = captured.err.strip().splitlines()
    assert warnings == ["warning: Question 1: the section 12 refusal gives no estimate (how many items, and how many minutes each)."]
    assert_in_order("\n".join(docx_lines(out)), SEED_IN_ORDER)
    assert "You asked:" in page.read_text(encoding="utf-8")


def test_cli_export_uses_the_settings_organisation(tmp_path, capsys):
    save_settings(settings_with_org())
    case = one_question_case(Answer(outcome=Outcome.EXEMPT, exemptions=["s43(2)"]))
    save_case(case, tmp_path / "c.foi")
    assert main(["export", str(tmp_path / "c.foi"), "-o", str(tmp_path / "l.docx")]) == 0
    err = capsys.readouterr().err
    assert "warning: Question 1: no reason is given why the exemption applies." in err
    assert "warning: Question 1: no public interest test for section 43(2)" in err
    assert any("foi@anytown.gov.uk" in line for line in docx_lines(tmp_path / "l.docx"))


def test_cli_export_when_word_holds_the_file(tmp_path, capsys, monkeypatch):
    case_path = tmp_path / "sample.foi"
    main(["sample", "-o", str(case_path)])
    capsys.readouterr()

    def locked(src, dst):
        raise PermissionError(13, "in use")

    monkeypatch.setattr(os, "replace", locked)
    assert main(["export", str(case_path), "-o", str(tmp_path / "l.docx")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("foi-desktop: error: Cannot save l.docx: it is open in another program (Word?)")
    assert not (tmp_path / "l.docx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_cli_export_errors_are_one_line(tmp_path, capsys):
    case_path = tmp_path / "sample.foi"
    main(["sample", "-o", str(case_path)])
    capsys.readouterr()
    assert main(["export", str(case_path), "-o", str(tmp_path / "missing" / "l.docx")]) == 2
    assert capsys.readouterr().err.strip().endswith("does not exist.")
    assert main(["export", str(tmp_path / "nope.foi"), "-o", str(tmp_path / "l.docx")]) == 2
    assert "does not exist" in capsys.readouterr().err
    settings = Settings(letterhead=str(_letterhead_without(tmp_path, "Answer")))
    save_settings(settings)
    assert main(["export", str(case_path), "-o", str(tmp_path / "l.docx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("foi-desktop: error: The letterhead council-letterhead.docx lacks the style 'Answer'")
    assert not (tmp_path / "l.docx").exists()
