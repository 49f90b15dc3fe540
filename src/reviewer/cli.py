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
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

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


def _count(text: str) -> int:
    """A whole number of at least 1 (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text}")
    return value


def _add_version(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        action=_Version,
        nargs=0,
        dest=argparse.SUPPRESS,
        default=argparse.SUPPRESS,
        help="show program's version number and exit",
    )


class _Version(argparse.Action):
    """``--version``: the version is looked up only when it is asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        import reviewer

        print(f"reviewer {reviewer.__version__}")  # to standard output, as argparse's own
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Evaluation rounds of the Seoul R&D grant program: import, score, "
        "select, report.",
        epilog=EXIT_CODES,
    )
    _add_version(parser)
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

    imp = commands.add_parser(
        "import", help="import applications, reviewers, scores, assignments or attachments"
    )
    kinds = imp.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind, many in (("applications", True), ("reviewers", True), ("scores", True)):
        files = ".xlsx, .csv or reviewers' .rvscore" if kind == "scores" else ".xlsx or .csv"
        sub = kinds.add_parser(kind, help=f"import {kind} from {files} files")
        if kind == "applications":
            sub.add_argument(
                "--update",
                action="store_true",
                help="correct applications already in the round (every change is audited)",
            )
        sub.add_argument("database")
        sub.add_argument("files", nargs="+" if many else 1, type=Path)
    assignments = kinds.add_parser(
        "assignments",
        help="import assignments (과제번호, 심사위원ID [, 이해충돌, 사유]) from .xlsx or .csv",
    )
    assignments.add_argument("database")
    assignments.add_argument("files", nargs="+", type=Path)

    assign = commands.add_parser(
        "assign",
        help="assign reviewers to applications optimally (each from its track's panel, "
        "never a conflicted pair, balanced load)",
        epilog=EXIT_CODES,
    )
    assign.add_argument("database")
    assign.add_argument(
        "--per-application",
        type=_count,
        required=True,
        metavar="N",
        help="reviewers per application",
    )
    assign.add_argument(
        "--max-load",
        type=_count,
        default=None,
        metavar="M",
        help="at most M applications per reviewer",
    )
    assign.add_argument(
        "--track", default=None, metavar="T", help="assign this track's applications only"
    )
    assign.add_argument("--json", action="store_true", help="print the result as JSON")

    att = kinds.add_parser(
        "attachments",
        help="import the files below a folder (proposal PDFs and others), matched to "
        "applications by the application id in their names",
        description="Every file below DIR (hidden files skipped) belongs to the longest "
        "application id in its name (or, failing that, in its folders' names), delimited "
        "by anything but ASCII letters and digits; a name with two applications' ids is "
        "refused. A PDF whose name holds only the id and "
        "words like 사업계획서 / proposal is the proposal; every other file is 'other'. "
        "Taken: PDF, HWP, HWPX, DOCX, XLSX, PPTX, ZIP, PNG, JPEG, GIF, BMP, TIFF, WEBP, "
        "at most 200 MB each. Files of other types are listed as skipped, files matching "
        "no application as unmatched (exit 0; with --strict, exit 3 and nothing written).",
        epilog=EXIT_CODES,
    )
    att.add_argument("database")
    att.add_argument("folder", type=Path, metavar="DIR")
    att.add_argument(
        "--replace",
        action="store_true",
        help="make DIR the whole set of attachments of every application it has files of "
        "(their other attachments are removed; a new proposal replaces the old one)",
    )
    att.add_argument(
        "--strict",
        action="store_true",
        help="refuse the import (exit 3) when a file matches no application or is skipped",
    )

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

    _package_parser(commands)

    template = commands.add_parser("template", help="write the Seoul 2025 round.toml template")
    template.add_argument("output", type=Path)
    template.add_argument("--force", action="store_true", help="overwrite the file when it exists")
    return parser


