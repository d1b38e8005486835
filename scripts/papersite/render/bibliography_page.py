"""The Bibliography page: the merged entries, formatted with a CSL style, anchored and exportable."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from ..bibliography.bibtex_io import strip_braces, write_bibtex
from ..bibliography.csl import bibtex_names, plain
from ..bibliography.records import ascii_fold
from ..bibliography.stage import Bibliography
from ..model import Paper
from .escape import escape_attribute, escape_html
from .labels import paper_label, section_titles


def _bibtex_of(bibliography: Bibliography, key: str) -> str:
    entry = bibliography.entry(key)
    assert entry is not None
    text = write_bibtex([(entry.entry_type, entry.key, list(entry.fields.items()), None)])
    return "\n".join(line for line in text.splitlines() if "papersite-hash" not in line)


def coins(entry_type: str, fields: dict[str, str]) -> str:
    """A COinS span (OpenURL ContextObject) so Zotero can import the entry from the page."""
    journal = entry_type == "article"
    pairs = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", f"info:ofi/fmt:kev:mtx:{'journal' if journal else 'book'}")]
    pairs.append(("rft.genre", {"article": "article", "incollection": "bookitem", "book": "book"}.get(entry_type, "document")))
    title = strip_braces(fields.get("title", ""))
    pairs.append(("rft.atitle" if journal or entry_type == "incollection" else "rft.btitle", title))
    container = fields.get("journal") or fields.get("booktitle") or ""
    if container:
        pairs.append(("rft.jtitle" if journal else "rft.btitle", strip_braces(container)))
    for person in bibtex_names(fields.get("author", "")):
        if "family" in person:
            pairs += [("rft.aulast", person["family"]), ("rft.aufirst", person["given"])]
        else:
            pairs.append(("rft.au", person["literal"]))
    for name, key in (("year", "rft.date"), ("volume", "rft.volume"), ("number", "rft.issue"), ("pages", "rft.pages"),
                      ("publisher", "rft.pub"), ("address", "rft.place")):
        if fields.get(name):
            pairs.append((key, strip_braces(fields[name])))
    return f'<span class="Z3988" title="{escape_attribute(urlencode(pairs))}"></span>'


#: Where a reader can look a work up: a library catalogue and a scholarly search
#: engine. Plain links built from the title and first author; the site itself
#: requests nothing from these hosts.
SEARCH_LINKS = (
    ("WorldCat", "https://search.worldcat.org/search?q="),
    ("Google Scholar", "https://scholar.google.com/scholar?q="),
)


def links_out(fields: dict[str, str]) -> str:
    """The entry's DOI link (when known) and search links for it, as one line of HTML."""
    parts = []
    doi = strip_braces(fields.get("doi", "")).strip()
    doi = doi.split("doi.org/", 1)[-1]
    if doi:
        parts.append(f'<span class="bib-doi">DOI: <a href="https://doi.org/{escape_attribute(quote(doi, safe="/:;()._-"))}">'
                     f"{escape_html(doi)}</a></span>")
    title = " ".join(strip_braces(fields.get("title", "")).split())
    if title:
        people = bibtex_names(fields.get("author", "") or fields.get("editor", ""))
        first = people[0].get("family", people[0].get("literal", "")) if people else ""
        query = quote(f'"{title}" {first}'.strip(), safe="")
        searches = " · ".join(f'<a href="{base}{query}">{escape_html(name)}</a>' for name, base in SEARCH_LINKS)
        parts.append(f'<span class="bib-search">Find it: {searches}</span>')
    return f'<div class="bib-links" data-search-exclude>{" ".join(parts)}</div>' if parts else ""


def _cited_by(key: str, uses: list, papers: dict[str, Paper], titles: dict[str, dict[str, str]]) -> str:  # type: ignore[type-arg]
    links = []
    seen = set()
    for use in uses:
        if use.item.key != key or (use.paper_id, use.paragraph_id) in seen:
            continue
        seen.add((use.paper_id, use.paragraph_id))
        paper = papers[use.paper_id]
        number = use.paragraph_id.rsplit("-p", 1)[-1]
        label = f"{paper_label(paper)}, {titles[paper.id].get(use.paragraph_id, '')} ¶{number}"
        links.append(f'<a href="../papers/{paper.id}/#{escape_attribute(use.paragraph_id)}">{escape_html(label)}</a>')
    # Search finds an entry by its own text, not by the sections that cite it.
    return f'<div class="bib-cited-by" data-search-exclude>Cited by: {"; ".join(links)}</div>' if links else '<div class="bib-cited-by">Not cited in the text.</div>'


