"""A small, fast writer of text-only PDF pages in the packaged Korean font.

The sample round writes a proposal PDF for every one of its (up to 1,200) applications,
so each file must be small and quick to write. The reports use reportlab's document
machinery, which costs tens of milliseconds a file; this writer lays out pages of text,
lines and boxes directly and embeds the font as TrueType subsets of at most 255 glyphs
each, as reportlab does, with two differences that matter at this scale:

- Subsets of a *fixed* alphabet (the characters every proposal's templates use) are the
  same in every file, so they are built and compressed once per process and reused.
  Only the few characters a file has beyond them (its title, company, region) make a
  subset of its own.
- Glyphs are embedded without their hinting instructions (a subset for viewing and
  printing needs none), which makes them about 40% smaller.

Text is written as single-byte codes into its subset, with a ToUnicode map so the text
can be searched and copied.
"""

from __future__ import annotations

import itertools
import struct
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFontFile, TTFontMaker

from reviewer.resources import path as resource_path

A4 = (595.2756, 841.8898)
_SUBSET = 255  # characters per subset (byte code 0 is the missing glyph)


@cache
def _face() -> TTFontFile:
    return TTFontFile(str(resource_path("fonts", "NanumGothic.ttf")))


def string_width(text: str, size: float) -> float:
    widths = _face().charWidths
    default = _face().defaultWidth or 1000
    return float(sum(widths.get(ord(c), default) for c in text)) * size / 1000


