"""Merging records of the same work, within a paper and across papers.

Two records are one work when their first authors' family names match
(folded to ASCII; spacing, hyphens and a letter or two may differ), their
years are equal, and their titles are nearly the same. Every merge and every
near-miss that was declined is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

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


@dataclass(frozen=True)
class _Facts:
    """What comparing needs of a record, folded once."""

    family: str
    title: str
    year: str
    titled: bool

    @staticmethod
    def of(record: BibRecord) -> _Facts:
        return _Facts(_family(record), _title(record), _year(record), bool(record.get("title")))


def compare(a: _Facts, b: _Facts) -> tuple[str, str, float]:
    """("same" | "near" | "different", why, how alike: the sum of the name and title similarities) for two records."""
    if not a.titled or not b.titled:
        return "different", "no title", 0.0
    names = fuzz.ratio(a.family, b.family)
    titles = fuzz.token_sort_ratio(a.title, b.title)
    if names >= NAME_SAME and titles >= TITLE_SAME and a.year == b.year and a.year:
        return "same", f"author {names:.0f}%, title {titles:.0f}%, same year", names + titles
    if titles >= TITLE_NEAR and (names >= NAME_SAME or titles >= TITLE_SAME):
        differs = "years differ" if a.year != b.year else f"title only {titles:.0f}% alike"
        return "near", f"author {names:.0f}%, title {titles:.0f}%; {differs}", names + titles
    return "different", "", names + titles


def _title_key(title: str) -> str:
    """A title's words, sorted: equal for titles that differ only in order, case or punctuation."""
    return " ".join(sorted(title.split()))


def _similar_families(families: list[str]) -> dict[str, list[str]]:
    """Each family name -> the names (itself included) at least NAME_SAME % alike.

    Computed once over the distinct names, in C (rapidfuzz), so merging does
    not compare every record with every other."""
    return {
        family: [match for match, _, _ in process.extract(family, families, scorer=fuzz.ratio, score_cutoff=NAME_SAME, limit=None)]
        for family in families
    }


#: Entries of the same title under another name compared with each record:
#: enough to report a near-miss, bounded on lists where a title recurs often.
TITLE_MATES = 8


def merge_records(records: list[BibRecord]) -> tuple[list[MergedEntry], list[MergeNote]]:
    """Group records of the same work; keys stay those of the first record seen.

    A work is the same only when its first authors' names are alike, so a
    record is compared only with entries whose first author's name is at least
    NAME_SAME % alike, and (for near-misses to report) with the first few
    entries of the same title under another name. Candidates are taken in the
    order the entries were made, so the result does not depend on how they were
    found. Of the near-misses declined for a record, the closest is reported.
    """
    entries: list[MergedEntry] = []
    notes: list[MergeNote] = []
    registry = KeyRegistry()
    facts = [_Facts.of(record) for record in records]
    similar = _similar_families(sorted({fact.family for fact in facts}))
    by_family: dict[str, list[int]] = {}
    by_title: dict[str, list[int]] = {}
    first_facts: list[_Facts] = []  # of each entry's first member
    for record, fact in zip(records, facts):
        family, title = fact.family, _title_key(fact.title)
        found = {i for name in similar[family] for i in by_family.get(name, ())}
        found.update(by_title.get(title, ())[:TITLE_MATES] if title else ())
        home = None
        closest: tuple[float, MergeNote] | None = None
        for position in sorted(found):
            entry = entries[position]
            verdict, why, alike = compare(first_facts[position], fact)
            if verdict == "same":
                home = entry
                notes.append(MergeNote("merged", (entry.key, record.key), why))
                break
            if verdict == "near" and (closest is None or alike > closest[0]):
                closest = (alike, MergeNote("declined", (entry.key, record.key), why))
        if home is None and closest is not None:
            notes.append(closest[1])
        if home is None:
            entry = MergedEntry(registry.claim(record.key), record.entry_type, dict(record.fields), [record])
            by_family.setdefault(family, []).append(len(entries))
            if title:
                by_title.setdefault(title, []).append(len(entries))
            entries.append(entry)
            first_facts.append(fact)
            continue
        home.members.append(record)
        for name, value in record.fields:
            if name not in home.fields:
                home.fields[name] = value
    return entries, notes
