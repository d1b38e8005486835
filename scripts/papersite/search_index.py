"""Pagefind's chunked static search index over a built site (``extra.papersite.search: pagefind``).

Material's search loads one index of the whole site before it can answer
(tens of megabytes at hundreds of papers). Pagefind splits the index into
chunks by word and the pages' text into fragments, and the browser fetches
only the chunks and fragments a query needs. :func:`build_search_index` runs
Pagefind (``pagefind[extended]`` from PyPI, a local binary; no network) over
a site that MkDocs or Zensical has built, writing ``<site>/pagefind/``. The
MkDocs hook calls it after every build; with Zensical, which runs no hooks,
``papersite search-index`` does.

Only the article of each page is indexed, without its furniture: permalinks,
the cite box, "See also" links, the Glossary page's snippets of the papers'
own paragraphs, the Bibliography page's BibTeX records and back-links. A page
whose whole article is marked ``data-pagefind-ignore`` (the Search page, the
404 page) gets no entry.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

#: The bundle's folder inside the site (the search UI loads ``<site>/pagefind/pagefind-ui.js``).
BUNDLE_DIR = "pagefind"
#: Material's (and Zensical's) article element: the page's own content, without header, sidebars and footer.
ROOT_SELECTOR = "article.md-content__inner"
#: Inside the article, what is not the page's text (Pagefind already drops nav, form, label, svg, script).
EXCLUDE_SELECTORS = (
    "a.headerlink",  # the ¶ after a heading
    "a.para-link",  # the ¶ after a paragraph, list item or reference
    "a.bib-link",  # "→ bibliography" after a reference
    "details.quote",  # the "Cite this paper" box (APA, Chicago, BibTeX, RIS)
    ".cite-downloads",
    ".see-also",  # links to other papers' paragraphs
    ".annotation-mark",  # a note's number in the text
    ".annotation-back",  # "Back to the passage" / "Read it in the paper"
    ".term-uses",  # Glossary: snippets of the paragraphs that use a term (the papers' own text again)
    ".glossary-letters",
    ".bib-letters",
    ".bib-bibtex",  # Bibliography: each entry's BibTeX record (the entry again)
    ".bib-cited",
    ".bib-cited-by",
)
TIMEOUT_S = 3600


class SearchIndexError(RuntimeError):
    """Pagefind could not build the index; the message says why."""


@dataclass(frozen=True)
class SearchIndex:
    """What Pagefind wrote."""

    bundle: Path
    pages: int
    words: int
    files: int
    bytes: int
    seconds: float


def pagefind_command(site: Path) -> list[str]:
    """The Pagefind command line for ``site`` (the Python package's own binary, run by this interpreter)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE_DIR, "--root-selector", ROOT_SELECTOR]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def _count(pattern: str, text: str) -> int:
    found = re.findall(pattern, text)
    return int(found[-1]) if found else 0  # the last is the "Total:" line


def build_search_index(site: Path) -> SearchIndex:
    """Index the built site at ``site`` with Pagefind into ``<site>/pagefind/`` (replacing an earlier bundle)."""
    site = Path(site)
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"no built site at {site} (no index.html): build the site first (mkdocs build, or zensical build)")
    bundle = site / BUNDLE_DIR
    if bundle.exists():
        # Pagefind's file names carry content hashes: without this, chunks of earlier builds would pile up.
        if not (bundle / "pagefind-entry.json").is_file() and any(bundle.iterdir()):
            raise SearchIndexError(f"{bundle} exists and is not a Pagefind bundle; not replacing it")
        shutil.rmtree(bundle)
    start = time.perf_counter()
    try:
        run = subprocess.run(pagefind_command(site), capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise SearchIndexError(f"Pagefind did not finish within {TIMEOUT_S} s") from exc
    seconds = time.perf_counter() - start
    output = run.stdout + run.stderr
    if "No module named pagefind" in output:
        raise SearchIndexError("Pagefind is not installed: pip install 'pagefind[extended]==1.5.2' (a pinned dependency of papersite)")
    pages = _count(r"Indexed (\d+) pages?", output)
    if "Indexed 0 pages" in output or (run.returncode == 0 and not (bundle / "pagefind-entry.json").is_file()):
        raise SearchIndexError(
            f"Pagefind indexed no page of {site}: it reads each page's <{ROOT_SELECTOR}> element, "
            "which Material and Zensical write (is this a built site?)"
        )
    if run.returncode != 0:
        tail = "\n".join(output.strip().splitlines()[-15:])
        raise SearchIndexError(f"Pagefind failed (exit {run.returncode}):\n{tail}")
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return SearchIndex(
        bundle=bundle,
        pages=pages,
        words=_count(r"Indexed (\d+) words?", output),
        files=len(files),
        bytes=sum(path.stat().st_size for path in files),
        seconds=seconds,
    )
