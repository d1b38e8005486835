"""The bibliography: structured records, merging, corrections that survive, CSL formatting."""

from __future__ import annotations

from pathlib import Path

import pytest

from papersite.bibliography.bibtex_io import read_bibtex
from papersite.pipeline import BuildResult, build_site, generate_site
from papersite.project import Project

from .conftest import ROOT, make_fixture_project


@pytest.fixture(scope="module")
def result() -> BuildResult:
    return generate_site(Project.at(ROOT))


def merged(result: BuildResult) -> dict[str, tuple[str, dict[str, str]]]:
    return read_bibtex(result.bibliography.files["bib/merged.bib"])


def test_one_entry_per_distinct_work(result: BuildResult) -> None:
    references = sum(len(p.references) for p in result.papers)
    entries = merged(result)
    assert references == 51
    # Rezapour's [3]/[7] and [6]/[9] are the same works cited at different pages.
    assert len(entries) == references - 2
    sources = {key: fields["papersite-sources"] for key, (_, fields) in entries.items()}
    assert sources["ataei2011iran"] == "rezapour2020:ref-3, rezapour2020:ref-7"
    assert sources["naghdinejad2009russian"] == "rezapour2020:ref-6, rezapour2020:ref-9"


@pytest.mark.parametrize(
    "key, entry_type, author, year",
    [
        ("naghdinejad2009russian", "article", "{Naghdi Nejad}, Hasan and Souri, Amir Mohammad", "2009"),
        ("yazdanpanah2010shanghai", "book", "{Yazdan Panah}, Kiyoumars", "2010"),
        ("haqshenas2011methods", "article", "{Haq Shenas}, Mohammad Javad and Bavir, Amin", "2011"),
        ("walt1986alliance", "incollection", "Walt, Stephen M.", "1986"),
        ("garlson2018seeking", "phdthesis", "Carlson, Brian G.", "2018"),
        ("hettiarachchi2016us", "article", "Hettiarachchi, Nill and Abeyrathne, Uotr", "2016"),
    ],
)
def test_records_have_readable_keys_types_authors_and_years(result: BuildResult, key: str, entry_type: str, author: str, year: str) -> None:
    entry_type_found, fields = merged(result)[key]
    assert (entry_type_found, fields["author"], fields["year"]) == (entry_type, author, year)


def test_cited_page_of_a_numbered_list_is_a_locator_not_the_works_pages(result: BuildResult) -> None:
    records = {r.reference_id: r for r in result.bibliography.records["rezapour2020"]}
    assert records["ref-2"].locator == "70" and records["ref-2"].get("pages") == ""
    assert records["ref-2"].get("language") == "persian"
    per_paper = read_bibtex(result.bibliography.files["bib/rezapour2020.bib"])
    assert per_paper["aghayee1996role"][1]["raw"].startswith("[2]. Aghayee, Davood")


def test_entries_are_formatted_in_apa(result: BuildResult) -> None:
    formatted = result.bibliography.formatted
    assert formatted["naghdinejad2009russian"] == (
        "Naghdi Nejad, H., &amp; Souri, A. M. (2009). Russian US Rivalry in Eurasia. "
        "<i>Journal of Central Asia and The Caucasus Studies</i>, <i>14</i>(62)."
    )
    assert list(formatted) == sorted(formatted, key=lambda k: formatted[k].lower())


def test_committed_bib_files_match_a_build(root: Path, result: BuildResult) -> None:
    for path, text in result.bibliography.files.items():
        assert (root / path).read_text(encoding="utf-8") == text, f"{path} is stale: run papersite build"


def test_hand_edit_in_a_paper_bib_survives_rebuilds(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, ROOT / "sources")
    (project / "bib").mkdir()
    for name in ("rezapour2020.bib", "sadeghi2022.bib", "corrections.bib"):
        (project / "bib" / name).write_text((ROOT / "bib" / name).read_text(encoding="utf-8"), encoding="utf-8")
    bib = project / "bib" / "rezapour2020.bib"
    bib.write_text(bib.read_text(encoding="utf-8").replace("Zhao, Saeid", "Zhao, Suisheng"), encoding="utf-8")
    for _ in range(2):
        result = build_site(project)
        assert "Zhao, Suisheng" in bib.read_text(encoding="utf-8")
        assert read_bibtex((project / "bib" / "merged.bib").read_text(encoding="utf-8"))["zhao2013chinese"][1]["author"] == "Zhao, Suisheng"
        assert "Zhao, S. (2013)" in result.bibliography.formatted["zhao2013chinese"]


def test_unstructurable_reference_is_kept_as_misc_with_a_warning(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "odd.txt").write_text(
        "Odd Paper\n\nIntroduction\n\nText.\n\nReferences\n\n??? ### !!!\n\nWalt, Stephen (1987). The Origins of Alliances. Ithaca: Cornell University Press.\n",
        encoding="utf-8",
    )
    project = make_fixture_project(tmp_path, sources)
    result = build_site(project)
    records = result.bibliography.records["odd"]
    assert len(records) == 2 and records[0].entry_type == "misc" and records[0].raw == "??? ### !!!"
    warnings = [str(d) for d in result.diagnostics if d.rule == "reference-unstructured"]
    assert warnings and warnings[0].startswith("sources/odd.txt:9:")
    assert "??? ### !!!" in (project / "bib" / "merged.bib").read_text(encoding="utf-8")


