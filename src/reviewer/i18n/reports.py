"""Messages of reports."""

MESSAGES: dict[str, tuple[str, str]] = {}
