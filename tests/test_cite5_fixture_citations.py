"""Real input: the amsart vignette koenker2019-quantreg cites "Stigler [1984]"
(the year in brackets), and hothorn2001-mvtnorm cites "Watson et al. (1987)"
of an entry whose first author the reference parser reads as "P.D.". Their
text (tests/fixtures/open/<slug>/paper.raw.txt) is built with the pipeline and
its citations compared with the hand-counted facts.yml."""

from __future__ import annotations

import re
import shutil

import pytest

from papersite.link.citation_index import build_index, fold
from papersite.pipeline import BuildResult, generate_site
from papersite.project import Project

from .conftest import make_fixture_project
from .fixture_facts import OPEN, facts

SLUGS = ("koenker2019-quantreg", "hothorn2001-mvtnorm")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    sources = tmp_path_factory.mktemp("cite5-sources")
    for slug in SLUGS:
        shutil.copy(OPEN / slug / "paper.raw.txt", sources / f"{slug}.txt")
    return generate_site(Project.at(make_fixture_project(tmp_path_factory.mktemp("cite5"), sources)))


def flat(text: str) -> str:
    return " ".join(text.split())


def citations(built: BuildResult, slug: str) -> dict[tuple[str, int], list[str]]:
    """Each citation's printed text and the first authors' family names and years of the works it links."""
    index = build_index(built.papers, built.bibliography.entries, built.bibliography.keys)
    out: dict[tuple[str, int], list[str]] = {}
    for use in built.citations:
        if use.paper_id == slug:
            work = index.by_key.get(use.item.key)
            out.setdefault((use.paragraph_id, use.citation), [flat(use.text)]).append(f"{work.families[0]} {work.year}" if work else "")
    return out


def test_every_citation_of_the_amsart_paper_is_found(built: BuildResult) -> None:
    found = citations(built, "koenker2019-quantreg")
    assert len(found) == facts("koenker2019-quantreg")["citations"]["count"] == 30
    # 29 link (facts.yml: "29 resolve to an entry"); "Chambers and Becker (1984)" has no entry.
    assert sum(1 for text, *works in found.values() if all(works)) == 29


def _example(built: BuildResult, slug: str, example: dict) -> list[str]:  # type: ignore[type-arg]
    found = citations(built, slug).values()
    text = flat(example["text"])
    return next((works for printed, *works in found if printed in text or text in printed), ["not found"])


def _expected(example: dict) -> str:  # type: ignore[type-arg]
    ref = example["ref"]
    return f"{fold(str(ref['surname']))} {ref['year']}"


def _cases() -> list[object]:
    return [pytest.param(slug, example, id=f"{slug}-{flat(example['text'])}") for slug in SLUGS for example in facts(slug)["citations"]["examples"]]


@pytest.mark.parametrize("slug, example", _cases())
def test_each_listed_citation_links_to_its_work(built: BuildResult, slug: str, example: dict) -> None:  # type: ignore[type-arg]
    works = _example(built, slug, example)
    assert works != ["not found"], example["text"]
    if re.search(r"no entry", example.get("note", "")):
        assert works == [""]  # found, shown, never linked
    else:
        assert works == [_expected(example)]


def test_nothing_in_the_not_citations_list_is_a_citation(built: BuildResult) -> None:
    for slug in SLUGS:
        for text in facts(slug).get("not_citations") or []:
            assert not any(flat(text) in printed for printed, *_ in citations(built, slug).values()), text


def test_the_missing_work_is_reported_and_every_entry_is_cited(built: BuildResult) -> None:
    ours = [d for d in built.diagnostics if "koenker2019-quantreg" in d.message]
    unresolved = [d.message for d in ours if d.rule == "citation-unresolved"]
    assert len(unresolved) == 1 and "Chambers and Becker (1984)" in unresolved[0] and "no entry" in unresolved[0]
    assert not [d.message for d in ours if d.rule == "reference-uncited"]
