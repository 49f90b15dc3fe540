"""The resources and migrations are found through importlib.resources from this tree
(an installed wheel: test_wheel.py; a frozen bundle: scripts/bundle-smoke.sh)."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest

import reviewer
from reviewer import resources
from reviewer.cli import main
from reviewer.store import migrate


def test_every_required_resource_is_found() -> None:
    assert resources.missing() == []
    for parts in resources.REQUIRED:
        assert resources.path(*parts).stat().st_size > 0


def test_a_missing_resource_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "REQUIRED", (*resources.REQUIRED, ("fonts", "Nope.ttf")))
    assert resources.missing() == ["fonts/Nope.ttf"]


def test_the_migrations_are_found_as_files() -> None:
    assert migrate.head_revision() in migrate.known_revisions()
    assert len(migrate.known_revisions()) >= 2


def test_the_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    assert reviewer.__version__ == version("reviewer")
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"reviewer {version('reviewer')}"


def test_the_icons_are_the_sizes_the_platforms_want() -> None:
    from PIL import Image

    with Image.open(resources.path("icons", "reviewer.png")) as png:
        assert png.size == (256, 256)
    with Image.open(resources.path("icons", "reviewer.ico")) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(resources.path("icons", "reviewer.icns")) as icns:
        assert icns.size[0] >= 256


def test_the_spec_collects_the_resources_and_migrations_at_their_package_paths() -> None:
    spec = (Path(__file__).parents[2] / "build.spec").read_text(encoding="utf-8")
    assert 'collect_data_files(\n    "reviewer.store.migrations", include_py_files=True' in spec
    assert 'copy_metadata("reviewer")' in spec
    assert 'name="reviewer-gui", console=False' in spec
    assert 'name="reviewer", console=True' in spec


def test_the_schema_revision_is_the_newest_migration() -> None:
    # opening a round compares its revision with this constant before loading Alembic
    assert migrate.head_revision() == migrate.SCHEMA_REVISION


def test_the_spec_brings_reportlabs_accelerators() -> None:
    # reportlab imports _rl_accel by exec: PyInstaller's analysis cannot see it
    spec = (Path(__file__).resolve().parents[2] / "build.spec").read_text(encoding="utf-8")
    assert '"_rl_accel"' in spec
