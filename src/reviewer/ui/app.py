"""Starting the window: the application object, its translations, the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from reviewer.i18n import Lang, normalise_lang
from reviewer.resources import path
from reviewer.ui.main_window import MainWindow


def install_translator(app: QApplication, lang: Lang) -> QTranslator | None:
    """Load the Korean translation (English is the source language)."""
    if lang != "ko":
        return None
    translator = QTranslator(app)
    if translator.load(str(path("translations", "reviewer_ko.qm"))):
        app.installTranslator(translator)
        return translator
    return None


def run(
    target: str | None = None, lang: str | None = None, argv: Sequence[str] | None = None
) -> int:
    language = normalise_lang(lang)
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    assert isinstance(app, QApplication)
    QLocale.setDefault(
        QLocale(QLocale.Language.Korean if language == "ko" else QLocale.Language.English)
    )
    install_translator(app, language)
    window = MainWindow(language)
    window.show()
    if target:
        window.open_round(target)
    return app.exec()
