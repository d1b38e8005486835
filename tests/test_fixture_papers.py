"""The real fixture papers' text (tests/fixtures/open/<slug>/paper.raw.txt, `pdftotext -raw` of
the PDFs in tests/fixtures/pdf/) built with the current pipeline: title, authors, headings and
reference count against the hand-checked facts.yml. A comparison the pipeline does not yet
meet is marked xfail(strict=True) with the exact gap, so that it turns into a failure the day
it is met (and the mark must go); the facts themselves are never weakened."""

from __future__ import annotations

import re
import shutil
from typing import Any

import pytest

from papersite.model import Paper
from papersite.pipeline import BuildResult, generate_site
from papersite.project import Project

from .conftest import make_fixture_project
from .fixture_facts import OPEN, PDF, facts
from .fixture_facts import heading_text as shared_heading_text

SLUGS = sorted(p.parent.name for p in PDF.glob("*/paper.pdf") if (OPEN / p.parent.name / "paper.raw.txt").is_file())
ASPECTS = ("title", "authors", "headings", "references")

#: (slug, aspect) -> the exact gap, for comparisons the pipeline does not meet yet.
GAPS: dict[tuple[str, str], str] = {}


def flat(text: str) -> str:
    """One line, single spaces, no control characters (pdftotext's unmapped ligatures)."""
    return " ".join(re.sub(r"[\x00-\x08\x0b-\x1f]", "", text).split())


def heading_text(text: str) -> str:
    return shared_heading_text(text, flat)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    sources = tmp_path_factory.mktemp("fixture-sources")
    for slug in SLUGS:
        shutil.copy(OPEN / slug / "paper.raw.txt", sources / f"{slug}.txt")
    project = make_fixture_project(tmp_path_factory.mktemp("fixture-papers"), sources)
    return generate_site(Project.at(project))


def paper_of(result: BuildResult, slug: str) -> Paper:
    return next(p for p in result.papers if p.id == slug)


def shown_headings(paper: Paper) -> list[str]:
    found = ["abstract"] if paper.front.abstract else []
    # a numbered section's title is shown without its number already ("A. R code" -> "R code"): as in test_pdf_facts
    return found + [flat(s.title).casefold() if s.number else heading_text(s.title) for s in paper.all_sections() if s.title.strip()]


def expected_headings(slug: str) -> list[str]:
    return [heading_text(h) for h in facts(slug)["headings"]]


def compare(result: BuildResult, slug: str, aspect: str) -> tuple[object, object]:
    paper, known = paper_of(result, slug), facts(slug)
    if aspect == "title":
        return flat(paper.front.title), flat(known.get("title_shown") or known["title"])  # title_shown: a title set in capitals, title-cased
    if aspect == "authors":
        return [flat(a.name) for a in paper.front.authors], known["authors"]
    if aspect == "headings":
        return shown_headings(paper), expected_headings(slug)
    return len(paper.references), known["references"]["count"]


def cases() -> list[Any]:
    out = []
    for slug in SLUGS:
        for aspect in ASPECTS:
            gap = GAPS.get((slug, aspect))
            marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
            out.append(pytest.param(slug, aspect, marks=marks, id=f"{slug}-{aspect}"))
    return out


@pytest.mark.parametrize(("slug", "aspect"), cases())
def test_fixture_paper_matches_its_facts(built: BuildResult, slug: str, aspect: str) -> None:
    shown, expected = compare(built, slug, aspect)
    assert shown == expected


@pytest.mark.parametrize("slug", SLUGS)
def test_no_word_of_the_fixture_is_lost(built: BuildResult, slug: str) -> None:
    assert not [d for d in built.diagnostics if d.rule == "text-lost" and f"{slug}.txt" in str(d.span)]


@pytest.mark.parametrize("slug", SLUGS)
def test_the_doctor_speaks_up_when_a_fixture_misses_its_facts(built: BuildResult, slug: str) -> None:
    """Issue 16: a wrong structure must not pass unnoticed ('0 passages lost' and nothing else)."""
    misses = [aspect for aspect in ASPECTS if len(set(map(repr, compare(built, slug, aspect)))) == 2]
    warnings = [d for d in built.diagnostics if d.rule.startswith("structure-") and f"{slug}.txt" in str(d.span)]
    assert warnings or not misses, f"{slug} misses its facts on {misses} and the doctor says nothing"
