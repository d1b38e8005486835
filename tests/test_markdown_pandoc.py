"""Pandoc Markdown papers that cite their own BibTeX bibliography (JOSS papers, R Markdown, Quarto).

Two real JOSS papers (tests/fixtures/open/foremanmackey*, CC BY 4.0, with provenance and
hand-checked facts.yml) built as an editor would drop them into ``sources/``, and made-up
inputs for the grammar's edges: every ``[@key]`` links to its work, the cited works become the
reference list, affiliations declared by index get their names, and bad or missing BibTeX is
reported with its file and line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from papersite.model import CitationRef, Paper, plain_text
from papersite.nothing_lost import visible_text
from papersite.parse.markdown.bibtex_source import read_bibliography
from papersite.parse.markdown_paper import parse_markdown_paper
from papersite.pipeline import BuildResult, generate_site
from papersite.project import Project

from .conftest import ROOT, make_fixture_project

OPEN = ROOT / "tests" / "fixtures" / "open"
PAPERS = {"emcee": "foremanmackey2019-emcee-joss", "corner": "foremanmackey2016-corner-joss"}


def facts(paper_id: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((OPEN / PAPERS[paper_id] / "facts.yml").read_text(encoding="utf-8"))


def parse(paper_id: str) -> Paper:
    folder = OPEN / PAPERS[paper_id]
    return parse_markdown_paper(
        (folder / "paper.md").read_text(encoding="utf-8"), paper_id=paper_id, path=f"sources/{paper_id}.md",
        bibliographies={"paper.bib": (folder / "paper.bib").read_text(encoding="utf-8")},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Both papers as an editor drops them: ``<id>.md`` and the ``paper.bib`` each names (in its own folder)."""
    sources = tmp_path_factory.mktemp("pandoc-sources")
    shutil.copy(OPEN / PAPERS["emcee"] / "paper.md", sources / "emcee.md")
    shutil.copy(OPEN / PAPERS["emcee"] / "paper.bib", sources / "paper.bib")
    # corner names paper.bib too; beside it under its own name, referred to by an edited front matter line
    corner = (OPEN / PAPERS["corner"] / "paper.md").read_text(encoding="utf-8").replace("bibliography: paper.bib", "bibliography: corner.bib")
    (sources / "corner.md").write_text(corner, encoding="utf-8")
    shutil.copy(OPEN / PAPERS["corner"] / "paper.bib", sources / "corner.bib")
    project = make_fixture_project(tmp_path_factory.mktemp("pandoc"), sources)
    return generate_site(Project.at(project))


def page(result: BuildResult, paper_id: str) -> str:
    return result.pages[f"papers/{paper_id}.md"]


@pytest.mark.parametrize("paper_id", sorted(PAPERS))
def test_title_authors_headings_and_reference_count_match_the_facts(paper_id: str) -> None:
    paper, known = parse(paper_id), facts(paper_id)
    assert paper.front.title == known["title"]
    assert [a.name for a in paper.front.authors] == known["authors"]
    assert [s.title for s in paper.all_sections()] == known["headings"]
    assert len(paper.references) == known["references"]


@pytest.mark.parametrize("paper_id", sorted(PAPERS))
def test_affiliations_declared_by_index_get_their_names(paper_id: str) -> None:
    paper, known = parse(paper_id), facts(paper_id)
    names = {a.marker: a.text for a in paper.front.affiliations}
    for author in paper.front.authors:
        if author.name in known["affiliations_of"]:
            assert [names[m] for m in author.markers] == known["affiliations_of"][author.name]
    assert len(paper.front.affiliations) == known.get("affiliation_count", len(paper.front.affiliations))


@pytest.mark.parametrize("paper_id", sorted(PAPERS))
def test_every_citation_becomes_a_citation_of_its_works(paper_id: str) -> None:
    paper, known = parse(paper_id), facts(paper_id)
    citations = [n for p in paper.all_paragraphs() for n in p.inlines if isinstance(n, CitationRef)]
    assert len(citations) == len(known["citations"])
    assert sum(len(c.items) for c in citations) == known["citation_items"]
    assert not any("@" in c.text for c in citations)  # printed author–date, not as keys
    cited = {item.source_key for c in citations for item in c.items}
    assert cited == {r.source_key for r in paper.references}
    for key, family in known["first_authors"].items():
        reference = next(r for r in paper.references if r.source_key == key)
        assert reference.raw.startswith(family), reference.raw
        assert dict(reference.declared)["author"].startswith(family)


