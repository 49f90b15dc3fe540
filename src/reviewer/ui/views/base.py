"""What every page of the round window shares: it reads its data through the round
session when it is shown (or when the round changed while it was shown), sets its texts
again on a language switch, and disables its edits in a locked round."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from reviewer.ui.round_session import RoundSession


class View(QWidget):
    """A page. Subclasses set ``key``, and implement ``title``, ``load`` (ask the session
    for data; call ``loaded_with`` when it is shown) and ``retranslate``."""

    key: ClassVar[str] = ""
    loaded = Signal()  # the data of the newest load is shown
    navigate = Signal(str, object)  # go to the view ``key`` and show these ids

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        self._session_generation = -1  # the session's generation of the newest load
        self.loads = 0  # how many loads have been shown (tests and screenshots wait on it)
        session.opened.connect(self._round_changed)
        session.changed.connect(self._round_changed)
        session.closed.connect(self.clear)

    def title(self) -> str:
        raise NotImplementedError

    def load(self) -> None:
        """Ask the session for this view's data."""

    def clear(self) -> None:
        """The round was closed: show nothing."""
        self._stale = True

    def retranslate(self) -> None:
        """Set every text again in the current language."""

    def set_locked(self, locked: bool) -> None:
        """Disable (or enable) this view's editing actions."""

    def show_ids(self, ids: Sequence[str]) -> None:
        """Show only these rows (from a dashboard warning); views with rows override."""

    # -- loading when needed -------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        self._session_generation = self.session.generation
        if self.session.is_open:
            self.load()

    def loaded_with(self) -> None:
        """Called by subclasses once new data is on screen."""
        self.loads += 1
        self.set_locked(self.session.locked)
        self.loaded.emit()

    def _round_changed(self, *_: object) -> None:
        if self._session_generation == self.session.generation:
            return  # loaded already in this state (shown by the slot of another)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
