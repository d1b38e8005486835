"""Evidence that a citation means a work, combined into one score.

The year is a hard constraint: only works of the cited year are scored. For
each, the evidence is

- **names**: every cited name must be an author of the work, the first the
  first author. A name scores 100 when it is the family name (given names in
  front allowed, and two family names printed without "and", ``Niakouie
  Sotoudeh``, for a two-author work); else its rapidfuzz ratio; a name whose
  **transliteration key** (V/W, C/K/G/Q, vowels and doubled letters dropped:
  ``Vadilich`` and ``Waidelich`` are both ``vdlk``) equals the family's scores
  at least :data:`TRANSLITERATED` — weaker evidence than a spelling one letter
  off;
- **title**: when the text quotes a title beside a narrative citation, its
  word similarity to the work's title moves the score by up to
  :data:`TITLE_WEIGHT` points either way (a matching title supports the link,
  a different one speaks against it).

``score = name score + title adjustment``. A score of 100 with the names exact
is an exact link; a score of at least :data:`LINK` links *tolerantly* (the
audit lists it with this evidence); below that, nothing is linked, and the best
candidate of :data:`SUGGEST` or more is offered as a suggestion. When two works
score within :data:`MARGIN` of each other (and the citation's number of
authors does not tell them apart), the case is doubtful and nothing is linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .citation_index import CitationIndex, Work, fold, fold_words, transliteration_key

LINK = 85  # combined score that links; exact names alone score 100
SUGGEST = 70  # below this no suggestion is offered
TRANSLITERATED = 80  # a name equal to the family name under transliteration: alone not enough
TITLE_WEIGHT = 25  # the most a quoted title adds or takes away
MARGIN = 5  # two candidates this close are a doubtful case


def name_score(cited: str, family: str) -> tuple[float, str]:
    """(score, how) for a cited name against a family name; a given name in front is allowed."""
    words = cited.split()
    best, how = 0.0, ""
    for start in range(len(words)):
        tail = fold(" ".join(words[start:]))
        if not tail or not family:
            continue
        if tail == family:
            return 100.0, "exact"
        ratio = float(fuzz.ratio(tail, family))
        if ratio > best:
            best, how = ratio, f"spelt “{' '.join(words[start:])}” here, “{family}” in the reference list"
        if ratio >= TRANSLITERATED or TRANSLITERATED <= best:
            continue  # a transliteration could add nothing
        key = transliteration_key(tail)
        if len(key) >= 3 and key == transliteration_key(family):
            best, how = TRANSLITERATED, f"“{' '.join(words[start:])}” and “{family}” are one name transliterated"
    return best, how


def title_similarity(quoted: str, title: str) -> float:
    """0..1: how alike a quoted title is to a work's title, word by word."""
    a, b = fold_words(quoted), fold_words(title)
    if not a or not b:
        return 0.0
    return max(fuzz.token_sort_ratio(a, b), fuzz.ratio(a, b)) / 100


def title_adjustment(similarity: float) -> float:
    """Points a quoted title adds (similar) or takes away (different): linear, 0 at 0.5."""
    return max(-TITLE_WEIGHT, min(TITLE_WEIGHT, (similarity - 0.5) * 2 * TITLE_WEIGHT))


@dataclass(frozen=True)
class Scored:
    score: float
    tie: float
    work: Work
    exact: bool
    evidence: str


def _names_evidence(names: list[str], work: Work) -> tuple[float, bool, str]:
    """(score, exact, why) of the cited names against the work's authors."""
    if not names:
        return 0.0, False, ""
    if len(names) == 1 and len(work.families) >= 2:
        # "Niakouie Sotoudeh": two family names printed without "and".
        words = [fold(w) for w in names[0].split()]
        if len(words) >= 2 and words == list(work.families[: len(words)]):
            return 100.0, True, ""
    first, how = name_score(names[0], work.families[0])
    scores = [(first, how)]
    # Every further name cited must be a further author of the work: a
    # citation of "Koolaei and Tisheh Yar" is not Koolaei's single-author book.
    for name in names[1:]:
        scores.append(max((name_score(name, f) for f in work.families[1:]), default=(0.0, "")))
    score, why = min(scores, key=lambda item: item[0])
    whys = [w for s, w in scores if s < 100 and w]
    return score, all(s == 100 for s, _ in scores), "; ".join(whys) or why


def agrees_in_number(names: list[str], work: Work, et_al: bool) -> bool:
    """The citation names as many authors as the work has ("et al.": two or more)."""
    return len(work.families) >= 2 if et_al else len(work.families) == max(len(names), 1)


def score_works(works: list[Work], names: list[str], paper_id: str, et_al: bool, title: str = "") -> list[Scored]:
    """Every work scored against the citation, best first."""
    out = []
    for work in works:
        score, exact, why = _names_evidence(names, work)
        own = 1 if paper_id in work.paper_ids else 0
        # "Butts (2007)" is the single-author work, "Butts et al. (2007)" the other.
        tie = own + (0.5 if agrees_in_number(names, work, et_al) else 0.0)
        if title and work.title:
            similarity = title_similarity(title, work.title)
            if exact:  # names and year agree: the title only tells equals apart
                tie += similarity / 4
            else:
                adjust = title_adjustment(similarity)
                score += adjust
                why = f"{why}; the quoted title is {similarity:.0%} like the entry's ({adjust:+.0f})"
        out.append(Scored(100.0 if exact else min(score, 99.0), tie, work, exact, why))
    return sorted(out, key=lambda s: (-s.score, -s.tie, s.work.key))


