"""Command line: parse arguments, build the inputs, run the engine, hand the report to a reporter.

argparse rather than click: the pre-commit case lints one small file, and click's import alone
costs about as much as that whole lint. Even argparse costs about 8 ms of a 60 ms pre-commit run
(its import, gettext looking up a translation for every message, shutil for the terminal's width),
so the common command lines of `check` (exact option names, values that do not start with a dash,
the paths in one block) are read by ``quick_check_options`` from the same table of options, and
argparse is built only for help, for usage errors and for everything else; a property test holds
the two to the same result. ``check`` is the default command, so ``mpilint mpijob.yaml
Dockerfile`` works as users expect.
"""

from __future__ import annotations

import contextlib
import os
import sys
from types import SimpleNamespace

from mpilint import __version__

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    import argparse
    from typing import Any, NoReturn, TextIO

    # What either parser gives: attributes named after the options (argparse.Namespace or the
    # SimpleNamespace of quick_check_options).
    Options = Any

COMMANDS = ("check", "rules", "explain")
FAIL_ON = ("error", "warning", "info", "never")
RULES_FORMATS = ("text", "json", "markdown")
REPORT_FORMATS = ("text", "json", "sarif", "github")  # = mpilint.report.outputs.FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _processes(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        import argparse

        raise argparse.ArgumentTypeError(f"expected a number of processes (1 or more): {value!r}")
    return number


# The options of `check`, read by both parsers below: argparse (help, usage errors, unusual
# spellings) and the quick reader of the common command lines.
CHECK_OPTIONS: tuple[tuple[tuple[str, ...], dict[str, Any]], ...] = (
    (
        ("--format",),
        {
            "action": "append",
            "metavar": "FORMAT[:PATH]",
            "help": f"report format: {', '.join(REPORT_FORMATS)} (default: text); repeatable."
            " FORMAT:PATH writes that format to a file (--format sarif:mpilint.sarif); at most one"
            " format goes to standard output or --output",
        },
    ),
    (
        ("--output",),
        {
            "metavar": "FILE",
            "help": "write the report (the one format given without a path) to FILE instead of"
            " standard output; files are replaced whole, never left half-written",
        },
    ),
    (
        ("--statistics",),
        {
            "action": "store_true",
            "help": "print the number of findings per rule: after the report when --format is"
            " given, instead of the default text report otherwise",
        },
    ),
    (
        (
            "--verbose",
            "-v",
        ),
        {
            "action": "store_true",
            "help": "also list, in the text report, the findings that suppression comments and"
            " annotations silenced, with the reasons written there",
        },
    ),
    (
        (
            "--quiet",
            "-q",
        ),
        {
            "action": "store_true",
            "help": "shorten the text report to its summary line, and print nothing when the run"
            " passes (errors still go to standard error; other formats are unchanged)",
        },
    ),
    (
        ("--fail-on",),
        {
            "choices": FAIL_ON,
            "default": None,
            "help": "exit 1 when a finding reaches this severity (default: the configuration's"
            " fail-on, else warning)",
        },
    ),
    (
        ("--select",),
        {
            "action": "append",
            "metavar": "RULES",
            "help": "report only these rules: ids, id prefixes (MPL1), names or ALL;"
            " comma-separated, repeatable",
        },
    ),
    (
        ("--ignore",),
        {
            "action": "append",
            "metavar": "RULES",
            "help": "do not report these rules (same forms as --select)",
        },
    ),
    (
        ("--extend-select",),
        {
            "action": "append",
            "metavar": "RULES",
            "help": "add these rules to the selection (same forms as --select)",
        },
    ),
    (
        ("--image",),
        {
            "action": "append",
            "metavar": "REF=PATH",
            "help": "the Dockerfile PATH builds the images matching REF (a glob, e.g."
            " 'registry.example.com/team/train:*'); repeatable, before the configuration's images",
        },
    ),
    (
        ("--config",),
        {
            "metavar": "FILE",
            "help": "use this configuration file (.mpilint.yaml or pyproject.toml) for every file",
        },
    ),
    (
        ("--isolated",),
        {
            "action": "store_true",
            "help": "ignore every configuration file",
        },
    ),
    (
        (
            "--jobs",
            "-j",
        ),
        {
            "type": _processes,
            "default": None,
            "metavar": "N",
            "help": "lint in N processes (default: the number of cores); the report is the same for"
            " any N. Small runs (under 40 files) stay in one process",
        },
    ),
    (
        ("--color",),
        {
            "choices": ("auto", "always", "never"),
            "default": "auto",
            "help": "colour the text report (auto: only on a terminal without NO_COLOR)",
        },
    ),
)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    class _Parser(argparse.ArgumentParser):
        """Usage errors are one line naming the problem (and exit 2), as for every other error;
        ``--help`` still shows the full usage."""

        def error(self, message: str) -> NoReturn:
            self.exit(EXIT_ERROR, f"mpilint: error: {message} (see `mpilint --help`)\n")

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
    for flags, settings in CHECK_OPTIONS:
        check.add_argument(*flags, **settings)

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=RULES_FORMATS, default="text")

    explain = commands.add_parser("explain", help="show a rule's rationale and examples")
    explain.add_argument("rule", metavar="ID|NAME")
    return parser


