"""Reading order on a page: one column, two columns, and pages whose columns change.

A page has two columns when some vertical strip in its middle is crossed by
few of its lines while many lines lie wholly on each side. Lines that cross
the strip (a title, an abstract, a wide table or figure) cut the page into
bands; within a band the left column is read before the right one. Runs on
one baseline within one column are cells of one row, joined into one line.
"""

from __future__ import annotations

from .model import PdfLine

#: Share of a page's lines that may cross the gutter of a two-column page.
MAX_CROSSING = 0.3
#: Lines needed on each side of a gutter.
MIN_SIDE_LINES = 5
#: Narrowest gutter (points).
MIN_GUTTER = 6.0


def find_gutter(lines: list[PdfLine]) -> tuple[float, float] | None:
    """The x-range of the gap between two columns, or ``None`` for a one-column page."""
    if len(lines) < 2 * MIN_SIDE_LINES:
        return None
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    width = right_edge - left_edge
    if width <= 0:
        return None
    best: tuple[int, float] | None = None
    steps = 60
    for step in range(steps + 1):
        x = left_edge + width * (0.3 + 0.4 * step / steps)
        crossing = sum(1 for line in lines if line.x0 < x < line.x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    assert best is not None
    crossing, x = best
    if crossing > MAX_CROSSING * len(lines):
        return None
    uncrossed = [line for line in lines if not (line.x0 < x < line.x1)]
    left = [line for line in uncrossed if line.x1 <= x]
    right = [line for line in uncrossed if line.x0 >= x]
    if len(left) < MIN_SIDE_LINES or len(right) < MIN_SIDE_LINES:
        return None
    gap = (max(line.x1 for line in left), min(line.x0 for line in right))
    if gap[1] - gap[0] < MIN_GUTTER:
        return None
    # Both sides must be columns of running text, not code with comments set to the right:
    # most right-hand lines start at the column's margin, many left-hand lines run up to the gutter.
    starts = sum(1 for line in right if line.x0 - gap[1] < line.size)
    full = sum(1 for line in left if gap[0] - line.x1 < 2 * line.size)
    if starts * 2 < len(right) or full * 5 < 2 * len(left):
        return None
    if min(gap[0] - left_edge, right_edge - gap[1]) < 0.25 * width:
        return None
    return gap


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
            )
        )
    return joined


def reading_order(lines: list[PdfLine]) -> tuple[list[PdfLine], int]:
    """The page's lines in reading order, and its number of columns (1 or 2)."""
    gutter = find_gutter(lines)
    if gutter is None:
        return join_cells(lines), 1
    middle = (gutter[0] + gutter[1]) / 2
    ordered: list[PdfLine] = []
    band: list[PdfLine] = []

    def flush() -> None:
        left = [_in_column(l, 1) for l in band if l.x1 <= middle]
        right = [_in_column(l, 2) for l in band if l.x0 >= middle]
        ordered.extend(join_cells(left) + join_cells(right))
        band.clear()

    rows = join_cells(lines)  # only to find the lines that cross the gutter
    crossing_rows = [row for row in rows if row.x0 < middle < row.x1 and _spans(row, lines, middle)]
    crossing_baselines = sorted(row.baseline for row in crossing_rows)
    by_baseline = sorted(lines, key=lambda l: (l.baseline, l.x0))
    crossing_index = 0
    for line in by_baseline:
        while crossing_index < len(crossing_baselines) and crossing_baselines[crossing_index] < line.baseline - 0.3 * line.size:
            flush()
            ordered.append(next(r for r in crossing_rows if r.baseline == crossing_baselines[crossing_index]))
            crossing_index += 1
        if crossing_index < len(crossing_baselines) and abs(crossing_baselines[crossing_index] - line.baseline) <= 0.3 * line.size:
            continue  # part of a crossing row, added whole
        band.append(line)
    flush()
    for baseline in crossing_baselines[crossing_index:]:
        ordered.append(next(r for r in crossing_rows if r.baseline == baseline))
    return ordered, 2


def _spans(row: PdfLine, lines: list[PdfLine], middle: float) -> bool:
    """A row crosses the gutter when one of its own runs does (not just two cells either side)."""
    return any(l.x0 < middle < l.x1 and abs(l.baseline - row.baseline) <= 0.3 * row.size for l in lines)


def _in_column(line: PdfLine, column: int) -> PdfLine:
    from dataclasses import replace

    return replace(line, column=column)
