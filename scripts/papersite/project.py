"""Where a project's inputs and outputs live, read from its ``mkdocs.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .settings import Settings, read_settings, search_mismatch, search_plugin_enabled, setting_line

__all__ = ["Project", "Settings", "read_settings", "search_mismatch", "search_plugin_enabled"]


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, passing over ``!!python/name:`` and ``!ENV`` tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def _line_of(text: str, key: str) -> int:
    """The line of a top-level ``key:`` in a YAML text (1 when absent)."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


@dataclass(frozen=True)
class Project:
    """The folders the pipeline reads and writes."""

    root: Path
    sources: Path
    docs: Path
    #: Generated pages go here; the folder is build output (git-ignored).
    generated: Path
    settings: Settings = Settings()
    #: Problems with the settings, each with the line of mkdocs.yml it is about.
    setting_problems: tuple[tuple[str, int], ...] = ()
    #: The site's public URL from mkdocs.yml (for absolute ids in exports), "" if unset.
    site_url: str = ""
    #: The built site's folder (``site_dir`` of mkdocs.yml).
    site: Path | None = None
    #: When the search setting and the search plugin disagree: the problem, and
    #: the line of mkdocs.yml to point at (see :func:`search_mismatch`).
    search_problem: str = ""
    search_problem_line: int = 1

    @property
    def base_path(self) -> str:
        """The path the site is served under, from ``site_url`` ("/" when unset)."""
        from urllib.parse import urlsplit

        path = urlsplit(self.site_url).path or "/"
        return path if path.endswith("/") else path + "/"

    @property
    def glossary(self) -> Path:
        return self.sources / "glossary.yml"

    @classmethod
    def at(cls, root: Path) -> "Project":
        root = root.resolve()
        config: dict[str, Any] = {}
        config_file = root / "mkdocs.yml"
        text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
        if text:
            config = yaml.load(text, Loader=_TolerantLoader) or {}  # noqa: S506
        docs = (root / str(config.get("docs_dir", "docs"))).resolve()
        settings, problems = read_settings(config)
        site_url = str(config.get("site_url") or "")
        if site_url and not site_url.endswith("/"):
            site_url += "/"
        site = (root / str(config.get("site_dir", "site"))).resolve()
        problem = search_mismatch(settings, config) if config_file.is_file() else ""
        line = _line_of(text, "plugins") if "plugins" in config else _line_of(text, "extra")
        located = tuple((found, setting_line(text, found)) for found in problems)
        return cls(root, root / "sources", docs, docs / "papers", settings, located, site_url, site, problem, line)

    def shown(self, path: Path) -> str:
        """``path`` as messages show it: relative to the project root."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
