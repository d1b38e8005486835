"""Command line: ``papersite build`` and friends, thin over :mod:`papersite.pipeline` (and :mod:`papersite.search_index`)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .model import Diagnostic
from .pipeline import build_site, generate_site
from .project import Project
from .rules import fails_strict, rules_table
from .search_index import SearchIndexError, build_search_index
from .structure.types import LineEvidence


def _print_diagnostics(result_diagnostics: list[Diagnostic], verbose: bool) -> None:
    for diagnostic in result_diagnostics:
        if diagnostic.severity != "info" or verbose:
            print(diagnostic, file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    project = Project.at(Path(args.root))
    result = build_site(project)
    _print_diagnostics(result.diagnostics, args.verbose)
    print(
        f"papersite: {len(result.papers)} papers; {len(result.written)} pages written, "
        f"{len(result.removed)} removed; {len(result.errors)} errors"
    )
    if result.fatal:
        print("papersite: problems stop the build (see above); pages not written", file=sys.stderr)
        return 1
    # As with `mkdocs build --strict`: only rules that mean the build is broken (or that the user promoted) fail it.
    if args.strict and any(fails_strict(d, project.settings.rules) for d in result.diagnostics):
        return 1
    return 0


def cmd_rules(args: argparse.Namespace) -> int:
    """Print every diagnostic rule: id, default severity, effect, meaning (the README's table)."""
    print(rules_table(), end="")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Generate every page in memory, check that no source text is lost, and print the structural doctor's warnings."""
    result = generate_site(Project.at(Path(args.root)))
    structure = [d for d in result.diagnostics if d.rule.startswith("structure-")]  # the structural doctor's warnings
    for diagnostic in result.lost_text + structure:
        print(diagnostic, file=sys.stderr)
    words = sum(len(text.split()) for text in result.texts.values())
    print(
        f"papersite check: {len(result.papers)} papers, {words} words; {len(result.lost_text)} passages lost; "
        f"{len(structure)} structure warnings"
    )
    return 1 if result.lost_text else 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Print the citation audit: unresolved citations, tolerant matches, uncited references."""
    result = generate_site(Project.at(Path(args.root)))
    rules = {"citation-unresolved", "citation-tolerant", "reference-uncited"}
    for diagnostic in result.diagnostics:
        if diagnostic.rule in rules:
            print(diagnostic)
    linked = sum(1 for use in result.citations if use.item.key)
    print(f"papersite audit: {len(result.citations)} citations, {linked} linked; see the Citation audit page")
    return 0


def cmd_search_index(args: argparse.Namespace) -> int:
    """Index a built site with Pagefind (``extra.papersite.search: pagefind``; after ``zensical build``)."""
    project = Project.at(Path(args.root))
    site = Path(args.site) if args.site else project.site or project.root / "site"
    if project.settings.search != "pagefind":
        print(
            "papersite search-index: note: extra.papersite.search is not pagefind in mkdocs.yml, "
            "so the site's pages do not offer this index",
            file=sys.stderr,
        )
    try:
        index = build_search_index(site)
    except SearchIndexError as exc:
        print(f"papersite search-index: {exc}", file=sys.stderr)
        return 1
    print(
        f"papersite search-index: {index.pages} pages, {index.words} words indexed; "
        f"{index.files} files, {index.bytes / 1e6:.1f} MB in {index.bundle} ({index.seconds:.1f} s)"
    )
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from .pdf.source import read_pdf_with_evidence
    from .structure.inspect import InspectError, inspect_file, read_source_lines

    def read(path: Path) -> tuple[list[str], list[LineEvidence | None] | None]:
        """A PDF as the parse stage reads it (lines in reading order, and their layout evidence); text decoded."""
        if path.suffix.lower() != ".pdf":
            return read_source_lines(path)
        text, evidence, problems = read_pdf_with_evidence(path, str(path))
        if text is None:
            raise InspectError("; ".join(f"{path}: {d.message}" for d in problems) or f"{path}: not a readable PDF")
        return text.split("\n"), list(evidence)

    try:
        for row in inspect_file(Path(args.file), as_json=args.json, read=read):
            print(row)
    except InspectError as exc:
        print(f"papersite inspect: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader stopped early (| head): not an error; as the Python docs advise
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="papersite", description="Eurasia Reader's pipeline")
    parser.add_argument("--root", default=".", help="project folder (holds mkdocs.yml and sources/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="also print notes (info)")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="generate the site's Markdown pages from sources/")
    build.add_argument("--strict", action="store_true", help="exit 1 on a warning or error that means the build is broken")
    build.set_defaults(func=cmd_build)
    check = commands.add_parser("check", help="check that every word of every source reaches its page")
    check.set_defaults(func=cmd_check)
    audit = commands.add_parser("audit", help="list unresolved citations, tolerant matches and uncited references")
    audit.set_defaults(func=cmd_audit)
    rules = commands.add_parser("rules", help="list every diagnostic rule (override one in mkdocs.yml: extra.papersite.rules)")
    rules.set_defaults(func=cmd_rules)
    search = commands.add_parser(
        "search-index", help="index the built site with Pagefind (search: pagefind; run after zensical build)"
    )
    search.add_argument("--site", help="the built site (default: site_dir of mkdocs.yml under --root)")
    search.set_defaults(func=cmd_search_index)
    inspect = commands.add_parser("inspect", help="print each line of a source with the structure models' zone and label")
    inspect.add_argument("file", help="a .txt source")
    inspect.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    inspect.set_defaults(func=cmd_inspect)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
