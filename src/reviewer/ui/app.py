"""Starting the window: the application object, its language, the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from reviewer.i18n import Lang, normalise_lang
from reviewer.resources import path
from reviewer.ui.main_window import MainWindow
from reviewer.ui.reviewer.window import PACKAGE_SUFFIX, ReviewerWindow
from reviewer.ui.settings import Settings
from reviewer.ui.translation import Translations, install_translator

__all__ = ["install_translator", "make_window", "run"]


def application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    assert isinstance(app, QApplication)
    app.setApplicationName("reviewer")
    app.setOrganizationName("reviewer")
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
    settings = settings or Settings()
    language: Lang = normalise_lang(lang) if lang else (settings.language() or normalise_lang(None))
    translations = Translations(app)
    translations.set_language(language)
    return ReviewerWindow(settings, translations)


def is_package(target: str | None) -> bool:
    return bool(target) and str(target).lower().endswith(PACKAGE_SUFFIX)


def run(
    target: str | None = None,
    lang: str | None = None,
    argv: Sequence[str] | None = None,
    password: str | None = None,
) -> int:
    """The window: the reviewer's for a package (``password``, when given, is tried
    first), else the chair's, opening the round ``target``."""
    app = application(argv)
    if target and is_package(target):
        reviewer = make_reviewer_window(app, lang)
        reviewer.show()
        reviewer.open_package(Path(target), password)
        return app.exec()
    window = make_window(app, lang)
    window.show()
    if target:
        window.open_round(target)
    return app.exec()
