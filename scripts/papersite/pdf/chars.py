"""Characters of one PDF page with their font, size, weight and position (PDFium via pypdfium2).

Only text is read: no form environment is started, so no JavaScript runs,
and no action of the PDF (launching a program, opening another file) is
ever followed.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, replace
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .glyphs import stand_in

#: Characters set at an angle further than this (radians) from upright are rotated text.
_UPRIGHT = 0.05
_FONT_ITALIC_FLAG = 1 << 6
_FONT_FORCE_BOLD_FLAG = 1 << 18
#: TeX's fonts name their shape, not their weight: Computer Modern (cmr10, cmtt10) and the EC and
#: CM-Super faces (ecrm1000, SFRM1000, SFTI1000, SFTT0800), whose descriptors PDFium often reads as 700.
_PLAIN_NAME = re.compile(
    r"regu|book|light|roman|medium|normal|text|cmr\d|cmss|cmtt|cmmi|cmsy|-it\b|italic|\b(?:sf|ec|tc)(?:rm|ti|tt|sl|st|ss|si|sc|cc|xc|it|u)\d", re.I
)
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|cmbx|cmb\d|bx\d|-b\b|\.b\b", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique|cmti|cmmi|cmsl|-it\b|\.it\b|ti\d", re.I)


@dataclass(frozen=True)
class Char:
    """One character: ``x0``/``x1`` its extent, ``baseline`` its origin's height (from the page top)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    font: str
    bold: bool
    italic: bool
    rotated: bool
    #: PDFium put a space (or the PDF had one) just before this character.
    space_before: bool
    #: Position in the content stream.
    index: int = 0
    #: Drawn by a figure (a form XObject holding text: an included plot's labels).
    in_figure: bool = False


def _font_style(name: str, weight: int, flags: int) -> tuple[bool, bool]:
    """Bold and italic from the font's name first; PDFium's weight (an estimate from the font
    descriptor, often 700 for a regular face) only when the name says nothing of weight."""
    bold = bool(_BOLD_NAME.search(name)) or bool(flags & _FONT_FORCE_BOLD_FLAG)
    if not bold and not _PLAIN_NAME.search(name):
        bold = weight >= 700
    italic = bool(flags & _FONT_ITALIC_FLAG) or bool(_ITALIC_NAME.search(name))
    return bold, italic


def page_chars(page: pdfium.PdfPage) -> list[Char]:
    """Every visible character of ``page`` in the order of its content stream."""
    textpage = page.get_textpage()
    try:
        chars = _read_chars(textpage.raw, page.get_height())
        figures = _figure_text_objects(page)
        if figures:
            marked = [_in_figure(textpage.raw, char, figures) for char in chars]
            if sum(c.in_figure for c in marked) * 2 < len(marked):  # a page wholly in a form is no figure
                chars = marked
        return chars
    finally:
        textpage.close()


def _address(pointer: Any) -> int:
    return ctypes.cast(pointer, ctypes.c_void_p).value or 0


def _figure_text_objects(page: pdfium.PdfPage) -> set[int]:
    """The text objects drawn inside form XObjects (an included PDF figure's labels)."""
    found: set[int] = set()
    stack = [(pdfium_c.FPDFPage_GetObject(page.raw, i), 0) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))]
    while stack:
        item, depth = stack.pop()
        kind = pdfium_c.FPDFPageObj_GetType(item)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
            stack.extend((pdfium_c.FPDFFormObj_GetObject(item, i), depth + 1) for i in range(pdfium_c.FPDFFormObj_CountObjects(item)))
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT and depth:
            found.add(_address(item))
    return found


def _in_figure(raw: object, char: Char, figures: set[int]) -> Char:
    inside = _address(pdfium_c.FPDFText_GetTextObject(raw, char.index)) in figures
    return replace(char, in_figure=True) if inside else char


def _read_chars(raw: object, height: float) -> list[Char]:
    """One pass over the text page's characters: the hot loop of extraction, so the PDFium
    calls are bound to locals and their arguments made once."""
    count = pdfium_c.FPDFText_CountChars(raw)
    x, y = ctypes.c_double(), ctypes.c_double()
    rect = pdfium_c.FS_RECTF()
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    # Passing ready-made references saves ctypes a conversion per call.
    x_ref, y_ref, rect_ref, flags_ref = ctypes.byref(x), ctypes.byref(y), ctypes.byref(rect), ctypes.byref(flags)
    get_unicode, get_origin = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetCharOrigin
    get_box, get_size = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    get_info, get_angle = pdfium_c.FPDFText_GetFontInfo, pdfium_c.FPDFText_GetCharAngle
    styles: dict[tuple[bytes, int], tuple[str, bool, bool]] = {}
    chars: list[Char] = []
    pending_space = False
    for index in range(count):
        code = get_unicode(raw, index)
        if code in _SPACES:
            pending_space = True
            continue
        if code in _SKIPPED:
            continue
        get_origin(raw, index, x_ref, y_ref)
        get_box(raw, index, rect_ref)
        size = get_size(raw, index)
        get_info(raw, index, buffer, 128, flags_ref)
        key = (buffer.value, flags.value)
        style = styles.get(key)
        if style is None:  # the weight call is slow: once per font
            name = buffer.value.decode("utf-8", "replace").split("+", 1)[-1]
            bold, italic = _font_style(name, pdfium_c.FPDFText_GetFontWeight(raw, index), flags.value)
            style = styles[key] = (name, bold, italic)
        angle = get_angle(raw, index)
        rotated = _UPRIGHT < angle < 6.283185307179586 - _UPRIGHT
        left, right = (rect.left, rect.right) if rect.left <= rect.right else (rect.right, rect.left)
        chars.append(Char(_char_text(code), left, right, height - y.value, size or 1.0, style[0], style[1], style[2], rotated, pending_space, index))
        pending_space = False
    return chars


_SPACES = frozenset({0x20, 0x0D, 0x0A, 0x09, 0xA0, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)})
_SKIPPED = frozenset({0, 0xFFFE, 0xFEFF})


def _char_text(code: int) -> str:
    if code == 0x02:  # PDFium's mark for a hyphen it took for a soft one at a line end
        return "-"
    if code < 0x20:  # a glyph with no Unicode mapping: its code, read back later (glyphs.py)
        return stand_in(code)
    try:
        return chr(code)
    except ValueError:
        return "\ufffd"


def count_images(page: pdfium.PdfPage) -> int:
    """How many image objects the page draws (a scanned page is one big image)."""
    return sum(
        1
        for index in range(pdfium_c.FPDFPage_CountObjects(page.raw))
        if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page.raw, index)) == pdfium_c.FPDF_PAGEOBJ_IMAGE
    )
