"""Loading editors' YAML files with line numbers, so messages can point at them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .model import Diagnostic, SourceSpan
from .textsource import read_source


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping from YAML that remembers the line of itself and of each key."""

    line: int = 0
    key_lines: dict[Any, int]


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)  # type: ignore[arg-type]


def line_of(data: Any, key: Any = None) -> int:
    """The line of ``data`` (or of its ``key``) in its YAML file, 1 when unknown."""
    if isinstance(data, LineDict):
        if key is not None and key in data.key_lines:
            return data.key_lines[key]
        return data.line or 1
    return 1


def load_yaml(path: Path, shown: str) -> tuple[Any, list[Diagnostic]]:
    """Parse a YAML file; a syntax error becomes a diagnostic with its line."""
    text, diagnostics = read_source(path, shown)
    if text is None:
        return None, diagnostics
    try:
        return yaml.load(text, Loader=_LineLoader), diagnostics  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        diagnostics.append(
            Diagnostic("error", "yaml-invalid", f"invalid YAML: {problem}; file ignored", SourceSpan(shown, line))
        )
        return None, diagnostics