@pytest.fixture(params=["mkdocs", "zensical"])
def site(request: pytest.FixtureRequest, mkdocs_site: Path, zensical_site: Path) -> Path:
    return mkdocs_site if request.param == "mkdocs" else zensical_site


def test_bibliography_page_lists_every_entry_anchored_with_bibtex(site: Path, result: BuildResult) -> None:
    page = (site / "bibliography" / "index.html").read_text(encoding="utf-8")
    for key in result.bibliography.formatted:
        assert f'<div class="bib-entry" id="{key}">' in page
    assert page.count("<summary>BibTeX</summary>") == len(result.bibliography.formatted)
    assert "@incollection{walt1986alliance," in page
    for name in ("merged.bib", "rezapour2020.bib", "sadeghi2022.bib"):
        assert f'href="{name}"' in page
        assert (site / "bibliography" / name).read_text(encoding="utf-8") == (ROOT / "bib" / name).read_text(encoding="utf-8")


def test_each_reference_of_a_paper_links_to_its_merged_entry(site: Path, result: BuildResult) -> None:
    for paper in result.papers:
        page = (site / "papers" / paper.id / "index.html").read_text(encoding="utf-8")
        for reference in paper.references:
            key = result.bibliography.keys[(paper.id, reference.id)]
            assert f'bibliography/#{key}"' in page


def test_bibliography_page_files_each_entry_under_its_first_letter(site: Path, result: BuildResult) -> None:
    """A section per initial letter, in alphabetical order, each in the page's table of
    contents and the letter bar; every entry lies in the section of its own first letter."""
    import re

    from papersite.bibliography.csl import plain

    page = (site / "bibliography" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r'<h2 id="letter-([a-z]+)"', page)
    assert headings == sorted(headings) and len(headings) == len(set(headings)) >= 10
    bar = re.search(r'<nav class="bib-letters"[^>]*>(.*?)</nav>', page, re.S)
    assert bar and re.findall(r'href="#letter-([a-z]+)"', bar.group(1)) == headings
    sections = re.split(r'<h2 id="letter-([a-z]+)"', page)[1:]
    filed = {}
    for letter, body in zip(sections[::2], sections[1::2]):
        for key in re.findall(r'<div class="bib-entry" id="([^"]+)">', body):
            filed[key] = letter
    assert set(filed) == set(result.bibliography.formatted)
    for key, formatted in result.bibliography.formatted.items():
        assert plain(formatted).lstrip("(“\"'").lower().startswith(filed[key]), (key, plain(formatted)[:40])


def test_csl_macro_table_gives_what_citeproc_py_would(result: BuildResult) -> None:
    """The macro lookup table (a speed-up over citeproc-py's XPath per use) changes no output."""
    from papersite.bibliography import csl

    items = [{**csl.csl_item(entry), "id": f"k{n}"} for n, entry in enumerate(result.bibliography.entries)]
    for style in ("apa", "chicago-author-date"):
        citeprocs_own = csl.CitationStylesElement.get_macro
        fast = csl._format_chunk(items, style)
        assert csl.CitationStylesElement.get_macro is citeprocs_own  # swapped only while formatting
        slow = csl._format_chunk(items, style, fast_macros=False)
        assert fast == slow and all(fast)


def test_cite_box_formats_are_kept_in_the_csl_cache_and_reused(tmp_path: Path) -> None:
    """The "Cite this paper" APA and Chicago texts go through the same cache as the
    bibliography: a second build formats nothing, and gives the same pages."""
    import json

    from papersite.bibliography import csl

    project = make_fixture_project(tmp_path, ROOT / "sources")
    build_site(project)
    cache = json.loads((project / ".papersite-cache" / "csl.json").read_text(encoding="utf-8"))
    page = (project / "docs" / "papers" / "rezapour2020.md").read_text(encoding="utf-8")
    apa = [text for text in cache.values() if text.startswith("Rezapour, M. (2020). Foreign policy")]
    assert apa and any(csl.plain(text).strip() in page for text in apa)
    calls = []
    original = csl._format_chunk
    csl._format_chunk = lambda items, style: calls.append(len(items)) or original(items, style)  # type: ignore[assignment]
    try:
        again = generate_site(Project.at(project))
    finally:
        csl._format_chunk = original  # type: ignore[assignment]
    assert calls == [] and again.pages["papers/rezapour2020.md"] == page


def test_bib_files_are_read_back_only_when_edited_since_the_last_build(tmp_path: Path) -> None:
    """A .bib exactly as the last build wrote it (with no hand edit) is not parsed
    again; one edited after that build is, and the edit is kept."""
    import papersite.bibliography.stage as stage

    project = make_fixture_project(tmp_path, ROOT / "sources")
    build_site(project)
    read: list[bool] = []
    original = stage.hand_edits
    stage.hand_edits = lambda text: read.append(text is not None) or original(text)  # type: ignore[assignment]
    try:
        build_site(project)
        assert read == [False, False]
        bib = project / "bib" / "rezapour2020.bib"
        bib.write_text(bib.read_text(encoding="utf-8").replace("Zhao, Saeid", "Zhao, Suisheng"), encoding="utf-8")
        read.clear()
        for expected in ([True, False], [True, False]):  # edited, then kept (and so read back) by later builds
            result = build_site(project)
            assert read == expected
            read.clear()
            assert "Zhao, Suisheng" in bib.read_text(encoding="utf-8")
            assert "Zhao, S. (2013)" in result.bibliography.formatted["zhao2013chinese"]
    finally:
        stage.hand_edits = original  # type: ignore[assignment]
