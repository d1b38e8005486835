"""No internal link or anchor in the built site is broken (both engines)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"] or "")


def _scan(site: Path) -> dict[Path, _Links]:
    pages = {}
    for path in site.rglob("*.html"):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path.resolve()] = parser
    return pages


def _target(site: Path, page: Path, href: str) -> tuple[Path, str] | None:
    url, fragment = urldefrag(href)
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not url:
        return page, unquote(fragment)
    base = site if parts.path.startswith("/") else page.parent
    path = (base / unquote(parts.path).lstrip("/")).resolve()
    if path.is_dir() or url.endswith("/"):
        path = path / "index.html"
    return path, unquote(fragment)


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_internal_link_and_anchor_resolves(engine: str, mkdocs_site: Path, zensical_site: Path) -> None:
    site = mkdocs_site if engine == "mkdocs" else zensical_site
    pages = _scan(site)
    broken = []
    checked = 0
    for page, links in pages.items():
        for href in links.hrefs:
            target = _target(site, page, href)
            if target is None:
                continue
            path, fragment = target
            checked += 1
            if not path.exists():
                broken.append(f"{page.relative_to(site.resolve())}: {href} (no page)")
            # "#id:~:text=..." (a text fragment after the anchor): the anchor must exist.
            elif fragment.split(":~:", 1)[0] and path.suffix == ".html" and fragment.split(":~:", 1)[0] not in pages[path].ids:
                broken.append(f"{page.relative_to(site.resolve())}: {href} (no anchor)")
    assert checked > 500
    assert broken == []
