"""One ``RUN`` line added to a Dockerfile: settings put at the top of an ssh configuration file.

ssh and sshd take the first value of a keyword, and a line before any ``Host``/``Match`` applies
to every connection, so ``sed -i '1i KEY VALUE' FILE`` makes the value certain whatever the file
holds below (``echo >>`` would lose to an earlier value, or land in a ``Host`` block). The line
goes right after the last instruction of the final stage that writes the file or names it, so
nothing later undoes it, and only where the user then in effect may write it (root, or the
file's owner): a ``USER`` switch before that point would make the ``RUN`` fail.
"""

from __future__ import annotations

import posixpath
import re

from mpilint.core.findings import UNSAFE, Edit, Fix, Span
from mpilint.core.textpos import Offsets
from mpilint.ruleapi.insert import line_break

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.models.image.dockerfile import Placed
    from mpilint.models.image.files import FileFacts
    from mpilint.ruleapi import Pair

_SAFE_PATH = re.compile(r"/[A-Za-z0-9_./-]+")
_SAFE_SETTING = re.compile(r"[A-Za-z]+ [A-Za-z0-9_./-]+")


def prepend_settings(
    pair: Pair, facts: FileFacts, path: str, settings: list[str], description: str
) -> Fix | None:
    """The fix adding ``RUN sed -i -e '1i SETTING' … PATH``; None when the Dockerfile is not
    a file of the run, holds heredocs (whose ends the layout may not show), the file may be
    empty (``1i`` then adds nothing) or where to put the line, or who runs it, is not known."""
    image = pair.image
    text, layout = image.text, image.layout
    if not text or not layout or image.path != pair.image_file:
        return None
    if text.strip() == f"FROM {pair.image_file}" or any(p.heredoc for p in layout):
        return None  # a well-known image read as it is: no Dockerfile to edit
    if not _SAFE_PATH.fullmatch(path) or not all(map(_SAFE_SETTING.fullmatch, settings)):
        return None
    state = facts.file(path)
    if state.exists is not True or not state.lines:
        return None
    final = [p for p in layout if p.start_line >= image.final.from_span.line]
    if not final or final[0].cmd != "FROM":
        return None
    after = _last_edit(final, text, path, state.span, [line.span for line in state.lines])
    user = _user_at(final, after, facts.start_user)
    if user is None or (user not in ("root", "0") and user != state.owner):
        return None
    expressions = " ".join(f"-e '1i {setting}'" for setting in settings)
    run = f"RUN sed -i {expressions} {path}"
    offsets = Offsets(text, dockerfile=True)
    newline = line_break(text, after.end_line - 1, dockerfile=True)
    if after.end_line < len(offsets.starts):
        at = Span(after.end_line + 1, 1, after.end_line + 1, 1)
        replacement = run + newline
    else:  # the last instruction ends the file, with no line break after it
        end = len(text) - offsets.starts[-1] + 1
        at = Span(len(offsets.starts), end, len(offsets.starts), end)
        replacement = newline + run
    return Fix(description, (Edit(pair.image_file, at, replacement),), UNSAFE)


def _last_edit(
    final: list[Placed], text: str, path: str, made: Span | None, lines: list[Span | None]
) -> Placed:
    """The last instruction of the final stage that wrote lines of ``path`` (the model's spans)
    or names it or its folder (a COPY into /etc/ssh/, a sed the model could not follow)."""
    source = text.split("\n")  # the reader's lines (BuildKit splits at LF only)
    name, folder = posixpath.basename(path), posixpath.dirname(path)
    written = {s.line for s in (made, *lines) if s is not None}
    last = final[0]
    for placed in final:
        body = "\n".join(source[placed.start_line - 1 : placed.end_line])
        touched = any(placed.start_line <= line <= placed.end_line for line in written)
        if touched or name in body or (placed.cmd in ("COPY", "ADD") and folder in body):
            last = placed
    return last


def _user_at(final: list[Placed], after: Placed, start: str | None) -> str | None:
    """Who runs an instruction added after ``after``: the last USER before it, or the user the
    stage starts with; None when a USER names it through a variable."""
    user = start
    for placed in final:
        if placed.start_line > after.end_line:
            break
        if placed.cmd == "USER" and placed.words:
            written = placed.words[0]
            user = None if "$" in written else written.partition(":")[0]
    return user


__all__ = ["prepend_settings"]
