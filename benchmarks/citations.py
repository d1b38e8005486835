"""Benchmark of citation finding and linking against hand-counted facts.

    .venv/bin/python benchmarks/citations.py

Builds the open-licence fixtures (``tests/fixtures/open/*``) and the project's
own papers (``sources/``), then compares every citation each ``facts.yml``
lists (``tests/fixtures/open/*/facts.yml``, ``tests/fixtures/papers/*.facts.yml``;
counted by hand, never by running this code) with what the pipeline made of it:

- **found**: a citation the pipeline recognised has the fact's text (one
  contains the other, whitespace folded; a note marker ``[^N]`` is matched to
  the citation in note N);
- each work the fact cites is then **right** (linked to an entry whose first
  author is the fact's surname and whose year is the fact's), **wrong**
  (linked elsewhere, or linked when the list lacks the work), **unlinked**
  (not linked although the list has it) or **absent** (not linked, and the
  list lacks it: the correct outcome); an unlinked or absent item counts as
  **reported** when the build's diagnostics name its citation.

Targets (issue 19): at least 95 % of the works in the lists linked right, 0
wrong, every unlinked or absent one reported. Results go to
``benchmarks/results/citations.txt``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from papersite.link.citation_index import fold  # noqa: E402
from papersite.link.citations import CitationUse  # noqa: E402
from papersite.pipeline import BuildResult, generate_site  # noqa: E402
from papersite.project import Project  # noqa: E402

OPEN = ROOT / "tests" / "fixtures" / "open"
#: page id -> (source file, facts file)
FIXTURES = {
    "butts2008": (OPEN / "butts2008-network" / "paper.raw.txt", OPEN / "butts2008-network" / "facts.yml"),
    "brousseau2022": (OPEN / "brousseau2022-gpt2-brexit" / "paper.md", OPEN / "brousseau2022-gpt2-brexit" / "facts.yml"),
    "gomes2023": (OPEN / "gomes2023-bakhtiniana-abnt" / "paper.txt", OPEN / "gomes2023-bakhtiniana-abnt" / "facts.yml"),
}
OWN = {paper_id: ROOT / "tests" / "fixtures" / "papers" / f"{paper_id}.facts.yml" for paper_id in ("rezapour2020", "sadeghi2022")}


@dataclass
class Row:
    paper: str
    facts: int = 0
    found: int = 0
    right: int = 0
    wrong: int = 0
    unlinked: int = 0
    absent: int = 0
    reported: int = 0
    #: Citations the pipeline found that no fact lists (the facts may be incomplete).
    extra: int = 0
    problems: list[str] = field(default_factory=list)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _groups(uses: list[CitationUse]) -> list[list[CitationUse]]:
    """The paper's citations, each the list of its items, in order."""
    groups: dict[tuple[str, int], list[CitationUse]] = {}
    for use in uses:
        groups.setdefault((use.paragraph_id, use.citation), []).append(use)
    return list(groups.values())


def _matches(fact_text: str, group: list[CitationUse]) -> bool:
    marker = re.search(r"\[\^(\w+)\]", fact_text)
    if marker:
        return group[0].paragraph_id == f"fn-{marker.group(1)}"
    fact, found = _flat(fact_text), _flat(group[0].text)
    return fact == found or fact in found or found in fact


def _work_is(entry_families: tuple[str, ...], entry_year: str, ref: dict) -> bool:  # type: ignore[type-arg]
    surname = fold(str(ref["surname"]))
    first = entry_families[0] if entry_families else ""
    return entry_year[:4] == str(ref["year"]) and (first == surname or fuzz.ratio(first, surname) >= 85 or first.startswith(surname))