def entry() -> NoReturn:
    """The ``mpilint`` command and ``python -m mpilint``: ``main``, then an exit that skips
    tearing the interpreter down.

    Finalising every module and object at exit costs about 6 ms, a tenth of a pre-commit run,
    and mpilint has nothing left to do by then: the exit functions still run (multiprocessing
    registers some), the streams are flushed, and only then does the process end. ``main``
    itself returns normally, for tests and for programs that call it."""
    import atexit

    code = main()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # a closed pager: as in main(), not a failure
            pass
        except OSError as error:
            with contextlib.suppress(OSError):
                sys.stderr.write(f"mpilint: error: cannot write the report: {error}\n")
                sys.stderr.flush()
            code = EXIT_ERROR
    os._exit(code)


def quick_check_options(args: list[str]) -> SimpleNamespace | None:
    """The options of a plain ``check`` command line, as argparse would give them; None for
    anything else (help, an abbreviated or unknown option, a value that starts with a dash, a
    missing or invalid value, paths on both sides of an option), which argparse then reads."""
    if not args or args[0] != "check":
        return None
    values: dict[str, Any] = {"command": "check", "paths": None}
    by_flag: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for flags, settings in CHECK_OPTIONS:
        dest = flags[0][2:].replace("-", "_")
        action = settings.get("action", "store")
        values[dest] = False if action == "store_true" else settings.get("default")
        for flag in flags:
            by_flag[flag] = (dest, action, settings)
    paths: list[str] = []
    ended = False  # an option came after the paths: argparse refuses more paths
    rest = iter(args[1:])
    for arg in rest:
        if arg == "-" or not arg.startswith("-"):
            if ended:
                return None
            paths.append(arg)
            continue
        ended = bool(paths)
        flag, equals, attached = arg.partition("=")
        known = by_flag.get(flag)
        if known is None or (equals and not flag.startswith("--")):
            return None
        dest, action, settings = known
        if action == "store_true":
            if equals:
                return None
            values[dest] = True
            continue
        value = attached if equals else next(rest, None)
        if value is None or value.startswith("-"):
            return None
        if "choices" in settings and value not in settings["choices"]:
            return None
        if "type" in settings:
            try:
                value = settings["type"](value)
            except Exception:  # argparse.ArgumentTypeError or ValueError: argparse says why
                return None
        if action == "append":
            values[dest] = [*(values[dest] or ()), value]
        else:
            values[dest] = value
    if not paths:
        return None
    values["paths"] = paths
    return SimpleNamespace(**values)


def main(argv: list[str] | None = None, stdout: TextIO | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    out = stdout or sys.stdout
    if args and args[0] not in COMMANDS and args[0] not in ("-h", "--help", "--version"):
        args.insert(0, "check")
    try:
        options = quick_check_options(args) or build_parser().parse_args(args)
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


def _check(options: Options, out: TextIO) -> int:
    from mpilint.config.project import ConfigError, prepare
    from mpilint.config.selection import SelectorError
    from mpilint.inputs.files import UsageError
    from mpilint.run.lint import run

    try:
        project, files = prepare(options)
    except (UsageError, SelectorError, ConfigError) as error:
        print(f"mpilint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    from mpilint.report import outputs

    try:
        plan = outputs.plan(
            options.format, options.output, options.statistics, options.quiet, options.verbose
        )
    except outputs.OutputError as error:
        print(f"mpilint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    from mpilint.run.parallel import default_processes

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


def _use_color(choice: str, out: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    return out.isatty() and "NO_COLOR" not in os.environ


def _rules(options: Options, out: TextIO) -> int:
    from mpilint.core import catalog

    rules = catalog.all_meta()
    if options.format == "markdown":
        from mpilint.report.ruledocs import render

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


def _explain(options: Options, out: TextIO) -> int:
    from mpilint.core import catalog
    from mpilint.report.explain import render

    meta = catalog.resolve(options.rule)
    if meta is None:
        print(
            f"mpilint: error: unknown rule {options.rule!r}; `mpilint rules` lists them",
            file=sys.stderr,
        )
        return EXIT_ERROR
    out.write(render(meta))
    return EXIT_OK
