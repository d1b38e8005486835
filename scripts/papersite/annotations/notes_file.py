"""Loading editorial annotations, ``sources/annotations/<paper>.yml`` (schema in each file's header)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

from ..model import Annotation, AnnotationKind, Diagnostic, SourceSpan
from ..quotes import read_quote
from ..yamlfile import line_of, load_yaml

KINDS = get_args(AnnotationKind)
_KEYS = frozenset({"id", "kind", "quote", "title", "body", "sources"})
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def load_annotations(path: Path, shown: str, paper_id: str) -> tuple[list[Annotation], list[Diagnostic]]:
    """Read one paper's annotations; a broken entry is an error naming file, line and note."""
    data, diagnostics = load_yaml(path, shown)
    if data is None:
        return [], diagnostics
    entries = data.get("annotations") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        diagnostics.append(
            Diagnostic("error", "annotation-invalid", "the file needs a list under 'annotations'", SourceSpan(shown, 1))
        )
        return [], diagnostics
    found: list[Annotation] = []
    seen: set[str] = set()
    for entry in entries:
        line = line_of(entry)
        if not isinstance(entry, dict):
            diagnostics.append(Diagnostic("error", "annotation-invalid", "each annotation must be a mapping", SourceSpan(shown, line)))
            continue
        name = str(entry.get("id") or "?")
        missing = [k for k in ("id", "kind", "quote", "title", "body") if not entry.get(k)]
        quote = read_quote(entry.get("quote"))
        problems = []
        if missing:
            problems.append(f"missing {', '.join(missing)}")
        if entry.get("kind") and entry["kind"] not in KINDS:
            problems.append(f"kind must be one of {', '.join(KINDS)}")
        if entry.get("quote") and quote is None:
            problems.append("quote needs a non-empty 'exact'")
        if entry.get("id") and not _ID.match(str(entry["id"])):
            problems.append("id must be lower-case letters, digits and hyphens")
        if name in seen:
            problems.append("id used twice in this file")
        for key in entry:
            if key not in _KEYS:
                problems.append(f"unknown key {key!r}")
        if problems:
            diagnostics.append(
                Diagnostic("error", "annotation-invalid", f"annotation {name!r}: {'; '.join(problems)}", SourceSpan(shown, line))
            )
            continue
        seen.add(name)
        assert quote is not None
        sources = entry.get("sources") or []
        found.append(
            Annotation(
                id=name,
                paper_id=paper_id,
                kind=entry["kind"],
                quote=quote,
                title=" ".join(str(entry["title"]).split()),
                body=" ".join(str(entry["body"]).split()),
                sources=tuple(str(s) for s in (sources if isinstance(sources, list) else [sources])),
                span=SourceSpan(shown, line),
            )
        )
    return found, diagnostics
