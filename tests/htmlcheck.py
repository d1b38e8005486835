"""A small reader for built HTML pages, used by the site tests (stdlib only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children_links: list[dict[str, str]] = field(default_factory=list)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Element] = []
        self.elements: list[Element] = []
        self.scripts: list[dict[str, str]] = []
        self.links: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "script":
            self.scripts.append(values)
        if tag == "link":
            self.links.append(values)
        if tag == "a":
            for element in self.stack:
                element.children_links.append(values)
        if tag in {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "title"}:
            element = Element(tag, values)
            self.stack.append(element)
            self.elements.append(element)

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        for element in self.stack:
            element.text += data


@dataclass
class Page:
    elements: list[Element]
    scripts: list[dict[str, str]]
    links: list[dict[str, str]]
    html: str

    def paragraphs(self) -> list[Element]:
        return [e for e in self.elements if e.tag in {"p", "li"} and "para" in e.attrs.get("class", "").split()]

    def headings(self) -> list[Element]:
        return [e for e in self.elements if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}]


def read_page(path: Path) -> Page:
    html = path.read_text(encoding="utf-8")
    collector = _Collector()
    collector.feed(html)
    return Page(collector.elements, collector.scripts, collector.links, html)
