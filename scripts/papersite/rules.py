"""Every diagnostic rule, declared once: its id, default severity, effect and meaning.

Stages make :class:`~papersite.model.Diagnostic` values with a plain rule id
(a string literal at the call site); ``tests/test_rules.py`` fails on any id
used in the code and missing here. The severity a reader sees is decided at
the edge by :func:`resolve`: this registry's default, or the user's override
from ``extra.papersite.rules`` in mkdocs.yml (``ignore``, ``info``, ``warning``
or ``error``). The README's rule table is :func:`rules_table` (tested equal).

A rule's *effect* says what it means for the build:

- ``stop``: publishing would lose or misplace text; nothing is written, and no
  override can change that (``papersite build`` exits 1, MkDocs fails).
- ``build``: the project's own configuration or hand-written data is wrong,
  or the pipeline itself failed: a warning or error fails ``--strict``.
- ``audit``: a finding about a paper's text (what was received, as received).
  Reported, and shown on the pages, but never fails a build, whatever paper
  is added; a user may promote one to ``error`` to make it fail ``--strict``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal, Mapping

from .model import Diagnostic, Severity

Effect = Literal["stop", "build", "audit"]
#: What a user may set a rule to in ``extra.papersite.rules``.
Override = Literal["ignore", "info", "warning", "error"]
OVERRIDES: tuple[str, ...] = ("ignore", "info", "warning", "error")


@dataclass(frozen=True)
class Rule:
    """One diagnostic rule."""

    id: str
    #: The severity shown unless the user overrides it.
    severity: Severity
    effect: Effect
    #: One line for the README's table: what happened and what the build did.
    doc: str


_RULES: tuple[Rule, ...] = (
    # Sources as received
    Rule("sources-missing", "warning", "build", "the project has no `sources/` folder"),
    Rule("source-binary", "error", "audit", "the file holds NUL bytes; skipped"),
    Rule("source-encoding", "warning", "audit", "not UTF-8; read as Windows-1252"),
    Rule("source-bom", "info", "audit", "a UTF-8 byte-order mark was dropped"),
    Rule("source-unreadable", "error", "audit", "the file could not be read"),
    Rule("source-private-characters", "warning", "audit", "private-use characters U+E000/U+E001 replaced by U+FFFD"),
    Rule("parser-failed", "error", "build", "the parser failed on a paper; it is shown as plain paragraphs"),
    # PDF sources (papersite.pdf)
    Rule("pdf-encrypted", "error", "audit", "the PDF needs a password (or an unknown security handler); skipped"),
    Rule("pdf-damaged", "error", "audit", "the file is not a PDF or too damaged to parse; skipped"),
    Rule("pdf-no-pages", "error", "audit", "the PDF has no pages; skipped"),
    Rule("pdf-too-large", "error", "audit", "the PDF is over the size or page limit; skipped"),
    Rule("pdf-needs-ocr", "error", "audit", "the PDF's pages are images with no text layer (a scan): run OCR first; skipped (a warning when only some pages are)"),
    Rule("pdf-no-text", "error", "audit", "the PDF has no text and no images; skipped"),
    Rule("pdf-figure-text", "info", "audit", "text drawn inside a figure (a plot's labels) was left out of the running text"),
    Rule("pdf-rotated-text", "info", "audit", "text set sideways (a margin stamp, a turned table) was left out of the running text"),
    Rule("pdf-metadata-disagrees", "warning", "audit", "the PDF's own metadata (document info, XMP, DOI on page 1) disagrees with the page; the page's is used"),
    # Parsing
    Rule("paper-empty", "warning", "audit", "the paper has no text"),
    Rule("paper-id-taken", "warning", "audit", "two files would get the same page name; the second gets `-2`"),
    Rule("paper-no-abstract", "info", "audit", "no abstract found"),
    Rule("paper-no-references", "info", "audit", "no reference list found"),
    Rule("reference-no-year", "warning", "audit", "a reference has no year; kept as printed"),
    Rule("reference-number-inferred", "info", "audit", "a numbered list's entry had no number; taken from its position"),
    Rule("layout-removed", "info", "audit", "running heads or page numbers removed from the text"),
    Rule("layout-rebuilt", "info", "audit", "one line per printed line: paragraphs rebuilt over pages, footnotes collected"),
    Rule("heading-override-unused", "warning", "build", "a metadata heading override matches no line"),
    # Markdown sources
    Rule("markdown-front-matter-invalid", "error", "audit", "the front matter is not valid YAML; kept as text"),
    Rule("markdown-front-matter-unclosed", "warning", "audit", "the front matter has no closing `---`"),
    Rule("markdown-front-matter-not-mapping", "warning", "audit", "the front matter is not a mapping of keys to values"),
    Rule("markdown-front-matter-value", "warning", "audit", "a front-matter value has the wrong shape; ignored"),
    Rule("markdown-note-undefined", "warning", "audit", "a note reference has no note; kept as text"),
    Rule("markdown-note-unused", "warning", "audit", "a note is never referred to; shown with the notes"),
    Rule("markdown-note-duplicate", "warning", "audit", "a note label is defined again; the second definition is kept as text"),
    Rule("markdown-note-empty", "warning", "audit", "a note has no text"),
    Rule("markdown-note-marker", "info", "audit", "a note label longer than 12 characters is shown as a number"),
    Rule("markdown-bibliography-missing", "warning", "audit", "a BibTeX file the front matter names is not beside the paper; its citations stay unresolved"),
    Rule("markdown-bibliography-invalid", "warning", "audit", "a block of the paper's BibTeX file could not be read; skipped"),
    Rule("markdown-template-tag", "warning", "audit", "a template tag (Liquid, Jinja) could not be understood; shown as text"),
    Rule("markdown-template-removed", "info", "audit", "a template tag that prints nothing was dropped"),
    Rule("markdown-html-script", "warning", "audit", "a `<script>` or `<style>` element: its content is shown as text, never run"),
    Rule("markdown-html-comment", "info", "audit", "an HTML comment was dropped"),
    Rule("markdown-html-unclosed", "warning", "audit", "an HTML element is never closed"),
    Rule("markdown-unsafe-url", "warning", "audit", "a link's URL has an unsafe scheme; shown as text"),
    Rule("markdown-fence-unclosed", "warning", "audit", "a code fence is never closed"),
    Rule("markdown-link-definition-unused", "info", "audit", "a link reference definition is never used"),
    Rule("markdown-markup-removed", "info", "audit", "a markup-only line (e.g. kramdown attributes) was removed"),
    Rule("markdown-title-heading", "info", "audit", "a top-level heading opening the text was taken as the title"),
    Rule("markdown-private-use", "warning", "audit", "private-use characters replaced by U+FFFD"),
    # Hand-written data files
    Rule("yaml-invalid", "error", "build", "a YAML file cannot be read; it is ignored"),
    Rule("metadata-invalid", "warning", "build", "a value in a paper's metadata file is invalid; ignored"),
    Rule("metadata-unknown-key", "warning", "build", "an unknown key in a paper's metadata file; ignored"),
    Rule("glossary-invalid", "warning", "build", "an entry of `sources/glossary.yml` is invalid; skipped"),
    Rule("glossary-missing-field", "warning", "build", "a glossary entry lacks a required field; skipped"),
    Rule("glossary-duplicate-id", "warning", "build", "two glossary entries share an id; the second is skipped"),
    Rule("glossary-unknown-key", "warning", "build", "an unknown key in a glossary entry; ignored"),
    Rule("glossary-unknown-related", "warning", "build", "a term's `related` names an unknown term"),
    Rule("glossary-term-unused", "warning", "build", "a glossary term matches no paragraph of any paper"),
    Rule("glossary-defined-in-unknown", "warning", "build", "a term's `defined_in` names a section that does not exist"),
    Rule("annotation-invalid", "error", "build", "an entry of `sources/annotations/` is invalid; skipped"),
    Rule("arguments-invalid", "warning", "build", "an entry of `sources/arguments.yml` is invalid; skipped"),
    Rule("crosslinks-invalid", "warning", "build", "an entry of `sources/crosslinks.yml` is invalid; skipped"),
    Rule("crosslinks-unknown", "warning", "build", "a cross-link names a paragraph that does not exist; skipped"),
    Rule("claim-id-taken", "warning", "build", "a claim's id is already an id on the page"),
    Rule("anchors-invalid", "error", "build", "an anchor ledger cannot be read; ids start afresh"),
    Rule("anchor-retired", "info", "audit", "a paragraph is gone; its id now leads to a neighbour"),
    Rule("settings-invalid", "warning", "build", "an unknown or invalid `extra.papersite` setting in mkdocs.yml; default used"),
    Rule(
        "search-plugin-mismatch", "warning", "build",
        "`extra.papersite.search` and the `search` plugin of mkdocs.yml disagree",
    ),
    # Bibliography and citations
    Rule("reference-unstructured", "warning", "audit", "a reference could not be structured; kept as a `misc` record with its text"),
    Rule("bib-correction-unused", "warning", "build", "an entry of `bib/corrections.bib` matches no entry"),
    Rule("bib-merge-declined", "info", "audit", "two references look alike but were kept apart"),
    Rule("citation-unresolved", "warning", "audit", "a citation matches no entry of the reference list"),
    Rule("citation-tolerant", "info", "audit", "a citation was linked on evidence short of an exact match (spelling, transliteration, a quoted title), with its score"),
    Rule("reference-uncited", "warning", "audit", "a reference is never cited in the text"),
    # Nothing lost
    Rule("structure-title-suspect", "warning", "audit", "the title reads as a keywords line, a journal line, a person's name, a paragraph, or ends mid-phrase (doctor)"),
    Rule("structure-authors-missing", "warning", "audit", "no author was found (doctor)"),
    Rule("structure-too-many-headings", "warning", "audit", "more headings than the text can carry (over one per 120 words, and over 30) (doctor)"),
    Rule("structure-heading-symbols", "warning", "audit", "a heading made mostly of digits and symbols, or holding maths or code (doctor)"),
    Rule("structure-long-paragraph", "warning", "audit", "a paragraph of over 1,000 words (doctor)"),
    Rule("structure-references-missing", "warning", "audit", "a reference heading with no entries, or a list read as paragraphs or glued to the text (doctor)"),
    Rule("structure-references-unsplit", "warning", "audit", "a reference entry that holds several works (doctor)"),
    Rule("structure-running-head-left", "warning", "audit", "a line that tops or foots most pages is still in the text (doctor)"),
    Rule("structure-footnote-unmatched", "warning", "audit", "a footnote marker with no note, or a note with no marker in the text (doctor)"),
    Rule("text-lost", "error", "stop", "a passage of a source would not reach its page; nothing is written"),
    Rule("annotation-quote-unmatched", "error", "stop", "an annotation's quote is not in its paper (any more); nothing is written"),
    Rule("claim-quote-unmatched", "error", "stop", "a claim's quote is not in its paper (any more); nothing is written"),
)

#: The registry, by rule id (read-only).
RULES: Mapping[str, Rule] = MappingProxyType({rule.id: rule for rule in _RULES})


def rule_of(rule_id: str) -> Rule:
    """The declared rule; an undeclared id (a bug, caught by the tests) counts as a build warning."""
    return RULES.get(rule_id) or Rule(rule_id, "warning", "build", "(undeclared)")


def check_overrides(overrides: Mapping[str, str]) -> dict[str, str]:
    """Problems with ``extra.papersite.rules`` by rule id (unknown rule, bad value, a ``stop`` rule changed)."""
    problems = {}
    for rule_id, value in overrides.items():
        if rule_id not in RULES:
            problems[rule_id] = f"extra.papersite.rules: no rule {rule_id!r}; ignored (rules are listed in README, Diagnostics)"
        elif value not in OVERRIDES:
            problems[rule_id] = f"extra.papersite.rules.{rule_id} must be one of {', '.join(OVERRIDES)}; ignored"
        elif RULES[rule_id].effect == "stop":
            problems[rule_id] = f"extra.papersite.rules.{rule_id}: this rule keeps text from being lost and cannot be changed; ignored"
    return problems


def resolve(diagnostics: list[Diagnostic], overrides: Mapping[str, str]) -> list[Diagnostic]:
    """The diagnostics as shown: each with its rule's severity or the user's override, ignored ones dropped.

    Valid overrides only (see :func:`check_overrides`); ``stop`` rules keep theirs."""
    shown = []
    for diagnostic in diagnostics:
        rule = rule_of(diagnostic.rule)
        wanted = overrides.get(rule.id) if rule.effect != "stop" else None
        if wanted == "ignore":
            continue
        severity: Severity = wanted if wanted in ("info", "warning", "error") else rule.severity  # type: ignore[assignment]
        shown.append(diagnostic if diagnostic.severity == severity else replace(diagnostic, severity=severity))
    return shown


def stops_build(diagnostic: Diagnostic) -> bool:
    """Whether this problem keeps the build from writing anything."""
    return rule_of(diagnostic.rule).effect == "stop"


def fails_strict(diagnostic: Diagnostic, overrides: Mapping[str, str]) -> bool:
    """Whether this (resolved) problem fails a ``--strict`` build.

    Build rules at warning or error do; audit rules only when the user promoted them to error."""
    rule = rule_of(diagnostic.rule)
    if rule.effect == "audit":
        return overrides.get(rule.id) == "error"
    return diagnostic.severity in ("warning", "error")


def rules_table() -> str:
    """The README's rule table (Markdown), in registry order."""
    lines = ["| rule | severity | effect | meaning |", "| --- | --- | --- | --- |"]
    lines += [f"| `{r.id}` | {r.severity} | {r.effect} | {r.doc} |" for r in _RULES]
    return "\n".join(lines) + "\n"
