"""Reading order on a page: one column, two columns, and pages whose columns change.

A page has two columns when some vertical strip in its middle is crossed by
few of its lines while many lines lie wholly on each side. Lines that cross
the strip (a title, an abstract, a wide table or figure) cut the page into
bands; within a band the left column is read before the right one. Runs on
one baseline within one column are cells of one row, joined into one line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from .model import PdfLine

#: Share of a page's lines that may cross the gutter of a two-column page.
MAX_CROSSING = 0.3
#: Lines needed on each side of a gutter.
MIN_SIDE_LINES = 5
#: A line crosses a split only if it reaches this share of its font size past it on both
#: sides (character boxes are loose: a column's line may end a point or two into the gutter).
OVERHANG = 0.5


def crosses(line: PdfLine, x: float) -> bool:
    margin = OVERHANG * line.size
    return line.x0 < x - margin and line.x1 > x + margin


def find_gutter(lines: list[PdfLine]) -> float | None:
    """The x that splits a two-column page into its columns, or ``None`` for a one-column page."""
    if len(lines) < 2 * MIN_SIDE_LINES:
        return None
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    width = right_edge - left_edge
    if width <= 0:
        return None
    steps = 60
    xs = [left_edge + width * (0.3 + 0.4 * step / steps) for step in range(steps + 1)]
    counts = [sum(1 for line in lines if crosses(line, x)) for x in xs]
    crossing = min(counts)
    # The middle of the first run of least crossed places: a short line that ends at the left
    # column's margin (a contents list's page number) stays on its side of the gutter.
    first = counts.index(crossing)
    last = first
    while last + 1 < len(counts) and counts[last + 1] == crossing:
        last += 1
    x = (xs[first] + xs[last]) / 2
    if crossing > MAX_CROSSING * len(lines):
        return None
    left = [line for line in lines if not crosses(line, x) and (line.x0 + line.x1) / 2 < x]
    right = [line for line in lines if not crosses(line, x) and (line.x0 + line.x1) / 2 >= x]
    if len(left) < MIN_SIDE_LINES or len(right) < MIN_SIDE_LINES:
        return None
    # Two columns of running text, not code with comments set to the right: many right-hand
    # lines start at the column's margin, and one side is justified (many lines end at one x).
    starts = Counter(round(line.x0) for line in right)
    margin = max(starts, key=lambda x: (sum(n for s, n in starts.items() if abs(s - x) <= 1), -x))
    starts_at_margin = sum(1 for line in right if abs(line.x0 - margin) < line.size)
    if starts_at_margin * 4 < len(right) or (_justified(left) * 4 < len(left) and _justified(right) * 4 < len(right)):
        return None
    if margin - _common_end(left) > 0.12 * width:  # a gutter is narrow; code and its comments stand far apart
        return None
    widths = (x - left_edge, _common_end(right) - x)
    if min(widths) < 0.6 * max(widths):  # columns of a page are about equally wide
        return None
    # ... and so are their longer lines (comments set beside code are much shorter than the code).
    longest = (_wide(left), _wide(right))
    if min(longest) < 0.7 * max(longest):
        return None
    return x


def _common_end(lines: list[PdfLine]) -> float:
    """The x where most of these lines end (a justified column's right margin)."""
    ends = Counter(round(line.x1) for line in lines)
    return float(max(ends, key=lambda x: (sum(n for e, n in ends.items() if abs(e - x) <= 1), x)))


def _wide(lines: list[PdfLine]) -> float:
    """The width that a tenth of the lines reach (a column's full line, whatever the short ones)."""
    widths = sorted(line.x1 - line.x0 for line in lines)
    return widths[int(0.9 * (len(widths) - 1))]


def _justified(lines: list[PdfLine]) -> int:
    """How many of the lines end at the side's common right margin."""
    end = _common_end(lines)
    return sum(1 for line in lines if abs(line.x1 - end) <= 1.5)


def join_cells(lines: list[PdfLine]) -> list[PdfLine]:
    """Lines on one baseline (cells of a table row, words set apart) joined left to right."""
    rows: list[list[PdfLine]] = []
    for line in sorted(lines, key=lambda l: (l.baseline, l.x0)):
        if rows and abs(rows[-1][0].baseline - line.baseline) <= 0.3 * max(line.size, rows[-1][0].size):
            rows[-1].append(line)
        else:
            rows.append([line])
    joined = []
    for row in rows:
        row.sort(key=lambda l: l.x0)
        if len(row) == 1:
            joined.append(row[0])
            continue
        main = max(row, key=lambda l: len(l.text))
        joined.append(
            PdfLine(
                page=main.page, x0=row[0].x0, y0=min(l.y0 for l in row), x1=max(l.x1 for l in row), y1=main.y1,
                text=" ".join(l.text for l in row), size=main.size, bold=main.bold, italic=main.italic, font=main.font,
                cells=sum(l.cells for l in row), column=main.column,
                cell_texts=tuple(text for l in row for text in (l.cell_texts or (l.text,))),
                math=round(sum(l.math * len(l.text) for l in row) / max(1, sum(len(l.text) for l in row)), 3),
            )
        )
    return joined


def reading_order(lines: list[PdfLine]) -> tuple[list[PdfLine], int]:
    """The page's lines in reading order, and its number of columns (1 or 2)."""
    split = find_gutter(lines)
    if split is None:
        return join_cells(lines), 1
    ordered: list[PdfLine] = []
    band: list[PdfLine] = []

    def flush() -> None:
        left = [replace(l, column=1) for l in band if (l.x0 + l.x1) / 2 < split]
        right = [replace(l, column=2) for l in band if (l.x0 + l.x1) / 2 >= split]
        ordered.extend(join_cells(left) + join_cells(right))
        band.clear()

    # A row with a run across the gutter (a title, a wide figure or table) ends a band.
    spanning = [row for row in join_cells(lines) if any(crosses(l, split) and _same_row(l, row) for l in lines)]
    pending = sorted(spanning, key=lambda r: r.baseline)
    for line in sorted(lines, key=lambda l: (l.baseline, l.x0)):
        while pending and pending[0].baseline < line.baseline - 0.3 * line.size:
            flush()
            ordered.append(pending.pop(0))
        if any(_same_row(line, row) for row in spanning):
            continue  # part of a spanning row, added whole
        band.append(line)
    flush()
    ordered.extend(pending)
    return ordered, 2


def _same_row(line: PdfLine, row: PdfLine) -> bool:
    return abs(line.baseline - row.baseline) <= 0.3 * max(line.size, row.size)


#: A column's foot (its notes, its half of the page's foot line) is set at most this share of the body size ...
FOOT_SIZE = 0.9
#: ... and smaller than the last line above it by this factor ...
FOOT_STEP = 0.92
#: ... with more space above it than this many times that line's size (a line's usual leading is ~1.2-1.35).
FOOT_GAP = 1.5


def _is_marker(line: PdfLine) -> bool:
    """A raised note number set as a line of its own."""
    return len(line.text.strip()) <= 3 and not any(c.isalpha() for c in line.text)


def _opens_foot(column: list[PdfLine], j: int) -> bool:
    """Could a column's foot begin at line ``j``: after a gap wider than a line's leading, set
    smaller than the line above the gap or opening with a raised note number on a line of its own
    (a note set in the same small type as a listing above it)?"""
    above = column[j - 1]
    first = next((line for line in column[j:] if not _is_marker(line)), column[j])
    if first.baseline - above.baseline <= FOOT_GAP * above.size:
        return False
    return max(line.size for line in column[j:]) < FOOT_STEP * above.size or _is_marker(column[j])


def _foot_start(column: list[PdfLine], body: float) -> int:
    """Where the foot of a column begins (``len(column)``: no foot), within its trailing run of
    lines set smaller than the body: the lowest place a foot could begin, and above it each note
    stacked over it that opens with its raised number. A list set small in the column (references
    under their heading) is no foot; the notes and the page's foot line under it are."""
    start = len(column)
    while start > 0 and column[start - 1].size < FOOT_SIZE * body:
        start -= 1
    found = len(column)
    for j in range(len(column) - 1, max(start, 1) - 1, -1):
        if _opens_foot(column, j):
            if found < len(column) and not _is_marker(column[j]):
                break
            found = j
    return found


#: A line further below the one above it than this many times its size stands apart (a page number).
APART = 2.5


def _text_bottom(column: list[PdfLine]) -> float:
    """The baseline of a column's last line of text, lines standing apart below it (a page number
    centred under the columns) left out."""
    end = len(column)
    while end > 1 and column[end - 1].baseline - column[end - 2].baseline > APART * column[end - 1].size:
        end -= 1
    return column[end - 1].baseline


def feet_last(lines: list[PdfLine], body: float) -> list[PdfLine]:
    """A two-column page's lines with the feet of its last band's columns moved after both columns.

    A note or a page-foot line at the foot of the left column would otherwise be read between the
    left and the right column, and the right column taken for the rest of the note. ``body`` is the
    document's body size. The left column's foot comes before the right one's, each in its order.
    A foot reaches the page's foot: small type in the left column that ends higher than the right
    column's text (a listing of code, a table) stays where it is.
    """
    end = len(lines)
    while end > 0 and lines[end - 1].column == 0:
        end -= 1
    begin = end
    while begin > 0 and lines[begin - 1].column != 0:
        begin -= 1
    left = [line for line in lines[begin:end] if line.column == 1]
    right = [line for line in lines[begin:end] if line.column == 2]
    if not left or not right:
        return lines
    cut_left, cut_right = _foot_start(left, body), _foot_start(right, body)
    if cut_left == len(left):
        return lines  # nothing stands between the columns
    if cut_right and left[-1].baseline < _text_bottom(right[:cut_right]) - 1:
        return lines  # small type that ends above the right column's text is not the page's foot (code, a table)
    return [*lines[:begin], *left[:cut_left], *right[:cut_right], *left[cut_left:], *right[cut_right:], *lines[end:]]
