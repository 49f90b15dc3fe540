"""The round's audit log: who did what, when."""

from __future__ import annotations

import getpass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from reviewer.store.models import AuditRow


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


def actor() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def audit(session: Session, action: str, target: str | None = None, **detail: Any) -> None:
    session.add(AuditRow(at=now(), actor=actor(), action=action, target=target, detail=detail))
