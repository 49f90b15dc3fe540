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
    # -- making packages
    "package.created": (
        "{file}: 심사위원 {reviewer} ({name})의 심사 패키지 — 과제 {applications}건, "
        "첨부 {attachments}개 ({bytes:,}바이트)",
        "{file}: package of reviewer {reviewer} ({name}) — {applications} applications, "
        "{attachments} attachments ({bytes:,} bytes)",
    ),
    "package.created_all": (
        "심사 패키지 {count}개를 만들었습니다. 비밀번호 목록: {passwords} "
        "(심사위원에게 패키지와 따로 전달하고 안전하게 보관하세요)",
        "made {count} reviewer packages; password list: {passwords} (give each password to "
        "its reviewer apart from the package, and keep the list safe)",
    ),
    "package.skipped": (
        "심사위원 {reviewer}: 배정된 과제가 모두 이해충돌이라 패키지를 만들지 않았습니다",
        "reviewer {reviewer}: every assigned application is a conflict, so no package was made",
    ),
    "package.no_password_warning": (
        "경고: 비밀번호 없는 패키지입니다. 파일을 가진 누구나 과제 내용을 열어 볼 수 있습니다",
        "warning: the package has no password; anyone who has the file can read the "
        "applications in it",
    ),
    "package.unknown_reviewer": (
        "심사위원 {reviewer|은} 이 평가 회차에 없습니다",
        "reviewer {reviewer} is not in the round",
    ),
    "package.no_assignments": (
        "이 평가 회차에는 아직 배정이 없습니다. 먼저 reviewer assign 또는 "
        "reviewer import assignments로 과제를 배정하세요",
        "the round has no assignments yet; assign applications first with reviewer assign "
        "or reviewer import assignments",
    ),
    "package.reviewer_unassigned": (
        "심사위원 {reviewer}에게 배정된 과제가 없습니다",
        "reviewer {reviewer} has no assigned applications",
    ),
    "package.all_conflicted": (
        "심사위원 {reviewer}에게 배정된 과제가 모두 이해충돌입니다",
        "every application assigned to reviewer {reviewer} is a conflict",
    ),
    "package.none_to_make": (
        "만들 패키지가 없습니다: 배정된 과제가 모두 이해충돌입니다 ({reviewers})",
        "no package to make: every assigned application is a conflict ({reviewers})",
    ),
    "package.no_round_uid": (
        "평가 회차에 고유 ID가 없습니다. 프로그램으로 데이터베이스를 다시 여세요",
        "the round has no id of its own; open the database with this program again",
    ),
    "package.no_folder": (
        "폴더 {folder|이} 없습니다",
        "the folder {folder} does not exist",
    ),
    "package.exists": (
        "파일이 이미 있습니다. 바꾸려면 --force를 지정하세요",
        "the file exists already; give --force to replace it",
    ),
    "package.password_short": (
        "비밀번호는 {minimum}자 이상이어야 합니다",
        "the password must have at least {minimum} characters",
    ),
    "package.password_env_missing": (
        "환경 변수 {name|이} 비어 있거나 없습니다",
        "the environment variable {name} is not set or empty",
    ),
    "package.password_mismatch": (
        "두 번 입력한 비밀번호가 다릅니다",
        "the two passwords differ",
    ),
    "package.password_source": (
        "비밀번호를 정하세요: --password-env 변수이름, 터미널에서 입력, 또는 --no-password",
        "choose a password: --password-env VAR, type it on a terminal, or --no-password",
    ),
    "package.verify.password_source": (
        "이 패키지는 비밀번호가 필요합니다: --password-env 변수이름을 지정하거나 터미널에서 입력하세요",
        "the package needs its password: give --password-env VAR, or type it on a terminal",
    ),
    "package.password_prompt": ("패키지 비밀번호: ", "package password: "),
    "package.password_again": ("비밀번호 다시 입력: ", "the password again: "),
    "package.list.reviewer": ("심사위원ID", "reviewer id"),
    "package.list.name": ("성명", "name"),
    "package.list.file": ("파일", "file"),
    "package.list.password": ("비밀번호", "password"),
    # -- importing score files
    "package.import.mixed": (
        "점수 파일(.rvscore)과 점수표를 한 번에 가져올 수 없습니다. 따로 가져오세요 ({files})",
        "score files (.rvscore) and score spreadsheets cannot be imported in one command; "
        "import them separately ({files})",
    ),
    "package.import.unknown_package": (
        "이 평가 회차가 만든 심사 패키지({package})의 점수 파일이 아닙니다",
        "the score file is not from a package this round made ({package})",
    ),
    "package.import.other_round": (
        "다른 평가 회차의 점수 파일입니다",
        "the score file belongs to another round",
    ),
    "package.import.other_reviewer": (
        "점수 파일의 심사위원({reviewer})이 패키지의 심사위원({expected})과 다릅니다",
        "the score file's reviewer ({reviewer}) is not the package's reviewer ({expected})",
    ),
    "package.import.replay": (
        "이미 가져온 버전입니다: 이 파일은 버전 {version}, 가져온 최신 버전은 {returned}입니다. "
        "심사위원이 가장 최근에 보낸 파일을 사용하세요",
        "this version was imported already: the file is version {version}, the newest "
        "imported is {returned}; use the reviewer's latest file",
    ),
    "package.import.superseded": (
        "이 심사위원의 더 새 패키지({newer})에서 이미 점수를 가져왔습니다. 예전 패키지의 "
        "점수 파일은 새 점수를 덮어쓸 수 없습니다",
        "scores from a newer package of this reviewer ({newer}) were imported already; a "
        "score file of an older package cannot overwrite them",
    ),
    "package.import.same_reviewer_twice": (
        "심사위원 {reviewer}의 점수 파일이 두 개입니다 ({other}). 심사위원마다 가장 최근 파일 하나만 가져오세요",
        "two score files of reviewer {reviewer} ({other}); import only each reviewer's newest file",
    ),
    "package.import.same_package_twice": (
        "같은 패키지의 점수 파일이 두 개입니다 ({other}). 가장 최근 파일 하나만 가져오세요",
        "two score files of the same package ({other}); import only the newest one",
    ),
    "package.import.entry": (
        "과제 {application}: {problem}",
        "application {application}: {problem}",
    ),
    "package.import.entry.criterion": (
        "과제 {application}, {criterion}: {problem}",
        "application {application}, {criterion}: {problem}",
    ),
    "package.import.duplicate_entry": (
        "점수가 두 번 있습니다",
        "scored twice in the file",
    ),
    "package.import.not_in_package": (
        "이 패키지에 들어 있지 않은 과제입니다",
        "not an application of this package",
    ),
    "package.import.conflict_with_scores": (
        "이해충돌로 표시되었는데 점수가 있습니다",
        "marked as a conflict but has scores",
    ),
    "package.import.conflicted": (
        "평가 회차에 심사위원 {reviewer}의 이해충돌이 기록된 과제라 점수를 받을 수 없습니다",
        "the round records a conflict of reviewer {reviewer} for it, so it cannot be scored",
    ),
    "package.import.unknown_criterion": (
        "{track} 트랙의 평가항목이 아닌 {criterion}에 점수가 있습니다",
        "a score for {criterion}, which is not a criterion of track {track}",
    ),
    # -- verifying
    "package.verify.package": (
        "{file}: 심사 패키지, 손상 없음",
        "{file}: reviewer package, intact",
    ),
    "package.verify.round": ("평가 회차: {name} ({uid})", "round: {name} ({uid})"),
    "package.verify.reviewer": ("심사위원: {reviewer} ({name})", "reviewer: {reviewer} ({name})"),
    "package.verify.contents": (
        "과제 {applications}건, 첨부 {attachments}개 ({bytes:,}바이트)",
        "{applications} applications, {attachments} attachments ({bytes:,} bytes)",
    ),
    "package.verify.created": ("만든 때: {at}", "created: {at}"),
    "package.verify.protected": ("비밀번호로 암호화됨", "encrypted under a password"),
    "package.verify.open": (
        "비밀번호 없음: 파일을 가진 누구나 열 수 있습니다",
        "no password: anyone who has the file can open it",
    ),
    "package.verify.scores": (
        "{file}: 심사 점수 파일, 형식 이상 없음",
        "{file}: reviewer score file, well formed",
    ),
    "package.verify.score_origin": (
        "패키지 {package}, 평가 회차 {uid}, 심사위원 {reviewer}",
        "package {package}, round {uid}, reviewer {reviewer}",
    ),
    "package.verify.score_contents": (
        "버전 {version} (보낸 때 {sent}): 과제 {entries}건 중 채점 {scored}건, 이해충돌 {conflicts}건",
        "version {version} (sent {sent}): {entries} applications, {scored} scored, "
        "{conflicts} conflicts",
    ),
    "package.verify.signature_ok": (
        "서명 확인: 패키지의 서명이 맞습니다",
        "signature checked: it is the package's",
    ),
    "package.verify.signature_unchecked": (
        "서명은 확인하지 않았습니다: --round ROUND.db 또는 --package 패키지.rvpkg를 지정하세요",
        "the signature was NOT checked: give --round ROUND.db or --package PACKAGE.rvpkg",
    ),
    "package.verify.round_ok": (
        "이 평가 회차의 파일입니다",
        "the file is of this round",
    ),
    "package.verify.other_round": (
        "다른 평가 회차의 심사 패키지입니다",
        "the package belongs to another round",
    ),
    "package.verify.other_package": (
        "점수 파일이 패키지 {package}에서 나온 것이 아닙니다",
        "the score file is not from the package {package}",
    ),
}
