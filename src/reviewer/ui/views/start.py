"""The start page: recent rounds, a new round from the template, opening a round."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.settings import Settings


class StartPage(QWidget):
    open_requested = Signal(str)  # a round to open
    choose_requested = Signal()  # "Open round…"
    new_requested = Signal()  # "New round from the Seoul 2025 template…"

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.heading = QLabel()
        self.heading.setObjectName("startHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.choose_requested)
        self.recent_label = QLabel()
        self.recent = QListWidget()
        self.recent.itemActivated.connect(self._activated)
        self.empty = QLabel()

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addSpacing(48)
        column.addWidget(self.heading)
        column.addSpacing(8)
        column.addWidget(self.intro)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(28)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent, 3)
        column.addWidget(self.empty)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Reviewer — Seoul R&D evaluation"))
        self.intro.setText(
            self.tr(
                "Create a round from the Seoul 2025 template or open a round database. "
                "You can also drop a round database (.db) or workbooks on this window."
            )
        )
        self.new_button.setText(self.tr("&New round from the Seoul 2025 template…"))
        self.open_button.setText(self.tr("&Open round…"))
        self.recent_label.setText(self.tr("Recent rounds"))
        self.empty.setText(self.tr("No recent rounds yet."))

    def reload(self) -> None:
        self.recent.clear()
        for target in self.settings.recent_rounds():
            item = QListWidgetItem(f"{Path(target).name}    —    {target}")
            item.setData(Qt.ItemDataRole.UserRole, target)
            item.setToolTip(target)
            self.recent.addItem(item)
        has = self.recent.count() > 0
        self.recent.setVisible(has)
        self.empty.setVisible(not has)
        if has:
            self.recent.setCurrentRow(0)

    def _activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
