"""Small PDFs written byte by byte for the PDF tests: text placed where a test wants it.

Only the PDF standard's base-14 fonts are used (every reader has them), so
the files are tiny and a test states exactly what each page holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FONTS = {
    "F1": "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "F2": "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    "F3": "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Oblique /Encoding /WinAnsiEncoding >>",
    # Code 1 draws the "fi" ligature glyph, code 2 "fl", as TeX fonts do.
    "F4": "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding << /Type /Encoding "
    "/BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl] >> >>",
}


@dataclass(frozen=True)
class Text:
    """A string set at (``x``, ``y``) points from the page's top-left corner (``y`` is the baseline)."""

    x: float
    y: float
    text: str
    size: float = 10.0
    font: str = "F1"
    angle: int = 0  # 0 or 90 (turned, reading upwards)


@dataclass
class Page:
    texts: list[Text] = field(default_factory=list)
    image: bool = False  # one page-sized greyscale image (what a scanner makes)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(page: Page, height: float) -> bytes:
    out = [b"q 612 0 0 792 0 0 cm /Im1 Do Q\n"] if page.image else []
    for t in page.texts:
        matrix = "0 1 -1 0" if t.angle == 90 else "1 0 0 1"
        out.append(f"BT /{t.font} {t.size} Tf {matrix} {t.x} {height - t.y} Tm (".encode() + _escape(t.text) + b") Tj ET\n")
    return b"".join(out)


def make_pdf(
    pages: list[Page],
    *,
    info: dict[str, str] | None = None,
    xmp: str = "",
    encrypted: bool = False,
    catalog_extra: str = "",
    width: float = 612,
    height: float = 792,
) -> bytes:
    """A complete PDF file: the pages, document info, an XMP packet, a (password-protected) /Encrypt."""
    objects: list[bytes] = []

    def add(body: bytes | str) -> int:
        objects.append(body.encode("latin-1") if isinstance(body, str) else body)
        return len(objects)

    catalog = add("")  # filled in below
    pages_id = add("")
    fonts = {name: add(body) for name, body in FONTS.items()}
    image = add(b"<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 16 >>\nstream\n"
                + bytes(range(0, 160, 10)) + b"\nendstream")
    font_dict = " ".join(f"/{name} {number} 0 R" for name, number in fonts.items())
    kids = []
    for page in pages:
        content = _content(page, height)
        stream = add(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"endstream")
        kids.append(add(
            f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {width} {height}] /Contents {stream} 0 R "
            f"/Resources << /Font << {font_dict} >> /XObject << /Im1 {image} 0 R >> >> >>"
        ))
    objects[pages_id - 1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    metadata = ""
    if xmp:
        packet = xmp.encode("utf-8")
        number = add(b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(packet) + packet + b"\nendstream")
        metadata = f" /Metadata {number} 0 R"
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R{metadata} {catalog_extra} >>".encode()
    trailer = f"/Size {len(objects) + 1} /Root {catalog} 0 R"
    if info:
        entries = " ".join(f"/{key} (" + _escape(value).decode("latin-1") + ")" for key, value in info.items())
        trailer += f" /Info {add('<< ' + entries + ' >>')} 0 R"
        trailer = trailer.replace(f"/Size {len(objects)}", f"/Size {len(objects) + 1}")
    if encrypted:  # the standard handler, RC4 40-bit, with a user password that "" does not open
        encrypt = add("<< /Filter /Standard /V 1 /R 2 /O <" + "ab" * 32 + "> /U <" + "cd" * 32 + "> /P -44 >>")
        trailer = f"/Size {len(objects) + 1} /Root {catalog} 0 R /Encrypt {encrypt} 0 R /ID [<{'01' * 16}> <{'01' * 16}>]"
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< {trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def column_page(left: list[str], right: list[str], *, top: float = 100, title: str = "", x_right: float = 320) -> Page:
    """A two-column page: a title across the top, then two columns of 10 pt lines."""
    texts = [Text(72, 60, title, 18, "F2")] if title else []
    texts += [Text(72, top + 12 * i, line) for i, line in enumerate(left)]
    texts += [Text(x_right, top + 12 * i, line) for i, line in enumerate(right)]
    return Page(texts)
