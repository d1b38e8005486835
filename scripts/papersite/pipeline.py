"""The whole pipeline: read sources, parse, link, render, write the pages.

``build_site`` is what the CLI and the MkDocs hook call. The stages it chains
are pure functions; only this module touches the file system.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
import concurrent.futures
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .anchors import slugify
from .glossary import load_glossary
from .link.terms import LinkPolicy, build_matcher, find_uses, link_terms
from .anchors import assign_ids
from .annotations import load_annotations
from .arguments_file import load_arguments, load_crosslink_edits
from .bibliography.csl import plain
from .bibliography.stage import Bibliography, build_bibliography
from .link.annotations import attach_annotations
from .link.arguments import add_claim_anchors, anchor_claims, find_labelled_claims
from .link.citations import CitationUse, build_index, link_citations
from .link.citations import audit as audit_citations
from .link.note_citations import link_note_citations
from .link import crosslinks as crosslinks_module
from .link.crosslinks import add_crosslinks, compute_crosslinks
from .link.ledger import apply_ledger, read_ledger, write_ledger
from .metadata import PaperMetadata, load_metadata
from .model import Annotation, Claim, CrossLink, Diagnostic, FrontMatter, Paper, Paragraph, Section, SourceSpan, Term, TermUse, plain_text
from .nothing_lost import check_nothing_lost
from .parse import parse_paper
from .parse.markdown_paper import parse_markdown_paper
from .parse.inline import parse_inline
from .parse.units import split_units
from .project import Project
from .render import render_paper, render_papers_index
from .render.annotations_page import render_annotations_jsonld, render_annotations_page
from .render.arguments_page import render_arguments_page
from .render.audit_page import render_audit_page
from .render.bibliography_page import render_bibliography_page
from .render.glossary_page import render_glossary_page
from .render.search_page import render_search_page
from .render.labels import paper_label, section_anchor, section_titles
from .render.inline import LinkTargets
from .textsource import read_source
from .writer import write_if_changed, write_tree

PAPER_SUFFIXES = (".txt", ".md")

#: Parsed papers by a hash of all that parsing reads (id, path, text, metadata).
#: Parsing is a pure function of those, so a long-running process (``mkdocs
#: serve``) parses again only the papers that changed. The parser's own code is
#: not in the key: a code change means a new process.
_PARSED: dict[str, Paper] = {}
_PARSED_LIMIT = 2000
METADATA_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True)
class PaperSource:
    """One paper's input files."""

    id: str
    text_path: Path
    metadata_path: Path | None


@dataclass
class BuildResult:
    papers: list[Paper] = field(default_factory=list)
    terms: tuple[Term, ...] = ()
    term_uses: list[TermUse] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: Generated pages by path relative to ``docs/``.
    pages: dict[str, str] = field(default_factory=dict)
    #: Each paper's source text, by paper id (for the nothing-lost check).
    texts: dict[str, str] = field(default_factory=dict)
    #: Updated anchor ledgers by paper id (JSON text), for ``sources/anchors/``.
    ledgers: dict[str, str] = field(default_factory=dict)
    annotations: list[Annotation] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    bibliography: Bibliography = field(default_factory=Bibliography)
    citations: list[CitationUse] = field(default_factory=list)
    #: Formatted references by content hash (see bibliography.csl); saved between builds.
    csl_cache: dict[str, str] = field(default_factory=dict)
    #: Parsed reference strings by content hash (see refparse.parser); saved between builds.
    refparse_cache: dict[str, Any] = field(default_factory=dict)
    #: The see-also links and the digest of what they were computed from; saved between builds.
    crosslinks_cache: dict[str, object] = field(default_factory=dict)

    @property
    def lost_text(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.rule == "text-lost"]

    @property
    def fatal(self) -> list[Diagnostic]:
        """Problems that stop the build: lost text, annotations or claims whose quote no longer matches."""
        return [d for d in self.diagnostics if d.rule in FATAL_RULES]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]


FATAL_RULES = frozenset({"text-lost", "annotation-quote-unmatched", "claim-quote-unmatched"})


