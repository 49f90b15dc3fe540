"""Score-sheet pages drawn straight onto the canvas, with what every page shares drawn once.

A reviewer's PDF has a page per application, and the pages of one track differ only in a
few values: the application's six facts, the scores and points, the total and the
comment. Laying out every page's tables again with platypus took most of the time of
``export --sheets``. Here the parts that do not change — the heading, the tables' labels
and grids, the criteria of each track, the comment box's header and the signature block —
are laid out once by the very flowables of :mod:`~reviewer.exchange.reports.pdf.sheets`
into PDF form XObjects, and each page places those forms and draws its values where those
tables put them (the rule of platypus's ``Table`` for a one-line string cell: its
padding, alignment and middle line). So a fast page looks exactly like the page the
flowables make.

A page that does not fit this mould is left to the flowables (:meth:`FastSheet.page`
returns None): a conflict of interest (its note), an application fact that needs more
than one line, an unknown track, or a comment so long that the signature would move to
another page.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer, Table

from reviewer.domain.config import Track
from reviewer.domain.model import Application, Review
from reviewer.exchange.reports.pdf.layout import INK, RULE, para

if TYPE_CHECKING:
    from reviewer.exchange.reports.pdf.sheets import _ScoreSheet

GAP_TABLES = 5 * mm  # the spacers of ``_ScoreSheet.page``
GAP_SIGNATURE = 8 * mm
COMMENT_HEADER = 18.0  # the comment box's rows (``_ScoreSheet.comment_box``)
EMPTY_COMMENT = 90.0
PADDING = 2.5  # top and bottom padding of every table cell (``table_style``)
SIDE = 3.0  # left and right padding
FACTS_SIZE = 9.5  # the application table's font (``_ScoreSheet.application_table``)
CRITERIA_LEADING = 10 * 1.25  # the criteria table's leading, and its values' size
VALUE_SIZE = 11.0
BLEED = 5.0  # room around a form's box: a grid line at its edge is not cut in half


@dataclass(frozen=True)
class _Cell:
    """Where a string cell's text goes: x (left edge, or centre), the baseline, font."""

    x: float
    y: float
    font: str
    size: float
    centred: bool


@dataclass(frozen=True)
class _Layout:
    """One track's static page: the flowables of its form, and where the values go (frame
    coordinates)."""

    flowables: tuple[Flowable, ...]
    facts: tuple[_Cell, ...]  # the six application facts
    scores: tuple[tuple[_Cell, _Cell], ...]  # per criterion: raw score, points
    total: _Cell
    bottom: float  # the criteria table's bottom edge


def _middle(row_bottom: float, row_height: float, leading: float, size: float) -> float:
    """The baseline platypus gives a one-line string cell aligned to the middle."""
    return row_bottom + (PADDING + row_height - PADDING + leading) / 2.0 - size


def _rows(table: Table, bottom: float) -> list[tuple[float, float]]:
    """Each row's bottom edge and height, in frame coordinates."""
    positions = table._rowpositions  # tops from the table's bottom, row 0 first
    return [
        (bottom + positions[row + 1], positions[row] - positions[row + 1])
        for row in range(len(positions) - 1)
    ]


def _centre(table: Table, column: int) -> float:
    left, right = table._colpositions[column], table._colpositions[column + 1]
    return float(left + (right - left + SIDE - SIDE) * 0.5)


def _frame(width: float, height: float, bottom: float = 0.0) -> Frame:
    """A frame of ``width`` × ``height`` without padding, its bottom edge at ``bottom``."""
    return Frame(
        0, bottom, width, height, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0
    )


