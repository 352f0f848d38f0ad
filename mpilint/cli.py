"""Command line: parse arguments, build the inputs, run the engine, hand the report to a reporter.

argparse rather than click: the pre-commit case lints one small file, and click's import alone
costs about as much as that whole lint. ``check`` is the default command, so
``mpilint mpijob.yaml Dockerfile`` works as users expect.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from mpilint import __version__

COMMANDS = ("check", "rules", "explain")
FAIL_ON = ("error", "warning", "info", "never")
FORMATS = ("text", "json")

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mpilint",
        usage="mpilint [check] [options] PATH...  |  mpilint rules  |  mpilint explain ID",
        description="Lint Kubeflow MPIJob manifests and the Dockerfiles of the images they run.",
        epilog="Run `mpilint check --help` for the options of the default command.",
    )
    parser.add_argument("--version", action="version", version=f"mpilint {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="{check,rules,explain}")

    check = commands.add_parser(
        "check",
        help="check manifests and Dockerfiles (the default command)",
        description="Check MPIJob manifests, Dockerfiles and directories of them.",
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="manifest, Dockerfile or directory; '-' reads a manifest from standard input",
    )
    check.add_argument("--format", choices=FORMATS, default="text", help="report format")
    check.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default="warning",
        help="exit 1 when a finding reaches this severity (default: warning)",
    )
    check.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="report only these rules: ids, id prefixes (MPL1), names or ALL; comma-separated,"
        " repeatable",
    )
    check.add_argument(
        "--ignore",
        action="append",
        metavar="RULES",
        help="do not report these rules (same forms as --select)",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (auto: only on a terminal without NO_COLOR)",
    )

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=FORMATS, default="text")

    explain = commands.add_parser("explain", help="show a rule's rationale and examples")
    explain.add_argument("rule", metavar="ID|NAME")
    return parser


def main(argv: list[str] | None = None, stdout: TextIO | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = stdout or sys.stdout
    if args and args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version"):
        args.insert(0, "check")
    try:
        options = build_parser().parse_args(args)
    except SystemExit as exit_:  # argparse already printed the usage error
        return EXIT_OK if exit_.code == 0 else EXIT_ERROR
    if options.command is None:
        build_parser().print_help(sys.stderr)
        return EXIT_ERROR
    try:
        if options.command == "rules":
            return _rules(options, out)
        if options.command == "explain":
            return _explain(options, out)
        return _check(options, out)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the last net: never a traceback, always exit 2
        print(f"mpilint: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR


def _check(options: argparse.Namespace, out: TextIO) -> int:
    from mpilint.engine import run
    from mpilint.findings import Severity
    from mpilint.inputs import UsageError, expand
    from mpilint.selection import Selection, SelectorError

    try:
        files = expand(options.paths)
        selection = Selection.of(options.select, options.ignore)
    except (UsageError, SelectorError) as error:
        print(f"mpilint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    report = run(files, selection)
    if options.format == "json":
        from mpilint.reporters import json as reporter
    else:
        from mpilint.reporters import text as reporter  # type: ignore[no-redef]
    reporter.render(report, out, color=_use_color(options.color, out))
    if options.fail_on == "never":
        return EXIT_OK
    threshold = Severity.parse(options.fail_on)
    failing = any(f.severity >= threshold for f in report.findings)
    return EXIT_FINDINGS if failing else EXIT_OK


def _use_color(choice: str, out: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return out.isatty() and "NO_COLOR" not in os.environ


def _rules(options: argparse.Namespace, out: TextIO) -> int:
    from mpilint import catalog

    rules = catalog.all_meta()
    if options.format == "json":
        import json

        data = [
            {"id": m.id, "name": m.name, "severity": m.severity.label, "summary": m.summary}
            for m in rules
        ]
        out.write(json.dumps(data, indent=2) + "\n")
        return EXIT_OK
    width = max(len(m.name) for m in rules)
    for m in rules:
        out.write(f"{m.id}  {m.name:<{width}}  {m.severity.label:<7}  {m.summary}\n")
    return EXIT_OK


def _explain(options: argparse.Namespace, out: TextIO) -> int:
    from mpilint import catalog
    from mpilint.explain import render

    meta = catalog.resolve(options.rule)
    if meta is None:
        print(
            f"mpilint: error: unknown rule {options.rule!r}; `mpilint rules` lists them",
            file=sys.stderr,
        )
        return EXIT_ERROR
    out.write(render(meta))
    return EXIT_OK
