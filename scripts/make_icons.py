"""Draw the application icon and write it in the sizes and formats the bundles need.

The icon is a score sheet: a rounded blue square, three lines of a form and a check
mark. Run it again only to change the icon; its output is committed under
src/reviewer/resources/icons/ (reviewer.png for the window, reviewer.ico for Windows,
reviewer.icns for macOS).

Usage: python scripts/make_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "src" / "reviewer" / "resources" / "icons"
SIZE = 1024
BLUE = (31, 94, 168, 255)
WHITE = (255, 255, 255, 255)
GREEN = (72, 199, 116, 255)


def draw(size: int = SIZE) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    unit = size / 32
    pen.rounded_rectangle((unit, unit, size - unit, size - unit), radius=6 * unit, fill=BLUE)
    for row in range(3):  # the form's lines
        top = (8 + row * 5) * unit
        pen.rounded_rectangle((7 * unit, top, 17 * unit, top + 2 * unit), radius=unit, fill=WHITE)
    pen.line(  # the check mark
        [(15 * unit, 20 * unit), (19 * unit, 24.5 * unit), (26 * unit, 12 * unit)],
        fill=GREEN,
        width=int(3 * unit),
        joint="curve",
    )
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    big = draw()
    big.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "reviewer.png", optimize=True)
    big.save(OUT / "reviewer.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64), (256, 256)])
    big.resize((512, 512), Image.Resampling.LANCZOS).save(OUT / "reviewer.icns")


if __name__ == "__main__":
    main()
