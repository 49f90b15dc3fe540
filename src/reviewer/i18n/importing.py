"""Messages of importing (applications, reviewers, scores). The location (file, sheet,
row, column) is put in front of each message by the error itself."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the file ----------------------------------------------------------------------
    "import.unsupported_type": (
        "지원하지 않는 파일 형식입니다 ({suffix}). .xlsx 또는 .csv 파일을 사용하세요",
        "unsupported file type {suffix}; use an .xlsx or .csv file",
    ),
    "import.unreadable": ("파일을 읽을 수 없습니다: {error}", "cannot read the file: {error}"),
    "import.empty_file": ("빈 파일입니다 (0바이트)", "the file is empty (0 bytes)"),
    "import.file_twice": (
        "같은 파일이 두 번 지정되었습니다",
        "the same file is given twice",
    ),
    "import.encoding": (
        "텍스트 인코딩을 알 수 없습니다. CSV를 UTF-8 또는 CP949(EUC-KR)로 저장하세요",
        "cannot decode the text; save the CSV as UTF-8 or CP949 (EUC-KR)",
    ),
    "import.file_too_large": (
        "파일이 너무 큽니다 ({size}). 가져올 파일은 {limit}까지입니다",
        "the file is too large ({size}); a file to import may have at most {limit}",
    ),
    "import.zip_size": (
        "통합 문서를 읽지 않았습니다: {part}의 압축을 풀면 {limit}를 넘습니다 (압축 폭탄일 수 "
        "있습니다). 엑셀에서 열어 새 .xlsx로 저장하세요",
        "the workbook was not read: its part {part} expands to more than {limit} (it may be "
        "a zip bomb); open it in Excel and save it as a new .xlsx",
    ),
    "import.zip_ratio": (
        "통합 문서를 읽지 않았습니다: {part}의 압축을 풀면 {ratio}배로 커집니다 (한도 {limit}배, "
        "압축 폭탄일 수 있습니다). 엑셀에서 열어 새 .xlsx로 저장하세요",
        "the workbook was not read: its part {part} expands {ratio} times (at most {limit} "
        "times; it may be a zip bomb); open it in Excel and save it as a new .xlsx",
    ),
    "import.sheet_span": (
        "시트 {sheet}의 셀이 {last}까지 있습니다 ({rows}행 × {columns}열). 한 시트는 "
        "{limit}칸까지 읽습니다. 표 밖의 빈 행과 열을 삭제하고 다시 저장하세요",
        "sheet {sheet} has cells up to {last} ({rows} rows × {columns} columns), more than "
        "the {limit} cells a sheet may span; delete the rows and columns past the table and "
        "save it again",
    ),
    "import.sheet_unusual": (
        "시트 {sheet|은} 스프레드시트 프로그램이 쓰지 않는 형식으로 쓰여 있어 안전하게 읽을 "
        "수 없습니다 (참조가 없는 셀이나 행, 특이한 표기). 엑셀이나 LibreOffice에서 열어 다시 "
        "저장하세요",
        "sheet {sheet} is written as spreadsheet programs do not write it (cells or rows "
        "without a reference, or references written otherwise), so it cannot be read "
        "safely; open the workbook in Excel or LibreOffice and save it again",
    ),
    "import.sheet_span_csv": (
        "CSV의 셀이 {last}까지 있습니다 ({rows}행 × {columns}열). 한 표는 {limit}칸까지 "
        "읽습니다. 표 밖의 빈 행과 열(쉼표)을 지우고 다시 저장하세요",
        "the CSV has cells up to {last} ({rows} rows × {columns} columns), more than the "
        "{limit} cells a table may span; delete the rows and columns (commas) past the "
        "table and save it again",
    ),
    "import.too_many_rows": (
        "행이 {limit}개를 넘습니다. 파일을 나누세요",
        "more than {limit} rows; split the file",
    ),
    "import.too_many_columns": (
        "열이 {limit}개를 넘습니다",
        "more than {limit} columns",
    ),
    "import.cell_too_long": (
        "셀의 글자 수({length}자)가 한 셀의 한도 {limit}자를 넘습니다",
        "the cell holds {length} characters, more than the {limit} a cell may hold",
    ),
    "import.cell_too_long_csv": (
        "셀의 글자 수가 한 셀의 한도 {limit}자를 넘습니다 (이 줄 또는 위의 줄에서 따옴표가 "
        "닫히지 않았을 수 있습니다)",
        "a cell holds more than the {limit} characters a cell may hold (or a quote opened "
        "on this line or above is never closed)",
    ),
    "import.csv_syntax": ("CSV 형식 오류: {error}", "CSV format error: {error}"),
    "import.corrupt": (
        "엑셀(.xlsx) 파일을 열 수 없습니다. 파일이 손상되었거나 엑셀 파일이 아닙니다 ({error})",
        "cannot open the .xlsx workbook; the file is damaged or not an Excel file ({error})",
    ),
    "import.xml_dtd": (
        "통합 문서를 읽지 않았습니다: {part}에 XML 문서 형식 선언(DTD)이 있습니다. 스프레드시트 프로그램은 이런 파일을 만들지 않으며 공격일 수 있습니다. 엑셀에서 열어 새 .xlsx로 저장하세요",
        "the workbook was not read: its part {part} declares an XML document type (DTD), which spreadsheet programs never write and which can be an attack; open it in Excel and save it as a new .xlsx",
    ),
    "import.protected_or_xls": (
        "암호가 걸린 통합 문서이거나 예전 .xls 파일입니다. 암호를 해제하고 .xlsx로 저장하세요",
        "the workbook is password-protected or an old .xls file; remove the password and "
        "save it as .xlsx",
    ),
    "import.no_sheet": ("통합 문서에 시트가 없습니다", "the workbook has no sheet"),
    "import.several_sheets": (
        "표가 여러 시트에 있습니다: {sheets}. 읽을 시트 하나의 이름을 표 이름(예: {example})으로 "
        "바꾸거나 파일을 나누세요",
        "the table appears on several sheets: {sheets} — name one sheet like the table "
        "(e.g. {example}) or split the file",
    ),
    "import.empty_sheet": ("데이터가 없습니다 (빈 시트)", "there is no data (the sheet is empty)"),
    "import.no_header": (
        "제목 행을 찾을 수 없습니다. 다음 열이 필요합니다: {expected}",
        "no header row found; the table needs the columns {expected}",
    ),
    "import.header_incomplete": (
        "제목 행에 {missing} 열이 없습니다 (필요한 열: {expected})",
        "the header row lacks the column(s) {missing} (required: {expected})",
    ),
    "import.duplicate_column": (
        "같은 제목의 열이 두 번 있습니다 ({other} 열과 중복)",
        "this header appears twice (also column {other})",
    ),
    "import.no_rows": (
        "제목 행 아래에 데이터 행이 없습니다",
        "there are no data rows below the header",
    ),
    "import.amount_unit": (
        "금액 열 제목의 단위 ({note})를 알 수 없습니다. (원), (천원), (만원), (백만원), (억원) 중 "
        "하나로 적으세요 (예: 신청금액(천원))",
        "the amount header's note ({note}) is not a unit of won; write (원), (천원), (만원), "
        "(백만원) or (억원), e.g. 신청금액(천원)",
    ),
    "import.amount_column_required": (
        "예산이 정해진 트랙이 있으므로 ({tracks}) 신청금액 열이 필요합니다 (열 제목: {expected})",
        "tracks have budgets ({tracks}), so the table needs a requested amount column "
        "(headers: {expected})",
    ),
    # -- cell values -------------------------------------------------------------------
    "import.required": ("필수 값이 비어 있습니다", "a value is required"),
    "import.error_value": (
        "셀에 오류 값 {value|이} 있습니다 (수식의 결과). 통합 문서에서 수식을 고치세요",
        "the cell holds the error value {value} (a formula's result); correct the formula "
        "in the workbook",
    ),
    "import.unsaved_formula": (
        "셀의 수식 값이 저장되어 있지 않습니다. 엑셀이나 LibreOffice에서 열어 저장하세요",
        "the cell's formula has no saved value; open and save the workbook in Excel or LibreOffice",
    ),
    "import.not_finite": (
        "{value|은} 점수나 금액이 될 수 없는 값입니다 (NaN 또는 무한대). 숫자를 입력하세요",
        "{value} is not a number a score or amount can be (NaN or infinity); enter a number",
    ),
    "import.not_number": ("{value|은} 숫자가 아닙니다", "{value} is not a number"),
    "import.negative": ("{value}: 음수는 허용되지 않습니다", "{value} must not be negative"),
    "import.amount": (
        "{value|은} 금액으로 읽을 수 없습니다 (예: 400,000,000 / 4억 / 4억 5천만원)",
        "{value} is not an amount in won (e.g. 400,000,000, 4억, 4억 5천만원)",
    ),
    "import.amount_too_large": (
        "{value|은} 너무 큰 금액입니다 (최대 {max}원)",
        "{value} is too large an amount (at most {max} won)",
    ),
    "import.amount_required": (
        "신청금액이 비어 있습니다. 트랙 {track}에는 예산이 정해져 있어 금액이 필요합니다",
        "requested amount is required: track {track} has a budget",
    ),
    "import.too_long": (
        "값이 너무 깁니다 ({length}자, 최대 {max}자)",
        "the value is too long ({length} characters, at most {max})",
    ),
    "import.amount_fraction": (
        "{value}: 금액은 원 단위 정수여야 합니다",
        "{value} is not a whole number of won",
    ),
    "import.amount_ambiguous": (
        "{value|은} 뜻이 모호합니다. 1억 2,000만원 또는 120,000,000처럼 적어 주세요",
        "{value} is ambiguous; write it as 1억 2,000만원 or 120,000,000",
    ),
    "import.flag": (
        "{value|은} 예/아니오 값이 아닙니다 (Y/N, 예/아니오, O/X, 1/0, 있음/없음)",
        "{value} is not a yes/no value (Y/N, 예/아니오, O/X, 1/0, true/false)",
    ),
    "import.ai_category": (
        "{value|은} AI 구분이 아닙니다 (AI, AI+X(AI 융합), 비AI/일반 중 하나)",
        "{value} is not an AI category (AI, AI+X (AI 융합), or none (비AI, 일반))",
    ),
    "import.business_no_format": (
        "{value|은} 사업자등록번호 형식이 아닙니다 (10자리 숫자, 예: 123-45-67890)",
        "{value} is not a business registration number (10 digits, e.g. 123-45-67890)",
    ),
    "import.business_no_checksum": (
        "{value}: 사업자등록번호의 검증번호가 맞지 않습니다",
        "{value}: the business registration number's check digit is wrong",
    ),
    "import.email": ("{value|은} 이메일 주소가 아닙니다", "{value} is not an e-mail address"),
    "import.unknown_track": (
        "알 수 없는 트랙 {value} (트랙: {tracks})",
        "unknown track {value} (tracks: {tracks})",
    ),
    # -- duplicates ----------------------------------------------------------------------
    "import.application_exists": (
        "과제번호 {id|은} 이미 평가 회차에 있습니다. 고치려면 "
        "reviewer import applications --update로 가져오세요",
        "application {id} is already in the round; to correct it, import the file with "
        "reviewer import applications --update",
    ),
    "import.application_unknown": (
        "과제번호 {id|은} 이 평가 회차에 없습니다. --update는 회차에 있는 과제만 고칩니다. "
        "새 과제는 --update 없이 가져오세요",
        "application {id} is not in the round; --update corrects applications already "
        "imported: import new ones without --update",
    ),
    "import.track_change_scored": (
        "과제 {id}에는 트랙 {old}의 평가항목으로 채점된 평가 {reviews}건이 있어, 평가항목이 다른 "
        "트랙 {new|으로} 옮길 수 없습니다 (점수가 기록되기 전이거나 평가항목이 같은 트랙으로만 "
        "옮길 수 있습니다)",
        "application {id} has {reviews} review(s) scored on the criteria of track {old}; "
        "track {new} is scored on other criteria, so the application cannot move there "
        "(a track can change before scores are recorded, or to a track with the same "
        "criteria)",
    ),
    "import.duplicate_application": (
        "과제번호 {id|이} 중복되었습니다 ({row_first}행에도 있음)",
        "application id {id} appears twice (also row {row_first})",
    ),
    "import.duplicate_application_file": (
        "과제번호 {id|이} 중복되었습니다 ({file_first} {row_first}행에도 있음)",
        "application id {id} appears twice (also {file_first}, row {row_first})",
    ),
    "import.duplicate_reviewer": (
        "심사위원 ID {id|이} 중복되었습니다 ({row_first}행에도 있음)",
        "reviewer id {id} appears twice (also row {row_first})",
    ),
    "import.duplicate_reviewer_file": (
        "심사위원 ID {id|이} 중복되었습니다 ({file_first} {row_first}행에도 있음)",
        "reviewer id {id} appears twice (also {file_first}, row {row_first})",
    ),
    "import.duplicate_review": (
        "과제 {application} × 심사위원 {reviewer}의 점수가 두 번 있습니다 ({row_first}행에도 있음)",
        "application {application} × reviewer {reviewer} is scored twice (also row {row_first})",
    ),
    "import.duplicate_review_file": (
        "과제 {application} × 심사위원 {reviewer}의 점수가 두 번 있습니다 "
        "({file_first} {row_first}행에도 있음)",
        "application {application} × reviewer {reviewer} is scored twice "
        "(also {file_first}, row {row_first})",
    ),
    # -- scores --------------------------------------------------------------------------
    "import.above_max": (
        "{value|은} 최댓값 {max}보다 큽니다",
        "{value} is above the maximum {max}",
    ),
    "import.below_min": (
        "{value|은} 최솟값 {min}보다 작습니다",
        "{value} is below the minimum {min}",
    ),
    "import.not_grade": (
        "{value|은} {criterion}의 등급이 아닙니다 (등급: {grades})",
        "{value} is not a grade of {criterion} (grades: {grades})",
    ),
    "import.unknown_application": (
        "과제 {id|은} 이 평가 회차에 없습니다",
        "application {id} is not in the round",
    ),
    "import.unknown_reviewer": (
        "심사위원 {id|은} 이 평가 회차에 없습니다",
        "reviewer {id} is not in the round",
    ),
    "import.not_assigned": (
        "심사위원 {reviewer|은} 과제 {application}에 배정되지 않았습니다",
        "reviewer {reviewer} is not assigned to application {application}",
    ),
    "import.missing_score": (
        "{criterion} 점수가 비어 있습니다",
        "the score for {criterion} is missing",
    ),
    "import.missing_criterion_column": (
        "트랙 {track}의 평가항목 {criterion} 열이 파일에 없습니다",
        "track {track} is scored on {criterion}, but the file has no column for it",
    ),
    "import.ambiguous_criterion_column": (
        "이 열과 {other} 열이 모두 평가항목 {criterion}입니다. 하나만 남기세요",
        "this column and column {other} both hold criterion {criterion}; keep one",
    ),
    "import.conflict_with_scores": (
        "이해충돌(회피)로 표시되었는데 점수가 입력되어 있습니다 ({columns}). "
        "점수를 비우거나 이해충돌 표시를 지우세요",
        "a conflict of interest is declared, but scores are filled in ({columns}); "
        "leave them blank or clear the conflict",
    ),
    "import.no_scores": (
        "점수, 의견, 이해충돌이 입력된 행이 하나도 없습니다. 평가를 입력한 파일인지 확인하세요",
        "no row has a score, a comment or a conflict filled in; check that this is the "
        "filled-in file",
    ),
    "import.no_criterion_columns": (
        "평가항목 열이 없습니다. 열 제목을 평가항목의 이름이나 ID로 적으세요 (평가항목: {criteria})",
        "the table has no criterion column; head each score column with a criterion's name "
        "or id (criteria: {criteria})",
    ),
    "import.unknown_criterion": (
        "{value|은} 트랙 {track}의 평가항목이 아닙니다 (평가항목: {criteria})",
        "{value} is not a criterion of track {track} (criteria: {criteria})",
    ),
    "import.duplicate_criterion": (
        "{criterion} 점수가 두 번 있습니다 ({row_first}행에도 있음)",
        "the score for {criterion} is given twice (also row {row_first})",
    ),
    # -- summaries: what an import changed ----------------------------------------------
    "import.field_count": ("{field} {count}건", "{field} {count}"),
    "field.application.track": ("트랙", "track"),
    "field.application.title": ("과제명", "title"),
    "field.application.company": ("기업명", "company"),
    "field.application.business_no": ("사업자등록번호", "business registration number"),
    "field.application.ai_category": ("AI구분", "AI category"),
    "field.application.field": ("기술분야", "field"),
    "field.application.amount": ("신청금액", "requested amount"),
    "field.application.region": ("소재지", "region"),
    "field.application.bonus": ("가점", "bonus"),
    "field.application.penalty": ("감점", "penalty"),
    "field.application.investment_commitment": ("투자확약", "investment commitment"),
    "field.application.guarantee": ("기보보증", "guarantee"),
    "field.reviewer.name": ("성명", "name"),
    "field.reviewer.affiliation": ("소속", "affiliation"),
    "field.reviewer.email": ("이메일", "e-mail"),
    "field.reviewer.tracks": ("담당트랙", "tracks"),
    "field.application.id": ("과제번호", "application id"),
    "field.reviewer.id": ("심사위원ID", "reviewer id"),
    "field.score.application_id": ("과제번호", "application id"),
    "field.score.reviewer_id": ("심사위원ID", "reviewer id"),
    "field.score.criterion": ("평가항목", "criterion"),
    "field.score.score": ("점수", "score"),
    "field.score.comment": ("의견", "comment"),
    "field.score.conflict": ("이해충돌", "conflict of interest"),
    "field.score.conflict_reason": ("회피 사유", "reason for recusal"),
    "field.score.criterion_column": ("{criterion} 점수", "score: {criterion}"),
    "field.attribute": ("추가 항목 '{header}'", "extra attribute '{header}'"),
    # -- previews: checking files before they are imported ------------------------------
    "import.files_changed": (
        "미리 보기 이후 파일이 바뀌었습니다 ({files}). 새 미리 보기를 확인한 뒤 다시 가져오세요",
        "the files changed after the preview ({files}); check the new preview, then import again",
    ),
    "import.preview_has_errors": (
        "미리 보기에서 문제가 발견되어 가져올 수 없습니다. 파일을 고친 뒤 다시 확인하세요",
        "the preview found problems, so nothing can be imported; correct the files and check again",
    ),
}
