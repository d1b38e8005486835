"""Reading source files as text: encodings, byte-order marks, line ends, binaries."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from .model import Diagnostic, SourceSpan

#: Bytes that never occur in text; a file holding them is treated as binary.
_BINARY_MARKERS = (b"\x00",)


def decode_source(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Decode a source file's bytes to text with ``\\n`` line ends.

    Returns ``(None, diagnostics)`` for a file that is not text; otherwise the
    text and any notes about how it was read (a BOM dropped, a fallback
    encoding used). Never raises.
    """
    diagnostics: list[Diagnostic] = []
    where = SourceSpan(path, 1)
    if any(marker in data for marker in _BINARY_MARKERS):
        diagnostics.append(
            Diagnostic(
                "error",
                "source-binary",
                "file holds NUL bytes, so it is binary, not text; it was skipped",
                where,
            )
        )
        return None, diagnostics
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        diagnostics.append(
            Diagnostic("info", "source-bom", "UTF-8 byte-order mark removed", where)
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        # Windows-1252 is a superset of Latin-1's printable range; bytes it leaves
        # undefined fall back to Latin-1 so nothing is lost.
        text = data.decode("latin-1").translate(_CP1252_FROM_LATIN1)
        diagnostics.append(
            Diagnostic(
                "warning",
                "source-encoding",
                "file is not valid UTF-8 (first bad byte here); read as Windows-1252. "
                "Save it as UTF-8 to silence this",
                SourceSpan(path, line),
            )
        )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, diagnostics


def _cp1252_char(byte: int) -> str:
    raw = bytes([byte])
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


#: Maps each Latin-1 decoded character to its Windows-1252 reading (bytes that
#: Windows-1252 leaves undefined keep their Latin-1 meaning).
_CP1252_FROM_LATIN1 = MappingProxyType({byte: _cp1252_char(byte) for byte in range(0x80, 0xA0)})


def read_source(path: Path, display_path: str | None = None) -> tuple[str | None, list[Diagnostic]]:
    """Read and decode one source file; I/O errors become diagnostics."""
    shown = display_path or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [
            Diagnostic("error", "source-unreadable", f"cannot read file: {exc.strerror}", SourceSpan(shown, 1))
        ]
    return decode_source(data, shown)