def discover_papers(project: Project) -> tuple[list[PaperSource], list[Diagnostic]]:
    """Every paper in ``sources/``: its text file and optional metadata beside it."""
    diagnostics: list[Diagnostic] = []
    found: list[PaperSource] = []
    taken: dict[str, Path] = {}
    if not project.sources.is_dir():
        return [], [Diagnostic("warning", "sources-missing", f"no sources folder at {project.sources}")]
    for path in sorted(project.sources.iterdir()):
        if not path.is_file() or path.suffix.lower() not in PAPER_SUFFIXES or path.name.startswith("."):
            continue
        paper_id = slugify(path.stem, "paper")
        if paper_id in taken:
            wanted = paper_id
            count = 2
            while f"{wanted}-{count}" in taken:
                count += 1
            paper_id = f"{wanted}-{count}"
            diagnostics.append(
                Diagnostic(
                    "warning",
                    "paper-id-taken",
                    f"page name {wanted!r} is already used by {project.shown(taken[wanted])}; "
                    f"this paper's page is {paper_id!r} instead (rename one file to choose)",
                    SourceSpan(project.shown(path), 1),
                )
            )
        taken[paper_id] = path
        metadata = next(
            (path.with_suffix(s) for s in METADATA_SUFFIXES if path.with_suffix(s).is_file()), None
        )
        found.append(PaperSource(paper_id, path, metadata))
    return found, diagnostics


@dataclass(frozen=True)
class _PaperInput:
    """A paper's decoded text and metadata, before parsing."""

    source: PaperSource
    shown: str
    text: str | None
    metadata: PaperMetadata
    diagnostics: tuple[Diagnostic, ...]

    @property
    def memo_key(self) -> str:
        return hashlib.sha256(repr((self.source.id, self.shown, self.text, self.metadata)).encode("utf-8")).hexdigest()


def _read_input(project: Project, source: PaperSource) -> _PaperInput:
    shown = project.shown(source.text_path)
    text, diagnostics = read_source(source.text_path, shown)
    metadata = PaperMetadata()
    if source.metadata_path is not None:
        metadata, metadata_diagnostics = load_metadata(source.metadata_path, project.shown(source.metadata_path))
        diagnostics.extend(metadata_diagnostics)
    return _PaperInput(source, shown, text, metadata, tuple(diagnostics))


def _parse_input(given: _PaperInput) -> tuple[Paper, bool]:
    """The paper's model, and whether the parser succeeded (pure; runs in worker processes too)."""
    assert given.text is not None
    try:
        parse = parse_markdown_paper if given.source.text_path.suffix.lower() == ".md" else parse_paper
        return parse(given.text, paper_id=given.source.id, path=given.shown, metadata=given.metadata), True
    except Exception as exc:  # a parser bug must not cost the paper: show it plainly
        paper = plain_paper(given.text, given.source.id, given.shown)
        failed = Diagnostic(
            "error",
            "parser-failed",
            f"the parser failed ({type(exc).__name__}: {exc}); the paper is shown as plain paragraphs",
            SourceSpan(given.shown, 1),
        )
        return replace(paper, diagnostics=(failed, *paper.diagnostics)), False


#: From this many papers to parse (not remembered from an earlier build in this
#: process), they are parsed in a pool of worker processes, one per core.
PARALLEL_PAPERS = 16


