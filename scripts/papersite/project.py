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
class Project:
    """The folders the pipeline reads and writes."""

    root: Path
    sources: Path
    docs: Path
    #: Generated pages go here; the folder is build output (git-ignored).
    generated: Path

    @classmethod
    def at(cls, root: Path) -> "Project":
        root = root.resolve()
        docs_dir = "docs"
        config_file = root / "mkdocs.yml"
        if config_file.is_file():
            config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}  # noqa: S506
            docs_dir = str(config.get("docs_dir", "docs"))
        docs = (root / docs_dir).resolve()
        return cls(root=root, sources=root / "sources", docs=docs, generated=docs / "papers")

    def shown(self, path: Path) -> str:
        """``path`` as messages show it: relative to the project root."""
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(path)
