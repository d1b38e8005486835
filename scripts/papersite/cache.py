"""The one cache layer: what a build keeps in ``.papersite-cache/`` for the next one.

Every stage that keeps something between builds asks the build's
:class:`Cache` for a named :class:`Store` (a mapping of keys to JSON values,
or to pickled values with ``pickled=True``). This module alone decides:

- **keys and invalidation**: a store's keys are digests of everything its
  stage read (:func:`digest`); the whole cache is also stamped with the
  *code version* (a digest of the package's code and data files plus its
  version), so any change of code or model empties every store at once;
- **storage**: one file per store, written atomically (a temporary file
  renamed over the old one), only when its content changed;
- **pruning**: a store keeps only the keys the build used (``get``/``put``)
  unless the stage keeps others explicitly (``keep``);
- **repair**: a store that cannot be read (damaged, truncated, wrong shape)
  is started afresh; stages check the values they take from it.

A Cache is made per build and passed in the build's context: no module state.
"""

from __future__ import annotations

import hashlib
import json
import pickle  # noqa: S403 - only our own cache files, written by this module, are read
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from .writer import write_if_changed

FOLDER = ".papersite-cache"
VERSION_FILE = "version"


@cache
def code_version() -> str:
    """A digest of the package's version and every code and data file of it (computed once per process)."""
    package = Path(__file__).resolve().parent
    found = hashlib.sha256()
    try:
        found.update(metadata.version("papersite").encode())
    except metadata.PackageNotFoundError:
        found.update(b"uninstalled")
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            found.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return found.hexdigest()


def digest(*inputs: Any) -> str:
    """A key from a stage's inputs (any JSON-able values, or their ``repr``)."""
    text = json.dumps(inputs, ensure_ascii=False, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Store:
    """One named store: its entries, and which of them this build used."""

    path: Path
    pickled: bool
    #: Keep only the entries used in this build when saving (else keep all).
    prune: bool
    data: dict[str, Any] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)

    def get(self, key: str) -> Any:
        """The entry (``None`` if absent); marks it used."""
        if key in self.data:
            self.used.add(key)
        return self.data.get(key)

    def put(self, key: str, value: Any) -> None:
        self.data[key] = value
        self.used.add(key)

    def keep(self, keys: set[str] | frozenset[str] | list[str]) -> None:
        """Mark entries as used (a stage that reads ``data`` directly says which it used)."""
        self.used.update(k for k in keys if k in self.data)

    def replace_all(self, data: dict[str, Any]) -> None:
        """The store's whole content from now on."""
        self.data = dict(data)
        self.used = set(self.data)

    def encoded(self) -> bytes:
        kept = {k: v for k, v in sorted(self.data.items()) if not self.prune or k in self.used}
        if self.pickled:
            return pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        return (json.dumps(kept, ensure_ascii=False, sort_keys=True, indent=0) + "\n").encode("utf-8")


@dataclass
class Cache:
    """The cache of one build, under ``<root>/.papersite-cache``; :meth:`save` writes what was used."""

    root: Path
    version: str = field(default_factory=code_version)
    stores: dict[str, Store] = field(default_factory=dict)
    #: Whether the folder on disk was made by the same code (else every store starts empty).
    current: bool | None = None

    @property
    def folder(self) -> Path:
        return self.root / FOLDER

    def _is_current(self) -> bool:
        if self.current is None:
            try:
                self.current = (self.folder / VERSION_FILE).read_text(encoding="utf-8").strip() == self.version
            except OSError:
                self.current = False
        return self.current

    def store(self, name: str, *, pickled: bool = False, prune: bool = True) -> Store:
        """The store ``name`` (``<name>.json`` or ``<name>.pickle``), read on first use."""
        if name not in self.stores:
            path = self.folder / f"{name}.{'pickle' if pickled else 'json'}"
            self.stores[name] = Store(path, pickled, prune, self._read(path, pickled) if self._is_current() else {})
        return self.stores[name]

    @staticmethod
    def _read(path: Path, pickled: bool) -> dict[str, Any]:
        try:
            raw = path.read_bytes()
            found = pickle.loads(raw) if pickled else json.loads(raw.decode("utf-8"))  # noqa: S301
        except Exception:  # damaged or missing: start afresh (repair)
            return {}
        return found if isinstance(found, dict) else {}

    def save(self) -> list[str]:
        """Write every store used in this build (pruned), and the version stamp; the files written."""
        if not self._is_current() and self.folder.is_dir():  # made by other code: drop every store not rewritten now
            for old in self.folder.iterdir():
                if old.suffix in (".json", ".pickle") and old.name not in {s.path.name for s in self.stores.values()}:
                    old.unlink(missing_ok=True)
        written = [store.path.name for store in self.stores.values() if write_if_changed(store.path, store.encoded())]
        if self.stores:
            write_if_changed(self.folder / VERSION_FILE, (self.version + "\n").encode("utf-8"))
        return written