def score_paper(paper_id: str, facts: dict, result: BuildResult) -> Row:  # type: ignore[type-arg]
    from papersite.link.citation_index import build_index

    index = build_index(result.papers, result.bibliography.entries, result.bibliography.keys)
    works = {work.key: work for work in index.works}
    reported = "\n".join(d.message for d in result.diagnostics if d.rule == "citation-unresolved")
    groups = _groups([u for u in result.citations if u.paper_id == paper_id])
    used: set[int] = set()
    row = Row(paper_id)
    for fact in facts.get("citations") or []:
        refs = fact["ref"] if isinstance(fact["ref"], list) else [fact["ref"]]
        row.facts += len(refs)
        chosen = next((i for i, g in enumerate(groups) if i not in used and _flat(g[0].text) == _flat(fact["text"])), None)
        if chosen is None:
            chosen = next((i for i, g in enumerate(groups) if i not in used and _matches(fact["text"], g)), None)
        if chosen is None:
            row.problems.append(f"not found: {_flat(fact['text'])}")
            continue
        used.add(chosen)
        items = list(groups[chosen])
        # Works cited inside other words ("such as those of Krackhardt 1988;
        # Killworth & Bernard 1976") are found one by one.
        following = chosen + 1
        while len(items) < len(refs) and following < len(groups) and following not in used and _matches(fact["text"], groups[following]):
            items.extend(groups[following])
            used.add(following)
            following += 1
        for number, ref in enumerate(refs):
            row.found += 1
            in_list = ref.get("in_reference_list", True)
            use = items[number] if number < len(items) else None
            work = works.get(use.item.key) if use and use.item.key else None
            if work is not None and in_list and _work_is(work.families, work.year, ref):
                row.right += 1
            elif work is not None:
                row.wrong += 1
                row.problems.append(f"wrong ({'in list' if in_list else 'absent work'}): {_flat(fact['text'])} -> {work.key}")
            else:
                row.absent += 0 if in_list else 1
                row.unlinked += 1 if in_list else 0
                if use is not None and _flat(use.text).replace("&", "&amp;") in reported or (use is not None and _flat(use.text) in reported):
                    row.reported += 1
                else:
                    row.problems.append(f"not reported: {_flat(fact['text'])}")
                if in_list:
                    row.problems.append(f"unlinked: {_flat(fact['text'])}: {use.item.note if use else ''}")
    row.extra = len(groups) - len(used)
    row.problems.extend(f"extra (no fact lists it): {_flat(g[0].text)} -> {g[0].item.key or g[0].item.status}" for i, g in enumerate(groups) if i not in used)
    return row


def build_fixtures(work: Path) -> BuildResult:
    """The open-licence fixtures built as one site, as tests/test_open_papers.py builds them."""
    sources = work / "sources"
    sources.mkdir()
    for paper_id, (source, _) in FIXTURES.items():
        shutil.copy(source, sources / f"{paper_id}{source.suffix}")
    project = work / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("papers", "glossary", "arguments", "annotations", "bibliography", "citation-audit", "search"))
    shutil.copytree(sources, project / "sources")
    return generate_site(Project.at(project))


def measure() -> list[Row]:
    rows = []
    own = generate_site(Project.at(ROOT))
    for paper_id, facts_file in OWN.items():
        rows.append(score_paper(paper_id, yaml.safe_load(facts_file.read_text(encoding="utf-8")), own))
    with tempfile.TemporaryDirectory() as tmp:
        built = build_fixtures(Path(tmp))
    for paper_id, (_, facts_file) in FIXTURES.items():
        rows.append(score_paper(paper_id, yaml.safe_load(facts_file.read_text(encoding="utf-8")), built))
    return rows


def table(rows: list[Row]) -> str:
    head = f"{'paper':<15}{'cited':>6}{'found':>6}{'right':>6}{'wrong':>6}{'unlinked':>9}{'absent':>7}{'reported':>9}{'extra':>6}"
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{r.paper:<15}{r.facts:>6}{r.found:>6}{r.right:>6}{r.wrong:>6}{r.unlinked:>9}{r.absent:>7}{r.reported:>9}{r.extra:>6}")
    in_list = sum(r.right + r.unlinked for r in rows) + sum(1 for r in rows for p in r.problems if p.startswith("wrong (in list)")) + sum(
        1 for r in rows for p in r.problems if p.startswith("not found")
    )
    right = sum(r.right for r in rows)
    lines.append("-" * len(head))
    lines.append(f"linked right: {right} of {in_list} works in the lists ({100 * right / max(in_list, 1):.1f} %); "
                 f"wrong: {sum(r.wrong for r in rows)}; unlinked or absent and not reported: "
                 f"{sum(1 for r in rows for p in r.problems if p.startswith('not reported'))}")
    lines.append("")
    lines.extend(f"{r.paper}: {p}" for r in rows for p in r.problems)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results" / "citations.txt")
    args = parser.parse_args(argv)
    text = table(measure())
    print(text, end="")
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
