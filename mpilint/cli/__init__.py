"""The command line, on click: the only layer that reads argv (nothing below imports it).

``entry`` is the ``mpilint`` console script and ``python -m mpilint``; tests and programs call
``main`` with an argument list and a stream. ``main`` runs the click group in non-standalone mode
so that every way of ending speaks mpilint's one language: a usage error is one line,
``mpilint: error: …``, and exit 2, like a missing file or a bad configuration (click's own form,
a usage block then ``Error: …``, reads as two different tools); a reader that closes the pipe
early (``mpilint … | head``) ends the run quietly with exit 0; anything unforeseen is an internal
error, exit 2, never a traceback. The commands themselves are in ``commands``.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys

import click

from mpilint.cli.commands import EXIT_ERROR, EXIT_OK, cli

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import TextIO

__all__ = ["cli", "entry", "main"]


def entry() -> int:
    """The ``mpilint`` command: ``main``, then a cheaper interpreter exit.

    Python's shutdown runs full garbage collections over every object left, which costs about a
    fifth of a pre-commit run (one manifest, one Dockerfile) and finds nothing: the run's data has
    been freed by then, what is left are modules. ``gc.freeze`` moves those objects out of the
    collector's sight; everything else about the exit is the usual one (exit functions, flushing,
    module teardown). Not in ``main``: a program that calls it many times must keep its garbage
    collected."""
    code = main()
    gc.freeze()
    return code


def main(argv: list[str] | None = None, stdout: TextIO | None = None) -> int:
    """Run one command line; the exit code (0 clean, 1 findings, 2 usage or other error)."""
    args = list(sys.argv[1:] if argv is None else argv)
    out = stdout or sys.stdout
    try:
        code = cli.main(args, prog_name="mpilint", standalone_mode=False, obj=out)
    except click.UsageError as error:
        # click names the problem (and the closest option for a misspelt one); mpilint's errors
        # are one line, so the usage block becomes a pointer to the help.
        message = error.format_message()
        where = error.ctx.command_path if error.ctx is not None else "mpilint"
        print(
            f"mpilint: error: {message[:1].lower()}{message[1:]} (see `{where} --help`)",
            file=sys.stderr,
        )
        return EXIT_ERROR
    except click.ClickException as error:  # not raised by mpilint's commands today
        print(f"mpilint: error: {error.format_message()}", file=sys.stderr)
        return EXIT_ERROR
    except click.Abort:  # Ctrl-C while click read something
        return EXIT_ERROR
    except BrokenPipeError:
        _discard_stdout()
        return EXIT_OK
    except Exception as error:  # the last net: never a traceback, always exit 2
        print(f"mpilint: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_ERROR
    return _flushed(EXIT_OK if code is None else int(code))


def _flushed(code: int) -> int:
    """Flush standard output now rather than at exit, so that a failed write (a full disk, a
    closed pipe) is handled like any other instead of printed as "Exception ignored"."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # a closed pager: as above, not a failure
        _discard_stdout()
    except OSError as error:
        with contextlib.suppress(OSError):
            print(f"mpilint: error: cannot write the report: {error}", file=sys.stderr)
        return EXIT_ERROR
    return code


def _discard_stdout() -> None:
    """After ``mpilint … | head``: what is still buffered has nowhere to go, and the flush at
    interpreter exit would print "Exception ignored … BrokenPipeError"; point standard output at
    the null device instead (as the Python documentation advises for SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
