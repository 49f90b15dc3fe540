"""reviewer: evaluation tool for the review committees of Seoul's R&D grant program."""

from importlib.metadata import PackageNotFoundError, version

try:  # the installed distribution's version (a bundle carries its dist-info)
    __version__ = version("reviewer")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"
