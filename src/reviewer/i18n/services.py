"""Messages of services."""

MESSAGES: dict[str, tuple[str, str]] = {}
