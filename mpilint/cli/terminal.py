"""What the report's stream can show: colour, and the width prose is wrapped to.

Colour follows the published conventions, in this order: ``--color always`` or ``never`` wins
over everything (no-color.org: "command-line arguments should override $NO_COLOR"); otherwise
``FORCE_COLOR`` present and not empty turns colour on even in a pipe or a CI log
(force-color.org, whose example reads it after ``NO_COLOR``, so it wins when both are set); then
``NO_COLOR`` present and not empty turns it off (no-color.org: an empty value is as if unset);
then colour only on a terminal.

Width: a terminal's own, and none (no wrapping) for a pipe or a file, so a log or ``grep`` gets
each paragraph on one line. ``COLUMNS``, when set to a number, is the width in both cases, as
for most programs that wrap (and rich): ``COLUMNS=100 mpilint … | less`` wraps for a pager.
Both are decided with the standard library: rich's own detection would cost its import (about
40 ms) on the pre-commit path, which prints plain text.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import TextIO

MIN_WIDTH = 20  # below this, wrapping makes a column of single words: leave lines whole


def use_color(choice: str, out: TextIO, environ: Mapping[str, str] = os.environ) -> bool:
    """``choice`` is --color's value: auto, always or never."""
    if choice != "auto":
        return choice == "always"
    if environ.get("FORCE_COLOR", ""):
        return True
    if environ.get("NO_COLOR", ""):
        return False
    return _is_terminal(out)


def wrap_width(out: TextIO, environ: Mapping[str, str] = os.environ) -> int | None:
    """The columns the report's prose may fill, or None to leave it unwrapped."""
    columns = environ.get("COLUMNS", "").strip()
    if columns.isdigit():
        width = int(columns)
    elif _is_terminal(out):
        try:
            width = os.get_terminal_size(out.fileno()).columns
        except (OSError, ValueError):
            return None
    else:
        return None
    return width if width >= MIN_WIDTH else None


def _is_terminal(out: TextIO) -> bool:
    try:
        return out.isatty()
    except ValueError:  # a closed stream
        return False
