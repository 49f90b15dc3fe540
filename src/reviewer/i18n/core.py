"""General messages: locations, error lists, state refusals."""

MESSAGES: dict[str, tuple[str, str]] = {
    "loc.sheet": ("시트 {sheet}", "sheet {sheet}"),
    "loc.row": ("{row}행", "row {row}"),
    "loc.column": ("열 {column}", "column {column}"),
    "error.many": ("입력 오류 {count}건", "{count} input errors"),
    "error.more": ("… 외 {count}건", "… and {count} more"),
}
