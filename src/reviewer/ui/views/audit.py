"""The audit log: every import, change, run, lock and export, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reviewer.services import listing
from reviewer.services.listing import AuditEntry
from reviewer.ui.models.audit import AuditTable, action_label
from reviewer.ui.models.table import RowFilter
from reviewer.ui.round_session import RoundSession
from reviewer.ui.views.base import View
from reviewer.ui.views.filters import FilterBar
from reviewer.ui.views.widgets import data_table


class AuditView(View):
    key = "audit"

    def __init__(self, session: RoundSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model = AuditTable(self)
        self.proxy = RowFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = data_table(self.proxy, stretch=4)
        self.filters = FilterBar(self.model, self.proxy, self.table)
        self.action_label = QLabel()
        self.action = QComboBox()
        self.action.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.action.currentIndexChanged.connect(self._action_changed)
        bar = QHBoxLayout()
        bar.addWidget(self.action_label)
        bar.addWidget(self.action)
        bar.addWidget(self.filters, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Audit log")

    def retranslate(self) -> None:
        self.action_label.setText(self.tr("Action"))
        self.filters.retranslate()
        self.filters.set_placeholder(self.tr("Search actor, target or details"))
        self.model.retranslate()
        if self.action.count():
            self.action.setItemText(0, self.tr("All actions"))

    def load(self) -> None:
        self.session.read("audit", lambda r: listing.audit_log(r.database), self.show_entries)

    def show_entries(self, entries: tuple[AuditEntry, ...]) -> None:
        current = self.action.currentData()
        self.model.set_rows(entries)
        actions = sorted({e.action for e in entries})
        self.action.blockSignals(True)
        self.action.clear()
        self.action.addItem(self.tr("All actions"), "")
        for action in actions:
            self.action.addItem(action_label(action), action)
        index = self.action.findData(current) if current else 0
        self.action.setCurrentIndex(max(index, 0))
        self.action.blockSignals(False)
        self._action_changed()
        self.loaded_with()

    def clear(self) -> None:
        super().clear()
        self.model.set_rows([])

    def _action_changed(self, *_: object) -> None:
        action = str(self.action.currentData() or "")
        self.filters.set_filter("action", action_label(action) if action else None)
