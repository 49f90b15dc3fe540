"""reviewer: evaluation tool for the review committees of Seoul's R&D grant program."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    __version__: str
else:

    def __getattr__(name: str) -> str:
        """``__version__``, looked up when first asked for: ``importlib.metadata`` takes
        a tenth of a second to import, and most commands never print or record it."""
        if name != "__version__":
            raise AttributeError(f"module 'reviewer' has no attribute {name!r}")
        from importlib.metadata import PackageNotFoundError, version

        try:  # the installed distribution's version (a bundle carries its dist-info)
            found = version("reviewer")
        except PackageNotFoundError:  # pragma: no cover - a source tree never installed
            found = "0+unknown"
        globals()["__version__"] = found
        return found
