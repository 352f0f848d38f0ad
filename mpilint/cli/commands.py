"""The commands: click reads the command line, builds the typed options, and runs the stage below.

``check`` is the default command: a first argument that is not a command name (nor help or
version) is a path of ``check``, so ``mpilint mpijob.yaml Dockerfile`` and ``mpilint -`` work as
users expect. A file named like a command is checked with ``mpilint check rules`` or
``mpilint ./rules``, as before.

Nothing here decides what is wrong or how a report looks: ``check`` hands a ``CheckOptions`` to
``config.project.prepare`` and the run, and the report to ``report.outputs``. Those are imported
when a command runs, so ``mpilint --help`` and ``mpilint rules`` load only what they use.
"""

from __future__ import annotations

import sys

import click

from mpilint import __version__
from mpilint.config.options import COLOR, FAIL_ON, CheckOptions

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO

RULES_FORMATS = ("text", "json", "markdown")
REPORT_FORMATS = (
    "full",
    "concise",
    "json",
    "sarif",
    "github",
    "gitlab",
    "junit",
)  # outputs.FORMATS, but "text"

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# Options that users of other linters (ruff above all) type and mpilint does not have: what to
# say instead of click's plain "no such option".
FOREIGN_OPTIONS = {
    "--output-format": "Did you mean '--format'?",
    "--exit-zero": "Did you mean '--fail-on never'? (it reports, and exits 0 whatever is found)",
    "--fix-only": "Did you mean '--fix'? (it also reports what is left)",
    "--unsafe-fix": "Did you mean '--unsafe-fixes'?",
    "--extend-ignore": "Did you mean '--ignore'? (it adds to the configuration's)",
    "--exclude": "Exclusions are set in the configuration: `exclude: [globs]` (and .gitignore is"
    " honoured); named paths are checked unless --force-exclude is given.",
}


class _Command(click.Command):
    """A command whose usage errors name it, and whose unknown options get a hint when they are
    another linter's."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            # One wording whatever click's version, and a hint for other linters' options.
            name = error.option_name
            hint = FOREIGN_OPTIONS.get(name)
            message = f"No such option {name!r}." + (f" {hint}" if hint else "")
            close = None if hint else error.possibilities
            raise click.NoSuchOption(name, message, close, ctx=ctx) from None
        except click.UsageError as error:
            # click's parser leaves some errors (a missing value) to the group's context: they
            # are this command's, and its help is the one to point at.
            error.ctx = ctx
            raise


class _Processes(click.ParamType):  # type: ignore[type-arg]
    """``--jobs``: a number of processes, 1 or more."""

    name = "N"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> int:
        if isinstance(value, int):
            return value
        try:
            number = int(str(value))
        except ValueError:
            number = 0
        if number < 1:
            self.fail(f"expected a number of processes (1 or more): {value!r}", param, ctx)
        return number


class _Group(click.Group):
    """The ``mpilint`` group: ``check`` when the first argument names no command."""

    command_class = _Command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args:
            # As before: the usage on standard error and exit 2, for a hook that passed no files.
            click.echo(ctx.get_help(), err=True)
            ctx.exit(EXIT_ERROR)
        if args[0] not in self.commands and args[0] not in ("-h", "--help", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage("mpilint", "[check] [OPTIONS] PATH...")
        formatter.write_usage("mpilint", "rules [--format text|json|markdown]", prefix="   or: ")
        formatter.write_usage("mpilint", "explain ID|NAME", prefix="   or: ")
        formatter.write_usage("mpilint", "server", prefix="   or: ")


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="`mpilint PATH...` is `mpilint check PATH...`; `mpilint check --help` lists its"
    " options.",
)
@click.version_option(__version__, "--version", prog_name="mpilint", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint Kubeflow MPIJob manifests and the Dockerfiles of the images they run."""


