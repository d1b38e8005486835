"""In-text citations: recognise them, resolve them to the merged bibliography, audit the rest.

The finder is a grammar of the common styles, not a list of cases:

- **numbered** (:mod:`.citation_numbered`): ``[1]``, ``[1, 3–5]``, ``[1; 4]``,
  ``(1–3)``, superscripts, to a list numbered ``[1]``, ``1.``, ``1)`` or in
  citation order (:mod:`.citation_index`);
- **author–year**, parenthetical: ``( [prefix] work {; work} )`` where a work is
  ``names [,] year {, year} [, locator] [, suffix]``; names are one, two (joined
  by ``and``, ``&``, ``und``, ``et``, ``e``, ``y``, ``и`` or nothing), three or
  more, or ``X et al.`` in its spellings, surnames in any case or script, a
  secondary source (``X in Y``, ``X, cited in Y``) and editors (``(ed.)``);
  years carry letters (``2001a``) or are ``n.d.``, ``in press``,
  ``forthcoming``; locators are ``p.``, ``pp.``, ``:``, ``chap.``, ``fn.``,
  ``S.``, ``с.``; prefixes (``see also``, ``cf.``, ``e.g.``) and suffixes
  (``emphasis added``, ``my emphasis``) stay as text. A pair of parentheses
  that is not wholly citations is searched for ``names year`` inside it.
- **author–year, narrative**: ``names['s] [(ed.)] (year {, year} [, locator])``,
  a bare ``(year)`` after a name earlier in the sentence, and a title followed
  by its year.
- **author–year, in brackets** (amsart, natbib): ``Stigler [1984]``,
  ``[Koenker 2005; Stigler 1984]`` (only when wholly citations), only in a paper
  whose list is author–year; in a numbered one ``[1984]`` is never one.
- **notes** are read by :mod:`.note_citations`.

Each author–year citation is resolved by :mod:`.citation_evidence` (year a
hard constraint; names, transliteration and a quoted title beside a narrative
citation combined into one score). A doubtful match is never linked: it stays
unresolved with the candidate as a suggestion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz, process

from ..model import CiteItem, CitationRef, Diagnostic, Inline, Paper, Paragraph, SourceSpan, Superscript, Text
from .citation_evidence import SUGGEST, name_score, norm_year, resolve, resolve_by_title
from .citation_index import CitationIndex, Work, build_index, fold
from .citation_numbered import find_numbered, superscript_citation

__all__ = ["CitationIndex", "CitationUse", "Work", "audit", "build_index", "find_citations", "link_citations", "resolve"]


_YEAR = r"(?:(?:1[6-9]|20)\d\d[a-z]?|n\.\s?d\.|s\.\s?d\.|in\s+press|forthcoming)"
_LOCATOR = (
    r"(?:(?:pp?\.?|pág\.|chap\.|ch\.|fn\.|n\.|note|para\.|§|vol\.|[сСS]\.)\s*)?"
    r"(?:\d+|[ivxlc]+)(?:\s*[-–]\s*\d+)?(?:\s*(?:n|fn\.?)\s*\d+)?"
)
_YEARS = _YEAR + r"(?:\s*,\s*" + _YEAR + r")*"
_PREFIX = r"(?:(?:see\s+also|see|cf\.|e\.g\.,?|for\s+example,?|compare|also|vgl\.|ср\.)\s+)"
#: Words after a locator that comment on the quotation, kept as text.
_SUFFIX = r"(?:[a-z][a-z .’']{2,40})"
_PAREN = re.compile(r"\(([^()]{4,300})\)")
#: A parenthetical citation in brackets, "[Koenker 2005; Stigler 1984]", taken only when wholly citations.
_BRACKETS = re.compile(r"\[([^\[\]]{4,300})\]")
_CAPITAL = "A-Z\u00C0-\u00DE\u0100-\u024F\u0400-\u042F\u0370-\u03FF"
_PART = re.compile(
    r"^\s*" + _PREFIX + r"?(?P<names>[^\d]+?)\s*,?\s*(?P<year>" + _YEARS + r")"
    r"(?:\s*[,:]\s*(?P<locator>" + _LOCATOR + r"))?(?:\s*,\s*(?P<suffix>" + _SUFFIX + r"))?\s*\.?\s*$",
    re.IGNORECASE,
)
#: A surname, with an elided particle glued to it ("d’Orey", "l'Hôpital").
_NAME_WORD = r"(?:[dl]['’])?[" + _CAPITAL + r"][\w'’\-]+"
#: "and" in the languages of the papers we expect.
_AND = r"(?:and|&|e|et|y|und|и)"
#: "et al." in its spellings (and the "et all." typo), Russian "и др.", German "u. a.".
_ET_AL = r"(?:et\.?\s+al(?:ii|l)?\b\.?|and\s+others|u\.\s*a\.|и\s+др\.?|и\s+соавт\.?)"
_EDITORS = r"(?:\s*\(?\b(?:eds?|Hrsg|red)\.?\)?)"
_ONE_NAME = _NAME_WORD + r"(?:\s+" + _NAME_WORD + r"){0,2}"
_NAMES = (  # a one-letter word may open a corporate name: "R Development Core Team [2003]"
    r"(?P<names>(?:[" + _CAPITAL + r"]\s+)?" + _ONE_NAME + r"(?:,?\s+" + _ET_AL + r"|(?:,\s*" + _ONE_NAME + r")*,?\s*(?:&|\s" + _AND + r"\s)\s*"
    + _NAME_WORD + r"(?:\s+" + _NAME_WORD + r")?)?)(?:['’]s?)?" + _EDITORS + r"?"
)
_DATED = r"(?P<year>" + _YEARS + r")(?:\s*[,:]\s*(?P<locator>" + _LOCATOR + r"))?"
#: "Smith (2004)"; and, in an author–year paper only, the amsart/natbib "Smith [2004]".
_NARRATIVE = re.compile(_NAMES + r"\s+\(" + _DATED + r"\)")
_NARRATIVE_BRACKETED = re.compile(_NAMES + r"\s+\[" + _DATED + r"\]")
#: A name and a year inside other words in parentheses: "(e.g., sparseM Koenker
#: & Ng 2007)", "(See Butts & Carley 2005, for a discussion.)".
_EMBEDDED = re.compile(
    r"(?<![\w-])(?P<names>" + _NAME_WORD + r"(?:\s*(?:&|\s" + _AND + r"\s)\s*" + _NAME_WORD + r"|,?\s+" + _ET_AL + r")?),?\s+(?P<year>" + _YEAR + r")\b"
)
_BARE_YEAR = re.compile(r"(?:(?P<paren>\()|\[)(?P<year>" + _YEAR + r")(?(paren)\)|\])")
#: What is left of a line that is only "Smith (2004)" and a page number: a running head, not a citation.
_RUNNING_HEAD = re.compile(r"^\s*\d{0,4}\s*$")
#: A title quoted just after a narrative citation: 'Huyan (2015) in an article titled "…"'.
_QUOTED_TITLE = re.compile(r"^[^.“\"]{0,60}?[“\"](?P<title>[^”\"]{8,240})[”\"]")


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
    """Family names a citation gives, and the secondary source's own name
    ("Walt in ...", "Walt, cited in ...", "Walt as quoted in ...")."""
    names = re.sub(_EDITORS + r"\s*$", "", names.strip().strip(",")).strip().strip(",")
    secondary = ""
    found = re.match(r"^(?P<first>.+?)(?:,?\s+(?:as\s+)?(?:cited|quoted)\s+in|\s+in)\s+(?P<rest>.+)$", names)
    if found:
        secondary, names = found.group("first"), found.group("rest")
    names = re.sub(_ET_AL, "", names)
    parts = [p.strip() for p in re.split(r",|;|&|\s" + _AND + r"\s", names) if p.strip()]
    return parts, secondary


_LONE_NAME = re.compile(r"^\s*" + _PREFIX + r"?[" + _CAPITAL + r"][\w'’\-]*(?:[\s.]+[\w'’\-]+\.?){0,3}\s*$", re.IGNORECASE)


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
        if not re.search(_YEAR, piece, re.IGNORECASE) and _LONE_NAME.match(piece.split(";")[-1]):
            pending = (start, piece)
        else:
            works.append((start, piece))
    if pending is not None:
        works.append(pending)
    return works


Found = tuple[int, int, str, list[CiteItem]]


def _embedded_citations(body: str, offset: int, paper_id: str, index: CitationIndex) -> list[Found]:
    """Citations written inside other words in parentheses. Only those that
    resolve are taken: a capitalised word and a number are not evidence enough."""
    found = []
    for match in _EMBEDDED.finditer(body):
        names, _ = _cited_names(match.group("names"))
        key, status, note, suggestion = resolve(names, match.group("year"), paper_id, index)
        if key:
            found.append((offset + match.start(), offset + match.end(), "parenthetical", [CiteItem(0, match.end() - match.start(), key, "", status, note, suggestion)]))
    return found


def _parenthetical_items(body: str, paper_id: str, index: CitationIndex) -> list[CiteItem] | None:
    """The items of ``(body)`` when it is wholly citations, else ``None``."""
    parts: list[CiteItem] = []
    for offset, part in _works_in(body):
        parsed = _PART.match(part)
        if not parsed or not re.search(r"[" + _CAPITAL + r"]", parsed.group("names")) or len(parsed.group("names")) > 80:
            return None
        names, secondary = _cited_names(parsed.group("names"))
        if not names or not all(re.match(r"^[" + _CAPITAL + r"]", n) for n in names) or not _could_be_names(parsed.group("names")):
            return None
        et_al = _has_et_al(parsed.group("names"))
        years = [y.strip() for y in re.findall(_YEAR, parsed.group("year"), re.IGNORECASE)]
        start = 1 + offset + (len(part) - len(part.lstrip()))
        for number, year in enumerate(years):
            key, status, note, suggestion = resolve(names, year, paper_id, index, et_al)
            if secondary:
                note = (note + "; " if note else "") + f"secondary citation: {secondary} as cited in this work"
            locator = (parsed.group("locator") or "").strip() if number == len(years) - 1 else ""
            parts.append(CiteItem(start, 1 + offset + len(part.rstrip()), key, locator, status, note, suggestion))
    return parts or None


def _parentheticals(text: str, paper_id: str, index: CitationIndex) -> list[Found]:
    """Citations in parentheses, and in brackets when they hold nothing else
    (brackets also hold editorial insertions: "[sic]", "[emphasis added]")."""
    found: list[Found] = []
    for match in _PAREN.finditer(text):
        items = _parenthetical_items(match.group(1), paper_id, index)
        if items:
            found.append((match.start(), match.end(), "parenthetical", items))
        else:
            found.extend(_embedded_citations(match.group(1), match.start(1), paper_id, index))
    for match in _BRACKETS.finditer(text):
        items = _parenthetical_items(match.group(1), paper_id, index)
        if items and not any(s <= match.start() < e for s, e, _, _ in found):
            found.append((match.start(), match.end(), "parenthetical", items))
    return found


def _quoted_title(text: str, end: int) -> str:
    """The title quoted just after a narrative citation ending at ``end``, or ""."""
    match = _QUOTED_TITLE.match(text[end : end + 320])
    return match.group("title") if match else ""


def _narrative_names(match: re.Match[str], index: CitationIndex) -> list[str]:
    """The cited names, without the capitalised words in front that are not
    names ("As Smith (2004)"): of the tails of a one-name citation, the one
    closest to an author of that year's works (the longer when equal)."""
    names, _ = _cited_names(match.group("names"))
    if len(names) != 1 or len(names[0].split()) < 2:
        return names
    words = names[0].split()
    year = norm_year(re.findall(_YEAR, match.group("year"), re.IGNORECASE)[0])[:4]
    prefixes, families = index.year_prefixes.get(year, set()), index.year_families.get(year, [])
    best, chosen = -1.0, words[-1:]
    for start in range(len(words)):
        folded = tuple(fold(w) for w in words[start:])
        closest = process.extractOne("".join(folded), families, scorer=fuzz.ratio) if families else None
        score = 100.0 if folded in prefixes else float(closest[1]) if closest else 0.0
        if score > best:
            best, chosen = score, words[start:]
    return [" ".join(chosen)] if best >= SUGGEST else [words[-1]]


