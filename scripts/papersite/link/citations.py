"""In-text citations: recognise them, resolve them to the merged bibliography, audit the rest.

Numbered citations (``[12]``, ``[3, 7]``, ``[3-5]``, ``[9, p. 25]``) are read
in papers whose reference list is numbered. Author–year citations are read in
the others: parenthetical (``(Walt, 1986, p. 116)``, several separated by
``;``, ``et al.``, ``and``, ``&``, a first name in front, ``Walt in Rabiei et
al., 2016``) and narrative (``Kagan (2003)``, ``Mousavizadeh et al. (2020)``,
and a bare ``(2015)`` after a name earlier in the sentence).

Other styles read the same way: surnames in capitals (``SMITH (2004,
pp.10-12)``, ``(see JONES & LEE 1998)``), ABNT's ``;`` between the authors of
one work as well as between works (``(CLARK; HOLQUIST, 2008, p.259)``), the
conjunctions of other languages (``Clark e Holquist (2008)``), names in other
scripts (``(Иванов, 2001)``), years with letters (``2001a``, resolved by the
order of that author's works of that year), a title followed by its year
(``Mikhaïl Bakhtin: an Aesthetic for Democracy (1999)``), and numbered
brackets with ``;`` or page locators (``[3; 5]``, ``[5, с. 10]``).

Resolution is exact first, then tolerant of spelling (spacing and hyphens in
surnames, a letter or two, a given name in front), with the year a hard
constraint. A doubtful match is never linked: it stays unresolved with the
candidate as a suggestion.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from ..bibliography.merge import MergedEntry
from ..model import CiteItem, CitationRef, Diagnostic, Inline, Paper, Paragraph, SourceSpan, Text

TOLERANT = 80  # % name similarity that still links, with the year equal
SUGGEST = 70  # % below which no suggestion is offered

_YEAR = r"(?:1[6-9]|20)\d\d[a-z]?"
#: Page-locator words: English p./pp., Russian с./С., German S., Portuguese/Spanish p./pág.
_PAGE_WORD = r"(?:pp?\.?|pág\.|[сСS]\.)"
_LOCATOR = r"(?:" + _PAGE_WORD + r"\s*)?\d+(?:\s*[-–]\s*\d+)?"
_NUMBER_OR_RANGE = r"\d{1,4}(?:\s*[-–]\s*\d{1,4})?"
_NUMBERED = re.compile(
    r"\[(" + _NUMBER_OR_RANGE + r"(?:\s*[,;]\s*(?:" + _NUMBER_OR_RANGE + r"|" + _PAGE_WORD + r"\s*\d+(?:\s*[-–]\s*\d+)?))*)\]"
)
_PAREN = re.compile(r"\(([^()]{4,300})\)")
_CAPITAL = "A-Z\u00C0-\u00DE\u0100-\u024F\u0400-\u042F\u0370-\u03FF"
_PART = re.compile(
    r"^\s*(?:see\s+(?:also\s+)?|cf\.\s+|e\.g\.,?\s+|vgl\.\s+|ср\.\s+)?(?P<names>[^\d]+?)\s*,?\s*(?P<year>" + _YEAR + r")"
    r"(?:\s*[,:]\s*(?P<locator>" + _LOCATOR + r"))?\s*$",
    re.IGNORECASE,
)
_NAME_WORD = r"[" + _CAPITAL + r"][\w'’\-]+"
#: "and" in the languages of the papers we expect.
_AND = r"(?:and|&|e|et|y|und|и)"
#: "et al." (and the "et all." typo), Russian "и др.", German "u. a.".
_ET_AL = r"(?:et\s+all?\.?|и\s+др\.?|u\.\s*a\.)"
_NARRATIVE = re.compile(
    r"(?P<names>" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,2}(?:,?\s+" + _ET_AL + r"|\s*(?:&|\s" + _AND + r"\s)\s*" + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?)?)"
    r"\s+\((?P<year>" + _YEAR + r"(?:\s*,\s*" + _YEAR + r")*)(?:\s*[,:]\s*(?P<locator>" + _LOCATOR + r"))?\)"
)
#: A name and a year inside other words in parentheses: "(e.g., sparseM Koenker
#: & Ng 2007)", "(See Butts & Carley 2005, for a discussion.)".
_EMBEDDED = re.compile(
    r"(?<![\w-])(?P<names>" + _NAME_WORD + r"(?:\s*(?:&|\s" + _AND + r"\s)\s*" + _NAME_WORD + r"|,?\s+" + _ET_AL + r")?),?\s+(?P<year>" + _YEAR + r")\b"
)
_BARE_YEAR = re.compile(r"\((?P<year>" + _YEAR + r")\)")


@dataclass(frozen=True)
class Work:
    """What resolution needs to know of a merged entry."""

    key: str
    families: tuple[str, ...]
    year: str
    paper_ids: frozenset[str]
    title: str = ""


@dataclass
class CitationIndex:
    works: list[Work]
    #: (paper id, printed reference number) -> key
    numbers: dict[tuple[str, str], str] = field(default_factory=dict)
    #: The works of each year ("1987", without letters): linking needs the year
    #: equal, so only these are scored closely.
    by_year: dict[str, list[Work]] = field(default_factory=dict, init=False)
    #: Each first author's family name -> the works it begins, for suggestions.
    by_family: dict[str, list[Work]] = field(default_factory=dict, init=False)
    #: The keys of ``by_family``, listed once for rapidfuzz.
    families: list[str] = field(default_factory=list, init=False)
    #: The first authors' family names of each year's works, listed once.
    year_families: dict[str, list[str]] = field(default_factory=dict, init=False)
    _numbered_counts: dict[str, int] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        for work in self.works:
            self.by_year.setdefault(work.year[:4], []).append(work)
            self.by_family.setdefault(work.families[0] if work.families else "", []).append(work)
        self.families = list(self.by_family)
        for year, works in self.by_year.items():
            self.year_families[year] = sorted({work.families[0] if work.families else "" for work in works})

    def numbered_count(self, paper_id: str) -> int:
        """How many numbered references ``paper_id`` has (counted once, after ``numbers`` is filled)."""
        if self._numbered_counts is None:
            self._numbered_counts = {}
            for paper, _ in self.numbers:
                self._numbered_counts[paper] = self._numbered_counts.get(paper, 0) + 1
        return self._numbered_counts.get(paper_id, 0)


def _fold(name: str) -> str:
    """Letters only, lower case, accents removed; any script (Cyrillic names stay Cyrillic)."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