def _package_parser(commands: Any) -> None:
    package = commands.add_parser(
        "package", help="reviewer packages: make them, verify them and returned score files"
    )
    actions = package.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="write one reviewer's package", epilog=EXIT_CODES)
    create.add_argument("database")
    create.add_argument("--reviewer", required=True, help="the reviewer's id")
    create.add_argument("--out", required=True, type=Path, metavar="R.rvpkg")
    secret = create.add_mutually_exclusive_group()
    secret.add_argument(
        "--no-password",
        action="store_true",
        help="no password: anyone with the file can read it (a warning is printed)",
    )
    secret.add_argument(
        "--password-env",
        metavar="VAR",
        help="take the password from this environment variable (default: asked twice)",
    )
    create.add_argument("--force", action="store_true", help="replace an existing file")
    create.add_argument("--json", action="store_true", help="print the result as JSON")

    every = actions.add_parser(
        "create-all",
        help="one package per assigned reviewer, each under a generated password, and "
        "passwords.csv",
        epilog=EXIT_CODES,
    )
    every.add_argument("database")
    every.add_argument("--out", required=True, type=Path, metavar="DIR")
    every.add_argument("--force", action="store_true", help="replace existing files")
    every.add_argument("--json", action="store_true", help="print the result as JSON")

    verify = actions.add_parser(
        "verify",
        help="check a .rvpkg or a .rvscore and show what it holds; writes nothing",
        epilog=EXIT_CODES,
    )
    verify.add_argument("file", type=Path)
    verify.add_argument(
        "--password-env", metavar="VAR", help="the package's password from this variable"
    )
    verify.add_argument(
        "--round",
        metavar="ROUND.db",
        help="check that the file is of this round, and a score file's signature with the "
        "secret the round keeps for its package",
    )
    verify.add_argument(
        "--package",
        type=Path,
        metavar="R.rvpkg",
        help="a score file: check its signature with the package it came from",
    )
    verify.add_argument("--json", action="store_true", help="print the result as JSON")


class UsageError(ReviewerError):
    """A command given without what it needs. Exit code 2."""

    exit_code = EXIT_USAGE


def _ask_password(prompt: str) -> str:
    import getpass

    return getpass.getpass(prompt)


def _password(
    args: argparse.Namespace,
    lang: Lang,
    *,
    confirm: bool,
    needed: bool,
    missing: str = "package.password_source",
) -> str | None:
    """The password of ``--password-env``, or typed on a terminal (twice with
    ``confirm``); None when ``needed`` is false and none was given."""
    import os

    from reviewer.errors import InvalidInput

    if args.password_env:
        value = os.environ.get(args.password_env, "")
        if not value:
            raise InvalidInput("package.password_env_missing", name=args.password_env)
        return value
    if not needed:
        return None
    if not sys.stdin.isatty():
        raise UsageError(missing)
    value = _ask_password(render("package.password_prompt", lang))
    if confirm and _ask_password(render("package.password_again", lang)) != value:
        raise InvalidInput("package.password_mismatch")
    return value


