"""The public entry points: a reference string in, a :class:`ParsedReference` out."""

from __future__ import annotations

import concurrent.futures
import functools
import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from .assemble import assemble, segments_of
from .labeller import LEXICON_RESOURCE, MODEL_RESOURCE, Labeller, default_labeller
from .reference import ParsedReference, from_json, to_json
from .tokens import tokenize

_SURROGATE = re.compile("[\ud800-\udfff]")


class ReferenceParser:
    """Parses references with one CRF model (the shipped one unless another is given)."""

    __slots__ = ("_labeller",)

    def __init__(self, labeller: Labeller | None = None) -> None:
        self._labeller = labeller if labeller is not None else default_labeller()

    @classmethod
    def from_model(cls, path: Path) -> ReferenceParser:
        return cls(Labeller.from_path(path))

    def parse(self, raw: str, *, numbered_list: bool = False) -> ParsedReference:
        """Cut ``raw`` into fields; never raises for any string."""
        text = raw if isinstance(raw, str) else str(raw)
        # lone surrogates cannot reach crfsuite (UTF-8); each becomes one "?" so spans stay aligned
        safe = text if text.isascii() else _SURROGATE.sub("?", text)
        tokens = tokenize(safe)
        labelling = self._labeller.label(tokens)
        segments = segments_of(safe, tokens, labelling.labels)
        parsed = assemble(
            safe, segments, numbered_list=numbered_list, confidence=labelling.probability, lexicon=self._labeller.lexicon
        )
        return parsed if safe == text else replace(parsed, raw=text)


def parse_reference(raw: str, *, numbered_list: bool = False) -> ParsedReference:
    """Parse one reference string with the shipped model.

    ``numbered_list=True`` says the entry comes from a numbered list whose
    citations point at pages: a trailing "p 70" / "pp 134-135" is then the cited
    page (``locator``), not the work's page range.
    """
    return ReferenceParser().parse(raw, numbered_list=numbered_list)


def parse_references(raws: Sequence[str], *, numbered_list: bool = False) -> list[ParsedReference]:
    """Parse many reference strings with the shipped model, in order."""
    parser = ReferenceParser()
    return [parser.parse(raw, numbered_list=numbered_list) for raw in raws]


@functools.cache
def parser_version() -> str:
    """A digest of this package's code and shipped model: parses cached under it stay valid
    exactly as long as neither changes."""
    digest = hashlib.sha256()
    package = resources.files("papersite.refparse")
    for name in sorted(entry.name for entry in package.iterdir() if entry.name.endswith(".py")):
        digest.update(name.encode() + package.joinpath(name).read_bytes())
    digest.update(resources.files("papersite").joinpath(MODEL_RESOURCE).read_bytes())
    digest.update(resources.files("papersite").joinpath(LEXICON_RESOURCE).read_bytes())
    return digest.hexdigest()


def _cache_key(raw: str, numbered_list: bool) -> str:
    return hashlib.sha256(json.dumps([parser_version(), numbered_list, raw]).encode("utf-8", "surrogatepass")).hexdigest()


def _parse_to_json(batch: tuple[list[str], bool]) -> list[dict[str, Any]]:
    raws, numbered_list = batch
    parser = ReferenceParser()
    return [to_json(parser.parse(raw, numbered_list=numbered_list)) for raw in raws]


#: From this many strings missing from the cache, they are parsed in a pool of
#: worker processes, in fixed chunks of this size.
PARALLEL_FROM = 500
PARALLEL_CHUNK = 200


def prefill_cache(batches: Sequence[tuple[Sequence[str], bool]], cache: dict[str, dict[str, Any]]) -> int:
    """Parse, in parallel, the strings of ``batches`` ((strings, numbered list?) pairs)
    missing from ``cache``, when there are many; return how many were parsed.
    :func:`parse_references_cached` then finds them all in the cache."""
    missing: dict[str, tuple[str, bool]] = {}
    for raws, numbered_list in batches:
        for raw in raws:
            key = _cache_key(raw, numbered_list)
            if key not in cache:
                missing[key] = (raw, numbered_list)
    workers = min(os.cpu_count() or 1, len(missing) // PARALLEL_CHUNK + 1)
    if len(missing) < PARALLEL_FROM or workers < 2:
        return 0
    keys = list(missing)
    chunks: list[list[str]] = []  # each of one list kind
    for kind in (False, True):
        kind_keys = [key for key in keys if missing[key][1] == kind]
        chunks += [kind_keys[i : i + PARALLEL_CHUNK] for i in range(0, len(kind_keys), PARALLEL_CHUNK)]
    with concurrent.futures.ProcessPoolExecutor(workers) as pool:
        results = pool.map(_parse_to_json, [([missing[key][0] for key in chunk], missing[chunk[0]][1]) for chunk in chunks])
        for chunk, parsed in zip(chunks, results):
            cache.update(zip(chunk, parsed))
    return len(missing)


def parse_references_cached(
    raws: Sequence[str], cache: dict[str, dict[str, Any]], used: set[str], *, numbered_list: bool = False
) -> list[ParsedReference]:
    """:func:`parse_references`, taking earlier parses from ``cache`` (JSON-ready, by
    a digest of the string, the list kind and :func:`parser_version`) and adding new ones."""
    keys = [_cache_key(raw, numbered_list) for raw in raws]
    parser: ReferenceParser | None = None
    found = []
    for key, raw in zip(keys, raws):
        if key in cache:
            try:
                found.append(from_json(cache[key]))
                continue
            except (KeyError, TypeError, ValueError, AttributeError):  # a damaged entry: parsed again
                pass
        parser = parser or ReferenceParser()
        parsed = parser.parse(raw, numbered_list=numbered_list)
        cache[key] = to_json(parsed)
        found.append(parsed)
    used.update(keys)
    return found
