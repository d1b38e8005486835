"""The one cache layer: entries reused while their inputs and the code are unchanged, pruned, repaired, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

import papersite.pipeline as pipeline
import papersite.stages.papers as paper_stage
from papersite.cache import Cache
from papersite.writer import write_if_changed as write_atomically

from .conftest import ROOT, make_fixture_project


def test_parsed_papers_are_reused_until_their_text_changes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project = make_fixture_project(tmp_path, ROOT / "sources")
    first = pipeline.build_site(project)
    parsed: list[str] = []
    original = paper_stage.parse_paper
    monkeypatch.setattr(paper_stage, "parse_paper", lambda text, **k: parsed.append(k["paper_id"]) or original(text, **k))
    again = pipeline.build_site(project)
    assert parsed == [] and again.pages == first.pages
    source = project / "sources" / "sadeghi2022.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("examines the policies,", "examines the policies (in detail),", 1), encoding="utf-8")
    pipeline.build_site(project)
    assert parsed == ["sadeghi2022"]


def test_a_damaged_store_is_read_as_empty_and_rewritten(tmp_path: Path) -> None:
    project = make_fixture_project(tmp_path, ROOT / "sources")
    first = pipeline.build_site(project)
    folder = project / ".papersite-cache"
    (folder / "papers.pickle").write_bytes(b"not a pickle")
    (folder / "csl.json").write_text("{ truncated", encoding="utf-8")
    again = pipeline.build_site(project)
    assert again.pages == first.pages
    assert json.loads((folder / "csl.json").read_text(encoding="utf-8"))
    assert Cache(project).store("papers", pickled=True).data  # parsed papers are back


def test_other_code_empties_every_store_and_unused_entries_are_pruned(tmp_path: Path) -> None:
    cache = Cache(tmp_path, version="one")
    store = cache.store("things")
    store.put("kept", 1)
    store.data["dropped"] = 2  # present but never used in this build
    cache.save()
    assert json.loads((tmp_path / ".papersite-cache" / "things.json").read_text(encoding="utf-8")) == {"kept": 1}
    assert Cache(tmp_path, version="one").store("things").get("kept") == 1
    other = Cache(tmp_path, version="two")
    assert other.store("things").data == {}
    (tmp_path / ".papersite-cache" / "stale.json").write_text("{}", encoding="utf-8")
    other.save()
    assert not (tmp_path / ".papersite-cache" / "stale.json").exists()


def test_writes_are_atomic_and_only_when_changed(tmp_path: Path) -> None:
    path = tmp_path / "a" / "file.json"
    assert write_atomically(path, b"one")
    assert not write_atomically(path, b"one")
    assert write_atomically(path, b"two") and path.read_bytes() == b"two"
    assert [p.name for p in path.parent.iterdir()] == ["file.json"]  # no temporary file left behind
