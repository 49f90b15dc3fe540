"""Packaged resources (fonts, templates, translations, icons).

Found only through :mod:`importlib.resources`, which works the same from a source
checkout, an installed wheel and a PyInstaller bundle (the spec places this folder at
the package path).
"""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["REQUIRED", "as_file", "missing", "path", "read_text", "resource"]

# What the program reads at run time; a build that lacks one of them is broken.
REQUIRED: tuple[tuple[str, ...], ...] = (
    ("fonts", "NanumGothic.ttf"),
    ("fonts", "NanumGothicBold.ttf"),
    ("templates", "seoul-2025.toml"),
    ("translations", "reviewer_ko.qm"),
    ("icons", "reviewer.png"),
    ("icons", "reviewer.ico"),
    ("icons", "reviewer.icns"),
)


def resource(*parts: str) -> Traversable:
    """The packaged resource at ``parts`` below this folder."""
    node = files(__name__)
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def path(*parts: str) -> Path:
    """A real file-system path of a resource (all resources ship as plain files)."""
    return Path(str(resource(*parts)))


def template_path(name: str = "seoul-2025.toml") -> Path:
    return path("templates", name)


def missing() -> list[str]:
    """The required resources this installation lacks ("fonts/NanumGothic.ttf", ...)."""
    return ["/".join(parts) for parts in REQUIRED if not resource(*parts).is_file()]
