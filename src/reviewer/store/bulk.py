"""Fast multi-row inserts for both SQLite and PostgreSQL.

Bulk rows go through Core ``insert`` compiled for the connected dialect and the driver's
``executemany``, which both databases run fast.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

BATCH = 20_000


def bulk_insert(session: Session, model: Any, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by column) into ``model``'s table in batches."""
    if not rows:
        return
    keys = [column.key for column in model.__table__.columns if column.key in rows[0]]
    insert_rows(session, model, keys, [tuple(row.get(key) for key in keys) for row in rows])


def insert_rows(
    session: Session, model: Any, keys: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Insert ``rows`` (tuples of the ``keys`` columns, in that order) fast.

    The INSERT is compiled for the connected dialect, so the SQL is the database's own,
    and handed to the driver's ``executemany``: SQLAlchemy's per-row parameter handling
    costs more than SQLite's insert itself at 500,000 rows. Values go through each
    column type's bind processor where the dialect has one, as SQLAlchemy would do.
    """
    if not rows:
        return
    table = model.__table__
    connection = session.connection()
    dialect = connection.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=list(keys))
    names = list(compiled.positiontup or []) if compiled.positional else list(compiled.params)
    order = [list(keys).index(compiled.binds[name].key) for name in names]
    processors = [table.c[keys[i]].type._cached_bind_processor(dialect) for i in order]
    plain = order == list(range(len(keys))) and not any(processors)

    def convert(chunk: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        """The chunk's rows in the statement's order, bound: column by column (a list
        per column costs less than a generator per row). Every row has one value per
        key (a row of another length raises)."""
        columns = list(zip(*chunk, strict=True))
        bound = [
            columns[i]
            if processor is None
            else [None if value is None else processor(value) for value in columns[i]]
            for i, processor in zip(order, processors, strict=True)
        ]
        return list(zip(*bound, strict=True))

    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        values: list[Any] = list(chunk) if plain else convert(chunk)
        if not compiled.positional:
            values = [dict(zip(names, row, strict=True)) for row in values]
        connection.exec_driver_sql(compiled.string, values)
