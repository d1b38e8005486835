"""The bibliography stage: every paper's reference list -> per-paper and merged BibTeX, formatted."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Diagnostic, Paper
from ..refparse import parse_references
from ..refparse.parser import parse_references_cached, prefill_cache
from .bibtex_io import fields_hash, hand_edits, read_bibtex, write_bibtex
from .csl import format_bibliography
from .merge import MergedEntry, MergeNote, merge_records
from .records import BibRecord, KeyRegistry, declared_record, make_record

RAW_FIELD = "raw"
SOURCES_FIELD = "papersite-sources"


@dataclass
class Bibliography:
    records: dict[str, list[BibRecord]] = field(default_factory=dict)
    entries: list[MergedEntry] = field(default_factory=list)
    notes: list[MergeNote] = field(default_factory=list)
    #: key -> formatted HTML, in the style's order.
    formatted: dict[str, str] = field(default_factory=dict)
    #: (paper id, reference id) -> merged key
    keys: dict[tuple[str, str], str] = field(default_factory=dict)
    #: path under the project root (bib/...) -> BibTeX text
    files: dict[str, str] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Cache keys of the formatted entries in use (the rest can be dropped).
    digests: set[str] = field(default_factory=set)
    #: Cache keys of the parsed reference strings in use.
    parse_keys: set[str] = field(default_factory=set)
    _by_key: dict[str, MergedEntry] = field(default_factory=dict, repr=False, compare=False)

    def entry(self, key: str) -> MergedEntry | None:
        # Indexed on first use and whenever the entries changed (entries are set once per build).
        if len(self._by_key) != len(self.entries):
            self._by_key = {e.key: e for e in self.entries}
        return self._by_key.get(key)


def _paper_records(
    paper: Paper, existing: str | None, parses: dict[str, dict[str, Any]] | None = None, used: set[str] | None = None
) -> tuple[list[BibRecord], dict[str, str], list[Diagnostic]]:
    diagnostics: list[Diagnostic] = []
    numbered = any(r.number for r in paper.references)
    raws = [r.raw for r in paper.references if not r.declared]
    if parses is None:
        parsed_raws = parse_references(raws, numbered_list=numbered)
    else:
        parsed_raws = parse_references_cached(raws, parses, used if used is not None else set(), numbered_list=numbered)
    undeclared = iter(parsed_raws)
    registry = KeyRegistry()
    edits = hand_edits(existing)
    records: list[BibRecord] = []
    kept_hash: dict[str, str] = {}
    for reference in paper.references:
        result = None if reference.declared else next(undeclared)
        # A work the source's own bibliography structured is taken as declared: nothing to guess.
        record = declared_record(reference, paper.id) if result is None else make_record(result, reference, paper.id)
        record = replace(record, key=registry.claim(record.key))
        if result is not None and record.entry_type == "misc" and not result.title:
            diagnostics.append(
                Diagnostic("warning", "reference-unstructured", "reference could not be structured; kept as a misc record with its text", reference.span)
            )
        if record.key in edits:
            entry_type, fields, stored = edits[record.key]
            fields.pop(RAW_FIELD, None)
            record = replace(record, entry_type=entry_type, fields=tuple(fields.items()), corrected=True)
            kept_hash[record.key] = stored
        records.append(record)
    return records, kept_hash, diagnostics


def _apply_corrections(entries: list[MergedEntry], corrections: str | None) -> list[Diagnostic]:
    if not corrections:
        return []
    diagnostics = []
    by_member = {m.key: e for e in entries for m in e.members}
    by_key = {e.key: e for e in entries}
    for key, (entry_type, fields) in read_bibtex(corrections).items():
        entry = by_key.get(key) or by_member.get(key)
        if entry is None:
            diagnostics.append(Diagnostic("warning", "bib-correction-unused", f"correction for {key!r} matches no entry"))
            continue
        entry.entry_type = entry_type or entry.entry_type
        for name, value in fields.items():
            if value.strip():
                entry.fields[name] = value
            else:
                entry.fields.pop(name, None)  # an empty field in a correction removes it
    return diagnostics


def build_bibliography(
    papers: list[Paper],
    existing: dict[str, str | None],
    corrections: str | None,
    style: str = "apa",
    cache: dict[str, str] | None = None,
    parses: dict[str, dict[str, Any]] | None = None,
) -> Bibliography:
    """Structure, merge, correct and format every paper's references (no file access).

    ``cache`` keeps formatted entries and ``parses`` parsed reference strings
    between builds (both are added to; the keys in use are in ``digests`` and
    ``parse_keys``)."""
    result = Bibliography()
    hashes: dict[str, dict[str, str]] = {}
    if parses is not None:  # many new strings are parsed in parallel first
        prefill_cache([([r.raw for r in p.references], any(r.number for r in p.references)) for p in papers], parses)
    for paper in papers:
        records, kept, diagnostics = _paper_records(paper, existing.get(paper.id), parses, result.parse_keys)
        result.records[paper.id] = records
        hashes[paper.id] = kept
        result.diagnostics.extend(diagnostics)
    everything = [record for paper in papers for record in result.records[paper.id]]
    result.entries, result.notes = merge_records(everything)
    result.diagnostics.extend(_apply_corrections(result.entries, corrections))
    for entry in result.entries:
        for member in entry.members:
            result.keys[(member.paper_id, member.reference_id)] = entry.key
    result.formatted = format_bibliography(result.entries, style, cache, result.digests)
    for paper in papers:
        rows = []
        for record in result.records[paper.id]:
            fields = [*record.fields, (RAW_FIELD, record.raw)]
            rows.append((record.entry_type, record.key, fields, hashes[paper.id].get(record.key)))
        header = f"% {paper.id}: its reference list as structured records, written by papersite.\n% Edit a field here (or in bib/corrections.bib) and later builds keep the edit."
        result.files[f"bib/{paper.id}.bib"] = write_bibtex(rows, header)
    merged_rows = []
    for entry in sorted(result.entries, key=lambda e: e.key):
        sources = ", ".join(f"{m.paper_id}:{m.reference_id}" for m in entry.members)
        fields = [(k, v) for k, v in entry.fields.items()] + [(SOURCES_FIELD, sources)]
        merged_rows.append((entry.entry_type, entry.key, fields, None))
    result.files["bib/merged.bib"] = write_bibtex(
        merged_rows, "% The merged bibliography of all papers, one entry per work, written by papersite.\n% Correct entries in bib/corrections.bib, not here."
    )
    for note in result.notes:
        if note.kind == "declined":
            result.diagnostics.append(Diagnostic("info", "bib-merge-declined", f"{note.keys[0]} and {note.keys[1]} look alike but were kept apart: {note.reason}"))
    return result


__all__ = ["Bibliography", "build_bibliography", "fields_hash"]