def build_index(papers: list[Paper], entries: list[MergedEntry], keys: dict[tuple[str, str], str]) -> CitationIndex:
    works = []
    for entry in entries:
        people = entry.members[0].authors or ()
        families = tuple(_fold(p.family) for p in people if p.family) or (_fold(entry.get("author").split(",")[0]),)
        year = re.sub(r"[^0-9a-z]", "", entry.get("year").lower())
        works.append(Work(entry.key, families, year, frozenset(m.paper_id for m in entry.members), _fold(entry.get("title"))))
    index = CitationIndex(works)
    for paper in papers:
        for reference in paper.references:
            if reference.number and (paper.id, reference.id) in keys:
                index.numbers[(paper.id, reference.number)] = keys[(paper.id, reference.id)]
    return index


#: Words that date a work rather than name its author: "(February 2019)", "(Spring 2022)".
_DATE_WORDS = re.compile(
    r"^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|spring|summer|autumn|fall|winter)\.?(?:\s+\d{1,2})?,?$",
    re.IGNORECASE,
)


def _could_be_names(names: str) -> bool:
    """Not a place and publisher ("New York: Berghahn Books") nor a date ("July 2017")."""
    return ":" not in names and not _DATE_WORDS.match(names.strip())


def _has_et_al(names: str) -> bool:
    return bool(re.search(_ET_AL, names))


