"""Text from a paper is shown, never interpreted: HTML, scripts, Markdown and pymdown syntax."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from .htmlcheck import read_page


PAGES = [
    "papers/evil/index.html", "glossary/index.html", "papers/index.html", "index.html", "annotations/index.html",
    "arguments/index.html", "bibliography/index.html", "citation-audit/index.html",
]


class _ActiveMarkup(HTMLParser):
    """Collects what a browser would act on: event handlers, script URLs, inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in {"href", "src", "action", "formaction"} and value.startswith(("javascript:", "data:")):
                self.found.append(f"<{tag} {name}={value[:30]}>")
        if tag in {"iframe", "object", "embed"}:
            self.found.append(f"<{tag}>")
        kind = dict(attrs).get("type") or ""
        # Only scripts a browser runs count; JSON-LD data is checked for parsing instead.
        self._in_script = tag == "script" and kind in ("", "text/javascript", "module")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "alert" in data:
            self.found.append("inline script with alert")


def _no_active_markup(html: str) -> None:
    parser = _ActiveMarkup()
    parser.feed(html)
    assert parser.found == []
    for data in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        assert "<" not in data and json.loads(data)["@type"] == "ScholarlyArticle"
    # Nothing from the sources became an element (Material's own inline icons are <svg>s).
    assert not re.search(r"<(img|iframe)\b", html, re.IGNORECASE)


def test_hostile_titles_authors_and_glossary_entries_stay_text(hostile_site: Path) -> None:
    for name in PAGES:
        _no_active_markup((hostile_site / name).read_text(encoding="utf-8"))
    glossary = read_page(hostile_site / "glossary" / "index.html")
    assert any('<script>alert("name")</script> Evil' in h.text for h in glossary.headings())
    paper = (hostile_site / "papers" / "evil" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b onmouseover=alert(14)&gt;Eve&lt;/b&gt;" in paper
    assert '&lt;script&gt;alert("note title")&lt;/script&gt;' in paper or "&lt;script&gt;alert(&quot;note title&quot;)" in paper
    assert "&lt;img src=x onerror=alert(16)&gt;" in paper
    title = re.search(r"<title>(.*?)</title>", paper, re.S)
    assert title and "<" not in title.group(1)


def test_hostile_paper_builds_and_its_markup_is_text(hostile_site: Path) -> None:
    html = (hostile_site / "papers" / "evil" / "index.html").read_text(encoding="utf-8")
    # No element or attribute came from the paper.
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    _no_active_markup(html)
    # The snippet include was not run and the text is still there, literally.
    assert "root:x:" not in html
    assert "--8&lt;-- &quot;/etc/passwd&quot;" in html or '--8&lt;-- "/etc/passwd"' in html
    # Admonition, abbreviation and footnote syntax stay text.
    # The only admonition is the editors' (hostile) annotation, not the paper's "!!! note".
    assert html.count('class="admonition ') == 1 and 'id="note-evil-note"' in html
    assert "!!! note" in html and "<abbr" not in html and 'class="footnote' not in html
    assert "{{ page.title }}" in html
    # The title cannot open a tag anywhere.
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title and "<" not in title.group(1)
