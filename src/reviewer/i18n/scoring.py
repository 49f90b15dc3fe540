"""Messages of scoring."""

MESSAGES: dict[str, tuple[str, str]] = {}