def _cited_names(names: str) -> tuple[list[str], str]:
    """Family names a citation gives, and the secondary source's own name ("Walt in ...")."""
    names = names.strip().strip(",")
    secondary = ""
    found = re.match(r"^(?P<first>.+?)\s+in\s+(?P<rest>.+)$", names)
    if found:
        secondary, names = found.group("first"), found.group("rest")
    names = re.sub(_ET_AL, "", names)
    parts = [p.strip() for p in re.split(r",|;|&|\s" + _AND + r"\s", names) if p.strip()]
    return parts, secondary


def _name_score(cited: str, family: str) -> float:
    """How alike a cited name is to a family name; a given name in front is allowed."""
    whole = _fold(cited)
    if not whole or not family:
        return 0.0
    best = float(fuzz.ratio(whole, family))
    words = cited.split()
    for start in range(1, len(words)):
        best = max(best, float(fuzz.ratio(_fold(" ".join(words[start:])), family)))
    return best


def _same_year_candidates(names: list[str], year: str, index: CitationIndex) -> list[Work]:
    """The works of the cited year whose first author's name could score high
    enough to link or be suggested. Scoring every work of the year for every
    citation would grow with their product."""
    same_year = index.by_year.get(year[:4], [])
    if not names:
        return same_year
    words = names[0].split()
    # _name_score allows given names in front: every tail of the cited name is tried.
    tails = {_fold(" ".join(words[start:])) for start in range(len(words))} - {""}
    floor = min(TOLERANT, SUGGEST)
    alike = {
        family
        for tail in tails
        for family, _, _ in process.extract(tail, index.year_families.get(year[:4], []), scorer=fuzz.ratio, score_cutoff=floor, limit=None)
    }
    return [work for work in same_year if (work.families[0] if work.families else "") in alike]


def _nearby_candidates(names: list[str], index: CitationIndex) -> list[Work]:
    """Works of any year whose first author's name is close to the cited one, for a suggestion."""
    words = names[0].split() if names else []
    if not words:
        return []
    close = process.extract(_fold(words[-1]), index.families, scorer=fuzz.ratio, score_cutoff=SUGGEST - 10, limit=8)
    return [work for family, _, _ in close for work in index.by_family[family]]


def _scored(works: list[Work], names: list[str], paper_id: str, et_al: bool) -> list[tuple[float, float, Work]]:
    """(name score, tie-break, work) for each work, best first."""
    scored = []
    for work in works:
        first = _name_score(names[0], work.families[0]) if names else 0.0
        # Every further name cited must be a further author of the work: a
        # citation of "Koolaei and Tisheh Yar" is not Koolaei's single-author book.
        others = [max((_name_score(n, f) for f in work.families[1:]), default=0.0) for n in names[1:]]
        score = min([first, *others])
        own = 1 if paper_id in work.paper_ids else 0
        # "Butts (2007)" is the single-author work, "Butts et al. (2007)" the other.
        agrees = len(work.families) >= 2 if et_al else len(work.families) == max(len(names), 1)
        scored.append((score, own + (0.5 if agrees else 0.0), work))
    return sorted(scored, key=lambda item: (-item[0], -item[1], item[2].key))


