"""Starting the window: the application object, its language, the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from reviewer.domain.package import PACKAGE_SUFFIX, SCORE_FILE_SUFFIX
from reviewer.i18n import Lang, normalise_lang
from reviewer.resources import path
from reviewer.ui.main_window import MainWindow
from reviewer.ui.settings import Settings
from reviewer.ui.translation import Translations, install_translator

if TYPE_CHECKING:
    from reviewer.ui.reviewer.window import ReviewerWindow

__all__ = ["install_translator", "make_window", "run"]


def application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    assert isinstance(app, QApplication)
    app.setApplicationName("reviewer")
    app.setOrganizationName("reviewer")
    app.setWindowIcon(QIcon(str(path("icons", "reviewer.png"))))
    _add_fonts()
    return app


def _add_fonts() -> None:
    """The shipped NanumGothic, so Korean shows on a machine without a Korean font."""
    for name in ("NanumGothic.ttf", "NanumGothicBold.ttf"):
        QFontDatabase.addApplicationFont(str(path("fonts", name)))


def make_window(
    app: QApplication, lang: str | None = None, settings: Settings | None = None
) -> MainWindow:
    """The main window in ``lang`` (else the remembered language, else the locale's)."""
    settings = settings or Settings()
    language: Lang = normalise_lang(lang) if lang else (settings.language() or normalise_lang(None))
    translations = Translations(app)
    translations.set_language(language)
    return MainWindow(settings, translations)


def make_reviewer_window(
    app: QApplication, lang: str | None = None, settings: Settings | None = None
) -> ReviewerWindow:
    """The reviewer's window in ``lang`` (else the remembered language, else the locale's)."""
    from reviewer.ui.reviewer.window import ReviewerWindow  # with the encryption libraries

    settings = settings or Settings()
    language: Lang = normalise_lang(lang) if lang else (settings.language() or normalise_lang(None))
    translations = Translations(app)
    translations.set_language(language)
    return ReviewerWindow(settings, translations)


def open_target(window: MainWindow, target: str) -> None:
    """What the chair's window was started with: a reviewer's score file is imported
    into the recent round it was made for; anything else is opened as a round."""
    if str(target).lower().endswith(SCORE_FILE_SUFFIX):
        window.open_score_files([str(target)])
    else:
        window.open_round(target)


def is_package(target: str | None) -> bool:
    return bool(target) and str(target).lower().endswith(PACKAGE_SUFFIX)


class FirstPaint(QObject):
    """Quits the application once the window has painted for the first time.

    For measuring how long the program takes to show its window: the whole run, from
    starting the program to its exit, bounds the time to the first paint from above.
    """

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.painted = False
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            self.app.removeEventFilter(self)
            QTimer.singleShot(0, self.app.quit)  # after this paint reaches the screen
        return False


def run(
    target: str | None = None,
    lang: str | None = None,
    argv: Sequence[str] | None = None,
    password: str | None = None,
    *,
    exit_after_first_paint: bool = False,
    settings: Settings | None = None,
) -> int:
    """The window: the reviewer's for a package (``password``, when given, is tried
    first), else the chair's, opening ``target`` in it (:func:`open_target`)."""
    app = application(argv)
    if target and is_package(target):
        reviewer = make_reviewer_window(app, lang, settings)
        reviewer.show()
        reviewer.open_package(Path(target), password)
        return app.exec()
    window = make_window(app, lang, settings)
    first_paint = FirstPaint(app) if exit_after_first_paint else None
    window.show()
    if target:
        open_target(window, target)
    code = app.exec()
    if first_paint is not None:
        window.session.close()
        window.close()
    return code
