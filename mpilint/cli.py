"""Command line: parse arguments, build the inputs, run the engine, hand the report to a reporter.

argparse rather than click: the pre-commit case lints one small file, and click's import alone
costs about as much as that whole lint. ``check`` is the default command, so
``mpilint mpijob.yaml Dockerfile`` works as users expect.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn, TextIO

from mpilint import __version__

COMMANDS = ("check", "rules", "explain")
FAIL_ON = ("error", "warning", "info", "never")
RULES_FORMATS = ("text", "json", "markdown")
REPORT_FORMATS = ("text", "json", "sarif", "github")  # = mpilint.outputs.FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """Usage errors are one line naming the problem (and exit 2), as for every other error;
    ``--help`` still shows the full usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"mpilint: error: {message} (see `mpilint --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="mpilint",
        usage="mpilint [check] [options] PATH...  |  mpilint rules  |  mpilint explain ID",
        description="Lint Kubeflow MPIJob manifests and the Dockerfiles of the images they run.",
        epilog="Run `mpilint check --help` for the options of the default command.",
    )
    parser.add_argument("--version", action="version", version=f"mpilint {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="{check,rules,explain}", parser_class=_Parser
    )

    check = commands.add_parser(
        "check",
        help="check manifests and Dockerfiles (the default command)",
        description="Check MPIJob manifests, Dockerfiles and directories of them.",
        epilog="Settings come from the command line, then the closest configuration file"
        " above each checked file (.mpilint.yaml, or [tool.mpilint] in pyproject.toml), then"
        " the defaults. A --select starts over: the configuration's select, extend-select and"
        " ignore are then not used; otherwise --ignore and --extend-select add to the"
        " configuration's. --image entries come before the configuration's images.",
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="manifest, Dockerfile or directory; '-' reads a manifest from standard input",
    )
    check.add_argument(
        "--format",
        action="append",
        metavar="FORMAT[:PATH]",
        help=f"report format: {', '.join(REPORT_FORMATS)} (default: text); repeatable."
        " FORMAT:PATH writes that format to a file (--format sarif:mpilint.sarif); at most one"
        " format goes to standard output or --output",
    )
    check.add_argument(
        "--output",
        metavar="FILE",
        help="write the report (the one format given without a path) to FILE instead of"
        " standard output; files are replaced whole, never left half-written",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print the number of findings per rule: after the report when --format is given,"
        " instead of the default text report otherwise",
    )
    check.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="also list, in the text report, the findings that suppression comments and"
        " annotations silenced, with the reasons written there",
    )
    check.add_argument(
        "--quiet",
        "-q",
        action="store_true",
        help="shorten the text report to its summary line, and print nothing when the run"
        " passes (errors still go to standard error; other formats are unchanged)",
    )
    check.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        default=None,
        help="exit 1 when a finding reaches this severity (default: the configuration's"
        " fail-on, else warning)",
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
        "--extend-select",
        action="append",
        metavar="RULES",
        help="add these rules to the selection (same forms as --select)",
    )
    check.add_argument(
        "--image",
        action="append",
        metavar="REF=PATH",
        help="the Dockerfile PATH builds the images matching REF (a glob, e.g."
        " 'registry.example.com/team/train:*'); repeatable, before the configuration's images",
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="use this configuration file (.mpilint.yaml or pyproject.toml) for every file",
    )
    check.add_argument(
        "--isolated",
        action="store_true",
        help="ignore every configuration file",
    )
    check.add_argument(
        "--jobs",
        "-j",
        type=_processes,
        default=None,
        metavar="N",
        help="lint in N processes (default: the number of cores); the report is the same for"
        " any N. Small runs (under 40 files) stay in one process",
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text report (auto: only on a terminal without NO_COLOR)",
    )

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=RULES_FORMATS, default="text")

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
    from mpilint.config import ConfigError, prepare
    from mpilint.engine import run
    from mpilint.inputs import UsageError
    from mpilint.selection import SelectorError

    try:
        project, files = prepare(options)
    except (UsageError, SelectorError, ConfigError) as error:
        print(f"mpilint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    from mpilint import outputs

    try:
        plan = outputs.plan(
            options.format, options.output, options.statistics, options.quiet, options.verbose
        )
    except outputs.OutputError as error:
        print(f"mpilint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    from mpilint.parallel import default_processes

    report = run(files, project=project, processes=options.jobs or default_processes())
    code = EXIT_FINDINGS if any(project.fails(f) for f in report.findings) else EXIT_OK
    try:
        outputs.emit(plan, report, out, _use_color(options.color, out), passed=code == EXIT_OK)
    except BrokenPipeError:
        raise  # a closed pager is not a failed write: main() exits 0
    except OSError as error:
        print(f"mpilint: error: cannot write the report: {error}", file=sys.stderr)
        return EXIT_ERROR
    return code


def _processes(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more): {value!r}")
    return number


def _use_color(choice: str, out: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return out.isatty() and "NO_COLOR" not in os.environ


def _rules(options: argparse.Namespace, out: TextIO) -> int:
    from mpilint import catalog

    rules = catalog.all_meta()
    if options.format == "markdown":
        from mpilint.ruledocs import render

        out.write(render(rules))
        return EXIT_OK
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
