"""Loading the four trained structure models (shipped in ``papersite/data/structure-*.crfsuite``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

import pycrfsuite

MODEL_FILES = MappingProxyType({
    "zones": "structure-zones.crfsuite",
    "header": "structure-header.crfsuite",
    "body": "structure-body.crfsuite",
    "references": "structure-references.crfsuite",
})


class Tagger:
    """One CRF model; not safe to share between threads (crfsuite's tagger keeps state)."""

    __slots__ = ("_labels", "_model", "_tagger")

    def __init__(self, model: bytes) -> None:
        # crfsuite reads the model in place: keep the bytes alive as long as the tagger
        self._model = bytes(model)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(self._model)
        self._labels = frozenset(self._tagger.labels())

    def tag(self, features: Sequence[Sequence[str]]) -> tuple[list[str], list[float]]:
        """The best label sequence and each position's marginal probability of its label."""
        if not features:
            return [], []
        tagger = self._tagger
        labels = tagger.tag([list(f) for f in features])
        marginals = [tagger.marginal(label, i) for i, label in enumerate(labels)]
        return list(labels), marginals

    def marginal(self, label: str, position: int) -> float:
        """After :meth:`tag`: the marginal probability of ``label`` at ``position`` (0 for a label the model lacks)."""
        return self._tagger.marginal(label, position) if label in self._labels else 0.0

    def probability(self, labels: Sequence[str]) -> float:
        """After :meth:`tag`: the model's probability of the whole label sequence ``labels`` for the same input."""
        return float(self._tagger.probability(list(labels)))

    def labels(self) -> list[str]:
        """The labels the model knows."""
        return sorted(self._labels)


@dataclass(frozen=True)
class Models:
    zones: Tagger
    header: Tagger
    body: Tagger
    references: Tagger

    @classmethod
    def from_directory(cls, directory: Path) -> Models:
        """The models in ``directory`` (file names as shipped), e.g. ones the benchmark trained."""
        return cls(**{name: Tagger((directory / file).read_bytes()) for name, file in MODEL_FILES.items()})


@lru_cache(maxsize=1)
def default_models() -> Models:
    """The shipped models, loaded on first use."""
    data = resources.files("papersite").joinpath("data")
    return Models(**{name: Tagger(data.joinpath(file).read_bytes()) for name, file in MODEL_FILES.items()})