def resolve(names: list[str], year: str, paper_id: str, index: CitationIndex, et_al: bool = False) -> tuple[str, str, str, str]:
    """(key, status, note, suggestion) for an author–year citation.

    Only works of the cited year can be linked; works of other years by a
    close name are looked up (across the whole index) only to suggest one."""
    year = year.lower()
    scored = _scored(_same_year_candidates(names, year, index), names, paper_id, et_al)
    same_year = [item for item in scored if item[2].year == year]
    if not same_year and re.fullmatch(r"\d{4}[a-z]", year):
        # "2001b" where the list prints plain years: that author's second work
        # of 2001, counting in title order as author–date styles letter them.
        ours = sorted((item for item in scored if item[2].year == year[:4] and item[0] >= TOLERANT), key=lambda i: i[2].title)
        position = ord(year[4]) - ord("a")
        if len(ours) > position:
            chosen = ours[position]
            return chosen[2].key, "tolerant", f"year {year} read as the {year[4]} work of {year[:4]} by this author", ""
    if same_year and same_year[0][0] == 100:
        return same_year[0][2].key, "linked", "", ""
    if same_year and same_year[0][0] >= TOLERANT:
        best = same_year[0]
        rivals = [s for s in same_year[1:] if s[0] >= TOLERANT and s[1] == best[1]]
        if not rivals:
            return best[2].key, "tolerant", f"spelt “{names[0]}” here, “{best[2].families[0]}” in the reference list", ""
        return "", "unresolved", "several entries match equally", best[2].key
    seen = {item[2].key for item in scored}
    nearby = [work for work in _nearby_candidates(names, index) if not (work.key in seen or seen.add(work.key))]  # type: ignore[func-returns-value]
    scored = sorted(scored + _scored(nearby, names, paper_id, et_al), key=lambda item: (-item[0], -item[1], item[2].key))
    if scored and scored[0][0] >= SUGGEST:
        candidate = scored[0][2]
        why = f"the closest entry, {candidate.key}, is from {candidate.year}" if candidate.year != year else "the closest entry's name differs too much to be sure"
        return "", "unresolved", f"no entry for {' & '.join(names)} {year}; {why}", candidate.key
    return "", "unresolved", f"no entry for {' & '.join(names) or '?'} {year} in the reference list", ""


def _numbered_items(body: str, offset: int, paper_id: str, index: CitationIndex) -> list[CiteItem] | None:
    items: list[CiteItem] = []
    for piece in re.finditer(r"[^,;]+", body):
        text = piece.group(0)
        start = offset + piece.start() + (len(text) - len(text.lstrip()))
        text = text.strip()
        if re.match(r"^" + _PAGE_WORD + r"\s*\d", text):
            if not items:
                return None
            items[-1] = replace(items[-1], locator=text)
            continue
        bounds = [int(n) for n in re.findall(r"\d+", text)]
        numbers = list(range(bounds[0], bounds[-1] + 1)) if len(bounds) == 2 and bounds[0] < bounds[1] <= bounds[0] + 50 else bounds[:1]
        for number in numbers:
            key = index.numbers.get((paper_id, str(number)), "")
            status, note = ("linked", "") if key else ("unresolved", f"no reference [{number}] in the list")
            items.append(CiteItem(start, start + len(text), key, "", status, note))
    return items


_LONE_NAME = re.compile(r"^\s*(?:cf\.\s+|see\s+)?[" + _CAPITAL + r"][\w'’\-]*(?:[\s.]+[\w'’\-]+\.?){0,3}\s*$", re.IGNORECASE)


def _works_in(body: str) -> list[tuple[int, str]]:
    """The ``;``-separated works of a parenthetical citation, with their offsets.

    A piece with no year that is only a name belongs to the next piece: ABNT
    writes the authors of one work with ``;`` too (``CLARK; HOLQUIST, 2008``)."""
    works: list[tuple[int, str]] = []
    pending: tuple[int, str] | None = None
    offset = 0
    for piece in body.split(";"):
        start = offset
        offset += len(piece) + 1
        if pending is not None:
            start, piece = pending[0], f"{pending[1]};{piece}"
            pending = None
        if not re.search(_YEAR, piece) and _LONE_NAME.match(piece.split(";")[-1]):
            pending = (start, piece)
        else:
            works.append((start, piece))
    if pending is not None:
        works.append(pending)
    return works


def _embedded_citations(body: str, offset: int, paper_id: str, index: CitationIndex) -> list[tuple[int, int, str, list[CiteItem]]]:
    """Citations written inside other words in parentheses. Only those that
    resolve are taken: a capitalised word and a number are not evidence enough."""
    found = []
    for match in _EMBEDDED.finditer(body):
        names, _ = _cited_names(match.group("names"))
        key, status, note, suggestion = resolve(names, match.group("year"), paper_id, index)
        if key:
            found.append((offset + match.start(), offset + match.end(), "parenthetical", [CiteItem(0, match.end() - match.start(), key, "", status, note, suggestion)]))
    return found


