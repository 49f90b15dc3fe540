"""The filter bar of a table: a search box, the active per-column filters and a way to
clear them. A column is filtered from its header's context menu: pick one of the values
it shows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QWidget,
)

from reviewer.ui.models.table import BLANK, RowFilter, RowTableModel

MENU_VALUES = 40


class FilterBar(QWidget):
    changed = Signal()

    def __init__(
        self,
        model: RowTableModel[Any],
        proxy: RowFilter,
        table: QTableView,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.proxy = proxy
        self.table = table
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.active = QLabel()
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)
        self.shown = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 2)
        layout.addWidget(self.active, 1)
        layout.addWidget(self.clear_button)
        layout.addWidget(self.shown)
        self.search.textChanged.connect(self._search)
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        for signal in (model.modelReset, proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset):
            signal.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Show every row again"))
        self._update()

    def set_placeholder(self, text: str) -> None:
        self.search.setPlaceholderText(text)

    def _search(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update()

    def set_filter(self, key: str, value: str | None) -> None:
        self.proxy.set_filter(key, value)
        self._update()

    def clear_filters(self) -> None:
        for key in self.proxy.filters():
            self.proxy.set_filter(key, None)
        self.proxy.set_only(None)
        self.search.clear()
        self._update()

    def column_menu(self, column: int) -> QMenu:
        """The menu of a column's header: its values to filter by, and clearing."""
        key = self.model.columns[column].key
        values = sorted(
            {self.model.columns[column].text(row) for row in self.model.rows()}, key=str.casefold
        )
        menu = QMenu(self)
        title = self.model.columns[column].header()
        if len(values) > MENU_VALUES:
            note = menu.addAction(self.tr("Too many values to list; use the search box"))
            note.setEnabled(False)
        else:
            for value in values:
                wanted = value or BLANK
                action = QAction(value or self.tr("(blank)"), menu)
                action.setCheckable(True)
                action.setChecked(self.proxy.filters().get(key) == wanted)
                action.triggered.connect(lambda _=False, v=wanted: self.set_filter(key, v))
                menu.addAction(action)
        menu.addSeparator()
        clear = menu.addAction(self.tr("Show all of {column}").format(column=title))
        clear.setEnabled(key in self.proxy.filters())
        clear.triggered.connect(lambda: self.set_filter(key, None))
        return menu

    def _header_menu(self, point: QPoint) -> None:
        column = self.table.horizontalHeader().logicalIndexAt(point)
        if column >= 0:
            self.column_menu(column).popup(self.table.horizontalHeader().mapToGlobal(point))

    def _update(self) -> None:
        filters = self.proxy.filters()
        names = {c.key: c.header() for c in self.model.columns}
        blank = self.tr("(blank)")
        parts = [f"{names.get(k, k)} = {blank if v == BLANK else v}" for k, v in filters.items()]
        if self.proxy.only() is not None:
            parts.insert(
                0, self.tr("{count} chosen rows").format(count=len(self.proxy.only() or ()))
            )
        self.active.setText(" · ".join(parts))
        self.clear_button.setEnabled(bool(parts) or bool(self.search.text()))
        self.shown.setText(
            self.tr("{shown} of {total}").format(
                shown=f"{self.proxy.rowCount():,}", total=f"{self.model.rowCount():,}"
            )
        )
        self.changed.emit()
