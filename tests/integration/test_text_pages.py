"""The small text-page PDF writer of the demo's proposals."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFontFile

from reviewer.exchange.reports.pdf import text_pages
from reviewer.exchange.reports.pdf.text_pages import TextDocument, string_width, wrap

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


def test_wrap_keeps_lines_within_the_width_and_loses_no_word() -> None:
    text = "현장에서는 데이터가 기관마다 흩어져 있어 같은 작업을 되풀이하는 비용이 크다. " * 4
    lines = wrap(text, 10.5, 200)
    assert len(lines) > 3
    assert all(string_width(line, 10.5) <= 200 for line in lines)
    assert " ".join(lines).split() == text.split()


def test_a_word_wider_than_a_line_is_broken_between_characters() -> None:
    lines = wrap("가" * 80, 10, 100)
    assert "".join(lines) == "가" * 80
    assert all(string_width(line, 10) <= 100 for line in lines)


def test_stripped_glyphs_make_a_valid_smaller_font(tmp_path: Path) -> None:
    face = text_pages._face()
    codes = [0, *sorted(ord(c) for c in set("사업계획서 개발 목표 2025"))]
    hinted = face.makeSubset(codes)
    stripped = text_pages._strip_hinting(hinted)
    assert len(stripped) < len(hinted)
    path = tmp_path / "subset.ttf"
    path.write_bytes(stripped)
    reread = TTFontFile(str(path))
    assert reread.numGlyphs == TTFontFile_num_glyphs(hinted, tmp_path)


def TTFontFile_num_glyphs(font: bytes, tmp_path: Path) -> int:
    path = tmp_path / "hinted.ttf"
    path.write_bytes(font)
    return int(TTFontFile(str(path)).numGlyphs)


@needs_poppler
def test_text_outside_the_alphabet_gets_its_own_subset_and_reads_back(tmp_path: Path) -> None:
    document = TextDocument(alphabet="가나다 0123", title="제목 ①", author="회사")
    document.text(72, 700, 12, "가나다 123")
    document.text(72, 680, 12, "뷁똠햏 ① Ω")  # none of them in the alphabet
    document.new_page()
    document.centred(300, 400, 20, "둘째 쪽")
    path = tmp_path / "t.pdf"
    document.save(path)
    assert path.read_bytes().startswith(b"%PDF-1.4")
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "가나다 123" in text and "뷁똠햏 ① Ω" in text and "둘째 쪽" in text
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(fonts) == 2  # the alphabet's subset and the document's own
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "제목 ①" in info and "회사" in info


def test_the_alphabets_subsets_are_built_once(tmp_path: Path) -> None:
    text_pages._shared_subset.cache_clear()
    for number in range(3):
        document = TextDocument(alphabet="가나다라마바사")
        document.text(72, 700, 12, f"가나다 {number}")
        document.save(tmp_path / f"{number}.pdf")
    assert text_pages._shared_subset.cache_info().misses == 1
    assert text_pages._shared_subset.cache_info().hits == 2
