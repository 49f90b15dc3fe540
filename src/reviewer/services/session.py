"""An open round for a long-lived caller (the window): opened once, closed on exit."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from reviewer.i18n import Lang
from reviewer.services import browse, rounds
from reviewer.services.browse import RoundOverview
from reviewer.store.engine import Database


class OpenRound:
    """A round database kept open; every read goes through the services."""

    def __init__(self, target: str | Path) -> None:
        self.target = str(target)
        self._stack = ExitStack()
        self._database: Database = self._stack.enter_context(rounds.open_round(target))

    @property
    def database(self) -> Database:
        return self._database

    def overview(self, lang: Lang | None = None) -> RoundOverview:
        return browse.round_overview(self._database, lang)

    def close(self) -> None:
        self._stack.close()
