"""Word classes learned from the training data: which words mostly sit in which field.

A CRF already weighs each word it saw (``w=press``), but only for the token
itself. What tells a publisher from a title is often a word *near* a token:
"Bureau of Political and International Studies" is a publisher because of
"Bureau", "Perceptions" a journal because its chunk is followed by "Vol.".
The lexicon gives each frequent training word the field it is mostly labelled
with (``press`` -> publisher, ``washington`` -> location, ``phys`` ->
container), so the features can say "the previous word is a place word" or
"this chunk holds a publisher word" for words the CRF never saw next to each
other.

It is counted from the training strings only (never from the strings a model
is measured on), with the same word form as the features (lower-cased, digits
folded to ``0``, edge punctuation removed), and travels beside the model file
(``<model>.lexicon.json``): :func:`learn_lexicon`, :func:`write_lexicon`,
:func:`read_lexicon`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import MappingProxyType

from .features import word_of
from .tokens import Token

#: Labels that share a class: a journal and a book holding a chapter are both containers.
_CLASS = MappingProxyType({"journal": "container", "container-title": "container"})
MIN_COUNT = 5
MIN_SHARE = 0.6


def learn_lexicon(
    sequences: Iterable[tuple[Iterable[Token], Iterable[str]]], *, min_count: int = MIN_COUNT, min_share: float = MIN_SHARE
) -> dict[str, str]:
    """Each word seen at least ``min_count`` times whose most frequent class holds at least
    ``min_share`` of its occurrences, mapped to that class (sorted, so the file is deterministic)."""
    counts: dict[str, Counter[str]] = {}
    for tokens, labels in sequences:
        for token, label in zip(tokens, labels):
            word = word_of(token.text)
            if word and any(char.isalpha() for char in word):
                counts.setdefault(word, Counter())[_CLASS.get(label, label)] += 1
    lexicon: dict[str, str] = {}
    for word in sorted(counts):
        total = sum(counts[word].values())
        best, n = counts[word].most_common(1)[0]
        if total >= min_count and n >= min_share * total:
            lexicon[word] = best
    return lexicon


def lexicon_path(model: Path) -> Path:
    """Where the lexicon of the model file ``model`` lives: ``x.crfsuite`` -> ``x.lexicon.json``."""
    return model.with_name(model.stem + ".lexicon.json")


def write_lexicon(lexicon: Mapping[str, str], path: Path) -> None:
    path.write_text(json.dumps(dict(lexicon), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", "utf-8")


def read_lexicon(data: bytes | str) -> dict[str, str]:
    """A lexicon from its JSON text (:func:`write_lexicon`); ``ValueError`` if it is not one."""
    loaded = json.loads(data)
    if not isinstance(loaded, dict) or not all(isinstance(label, str) for label in loaded.values()):
        raise ValueError("a reference-parser lexicon is a JSON object of word -> field name")
    return {str(word): label for word, label in loaded.items()}
