"""How long the configuration's names may be: the lengths of the columns that hold them.

Read from the models themselves, so the check at ``init`` and the schema cannot drift
apart.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import String
from sqlalchemy.sql.elements import KeyedColumnElement

from reviewer.domain.config import TextLimits
from reviewer.store.models import CriterionRow, RoundInfo, TrackRow


def _length(column: KeyedColumnElement[Any]) -> int:
    kind = column.type
    if not isinstance(kind, String) or kind.length is None:
        raise TypeError(f"{column} has no length")
    return kind.length


def config_limits() -> TextLimits:
    """The longest round name, track id and name, criterion id and name a round can hold."""
    return TextLimits(
        round_name=_length(RoundInfo.__table__.c.name),
        track_id=_length(TrackRow.__table__.c.id),
        track_name=_length(TrackRow.__table__.c.name),
        criterion_id=_length(CriterionRow.__table__.c.id),
        criterion_name=_length(CriterionRow.__table__.c.name),
    )
