"""scripts/check_png.py (the bundle smoke test's check that a screenshot is a picture)
decodes PNGs as Pillow writes them and tells a blank window from a drawn one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_png.py"


def _check(file: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), str(file), *options], capture_output=True, text=True
    )


def test_a_drawn_picture_passes_with_its_size_and_colours(tmp_path: Path) -> None:
    image = Image.new("RGBA", (400, 300), "white")
    pen = ImageDraw.Draw(image)
    for i in range(60):  # sixty colours in bands, and a gradient that every filter sees
        pen.rectangle((i * 6, 0, i * 6 + 5, 150), fill=(i * 4, 255 - i * 4, (i * 37) % 256))
    for x in range(400):
        pen.line((x, 150, x, 300), fill=(x % 256, 100, 200))
    image.save(tmp_path / "drawn.png", optimize=True)
    result = _check(tmp_path / "drawn.png", "--min-width", "300", "--min-colours", "40")
    assert result.returncode == 0, result.stdout
    width_height, count, _ = result.stdout.split()
    assert width_height == "400x300"
    assert int(count) >= 40


def test_a_blank_window_fails(tmp_path: Path) -> None:
    Image.new("RGB", (1320, 820), (240, 240, 240)).save(tmp_path / "blank.png")
    result = _check(tmp_path / "blank.png")
    assert result.returncode == 1
    assert result.stdout.strip() == "1320x820 1 colours"


def test_a_small_picture_fails(tmp_path: Path) -> None:
    Image.new("RGB", (50, 50), (0, 0, 0)).save(tmp_path / "small.png")
    assert _check(tmp_path / "small.png", "--min-colours", "1").returncode == 1
