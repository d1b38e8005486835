"""Merging records of the same work, within a paper and across papers.

Two records are one work when their first authors' family names match
(folded to ASCII; spacing, hyphens and a letter or two may differ), their
years are equal, and their titles are nearly the same. Every merge and every
near-miss that was declined is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .records import BibRecord, KeyRegistry, ascii_fold

TITLE_SAME = 90
TITLE_NEAR = 70
NAME_SAME = 85


@dataclass
class MergedEntry:
    key: str
    entry_type: str
    fields: dict[str, str]
    members: list[BibRecord] = field(default_factory=list)

    def get(self, name: str) -> str:
        return self.fields.get(name, "")


@dataclass(frozen=True)
class MergeNote:
    kind: str  # "merged" or "declined"
    keys: tuple[str, str]
    reason: str


def _family(record: BibRecord) -> str:
    family = record.authors[0].family if record.authors else record.get("editor").split(",")[0]
    return re.sub(r"[^a-z]", "", ascii_fold(family).lower())


def _title(record: BibRecord) -> str:
    return re.sub(r"[^a-z0-9 ]", " ", ascii_fold(record.get("title")).lower())


def _year(record: BibRecord) -> str:
    return record.get("year")


def compare(a: BibRecord, b: BibRecord) -> tuple[str, str]:
    """("same" | "near" | "different", why) for two records."""
    if not a.get("title") or not b.get("title"):
        return "different", "no title"
    names = fuzz.ratio(_family(a), _family(b))
    titles = fuzz.token_sort_ratio(_title(a), _title(b))
    if names >= NAME_SAME and titles >= TITLE_SAME and _year(a) == _year(b) and _year(a):
        return "same", f"author {names:.0f}%, title {titles:.0f}%, same year"
    if titles >= TITLE_NEAR and (names >= NAME_SAME or titles >= TITLE_SAME):
        differs = "years differ" if _year(a) != _year(b) else f"title only {titles:.0f}% alike"
        return "near", f"author {names:.0f}%, title {titles:.0f}%; {differs}"
    return "different", ""


def merge_records(records: list[BibRecord]) -> tuple[list[MergedEntry], list[MergeNote]]:
    """Group records of the same work; keys stay those of the first record seen.

    A record is compared only with entries of the same year or whose first
    author's name starts alike, so merging stays fast on long lists.
    """
    entries: list[MergedEntry] = []
    notes: list[MergeNote] = []
    registry = KeyRegistry()
    by_year: dict[str, list[MergedEntry]] = {}
    by_name: dict[str, list[MergedEntry]] = {}
    for record in records:
        home = None
        seen: set[int] = set()
        candidates = by_year.get(_year(record), []) + by_name.get(_family(record)[:3], [])
        for entry in candidates:
            if id(entry) in seen:
                continue
            seen.add(id(entry))
            verdict, why = compare(entry.members[0], record)
            if verdict == "same":
                home = entry
                notes.append(MergeNote("merged", (entry.key, record.key), why))
                break
            if verdict == "near":
                notes.append(MergeNote("declined", (entry.key, record.key), why))
        if home is None:
            entry = MergedEntry(registry.claim(record.key), record.entry_type, dict(record.fields), [record])
            entries.append(entry)
            by_year.setdefault(_year(record), []).append(entry)
            by_name.setdefault(_family(record)[:3], []).append(entry)
            continue
        home.members.append(record)
        for name, value in record.fields:
            if name not in home.fields:
                home.fields[name] = value
    return entries, notes