def _narrative(match: re.Match[str], text: str, paper_id: str, index: CitationIndex) -> Found:
    names = _narrative_names(match, index)
    et_al = _has_et_al(match.group("names"))
    title = _quoted_title(text, match.end())
    years = [y.strip() for y in re.findall(_YEAR, match.group("year"), re.IGNORECASE)]
    if len(years) > 1:  # "Venables & Ripley (2000, 2002)": one item per work
        items = []
        year_at = match.start("year") - match.start()
        for year in years:
            key, status, note, suggestion = resolve(names, year, paper_id, index, et_al)
            where = match.group(0).index(year, year_at)
            items.append(CiteItem(where, where + len(year), key, "", status, note, suggestion))
            year_at = where + len(year)
        return (match.start(), match.end(), "narrative", items)
    key, status, note, suggestion = resolve(names, match.group("year"), paper_id, index, et_al, title)
    if not key and not suggestion:
        # Not an author's name: perhaps a title followed by its year.
        paren = match.start("year") - 1  # the "(" or "[" before the year
        by_title = resolve_by_title(text[:paren], norm_year(match.group("year")), index)
        if by_title:
            return (paren, match.end(), "narrative", [CiteItem(1, match.end() - paren - 1, by_title, "", "linked", "a title and its year")])
    # The citation starts at its first name: not at "As" in "As Smith (2004)".
    start = match.start() + max(match.group(0).find(names[0].split()[0]), 0) if names and names[0].split() else match.start()
    return (start, match.end(), "narrative", [CiteItem(0, match.end() - start, key, (match.group("locator") or "").strip(), status, note, suggestion)])