def same_year_candidates(names: list[str], year: str, index: CitationIndex) -> list[Work]:
    """The works of the cited year whose first author's name could score high
    enough to count. Scoring every work of the year for every citation would
    grow with their product."""
    same_year = index.by_year.get(year[:4], [])
    if not names:
        return same_year
    words = names[0].split()
    tails = {fold(" ".join(words[start:])) for start in range(len(words))} - {""}
    keys = {transliteration_key(t) for t in tails}
    alike = {
        family
        for tail in tails
        for family, _, _ in process.extract(tail, index.year_families.get(year[:4], []), scorer=fuzz.ratio, score_cutoff=SUGGEST - 10, limit=None)
    }
    by_key = index.year_keys.get(year[:4], {})
    alike.update(family for key in keys for family in by_key.get(key, ()))
    # "Niakouie Sotoudeh": the first word alone is the first author.
    if fold(words[0]) in index.by_family:
        alike.add(fold(words[0]))
    return [work for work in same_year if (work.families[0] if work.families else "") in alike]


def nearby_candidates(names: list[str], index: CitationIndex) -> list[Work]:
    """Works of any year whose first author's name is close to the cited one, for a suggestion."""
    words = names[0].split() if names else []
    if not words:
        return []
    close = process.extract(fold(words[-1]), index.families, scorer=fuzz.ratio, score_cutoff=SUGGEST - 10, limit=8)
    return [work for family, _, _ in close for work in index.by_family[family]]


def resolve_by_title(before: str, year: str, index: CitationIndex) -> str:
    """The work of ``year`` whose title ends the text just before a bare ``(year)``."""
    tail = fold(before[-160:])
    for work in index.by_year.get(year[:4], []):
        title = fold(work.title)
        if len(title) >= 12:
            head = title[: max(12, len(title) // 2)]
            if head in tail or (len(tail) >= len(head) and fuzz.partial_ratio(head, tail) >= 92):
                return work.key
    return ""


def norm_year(year: str) -> str:
    """A year as the index keys it: "2001a", "nd" (n.d.), "inpress"."""
    return re.sub(r"[^0-9a-z]", "", year.lower())


def resolve(names: list[str], year: str, paper_id: str, index: CitationIndex, et_al: bool = False, title: str = "") -> tuple[str, str, str, str]:
    """(key, status, note, suggestion) for an author–year citation.

    Only works of the cited year can be linked; works of other years by a
    close name are looked up (across the whole index) only to suggest one."""
    year = norm_year(year)
    scored = score_works(same_year_candidates(names, year, index), names, paper_id, et_al, title)
    same_year = [s for s in scored if s.work.year == year]
    if not same_year and re.fullmatch(r"\d{4}[a-z]", year):
        # "2001b" where the list prints plain years: that author's second work
        # of 2001, counting in title order as author–date styles letter them.
        ours = sorted((s for s in scored if s.work.year == year[:4] and s.score >= LINK), key=lambda s: s.work.title)
        position = ord(year[4]) - ord("a")
        if len(ours) > position:
            return ours[position].work.key, "tolerant", f"year {year} read as the {year[4]} work of {year[:4]} by this author", ""
    if same_year and same_year[0].score >= LINK:
        best = same_year[0]
        rivals = [s for s in same_year[1:] if s.score >= max(SUGGEST, best.score - MARGIN) and s.tie >= best.tie]
        if rivals:
            return "", "unresolved", f"several entries match equally: {best.work.key}, {rivals[0].work.key}", best.work.key
        if best.exact:
            return best.work.key, "linked", "", ""
        return best.work.key, "tolerant", f"score {best.score:.0f} (links at {LINK}): {best.evidence}", ""
    return _unresolved(names, year, paper_id, index, et_al, scored)


def _unresolved(names: list[str], year: str, paper_id: str, index: CitationIndex, et_al: bool, scored: list[Scored]) -> tuple[str, str, str, str]:
    seen = {s.work.key for s in scored}
    nearby = [work for work in nearby_candidates(names, index) if not (work.key in seen or seen.add(work.key))]  # type: ignore[func-returns-value]
    scored = sorted(scored + score_works(nearby, names, paper_id, et_al), key=lambda s: (-s.score, -s.tie, s.work.key))
    if scored and scored[0].score >= SUGGEST:
        candidate = scored[0].work
        why = f"the closest entry, {candidate.key}, is from {candidate.year}" if candidate.year != year else f"the closest entry scores {scored[0].score:.0f}, below {LINK}"
        return "", "unresolved", f"no entry for {' & '.join(names)} {year}; {why}", candidate.key
    return "", "unresolved", f"no entry for {' & '.join(names) or '?'} {year} in the reference list", ""
