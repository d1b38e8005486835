"""The anchor ledger: ids that never break, kept in ``sources/anchors/<paper>.json``.

The parser names a paragraph by its section and position (``background-p3``).
The ledger remembers every id a paper has published and the words it named.
On each build, paragraphs are matched to the ledger by their words (exactly,
else closely, so a fixed typo keeps the id); a matched paragraph keeps its
recorded id whatever its position now, a new paragraph gets a fresh id that
was never used before, and the id of a deleted paragraph stays as an alias on
its nearest surviving neighbour. So a saved link always leads to the passage
it was made for, or as close to it as the text still allows.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from ..model import Diagnostic, Paper, Paragraph, SourceSpan, plain_text

#: How similar (0-100) a paragraph's words must be to a recorded one to keep its id.
MATCH_THRESHOLD = 80
FINGERPRINT_CHARS = 400


@dataclass(frozen=True)
class LedgerEntry:
    id: str
    #: The start of the paragraph's words, normalised (empty for retired ids).
    text: str = ""
    #: For a retired id: the id it now leads to.
    alias_of: str = ""


def fingerprint(paragraph: Paragraph) -> str:
    return re.sub(r"\W+", " ", plain_text(paragraph.inlines).lower()).strip()[:FINGERPRINT_CHARS]


def read_ledger(text: str | None) -> list[LedgerEntry]:
    if not text:
        return []
    data = json.loads(text)
    return [LedgerEntry(e["id"], e.get("text", ""), e.get("alias_of", "")) for e in data.get("paragraphs", [])]


def write_ledger(entries: list[LedgerEntry]) -> str:
    rows = [{k: v for k, v in (("id", e.id), ("text", e.text), ("alias_of", e.alias_of)) if v} for e in entries]
    return json.dumps({"version": 1, "paragraphs": rows}, ensure_ascii=False, indent=1) + "\n"


def _next_free(prefix: str, taken: set[str]) -> str:
    number = 1
    while f"{prefix}-p{number}" in taken:
        number += 1
    return f"{prefix}-p{number}"


def apply_ledger(paper: Paper, ledger: list[LedgerEntry]) -> tuple[Paper, list[LedgerEntry], list[Diagnostic]]:
    """Give ``paper`` its recorded ids and aliases; return the updated ledger."""
    if not ledger:
        entries = [LedgerEntry(p.id, fingerprint(p)) for p in paper.all_paragraphs()]
        return paper, entries, []
    paragraphs = paper.all_paragraphs()
    live = [e for e in ledger if not e.alias_of]
    retired = [e for e in ledger if e.alias_of]
    prints = [fingerprint(p) for p in paragraphs]
    assigned, unmatched = _match(live, prints)
    taken = {e.id for e in ledger} | set(assigned.values())
    ids: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index in assigned:
            ids.append(assigned[index])
            continue
        wanted = paragraph.id if paragraph.id not in taken else _next_free(paragraph.id.rsplit("-p", 1)[0], taken)
        taken.add(wanted)
        ids.append(wanted)
    new_retired = _retire(live, unmatched, set(assigned.values()))
    current = set(ids)
    aliases = _aliases(retired + new_retired, current)
    renamed = dict(zip((p.id for p in paragraphs), ids))
    paper = _rename(paper, renamed, aliases)
    entries = [LedgerEntry(i, prints[n]) for n, i in enumerate(ids)]
    entries += [e for e in retired + new_retired if e.id not in current]
    diagnostics = [
        Diagnostic("info", "anchor-retired", f"paragraph {e.id!r} is gone; its links now lead to {e.alias_of!r}", SourceSpan(paper.source_path, 1))
        for e in new_retired
    ]
    return paper, entries, diagnostics


def _match(live: list[LedgerEntry], prints: list[str]) -> tuple[dict[int, str], list[LedgerEntry]]:
    """Paragraph index -> recorded id (same text first, then the most similar), and the entries left unmatched."""
    assigned: dict[int, str] = {}
    used: set[str] = set()
    by_text: dict[str, list[LedgerEntry]] = {}
    for entry in live:
        by_text.setdefault(entry.text, []).append(entry)
    for index, text in enumerate(prints):
        for entry in by_text.get(text, []):
            if entry.id not in used:
                assigned[index] = entry.id
                used.add(entry.id)
                break
    unmatched = [e for e in live if e.id not in used]
    for index, text in enumerate(prints):
        if index in assigned or not unmatched:
            continue
        best = max(unmatched, key=lambda e: fuzz.ratio(e.text, text))
        if fuzz.ratio(best.text, text) >= MATCH_THRESHOLD:
            assigned[index] = best.id
            used.add(best.id)
            unmatched.remove(best)
    return assigned, unmatched


def _retire(live: list[LedgerEntry], unmatched: list[LedgerEntry], survivors: set[str]) -> list[LedgerEntry]:
    """Retired ids (deleted paragraphs) lead to their nearest surviving neighbour (the next one, else the previous)."""
    order = [e.id for e in live]
    new_retired: list[LedgerEntry] = []
    for entry in unmatched:
        position = order.index(entry.id)
        following = [i for i in order[position + 1 :] if i in survivors] or [i for i in reversed(order[:position]) if i in survivors]
        if following:
            new_retired.append(LedgerEntry(entry.id, alias_of=following[0]))
    return new_retired


def _aliases(retirements: list[LedgerEntry], current: set[str]) -> dict[str, list[str]]:
    """Current id -> the retired ids that now lead to it (following chains of retirements)."""
    aliases: dict[str, list[str]] = {}
    for entry in retirements:
        target = entry.alias_of
        seen = {entry.id}
        while target not in current and target not in seen:  # follow a chain of retirements
            seen.add(target)
            target = next((e.alias_of for e in retirements if e.id == target), target)
        if target in current and entry.id not in current:
            aliases.setdefault(target, []).append(entry.id)
    return aliases


def _rename(paper: Paper, renamed: dict[str, str], aliases: dict[str, list[str]]) -> Paper:
    def fix(paragraph: Paragraph) -> Paragraph:
        new_id = renamed.get(paragraph.id, paragraph.id)
        return replace(paragraph, id=new_id, aliases=paragraph.aliases + tuple(aliases.get(new_id, ())))

    return paper.map_paragraphs(fix)
