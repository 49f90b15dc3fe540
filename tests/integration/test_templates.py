"""Writing the template never replaces a file that another program wrote meanwhile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reviewer.errors import RefusedByState
from reviewer.resources import read_text
from reviewer.services.templates import write_template


def test_a_file_that_appears_while_writing_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "round.toml"
    real_link = os.link

    def racing_link(source: str | Path, destination: str | Path) -> None:
        Path(destination).write_text("# written by someone else\n", encoding="utf-8")
        real_link(source, destination)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(RefusedByState):
        write_template(target)
    assert target.read_text(encoding="utf-8") == "# written by someone else\n"
    assert [p.name for p in tmp_path.iterdir()] == ["round.toml"]  # no temporary file left


def test_a_new_file_gets_the_template(tmp_path: Path) -> None:
    target = tmp_path / "round.toml"
    assert write_template(target) == target
    assert target.read_text(encoding="utf-8") == read_text("templates", "seoul-2025.toml")
    assert [p.name for p in tmp_path.iterdir()] == ["round.toml"]


def test_without_hard_links_the_file_is_still_created_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: str | Path, destination: str | Path) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "round.toml"
    write_template(target)
    assert target.read_text(encoding="utf-8") == read_text("templates", "seoul-2025.toml")
    assert [p.name for p in tmp_path.iterdir()] == ["round.toml"]
