"""The form's tables: a table with buttons to add and remove rows, and the rubric page
(choose the default rubric or a track's, and whether the track has its own)."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reviewer.ui.dialogs.round_form.document import RoundForm
from reviewer.ui.models.config_tables import CriteriaModel, EditableTable

DEFAULT_RUBRIC = -1
Index = QModelIndex | QPersistentModelIndex


class TablePane(QWidget):
    """An editable table over ``model`` with Add and Remove buttons."""

    def __init__(self, model: EditableTable[Any], stretch: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.stretch = stretch
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 12)
        self.checks = CheckDelegate(self.table)
        for column, field in enumerate(model.fields):
            if field.check:
                self.table.setItemDelegateForColumn(column, self.checks)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        model.modelReset.connect(self.fit)
        model.rowsInserted.connect(self._update)
        model.rowsRemoved.connect(self._update)
        model.modelReset.connect(self._update)
        self.table.selectionModel().currentChanged.connect(self._update)
        self.retranslate()

    def fit(self) -> None:
        """Columns as wide as their titles and contents; the ``stretch`` column takes
        the room left."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        for column, field in enumerate(self.model.fields):
            width = metrics.horizontalAdvance(field.header()) + 30
            for row in range(min(self.model.rowCount(), 100)):
                text = self.model.data(self.model.index(row, column)) or ""
                width = max(width, metrics.horizontalAdvance(str(text)) + 24)
            header.resizeSection(column, min(width, 360))
        stretch = self.model.column_of(self.stretch)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add(self) -> None:
        row = self.model.add_row()
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()

    def remove(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove_row(row)

    def show_cell(self, row: int | None, key: str | None) -> None:
        """Select the cell (or the row) and scroll to it."""
        if row is None or not 0 <= row < self.model.rowCount():
            return
        column = self.model.column_of(key) if key else 0
        index = self.model.index(row, column)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def set_read_only(self, read_only: bool) -> None:
        self.model.read_only = read_only
        self.add_button.setEnabled(not read_only)
        self._update()

    def _update(self, *_: object) -> None:
        self.remove_button.setEnabled(not self.model.read_only and self.current_row() >= 0)

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&Add row"))
        self.remove_button.setText(self.tr("&Remove row"))
        self.model.retranslate()
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class RubricPane(QWidget):
    """The criteria of the default rubric, or of one track's own rubric."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = RoundForm()
        self.model = CriteriaModel(self)
        self.choice_label = QLabel()
        self.choice = QComboBox()
        self.choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.choice_label.setBuddy(self.choice)
        self.own = QCheckBox()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.pane = TablePane(self.model, "name")
        row = QHBoxLayout()
        row.addWidget(self.choice_label)
        row.addWidget(self.choice)
        row.addSpacing(16)
        row.addWidget(self.own)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addWidget(self.pane, 1)
        self.choice.currentIndexChanged.connect(self._show)
        self.own.toggled.connect(self._own_toggled)
        self.model.edited.connect(self.changed)
        self.retranslate()

    def set_form(self, form: RoundForm) -> None:
        self.form = form
        self.refresh_choices()
        self._show()

    def rubric(self) -> int:
        """The rubric shown: ``DEFAULT_RUBRIC`` or a track's row."""
        data = self.choice.currentData()
        return DEFAULT_RUBRIC if data is None else int(data)

    def choose(self, rubric: int) -> None:
        position = self.choice.findData(rubric)
        if position >= 0:
            self.choice.setCurrentIndex(position)

    def refresh_choices(self) -> None:
        """The list of rubrics after the tracks changed (the chosen one stays chosen)."""
        current = self.rubric()
        self.choice.blockSignals(True)
        self.choice.clear()
        self.choice.addItem(self.tr("Default rubric"), DEFAULT_RUBRIC)
        for row, track in enumerate(self.form.tracks):
            label = track.name.strip() or track.id.strip() or self.tr("(new track)")
            self.choice.addItem(self.tr("Track: {name}").format(name=label), row)
        position = self.choice.findData(current)
        self.choice.setCurrentIndex(max(position, 0))
        self.choice.blockSignals(False)
        if position < 0:
            self._show()

    def _show(self, *_: object) -> None:
        rubric = self.rubric()
        if rubric == DEFAULT_RUBRIC or rubric >= len(self.form.tracks):
            self.own.setVisible(False)
            self.model.bind(self.form.criteria)
            self.pane.set_read_only(False)
            self.note.setText(
                self.tr("The default rubric scores every track that has no rubric of its own.")
            )
            return
        track = self.form.tracks[rubric]
        self.own.setVisible(True)
        self.own.blockSignals(True)
        self.own.setChecked(track.own_rubric)
        self.own.blockSignals(False)
        if track.own_rubric:
            self.model.bind(track.criteria)
            self.pane.set_read_only(False)
            self.note.setText(self.tr("This track is scored by its own criteria below."))
        else:
            self.model.bind(self.form.criteria)
            self.pane.set_read_only(True)
            self.note.setText(
                self.tr(
                    "This track is scored by the default rubric (shown below). Tick “Own "
                    "rubric” to give it criteria of its own."
                )
            )

    def _own_toggled(self, checked: bool) -> None:
        rubric = self.rubric()
        if rubric == DEFAULT_RUBRIC:
            return
        track = self.form.tracks[rubric]
        if checked and not track.criteria:
            track.criteria = copy.deepcopy(self.form.criteria)
        track.own_rubric = checked
        self._show()
        self.changed.emit()

    def current_index(self) -> QModelIndex:
        return self.pane.table.currentIndex()

    def retranslate(self) -> None:
        self.choice_label.setText(self.tr("&Rubric of"))
        self.own.setText(self.tr("Own rubric"))
        self.refresh_choices()
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class CheckDelegate(QStyledItemDelegate):
    """A tick box drawn in the middle of its cell, ticked by a click anywhere in the cell
    or by the space bar."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        if state is None:
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, item, widget)
        item.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        check = QStyleOptionViewItem(item)
        box.moveCenter(option.rect.center())
        check.rect = box
        check.state &= ~QStyle.StateFlag.State_HasFocus
        checked = Qt.CheckState(state) == Qt.CheckState.Checked
        check.state |= QStyle.StateFlag.State_On if checked else QStyle.StateFlag.State_Off
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, check, painter, widget
        )

    def editorEvent(
        self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        if not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonDblClick:
            return True
        if kind == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            if event.button() != Qt.MouseButton.LeftButton:
                return False
        elif kind == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() not in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                return False
        else:
            return False
        state = Qt.CheckState(index.data(Qt.ItemDataRole.CheckStateRole))
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        return model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)
