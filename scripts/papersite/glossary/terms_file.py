"""Loading the glossary data file, ``sources/glossary.yml`` (schema in its header)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model import Diagnostic, SourceSpan, Term, TermDefinitionSite
from ..yamlfile import line_of, load_yaml

_KEYS = frozenset({"id", "name", "forms", "short", "definition", "related", "defined_in", "sources"})
_REQUIRED = ("id", "name", "short")


def load_glossary(path: Path, shown: str) -> tuple[tuple[Term, ...], list[Diagnostic]]:
    """Read the glossary; an entry with a problem is reported and, if unusable, skipped."""
    if not path.is_file():
        return (), []
    data, diagnostics = load_yaml(path, shown)
    if data is None:
        return (), diagnostics
    entries = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        diagnostics.append(
            Diagnostic("error", "glossary-invalid", "the glossary needs a list under 'terms'; none loaded", SourceSpan(shown, 1))
        )
        return (), diagnostics

    def problem(message: str, line: int, severity: str = "warning", rule: str = "glossary-invalid") -> None:
        diagnostics.append(Diagnostic(severity, rule, message, SourceSpan(shown, line)))  # type: ignore[arg-type]

    terms: list[Term] = []
    seen: set[str] = set()
    for entry in entries:
        line = line_of(entry)
        if not isinstance(entry, dict):
            problem("each glossary entry must be a mapping; entry skipped", line)
            continue
        missing = [key for key in _REQUIRED if not isinstance(entry.get(key), str) or not entry[key].strip()]
        if missing:
            problem(f"glossary entry lacks required {', '.join(missing)}; entry skipped", line, "error", "glossary-missing-field")
            continue
        for key in entry:
            if key not in _KEYS:
                problem(f"unknown key {key!r} in glossary entry {entry['id']!r} ignored", line_of(entry, key), rule="glossary-unknown-key")
        term_id = entry["id"].strip()
        if term_id in seen:
            problem(f"glossary id {term_id!r} used twice; the second entry is skipped", line, "error", "glossary-duplicate-id")
            continue
        seen.add(term_id)
        terms.append(
            Term(
                id=term_id,
                name=entry["name"].strip(),
                forms=_strings(entry.get("forms"), "forms", entry, problem),
                short=" ".join(entry["short"].split()),
                definition=" ".join(str(entry.get("definition") or "").split()),
                related=_strings(entry.get("related"), "related", entry, problem),
                defined_in=tuple(_definition_sites(entry.get("defined_in"), entry, problem)),
                sources=_strings(entry.get("sources"), "sources", entry, problem),
                span=SourceSpan(shown, line),
            )
        )
    known = {term.id for term in terms}
    for term in terms:
        for related in term.related:
            if related not in known:
                line = term.span.line if term.span else 1
                problem(f"term {term.id!r} relates to unknown term {related!r}", line, rule="glossary-unknown-related")
    return tuple(terms), diagnostics


def _strings(value: Any, key: str, entry: dict[str, Any], problem: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value.strip(),)
    if isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value):
        return tuple(str(v).strip() for v in value if str(v).strip())
    problem(f"'{key}' of glossary entry {entry.get('id')!r} must be a list of text; ignored", line_of(entry, key))
    return ()


def _definition_sites(value: Any, entry: dict[str, Any], problem: Any) -> list[TermDefinitionSite]:
    if value is None:
        return []
    sites = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and isinstance(item.get("paper"), str) and isinstance(item.get("section"), str):
            sites.append(TermDefinitionSite(item["paper"].strip(), item["section"].strip()))
        else:
            problem(f"'defined_in' of {entry.get('id')!r} needs 'paper' and 'section'; ignored", line_of(entry, "defined_in"))
    return sites
