"""What a build keeps for the next one (.papersite-cache/): reused only while its inputs are unchanged."""

from __future__ import annotations

from pathlib import Path

import papersite.pipeline as pipeline
import papersite.stages.papers as paper_stage
import papersite.stages.see_also as see_also_stage

from .conftest import ROOT, make_fixture_project


def _pages(project: Path) -> dict[str, str]:
    return {str(p.relative_to(project / "docs")): p.read_text(encoding="utf-8") for p in sorted((project / "docs" / "papers").glob("*.md"))}


def test_see_also_links_are_reused_until_a_paper_or_the_editors_list_changes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    project = make_fixture_project(tmp_path, ROOT / "sources")
    pipeline.build_site(project)
    first = _pages(project)
    assert "See also in the other paper" in first["papers/rezapour2020.md"]
    calls: list[int] = []
    original = see_also_stage.compute_crosslinks
    monkeypatch.setattr(see_also_stage, "compute_crosslinks", lambda *a, **k: calls.append(1) or original(*a, **k))

    # An annotation edited: no paragraph changed, the links are taken from the last build.
    notes = sorted((project / "sources" / "annotations").glob("*.yml"))[0]
    notes.write_text(notes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    pipeline.build_site(project)
    assert calls == [] and _pages(project) == first

    # A paragraph edited: computed again.
    source = project / "sources" / "sadeghi2022.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("examines the policies,", "examines the policies (in detail),", 1), encoding="utf-8")
    pipeline.build_site(project)
    assert calls == [1]

    # The editors' list changed (its three additions dropped): computed again, without them.
    before = _pages(project)
    (project / "sources" / "crosslinks.yml").write_text("add: []\nremove: []\n", encoding="utf-8")
    pipeline.build_site(project)
    assert calls == [1, 1]
    assert _pages(project) != before


def test_parsed_references_are_reused_and_a_damaged_cache_is_parsed_again(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import json

    from papersite.refparse import parser

    project = make_fixture_project(tmp_path, ROOT / "sources")
    first = pipeline.build_site(project)
    merged = (project / "bib" / "merged.bib").read_text(encoding="utf-8")
    cache_file = project / pipeline.REFPARSE_FILE
    cache = json.loads(cache_file.read_text(encoding="utf-8"))
    assert len(cache) == len({r.raw for p in first.papers for r in p.references}) == 51

    parsed: list[str] = []
    original = parser.ReferenceParser.parse
    monkeypatch.setattr(parser.ReferenceParser, "parse", lambda self, raw, **k: parsed.append(raw) or original(self, raw, **k))
    pipeline.build_site(project)
    assert parsed == [] and (project / "bib" / "merged.bib").read_text(encoding="utf-8") == merged

    damaged = sorted(cache)[0]
    cache[damaged] = {"raw": "no such fields"}
    cache_file.write_text(json.dumps(cache), encoding="utf-8")
    pipeline.build_site(project)
    assert len(parsed) == 1 and (project / "bib" / "merged.bib").read_text(encoding="utf-8") == merged
    assert json.loads(cache_file.read_text(encoding="utf-8"))[damaged]["raw"] == parsed[0]


def _many_papers(tmp_path: Path, copies: int) -> Path:
    sources = tmp_path / "many"
    sources.mkdir()
    for n in range(copies):
        for name in ("rezapour2020", "sadeghi2022"):
            for suffix in (".txt", ".yml"):
                (sources / f"{name}-{n}{suffix}").write_bytes((ROOT / "sources" / f"{name}{suffix}").read_bytes())
    return sources


def test_papers_parsed_in_worker_processes_equal_those_parsed_here(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from papersite.project import Project

    project = Project.at(make_fixture_project(tmp_path, _many_papers(tmp_path, 9)))
    sources, _ = pipeline.discover_papers(project)
    assert len(sources) == 18 >= pipeline.PARALLEL_PAPERS
    parallel = pipeline.read_papers(project, sources)
    serial = pipeline.read_papers(project, sources, parallel_from=10_000)
    assert parallel == serial
    assert [paper.id for _, paper, _ in parallel if paper] == [source.id for source in sources]


def test_a_parser_failure_in_a_worker_keeps_the_paper_as_plain_paragraphs(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from papersite.cache import Cache
    from papersite.project import Project

    project = Project.at(make_fixture_project(tmp_path, _many_papers(tmp_path, 8)))
    sources, _ = pipeline.discover_papers(project)

    def broken(text: str, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("no such shape")

    monkeypatch.setattr(paper_stage, "parse_paper", broken)
    store = Cache(tmp_path).store("papers", pickled=True)
    results = pipeline.read_papers(project, sources, store)
    assert len(results) == 16
    for (text, paper, diagnostics), source in zip(results, sources):
        assert paper is not None and text is not None and paper.id == source.id
        assert any(d.rule == "parser-failed" and "no such shape" in str(d) for d in diagnostics)
        assert sum(len(p.text) for p in paper.all_paragraphs()) > 0.9 * len(" ".join(text.split()))
    assert store.data == {}  # a failed parse is not kept for the next build


def test_references_parsed_in_worker_processes_equal_those_parsed_here() -> None:
    from papersite.project import Project
    from papersite.refparse import parse_references
    from papersite.refparse.parser import PARALLEL_FROM, parse_references_cached, prefill_cache

    papers = pipeline.generate_site(Project.at(ROOT)).papers
    raws = [f"{r.raw} [{n}]" if n else r.raw for n in range(11) for p in papers for r in p.references]
    assert len(set(raws)) >= PARALLEL_FROM
    cache: dict = {}  # type: ignore[type-arg]
    assert prefill_cache([(raws, False)], cache) == len(set(raws))
    used: set[str] = set()
    assert parse_references_cached(raws, cache, used) == parse_references(raws)
    assert len(used) == len(cache)
