"""Page layout shared by the PDF reports: styles, the numbered canvas, the document.

Every style, table and canvas here uses the embedded NanumGothic, so no PDF written
through this module references a base-14 font. The footer of every page carries
"n / N" and the selection run's SHA-256 digest (drawn in a second pass, when N is known).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from reviewer.exchange.reports.fonts import FontNames, register_fonts

MARGIN = 15 * mm
FOOTER_SIZE = 7

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#616e7c")
RULE = colors.HexColor("#9aa5b1")
HEADER_FILL = colors.HexColor("#d9e2ec")
SELECTED_FILL = colors.HexColor("#dff3e4")
QUOTA_FILL = colors.HexColor("#d6ecfa")
DISPLACED_FILL = colors.HexColor("#fdebd3")
UNRANKED_FILL = colors.HexColor("#f0f0f0")
CUTOFF = colors.HexColor("#c62828")
CUTOFF_FILL = colors.HexColor("#fdecea")
LOCKED_FILL = colors.HexColor("#e4e7eb")


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of the reports, all in NanumGothic."""

    fonts: FontNames
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cutoff: ParagraphStyle


def make_styles() -> Styles:
    fonts = register_fonts()

    def style(
        name: str, size: float, *, bold: bool = False, leading: float | None = None, **extra: Any
    ) -> ParagraphStyle:
        font = fonts.bold if bold else fonts.regular
        extra.setdefault("textColor", INK)
        return ParagraphStyle(
            name,
            fontName=font,
            bulletFontName=fonts.regular,
            fontSize=size,
            leading=leading if leading is not None else size * 1.3,
            **extra,
        )

    return Styles(
        fonts=fonts,
        title=style("title", 26, bold=True, leading=34, alignment=TA_CENTER, spaceAfter=8),
        subtitle=style("subtitle", 15, leading=21, alignment=TA_CENTER, textColor=MUTED),
        h1=style("h1", 16, bold=True, leading=21, spaceAfter=6, keepWithNext=1),
        h2=style("h2", 11.5, bold=True, leading=15, spaceBefore=8, spaceAfter=4, keepWithNext=1),
        body=style("body", 9.5, leading=13),
        small=style("small", 8, leading=10.5),
        note=style("note", 7.5, leading=9.8, textColor=MUTED),
        cell=style("cell", 8, leading=10),
        cell_bold=style("cell_bold", 8, bold=True, leading=10),
        cell_right=style("cell_right", 8, leading=10, alignment=TA_RIGHT),
        cell_center=style("cell_center", 8, leading=10, alignment=TA_CENTER),
        cutoff=style("cutoff", 7.5, bold=True, leading=9, alignment=TA_CENTER, textColor=CUTOFF),
    )


CELL_HEIGHT_LIMIT = 160.0  # points a paragraph in a table cell may take (16 lines of 8 pt)
CUT_MARK = " […]"  # ends a text cut to fit its cell (the workbook holds it whole)
_MEASURING = 10_000.0  # a table measures its cells with 72,000 points less the padding
_CELL_MEASURE = 72_000.0


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


class CellParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph of plain text that, in a table cell, takes at most
    ``CELL_HEIGHT_LIMIT``: a longer text is cut where that height ends and marked with
    ``CUT_MARK``, so a row always fits a page. A table measures its cells with a height
    of 72,000 points less the padding; in the page's own flow (the frame's height, or
    the unbounded height ``KeepTogether`` measures with) it is whole and splits across
    pages like any paragraph."""

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        # the parts a split makes are built as ``cls(None, style, frags=...)``
        super().__init__(_markup(text) if text is not None else None, style, *args, **kwargs)
        self.plain = text

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        measuring = _MEASURING < availHeight <= _CELL_MEASURE
        if height <= CELL_HEIGHT_LIMIT or not measuring or self.plain is None:
            return width, height
        low, high = 0, len(self.plain)  # the longest start that fits, with the mark
        while low < high:
            middle = (low + high + 1) // 2
            trial = Paragraph(_markup(self.plain[:middle].rstrip() + CUT_MARK), self.style)
            if trial.wrap(availWidth, availHeight)[1] <= CELL_HEIGHT_LIMIT:
                low = middle
            else:
                high = middle - 1
        Paragraph.__init__(self, _markup(self.plain[:low].rstrip() + CUT_MARK), self.style)
        width, height = super().wrap(availWidth, availHeight)
        return width, height


PIECE_LINES = 40  # lines of a long text laid out as one paragraph


def pieces(text: str, style: ParagraphStyle) -> list[Flowable]:
    """``text`` whole, as paragraphs of at most ``PIECE_LINES`` lines each: a text of
    thousands of lines splits across pages between them, not by laying out the rest
    of one paragraph again at every page."""
    lines = text.split("\n")
    return [
        para("\n".join(lines[start : start + PIECE_LINES]), style, whole=True)
        for start in range(0, len(lines), PIECE_LINES)
    ]


def para(text: str, style: ParagraphStyle, *, whole: bool = False) -> Paragraph:
    """A paragraph of plain ``text`` (escaped; line breaks kept); in a table cell, cut
    to ``CELL_HEIGHT_LIMIT`` unless ``whole`` (then the table must split in rows)."""
    if whole:
        return Paragraph(_markup(text), style)
    return CellParagraph(text, style)


def fit(
    text: str, width: float, style: ParagraphStyle, size: float | None = None, padding: float = 6.0
) -> str | Paragraph:
    """``text`` for a table cell of ``width``: plain text when it fits on one line at the
    table's font ``size`` (much cheaper to lay out), else a paragraph that wraps it."""
    size = style.fontSize if size is None else size
    if "\n" not in text and stringWidth(text, style.fontName, size) <= width - padding:
        return text
    return para(text, style)


