<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="32" />
        <source>Reviewer</source>
        <translation>평가 도구</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="35" />
        <source>Open a round database to begin.</source>
        <translation>평가 회차 데이터베이스를 여세요.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="39" />
        <source>Search id, company or title</source>
        <translation>과제번호, 기업명, 과제명 검색</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="59" />
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <source>&amp;Open round…</source>
        <translation>평가 회차 열기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86" />
        <source>Open round</source>
        <translation>평가 회차 열기</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86" />
        <source>Round databases (*.db);;All files (*)</source>
        <translation>평가 회차 데이터베이스 (*.db);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96" />
        <source>Cannot open the round</source>
        <translation>평가 회차를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105" />
        <source>{name} — Reviewer</source>
        <translation>{name} — 평가 도구</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>locked</source>
        <translation>잠김</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="106" />
        <source>open</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107" />
        <source>{name} ({state}) · {applications} applications · {reviewers} reviewers · {reviews} reviews</source>
        <translation>{name} ({state}) · 신청 과제 {applications}건 · 심사위원 {reviewers}명 · 평가 {reviews}건</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>No selection has run yet.</source>
        <translation>아직 선정을 실행하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>Selection run #{run} · {at} · SHA-256 {digest}</source>
        <translation>선정 실행 #{run} · {at} · SHA-256 {digest}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>All tracks</source>
        <translation>전체 트랙</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <source>{shown} shown · {selected} selected</source>
        <translation>{shown}건 표시 · {selected}건 선정</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../ui/ranking_model.py" line="52" />
        <source>Track</source>
        <translation>트랙</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="52" />
        <source>Rank</source>
        <translation>순위</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="52" />
        <source>Application</source>
        <translation>과제번호</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="52" />
        <source>Company</source>
        <translation>기업명</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="53" />
        <source>Title</source>
        <translation>과제명</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="53" />
        <source>AI</source>
        <translation>AI 구분</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="53" />
        <source>Reviews</source>
        <translation>평가 수</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="53" />
        <source>Final score</source>
        <translation>최종 점수</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="54" />
        <source>Status</source>
        <translation>상태</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/ranking_model.py" line="30" />
        <source>Selected</source>
        <translation>선정</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="31" />
        <source>Selected by quota</source>
        <translation>쿼터 선정</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="32" />
        <source>Displaced by quota</source>
        <translation>쿼터 미선정</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="33" />
        <source>Not selected</source>
        <translation>미선정</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="34" />
        <source>Below cutoff</source>
        <translation>과락</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="35" />
        <source>Ineligible</source>
        <translation>부적격</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="36" />
        <source>Incomplete</source>
        <translation>평가 미완료</translation>
    </message>
    <message>
        <location filename="../../ui/ranking_model.py" line="86" />
        <source>None</source>
        <translation>일반</translation>
    </message>
</context>
</TS>