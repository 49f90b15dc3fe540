"""The command line: a thin argparse front end of the services (DESIGN §6).

Exit codes: 0 success; 2 usage; 3 invalid input, or a file or database the computer
cannot read or write (nothing written); 4 refused by the round's state (locked, database
newer than the program, another program writing the round, an existing file kept); 5 the
selection was not finished (stopped at its time limit, or the solver failed; nothing
recorded).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from reviewer import __version__
from reviewer.errors import ReviewerError
from reviewer.i18n import Lang, normalise_lang, render

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_CODES = (
    "exit codes: 0 success; 2 usage; 3 invalid input (nothing written); 4 refused by the "
    "round's state (locked, newer database, another program writing); 5 the selection was "
    "not finished (stopped at its time limit, or the solver failed; nothing recorded)"
)


def _seconds(text: str) -> float:
    """A positive number of seconds (argparse type)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not value > 0 or math.isinf(value):
        raise argparse.ArgumentTypeError(f"not a positive number of seconds: {text}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Evaluation rounds of the Seoul R&D grant program: import, score, "
        "select, report.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    parser.add_argument(
        "--lang",
        choices=["ko", "en"],
        default=None,
        help="language of messages and reports (default: from the locale)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    init = commands.add_parser("init", help="create a round database from round.toml")
    init.add_argument("database", help="round database file (or database URL)")
    init.add_argument(
        "--config",
        type=Path,
        default=None,
        help="round.toml (default: the shipped Seoul 2025 template)",
    )

    imp = commands.add_parser("import", help="import applications, reviewers or scores")
    kinds = imp.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind, many in (("applications", True), ("reviewers", True), ("scores", True)):
        sub = kinds.add_parser(kind, help=f"import {kind} from .xlsx or .csv files")
        if kind == "applications":
            sub.add_argument(
                "--update",
                action="store_true",
                help="correct applications already in the round (every change is audited)",
            )
        sub.add_argument("database")
        sub.add_argument("files", nargs="+" if many else 1, type=Path)

    sel = commands.add_parser(
        "select",
        help="compute scores and the selection; record the run",
        epilog=EXIT_CODES,
    )
    sel.add_argument("database")
    sel.add_argument("--json", action="store_true", help="print the result as JSON")
    sel.add_argument(
        "--time-limit",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="stop the selection after this many seconds (exit code 5, nothing recorded); "
        "default: no limit",
    )

    exp = commands.add_parser("export", help="write the newest selection run's reports")
    exp.add_argument("database")
    exp.add_argument("--pdf", type=Path, help="ranked PDF report")
    exp.add_argument("--xlsx", type=Path, help="Excel workbook")
    exp.add_argument("--sheets", type=Path, help="folder for individual score sheets")

    demo = commands.add_parser("demo", help="build and run a complete sample round")
    demo.add_argument("directory", nargs="?", type=Path, default=Path("demo"))
    demo.add_argument("--applications", type=int, default=1200)
    demo.add_argument("--seed", type=int, default=2025)

    lock = commands.add_parser("lock", help="lock the round")
    lock.add_argument("database")
    unlock = commands.add_parser("unlock", help="unlock the round (audited with the reason)")
    unlock.add_argument("database")
    unlock.add_argument("--reason", required=True, help="why the round is unlocked")

    gui = commands.add_parser("gui", help="open the window")
    gui.add_argument("database", nargs="?", help="round database to open")
    _screenshot_arguments(gui)

    template = commands.add_parser("template", help="write the Seoul 2025 round.toml template")
    template.add_argument("output", type=Path)
    template.add_argument("--force", action="store_true", help="overwrite the file when it exists")
    return parser


def _progress(stream: TextIO) -> Callable[[str, int, int], None]:
    def report(label: str, done: int, total: int) -> None:
        if stream.isatty():
            stream.write(f"\r{label} {done}/{total}")
            if done >= total:
                stream.write("\n")
            stream.flush()

    return report


def _print_summary(document: dict[str, Any], lang: Lang, out: TextIO) -> None:
    from reviewer.services.summary import summary_lines

    for line in summary_lines(document, lang):
        print(line, file=out)


def _run(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    from reviewer.services import importing, locking, rounds, selecting

    if args.command == "init":
        from reviewer.resources import template_path

        config_path = args.config or template_path()
        config = rounds.init_round(args.database, config_path)
        print(
            render(
                "cli.initialised",
                lang,
                database=args.database,
                name=config.name,
                tracks=len(config.tracks),
            ),
            file=out,
        )
        return EXIT_OK
    if args.command == "template":
        from reviewer.services.templates import write_template

        print(write_template(args.output, force=args.force), file=out)
        return EXIT_OK
    if args.command == "gui":
        return _run_gui(args, args.lang)
    if args.command == "demo":
        from reviewer.services.demo import run_demo

        outcome = run_demo(
            args.directory,
            applications=args.applications,
            seed=args.seed,
            lang=lang,
            progress=_progress(err),
        )
        for line in outcome.lines(lang):
            print(line, file=out)
        return EXIT_OK

    with rounds.open_round(args.database) as database:
        if args.command == "import":
            importer = {
                "applications": importing.import_applications,
                "reviewers": importing.import_reviewers,
                "scores": importing.import_scores,
            }[args.kind]
            if getattr(args, "update", False):
                importer = importing.correct_applications
            summary = importer(database, list(args.files))
            print(summary.message(lang), file=out)
        elif args.command == "select":
            run = selecting.run_selection(database, lang, time_limit=args.time_limit)
            if args.json:
                json.dump(run.document, out, ensure_ascii=False, indent=2)
                out.write("\n")
            else:
                _print_summary(run.document, lang, out)
                key = "cli.run" if run.recorded else "cli.run_locked"
                print(render(key, lang, run=run.run_id, digest=run.digest), file=out)
        elif args.command == "export":
            from reviewer.services.exporting import export_reports

            written = export_reports(
                database,
                pdf=args.pdf,
                xlsx=args.xlsx,
                sheets=args.sheets,
                lang=lang,
                progress=_progress(err),
            )
            for path in written:
                print(path, file=out)
        elif args.command == "lock":
            locking.lock_round(database)
            print(render("cli.locked", lang), file=out)
        elif args.command == "unlock":
            locking.unlock_round(database, args.reason)
            print(render("cli.unlocked", lang), file=out)
    return EXIT_OK


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; returns the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    lang = normalise_lang(args.lang)
    try:
        return _run(args, lang, out, err)
    except ReviewerError as exc:
        print(render("cli.error", lang, message=exc.message(lang)), file=err)
        return exc.exit_code
    except OSError as exc:
        print(
            render(
                "cli.error",
                lang,
                message=render(
                    "cli.os_error", lang, path=exc.filename or "", error=exc.strerror or str(exc)
                ),
            ),
            file=err,
        )
        return 3
    except KeyboardInterrupt:
        print(render("cli.interrupted", lang), file=err)
        return 130


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer-gui", description="The window of reviewer, optionally opening a round."
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    parser.add_argument(
        "--lang",
        choices=["ko", "en"],
        default=None,
        help="language of the window (default: from the locale)",
    )
    parser.add_argument("database", nargs="?", help="round database to open")
    _screenshot_arguments(parser)
    return parser


def _screenshot_arguments(parser: argparse.ArgumentParser) -> None:
    from reviewer.ui.screenshot import VIEWS

    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE.png", help="render a view to a PNG and exit"
    )
    parser.add_argument(
        "--view", choices=VIEWS, default="dashboard", help="the view to render (--screenshot)"
    )
    # for measuring the start-up time (benchmarks/bench_bundle.py); not for users
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)


def _run_gui(args: argparse.Namespace, lang: str | None) -> int:
    if args.screenshot is not None:
        from reviewer.ui.screenshot import render_view

        return render_view(args.database, args.screenshot, args.view, lang)
    from reviewer.ui.app import run as run_gui

    if args.exit_after_first_paint:
        return run_gui(args.database, lang, exit_after_first_paint=True)
    return run_gui(args.database, lang)


def gui_main(argv: Sequence[str] | None = None) -> int:
    """The ``reviewer-gui`` entry point: ``reviewer-gui [--lang ko|en] [ROUND.db]``."""
    try:
        args = _gui_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return _run_gui(args, args.lang)
