"""Reading order for the text lines of one PDF page (pure geometry; no pdfminer import).

pdfminer groups characters into line segments well, but its ordering of text boxes interleaves the
date column of a CV with its entries, or detaches all the dates of a page from their entries. This
module orders the segments itself with a recursive cut of the page into regions:

1. **True columns.** If a vertical gutter (an x range no segment crosses) splits the region into two
   columns that both run down most of it, and the narrower one is not merely a margin of short notes
   that sit beside lines of the other (dates and places beside CV entries), each column is read in full,
   left column first.
2. **Bands.** Otherwise the region is cut at vertical gaps larger than a normal line gap (between
   paragraphs, entries and sections) and each band is ordered on its own. A gap of about a line or more
   becomes a blank line in the text.
3. Inside a band with a gutter:

   * **Tables** (most visual rows have cells on both sides: ``2021  2nd Place, …  Online``) are read row
     by row;
   * otherwise the column with the most text is the **main** one and each block of the other columns is
     an **annotation** (a date, a place): its first row is appended to the main line it sits beside,
     after a tab, and any further rows of the block follow that line. So a CV entry reads
     ``title<TAB>place``, ``dates``, then its bullets, whether the dates sit left or right.
4. What remains is read row by row, top to bottom; segments of one row are joined by a space, or by a
   tab when the gap between them is wide (a column gap).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from statistics import median

MAX_DEPTH = 40
PARA_GAP = 0.5  # a vertical gap above this many line heights separates bands
BLANK_GAP = 0.8  # ... and above this many, also a blank line in the text
GUTTER = 0.8  # a vertical gutter must be at least this many line heights wide
TAB_GAP = 1.5  # segments of one row further apart than this many line heights are joined with a tab


@dataclass(slots=True)
class Seg:
    """A run of text on one line, in page coordinates with y growing downwards."""

    x0: float
    x1: float
    top: float
    bottom: float
    text: str

    @property
    def h(self) -> float:
        return max(self.bottom - self.top, 0.1)


@dataclass(slots=True)
class Line:
    """One output line: the segments of one visual row, left to right."""

    segs: list[Seg]
    blank_before: bool = False
    extra: list[Line] = field(default_factory=list)  # annotation rows that follow this line

    @property
    def top(self) -> float:
        return min(s.top for s in self.segs)

    @property
    def bottom(self) -> float:
        return max(s.bottom for s in self.segs)

    def text(self) -> str:
        segs = sorted(self.segs, key=lambda s: s.x0)
        out = [segs[0].text.strip()]
        for prev, cur in pairwise(segs):
            gap = cur.x0 - prev.x1
            height = min(prev.h, cur.h)
            out.append("\t" if gap >= TAB_GAP * height else " ")
            out.append(cur.text.strip())
        return "".join(out)


def _median_height(segs: list[Seg]) -> float:
    return median(s.h for s in segs)


def _rows(segs: list[Seg]) -> list[Line]:
    """Group segments into visual rows (enough vertical overlap), top to bottom."""
    rows: list[Line] = []
    row_bounds: list[tuple[float, float, float]] = []  # top, bottom, min height
    for s in sorted(segs, key=lambda s: (s.top, s.x0)):
        placed = False
        for i in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            top, bottom, hmin = row_bounds[i]
            overlap = min(bottom, s.bottom) - max(top, s.top)
            if overlap >= 0.5 * min(hmin, s.h):
                rows[i].segs.append(s)
                row_bounds[i] = (min(top, s.top), max(bottom, s.bottom), min(hmin, s.h))
                placed = True
                break
        if not placed:
            rows.append(Line([s]))
            row_bounds.append((s.top, s.bottom, s.h))
    for row in rows:
        row.segs.sort(key=lambda s: s.x0)
    rows.sort(key=lambda r: r.top)
    return rows


def _split_bands(segs: list[Seg], min_gap: float) -> tuple[list[list[Seg]], list[float]]:
    """Cut at horizontal gaps wider than ``min_gap``; returns the bands (top first) and the gaps."""
    ordered = sorted(segs, key=lambda s: s.top)
    bands: list[list[Seg]] = [[ordered[0]]]
    gaps: list[float] = []
    bottom = ordered[0].bottom
    for s in ordered[1:]:
        gap = s.top - bottom
        if gap > min_gap:
            bands.append([s])
            gaps.append(gap)
        else:
            bands[-1].append(s)
        bottom = max(bottom, s.bottom)
    return bands, gaps


def _split_columns(segs: list[Seg], min_gutter: float) -> list[list[Seg]]:
    """Cut at vertical gutters at least ``min_gutter`` wide; returns the columns, left first."""
    ordered = sorted(segs, key=lambda s: s.x0)
    cols: list[list[Seg]] = [[ordered[0]]]
    right = ordered[0].x1
    for s in ordered[1:]:
        if s.x0 - right >= min_gutter:
            cols.append([s])
        else:
            cols[-1].append(s)
        right = max(right, s.x1)
    return cols


def _chars(segs: list[Seg]) -> int:
    return sum(len(s.text.strip()) for s in segs)


def _extent(segs: list[Seg]) -> float:
    return max(s.bottom for s in segs) - min(s.top for s in segs)


def _true_columns(cols: list[list[Seg]], height: float) -> tuple[list[Seg], list[Seg]] | None:
    """Pick the most balanced two-way split; return it if it is a real column layout."""
    best: tuple[int, int] | None = None
    for i in range(1, len(cols)):
        left = _chars([s for c in cols[:i] for s in c])
        right = _chars([s for c in cols[i:] for s in c])
        if best is None or min(left, right) > best[1]:
            best = (i, min(left, right))
    assert best is not None
    i = best[0]
    left = [s for c in cols[:i] for s in c]
    right = [s for c in cols[i:] for s in c]
    region = _extent(left + right)
    if region <= 0 or _extent(left) < 0.4 * region or _extent(right) < 0.4 * region:
        return None
    narrow, wide = (left, right) if _chars(left) <= _chars(right) else (right, left)
    blocks, _ = _split_bands(narrow, PARA_GAP * height)
    if len(blocks) < 2:
        return None
    wide_tops = [r.top for r in _rows(wide)]
    aligned = 0
    for block in blocks:
        top = min(s.top for s in block)
        if any(abs(top - t) <= 0.6 * height for t in wide_tops):
            aligned += 1
    block_rows = sorted(len(_rows(b)) for b in blocks)
    if aligned >= 0.7 * len(blocks) and block_rows[len(block_rows) // 2] <= 3:
        return None  # annotations (dates, places) beside the lines of the main column
    return left, right


_BULLET_START = tuple("•◦▪●○■‣⁃∙–−-*")


def _is_table(cols: list[list[Seg]], segs: list[Seg]) -> bool:
    """Rows with cells in several columns, and not a CV entry (a title beside a place or a date,
    then bullets beside further dates)."""
    col_of = {id(s): k for k, c in enumerate(cols) for s in c}
    rows = _rows(segs)
    spans = [len({col_of[id(s)] for s in r.segs}) for r in rows]
    while len(spans) > 1 and spans[0] == 1 and len(rows[0].segs) == 1:
        spans.pop(0)  # a heading above the table
        rows.pop(0)
    multi = sum(1 for n in spans if n > 1)
    if multi < 0.85 * len(rows):
        return False
    main = max(range(len(cols)), key=lambda k: _chars(cols[k]))
    for row in rows[1:]:
        first_main = next((s for s in row.segs if col_of[id(s)] == main), None)
        if first_main is not None and first_main.text.lstrip().startswith(_BULLET_START):
            return False
    return True


def _aligned_line(row: Line, lines: list[Line]) -> Line | None:
    """The main line sharing a visual row with ``row`` (most vertical overlap, at least half a line)."""
    best, best_overlap = None, 0.0
    for line in lines:
        overlap = min(line.bottom, row.bottom) - max(line.top, row.top)
        if overlap > best_overlap:
            best, best_overlap = line, overlap
    if best is not None and best_overlap >= 0.5 * min(row.bottom - row.top, best.bottom - best.top):
        return best
    return None


def _place_block(rows: list[Line], lines: list[Line], prefix: list[Line]) -> None:
    """Attach an annotation block's rows to the main lines (see the module docstring); a block above
    every main line goes to ``prefix``."""
    anchor = _aligned_line(rows[0], lines)
    if anchor is None:
        above = [line for line in lines if line.top <= rows[0].top]
        if above:
            max(above, key=lambda line: line.top).extra.extend(rows)
        else:
            prefix.extend(rows)
        return
    anchor.segs.extend(rows[0].segs)
    last = anchor
    for k, row in enumerate(rows[1:], start=1):
        beside = _aligned_line(row, lines)
        if beside is not None and beside.top > last.top and not _starts_with_bullet(beside):
            beside.segs.extend(row.segs)
            last = beside
            continue
        last.extra.extend(rows[k:])
        return


def _starts_with_bullet(line: Line) -> bool:
    first = min(line.segs, key=lambda s: s.x0)
    return first.text.lstrip().startswith(_BULLET_START)


def _annotate(cols: list[list[Seg]], height: float, depth: int) -> list[Line]:
    main_index = max(range(len(cols)), key=lambda k: _chars(cols[k]))
    lines = _layout(cols[main_index], depth + 1)
    if not lines:
        return lines
    prefix: list[Line] = []
    for k, col in enumerate(cols):
        if k == main_index:
            continue
        blocks, _ = _split_bands(col, PARA_GAP * height)
        for block in blocks:
            _place_block(_rows(block), lines, prefix)
    out: list[Line] = sorted(prefix, key=lambda line: line.top)
    if out:
        out[0].blank_before, lines[0].blank_before = lines[0].blank_before, False
    for line in lines:
        out.append(line)
        out.extend(line.extra)
        line.extra = []
    return out


def _layout(segs: list[Seg], depth: int = 0) -> list[Line]:
    if not segs:
        return []
    if len(segs) == 1 or depth >= MAX_DEPTH:
        return _rows(segs)
    height = _median_height(segs)
    cols = _split_columns(segs, GUTTER * height)
    if len(cols) > 1:
        split = _true_columns(cols, height)
        if split is not None:
            left, right = split
            right_lines = _layout(right, depth + 1)
            if right_lines:
                right_lines[0].blank_before = True
            return _layout(left, depth + 1) + right_lines
    bands, gaps = _split_bands(segs, PARA_GAP * height)
    if len(bands) > 1:
        out: list[Line] = []
        for k, band in enumerate(bands):
            lines = _layout(band, depth + 1)
            if k and lines and gaps[k - 1] >= BLANK_GAP * height:
                lines[0].blank_before = True
            out.extend(lines)
        return out
    if len(cols) > 1 and not _is_table(cols, segs):
        return _annotate(cols, height, depth)
    return _rows(segs)


def order_segments(segs: list[Seg]) -> list[Line]:
    """Order one page's segments for reading; see the module docstring."""
    segs = [s for s in segs if s.text.strip()]
    if not segs:
        return []
    return _layout(segs)


def page_text(segs: list[Seg]) -> str:
    """The page's text: one line per visual row (plus annotation rows), blank lines at large gaps."""
    parts: list[str] = []
    for line in order_segments(segs):
        if line.blank_before and parts:
            parts.append("")
        parts.append(line.text())
    return "\n".join(parts)
