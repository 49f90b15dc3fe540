"""The window's language: Korean (from the shipped translation) or English (the source),
switched while the program runs. Installing or removing a translator makes Qt send
every widget a ``LanguageChange`` event, on which each view sets its texts again."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from reviewer.i18n import Lang
from reviewer.resources import path


class Translations:
    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.lang: Lang = "en"
        self._installed: list[QTranslator] = []

    def uninstall(self) -> None:
        """Remove the translators this object installed."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed = []

    def set_language(self, lang: Lang) -> None:
        self.uninstall()
        self.lang = lang
        QLocale.setDefault(
            QLocale(QLocale.Language.Korean if lang == "ko" else QLocale.Language.English)
        )
        if lang != "ko":
            return
        ours = QTranslator(self.app)
        if ours.load(str(path("translations", "reviewer_ko.qm"))):
            self._installed.append(ours)
        qt = QTranslator(self.app)  # Qt's own dialogs and buttons, where Qt ships them
        if qt.load("qtbase_ko", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._installed.append(qt)
        for translator in self._installed:
            self.app.installTranslator(translator)


def install_translator(app: QApplication, lang: Lang) -> QTranslator | None:
    """Load the Korean translation alone (English is the source language)."""
    if lang != "ko":
        return None
    translator = QTranslator(app)
    if translator.load(str(path("translations", "reviewer_ko.qm"))):
        app.installTranslator(translator)
        return translator
    return None