def _initial(formatted_html: str) -> str:
    """The letter an entry is filed under: its first letter, unaccented, A-Z; "#" for any other."""
    letter = next((c for c in ascii_fold(plain(formatted_html)) if c.isalnum()), "#").upper()
    return letter if "A" <= letter <= "Z" else "#"


def render_bibliography_page(bibliography: Bibliography, papers: list[Paper], style: str, uses: list | None = None) -> str:  # type: ignore[type-arg]
    lines = ["---", 'title: "Bibliography"', "---", "", "# Bibliography", ""]
    by_paper = {p.id: p for p in papers}
    titles = {p.id: section_titles(p) for p in papers}
    uses_by_key: dict[str, list] = {}  # type: ignore[type-arg]
    for use in uses or []:
        uses_by_key.setdefault(use.item.key, []).append(use)
    references = sum(len(r) for r in bibliography.records.values())
    downloads = ['<a href="merged.bib" download>merged.bib</a> (all works)'] + [
        f'<a href="{paper.id}.bib" download>{paper.id}.bib</a>' for paper in papers if paper.references
    ]
    lines.append(
        f'<p class="bib-intro">{len(bibliography.entries)} works cited by the papers ({references} references, '
        f"duplicates merged), formatted in the <code>{escape_html(style)}</code> citation style. Each entry has a permanent "
        f'anchor, its BibTeX record and the papers\' references to it. Download: {" · ".join(downloads)}.</p>'
    )
    # Filed under their first letter, each letter a section: a long list gets
    # a table of contents, and search results (one per section) stay small.
    letters: dict[str, list[str]] = {}
    for key, formatted in bibliography.formatted.items():
        if bibliography.entry(key) is not None:
            letters.setdefault(_initial(formatted), []).append(key)
    order = sorted(letters, key=lambda letter: (letter == "#", letter))
    if len(order) > 1:
        jumps = " ".join(f'<a href="#letter-{_letter_id(letter)}">{escape_html(letter)}</a>' for letter in order)
        lines.append(f'<nav class="bib-letters" aria-label="Entries by first letter">{jumps}</nav>')
    lines.append("")
    for letter in order:
        if len(order) > 1:
            lines += ["", f"## {'Other' if letter == '#' else letter} {{#letter-{_letter_id(letter)}}}", ""]
        lines += [_entry_html(bibliography, key, by_paper, titles, uses_by_key) for key in letters[letter]]
    return "\n".join(lines) + "\n"


def _letter_id(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()


def _entry_html(bibliography: Bibliography, key: str, by_paper: dict[str, Paper], titles: dict[str, dict[str, str]], uses_by_key: dict[str, list]) -> str:  # type: ignore[type-arg]
    formatted = bibliography.formatted[key]
    entry = bibliography.entry(key)
    assert entry is not None
    cited = []
    for member in entry.members:
        paper = by_paper.get(member.paper_id)
        if paper is None:
            continue
        reference = next((r for r in paper.references if r.id == member.reference_id), None)
        number = f"[{reference.number}]" if reference and reference.number else "reference list"
        locator = f", p. {escape_html(member.locator)}" if member.locator else ""
        cited.append(
            f'<a href="../papers/{paper.id}/#{member.reference_id}">{escape_html(paper_label(paper))} {escape_html(number)}</a>{locator}'
        )
    bibtex = escape_html(_bibtex_of(bibliography, key))
    return (
        f'<div class="bib-entry" id="{escape_attribute(key)}">'
        f'<div class="bib-formatted">{formatted} <a class="para-link" href="#{escape_attribute(key)}" '
        f'title="Permanent link to this entry" aria-label="Permanent link to this entry">¶</a></div>'
        f'<div class="bib-cited" data-search-exclude>In: {"; ".join(cited)}</div>'
        f"{_cited_by(key, uses_by_key.get(key, []), by_paper, titles)}"
        f"{links_out(entry.fields)}"
        f'<details class="bib-bibtex" data-search-exclude><summary>BibTeX</summary><pre><code>{bibtex}</code></pre></details>'
        f"{coins(entry.entry_type, entry.fields)}</div>"
    )