@cli.command(
    "check",
    short_help="Check manifests and Dockerfiles (the default command).",
    epilog="Settings come from the command line, then the closest configuration file above each"
    " checked file (.mpilint.yaml, or [tool.mpilint] in pyproject.toml), then the defaults. A"
    " --select starts over: the configuration's select, extend-select and ignore are then not"
    " used; otherwise --ignore and --extend-select add to the configuration's. --image entries"
    " come before the configuration's images.",
)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--format",
    "formats",
    multiple=True,
    metavar="FORMAT[:PATH]",
    help=f"Report format: {', '.join(REPORT_FORMATS)} (default: full, also called text: each"
    " finding with its fix, reasons and code; concise: one line a finding); repeatable."
    " FORMAT:PATH writes that format to a file (--format sarif:mpilint.sarif); at most one"
    " format goes to standard output or --output.",
)
@click.option(
    "--output",
    metavar="FILE",
    help="Write the report (the one format given without a path) to FILE instead of standard"
    " output; files are replaced whole, never left half-written.",
)
@click.option(
    "--statistics",
    is_flag=True,
    help="Print the number of findings per rule: after the report when --format is given,"
    " instead of the default text report otherwise.",
)
@click.option(
    "--verbose",
    "-v",
    is_flag=True,
    help="Also list, in the text report, the findings that suppression comments and annotations"
    " silenced, with the reasons written there, and how each job's Dockerfile was chosen.",
)
@click.option(
    "--quiet",
    "-q",
    is_flag=True,
    help="Shorten the text report to its summary line, and print nothing when the run passes"
    " (errors still go to standard error; other formats are unchanged).",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    help="Exit 1 when a finding reaches this severity (default: the configuration's fail-on,"
    " else warning).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="RULES",
    help="Report only these rules: ids, id prefixes (MPL1), names or ALL; comma-separated,"
    " repeatable.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="RULES",
    help="Do not report these rules (same forms as --select).",
)
@click.option(
    "--extend-select",
    multiple=True,
    metavar="RULES",
    help="Add these rules to the selection (same forms as --select).",
)
@click.option(
    "--image",
    multiple=True,
    metavar="REF=PATH",
    help="The Dockerfile PATH builds the images matching REF (a glob, e.g."
    " 'ghcr.io/mpilint-demo/team/train:*'); repeatable, before the configuration's images.",
)
@click.option(
    "--stdin-filename",
    metavar="PATH",
    help="Standard input ('-') is the file PATH: reported, configured, suppressed and paired"
    " with its Dockerfile as that file would be (a Dockerfile when PATH is named like one)."
    " PATH need not exist.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply the configuration's exclude to paths named on the command line too (they are"
    " checked otherwise), and .gitignore to named folders; for pre-commit, which names every"
    " changed file.",
)
@click.option(
    "--config",
    metavar="FILE",
    help="Use this configuration file (.mpilint.yaml or pyproject.toml) for every file.",
)
@click.option("--isolated", is_flag=True, help="Ignore every configuration file.")
@click.option(
    "--target",
    multiple=True,
    metavar="OPERATOR=RELEASE",
    help="The operator release the jobs will meet (mpi-operator=0.6.0,"
    " training-operator=1.8.0); repeatable, beats the configuration's target. Default: the"
    " newest release of each that mpilint knows.",
)
@click.option(
    "--jobs",
    "-j",
    type=_Processes(),
    metavar="N",
    help="Lint in N processes (default: the number of cores); the report is the same for any N."
    " Small runs (under 40 files) stay in one process.",
)
@click.option(
    "--color",
    type=click.Choice(COLOR),
    default="auto",
    help="Colour the full and concise reports. auto: when FORCE_COLOR is set (not empty), else"
    " not when NO_COLOR is, else only on a terminal; always and never override both. On a"
    " terminal, or when COLUMNS is set, the full report's text is wrapped to its width.",
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the safe fixes (the findings marked [*]) to the files, then report what is left;"
    " with '-', print the fixed text to standard output and the report to standard error.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print what --fix would change, as a unified diff, and write nothing; exit 1 when"
    " there is a change, 0 when there is none.",
)
@click.option(
    "--unsafe-fixes",
    is_flag=True,
    help="With --fix or --diff, also apply the fixes that change what the job does (without it"
    " they are shown in the report and never applied).",
)
@click.option(
    "--baseline",
    metavar="FILE",
    help="Do not report the findings recorded in FILE (by --write-baseline): matched by rule,"
    " file and the offending text, not the line. Entries no finding matches any more are"
    " counted as stale. Beats the configuration's baseline.",
)
@click.option(
    "--write-baseline",
    metavar="FILE",
    help="Record every current finding in FILE (replaced whole) instead of reporting them, and"
    " exit 0.",
)
@click.pass_obj
def check(
    out: TextIO,
    paths: tuple[str, ...],
    formats: tuple[str, ...],
    output: str | None,
    statistics: bool,
    verbose: bool,
    quiet: bool,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    image: tuple[str, ...],
    stdin_filename: str | None,
    force_exclude: bool,
    config: str | None,
    isolated: bool,
    target: tuple[str, ...],
    jobs: int | None,
    color: str,
    fix: bool,
    diff: bool,
    unsafe_fixes: bool,
    baseline: str | None,
    write_baseline: str | None,
) -> int:
    """Check MPIJob manifests, Dockerfiles and directories of them (the default command).

    Each PATH is a manifest, a Dockerfile or a directory; '-' reads a manifest from standard
    input (a Dockerfile with --stdin-filename Dockerfile). A path named here is checked even
    when exclude or .gitignore would skip it in a folder (see --force-exclude).
    """
    if stdin_filename is not None and "-" not in paths:
        raise click.UsageError(
            "--stdin-filename names standard input, which is read when '-' is among the paths"
        )
    options = CheckOptions(
        paths=paths,
        formats=formats,
        output=output,
        statistics=statistics,
        verbose=verbose,
        quiet=quiet,
        fail_on=fail_on,
        select=select or None,  # not given: the configuration's selection holds
        ignore=ignore,
        extend_select=extend_select,
        image=image,
        stdin_filename=stdin_filename,
        force_exclude=force_exclude,
        config=config,
        isolated=isolated,
        target=target,
        jobs=jobs,
        color=color,
        fix=fix,
        diff=diff,
        unsafe_fixes=unsafe_fixes,
        baseline=baseline,
        write_baseline=write_baseline,
    )
    return run_check(options, out)


