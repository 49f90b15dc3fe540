"""What the window remembers between runs: recent rounds, the language, the geometry."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reviewer.i18n import LANGS, Lang

RECENT_LIMIT = 8


class Settings:
    """A thin typed layer over ``QSettings`` (the platform's own place by default; a
    file of its own in tests)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings("reviewer", "reviewer")

    @classmethod
    def at(cls, path: Path) -> Settings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    # -- recent rounds -----------------------------------------------------------------

    def recent_rounds(self) -> list[str]:
        value = self.store.value("recent/rounds", [])
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list | tuple):
            return [str(v) for v in value if str(v)]
        return []

    def add_recent(self, target: str) -> None:
        rounds = [target, *(r for r in self.recent_rounds() if r != target)]
        self.store.setValue("recent/rounds", rounds[:RECENT_LIMIT])

    def remove_recent(self, target: str) -> None:
        self.store.setValue("recent/rounds", [r for r in self.recent_rounds() if r != target])

    # -- language ------------------------------------------------------------------------

    def language(self) -> Lang | None:
        value = str(self.store.value("ui/language", "") or "")
        return value if value in LANGS else None

    def set_language(self, lang: Lang) -> None:
        self.store.setValue("ui/language", lang)

    # -- geometry ------------------------------------------------------------------------

    def geometry(self, name: str) -> QByteArray | None:
        value = self.store.value(f"geometry/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self.store.setValue(f"geometry/{name}", value)

    def sync(self) -> None:
        self.store.sync()
