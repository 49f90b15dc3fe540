"""Correcting one application in the window: the fields typed in its form are read and
validated exactly as a row of ``import applications --update`` would be, a reason is
required, and every changed value goes to the audit log with it."""

from __future__ import annotations

from collections.abc import Mapping

from reviewer.errors import InvalidInput
from reviewer.exchange.importers.applications import read_correction_form
from reviewer.store import repository, updates
from reviewer.store.engine import Database

FORM = "form"  # how the form is named in messages and in the audit log


def correct_application(
    database: Database, application_id: str, values: Mapping[str, str], reason: str
) -> tuple[str, ...]:
    """Correct ``application_id`` with ``values`` (field name → text, as typed); returns
    the fields that changed (none when nothing differs: nothing is written then)."""
    reason = " ".join(reason.split())
    if not reason:
        raise InvalidInput("correct.reason_required")
    with database.session() as session:
        repository.require_open(session)
        config = repository.load_config(session)
        stored = {app.id: app for app in repository.applications(session)}
        if application_id not in stored:
            raise InvalidInput("import.application_unknown", id=application_id)
        corrected = read_correction_form(
            {"id": application_id, **values},
            FORM,
            config,
            stored,
            repository.scored_reviews(session),
        )
        changes = updates.update_applications(session, [corrected], source=FORM, reason=reason)
        if changes.updated:
            repository.touch(session)
        return changes.updated.get(application_id, ())