def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` at spaces (a word wider than
    a line is broken between characters)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if string_width(candidate, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while string_width(current, size) > width and len(current) > 1:
            cut = len(current) - 1
            while cut > 1 and string_width(current[:cut], size) > width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    return lines


# -- font subsets ---------------------------------------------------------------------


def _strip_hinting(font: bytes) -> bytes:
    """The TrueType font ``font`` with its simple glyphs' instructions removed."""
    count = struct.unpack(">H", font[4:6])[0]
    tables: dict[str, bytes] = {}
    for index in range(count):
        tag, _checksum, offset, length = struct.unpack(
            ">4sLLL", font[12 + 16 * index : 28 + 16 * index]
        )
        tables[tag.decode("latin-1")] = font[offset : offset + length]
    head, loca, glyf = tables["head"], tables["loca"], tables["glyf"]
    long_offsets = struct.unpack(">h", head[50:52])[0] == 1
    if long_offsets:
        offsets = struct.unpack(f">{len(loca) // 4}L", loca)
    else:
        offsets = tuple(2 * o for o in struct.unpack(f">{len(loca) // 2}H", loca))
    glyphs: list[bytes] = []
    positions = [0]
    for start, end in itertools.pairwise(offsets):
        glyph = glyf[start:end]
        if len(glyph) >= 10:
            contours = struct.unpack(">h", glyph[:2])[0]
            if contours >= 0:
                at = 10 + 2 * contours
                length = struct.unpack(">H", glyph[at : at + 2])[0]
                glyph = glyph[:at] + b"\0\0" + glyph[at + 2 + length :]
        glyph += b"\0" * (-len(glyph) % 4)
        glyphs.append(glyph)
        positions.append(positions[-1] + len(glyph))
    maker = TTFontMaker()
    for tag, data in tables.items():
        if tag == "glyf":
            maker.add(tag, b"".join(glyphs))
        elif tag == "loca":
            maker.add(tag, struct.pack(f">{len(positions)}L", *positions))
        elif tag == "head":
            maker.add(tag, data[:50] + struct.pack(">h", 1) + data[52:])
        elif tag not in ("fpgm", "prep", "cvt "):
            maker.add(tag, data)
    return bytes(maker.makeStream())


@dataclass(frozen=True)
class _Subset:
    codes: tuple[int, ...]  # code points; index = the byte written
    font: bytes  # compressed font program
    length: int  # uncompressed length

    @property
    def index(self) -> dict[int, int]:
        return {code: i for i, code in enumerate(self.codes)}


def _build_subset(codes: tuple[int, ...]) -> _Subset:
    program = _strip_hinting(_face().makeSubset(list(codes)))
    return _Subset(codes, zlib.compress(program, 9), len(program))


#: The subsets of fixed alphabets, built once per process.
_shared_subset = cache(_build_subset)


def _chunks(codes: Sequence[int]) -> list[tuple[int, ...]]:
    return [(0, *codes[i : i + _SUBSET]) for i in range(0, len(codes), _SUBSET)]


def _pdf_text(text: str) -> bytes:
    """A PDF text string (UTF-16BE with a byte-order mark) for the document's info."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


# -- the document ----------------------------------------------------------------------


@dataclass
class TextDocument:
    """Pages of positioned text, lines and boxes (points, origin at the bottom left).
    ``alphabet`` is the fixed alphabet whose subsets are shared by every document."""

    alphabet: str = ""
    title: str = ""
    author: str = ""
    subject: str = ""
    pages: list[list[tuple[str, tuple[object, ...]]]] = field(default_factory=lambda: [[]])

    def new_page(self) -> None:
        self.pages.append([])

    def text(self, x: float, y: float, size: float, text: str, gray: float = 0.0) -> None:
        self.pages[-1].append(("text", (x, y, size, text, gray)))

    def centred(self, x: float, y: float, size: float, text: str) -> None:
        self.text(x - string_width(text, size) / 2, y, size, text)

    def right(self, x: float, y: float, size: float, text: str, gray: float = 0.0) -> None:
        self.text(x - string_width(text, size), y, size, text, gray)

    def line(self, x1: float, y1: float, x2: float, y2: float, width: float = 0.5) -> None:
        self.pages[-1].append(("line", (x1, y1, x2, y2, width)))

    def box(self, x: float, y: float, w: float, h: float, *, fill: float | None = None) -> None:
        """A rectangle: stroked, or filled with the gray ``fill`` (0 black, 1 white)."""
        self.pages[-1].append(("box", (x, y, w, h, fill)))

    # -- writing ---------------------------------------------------------------------

    def _subsets(self) -> list[_Subset]:
        fixed_codes = sorted({ord(c) for c in self.alphabet} - {0})
        fixed = [_shared_subset(chunk) for chunk in _chunks(fixed_codes)]
        known = set(fixed_codes)
        used: dict[int, None] = {}
        for page in self.pages:
            for kind, args in page:
                if kind == "text":
                    for char in str(args[3]):
                        if ord(char) not in known:
                            used.setdefault(ord(char), None)
        extra = [_build_subset(chunk) for chunk in _chunks(sorted(used))]
        return fixed + extra

    def _content(
        self, page: Iterable[tuple[str, tuple[object, ...]]], where: dict[int, tuple[int, int]]
    ) -> bytes:
        ops: list[str] = []
        for kind, args in page:
            if kind == "line":
                x1, y1, x2, y2, width = args
                ops.append(f"{width:.2f} w {x1:.2f} {y1:.2f} m {x2:.2f} {y2:.2f} l S")
            elif kind == "box":
                x, y, w, h, fill = args
                if fill is None:
                    ops.append(f"0.6 w {x:.2f} {y:.2f} {w:.2f} {h:.2f} re S")
                else:
                    ops.append(f"{fill:.2f} g {x:.2f} {y:.2f} {w:.2f} {h:.2f} re f 0 g")
            else:
                x, y, size, text, gray = args
                runs: list[tuple[int, list[int]]] = []
                for char in str(text):
                    subset, code = where.get(ord(char), (0, 0))
                    if runs and runs[-1][0] == subset:
                        runs[-1][1].append(code)
                    else:
                        runs.append((subset, [code]))
                shown = " ".join(
                    f"/F{subset} {size:.2f} Tf <{bytes(codes).hex()}> Tj" for subset, codes in runs
                )
                ops.append(f"BT {gray:.2f} g {x:.2f} {y:.2f} Td {shown} ET 0 g")
        return zlib.compress("\n".join(ops).encode("ascii"))

    def save(self, path: Path) -> None:
        subsets = self._subsets()
        where: dict[int, tuple[int, int]] = {}
        for number, subset in enumerate(subsets):
            for code, index in subset.index.items():
                if code:
                    where.setdefault(code, (number, index))
        objects: list[bytes] = []

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        def stream(data: bytes, extra: str = "") -> bytes:
            return (
                f"<< /Length {len(data)} /Filter /FlateDecode{extra} >>\nstream\n".encode()
                + data
                + b"\nendstream"
            )

        face = _face()
        fonts: list[int] = []
        for number, subset in enumerate(subsets):
            name = f"{_tag(number)}+{face.name.decode('latin-1')}"
            program = add(stream(subset.font, f" /Length1 {subset.length}"))
            descriptor = add(
                (
                    f"<< /Type /FontDescriptor /FontName /{name} /Flags 4 "
                    f"/FontBBox [{' '.join(str(int(v)) for v in face.bbox)}] "
                    f"/ItalicAngle {face.italicAngle} /Ascent {int(face.ascent)} "
                    f"/Descent {int(face.descent)} /CapHeight {int(face.capHeight)} "
                    f"/StemV {int(face.stemV)} /FontFile2 {program} 0 R >>"
                ).encode()
            )
            to_unicode = add(stream(zlib.compress(_cmap(name, subset.codes))))
            widths = " ".join(
                str(int(face.charWidths.get(code, face.defaultWidth or 1000)))
                for code in subset.codes
            )
            fonts.append(
                add(
                    (
                        f"<< /Type /Font /Subtype /TrueType /BaseFont /{name} /FirstChar 0 "
                        f"/LastChar {len(subset.codes) - 1} /Widths [{widths}] "
                        f"/FontDescriptor {descriptor} 0 R /ToUnicode {to_unicode} 0 R >>"
                    ).encode()
                )
            )
        resources = " ".join(f"/F{n} {ref} 0 R" for n, ref in enumerate(fonts))
        pages_ref = len(objects) + 2 * len(self.pages) + 1
        kids: list[int] = []
        for page in self.pages:
            contents = add(stream(self._content(page, where)))
            kids.append(
                add(
                    (
                        f"<< /Type /Page /Parent {pages_ref} 0 R /MediaBox [0 0 {A4[0]:.4f} "
                        f"{A4[1]:.4f}] /Resources << /Font << {resources} >> >> "
                        f"/Contents {contents} 0 R >>"
                    ).encode()
                )
            )
        references = " ".join(f"{k} 0 R" for k in kids)
        add(f"<< /Type /Pages /Count {len(kids)} /Kids [{references}] >>".encode())
        catalog = add(f"<< /Type /Catalog /Pages {pages_ref} 0 R >>".encode())
        info = add(
            b"<< /Producer (reviewer) /Title "
            + _pdf_text(self.title)
            + b" /Author "
            + _pdf_text(self.author)
            + b" /Subject "
            + _pdf_text(self.subject)
            + b" >>"
        )
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        out += (
            f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n"
        ).encode()
        Path(path).write_bytes(bytes(out))


def _tag(number: int) -> str:
    """A subset tag of six capital letters (AAAAAA, AAAAAB, …)."""
    letters = []
    for _ in range(6):
        number, rest = divmod(number, 26)
        letters.append(chr(ord("A") + rest))
    return "".join(reversed(letters))


def _cmap(name: str, codes: Sequence[int]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(codes) - 1:02X}>",
        "endcodespacerange",
    ]
    pairs = [(i, c) for i, c in enumerate(codes) if c]
    for start in range(0, len(pairs), 100):
        block = pairs[start : start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{i:02X}> <{c:04X}>" for i, c in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")