@pytest.mark.parametrize("paper_id", sorted(PAPERS))
def test_on_the_site_every_citation_links_to_the_merged_bibliography(built: BuildResult, paper_id: str) -> None:
    text = page(built, paper_id)
    links = re.findall(r'<a class="cite" href="[^"]*bibliography/#([a-z0-9]+)"', text)
    assert len(links) == facts(paper_id)["citation_items"]
    assert "cite-unresolved" not in text
    assert "[@" not in visible_text(text)
    entries = re.findall(r'<li id="ref-[^"]+" class="reference">', text)
    assert len(entries) == facts(paper_id)["references"]
    assert re.search(r'<li id="ref-[^"]+" class="reference">[^<]*<a [^>]*href="https://doi\.org/10\.', text)  # a DOI links
    mine = [d for d in built.diagnostics if paper_id in str(d.span) or f"{paper_id}:" in d.message]
    assert not [d for d in mine if d.severity != "info"], mine


def test_the_bibliography_keeps_the_declared_fields(built: BuildResult) -> None:
    merged = built.files["bib/merged.bib"] if hasattr(built, "files") else ""
    assert "terbraak2008differential" in merged
    record = merged[merged.index("terbraak2008differential"):]
    record = record[: record.index("\n}")]
    assert "ter Braak, Cajo J. F. and Vrugt, Jasper A" in record
    assert re.search(r"journal = \{Statistics and Computing\}", record)
    assert re.search(r"volume = \{18\}", record) and re.search(r"pages = \{435–446\}", record)


def test_a_parenthetical_group_with_prefix_locator_and_suppressed_author() -> None:
    bib = "@book{walt1987, author={Walt, Stephen M.}, title={The Origins of Alliances}, year=1987}\n" \
          "@article{a2001, author={Lee, A. and Chen, B.}, title={One}, journal={J}, year=2001}\n" \
          "@article{b2001, author={Lee, A. and Chen, B.}, title={Two}, journal={J}, year=2001}\n"
    text = "---\ntitle: T\nbibliography: refs.bib\n---\n\n# Intro\n\nAs argued [see @walt1987, pp. 33-35; -@a2001] and by @b2001 [p. 4], " \
           "mail me at x@walt1987.org or ask @nobody.\n"
    paper = parse_markdown_paper(text, paper_id="t", path="sources/t.md", bibliographies={"refs.bib": bib})
    inlines = paper.all_paragraphs()[0].inlines
    cites = [n for n in inlines if isinstance(n, CitationRef)]
    assert [c.text for c in cites] == ["(see Walt, 1987, pp. 33-35; 2001a)", "Lee and Chen (2001b, p. 4)"]
    group = cites[0]
    assert [group.text[i.start:i.end] for i in group.items] == ["Walt, 1987", "2001a"]
    assert [i.source_key for i in group.items] == ["walt1987", "a2001"]
    assert group.items[0].locator == "pp. 33-35"
    shown = plain_text(inlines)
    assert "x@walt1987.org" in shown and "@nobody" in shown  # an address and a handle stay text
    assert [r.source_key for r in paper.references] == ["a2001", "b2001", "walt1987"]