def read_papers(project: Project, sources: list[PaperSource]) -> list[tuple[str | None, Paper | None, list[Diagnostic]]]:
    """Read, decode and parse every paper: its text (``None`` if unreadable), model, diagnostics.

    Papers are independent, so many are parsed in parallel; the result is in
    the order of ``sources`` whatever the number of cores."""
    inputs = [_read_input(project, source) for source in sources]
    missing = [given for given in inputs if given.text is not None and given.memo_key not in _PARSED]
    workers = min(os.cpu_count() or 1, len(missing))
    if len(missing) >= PARALLEL_PAPERS and workers > 1:
        with concurrent.futures.ProcessPoolExecutor(workers) as pool:
            parsed = list(pool.map(_parse_input, missing, chunksize=max(1, len(missing) // (workers * 4))))
    else:
        parsed = [_parse_input(given) for given in missing]
    fresh = {given.memo_key: result for given, result in zip(missing, parsed)}
    results: list[tuple[str | None, Paper | None, list[Diagnostic]]] = []
    for given in inputs:
        diagnostics = list(given.diagnostics)
        if given.text is None:
            results.append((None, None, diagnostics))
            continue
        key = given.memo_key
        if key in _PARSED:
            paper = _PARSED[key]
        else:
            paper, succeeded = fresh[key]
            if succeeded:
                if len(_PARSED) >= _PARSED_LIMIT:  # bound the memory a long session uses
                    _PARSED.clear()
                _PARSED[key] = paper
        diagnostics.extend(paper.diagnostics)
        results.append((given.text, paper, diagnostics))
    return results


def read_paper(project: Project, source: PaperSource) -> tuple[str | None, Paper | None, list[Diagnostic]]:
    """Read, decode and parse one paper: its text (``None`` if unreadable), model, diagnostics."""
    return read_papers(project, [source])[0]


def load_paper(project: Project, source: PaperSource) -> tuple[Paper | None, list[Diagnostic]]:
    """Read, decode and parse one paper; ``None`` when its text cannot be read."""
    _, paper, diagnostics = read_paper(project, source)
    return paper, diagnostics


def plain_paper(text: str, paper_id: str, path: str) -> Paper:
    """The fallback model: every unit of the text as a paragraph, nothing interpreted."""
    blocks = tuple(Paragraph(parse_inline(unit.text), unit.span(path)) for unit in split_units(text))
    section = Section("", 2, SourceSpan(path, 1), blocks=blocks)
    return assign_ids(Paper(paper_id, path, FrontMatter(title=paper_id), (section,)))


def render_paper_pages(
    papers: list[Paper],
    terms: tuple[Term, ...],
    annotations: list[Annotation] = (),  # type: ignore[assignment]
    base: str = "/",
    references: dict[str, str] | None = None,
    site_url: str = "",
    csl_cache: dict[str, str] | None = None,
    csl_used: set[str] | None = None,
    csl_style: str = "apa",
) -> dict[str, str]:
    """The papers' pages and their index, by path relative to ``docs/papers/`` (pure).

    A paper page (``papers/<id>.md``, built as ``papers/<id>/``) links to other
    pages by site-absolute paths under ``base``: MkDocs resolves a relative link
    in raw HTML against the built page, Zensical against the Markdown file, and
    both leave an absolute path as it is.
    """
    targets = LinkTargets(
        base=base,
        terms={term.id: term for term in terms},
        annotations={a.id: a for a in annotations},
        references=references or {},
        site_url=site_url,
        csl_cache=csl_cache,
        csl_used=csl_used,
        csl_style=csl_style,
    )
    pages = {f"{paper.id}.md": render_paper(paper, targets) for paper in papers}
    pages["index.md"] = render_papers_index(papers)
    return pages


def link_glossary(
    papers: list[Paper], terms: tuple[Term, ...], policy: LinkPolicy
) -> tuple[list[Paper], list[TermUse], list[Diagnostic]]:
    """Link terms in every paper and collect the concordance (pure)."""
    matcher = build_matcher(terms)
    uses = [use for paper in papers for use in find_uses(paper, matcher)]
    linked = [link_terms(paper, matcher, policy) for paper in papers]
    diagnostics: list[Diagnostic] = []
    used = {use.term_id for use in uses}
    by_id = {paper.id: paper for paper in papers}
    for term in terms:
        if term.id not in used:
            diagnostics.append(
                Diagnostic("warning", "glossary-term-unused", f"term {term.name!r} matches no paragraph of any paper", term.span)
            )
        for site in term.defined_in:
            paper = by_id.get(site.paper)
            if paper is None or section_anchor(paper, site.section) is None:
                diagnostics.append(
                    Diagnostic(
                        "warning",
                        "glossary-defined-in-unknown",
                        f"term {term.name!r}: no section {site.section!r} in paper {site.paper!r}",
                        term.span,
                    )
                )
    return linked, uses, diagnostics


CACHE_FILE = ".papersite-cache/csl.json"
#: Parsed reference strings (by a digest of string, list kind and parser code and model).
REFPARSE_FILE = ".papersite-cache/refparse.json"
#: The see-also links of the last build, with the digest of their inputs.
CROSSLINKS_FILE = ".papersite-cache/crosslinks.json"
#: Paper id -> digest of the .bib file a build wrote for it, when it held no hand edit.
BIB_WRITTEN_FILE = ".papersite-cache/bib-written.json"


def generate_site(project: Project) -> BuildResult:
    """Read every input and generate every page, writing nothing."""
    result = BuildResult()
    result.csl_cache = _read_json_cache(project.root / CACHE_FILE)
    result.diagnostics.extend(
        Diagnostic("warning", "settings-invalid", problem, SourceSpan("mkdocs.yml", 1)) for problem in project.setting_problems
    )
    if project.search_problem:
        span = SourceSpan("mkdocs.yml", project.search_problem_line)
        result.diagnostics.append(Diagnostic("warning", "search-plugin-mismatch", project.search_problem, span))
    sources, diagnostics = discover_papers(project)
    result.diagnostics.extend(diagnostics)
    papers: list[Paper] = []
    for text, paper, paper_diagnostics in read_papers(project, sources):
        result.diagnostics.extend(paper_diagnostics)
        if paper is not None and text is not None:
            papers.append(paper)
            result.texts[paper.id] = text
    papers = [_apply_ledger(project, paper, result) for paper in papers]
    # Citations are linked before glossary terms, so no term is linked inside one.
    papers = _link_bibliography(project, papers, result)
    papers = _link_citations(papers, result)
    result.terms, glossary_diagnostics = load_glossary(project.glossary, project.shown(project.glossary))
    result.diagnostics.extend(glossary_diagnostics)
    policy: LinkPolicy = "every-occurrence" if project.settings.glossary_links == "every-occurrence" else "first-per-paragraph"
    papers, result.term_uses, link_diagnostics = link_glossary(papers, result.terms, policy)
    result.diagnostics.extend(link_diagnostics)
    themes, papers = _link_arguments(project, papers, result)
    papers = [_link_annotations(project, paper, result) for paper in papers]
    result.papers = _link_crosslinks(project, papers, result)
    bibliography = result.bibliography
    result.pages["bibliography/index.md"] = render_bibliography_page(
        bibliography, result.papers, project.settings.csl_style, result.citations
    )
    result.pages["citation-audit/index.md"] = render_audit_page(result.papers, result.citations, bibliography)
    for path, text in bibliography.files.items():
        result.pages[f"bibliography/{path.split('/', 1)[1]}"] = text
    for name, page in render_paper_pages(
        result.papers, result.terms, result.annotations, project.base_path,
        {key: plain(text) for key, text in bibliography.formatted.items()},
        project.site_url,
        result.csl_cache,
        bibliography.digests,
        project.settings.csl_style,
    ).items():
        result.pages[f"papers/{name}"] = page
    result.pages["glossary/index.md"] = render_glossary_page(result.terms, result.papers, result.term_uses)
    result.pages["arguments/index.md"] = render_arguments_page(themes, result.claims, result.papers)
    result.pages["annotations/index.md"] = render_annotations_page(result.annotations, result.papers)
    result.pages["annotations/annotations.jsonld"] = render_annotations_jsonld(result.annotations, result.papers, project.site_url)
    if project.settings.search == "pagefind":  # the page Pagefind's UI is mounted on
        result.pages["search/index.md"] = render_search_page()
    for paper in result.papers:
        # The source text as received, for download beside the page.
        result.pages[f"papers/{paper.id}.txt"] = result.texts[paper.id]
        page = result.pages[f"papers/{paper.id}.md"]
        result.diagnostics.extend(check_nothing_lost(paper.checked_text or result.texts[paper.id], page, paper.source_path))
    return result


#: Folders of ``docs/`` that the pipeline writes wholly (each listed in .gitignore).
GENERATED_DIRS = ("papers", "glossary", "arguments", "annotations", "bibliography", "citation-audit", "search")


def _link_citations(papers: list[Paper], result: BuildResult) -> list[Paper]:
    bibliography = result.bibliography
    index = build_index(papers, bibliography.entries, bibliography.keys)
    linked = []
    for paper in papers:
        # Notes first: a note's author part is one citation, not several guesses.
        paper, note_uses = link_note_citations(paper, index)
        paper, uses = link_citations(paper, index)
        result.citations.extend(note_uses + uses)
        linked.append(paper)
    result.diagnostics.extend(audit_citations(linked, result.citations, bibliography.keys))
    return linked


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_json_cache(path: Path) -> dict[str, Any]:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _link_bibliography(project: Project, papers: list[Paper], result: BuildResult) -> list[Paper]:
    existing: dict[str, str | None] = {}
    # A paper's .bib exactly as the last build wrote it, with no hand edit in
    # it then, has none now: it need not be parsed again to look for them.
    untouched = _read_json_cache(project.root / BIB_WRITTEN_FILE)
    for paper in papers:
        path = project.root / "bib" / f"{paper.id}.bib"
        text = path.read_text(encoding="utf-8") if path.is_file() else None
        existing[paper.id] = None if text is not None and untouched.get(paper.id) == _digest(text) else text
    corrections_path = project.root / "bib" / "corrections.bib"
    corrections = corrections_path.read_text(encoding="utf-8") if corrections_path.is_file() else None
    result.refparse_cache = _read_json_cache(project.root / REFPARSE_FILE)
    result.bibliography = build_bibliography(
        papers, existing, corrections, project.settings.csl_style, result.csl_cache, result.refparse_cache
    )
    result.diagnostics.extend(result.bibliography.diagnostics)
    keys = result.bibliography.keys
    return [
        replace(paper, references=tuple(replace(r, bib_key=keys.get((paper.id, r.id), "")) for r in paper.references))
        for paper in papers
    ]


def _apply_ledger(project: Project, paper: Paper, result: BuildResult) -> Paper:
    path = project.sources / "anchors" / f"{paper.id}.json"
    try:
        ledger = read_ledger(path.read_text(encoding="utf-8") if path.is_file() else None)
    except (ValueError, KeyError, TypeError) as exc:
        result.diagnostics.append(
            Diagnostic("error", "anchors-invalid", f"anchor ledger unreadable ({exc}); ids start afresh", SourceSpan(project.shown(path), 1))
        )
        ledger = []
    paper, entries, diagnostics = apply_ledger(paper, ledger)
    result.diagnostics.extend(diagnostics)
    result.ledgers[paper.id] = write_ledger(entries)
    return paper


def _link_arguments(project: Project, papers: list[Paper], result: BuildResult) -> tuple[list[tuple[str, str]], list[Paper]]:
    path = project.sources / "arguments.yml"
    themes, editorial, diagnostics = load_arguments(path, project.shown(path))
    result.diagnostics.extend(diagnostics)
    known = {paper.id for paper in papers}
    for claim in editorial:
        if claim.paper_id not in known:
            result.diagnostics.append(Diagnostic("warning", "arguments-invalid", f"claim {claim.id!r}: no paper {claim.paper_id!r}", claim.span))
    linked = []
    for paper in papers:
        claims = find_labelled_claims(paper)
        placed, claim_diagnostics = anchor_claims(paper, [c for c in editorial if c.paper_id == paper.id])
        result.diagnostics.extend(claim_diagnostics)
        paper, anchor_diagnostics = add_claim_anchors(paper, claims + placed)
        result.diagnostics.extend(anchor_diagnostics)
        result.claims.extend(claims + placed)
        linked.append(paper)
    return themes, linked


def _link_annotations(project: Project, paper: Paper, result: BuildResult) -> Paper:
    path = project.sources / "annotations" / f"{paper.id}.yml"
    if not path.is_file():
        return paper
    annotations, diagnostics = load_annotations(path, project.shown(path), paper.id)
    result.diagnostics.extend(diagnostics)
    paper, placed, attach_diagnostics = attach_annotations(paper, annotations)
    result.diagnostics.extend(attach_diagnostics)
    result.annotations.extend(placed)
    return paper


def _link_crosslinks(project: Project, papers: list[Paper], result: BuildResult) -> list[Paper]:
    path = project.sources / "crosslinks.yml"
    added, removed, diagnostics = load_crosslink_edits(path, project.shown(path))
    result.diagnostics.extend(diagnostics)
    labels = {}
    for paper in papers:
        titles = section_titles(paper)
        for paragraph in paper.all_paragraphs():
            number = paragraph.id.rsplit("-p", 1)[-1]
            labels[(paper.id, paragraph.id)] = f"{paper_label(paper)}, {titles.get(paragraph.id, '')} ¶{number}"
    for edit in added + removed:
        for end in (edit.source, edit.target):
            if end not in labels:
                result.diagnostics.append(
                    Diagnostic("warning", "crosslinks-unknown", f"no paragraph {end[1]!r} in paper {end[0]!r}", SourceSpan(project.shown(path), 1))
                )
    added = [e for e in added if e.source in labels and e.target in labels]
    # Every paragraph's text and terms go into the links, so any change to a
    # paper recomputes them; a build that changed none (an annotation edited,
    # a page restyled) takes them from the last build's.
    digest = hashlib.sha256(Path(crosslinks_module.__file__).read_bytes())
    for paper in papers:
        for paragraph in paper.all_paragraphs():
            digest.update(json.dumps([paper.id, paragraph.id, plain_text(paragraph.inlines)]).encode("utf-8"))
    digest.update(json.dumps([[u.paper_id, u.paragraph_id, u.term_id] for u in result.term_uses]).encode("utf-8"))
    digest.update(json.dumps(sorted(labels.items())).encode("utf-8"))
    digest.update(json.dumps([[e.source, e.target] for e in added] + [None] + [[e.source, e.target] for e in removed]).encode("utf-8"))
    cached = _read_json_cache(project.root / CROSSLINKS_FILE)
    if cached.get("digest") == digest.hexdigest() and isinstance(cached.get("links"), list):
        links = {(str(a), str(b)): [CrossLink(*link) for link in found] for a, b, found in cached["links"]}
    else:
        links = compute_crosslinks(papers, result.term_uses, labels, added, removed)
    result.crosslinks_cache = {
        "digest": digest.hexdigest(),
        "links": [[a, b, [[l.paper_id, l.paragraph_id, l.label, l.reason] for l in found]] for (a, b), found in sorted(links.items())],
    }
    return [add_crosslinks(paper, links) for paper in papers]


def build_site(root: Path) -> BuildResult:
    """Run the pipeline for the project at ``root`` and write its pages.

    ``docs/papers/`` is wholly generated (stale pages there are removed); the
    other generated folders are those in :data:`GENERATED_DIRS`; ledgers and
    BibTeX files are written beside the sources.
    """
    project = Project.at(root)
    result = generate_site(project)
    if result.fatal:
        # Never publish a page that drops text or misplaces a note; the previous pages stay.
        return result
    for folder in GENERATED_DIRS:
        pages = {name[len(folder) + 1 :]: page for name, page in result.pages.items() if name.startswith(folder + "/")}
        written, removed = write_tree(project.docs / folder, pages)
        result.written += [f"{folder}/{name}" for name in written]
        result.removed += [f"{folder}/{name}" for name in removed]
    for path, text in result.bibliography.files.items():
        if write_if_changed(project.root / path, text):
            result.written.append(path)
    untouched = {
        paper_id: _digest(result.bibliography.files[f"bib/{paper_id}.bib"])
        for paper_id, records in sorted(result.bibliography.records.items())
        if f"bib/{paper_id}.bib" in result.bibliography.files and not any(record.corrected for record in records)
    }
    write_if_changed(project.root / BIB_WRITTEN_FILE, json.dumps(untouched, indent=0) + "\n")
    write_if_changed(project.root / CROSSLINKS_FILE, json.dumps(result.crosslinks_cache, ensure_ascii=False) + "\n")
    parses = {k: v for k, v in sorted(result.refparse_cache.items()) if k in result.bibliography.parse_keys}
    write_if_changed(project.root / REFPARSE_FILE, json.dumps(parses, sort_keys=True) + "\n")
    used = set(result.bibliography.digests)
    kept = {k: v for k, v in sorted(result.csl_cache.items()) if k in used}
    write_if_changed(project.root / CACHE_FILE, json.dumps(kept, ensure_ascii=False, indent=0) + "\n")
    for paper_id, ledger in result.ledgers.items():
        if write_if_changed(project.sources / "anchors" / f"{paper_id}.json", ledger):
            result.written.append(f"sources/anchors/{paper_id}.json")
    return result