def table_style(
    fonts: FontNames, *, header_rows: int = 1, size: float = 8
) -> list[tuple[Any, ...]]:
    """The base commands of every table: NanumGothic everywhere, a shaded bold header."""
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.regular),
        ("FONTSIZE", (0, 0), (-1, -1), size),
        ("LEADING", (0, 0), (-1, -1), size * 1.25),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        last = header_rows - 1
        commands += [
            ("FONTNAME", (0, 0), (-1, last), fonts.bold),
            ("BACKGROUND", (0, 0), (-1, last), HEADER_FILL),
            ("ALIGN", (0, 0), (-1, last), "CENTER"),
        ]
    return commands


@dataclass(frozen=True)
class Footer:
    """What the footer of every page says."""

    digest: str
    label: str


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """A canvas that keeps each page until the end, then draws "n / N" and the digest
    on every page (the total is only known after the last page)."""

    def __init__(
        self,
        *args: Any,
        footer: Footer,
        on_page: Callable[[int], None] | None = None,
        **kwargs: Any,
    ) -> None:
        fonts = register_fonts()
        # The document passes None when it has no initial font: never fall back to the
        # base-14 default.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.regular
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._on_page = on_page
        self._fonts = fonts
        self._pages: list[dict[str, Any]] = []
        self._footer_forms: set[str] = set()

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        if self._on_page is not None:
            self._on_page(len(self._pages))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        """The footer: the rule, the digest and the label (the same on every page: drawn
        once into a form, one for each of the two layouts) and "n / N"."""
        width, _ = self._pagesize
        y = MARGIN / 2
        bold = self._fonts.bold
        page = f"{number} / {total}"
        centre_half = self.stringWidth(page, bold, FOOTER_SIZE + 1) / 2 + 8
        fits = (
            MARGIN + self._digest_width < width / 2 - centre_half
            and self._label_width < width / 2 - centre_half - MARGIN
        )
        self.saveState()
        self.doForm(self._footer_form(fits))
        self.setFillColor(MUTED)
        self.setFont(bold, FOOTER_SIZE + 1)
        if fits:
            self.drawCentredString(width / 2, y - 1, page)
        else:  # a narrow page: the label goes below, the page number to the right
            self.drawRightString(width - MARGIN, y - 1, page)
        self.restoreState()

    @cached_property
    def _digest_width(self) -> float:
        text = f"SHA-256 {self._footer.digest}"
        return float(self.stringWidth(text, self._fonts.regular, FOOTER_SIZE))

    @cached_property
    def _label_width(self) -> float:
        return float(self.stringWidth(self._footer.label, self._fonts.regular, FOOTER_SIZE))

    def _footer_form(self, fits: bool) -> str:
        name = f"footer{int(fits)}"
        if name in self._footer_forms:
            return name
        self._footer_forms.add(name)
        width, _ = self._pagesize
        y = MARGIN / 2
        self.beginForm(name)
        self.setFillColor(MUTED)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(MARGIN, y + 9, width - MARGIN, y + 9)
        self.setFont(self._fonts.regular, FOOTER_SIZE)
        self.drawString(MARGIN, y, f"SHA-256 {self._footer.digest}")
        if fits:
            self.drawRightString(width - MARGIN, y, self._footer.label)
        else:
            self.drawString(MARGIN, y - 9, self._footer.label)
        self.endForm()
        return name


class ReportDocument(BaseDocTemplate):  # type: ignore[misc]
    """One page template with a single frame; the footer sits in the bottom margin."""

    def __init__(
        self,
        path: Path,
        *,
        title: str,
        author: str,
        subject: str,
        pagesize: tuple[float, float] = landscape(A4),
    ) -> None:
        super().__init__(
            str(path),
            pagesize=pagesize,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN + 4 * mm,
            title=title,
            author=author,
            subject=subject,
            creator="reviewer",
            initialFontName=register_fonts().regular,
            initialFontSize=9,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])

    def render(
        self,
        story: Sequence[Flowable],
        footer: Footer,
        on_page: Callable[[int], None] | None = None,
    ) -> None:
        def canvas(*args: Any, **kwargs: Any) -> NumberedCanvas:
            return NumberedCanvas(*args, footer=footer, on_page=on_page, **kwargs)

        self.build(list(story), canvasmaker=canvas)


class PageProgress:
    """Reports ``(done, total)`` as pages are laid out, against an estimated page count
    (held below the total until ``finish``)."""

    def __init__(self, progress: Callable[[int, int], None] | None, estimate: int) -> None:
        self.progress = progress
        self.total = max(estimate, 1) + 1

    def start(self) -> None:
        if self.progress is not None:
            self.progress(0, self.total)

    def on_page(self, pages: int) -> None:
        if self.progress is not None:
            self.total = max(self.total, pages + 1)
            self.progress(pages, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)
