"""The real PDF fixtures (tests/fixtures/pdf/, with their text in tests/fixtures/open/) are
what their PROVENANCE.md says they are, and their hand-checked facts.yml is self-consistent:
every fact is an exact substring of the paper's `pdftotext -raw` text, headings come in the
order the facts give them, the reference list starts after its heading. These tests check the
fixtures, not the pipeline (tests/test_fixture_papers.py builds them)."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import ROOT

PDF = ROOT / "tests" / "fixtures" / "pdf"
OPEN = ROOT / "tests" / "fixtures" / "open"
SLUGS = sorted(p.parent.name for p in PDF.glob("*/paper.pdf"))

# facts.yml keys whose string values (at any depth) are quoted from the text
QUOTED = {
    "title", "byline", "date_line", "abstract_starts", "keywords", "heading", "first", "last",
    "text", "in_text", "note_starts", "affiliations", "headings", "run_in_headings",
    "not_headings", "captions_start", "example", "examples", "raw_form_examples",
    "even_page_title", "odd_page_author", "odd_pages", "even_pages", "first_page",
    "not_citations",
}


def facts(slug: str) -> dict[str, Any]:
    return yaml.safe_load((PDF / slug / "facts.yml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def raw_text(slug: str) -> str:
    return (OPEN / slug / "paper.raw.txt").read_text(encoding="utf-8")


def text(slug: str) -> str:
    return raw_text(slug).replace("\f", "")


def quoted(value: Any, key: str = "", inside: bool = False) -> list[tuple[str, str]]:
    """(key, string) for every string in the facts that quotes the source."""
    found: list[tuple[str, str]] = []
    if isinstance(value, str):
        if inside:
            found.append((key, value))
    elif isinstance(value, list):
        for item in value:
            found += quoted(item, key, inside)
    elif isinstance(value, dict):
        for k, v in value.items():
            if k in {"note", "notes", "ref", "layout", "marker", "labels", "page_numbers", "title_as_printed"}:
                continue
            found += quoted(v, k, inside or k in QUOTED)
    return found


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_there_are_at_least_four_pdf_fixtures_small_enough() -> None:
    assert len(SLUGS) >= 4, SLUGS
    sizes = [(PDF / s / "paper.pdf").stat().st_size for s in SLUGS]
    assert max(sizes) < 2_000_000 and sum(sizes) < 10_000_000, sizes


@pytest.mark.parametrize("slug", SLUGS)
def test_checksums_match_the_provenance(slug: str) -> None:
    provenance = (PDF / slug / "PROVENANCE.md").read_text(encoding="utf-8")
    assert sha256(PDF / slug / "paper.pdf") in provenance
    assert "Licence" in provenance and "> License:" in provenance  # the licence is quoted
    text_provenance = (OPEN / slug / "PROVENANCE.md").read_text(encoding="utf-8")
    assert sha256(OPEN / slug / "paper.raw.txt") in text_provenance


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("slug", SLUGS)
def test_the_text_is_pdftotext_raw_of_the_pdf(slug: str) -> None:
    out = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(PDF / slug / "paper.pdf"), "-"],
        capture_output=True, check=True, timeout=60,
    ).stdout.decode("utf-8")
    assert out == raw_text(slug)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_quoted_fact_is_in_the_text(slug: str) -> None:
    source = text(slug)
    strings = quoted(facts(slug))
    assert len(strings) >= 20, "too few facts to be worth the name"
    missing = [(key, s) for key, s in strings if s not in source]
    assert not missing


@pytest.mark.parametrize("slug", SLUGS)
def test_page_count_is_the_number_of_page_ends(slug: str) -> None:
    assert raw_text(slug).count("\f") == facts(slug)["pages"]


@pytest.mark.parametrize("slug", SLUGS)
def test_headings_are_whole_lines_in_document_order(slug: str) -> None:
    source = "\n" + text(slug) + "\n"
    at = 0
    run_in = facts(slug).get("run_in_labels", [])  # a label run in to its paragraph ("Abstract. Quantile …") that the page shows as a heading
    for heading in facts(slug)["headings"]:
        found = source.find("\n" + heading + (". " if heading in run_in else "\n"), at)
        assert found >= 0, f"{heading!r} not found as whole lines after offset {at}"
        at = found + len(heading)


@pytest.mark.parametrize("slug", SLUGS)
def test_reference_list_runs_from_first_to_last_after_its_heading(slug: str) -> None:
    refs = facts(slug)["references"]
    source = text(slug)
    heading = source.rfind("\n" + refs["heading"] + "\n")
    first, last = source.find(refs["first"], heading), source.find(refs["last"], heading)
    assert 0 <= heading < first <= last
    assert refs["count"] >= 1
    labels = re.findall(r"^\[(\d+)\] ", source[heading:], flags=re.M)
    if labels:  # a numbered list: the labels count the entries
        assert [int(n) for n in labels] == list(range(1, refs["count"] + 1))


@pytest.mark.parametrize("slug", SLUGS)
def test_footnote_markers_and_notes_are_both_there(slug: str) -> None:
    notes = facts(slug)["footnotes"]
    source = text(slug)
    for note in notes["notes"] if notes else []:
        assert note["in_text"].endswith(note["marker"]) or note["marker"] in note["in_text"]
        marker_at, note_at = source.find(note["in_text"]), source.find(note["note_starts"])
        assert marker_at >= 0 and note_at >= 0 and marker_at != note_at, note


@pytest.mark.parametrize("slug", SLUGS)
def test_citation_count_covers_the_listed_citations(slug: str) -> None:
    cites = facts(slug)["citations"]
    listed = cites.get("list") or cites.get("examples")
    assert listed and cites["count"] >= len(listed)
    if "list" in cites:  # a full list: the count is its length
        assert cites["count"] == len(cites["list"])