def run_check(options: CheckOptions, out: TextIO) -> int:
    """Prepare, run and report one ``check``; the exit code (errors are printed here)."""
    from mpilint.config.project import ConfigError, prepare
    from mpilint.config.selection import SelectorError
    from mpilint.inputs.files import UsageError
    from mpilint.run.lint import run

    try:
        project, files = prepare(options)
    except (UsageError, SelectorError, ConfigError) as error:
        _error(str(error))
        return EXIT_ERROR
    from mpilint.report import outputs

    try:
        plan = outputs.plan(
            list(options.formats),
            options.output,
            options.statistics,
            options.quiet,
            options.verbose,
        )
    except outputs.OutputError as error:
        _error(str(error))
        return EXIT_ERROR
    if options.write_baseline is not None and options.diff:
        _error("--write-baseline records findings, and --diff reports none: give one of them")
        return EXIT_ERROR
    baseline_of = None
    if options.write_baseline is None and (
        options.baseline is not None or any(project.config_for(f.path).baseline for f in files)
    ):
        from mpilint.cli.baselines import BaselineError, baselines_for  # only when one is used

        try:
            baseline_of = baselines_for(options.baseline, project, files)
        except BaselineError as error:
            _error(str(error))
            return EXIT_ERROR
    from mpilint.run.parallel import default_processes

    processes = options.jobs or default_processes()
    report = run(files, project=project, processes=processes)
    failed_writes = False
    if options.diff or options.fix:
        from mpilint.cli.fixing import diff, fix

        if options.diff:
            return diff(files, project, processes, options.unsafe_fixes, report, out)
        report, failed_writes, out = fix(
            files, project, processes, options.unsafe_fixes, report, out
        )
    from mpilint.core.records import replace

    report = replace(report, unsafe_fixes=options.unsafe_fixes)
    if options.write_baseline is not None:
        from mpilint.cli.baselines import write

        try:
            write(report, options.write_baseline)
        except OSError as error:
            _error(f"cannot write the baseline: {error}")
            return EXIT_ERROR
        return EXIT_ERROR if failed_writes else EXIT_OK
    if baseline_of is not None:
        from mpilint.cli.baselines import hide

        report = hide(report, baseline_of, project, options.quiet)
    code = EXIT_FINDINGS if any(project.fails(f) for f in report.findings) else EXIT_OK
    from mpilint.cli.terminal import use_color, wrap_width

    try:
        outputs.emit(
            plan,
            report,
            out,
            use_color(options.color, out),
            passed=code == EXIT_OK,
            width=wrap_width(out),
        )
    except BrokenPipeError:
        raise  # a closed pager is not a failed write: main() exits 0
    except OSError as error:
        _error(f"cannot write the report: {error}")
        return EXIT_ERROR
    if report.jobs == 0 and not any(f.kind == "dockerfile" for f in files):
        _nothing_checked(len(files))
    return EXIT_ERROR if failed_writes else code


