"""Bad input: each case gets a clear message naming file and line, and the rest of the site builds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from papersite.nothing_lost import check_nothing_lost
from papersite.pipeline import BuildResult, build_site

from .conftest import BIN, ROOT, _run, make_fixture_project

GOOD = "A Good Paper Title\n\nAnn Author\n\nAbstract: We study things.\n\nIntroduction\n\nSome text here.\n\nReferences\n\nWalt, Stephen (1987). The Origins of Alliances. Ithaca: Cornell University Press.\n"


def _write_sources(folder: Path) -> None:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.replace("Good", "Bom").encode("utf-8"))
    (folder / "latin1.txt").write_bytes(GOOD.replace("Good", "Caf\xe9 \x93Quoted\x94").encode("latin-1"))
    (folder / "crlf.txt").write_bytes(GOOD.replace("Good", "Crlf").replace("\n", "\r\n").encode("utf-8"))
    (folder / "noheadings.txt").write_text("Only a Title\n\nFirst paragraph.\n\nSecond paragraph.\n", encoding="utf-8")
    (folder / "noyears.txt").write_text(
        "Years Missing\n\nIntroduction\n\nText.\n\nReferences\n\nSmith, John. A Book Without a Date. Some Press.\n",
        encoding="utf-8",
    )
    (folder / "Dup.txt").write_text(GOOD.replace("Good", "First Dup"), encoding="utf-8")
    (folder / "dup.txt").write_text(GOOD.replace("Good", "Second Dup"), encoding="utf-8")
    (folder / "brackets.txt").write_text(
        "Unbalanced (Brackets\n\nIntroduction\n\nText with ( and [ and { never closed and ) ] } stray (Walt, 1986.\n",
        encoding="utf-8",
    )
    (folder / "onepara.txt").write_text(
        "All one paragraph with no structure at all " + "and more words " * 400 + "\n", encoding="utf-8"
    )
    (folder / "badmeta.txt").write_text(GOOD.replace("Good", "Bad Metadata"), encoding="utf-8")
    (folder / "badmeta.yml").write_text("title: [unclosed\n", encoding="utf-8")
    (folder / "glossary.yml").write_text(
        "terms:\n  - id: unused\n    name: Zyzzyva\n    short: Matches nothing.\n  - id: noshort\n    name: Text\n",
        encoding="utf-8",
    )
    (folder / "annotations").mkdir()
    (folder / "annotations" / "badmeta.yml").write_text("annotations: [unclosed\n", encoding="utf-8")
    (folder / "annotations" / "good.yml").write_text(
        "annotations:\n  - id: ok\n    kind: note\n    quote:\n      exact: Some text here\n    title: Fine\n    body: A note.\n"
        "  - id: no-body\n    kind: note\n    quote:\n      exact: Some text\n    title: Missing its body\n",
        encoding="utf-8",
    )
    rng = random.Random(7)
    words = "power balance threat alliance Russia China NATO Eurasia hegemony region policy".split()
    paragraphs = [" ".join(rng.choice(words) for _ in range(rng.randint(30, 120))) + "." for _ in range(9000)]
    (folder / "big.txt").write_text("A Big Paper\n\nIntroduction\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    (folder / "longline.txt").write_text(
        "One Long Line\n\nIntroduction\n\n" + " ".join(rng.choice(words) for _ in range(150_000)) + ".\n", encoding="utf-8"
    )
    references = "\n".join(f"- [{n}]. Author{n}, Given, ({1900 + n % 120}), Title number {n}, Journal {n}, p {n}" for n in range(1, 2001))
    (folder / "refs2000.txt").write_text("Many References\n\nIntroduction\n\nText [1].\n\nREFERENCES\n\n" + references + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def bad_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("bad")
    _write_sources(tmp / "sources")
    return make_fixture_project(tmp, tmp / "sources")


@pytest.fixture(scope="module")
def result(bad_project: Path) -> BuildResult:
    return build_site(bad_project)


def _messages(result: BuildResult) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for diagnostic in result.diagnostics:
        found.setdefault(diagnostic.rule, []).append(str(diagnostic))
    return found


@pytest.mark.parametrize(
    "rule, where",
    [
        ("paper-empty", "sources/empty.txt:1:"),
        ("source-binary", "sources/binary.txt:1:"),
        ("source-bom", "sources/bom.txt:1:"),
        ("source-encoding", "sources/latin1.txt:1:"),
        ("paper-id-taken", "sources/dup.txt:1:"),
        ("reference-no-year", "sources/noyears.txt:9:"),
        ("yaml-invalid", "sources/badmeta.yml:"),
        ("glossary-missing-field", "sources/glossary.yml:5:"),
        ("glossary-term-unused", "sources/glossary.yml:2:"),
        ("paper-no-references", "sources/noheadings.txt:1:"),
        ("paper-no-abstract", "sources/noheadings.txt:1:"),
        ("yaml-invalid", "sources/annotations/badmeta.yml:"),
        ("annotation-invalid", "sources/annotations/good.yml:8:"),
    ],
)
def test_each_bad_input_is_reported_with_file_and_line(result: BuildResult, rule: str, where: str) -> None:
    messages = _messages(result).get(rule, [])
    assert any(message.startswith(where) for message in messages), (rule, messages)


def test_every_readable_paper_gets_a_page_and_nothing_is_lost(result: BuildResult, bad_project: Path) -> None:
    assert result.lost_text == []
    pages = {p.stem for p in (bad_project / "docs" / "papers").glob("*.md")} - {"index"}
    assert pages == {
        "good", "empty", "bom", "latin1", "crlf", "noheadings", "noyears", "dup", "dup-2",
        "brackets", "onepara", "badmeta", "big", "longline", "refs2000",
    }
    latin1 = (bad_project / "docs" / "papers" / "latin1.md").read_text(encoding="utf-8")
    assert "Café “Quoted”" in latin1
    crlf = (bad_project / "docs" / "papers" / "crlf.md").read_text(encoding="utf-8")
    assert "\r" not in crlf and "Some text here." in crlf


def test_two_thousand_references_are_all_kept(result: BuildResult) -> None:
    paper = next(p for p in result.papers if p.id == "refs2000")
    assert len(paper.references) == 2000
    assert [r.number for r in paper.references[:3]] == ["1", "2", "3"]


def test_the_site_still_builds_with_mkdocs(bad_project: Path) -> None:
    _run([str(BIN / "mkdocs"), "build"], bad_project)
    assert (bad_project / "site" / "papers" / "good" / "index.html").is_file()
    assert (bad_project / "site" / "papers" / "big" / "index.html").is_file()


def test_a_build_that_would_lose_text_writes_nothing(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, ROOT / "tests" / "fixtures" / "hostile")
    assert build_site(project).lost_text == []
    page = project / "docs" / "papers" / "evil.md"
    before = page.read_bytes()
    assert check_nothing_lost("Title\n\nA paragraph that is not there.\n", "# Title\n", "x.txt")
    (project / "sources" / "evil.txt").write_text("Evil\n\nIntroduction\n\nChanged text.\n", encoding="utf-8")
    from papersite.stages import pages

    original = pages.render_paper_pages
    pages.render_paper_pages = lambda *args: {  # type: ignore[assignment]
        name: page.replace("Changed text.", "") for name, page in original(*args).items()
    }
    try:
        failed = build_site(project)
    finally:
        pages.render_paper_pages = original  # type: ignore[assignment]
    assert [str(d).split(":")[0] for d in failed.lost_text] == ["sources/evil.txt"]
    assert page.read_bytes() == before
