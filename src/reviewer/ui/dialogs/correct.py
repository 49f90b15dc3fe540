"""Correcting one application: its fields in a form, and the reason, which is required
and audited with every changed value. The values are read and checked by the service
as a row of ``import applications --update`` would be; its message is shown here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reviewer.domain.model import Application
from reviewer.ui import palette


def _fields() -> list[tuple[str, str]]:
    return [
        ("title", QCoreApplication.translate("CorrectDialog", "Title")),
        ("company", QCoreApplication.translate("CorrectDialog", "Company")),
        ("business_no", QCoreApplication.translate("CorrectDialog", "Business no.")),
        ("field", QCoreApplication.translate("CorrectDialog", "Field")),
        ("amount", QCoreApplication.translate("CorrectDialog", "Amount (KRW, e.g. 4억 5천만원)")),
        ("region", QCoreApplication.translate("CorrectDialog", "Region")),
        ("bonus", QCoreApplication.translate("CorrectDialog", "Bonus")),
        ("penalty", QCoreApplication.translate("CorrectDialog", "Penalty")),
    ]


def _number(value: float) -> str:
    return "" if not value else f"{value:g}"


def _flag(value: bool | None) -> str:
    return "" if value is None else ("Y" if value else "N")


class CorrectDialog(QDialog):
    """Emits ``submitted(values, reason)`` with the fields that differ from the stored
    application (as text, the way a workbook cell holds them)."""

    submitted = Signal(dict, str)

    def __init__(
        self, app: Application, tracks: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctDialog")
        self.app = app
        self.setWindowTitle(self.tr("Correct application {id}").format(id=app.id))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.original: dict[str, str] = {}
        self.edits: dict[str, QLineEdit | QComboBox] = {}
        form = QFormLayout()
        self.track = QComboBox()
        for track_id, name in tracks.items():
            self.track.addItem(name, track_id)
        self.track.setCurrentIndex(max(self.track.findData(app.track), 0))
        self._add(form, "track", self.tr("Track"), self.track, app.track)
        texts = {
            "title": app.title,
            "company": app.company,
            "business_no": app.business_no or "",
            "field": app.field or "",
            "amount": str(app.amount) if app.amount else "",
            "region": app.region or "",
            "bonus": _number(app.bonus),
            "penalty": _number(app.penalty),
        }
        for key, label in _fields():
            self._add(form, key, label, QLineEdit(texts[key]), texts[key])
        self.ai = QComboBox()
        for category, text in (("AI", "AI"), ("AI+X", "AI+X"), ("none", self.tr("None"))):
            self.ai.addItem(text, category)
        self.ai.setCurrentIndex(max(self.ai.findData(app.ai_category), 0))
        self._add(form, "ai_category", self.tr("AI category"), self.ai, app.ai_category)
        for key, label, flag in (
            ("investment_commitment", self.tr("Investment commitment"), app.investment_commitment),
            ("guarantee", self.tr("Guarantee"), app.guarantee),
        ):
            combo = QComboBox()
            for data, text in (
                ("", self.tr("(not given)")),
                ("Y", self.tr("Yes")),
                ("N", self.tr("No")),
            ):
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(_flag(flag)), 0))
            self._add(form, key, label, combo, _flag(flag))
        for name, attribute in app.attributes.items():
            self._add(form, f"attr:{name}", name, QLineEdit(str(attribute)), str(attribute))

        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setPlaceholderText(self.tr("Why is it corrected? (required, audited)"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {palette.CUTOFF};")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        for edit in self.edits.values():
            if isinstance(edit, QLineEdit):
                edit.textChanged.connect(self._update)
            else:
                edit.currentIndexChanged.connect(self._update)

        fields = QWidget()
        fields.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        reason_form = QFormLayout()
        reason_form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(reason_form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(620, 620)
        self._update()

    def _add(
        self, form: QFormLayout, key: str, label: str, edit: QLineEdit | QComboBox, value: str
    ) -> None:
        edit.setObjectName(key)
        self.edits[key] = edit
        self.original[key] = value
        form.addRow(label, edit)

    def value(self, key: str) -> str:
        edit = self.edits[key]
        if isinstance(edit, QLineEdit):
            return edit.text().strip()
        return str(edit.currentData() or "")

    def changes(self) -> dict[str, str]:
        """The fields that differ from the stored application, as text; an attribute is
        sent under its own header."""
        changed: dict[str, str] = {}
        for key, before in self.original.items():
            now = self.value(key)
            if now != before.strip():
                changed[key.removeprefix("attr:")] = now
        return changed

    def _update(self) -> None:
        ready = bool(self.changes()) and bool(self.reason.text().strip())
        self.save_button.setEnabled(ready)
        self.save_button.setToolTip(
            "" if ready else self.tr("Change a field and give the reason to save")
        )

    def _submit(self) -> None:
        self.error.setVisible(False)
        self.save_button.setEnabled(False)
        self.submitted.emit(self.changes(), self.reason.text())

    def failed(self, message: str) -> None:
        """The service refused the correction: show why, keep what was typed."""
        self.error.setText(message)
        self.error.setVisible(True)
        self._update()


def ask_correction(
    parent: QWidget,
    app: Application,
    tracks: dict[str, str],
    on_submit: Callable[[CorrectDialog, dict[str, str], str], None],
) -> CorrectDialog:
    dialog = CorrectDialog(app, tracks, parent)
    dialog.submitted.connect(lambda values, reason: on_submit(dialog, values, reason))
    dialog.open()
    return dialog
