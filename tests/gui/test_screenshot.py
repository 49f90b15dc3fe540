"""``reviewer gui ROUND.db --screenshot F.png --view V`` renders a view and exits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from reviewer.cli import main
from reviewer.ui.screenshot import SIZE, VIEWS, render_view


def _distinct_colours(image: QImage) -> int:
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


@pytest.mark.parametrize("view", ["dashboard", "selection"])
def test_a_view_is_rendered_with_its_data(selected_round: Path, tmp_path: Path, view: str) -> None:
    out = tmp_path / f"{view}.png"
    assert render_view(str(selected_round), out, view, "en") == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == SIZE
    assert _distinct_colours(image) > 20  # text, tables and colours, not a blank window


def test_the_command_line_renders_every_view(selected_round: Path, tmp_path: Path) -> None:
    for view in VIEWS:
        out = tmp_path / f"{view}.png"
        code = main(
            ["--lang", "ko", "gui", str(selected_round), "--screenshot", str(out), "--view", view]
        )
        assert code == 0, view
        image = QImage(str(out))
        if view in ("export", "correction"):  # the dialog alone
            assert 0 < image.width() < SIZE[0] and _distinct_colours(image) > 5
        else:
            assert image.width() == SIZE[0]


def test_a_round_that_does_not_open_fails_with_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = render_view(str(tmp_path / "missing.db"), tmp_path / "x.png", "dashboard", "en")
    assert code == 3
    assert "missing.db" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_an_unknown_view_is_a_usage_error(selected_round: Path, tmp_path: Path) -> None:
    args = ["gui", str(selected_round), "--screenshot", str(tmp_path / "x.png"), "--view", "nope"]
    assert main(args) == 2
    assert not (tmp_path / "x.png").exists()