def _run_package(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    from reviewer.services import package_verify, packages, rounds

    if args.action == "verify":
        password = _password(
            args,
            lang,
            confirm=False,
            needed=package_verify.needs_password(args.package or args.file),
            missing="package.verify.password_source",
        )
        if args.round is not None:
            with rounds.open_round(args.round) as database:
                report = package_verify.verify_file(args.file, password, database, args.package)
        else:
            report = package_verify.verify_file(args.file, password, None, args.package)
        if args.json:
            json.dump(report.document(), out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            for line in report.lines(lang):
                print(line, file=out)
        return EXIT_OK
    with rounds.open_round(args.database) as database:
        if args.action == "create":
            password = (
                None if args.no_password else _password(args, lang, confirm=True, needed=True)
            )
            summary = packages.create_package(
                database, args.reviewer, args.out, password, force=args.force
            )
            if password is None:
                print(render("package.no_password_warning", lang), file=err)
            if args.json:
                json.dump(summary.document(), out, ensure_ascii=False, indent=2)
                out.write("\n")
            else:
                print(summary.message(lang), file=out)
        else:
            made = packages.create_all(database, args.out, force=args.force, lang=lang)
            if args.json:
                document = {
                    "packages": [s.document() for s in made.packages],
                    "passwords": str(made.passwords),
                    "skipped": list(made.skipped),
                }
                json.dump(document, out, ensure_ascii=False, indent=2)
                out.write("\n")
            else:
                for summary in made.packages:
                    print(summary.message(lang), file=out)
                for reviewer in made.skipped:
                    print(render("package.skipped", lang, reviewer=reviewer), file=out)
                print(
                    render(
                        "package.created_all",
                        lang,
                        count=len(made.packages),
                        passwords=made.passwords,
                    ),
                    file=out,
                )
    return EXIT_OK


def _progress(stream: TextIO) -> Callable[[str, int, int], None]:
    def report(label: str, done: int, total: int) -> None:
        if stream.isatty():
            stream.write(f"\r{label} {done}/{total}")
            if done >= total:
                stream.write("\n")
            stream.flush()

    return report


def _file_progress(stream: TextIO) -> Callable[[int, int, str], None]:
    report = _progress(stream)

    def files(done: int, total: int, label: str) -> None:
        report("…", done, total)

    return files


def _print_summary(document: dict[str, Any], lang: Lang, out: TextIO) -> None:
    from reviewer.services.summary import summary_lines

    for line in summary_lines(document, lang):
        print(line, file=out)


def _run(args: argparse.Namespace, lang: Lang, out: TextIO, err: TextIO) -> int:
    # each command imports what it uses: a command starts in the time its own modules take
    from reviewer.services import rounds

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
    if args.command == "package":
        return _run_package(args, lang, out, err)
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
        if args.command == "import" and args.kind == "attachments":
            from reviewer.services.attachments import import_attachments

            result = import_attachments(
                database,
                args.folder,
                replace=args.replace,
                strict=args.strict,
                progress=_file_progress(err),
            )
            for line in result.lines(lang):
                print(line, file=out)
        elif args.command == "import" and args.kind == "assignments":
            from reviewer.services.assignments import import_assignments

            print(import_assignments(database, list(args.files)).message(lang), file=out)
        elif args.command == "assign":
            from reviewer.services.assignments import assign

            assigned = assign(database, args.per_application, args.max_load, args.track, lang=lang)
            if args.json:
                json.dump(assigned.document(), out, ensure_ascii=False, indent=2)
                out.write("\n")
            else:
                for line in assigned.lines(lang):
                    print(line, file=out)
        elif args.command == "import":
            from reviewer.services import importing

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
            from reviewer.services import selecting

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
            from reviewer.services import locking

            locking.lock_round(database)
            print(render("cli.locked", lang), file=out)
        elif args.command == "unlock":
            from reviewer.services import locking

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
    _add_version(parser)
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
    from reviewer.ui.screenshot import REVIEWER_VIEWS, VIEWS

    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE.png", help="render a view to a PNG and exit"
    )
    parser.add_argument(
        "--view",
        choices=VIEWS + REVIEWER_VIEWS,
        default=None,
        help="the view to render (--screenshot; default: dashboard, or reviewer-list for a "
        "reviewer package)",
    )
    parser.add_argument(
        "--password-env",
        metavar="VAR",
        default=None,
        help="a reviewer package's password from this environment variable",
    )
    # for measuring the start-up time (benchmarks/bench_bundle.py); not for users
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)


def _run_gui(args: argparse.Namespace, lang: str | None) -> int:
    password = None
    if args.password_env:
        password = os.environ.get(args.password_env)
        if password is None:
            message = render("work.no_password_variable", lang, variable=args.password_env)
            print(render("cli.error", lang, message=message), file=sys.stderr)
            return EXIT_USAGE
    if args.screenshot is not None:
        from reviewer.ui.screenshot import render_view

        return render_view(args.database, args.screenshot, args.view, lang, password=password)
    from reviewer.ui.app import run as run_gui

    return run_gui(
        args.database,
        lang,
        password=password,
        exit_after_first_paint=bool(args.exit_after_first_paint),
    )


def gui_main(argv: Sequence[str] | None = None) -> int:
    """The ``reviewer-gui`` entry point: ``reviewer-gui [--lang ko|en] [ROUND.db]``."""
    try:
        args = _gui_parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    return _run_gui(args, args.lang)
