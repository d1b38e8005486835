"""Running the trained CRF over a token sequence.

The model travels inside the package (``papersite/data/refparse.crfsuite``) and is
read once per process; another model file can be given to :class:`Labeller`
directly (the benchmark does, with a model that never saw its test set).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from .features import sequence_features
from .lexicon import lexicon_path, read_lexicon
from .tokens import Token

MODEL_RESOURCE = "data/refparse.crfsuite"
LEXICON_RESOURCE = "data/refparse.lexicon.json"


@dataclass(frozen=True)
class Labelling:
    """One label per token, and the CRF's probability for the whole labelled sequence."""

    labels: tuple[str, ...]
    probability: float


class Labeller:
    """A loaded CRF model; not safe to share between threads (crfsuite's tagger keeps state)."""

    __slots__ = ("_lexicon", "_model", "_tagger")

    def __init__(self, model: bytes, lexicon: Mapping[str, str] | None = None) -> None:
        # crfsuite reads the model in place, without copying it: keep the bytes alive as long as the tagger
        self._model = bytes(model)
        self._lexicon: Mapping[str, str] = dict(lexicon or {})
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(self._model)
        self._tagger = tagger

    @property
    def lexicon(self) -> Mapping[str, str]:
        """The word classes the model's features use (:mod:`papersite.refparse.lexicon`)."""
        return self._lexicon

    @classmethod
    def from_path(cls, path: Path) -> Labeller:
        """The model at ``path`` with the lexicon beside it (``x.lexicon.json``; none if there is no such file)."""
        lexicon = lexicon_path(path)
        return cls(path.read_bytes(), read_lexicon(lexicon.read_bytes()) if lexicon.exists() else None)

    def label(self, tokens: Sequence[Token]) -> Labelling:
        """Label ``tokens``; an empty sequence gets no labels and probability 0."""
        if not tokens:
            return Labelling((), 0.0)
        tagger = self._tagger
        labels = tagger.tag(sequence_features(tokens, self._lexicon))
        return Labelling(tuple(labels), float(tagger.probability(labels)))


@lru_cache(maxsize=1)
def default_labeller() -> Labeller:
    """The labeller for the model shipped with the package, loaded on first use."""
    package = resources.files("papersite")
    return Labeller(
        package.joinpath(MODEL_RESOURCE).read_bytes(), read_lexicon(package.joinpath(LEXICON_RESOURCE).read_bytes())
    )
