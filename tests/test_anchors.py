"""Ids are derived from structure: stable across rebuilds, typo fixes and edits elsewhere."""

from __future__ import annotations

from pathlib import Path

from papersite.model import Paper
from papersite.parse import parse_paper


def ids_by_text(paper: Paper) -> dict[str, str]:
    return {p.text[:60]: p.id for p in paper.all_paragraphs()}


def load(root: Path, text: str | None = None) -> Paper:
    source = root / "sources" / "sadeghi2022.txt"
    return parse_paper(text or source.read_text(encoding="utf-8"), paper_id="sadeghi2022", path="sources/sadeghi2022.txt")


def test_ids_are_human_readable_and_unique(root: Path) -> None:
    paper = load(root)
    ids = [p.id for p in paper.all_paragraphs()]
    assert len(ids) == len(set(ids))
    assert "background-p1" in ids and "abstract-p1" in ids and "conclusion-p3" in ids


def test_ids_are_identical_across_rebuilds(root: Path) -> None:
    assert [p.id for p in load(root).all_paragraphs()] == [p.id for p in load(root).all_paragraphs()]


def test_fixing_a_typo_keeps_the_id(root: Path) -> None:
    text = (root / "sources" / "sadeghi2022.txt").read_text(encoding="utf-8")
    before = {p.span.line: p.id for p in load(root, text).all_paragraphs()}
    fixed = text.replace("Vadilich (2022)", "Waidelich (2022)")
    assert fixed != text
    after = {p.span.line: p.id for p in load(root, fixed).all_paragraphs()}
    assert before == after


def test_inserting_a_paragraph_in_one_section_leaves_other_sections_alone(root: Path) -> None:
    text = (root / "sources" / "sadeghi2022.txt").read_text(encoding="utf-8")
    edited = text.replace("Background\n\n", "Background\n\nAn editor's new first paragraph.\n\n", 1)
    before = ids_by_text(load(root, text))
    after = ids_by_text(load(root, edited))
    moved = {t for t in before if before[t] != after.get(t)}
    assert moved, "the edited section's later paragraphs renumber (documented)"
    assert all(before[t].startswith("background-") for t in moved)
