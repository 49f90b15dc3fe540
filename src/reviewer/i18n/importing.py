"""Messages of importing."""

MESSAGES: dict[str, tuple[str, str]] = {}
