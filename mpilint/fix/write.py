"""Fixed texts to disk: whole or not at all, only when something changed, refusing what is unsafe.

A file is replaced by renaming a temporary file written beside it (``os.replace`` is atomic on
one file system), so a reader, an editor or an interrupted run never sees half of it. Its mode
and owner are kept; its BOM is kept (the text was read without it). A file that is read-only,
that changed on disk since it was read (an editor saved it meanwhile: our edits were made on the
old text), or whose folder cannot take the temporary file is left alone with one error line; the
other files are still written. A symbolic link is followed: the file it points to is replaced
and the link kept, and the caller says so, since that file may be shared.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from mpilint.core.records import Record

BOM = b"\xef\xbb\xbf"


class Written(Record):
    path: str  # as the run names it
    target: str  # the file replaced: ``path``, or what its symbolic link points to
    error: str | None = None  # why nothing was written


def encoded(text: str, original: bytes) -> bytes:
    """The bytes of a fixed text, with the original's BOM when it had one."""
    return (BOM if original.startswith(BOM) else b"") + text.encode("utf-8")


def write_fixed(path: str, original_text: str, text: str) -> Written:
    """Replace ``path`` by ``text`` when the disk still holds ``original_text``."""
    target = os.path.realpath(path) if os.path.islink(path) else path
    try:
        with open(target, "rb") as handle:
            on_disk = handle.read()
        info = os.stat(target)
    except OSError as error:
        return Written(path, target, f"cannot read it again: {error.strerror or error}")
    if _decoded(on_disk) != original_text:
        return Written(path, target, "it changed on disk during the run; not fixed, run again")
    if not _writable(target, info.st_mode):
        return Written(path, target, "it is read-only; not fixed")
    folder = os.path.dirname(target) or "."
    if not _writable(folder, os.stat(folder).st_mode):
        return Written(path, target, f"its folder {folder} is not writable; not fixed")
    data = encoded(text, on_disk)
    try:
        _replace(target, data, info, on_disk)
    except _Changed:
        return Written(path, target, "it changed on disk during the run; not fixed, run again")
    except OSError as error:
        return Written(path, target, f"cannot write it: {error.strerror or error}; not fixed")
    return Written(path, target)


class _Changed(Exception):
    pass


def _decoded(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _writable(path: str, mode: int) -> bool:
    """``os.access`` says yes to root for everything: a file or folder without a single write
    bit was made read-only on purpose, and a fixer must not overrule that either."""
    return os.access(path, os.W_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def _replace(target: str, data: bytes, info: os.stat_result, before: bytes) -> None:
    folder = os.path.dirname(target) or "."
    name = os.path.basename(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".mpilint", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            os.fchmod(stream.fileno(), stat.S_IMODE(info.st_mode))
            if (info.st_uid, info.st_gid) != (os.geteuid(), os.getegid()):
                with contextlib.suppress(PermissionError):  # only root may give files away
                    os.fchown(stream.fileno(), info.st_uid, info.st_gid)
        with open(target, "rb") as again:
            if again.read() != before:
                raise _Changed
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
