"""Messages of the store and the services (state refusals, summaries)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "store.not_a_round": (
        "평가 회차 데이터베이스가 아닙니다: {database}",
        "not a round database: {database}",
    ),
    "store.newer_database": (
        "이 데이터베이스는 더 새로운 버전의 프로그램으로 저장되었습니다 (스키마 {revision}). 프로그램을 업데이트하세요.",
        "this database was saved by a newer version of the program (schema {revision}); "
        "update the program",
    ),
    "store.locked": (
        "'{name}' 평가 회차는 잠겨 있어 변경할 수 없습니다",
        "the round '{name}' is locked; nothing can be changed",
    ),
    "store.exists": (
        "이미 있는 평가 회차 데이터베이스입니다: {path}",
        "a round database already exists at {path}",
    ),
    "store.exists_other": (
        "{path|은} 다른 프로그램의 SQLite 데이터베이스입니다 (평가 회차가 아닙니다). 다른 파일 "
        "이름을 고르세요",
        "{path} is an SQLite database of another program, not a round; choose another file name",
    ),
    "store.exists_file": (
        "{path}에 데이터베이스가 아닌 파일이 이미 있습니다. 다른 파일 이름을 고르세요",
        "{path} is already a file that is not a database; choose another file name",
    ),
    "store.exists_folder": (
        "{path|은} 폴더입니다. 회차 파일의 이름을 주세요 (예: {path}/round.db)",
        "{path} is a folder; give the round's file name (for example {path}/round.db)",
    ),
    "store.missing": (
        "데이터베이스 파일이 없습니다 (먼저 reviewer init으로 만드세요)",
        "no such database (create it with reviewer init first)",
    ),
    "store.unopenable": (
        "데이터베이스를 열 수 없습니다 ({error})",
        "cannot open the database ({error})",
    ),
    "store.no_round": ("데이터베이스에 평가 회차 정보가 없습니다", "the database holds no round"),
    "store.not_a_database": (
        "평가 회차 데이터베이스(SQLite) 파일이 아닙니다",
        "not a round database (SQLite) file",
    ),
    "template.exists": (
        "{path|이} 이미 있습니다. 덮어쓰려면 --force를 붙이세요",
        "{path} already exists; add --force to overwrite it",
    ),
    "template.is_folder": (
        "폴더입니다. 템플릿을 쓸 파일 이름을 지정하세요",
        "this is a folder; name the file to write the template to",
    ),
    "store.no_folder": ("폴더가 없습니다: {path}", "no such folder: {path}"),
    "store.no_driver": (
        "{database}에 연결할 드라이버가 없습니다 ({module}). PostgreSQL은 pip install 'reviewer[postgresql]'로 설치하세요",
        "no driver to connect to {database} ({module}); for PostgreSQL install 'reviewer[postgresql]'",
    ),
    "store.busy": (
        "다른 프로그램이 이 평가 회차를 쓰고 있습니다. 잠시 후 다시 시도하세요",
        "another program is writing this round; try again in a moment",
    ),
    "store.duplicate": (
        "이미 있는 값과 겹쳐 아무것도 쓰지 않았습니다: {what}",
        "nothing was written: a value clashes with one already in the round ({what})",
    ),
    "store.missing_reference": (
        "회차에 없는 항목을 가리켜 아무것도 쓰지 않았습니다: {what}",
        "nothing was written: it refers to something the round does not have ({what})",
    ),
    "store.missing_value": (
        "필수 값이 비어 있어 아무것도 쓰지 않았습니다: {what}",
        "nothing was written: a required value is missing ({what})",
    ),
    "store.broken_rule": (
        "데이터베이스 규칙에 맞지 않아 아무것도 쓰지 않았습니다: {what}",
        "nothing was written: the data break a rule of the database ({what})",
    ),
    "store.bad_value": (
        "데이터베이스에 담을 수 없는 값이라 아무것도 쓰지 않았습니다: {what}",
        "nothing was written: a value does not fit the database ({what})",
    ),
    "store.disk_full": (
        "디스크가 가득 차 데이터베이스에 쓸 수 없습니다. 공간을 비운 뒤 다시 시도하세요 (아무것도 쓰지 않았습니다; {error})",
        "the disk is full, so the database cannot be written; free some space and try again (nothing was written; {error})",
    ),
    "store.read_only": (
        "데이터베이스에 쓸 권한이 없거나 읽기 전용입니다 ({error})",
        "the database cannot be written: no permission, or a read-only file or disk ({error})",
    ),
    "store.io_error": (
        "디스크나 네트워크 오류로 데이터베이스 파일을 읽거나 쓸 수 없습니다 ({error})",
        "the database file could not be read or written: a disk or network error ({error})",
    ),
    "store.corrupt": (
        "데이터베이스 파일이 손상되었습니다. 백업(ROUND.db.bak-…)에서 복원하세요 ({error})",
        "the database file is damaged; restore it from a backup (ROUND.db.bak-…) ({error})",
    ),
    "store.connection": (
        "데이터베이스 서버와 연결할 수 없거나 연결이 끊겼습니다 ({error})",
        "the connection to the database server failed or was lost ({error})",
    ),
    "store.database_error": (
        "데이터베이스가 요청을 처리하지 못해 아무것도 쓰지 않았습니다: {error}",
        "nothing was written: the database could not complete the request ({error})",
    ),
    "store.migration_broken": (
        "스키마 변환 후 참조 오류 {count}건이 있어 변환을 취소했습니다",
        "the schema migration was cancelled: it left {count} broken references",
    ),
    "lock.stale": (
        "마지막 선정 이후 데이터가 바뀌었습니다. reviewer select를 실행한 뒤 잠그세요",
        "the data changed after the newest selection run; run reviewer select before locking",
    ),
    "lock.no_run": (
        "선정 결과가 없어 잠글 수 없습니다. 먼저 reviewer select를 실행하세요",
        "there is no selection run to lock; run reviewer select first",
    ),
    "cli.run_locked": (
        "평가 회차가 잠겨 있어 새로 기록하지 않았습니다 · 선정 실행 #{run} · 데이터 SHA-256 {digest}",
        "the round is locked; no new run recorded · selection run #{run} · data SHA-256 {digest}",
    ),
    "cli.os_error": ("파일 오류: {path}: {error}", "file error: {path}: {error}"),
    "demo.not_demo": (
        "{directory}에 데모가 아닌 파일이 있습니다 ({files}). 빈 폴더나 새 폴더를 지정하세요",
        "{directory} holds files that are not a demo's ({files}); name an empty or new folder",
    ),
    "service.no_files": ("가져올 파일이 없습니다", "no files to import"),
    "service.duplicate_existing": (
        "과제번호 {id|은} 이미 회차에 있습니다",
        "application {id} is already in the round",
    ),
    "service.file_missing": ("파일이 없습니다", "no such file"),
    "service.file_is_folder": ("파일이 아니라 폴더입니다", "a folder, not a file"),
    "service.file_is_pipe": (
        "파일이 아니라 파이프(FIFO)입니다",
        "a pipe (FIFO), not a file",
    ),
    "service.file_is_device": ("파일이 아니라 장치입니다", "a device, not a file"),
    "service.file_special": ("일반 파일이 아닙니다", "not a regular file"),
    "service.file_unreadable": (
        "파일의 정보를 읽을 수 없습니다 (권한을 확인하세요)",
        "cannot look at the file (check the permissions)",
    ),
    "select.no_applications": ("회차에 신청 과제가 없습니다", "the round has no applications"),
    "export.no_run": (
        "선정 결과가 없습니다. 먼저 reviewer select를 실행하세요",
        "there is no selection run yet; run reviewer select first",
    ),
    "export.stale": (
        "마지막 선정 이후 점수나 과제가 바뀌었습니다. reviewer select를 다시 실행하세요",
        "scores or applications changed after the newest selection run; run reviewer select again",
    ),
    "export.written_unaudited": (
        "보고서를 썼습니다({files}). 다만 다른 프로그램이 이 회차에 쓰고 있어 감사 기록에 "
        "남기지 못했습니다. 잠시 후 다시 내보내면 기록됩니다",
        "the reports are written ({files}), but another program is writing this round, so "
        "the export is not in the audit log; export again in a moment to record it",
    ),
    "export.unreadable_run": (
        "선정 결과 {run}의 기록을 읽을 수 없습니다 (데이터베이스가 손상되었을 수 있습니다)",
        "the record of selection run {run} cannot be read (the database may be damaged)",
    ),
    "export.no_output": (
        "내보낼 형식을 하나 이상 지정하세요 (--pdf, --xlsx, --sheets)",
        "name at least one output (--pdf, --xlsx, --sheets)",
    ),
    "export.write_failed": (
        "파일을 쓸 수 없습니다: {path} ({error})",
        "cannot write {path}: {error}",
    ),
    "export.no_folder": (
        "폴더가 없습니다: {folder} (폴더를 만들거나 다른 위치를 고르세요)",
        "the folder {folder} does not exist (create it or choose another place)",
    ),
    "export.not_writable": (
        "파일을 쓸 권한이 없습니다: {path} (다른 위치를 고르세요)",
        "no permission to write {path} (choose another place)",
    ),
    "export.cancelled": (
        "내보내기를 취소했습니다. 새로 쓴 파일은 없습니다",
        "the export was cancelled; no file was written",
    ),
    "lock.already": ("이미 잠겨 있습니다", "the round is already locked"),
    "lock.not_locked": ("잠겨 있지 않습니다", "the round is not locked"),
    "correct.reason_required": (
        "고치는 사유를 적어야 합니다",
        "a correction needs a reason",
    ),
    "lock.reason_required": (
        "잠금 해제 사유를 적어야 합니다 (--reason)",
        "unlocking needs a reason (--reason)",
    ),
    "cli.error": ("오류: {message}", "error: {message}"),
    "cli.interrupted": ("중단되었습니다", "interrupted"),
    "cli.initialised": (
        "평가 회차를 만들었습니다: {database} ({name}, 트랙 {tracks}개)",
        "created the round {database} ({name}, {tracks} tracks)",
    ),
    "cli.imported.applications": (
        "신청 과제 {count}건을 가져왔습니다 ({files})",
        "imported {count} applications ({files})",
    ),
    "cli.imported.reviewers": (
        "심사위원 {count}명 추가, {updated}명 갱신, {unchanged}명 변경 없음 ({files})",
        "added {count} reviewers, updated {updated}, {unchanged} unchanged ({files})",
    ),
    "cli.imported.reviewers.changed": (
        "심사위원 {count}명 추가, {updated}명 갱신 ({fields}), {unchanged}명 변경 없음 ({files})",
        "added {count} reviewers, updated {updated} ({fields}), {unchanged} unchanged ({files})",
    ),
    "cli.imported.corrections": (
        "신청 과제 {updated}건 수정, 바뀐 항목 {changes}개, {unchanged}건 변경 없음 ({files})",
        "corrected {updated} applications, {changes} fields changed, {unchanged} unchanged "
        "({files})",
    ),
    "cli.imported.corrections.changed": (
        "신청 과제 {updated}건 수정, 바뀐 항목 {changes}개 ({fields}), {unchanged}건 변경 없음 "
        "({files})",
        "corrected {updated} applications, {changes} fields changed ({fields}), "
        "{unchanged} unchanged ({files})",
    ),
    "cli.imported.scores": (
        "평가 {count}건 추가, {replaced}건 교체, {unchanged}건 변경 없음, 이해충돌 {conflicts}건 ({files})",
        "added {count} reviews, replaced {replaced}, {unchanged} unchanged, {conflicts} conflicts ({files})",
    ),
    "cli.run": (
        "선정 실행 #{run} 기록됨 · 데이터 SHA-256 {digest}",
        "recorded selection run #{run} · data SHA-256 {digest}",
    ),
    "cli.locked": ("평가 회차를 잠갔습니다", "the round is locked"),
    "cli.unlocked": ("평가 회차 잠금을 해제했습니다", "the round is unlocked"),
    "summary.header": (
        "{name} — 선정 {selected}건, 쿼터 부족 {shortfall}, 점수 합계 {total}",
        "{name} — {selected} selected, quota shortfall {shortfall}, total score {total}",
    ),
    "summary.columns": (
        "트랙|좌석|선정|쿼터 선정|쿼터 미선정|미선정|과락|부적격|미완료|예산 사용",
        "track|seats|selected|by quota|displaced|not selected|below cutoff|ineligible|incomplete|budget used",
    ),
    "summary.quota": (
        "쿼터 {name}{scope}: 필요 {required}, 달성 {achieved}, 부족 {shortfall}",
        "quota {name}{scope}: required {required}, achieved {achieved}, shortfall {shortfall}",
    ),
    "summary.tie": (
        "경계 동점 {track} {score}: {ids}",
        "boundary tie in {track} at {score}: {ids}",
    ),
    "demo.written": ("데모 회차 파일: {directory}", "demo round files: {directory}"),
    "demo.database": ("데이터베이스: {path}", "database: {path}"),
    "demo.output": ("보고서: {path}", "report: {path}"),
    "matrix.unknown_track": (
        "트랙 {track|은} 이 회차에 없습니다. 가능한 트랙: {known}",
        "track {track} is not in this round; known: {known}",
    ),
    "matrix.unknown_reviewer": (
        "심사위원 {reviewer|은} 이 회차에 없습니다",
        "reviewer {reviewer} is not in this round",
    ),
    "matrix.unknown_application": (
        "과제번호 {application|은} 이 회차에 없습니다",
        "application {application} is not in this round",
    ),
    "whatif.no_run": (
        "아직 선정을 실행하지 않았습니다. 먼저 선정을 실행해야 가정 분석을 할 수 있습니다",
        "no selection has run yet; run the selection before a what-if",
    ),
    "whatif.tracks_changed": (
        "가정 분석에서는 평가항목 가중치, 점수 집계·보정, 과락 기준, 선정 정원·예산, 쿼터 비율과 "
        "초과 여부, 정원 이전만 바꿀 수 있습니다. 트랙·평가항목·자격 요건 등은 round.toml에서 바꾸세요",
        "a what-if changes only criterion weights, the aggregation and calibration, the "
        "cutoff and floor, seats and budgets, quota shares and strictness and seat transfer; "
        "change tracks, criteria, requirements and the rest in round.toml",
    ),
    "whatif.reason_required": (
        "시나리오를 선정 결과로 저장하려면 사유를 입력해야 합니다",
        "a reason is required to save the scenario as a run",
    ),
    "whatif.round_changed": (
        "가정 분석을 시작한 뒤 평가 회차의 데이터가 바뀌었습니다. 다시 불러온 뒤 저장하세요",
        "the round's data changed since the what-if started; reload it before saving",
    ),
    "whatif.newer_run": (
        "가정 분석을 시작한 뒤 새 선정 결과(실행 {run})가 기록되었습니다. 다시 불러온 뒤 저장하세요",
        "a newer run ({run}) was recorded since the what-if started; reload it before saving",
    ),
}
