"""Writing generated pages: only when their bytes change, atomically, no stale files."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Mapping


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Write ``content`` to ``path`` unless it already holds exactly that.

    Unchanged files keep their modification time, so ``mkdocs serve`` does not
    rebuild again after the hook ran (no reload loop). The write goes through
    a temporary file and a rename, so a reader never sees half a page.
    """
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)  # as a plain write would leave it (mkstemp makes it private)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def write_tree(root: Path, files: Mapping[str, str | bytes]) -> tuple[list[str], list[str]]:
    """Make ``root`` hold exactly ``files`` (relative path -> text, or bytes written as they are).

    Returns the paths written and the stale paths removed. Only files under
    ``root`` are touched; ``root`` is the generated-output folder.
    """
    written = [name for name, content in sorted(files.items()) if write_if_changed(root / name, content)]
    removed: list[str] = []
    if root.is_dir():
        for existing in sorted(root.rglob("*")):
            if existing.is_file():
                name = existing.relative_to(root).as_posix()
                if name not in files:
                    existing.unlink()
                    removed.append(name)
        for folder in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
    return written, removed