def test_an_unknown_key_stays_as_written_and_is_reported(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "p.md").write_text("---\ntitle: P\nbibliography: p.bib\n---\n\n# A\n\nText [@known] and [@missing].\n", encoding="utf-8")
    (sources / "p.bib").write_text("@article{known, author={Hunter, John D}, title={Matplotlib}, journal={CiSE}, year=2007}\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    result = generate_site(Project.at(make_fixture_project(tmp_path / "site", sources)))
    text = " ".join(visible_text(page(result, "p")).split())
    assert re.search(r"\( ?Hunter, 2007 ?\)", text) and "[@missing]" in text
    unresolved = [d for d in result.diagnostics if d.rule == "citation-unresolved" and "p#" in d.message]
    assert len(unresolved) == 1 and "@missing" in unresolved[0].message


def test_missing_damaged_or_outside_bibliographies_are_reported_never_fatal(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "gone.md").write_text("---\ntitle: Gone\nbibliography: nowhere.bib\n---\n\n# A\n\nCited [@x].\n", encoding="utf-8")
    (sources / "escape.md").write_text("---\ntitle: Escape\nbibliography: ../secret.bib\n---\n\n# A\n\nCited [@x].\n", encoding="utf-8")
    (tmp_path / "secret.bib").write_text("@misc{x, title={Secret}, year=2000}\n", encoding="utf-8")
    (sources / "bad.md").write_text("---\ntitle: Bad\n---\n\n# A\n\nCited [@ok].\n", encoding="utf-8")
    (sources / "bad.bib").write_bytes(b"@article{broken, title={no end\n\n@misc{ok, author={Ann Lee}, title={Fine}, year=2010}\n")
    (tmp_path / "site").mkdir()
    result = generate_site(Project.at(make_fixture_project(tmp_path / "site", sources)))
    rules = {(d.rule, str(d.span)) for d in result.diagnostics}
    assert ("markdown-bibliography-missing", "sources/gone.md:3") in rules
    assert ("markdown-bibliography-missing", "sources/escape.md:3") in rules
    assert "Secret" not in page(result, "escape")
    assert any(rule == "markdown-bibliography-invalid" and span.startswith("sources/bad.bib:") for rule, span in rules)
    assert re.search(r"\( ?Lee, 2010 ?\)", " ".join(visible_text(page(result, "bad")).split()))  # the sibling <paper>.bib, its good entry kept


def test_bibtex_names_latex_and_organisations() -> None:
    entries, problems = read_bibliography(
        "@article{k, author = {ter Braak, Cajo J.~F. and M{\\\"u}ller, Jr., Hans and {Astropy Collaboration}},"
        " title = {{GPU} sampling --- fast}, year = {2020}, url = {https://example.org/a~b}}\n"
    )
    assert not problems
    entry = entries["k"]
    assert [(p.family, p.given, p.literal) for p in entry.authors] == [
        ("ter Braak", "Cajo J. F.", False), ("Müller", "Hans, Jr.", False), ("Astropy Collaboration", "", True)]
    assert entry.get("title") == "GPU sampling — fast"
    assert entry.get("url") == "https://example.org/a~b"


def test_quarto_affiliations_notes_and_nocite() -> None:
    text = ("---\ntitle: N\nauthor:\n  - name: Ann Lee\n    affiliations:\n      - ref: u1\naffiliations:\n"
            "  - id: u1\n    name: University of Somewhere\nbibliography: refs.bib\nnocite: |\n  @extra\n---\n\n"
            "# Intro\n\nBody.[^1]\n\n[^1]: See [@walt1987, p. 5].\n")
    bib = ("@book{walt1987, author={Walt, Stephen M.}, title={The Origins of Alliances}, year=1987}\n"
           "@article{extra, author={Mackinder, H. J.}, title={The Geographical Pivot of History}, year=1904}\n"
           "@misc{unused, author={Nobody, N.}, title={Never cited}, year=2000}\n")
    paper = parse_markdown_paper(text, paper_id="n", path="sources/n.md", bibliographies={"refs.bib": bib})
    assert [a.text for a in paper.front.affiliations] == ["University of Somewhere"]
    note = paper.notes[0].paragraph
    assert [n.text for n in note.inlines if isinstance(n, CitationRef)] == ["(Walt, 1987, p. 5)"]
    assert [r.source_key for r in paper.references] == ["extra", "walt1987"]  # nocite'd, cited; never the unused one
    assert [s.title for s in paper.all_sections()][-1] == "References"  # Pandoc's place for the list, added


def test_citations_by_key_without_a_bibliography_are_reported_and_shown_as_written() -> None:
    text = "---\ntitle: N\n---\n\n# Intro\n\nAs shown [@lee2020; @chen2021], write to a@b.org or @someone.\n"
    paper = parse_markdown_paper(text, paper_id="n", path="sources/n.md")
    cites = [n for n in paper.all_paragraphs()[0].inlines if isinstance(n, CitationRef)]
    assert [c.text for c in cites] == ["[@lee2020; @chen2021]"]
    assert [i.source_key for i in cites[0].items] == ["lee2020", "chen2021"]
    missing = [d for d in paper.diagnostics if d.rule == "markdown-bibliography-missing"]
    assert len(missing) == 1 and str(missing[0].span) == "sources/n.md:7" and "2 citations" in missing[0].message
    plain = parse_markdown_paper("# A\n\nNo keys here, only a@b.org and @handle.\n", paper_id="m", path="sources/m.md")
    assert not [d for d in plain.diagnostics if d.rule == "markdown-bibliography-missing"]


def test_r_markdown_and_quarto_papers_are_read_as_markdown(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    chunk = "```{r, echo=FALSE}\nplot(cars)\n```\n"
    (sources / "a.Rmd").write_text(f"---\ntitle: An R Markdown paper\n---\n\n# Method\n\nWe fit it [@lee].\n\n{chunk}", encoding="utf-8")
    (sources / "a.bib").write_text("@article{lee, author={Lee, Ann}, title={Fits}, journal={J}, year=2019}\n", encoding="utf-8")
    (sources / "b.qmd").write_text("---\ntitle: A Quarto paper\n---\n\n# Results\n\nText.\n", encoding="utf-8")
    (tmp_path / "site").mkdir()
    result = generate_site(Project.at(make_fixture_project(tmp_path / "site", sources)))
    assert "# An R Markdown paper" in page(result, "a") and "# A Quarto paper" in page(result, "b")
    shown = " ".join(visible_text(page(result, "a")).split())
    assert "plot(cars)" in shown and re.search(r"\( ?Lee, 2019 ?\)", shown)
