"""Messages of the reviewer's working database (the scores typed from a package)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "work.unwritable": (
        "작업 파일을 만들 수 없습니다: {error}",
        "cannot create the working file: {error}",
    ),
    "work.newer": (
        "이 작업 파일은 더 새 버전의 프로그램에서 만들었습니다. 프로그램을 업데이트하세요",
        "this working file was made by a newer version of the program; update the program",
    ),
    "work.in_use": (
        "이 심사 패키지는 다른 창이나 프로그램에서 이미 열려 있습니다. 그 창에서 계속하거나 닫은 뒤 다시 여세요",
        "this package is already open in another window or program; go on there, or close it "
        "and open the package again",
    ),
    "work.other_package": (
        "이 작업 파일은 다른 심사 패키지의 것입니다",
        "this working file belongs to another reviewer package",
    ),
    "work.no_password_variable": (
        "환경 변수 {variable|이} 설정되어 있지 않습니다",
        "the environment variable {variable} is not set",
    ),
}
