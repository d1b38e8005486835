"""The structural doctor flags each kind of structural failure on a text made to show it
(tests/fixtures/doctor/, README there), names the file and line, and says nothing about a
well-formed paper; the build reports its warnings (papersite check, the Citation audit page)
without failing."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from papersite.cli import main
from papersite.doctor import RULES, check_structure
from papersite.model import (
    Author,
    Diagnostic,
    FrontMatter,
    Inline,
    Note,
    NoteRef,
    Paper,
    Paragraph,
    Reference,
    Section,
    SourceSpan,
    Text,
)
from papersite.pipeline import BuildResult, generate_site
from papersite.project import Project

from .conftest import ROOT, make_fixture_project

CASES = ROOT / "tests" / "fixtures" / "doctor"


def _inlines(text: str) -> tuple[Inline, ...]:
    parts: list[Inline] = []
    for piece in re.split(r"(\[\^\w+\])", text):
        if piece.startswith("[^"):
            parts.append(NoteRef(piece[2:-1]))
        elif piece:
            parts.append(Text(piece))
    return tuple(parts)


def _close(open_section: Section | None, blocks: list[Paragraph], sections: list[Section]) -> None:
    if open_section is not None:
        sections.append(replace(open_section, blocks=tuple(blocks)))


def outline_paper(path: Path) -> tuple[Paper, str]:
    """The Paper an outline describes (see tests/fixtures/doctor/README.md), and its text."""
    text = path.read_text(encoding="utf-8")
    where = f"tests/fixtures/doctor/{path.name}"
    title, authors = "", []
    sections: list[Section] = []
    current: Section | None = None
    blocks: list[Paragraph] = []
    references, notes = [], []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.replace("\f", "").strip()
        span = SourceSpan(where, number)
        if not line:
            continue
        if line.startswith("title: "):
            title = line[7:]
        elif line.startswith("author: "):
            authors.append(Author(line[8:]))
        elif line.startswith("#"):
            _close(current, blocks, sections)
            marks = line.split(" ", 1)[0]
            current, blocks = Section(line[len(marks) + 1 :], marks.count("#"), span, is_references="!" in marks), []
        elif line.startswith("- ") and current is not None and current.is_references:
            references.append(Reference(line[2:], span))
        elif line.startswith("^"):
            marker, note = line[1:].split(" ", 1)
            notes.append(Note(marker, Paragraph(_inlines(note), span)))
        else:
            blocks.append(Paragraph(_inlines(line), span))
    _close(current, blocks, sections)
    front = FrontMatter(title=title, authors=tuple(authors))
    return Paper(path.stem, where, front, tuple(sections), tuple(references), notes=tuple(notes)), text


def diagnose(name: str) -> list[Diagnostic]:
    paper, text = outline_paper(CASES / f"{name}.outline")
    return check_structure(paper, text)


def lines_of(found: list[Diagnostic], rule: str) -> list[int]:
    return [d.span.line for d in found if d.rule == rule and d.span]


def test_a_well_formed_paper_gets_no_warning() -> None:
    assert diagnose("clean") == []


@pytest.mark.parametrize("case", ["title-keywords", "title-journal", "title-person", "title-cut"])
def test_a_title_that_is_not_a_title_is_flagged_at_its_line(case: str) -> None:
    found = diagnose(case)
    assert {d.rule for d in found} - {"structure-authors-missing"} == {"structure-title-suspect"}
    assert lines_of(found, "structure-title-suspect") == [1]
    assert all(d.severity == "warning" for d in found)


def test_a_title_cut_short_and_no_byline_are_both_said() -> None:
    found = diagnose("title-cut")
    assert "ends mid-phrase" in found[0].message
    assert [d.rule for d in found] == ["structure-title-suspect", "structure-authors-missing"]


def test_the_person_title_names_the_reason() -> None:
    (found,) = diagnose("title-person")
    assert "person's name" in found.message and "'M. M. Bakhtin'" in found.message


def test_too_many_headings_for_the_text() -> None:
    found = diagnose("headings-many")
    assert [d.rule for d in found] == ["structure-too-many-headings"]
    assert "47 headings for 48 words" in found[0].message and found[0].span == SourceSpan("tests/fixtures/doctor/headings-many.outline", 3)


def test_headings_of_digits_symbols_and_maths_are_flagged_one_by_one() -> None:
    found = diagnose("headings-symbols")
    assert {d.rule for d in found} == {"structure-heading-symbols"}
    assert lines_of(found, "structure-heading-symbols") == [5, 6, 10]


def test_a_paragraph_over_a_thousand_words() -> None:
    found = diagnose("long-paragraph")
    assert [d.rule for d in found] == ["structure-long-paragraph"] and lines_of(found, "structure-long-paragraph") == [6]
    assert "1102 words" in found[0].message


def test_a_reference_heading_with_no_list() -> None:
    found = diagnose("references-missing")
    assert [d.rule for d in found] == ["structure-references-missing"] and lines_of(found, "structure-references-missing") == [5]


def test_a_reference_list_glued_to_the_text_is_noticed() -> None:
    found = diagnose("references-glued")
    assert [d.rule for d in found] == ["structure-references-missing"] and lines_of(found, "structure-references-missing") == [6]
    assert "'References' inside a paragraph" in found[0].message


def test_an_entry_holding_several_works() -> None:
    found = diagnose("references-unsplit")
    assert [d.rule for d in found] == ["structure-references-unsplit"] and lines_of(found, "structure-references-unsplit") == [6]


def test_a_running_head_left_on_every_page() -> None:
    found = diagnose("running-heads")
    assert [d.rule for d in found] == ["structure-running-head-left"]
    assert lines_of(found, "structure-running-head-left") == [4]
    assert "of 5 pages" in found[0].message and "left in the text 6 times" in found[0].message  # page 1 is headed by the title


def test_the_same_paper_without_its_running_heads_is_clean() -> None:
    paper, text = outline_paper(CASES / "running-heads.outline")
    cleaned = paper.map_paragraphs(lambda p: p)  # same paper ...
    body = [replace(s, blocks=tuple(b for b in s.blocks if not b.text.startswith("Caspian Studies"))) for s in cleaned.sections]
    assert check_structure(replace(paper, sections=tuple(body)), text) == []  # ... with the heads removed


def test_a_footnote_marker_with_no_note_and_a_note_with_no_marker() -> None:
    found = diagnose("footnote-unmatched")
    assert {d.rule for d in found} == {"structure-footnote-unmatched"}
    assert lines_of(found, "structure-footnote-unmatched") == [4, 6]
    assert "marker '2'" in found[0].message and "note '3'" in found[1].message and "has no marker" in found[1].message


def test_every_rule_is_shown_by_some_case() -> None:
    shown = {d.rule for case in CASES.glob("*.outline") for d in check_structure(*outline_paper(case))}
    assert shown == set(RULES)


def test_many_warnings_of_one_rule_are_capped_and_counted() -> None:
    paper, text = outline_paper(CASES / "headings-symbols.outline")
    bad = tuple(Section(f"{n} = {n + 1}", 1, SourceSpan(paper.source_path, 100 + n)) for n in range(25))
    found = check_structure(replace(paper, sections=paper.sections + bad), text)
    symbols = [d for d in found if d.rule == "structure-heading-symbols"]
    assert len(symbols) == 11 and symbols[-1].message.startswith("18 more like this")


# --- in the build -------------------------------------------------------------------


@pytest.fixture(scope="module")
def built() -> BuildResult:
    return generate_site(Project.at(ROOT))


def test_the_build_reports_a_real_overlong_paragraph_of_the_site(built: BuildResult) -> None:
    # rezapour2020's source has a 1,630-word paragraph at line 35 (a blank line either side).
    source = (ROOT / "sources" / "rezapour2020.txt").read_text(encoding="utf-8").split("\n")
    assert len(source[34].split()) > 1000 and not source[33].strip() and not source[35].strip()
    found = [d for d in built.diagnostics if d.rule == "structure-long-paragraph"]
    assert "sources/rezapour2020.txt:35" in [str(d.span) for d in found]


def test_the_audit_page_lists_structure_warnings_per_paper(built: BuildResult) -> None:
    page = built.pages["citation-audit/index.md"]
    for paper in built.papers:
        assert f"{{ #{paper.id}-structure }}" in page
    assert "sources/rezapour2020.txt:35</a>: paragraph of 1630 words" in page
    paragraph = next(p for p in next(x for x in built.papers if x.id == "rezapour2020").all_paragraphs() if p.span.line == 35)
    assert f'<a href="../papers/rezapour2020/#{paragraph.id}">sources/rezapour2020.txt:35</a>' in page
    assert "[structure-long-paragraph]" in page


def test_papersite_check_prints_them_and_still_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(ROOT), "check"]) == 0
    out = capsys.readouterr()
    assert "sources/rezapour2020.txt:35: warning: paragraph of 1630 words" in out.err
    assert re.search(r"0 passages lost; \d+ structure warnings", out.out)


def test_the_sites_own_papers_get_only_the_true_warnings(built: BuildResult) -> None:
    found = {(str(d.span), d.rule) for d in built.diagnostics if d.rule.startswith("structure-")}
    # rezapour2020's paragraph at line 39 runs on, lower-case, at line 41 (a page split):
    # 297 + 874 words, one paragraph of 1,171.
    assert found == {
        ("sources/rezapour2020.txt:35", "structure-long-paragraph"),
        ("sources/rezapour2020.txt:39", "structure-long-paragraph"),
    }


@pytest.fixture(scope="module")
def open_papers(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    open_dir = ROOT / "tests" / "fixtures" / "open"
    sources = tmp_path_factory.mktemp("doctor-open-sources")
    for name, path in {
        "butts2008": open_dir / "butts2008-network" / "paper.raw.txt",
        "brousseau2022": open_dir / "brousseau2022-gpt2-brexit" / "paper.md",
        "gomes2023": open_dir / "gomes2023-bakhtiniana-abnt" / "paper.txt",
    }.items():
        shutil.copy(path, sources / f"{name}{path.suffix}")
    return generate_site(Project.at(make_fixture_project(tmp_path_factory.mktemp("doctor-open"), sources)))


def test_real_papers_parsed_right_get_no_warning(open_papers: BuildResult) -> None:
    # Title, authors, headings and references of these three are right (tests/test_open_papers.py):
    # a warning here would be a false alarm, or a parse that got worse.
    assert [str(d) for d in open_papers.diagnostics if d.rule.startswith("structure-")] == []
    assert len(open_papers.papers) == 3


def test_a_running_head_left_in_a_text_without_page_breaks() -> None:
    found = diagnose("running-heads-nofeed")
    assert [d.rule for d in found] == ["structure-running-head-left"]
    assert lines_of(found, "structure-running-head-left") == [20]
    assert "left in the text 5 times" in found[0].message and "'2 L. Aliyeva, The Caspian as a Region'" in found[0].message


def test_papersite_build_strict_is_not_failed_by_structure_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    long = (CASES / "long-paragraph.outline").read_text(encoding="utf-8").split("\n")[5]  # 1,102 words
    text = (
        "The Caspian as a Region\n\nLeyla Aliyeva\n\nAbstract\n\nThis paper asks what kind of region the Caspian is.\n\n"
        f"Introduction\n\n{long} So the ports say (Aliyeva 2019).\n\nReferences\n\nAliyeva, L. (2019). Ports of the Caspian. Baku: Elm.\n"
    )
    (sources / "caspian.txt").write_text(text, encoding="utf-8")
    project = make_fixture_project(tmp_path, sources)
    assert main(["--root", str(project), "build", "--strict"]) == 0
    assert "[structure-long-paragraph]" in capsys.readouterr().err
