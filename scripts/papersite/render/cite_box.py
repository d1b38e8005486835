"""How to cite a paper: APA and Chicago (CSL), BibTeX, RIS, Highwire tags and schema.org JSON-LD."""

from __future__ import annotations

import json
import re

from ..bibliography.bibtex_io import write_bibtex
from ..bibliography.csl import format_items, plain
from ..bibliography.records import ascii_fold
from ..model import Paper


def _split_name(name: str, family: str = "") -> tuple[str, str]:
    """(family, given) of a name written "Given Family": the family name the
    metadata gives, else the last word."""
    if family and name.endswith(family):
        return family, name[: -len(family)].strip()
    words = name.split()
    return (words[-1], " ".join(words[:-1])) if len(words) > 1 else (name, "")


def _names(paper: Paper) -> list[tuple[str, str]]:
    families = list(paper.front.family_names) + [""] * len(paper.front.authors)
    return [_split_name(a.name, f) for a, f in zip(paper.front.authors, families)]


def _pages(paper: Paper) -> tuple[str, str]:
    found = re.match(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$", paper.front.pages)
    return (found.group(1), found.group(2)) if found else (paper.front.pages, "")


def paper_key(paper: Paper) -> str:
    family = _names(paper)[0][0] if paper.front.authors else paper.id
    word = next((w for w in re.findall(r"[a-z]+", ascii_fold(paper.front.title).lower()) if len(w) > 3), "")
    return re.sub(r"[^a-z0-9]", "", ascii_fold(family).lower()) + paper.front.year + word


def csl_of(paper: Paper, url: str) -> dict[str, object]:
    front = paper.front
    item: dict[str, object] = {
        "id": paper.id,
        "type": "article-journal" if front.venue else "document",
        "title": front.title,
        "author": [{"family": family, "given": given} for family, given in _names(paper)],
        "URL": url,
    }
    if front.year:
        item["issued"] = {"date-parts": [[int(front.year)]]}
    for key, value in (("container-title", front.venue), ("volume", front.volume), ("issue", front.issue),
                       ("page", front.pages), ("DOI", front.doi)):
        if value:
            item[key] = value
    return item


def citation_formats(paper: Paper, url: str, csl_cache: dict[str, str] | None = None, csl_used: set[str] | None = None) -> dict[str, str]:
    """The paper cited in each format, as plain text (CSL output kept in ``csl_cache`` when given)."""
    front = paper.front
    item = csl_of(paper, url)
    apa, chicago = (
        plain(text)
        for text in format_items([item], "apa", csl_cache, csl_used) + format_items([item], "chicago-author-date", csl_cache, csl_used)
    )
    first, last = _pages(paper)
    fields = [("author", " and ".join(f"{{{family}}}, {given}" if " " in family else f"{family}, {given}" for family, given in _names(paper))), ("title", front.title)]
    for name, value in (("journal", front.venue), ("year", front.year), ("volume", front.volume), ("number", front.issue),
                        ("pages", front.pages.replace("-", "--")), ("doi", front.doi), ("url", url)):
        if value:
            fields.append((name, value))
    bibtex = write_bibtex([("article" if front.venue else "misc", paper_key(paper), fields, None)])
    bibtex = "\n".join(line for line in bibtex.splitlines() if "papersite-hash" not in line)
    ris = ["TY  - JOUR" if front.venue else "TY  - GEN"]
    ris += [f"AU  - {family}, {given}" for family, given in _names(paper)]
    ris.append(f"TI  - {front.title}")
    for tag, value in (("T2", front.venue), ("PY", front.year), ("VL", front.volume), ("IS", front.issue),
                       ("SP", first), ("EP", last), ("DO", front.doi), ("UR", url)):
        if value:
            ris.append(f"{tag}  - {value}")
    ris += [f"KW  - {word}" for word in front.keywords]
    ris.append("ER  - ")
    return {"APA": apa, "Chicago": chicago, "BibTeX": bibtex, "RIS": "\n".join(ris)}


def highwire_meta(paper: Paper) -> dict[str, object]:
    """Front-matter values for the Highwire Press tags (the template writes the <meta> elements)."""
    front = paper.front
    first, last = _pages(paper)
    meta: dict[str, object] = {"citation_title": front.title, "citation_authors": [a.name for a in front.authors]}
    for key, value in (("citation_publication_date", front.year), ("citation_journal_title", front.venue),
                       ("citation_volume", front.volume), ("citation_issue", front.issue),
                       ("citation_firstpage", first), ("citation_lastpage", last),
                       ("citation_keywords", "; ".join(front.keywords))):
        if value:
            meta[key] = value
    return meta


def json_ld(paper: Paper, url: str) -> str:
    """schema.org ScholarlyArticle, as a script element safe to put in the page body."""
    front = paper.front
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": front.title[:110],
        "name": front.title,
        "author": [{"@type": "Person", "name": a.name} for a in front.authors],
        "url": url,
        "keywords": list(front.keywords),
        "inLanguage": "en",
    }
    if front.year:
        data["datePublished"] = front.year
    if front.venue:
        data["isPartOf"] = {"@type": "PublicationIssue", "issueNumber": front.issue,
                            "isPartOf": {"@type": "PublicationVolume", "volumeNumber": front.volume,
                                         "isPartOf": {"@type": "Periodical", "name": front.venue}}}
    if front.pages:
        data["pagination"] = front.pages
    if front.abstract:
        data["abstract"] = " ".join(p.text for p in front.abstract)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # No "<", ">" or "&" can end the script element or be read as markup.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'


def cite_box(paper: Paper, url: str, base: str = "/", csl_cache: dict[str, str] | None = None, csl_used: set[str] | None = None) -> str:
    """A collapsible "Cite this paper" box with one tab per format, each with a copy button."""
    lines = ['??? quote "Cite this paper"', ""]
    for label, text in citation_formats(paper, url, csl_cache, csl_used).items():
        fence = "~" * max(3, max((len(run) for run in re.findall(r"~+", text)), default=0) + 1)
        lines += [f'    === "{label}"', "", f"        {fence}text"]
        lines += [f"        {line}" for line in text.splitlines()]
        lines += [f"        {fence}", ""]
    lines += [
        "",
        f'<div class="cite-downloads">Download: <a href="{base}bibliography/{paper.id}.bib" download>{paper.id}.bib</a> '
        f'(the paper\'s references) · <a href="{base}papers/{paper.id}.txt" download>{paper.id}.txt</a> (the source text as received)</div>',
    ]
    return "\n".join(lines)