def _bare_year(match: re.Match[str], text: str, paper_id: str, index: CitationIndex) -> Found | None:
    """``(2015)`` after the author's name earlier in the sentence, or after the work's title."""
    sentence = text[max(text.rfind(".", 0, match.start()), 0) : match.start()]
    year = norm_year(match.group("year"))
    for word in reversed(re.findall(_NAME_WORD, sentence)):
        if any(name_score(word, w.families[0])[0] == 100 and w.year == year for w in index.works):
            key, status, note, suggestion = resolve([word], year, paper_id, index)
            item = CiteItem(1, match.end() - match.start() - 1, key, "", status, f"{note}; author named earlier: {word}".strip("; "), suggestion)
            return (match.start(), match.end(), "narrative", [item])
    key = resolve_by_title(text[: match.start()], year, index)
    if key:
        return (match.start(), match.end(), "narrative", [CiteItem(1, match.end() - match.start() - 1, key, "", "linked", "a title and its year")])
    return None


def find_citations(
    text: str, paper_id: str, numbered: bool, index: CitationIndex, raised: bool = False, whole: bool = True, parens: bool = True
) -> list[Found]:
    """(start, end, kind, items) of every citation in ``text``; item offsets are within the citation.

    ``raised`` (numbered papers): digits glued to words may be citations whose
    raise was lost. ``whole``: ``text`` is a whole paragraph, so one that is
    only "Smith (2004)" (and a page number) is a running head."""
    if numbered:
        return find_numbered(text, paper_id, index, raised, parens)
    found = _parentheticals(text, paper_id, index)
    taken = [(start, end) for start, end, _, _ in found]
    narratives = sorted([*_NARRATIVE.finditer(text), *_NARRATIVE_BRACKETED.finditer(text)], key=lambda m: m.start())
    for match in narratives:
        if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        if whole and _RUNNING_HEAD.match(text[: match.start()] + text[match.end() :]):
            taken.append((match.start(), match.end()))
            continue
        citation = _narrative(match, text, paper_id, index)
        found.append(citation)
        taken.append((citation[0], citation[1]))
    for match in _BARE_YEAR.finditer(text):
        if not any(s <= match.start() < e for s, e in taken):
            bare = _bare_year(match, text, paper_id, index)
            if bare:
                found.append(bare)
    return sorted(found, key=lambda f: (f[0], f[1]))


