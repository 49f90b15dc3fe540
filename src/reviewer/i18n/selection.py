"""Messages of selection."""

MESSAGES: dict[str, tuple[str, str]] = {}
