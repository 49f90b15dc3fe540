"""Messages of reviewer packages (.rvpkg) and score files (.rvscore)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "package.missing": ("파일이 없습니다", "the file does not exist"),
    "package.unreadable": ("파일을 읽을 수 없습니다: {error}", "cannot read the file: {error}"),
    "package.unwritable": ("파일을 쓸 수 없습니다: {error}", "cannot write the file: {error}"),
    "package.too_large": (
        "파일이 너무 큽니다 (최대 {limit:,}바이트)",
        "the file is too large (at most {limit:,} bytes)",
    ),
    "package.not_a_package": (
        "심사 패키지(.rvpkg) 파일이 아닙니다",
        "this is not a reviewer package (.rvpkg)",
    ),
    "package.damaged": (
        "심사 패키지가 손상되었거나 변경되었습니다. 사무국에서 받은 원본 파일을 사용하세요",
        "the reviewer package is damaged or was changed; use the file the secretariat sent",
    ),
    "package.newer_format": (
        "이 프로그램보다 새 버전에서 만든 파일입니다 (형식 {format}). 프로그램을 업데이트하세요",
        "the file was made by a newer version of the program (format {format}); update the program",
    ),
    "package.password_needed": (
        "이 심사 패키지는 비밀번호가 필요합니다",
        "this reviewer package needs a password",
    ),
    "package.wrong_password": (
        "비밀번호가 맞지 않습니다",
        "the password is not this package's password",
    ),
    "package.score.not_a_score_file": (
        "심사 점수 파일(.rvscore)이 아닙니다",
        "this is not a reviewer score file (.rvscore)",
    ),
    "package.score.changed": (
        "점수 파일이 손상되었거나 변경되었습니다. 심사위원이 보낸 원본 파일을 사용하세요",
        "the score file is damaged or was changed; use the file the reviewer sent",
    ),
    "package.score.signature": (
        "점수 파일의 서명이 이 심사 패키지의 서명이 아닙니다. 변경되었거나 다른 패키지의 파일입니다",
        "the score file's signature is not this package's: it was changed or belongs to "
        "another package",
    ),
}