@dataclass(frozen=True)
class CitationUse:
    paper_id: str
    paragraph_id: str
    text: str
    item: CiteItem
    span: SourceSpan
    #: The citation's running number in its paper's text (1, 2, …; the items
    #: of one citation share it); notes number theirs from -1 down.
    citation: int = 0


def _cites_raised_only(paper: Paper, index: CitationIndex) -> bool:
    """A numbered paper none of whose paragraphs cites in brackets, parentheses or superscripts."""
    return not any(
        any(isinstance(node, Superscript) for node in p.inlines) or find_numbered(p.text, paper.id, index) for p in paper.all_paragraphs()
    )


def _cites_in_brackets(paper: Paper, index: CitationIndex) -> bool:
    """A numbered paper that cites in brackets somewhere ("[3]"): then it does not cite as "(3)" too."""
    return any(p.text[start] == "[" for p in paper.all_paragraphs() for start, _, _, _ in find_numbered(p.text, paper.id, index, parens=False))


def _declared(citation: CitationRef, paper_id: str, index: CitationIndex) -> CitationRef:
    """A citation by the key of the source's own bibliography (Pandoc's ``[@key]``), resolved exactly."""
    items = []
    for item in citation.items:
        key = index.declared.get((paper_id, item.source_key), "")
        if key:
            items.append(replace(item, key=key, status="linked", note=""))
        else:
            items.append(replace(item, status="unresolved", note=item.note or f"no entry @{item.source_key} in the paper's bibliography"))
    return replace(citation, items=tuple(items))