def _resolve_by_title(before: str, year: str, index: CitationIndex) -> str:
    """The work of ``year`` whose title ends the text just before a bare ``(year)``."""
    tail = _fold(before[-160:])
    for work in index.by_year.get(year[:4], []):
        if len(work.title) >= 12:
            head = work.title[: max(12, len(work.title) // 2)]
            if head in tail or (len(tail) >= len(head) and fuzz.partial_ratio(head, tail) >= 92):
                return work.key
    return ""


def find_citations(text: str, paper_id: str, numbered: bool, index: CitationIndex) -> list[tuple[int, int, str, list[CiteItem]]]:
    """(start, end, kind, items) of every citation in ``text``; item offsets are within the citation."""
    found: list[tuple[int, int, str, list[CiteItem]]] = []
    if numbered:
        count = index.numbered_count(paper_id)
        for match in _NUMBERED.finditer(text):
            numbered_items = _numbered_items(match.group(1), 1, paper_id, index)
            if numbered_items and all(
                int(re.findall(r"\d+", match.group(0)[i.start : i.end])[0]) <= max(count, 1) * 2 for i in numbered_items
            ):
                found.append((match.start(), match.end(), "numbered", numbered_items))
        return found
    taken: list[tuple[int, int]] = []
    for match in _PAREN.finditer(text):
        body = match.group(1)
        parts: list[CiteItem] = []
        ok = True
        for offset, part in _works_in(body):
            parsed = _PART.match(part)
            if not parsed or not re.search(r"[" + _CAPITAL + r"]", parsed.group("names")) or len(parsed.group("names")) > 80:
                ok = False
                break
            names, secondary = _cited_names(parsed.group("names"))
            if not names or not all(re.match(r"^[" + _CAPITAL + r"]", n) for n in names) or not _could_be_names(parsed.group("names")):
                ok = False
                break
            key, status, note, suggestion = resolve(names, parsed.group("year"), paper_id, index, _has_et_al(parsed.group("names")))
            if secondary:
                note = (note + "; " if note else "") + f"secondary citation: {secondary} as cited in this work"
            start = 1 + offset + (len(part) - len(part.lstrip()))
            parts.append(CiteItem(start, 1 + offset + len(part.rstrip()), key, (parsed.group("locator") or "").strip(), status, note, suggestion))
        if ok and parts:
            found.append((match.start(), match.end(), "parenthetical", parts))
            taken.append((match.start(), match.end()))
        elif not ok:
            embedded = _embedded_citations(body, match.start(1), paper_id, index)
            found.extend(embedded)
            taken.extend((start, end) for start, end, _, _ in embedded)
    for match in _NARRATIVE.finditer(text):
        if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        names, _ = _cited_names(match.group("names"))
        # Sentence-initial capitalised words ("As", "The") are not names.
        while len(names) == 1 and len(names[0].split()) > 1 and not any(
            _name_score(names[0], w.families[0]) >= TOLERANT for w in index.works
        ):
            names = [" ".join(names[0].split()[1:])]
        et_al = _has_et_al(match.group("names"))
        years = [y.strip() for y in match.group("year").split(",")]
        if len(years) > 1:  # "Venables & Ripley (2000, 2002)": one item per work
            items = []
            year_at = match.start("year") - match.start()
            for year in years:
                key, status, note, suggestion = resolve(names, year, paper_id, index, et_al)
                where = match.group(0).index(year, year_at)
                items.append(CiteItem(where, where + len(year), key, "", status, note, suggestion))
                year_at = where + len(year)
            found.append((match.start(), match.end(), "narrative", items))
            taken.append((match.start(), match.end()))
            continue
        key, status, note, suggestion = resolve(names, match.group("year"), paper_id, index, et_al)
        if not key and not suggestion:
            # Not an author's name: perhaps a title followed by its year.
            paren = text.index("(", match.start("names") + len(match.group("names")))
            by_title = _resolve_by_title(text[:paren], match.group("year").lower(), index)
            if by_title:
                found.append((paren, match.end(), "narrative", [CiteItem(1, match.end() - paren - 1, by_title, "", "linked", "a title and its year")]))
                taken.append((paren, match.end()))
                continue
        found.append((match.start(), match.end(), "narrative", [CiteItem(0, match.end() - match.start(), key, (match.group("locator") or "").strip(), status, note, suggestion)]))
        taken.append((match.start(), match.end()))
    for match in _BARE_YEAR.finditer(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        sentence = text[max(text.rfind(".", 0, match.start()), 0) : match.start()]
        year = match.group("year").lower()
        for word in reversed(re.findall(_NAME_WORD, sentence)):
            if any(_name_score(word, w.families[0]) == 100 and w.year == year for w in index.works):
                key, status, note, suggestion = resolve([word], year, paper_id, index)
                found.append((match.start(), match.end(), "narrative", [CiteItem(1, match.end() - match.start() - 1, key, "", status, f"{note}; author named earlier: {word}".strip("; "), suggestion)]))
                break
        else:
            key = _resolve_by_title(text[: match.start()], year, index)
            if key:
                found.append((match.start(), match.end(), "narrative", [CiteItem(1, match.end() - match.start() - 1, key, "", "linked", "a title and its year")]))
    return sorted(found)


@dataclass(frozen=True)
class CitationUse:
    paper_id: str
    paragraph_id: str
    text: str
    item: CiteItem
    span: SourceSpan


def link_citations(paper: Paper, index: CitationIndex) -> tuple[Paper, list[CitationUse]]:
    """The paper with its citations as :class:`CitationRef` nodes, and every citation item found."""
    numbered = any(r.number for r in paper.references)
    uses: list[CitationUse] = []

    def link(paragraph: Paragraph) -> Paragraph:
        inlines: list[Inline] = []
        for node in paragraph.inlines:
            if not isinstance(node, Text):
                inlines.append(node)
                continue
            position = 0
            for start, end, kind, items in find_citations(node.text, paper.id, numbered, index):
                if start > position:
                    inlines.append(Text(node.text[position:start]))
                citation = CitationRef(node.text[start:end], tuple(items), kind)
                inlines.append(citation)
                uses.extend(CitationUse(paper.id, paragraph.id, citation.text, item, paragraph.span) for item in items)
                position = end
            if position < len(node.text):
                inlines.append(Text(node.text[position:]))
        return replace(paragraph, inlines=tuple(inlines))

    return paper.map_paragraphs(link), uses


def audit(papers: list[Paper], uses: list[CitationUse], keys: dict[tuple[str, str], str]) -> list[Diagnostic]:
    """Diagnostics for the citation audit: unresolved items, tolerant matches, entries never cited."""
    diagnostics = []
    for use in uses:
        where = f"{use.paper_id}#{use.paragraph_id}"
        if use.item.status == "unresolved":
            hint = f" (did you mean {use.item.suggestion}?)" if use.item.suggestion else ""
            diagnostics.append(Diagnostic("warning", "citation-unresolved", f"citation {use.text} at {where}: {use.item.note}{hint}", use.span))
        elif use.item.status == "tolerant":
            diagnostics.append(Diagnostic("info", "citation-tolerant", f"citation {use.text} at {where} linked to {use.item.key}: {use.item.note}", use.span))
    cited = {(u.paper_id, u.item.key) for u in uses if u.item.key}
    for paper in papers:
        for reference in paper.references:
            key = keys.get((paper.id, reference.id), "")
            if key and (paper.id, key) not in cited:
                diagnostics.append(Diagnostic("warning", "reference-uncited", f"{paper.id}: reference {reference.id} ({key}) is never cited in the text", reference.span))
    return diagnostics
