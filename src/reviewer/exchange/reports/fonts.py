"""The packaged Korean font (NanumGothic, SIL OFL 1.1) registered with reportlab.

Every text a report draws uses these names, so each PDF embeds a subset of NanumGothic
and nothing else: no base-14 font is ever referenced.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reviewer.resources import path

REGULAR = "NanumGothic"
BOLD = "NanumGothic-Bold"


@dataclass(frozen=True)
class FontNames:
    regular: str
    bold: str


@cache
def register_fonts() -> FontNames:
    """Register NanumGothic (regular and bold) once; later calls return the same names."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(path("fonts", "NanumGothic.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(path("fonts", "NanumGothicBold.ttf"))))
    # <b> and <i> inside paragraphs map to the same family (no italic face ships).
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
    addMapping(BOLD, 0, 0, BOLD)
    addMapping(BOLD, 1, 0, BOLD)
    addMapping(BOLD, 0, 1, BOLD)
    addMapping(BOLD, 1, 1, BOLD)
    return FontNames(regular=REGULAR, bold=BOLD)
