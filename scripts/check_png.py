"""Check that a PNG is a real picture, not a blank window: its size and how many
distinct colours a grid of sampled pixels has. Python's standard library only (the
bundle smoke test runs it where the program's own Python is frozen).

Usage: python3 scripts/check_png.py FILE.png [--min-width W] [--min-colours N]
Prints "WIDTHxHEIGHT COLOURS colours"; exit 1 when the picture is too small or plain.
"""

from __future__ import annotations

import argparse
import struct
import sys
import zlib
from pathlib import Path

CHANNELS = {0: 1, 2: 3, 4: 2, 6: 4}  # colour type → samples per pixel (8-bit)


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else (b if pb <= pc else c)


def decode(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit, non-interlaced PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in CHANNELS or interlace:
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour})")
    step = CHANNELS[colour]
    raw = zlib.decompress(idat)
    stride = width * step
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, row = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = row[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                row[i] = (row[i] + left) & 255
            elif kind == 2:
                row[i] = (row[i] + up) & 255
            elif kind == 3:
                row[i] = (row[i] + (left + up) // 2) & 255
            elif kind == 4:
                row[i] = (row[i] + _paeth(left, up, corner)) & 255
        rows.append(bytes(row))
        previous = row
    return width, height, [bytes(r) for r in rows]


def colours(width: int, rows: list[bytes], grid: int = 7) -> int:
    step = len(rows[0]) // width
    seen = set()
    for row in rows[::grid]:
        for x in range(0, width, grid):
            seen.add(row[x * step : x * step + step])
    return len(seen)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--min-width", type=int, default=200)
    parser.add_argument("--min-colours", type=int, default=20)
    args = parser.parse_args()
    width, height, rows = decode(args.file.read_bytes())
    count = colours(width, rows)
    print(f"{width}x{height} {count} colours")
    return 0 if width >= args.min_width and height >= 100 and count >= args.min_colours else 1


if __name__ == "__main__":
    sys.exit(main())