class FastSheet:
    """Makes the pages of one reviewer's PDF (see the module's description)."""

    def __init__(self, sheet: _ScoreSheet, width: float, height: float) -> None:
        self.sheet = sheet
        self.width = width
        self.height = height
        self.fonts = sheet.styles.fonts
        self._scratch = Canvas(io.BytesIO())  # where layouts are measured, never saved
        self._layouts: dict[str, _Layout | None] = {}
        self._signature: tuple[tuple[Flowable, ...], float] | None = None
        self._forms: dict[tuple[int, str], str] = {}  # (canvas, part) → form name

    def page(self, app: Application, review: Review | None) -> Flowable | None:
        """The application's page as one flowable, or None when the flowables must lay it
        out (see the module's description)."""
        if review is not None and review.conflict:
            return None
        track = self.sheet.context.track(app.track)
        if track is None:
            return None
        facts = self.sheet.application_values(app, track)
        font = self.sheet.styles.body.fontName
        room = self.width - 90 - 2 * SIDE  # as ``fit`` decides a fact's cell
        if any("\n" in v or stringWidth(v, font, FACTS_SIZE) > room for v in facts):
            return None
        layout = self._layout(track)
        if layout is None:
            return None
        body: Paragraph | str | None = None
        body_height = EMPTY_COMMENT
        if review is not None and review.comment:
            body, body_height = self._comment(review.comment)
        _, signature_height = self._signature_block()
        comment_top = layout.bottom - GAP_TABLES
        signature_top = comment_top - COMMENT_HEADER - body_height - GAP_SIGNATURE
        if signature_top - signature_height < 0:
            return None  # the flowables move the signature to the next page
        scores, total = self.sheet.score_values(app, track.criteria, review)
        return _Page(self, track, layout, facts, scores, total, body, body_height, comment_top)

    def _comment(self, comment: str) -> tuple[Paragraph | str, float]:
        """The comment as a paragraph, or as a string when the paragraph would be that one
        line (its words one space apart: a paragraph closes up runs of white space; and no
        invisible character, such as a soft hyphen, that a paragraph would not print), and
        the height of the box's body."""
        style = self.sheet.styles.body
        room = self.width - 2 * SIDE
        if (
            comment.isprintable()
            and comment == " ".join(comment.split())
            and (stringWidth(comment, style.fontName, style.fontSize) <= room)
        ):
            return comment, style.leading + 2 * PADDING
        body = para(comment, style)
        return body, body.wrap(room, self.height)[1] + 2 * PADDING

    # -- the static parts --------------------------------------------------------------

    def _layout(self, track: Track) -> _Layout | None:
        """The track's static page, measured once (None: it does not fit one page)."""
        if track.id in self._layouts:
            return self._layouts[track.id]
        sheet = self.sheet
        facts = sheet.application_table_of(None)
        criteria = sheet.criteria_table_of(track.criteria, [("", "")] * len(track.criteria), "")
        flowables = (*sheet.heading(), facts, Spacer(1, GAP_TABLES), criteria)
        frame = _frame(self.width, self.height)
        bottoms: list[float] = []
        for flowable in flowables:
            if not frame.add(flowable, self._scratch):
                self._layouts[track.id] = None
                return None
            bottoms.append(frame._y)
        facts_bottom, criteria_bottom = bottoms[-3], bottoms[-1]
        regular, bold = self.fonts.regular, self.fonts.bold
        x = facts._colpositions[1] + SIDE
        fact_cells = tuple(
            _Cell(x, _middle(b, h, FACTS_SIZE * 1.25, FACTS_SIZE), regular, FACTS_SIZE, False)
            for b, h in _rows(facts, facts_bottom)
        )
        rows = _rows(criteria, criteria_bottom)
        raw_x, points_x = _centre(criteria, 3), _centre(criteria, 4)
        score_cells = []
        for b, h in rows[1:-1]:  # the criteria, without the header and the total
            y = _middle(b, h, CRITERIA_LEADING, VALUE_SIZE)
            score_cells.append(
                (
                    _Cell(raw_x, y, regular, VALUE_SIZE, True),
                    _Cell(points_x, y, regular, VALUE_SIZE, True),
                )
            )
        b, h = rows[-1]
        total = _Cell(points_x, _middle(b, h, CRITERIA_LEADING, VALUE_SIZE), bold, VALUE_SIZE, True)
        layout = _Layout(flowables, fact_cells, tuple(score_cells), total, criteria_bottom)
        self._layouts[track.id] = layout
        return layout

    def _signature_block(self) -> tuple[tuple[Flowable, ...], float]:
        """The statement and the signature lines, and their height in the frame."""
        if self._signature is None:
            parts = tuple(self.sheet.signature(conflict=False))
            frame = _frame(self.width, self.height)
            for part in parts:
                if not frame.add(part, self._scratch):
                    raise AssertionError("the signature block is taller than a page")
            self._signature = (parts, self.height - frame._y)
        return self._signature

    def form(self, canvas: Any, part: str, flowables: Sequence[Flowable], height: float) -> str:
        """The form of ``flowables`` laid out in a frame of ``height`` (its bottom-left at
        the origin), made on ``canvas`` the first time."""
        key = (id(canvas), part)
        name = self._forms.get(key)
        if name is None:
            name = self._forms[key] = f"sheet{len(self._forms)}"
            canvas.beginForm(
                name, lowerx=-BLEED, lowery=-BLEED, upperx=self.width + BLEED, uppery=height + BLEED
            )
            # a point of room below, so rounding never leaves the last part out
            frame = _frame(self.width, height + 1, bottom=-1)
            for flowable in flowables:
                if not frame.add(flowable, canvas):  # measured to fit: never
                    raise AssertionError(f"a part of the score sheet's form {part} did not fit")
            canvas.endForm()
        return name


