"""The peer: the pandas script a data-literate secretariat would write for a round.

It reads the applications workbook and the wide scores workbook, drops recused rows
(이해충돌 = Y) and incomplete reviews, sums the criterion columns of each review row
(a graded criterion's label counted as its share of 10 points), averages the sums per
application and ranks the applications of each track. It writes nothing: it prints how
many applications it ranked. ``benchmarks/run.py`` times it as a process.

    python benchmarks/peer_pandas.py APPLICATIONS.xlsx SCORES.xlsx [--engine openpyxl|calamine]

Needs pandas: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse

import pandas as pd

# the graded criterion (정책부합성) of the 8-criterion rubric: its labels as points of 10
GRADE_POINTS = {"탁월": 10.0, "우수": 8.0, "보통": 6.0, "미흡": 4.0}


def rank(applications: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """Every scored application with its mean total and its rank in its track."""
    columns = list(scores.columns)
    criteria = columns[columns.index("심사위원명") + 1 : columns.index("합계")]
    scores = scores[scores["이해충돌"].ne("Y")]
    points = scores[criteria].apply(
        lambda column: pd.to_numeric(column.replace(GRADE_POINTS), errors="coerce")
    )
    points = points.dropna()  # an incomplete review counts for nothing
    totals = points.sum(axis=1)
    means = totals.groupby(scores.loc[points.index, "과제번호"]).mean().rename("점수")
    ranked = applications.set_index("과제번호").join(means, how="inner")
    ranked["순위"] = ranked.groupby("사업유형")["점수"].rank(ascending=False, method="min")
    return ranked.sort_values(["사업유형", "순위"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("applications")
    parser.add_argument("scores")
    parser.add_argument("--engine", choices=["openpyxl", "calamine"], default="openpyxl")
    args = parser.parse_args(argv)
    # the applications sheet has a title row and a blank row above its header
    applications = pd.read_excel(args.applications, header=2, engine=args.engine)
    scores = pd.read_excel(args.scores, engine=args.engine)
    ranked = rank(applications, scores)
    tracks = ranked["사업유형"].nunique()
    print(f"{len(ranked)} applications ranked in {tracks} tracks")


if __name__ == "__main__":
    main()