def link_citations(paper: Paper, index: CitationIndex) -> tuple[Paper, list[CitationUse]]:
    """The paper with its citations as :class:`CitationRef` nodes, and every citation item found."""
    numbered = index.is_numbered(paper.id)
    raised = numbered and _cites_raised_only(paper, index)
    parens = not (numbered and _cites_in_brackets(paper, index))
    uses: list[CitationUse] = []

    def cite(citation: CitationRef, paragraph: Paragraph) -> CitationRef:
        number = uses[-1].citation + 1 if uses else 1
        uses.extend(CitationUse(paper.id, paragraph.id, citation.text, item, paragraph.span, number) for item in citation.items)
        return citation

    def link(paragraph: Paragraph) -> Paragraph:
        if paragraph.kind != "text":  # a formula's "(1)" or a table cell's number cites nothing
            return paragraph
        inlines: list[Inline] = []
        at = 0
        while at < len(paragraph.inlines):
            node = paragraph.inlines[at]
            after, raised_citation = superscript_citation(paragraph.inlines, at, paper.id, index) if numbered else (at, None)
            if raised_citation is not None:
                inlines.append(cite(raised_citation, paragraph))
                at = after
                continue
            at += 1
            if isinstance(node, CitationRef) and any(item.source_key for item in node.items):
                inlines.append(cite(_declared(node, paper.id, index), paragraph))
                continue
            if not isinstance(node, Text):
                inlines.append(node)
                continue
            position = 0
            for start, end, kind, items in find_citations(node.text, paper.id, numbered, index, raised, len(paragraph.inlines) == 1, parens):
                if start >= position:
                    inlines.extend([Text(node.text[position:start])] if start > position else [])
                    inlines.append(cite(CitationRef(node.text[start:end], tuple(items), kind), paragraph))
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