class _Page(Flowable):  # type: ignore[misc]
    """One application's page: the forms placed, the values drawn."""

    def __init__(
        self,
        fast: FastSheet,
        track: Track,
        layout: _Layout,
        facts: Sequence[str],
        scores: Sequence[tuple[str, str]],
        total: str,
        body: Paragraph | str | None,
        body_height: float,
        comment_top: float,
    ) -> None:
        super().__init__()
        self.fast = fast
        self.track = track
        self.layout = layout
        self.facts = facts
        self.scores = scores
        self.total = total
        self.body = body
        self.body_height = body_height
        self.comment_top = comment_top

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        # the whole frame (each page follows a page break)
        return self.fast.width, self.fast.height

    def draw(self) -> None:
        canvas, fast, layout = self.canv, self.fast, self.layout
        canvas.saveState()
        canvas.doForm(fast.form(canvas, f"top:{self.track.id}", layout.flowables, fast.height))
        canvas.setFillColor(INK)
        text = canvas.beginText()  # one text object for all the values
        for cell, value in zip(layout.facts, self.facts, strict=True):
            _text(text, cell, value)
        for (raw_cell, points_cell), (raw, points) in zip(layout.scores, self.scores, strict=True):
            _text(text, raw_cell, raw)
            _text(text, points_cell, points)
        _text(text, layout.total, self.total)
        canvas.drawText(text)
        # the comment box: its header row, then the body's frame and text
        header = fast.sheet.comment_header()
        name = fast.form(canvas, "comment", (header,), COMMENT_HEADER)
        canvas.saveState()
        canvas.translate(0, self.comment_top - COMMENT_HEADER)
        canvas.doForm(name)
        canvas.restoreState()
        body_bottom = self.comment_top - COMMENT_HEADER - self.body_height
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.25)
        canvas.rect(0, body_bottom, fast.width, self.body_height, stroke=1, fill=0)
        if isinstance(self.body, str):  # one line, where the paragraph puts it
            style = fast.sheet.styles.body
            canvas.setFillColor(style.textColor)
            canvas.setFont(style.fontName, style.fontSize)
            baseline = body_bottom + PADDING + style.leading - style.fontSize
            canvas.drawString(SIDE, baseline, self.body)
        elif self.body is not None:
            self.body.drawOn(canvas, SIDE, body_bottom + PADDING)
        parts, height = fast._signature_block()
        signature_top = body_bottom - GAP_SIGNATURE
        canvas.saveState()
        canvas.translate(0, signature_top - height)
        canvas.doForm(fast.form(canvas, "signature", parts, height))
        canvas.restoreState()
        canvas.restoreState()


def _text(text: Any, cell: _Cell, value: str) -> None:
    """``value`` in ``cell``, added to the page's text object (as ``drawString`` or
    ``drawCentredString`` would place it)."""
    if not value:
        return
    text.setFont(cell.font, cell.size)
    x = cell.x
    if cell.centred:
        x -= stringWidth(value, cell.font, cell.size) / 2.0
    text.setTextOrigin(x, cell.y)
    text.textOut(value)
