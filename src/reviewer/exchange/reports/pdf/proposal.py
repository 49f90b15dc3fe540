"""A proposal (사업계획서) as a PDF: a title page and pages of body text.

The title page shows the program, the heading 사업계획서, the title, and a table of the
proposal's facts (id, company, track, …); the body pages have a running header with the
id and company, numbered sections of paragraphs and bullets, and page numbers. Written
with :mod:`reviewer.exchange.reports.pdf.text_pages`, so one file takes a few
milliseconds and the fixed texts' glyphs are embedded from shared subsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from reviewer.exchange.reports.pdf.text_pages import A4, TextDocument, string_width, wrap

_WIDTH, _HEIGHT = A4
_MM = 72 / 25.4
_MARGIN = 22 * _MM
_TEXT = 10.5
_LEADING = 17.0


class Section(Protocol):
    @property
    def heading(self) -> str: ...
    @property
    def paragraphs(self) -> Sequence[str]: ...
    @property
    def bullets(self) -> Sequence[str]: ...


class ProposalText(Protocol):
    @property
    def application_id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def program(self) -> str: ...
    @property
    def facts(self) -> Sequence[tuple[str, str]]: ...
    @property
    def sections(self) -> Sequence[Section]: ...
    @property
    def alphabet(self) -> str: ...


def write_proposal_pdfs(
    folder: Path, proposals: Iterable[ProposalText], name: str = "{id}_사업계획서.pdf"
) -> Path:
    """Write each proposal into ``folder`` as ``name`` (``{id}`` the application id);
    PDFs an earlier run left there are removed first. Returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.pdf"):
        old.unlink()
    for proposal in proposals:
        write_proposal_pdf(folder / name.format(id=proposal.application_id), proposal)
    return folder


def write_proposal_pdf(path: Path, proposal: ProposalText) -> None:
    document = TextDocument(
        alphabet=proposal.alphabet,
        title=f"{proposal.application_id} 사업계획서",
        author=proposal.company,
        subject=proposal.title,
    )
    _title_page(document, proposal)
    document.new_page()
    writer = _Writer(document, f"{proposal.application_id} · {proposal.company}")
    for section in proposal.sections:
        writer.heading(section.heading)
        for paragraph in section.paragraphs:
            writer.paragraph(paragraph)
        for bullet in section.bullets:
            writer.bullet(bullet)
    document.save(path)


def _title_page(doc: TextDocument, proposal: ProposalText) -> None:
    centre = _WIDTH / 2
    doc.centred(centre, _HEIGHT - 40 * _MM, 11, proposal.program)
    doc.centred(centre, _HEIGHT - 58 * _MM, 26, "사 업 계 획 서")
    doc.line(_MARGIN, _HEIGHT - 66 * _MM, _WIDTH - _MARGIN, _HEIGHT - 66 * _MM, 1.2)
    y = _HEIGHT - 84 * _MM
    for line in wrap(proposal.title, 15, _WIDTH - 2 * _MARGIN - 10 * _MM):
        doc.centred(centre, y, 15, line)
        y -= 22
    _table(doc, proposal.facts, y - 18 * _MM)
    doc.centred(centre, 42 * _MM, 11, "2025년   월   일")
    doc.centred(centre, 32 * _MM, 13, f"{proposal.company}  대표")
    doc.centred(centre, 18 * _MM, 9, "서울특별시 · 서울경제진흥원 귀중")


def _table(doc: TextDocument, rows: Sequence[tuple[str, str]], top: float) -> None:
    left, label_width, width, height = 38 * _MM, 32 * _MM, _WIDTH - 76 * _MM, 9 * _MM
    doc.box(left, top - height * len(rows), label_width, height * len(rows), fill=0.92)
    for index, (label, value) in enumerate(rows):
        y = top - height * (index + 1)
        doc.box(left, y, width, height)
        doc.line(left + label_width, y, left + label_width, y + height, 0.6)
        doc.centred(left + label_width / 2, y + 3.2 * _MM, 10, label)
        text = value
        limit = width - label_width - 6 * _MM
        while string_width(text, 10) > limit and len(text) > 1:
            text = text[:-2] + "…"
        doc.text(left + label_width + 3 * _MM, y + 3.2 * _MM, 10, text)


class _Writer:
    """Body text flowing down pages, with a running header and page numbers."""

    def __init__(self, doc: TextDocument, running: str) -> None:
        self.doc, self.running = doc, running
        self.page = 2
        self.y = 0.0
        self._start()

    def _start(self) -> None:
        doc = self.doc
        top = _HEIGHT - 14 * _MM
        doc.text(_MARGIN, top, 8.5, self.running, gray=0.35)
        doc.right(_WIDTH - _MARGIN, top, 8.5, "사업계획서", gray=0.35)
        number = f"- {self.page} -"
        doc.text(_WIDTH / 2 - string_width(number, 8.5) / 2, 12 * _MM, 8.5, number, gray=0.35)
        doc.line(_MARGIN, _HEIGHT - 16 * _MM, _WIDTH - _MARGIN, _HEIGHT - 16 * _MM, 0.4)
        self.y = _HEIGHT - 28 * _MM

    def _room(self, needed: float) -> None:
        if self.y - needed < 22 * _MM:
            self.doc.new_page()
            self.page += 1
            self._start()

    def heading(self, text: str) -> None:
        self._room(3 * _LEADING)
        self.y -= 6
        self.doc.text(_MARGIN, self.y, 13, text)
        self.y -= _LEADING + 4

    def paragraph(self, text: str, indent: float = 0.0) -> None:
        for line in wrap(text, _TEXT, _WIDTH - 2 * _MARGIN - indent):
            self._room(_LEADING)
            self.doc.text(_MARGIN + indent, self.y, _TEXT, line)
            self.y -= _LEADING
        self.y -= 5

    def bullet(self, text: str) -> None:
        self._room(_LEADING)
        self.doc.text(_MARGIN + 4 * _MM, self.y, _TEXT, "•")
        self.paragraph(text, indent=9 * _MM)
        self.y += 3