def _nothing_checked(read: int) -> None:
    """One line on standard error when the run checked no MPIJob and no Dockerfile: a CI gate
    pointed at the wrong folder (or fed a chart that renders no MPIJob) must not pass as if it
    had looked. Printed with --quiet too, which promises a silent pass, not a blind one; the
    exit code is unchanged (there is no finding)."""
    where = (
        f"no MPIJob in the {read} YAML {'file' if read == 1 else 'files'} read, and no Dockerfile"
        if read
        else "no YAML file and no Dockerfile in the paths given"
    )
    print(f"mpilint: warning: nothing was checked: {where}", file=sys.stderr)


# What --fix can do for a rule, in `mpilint rules`: ruff's [*] for a safe fix.
# A rule with both (mixed) gets [*]: plain --fix repairs some of its findings.
_FIX_MARKS = {"safe": "[*]", "unsafe": "[u]", "mixed": "[*]", "none": "   "}


@cli.command("rules")
@click.option(
    "--format",
    "format_",
    type=click.Choice(RULES_FORMATS),
    default="text",
    show_default=True,
    help="Text: one line a rule; json: the same as a list; markdown: the rule reference"
    " (docs/rules.md).",
)
@click.pass_obj
def rules(out: TextIO, format_: str) -> int:
    """List every rule: id, name, severities (the default first), fix, summary.

    The fix column is [*] when `mpilint --fix` repairs the rule's findings, [u] when only
    `--unsafe-fixes` does (the fix changes what the job does), blank when there is no fix."""
    from mpilint.core import catalog

    metas = catalog.all_meta()
    if format_ == "markdown":
        from mpilint.report.ruledocs import render

        out.write(render(metas))
        return EXIT_OK
    if format_ == "json":
        import json

        data = [
            {
                "id": m.id,
                "name": m.name,
                "severity": m.severity.label,
                "severities": [s.label for s in m.severities],
                "summary": m.summary,
                "fix": m.fix_safety,
            }
            for m in metas
        ]
        out.write(json.dumps(data, indent=2) + "\n")
        return EXIT_OK
    width = max(len(m.name) for m in metas)
    levels = max(len(m.severity_label) for m in metas)
    for m in metas:
        fix = _FIX_MARKS[m.fix_safety]
        out.write(f"{m.id}  {m.name:<{width}}  {m.severity_label:<{levels}}  {fix}  {m.summary}\n")
    return EXIT_OK


@cli.command("explain", short_help="Show what a rule catches, why, and how to fix it.")
@click.argument("rule", metavar="ID|NAME")
@click.option(
    "--long",
    "long_",
    is_flag=True,
    help="Everything: the full rationale with its evidence and references, every example.",
)
@click.pass_obj
def explain(out: TextIO, rule: str, long_: bool) -> int:
    """Show what a rule catches, why it breaks the job, how to fix it, and one bad and one good
    example (ID|NAME: MPL102 or process-count-mismatch). The text is wrapped to the terminal's
    width ($COLUMNS, else 80 when piped)."""
    import shutil

    from mpilint.core import catalog
    from mpilint.report.explain import render

    meta = catalog.resolve(rule)
    if meta is None:
        close = catalog.closest(rule)
        hint = f"did you mean {close!r}? " if close else ""
        _error(f"unknown rule {rule!r}; {hint}`mpilint rules` lists them")
        return EXIT_ERROR
    width = min(shutil.get_terminal_size((80, 24)).columns, 100)
    out.write(render(meta, long=long_, width=width))
    return EXIT_OK


@cli.command("server", short_help="Run the language server (LSP on stdio) for editors.")
@click.pass_obj
def server(out: TextIO) -> int:
    """Run the language server: diagnostics, quick fixes and rule help in any editor with an
    LSP client, over standard input and output. Needs the server extra:
    pip install 'mpilint[server]'."""
    from mpilint import server as lsp

    absent = lsp.missing()
    if absent:
        _error(
            f"`mpilint server` needs the server extra ({', '.join(absent)} not installed):"
            f" {lsp.INSTALL}"
        )
        return EXIT_ERROR
    from mpilint.server.app import serve

    return serve()


def _error(message: str) -> None:
    print(f"mpilint: error: {message}", file=sys.stderr)
