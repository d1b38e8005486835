"""Anchors that never break: ids survive edits to the sources (tested on a copy of the project)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from papersite.model import Paper, plain_text
from papersite.pipeline import build_site

from .conftest import ROOT, make_fixture_project


def ids_of(paper: Paper) -> dict[str, str]:
    """Paragraph id -> its first words, for every paragraph."""
    return {p.id: plain_text(p.inlines)[:80] for p in paper.all_paragraphs()}


def aliases_of(paper: Paper) -> dict[str, str]:
    return {alias: p.id for p in paper.all_paragraphs() for alias in p.aliases}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_fixture_project(tmp_path, ROOT / "sources")


def sadeghi(project: Path) -> Paper:
    result = build_site(project)
    assert result.fatal == []
    return next(p for p in result.papers if p.id == "sadeghi2022")


def edit(project: Path, old: str, new: str) -> None:
    path = project / "sources" / "sadeghi2022.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_committed_ledger_matches_the_sources(root: Path, project: Path) -> None:
    """A build of the committed sources leaves the committed ledger unchanged."""
    build_site(project)
    for ledger in (root / "sources" / "anchors").glob("*.json"):
        assert (project / "sources" / "anchors" / ledger.name).read_text(encoding="utf-8") == ledger.read_text(encoding="utf-8")


def test_ids_survive_a_paragraph_inserted_before_them_in_the_same_section(project: Path) -> None:
    before = ids_of(sadeghi(project))
    edit(project, "Background\n\n", "Background\n\nAn editor's new opening paragraph of this section.\n\n")
    after = ids_of(sadeghi(project))
    for anchor, words in before.items():
        assert after[anchor] == words, anchor
    new = [a for a, w in after.items() if w.startswith("An editor's new opening")]
    assert new and new[0] not in before


def test_fixing_words_keeps_the_id(project: Path) -> None:
    before = ids_of(sadeghi(project))
    edit(project, "Vadilich (2022) in an article entitled", "Waidelich (2022) in an article entitled")
    after = ids_of(sadeghi(project))
    anchor = next(a for a, w in before.items() if w.startswith("Vadilich (2022)"))
    assert after[anchor].startswith("Waidelich (2022)")


def test_a_deleted_paragraphs_id_leads_to_its_neighbour(project: Path) -> None:
    paper = sadeghi(project)
    before = ids_of(paper)
    gone = next(a for a, w in before.items() if w.startswith("Bolt (2014)"))
    text = (project / "sources" / "sadeghi2022.txt").read_text(encoding="utf-8")
    bolt = re.search(r"^Bolt \(2014\).*\n\n", text, re.M)
    assert bolt
    (project / "sources" / "sadeghi2022.txt").write_text(text.replace(bolt.group(0), ""), encoding="utf-8")
    paper = sadeghi(project)
    assert gone not in ids_of(paper)
    assert gone in aliases_of(paper)
    for anchor, words in before.items():
        if anchor != gone:
            assert ids_of(paper)[anchor] == words
    page = (project / "docs" / "papers" / "sadeghi2022.md").read_text(encoding="utf-8")
    assert f'id="{gone}"' in page


def test_ids_survive_an_added_annotation_and_edits_in_other_sections(project: Path) -> None:
    before = ids_of(sadeghi(project))
    notes = project / "sources" / "annotations" / "sadeghi2022.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8")
        + "\n  - id: test-note\n    kind: note\n    quote:\n      exact: \"Bolt (2014) in an article\"\n    title: T\n    body: B.\n",
        encoding="utf-8",
    )
    edit(project, "Theoretical Framework\n\n", "Theoretical Framework\n\nInserted elsewhere.\n\n")
    after = ids_of(sadeghi(project))
    assert all(after[a] == w for a, w in before.items())
