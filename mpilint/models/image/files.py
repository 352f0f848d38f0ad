"""The OpenSSH files an image will hold, replayed from what its Dockerfile does to them.

Whether ssh reaches a worker depends on lines nobody reads twice: a ``sed -i`` that uncomments
``StrictHostKeyChecking``, an ``echo … >>`` that adds ``Port 2222``, a ``COPY sshd_config``.  The
only honest way to know the final ``/etc/ssh/ssh_config`` and ``sshd_config`` (and a private
``~/.sshd_config``) is to start from what the base image or the installed package holds and
replay every command that writes them, keeping for each line the Dockerfile span that wrote it.

This is an observer (see ``observe.py``): it is shown each simple command of each RUN and each
other instruction of its stage.  It follows only forms it can replay exactly (``echo``,
``printf``, here-documents, ``tee``, ``sed`` scripts it can translate, ``rm``/``mv``/``cp``,
``COPY`` from the build context or another stage) and makes a file *unknown* the moment anything
else may write it, so rules that read an unknown file stay silent instead of guessing.
"""

from __future__ import annotations

import fnmatch
import functools
import os
import posixpath
import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from mpilint.core.findings import Span
from mpilint.core.lazyre import lazy
from mpilint.core.records import MutableRecord, Record, field, replace
from mpilint.models.image import sshdefaults
from mpilint.models.image.declared import NO_DECLARED, Declared
from mpilint.models.image.observe import Instruction, RunSite
from mpilint.models.image.reference import glob_matches, reference_matches, split_image
from mpilint.models.image.sed import Line, SedError, parse_sed, run_sed
from mpilint.models.image.users import Arg

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any

    from mpilint.models.image.observe import StageObserver

__all__ = ["DeclaredSsh", "FileFacts", "FileState", "Line", "files_of", "start"]


# -- the facts ------------------------------------------------------------------------------


class FileState(Record):
    """What the image holds at ``path``.

    ``exists`` is None when the file may or may not be there; ``lines`` is None when it exists
    (or may) but its content is unknown.  ``span`` is where it was last created or replaced
    (the install, COPY or ``>`` that made it); None when it comes from the base image.
    ``mode`` and ``owner`` are set only when known (``owner`` as written: a name or a uid).
    """

    path: str
    exists: bool | None
    lines: tuple[Line, ...] | None
    span: Span | None = None
    mode: int | None = None
    owner: str | None = None
    origin: str = ""
    eol: bool = True  # the last line ends with a newline (``echo -n`` leaves it open)

    @property
    def known(self) -> bool:
        """Content certain: known absent, or present with known lines."""
        return self.exists is False or (self.exists is True and self.lines is not None)

    @property
    def text(self) -> str | None:
        if self.lines is None or self.exists is not True:
            return None
        body = "\n".join(line.text for line in self.lines)
        return body + "\n" if self.lines and self.eol else body


class FileFacts(Record):
    """The final image's tracked files and directories, frozen for rules.

    Paths not in ``files`` are absent when ``clean`` says the model knows the whole file system
    (a known base and nothing unfollowed), else unknown; ``unknown_under`` lists directories
    some unfollowed command may have written anything into.
    """

    files: Mapping[str, FileState]
    clean: bool
    unknown_under: frozenset[str]
    dirs: Mapping[str, Span | None]
    dirs_complete: bool
    touched: frozenset[str]  # paths a chmod/chown changed (directories included)
    installs: Mapping[str, Span | None]
    base: str | None
    base_note: str
    user: str | None
    entrypoint: tuple[str, ...] | None
    entrypoint_known: bool
    start_user: str | None = None  # the user the final stage starts with (its FROM's)
    # ``sshconfig.read_config``'s readings of these files, by (path, server): kept with the facts,
    # so they live as long as the image that holds them.
    _readings: dict[tuple[str, bool], object] = field(init=False, default_factory=dict)

    def file(self, path: str) -> FileState:
        """The state of ``path``, tracked or not."""
        path = _norm(path)
        found = self.files.get(path)
        if found is not None:
            return found
        return _untracked(path, self.clean, self.unknown_under)

    def matching(self, pattern: str) -> tuple[tuple[FileState, ...], bool]:
        """Tracked files matching a glob, and whether that list is certainly complete."""
        pattern = _norm(pattern)
        found = tuple(
            state
            for path, state in sorted(self.files.items())
            if state.exists is not False and fnmatch.fnmatchcase(path, pattern)
        )
        folder = posixpath.dirname(pattern)
        complete = self.clean and not _under_any(folder + "/x", self.unknown_under)
        return found, complete and all(s.exists is True for s in found)

    def has_dir(self, path: str) -> bool | None:
        """Whether the directory exists: True when created, None when it cannot be known."""
        path = _run_alias(_norm(path))
        if path in self.dirs:
            return True
        return False if self.dirs_complete else None


def files_of(image: object) -> FileFacts | None:
    """The files model of an image's final stage (``Image.observer("files")``), frozen.

    The same facts for every rule that asks of one image: the observer is final once the
    image exists, and ``sshconfig.read_config`` keeps its readings by these facts."""
    observer_of = getattr(image, "observer", None)
    if observer_of is None:
        return None
    observer = observer_of("files")
    if not isinstance(observer, Files):
        return None
    once = getattr(image, "once", None)
    return once(files_of, observer.facts) if once is not None else observer.facts()


# -- paths ----------------------------------------------------------------------------------


def _basename(path: str) -> str:
    """``posixpath.basename`` for text, without its generic path handling (a hot path)."""
    return path[path.rfind("/") + 1 :]


def _dirname(path: str) -> str:
    """``posixpath.dirname`` for text (a hot path)."""
    head = path[: path.rfind("/") + 1]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def _norm(path: str) -> str:
    if path.startswith("/") and "//" not in path and "/." not in path and path[-1] != "/":
        return path  # already normal: no empty, "." or ".." part, no trailing slash
    return posixpath.normpath(path) if path else path


_GLOB_CHARS = re.compile(r"[*?\[]")


def _named(tracked: Mapping[str, object], pattern: str, below: bool) -> list[str]:
    """The tracked paths that ``pattern`` (a glob, or a path) names, in their order; with
    ``below``, also those under what it names as a folder.  A pattern without ``*``, ``?`` or
    ``[`` only matches itself, so most need no ``fnmatch``."""
    if _GLOB_CHARS.search(pattern) is not None:
        return [
            p for p in tracked if fnmatch.fnmatchcase(p, pattern) or (below and _under(p, pattern))
        ]
    if not below:
        return [pattern] if pattern in tracked else []
    if pattern == "/":
        return list(tracked)
    prefix = pattern.rstrip("/") + "/"
    return [p for p in tracked if p == pattern or p.startswith(prefix)]


def _edited(state: FileState, **changes: Any) -> FileState:
    return replace(state, **changes)


def _run_alias(path: str) -> str:
    """``/var/run`` is a symlink to ``/run`` on Debian and Ubuntu."""
    if path == "/var/run" or path.startswith("/var/run/"):
        return "/run" + path[len("/var/run") :]
    return path


def _under(path: str, folder: str) -> bool:
    return folder == "/" or path == folder or path.startswith(folder.rstrip("/") + "/")


def _under_any(path: str, folders: frozenset[str] | set[str]) -> bool:
    return any(_under(path, f) for f in folders)


def _untracked(path: str, clean: bool, unknown_under: frozenset[str] | set[str]) -> FileState:
    if clean and not _under_any(path, unknown_under):
        return _absent(path)
    return _unknown_file(path)


# Untracked paths are looked up again and again (every append, every sed): their states are
# kept, being values.
@functools.lru_cache(maxsize=1024)
def _absent(path: str) -> FileState:
    return FileState(path, False, None, origin="absent")


@functools.lru_cache(maxsize=1024)
def _unknown_file(path: str) -> FileState:
    return FileState(path, None, None, origin="unknown")


_SSH_NAME = re.compile(r"ssh")


def relevant(path: str) -> bool:
    """Files whose text the model keeps when they are copied in: ssh and sshd configuration."""
    return (
        path.startswith("/etc/ssh/")
        or bool(_SSH_NAME.search(posixpath.basename(path)))
        or (path.endswith("/.ssh/config"))
    )


# -- base images ----------------------------------------------------------------------------


def _matches(repository: str, patterns: Sequence[str]) -> bool:
    return any(glob_matches(repository, split_image(p).repository) for p in patterns)


@functools.lru_cache(maxsize=256)
def _base_kind(base: str | None) -> str | None:
    """``debian`` / ``other`` (no OpenSSH yet), ``mpioperator``, ``horovod``, or None."""
    if base is None:
        return None
    if base.lower() == "scratch":
        return "other"
    ref = split_image(base)
    repo, tag = ref.repository, ref.tag or ""
    if _matches(repo, sshdefaults.MPIOPERATOR_BASES):
        return "mpioperator"
    if _matches(repo, sshdefaults.HOROVOD_BASES):
        return "horovod"
    if _matches(repo, sshdefaults.CLEAN_DEBIAN_BASES):
        return "debian"
    for pattern, marker in sshdefaults.CLEAN_DEBIAN_TAGGED:
        if _matches(repo, (pattern,)) and marker in tag:
            return "debian"
    if _matches(repo, sshdefaults.CLEAN_OTHER_BASES):
        return "other"
    return None


@functools.lru_cache(maxsize=16)  # the same few default files, laid down by every install
def _default_lines(text: str) -> tuple[Line, ...]:
    return tuple(Line(t, None) for t in text.splitlines())


_ROOT_KEY = {"mode": 0o600, "owner": "root"}


def _host_keys(span: Span | None, origin: str, owner: str | None = "root") -> list[FileState]:
    return [
        FileState(path, True, None, span, 0o600, owner, origin)
        for path in sshdefaults.DEFAULT_HOST_KEYS
    ]


@functools.lru_cache(maxsize=1)
def _mpioperator_files() -> tuple[FileState, ...]:
    """What build/base/Dockerfile of kubeflow/mpi-operator leaves, replayed on the defaults."""
    origin = "base:mpioperator/base"
    client = run_sed(
        parse_sed(
            [
                r"s/[ #]\(.*StrictHostKeyChecking \).*/ \1no/g",
                r"s/[ #]\(.*Port \).*/ \12222/g",
            ],
            extended=False,
        ),
        _default_lines(sshdefaults.SSH_CONFIG),
        None,
    )
    # The UserKnownHostsFile echo runs between the two seds; the Port sed cannot touch it.
    client = (*client[:], Line("    UserKnownHostsFile /dev/null", None))
    server = run_sed(
        parse_sed([r"s/#\(StrictModes \).*/\1no/g", r"s/#\(Port \).*/\12222/g"], False),
        _default_lines(sshdefaults.SSHD_CONFIG),
        None,
    )
    home = _default_lines(sshdefaults.MPIOPERATOR_SSHD_CONFIG)
    return (
        FileState("/etc/ssh/ssh_config", True, client, None, 0o644, "root", origin),
        FileState("/etc/ssh/sshd_config", True, server, None, 0o644, "root", origin),
        FileState("/home/mpiuser/.sshd_config", True, home, None, 0o644, "mpiuser", origin),
        *_host_keys(None, origin),
    )


def _horovod_files() -> tuple[FileState, ...]:
    """horovod/horovod's Dockerfile drops every StrictHostKeyChecking line, then appends
    ``StrictHostKeyChecking no`` (inferred, see domain notes section 4)."""
    origin = "base:horovod/horovod (inferred)"
    kept = tuple(
        line
        for line in _default_lines(sshdefaults.SSH_CONFIG)
        if "StrictHostKeyChecking" not in line.text
    )
    client = (*kept, Line("    StrictHostKeyChecking no", None))
    return (
        FileState("/etc/ssh/ssh_config", True, client, None, 0o644, "root", origin),
        FileState(
            "/etc/ssh/sshd_config",
            True,
            _default_lines(sshdefaults.SSHD_CONFIG),
            None,
            0o644,
            "root",
            origin,
        ),
        *_host_keys(None, origin),
    )


# -- a team's base images (``base-images`` in the configuration) ---------------------------

Settings = tuple[tuple[str, tuple[str, ...]], ...]  # (keyword, values), in the order written


class DeclaredSsh(Record):
    """What a ``base-images`` entry says its image's OpenSSH files hold.

    ``client``/``server``: the settings of ``/etc/ssh/ssh_config``/``sshd_config`` (None: not
    declared, the file stays unknown); ``files``: whole files as (path, text, owner);
    ``host_keys``: ``root-only``, ``readable``, ``none`` or None (not declared). ``user`` (""
    for root), ``os`` and ``entrypoint`` repeat the entry's own keys, None when not given.
    """

    client: Settings | None = None
    server: Settings | None = None
    files: tuple[tuple[str, str, str | None], ...] = ()
    host_keys: str | None = None
    user: str | None = None
    os: str | None = None
    entrypoint: tuple[str, ...] | None = None

    @property
    def declared(self) -> bool:
        """Whether the entry says anything about OpenSSH files; if not, it changes nothing here."""
        return bool(
            self.client is not None or self.server is not None or self.files or self.host_keys
        )


def _declared(
    base: str | None, declared: tuple[tuple[str, DeclaredSsh], ...]
) -> tuple[str, DeclaredSsh] | None:
    """The configured entry for ``base`` when it declares OpenSSH files (``Declared.ssh``, the
    image glob → declaration list of the Dockerfile's configuration, first match wins)."""
    if base is None:
        return None
    for pattern, entry in declared:
        if reference_matches(pattern, base):
            return (pattern, entry) if entry.declared else None
    return None


_COMMENTED = lazy(r"#\s*([A-Za-z]+)(?:\s|=|$)")


def _with_settings(default: str, settings: Settings, indent: str) -> tuple[Line, ...]:
    """The package's default text with each setting written in place of its commented default
    (what the usual ``sed -i`` recipes leave, so a Dockerfile's further seds replay as on the
    real file), the others appended.  The ``Include`` of the drop-in folder is left out: the
    declaration is the whole configuration, and the folder is not modelled."""
    pending = {key.lower(): (key, values) for key, values in settings}
    lines: list[Line] = []
    for line in _default_lines(default):
        if line.text.startswith("Include "):
            continue
        match = _COMMENTED().match(line.text)
        found = pending.pop(match.group(1).lower(), None) if match else None
        if found is None:
            lines.append(line)
            continue
        lines += [Line(f"{indent}{found[0]} {value}", None) for value in found[1]]
    for key, values in pending.values():
        lines += [Line(f"{indent}{key} {value}", None) for value in values]
    return tuple(lines)


def _declared_files(glob: str, entry: DeclaredSsh) -> tuple[FileState, ...]:
    """The OpenSSH files of a declared base, in the form ``_mpioperator_files`` gives."""
    origin = f"base-images: {glob}"
    seeded: list[FileState] = []
    for path, settings, default, indent in (
        ("/etc/ssh/ssh_config", entry.client, sshdefaults.SSH_CONFIG, "    "),
        ("/etc/ssh/sshd_config", entry.server, sshdefaults.SSHD_CONFIG, ""),
    ):
        if settings is not None:
            lines = _with_settings(default, settings, indent)
            seeded.append(FileState(path, True, lines, None, 0o644, "root", origin))
    for path, text, owner in entry.files:
        lines, eol = _to_lines(text, None)
        seeded.append(FileState(path, True, lines, None, 0o644, owner, origin, eol))
    if entry.host_keys == "none":
        seeded += [FileState(k, False, None, origin=origin) for k in sshdefaults.DEFAULT_HOST_KEYS]
    elif entry.host_keys is not None:
        mode = 0o644 if entry.host_keys == "readable" else 0o600
        seeded += [replace(k, mode=mode) for k in _host_keys(None, origin)]
    return tuple(seeded)


def _start_declared(base: str, glob: str, entry: DeclaredSsh) -> Files:
    """A stage FROM a declared base: its declared files known, everything else unknown (the
    declaration is not a whole file system, so nothing is taken as absent)."""
    observer = Files(base, "declared")
    observer.files = {s.path: s for s in _declared_files(glob, entry)}
    observer.user = observer.start_user = None if entry.user is None else (entry.user or "root")
    observer.shell = "dash" if entry.os == "debian" else None
    observer.entrypoint = entry.entrypoint or None
    observer.entrypoint_known = entry.entrypoint is not None
    for package, declared in (
        ("openssh-client", entry.client),
        ("openssh-server", entry.server),
    ):
        if declared is not None:
            observer.installs[package] = None
    return observer


# -- echo and printf ------------------------------------------------------------------------

_C_ESCAPES = {"n": "\n", "t": "\t", "\\": "\\", "a": "\a", "r": "\r", "v": "\v", "f": "\f"}


def _escapes(text: str) -> str | None:
    """Backslash escapes as ``echo -e``/dash's echo/printf read them; None for forms not
    followed (octal, hex, ``\\c``)."""
    if "\\" not in text:
        return text
    if any(m.group(1) in _UNFOLLOWED_ESCAPES for m in _ESCAPE.finditer(text)):
        return None
    # A backslash before any other character stays, and so does a trailing one.
    return _ESCAPE.sub(lambda m: _C_ESCAPES.get(m.group(1), m.group()), text)


# A backslash and the character after it, read left to right as the shell does.
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_UNFOLLOWED_ESCAPES = frozenset("0123456789xcuUe")


_ECHO_OPTION = re.compile(r"-[neE]+")


def echo_output(args: Sequence[str | None], shell: str | None) -> str | None:
    """What ``echo`` prints; ``shell`` is ``bash``, ``dash`` or None (not known)."""
    if None in args:
        return None
    words = [a for a in args if a is not None]
    newline, interpret = True, shell == "dash"
    if shell == "bash":
        while words and _ECHO_OPTION.fullmatch(words[0]):
            newline = newline and "n" not in words[0]
            for letter in words[0][1:]:
                interpret = letter == "e" if letter in "eE" else interpret
            words = words[1:]
    elif shell == "dash":
        if words and words[0] == "-n":
            newline, words = False, words[1:]
    elif words and _ECHO_OPTION.fullmatch(words[0]):
        return None  # bash takes it as an option, dash prints it: cannot tell
    text = " ".join(words)
    if interpret:
        decoded = _escapes(text)
        if decoded is None:
            return None
        text = decoded
    elif shell is None and "\\" in text:
        return None
    return text + ("\n" if newline else "")


def printf_output(args: Sequence[str | None]) -> str | None:
    """What ``printf FORMAT ARGS`` prints, for formats made of text, escapes, ``%s`` and ``%%``."""
    if not args or None in args:
        return None
    words = [a for a in args if a is not None]
    form, values = words[0], words[1:]
    pieces = re.split(r"(%%|%s|%)", form)
    if "%" in pieces:
        return None  # another conversion
    slots = pieces.count("%s")
    out: list[str] = []
    rounds = max(1, -(-len(values) // slots)) if slots else 1
    index = 0
    for _ in range(rounds):
        for piece in pieces:
            if piece == "%s":
                out.append(values[index] if index < len(values) else "")
                index += 1
            elif piece == "%%":
                out.append("%")
            else:
                decoded = _escapes(piece)
                if decoded is None:
                    return None
                out.append(decoded)
    return "".join(out)


def _to_lines(text: str, span: Span | None) -> tuple[tuple[Line, ...], bool]:
    if text == "":
        return (), True
    eol = text.endswith("\n")
    body = text[:-1] if eol else text
    return tuple(Line(t, span) for t in body.split("\n")), eol


# -- the observer ---------------------------------------------------------------------------

_READERS = frozenset(
    {
        "cat",
        "grep",
        "egrep",
        "fgrep",
        "head",
        "tail",
        "ls",
        "stat",
        "test",
        "[",
        "diff",
        "cmp",
        "wc",
        "file",
        "sshd",
        "ssh",
        "echo",
        "printf",
        "true",
        "false",
        "which",
        "type",
        "command",
        "id",
        "whoami",
        "getent",
        "readlink",
        "realpath",
        "dirname",
        "basename",
        "md5sum",
        "sha256sum",
        "setcap",
        "getcap",
        "cd",
        "export",
        "set",
        "useradd",
        "adduser",
        "groupadd",
        "usermod",
        "passwd",
        "chpasswd",
        "apt-get",
        "apt",
        "aptitude",
        "yum",
        "dnf",
        "microdnf",
        "apk",
        "zypper",
        "pip",
        "pip3",
        "conda",
        "mamba",
        "make",
        "cmake",
        "ldconfig",
    }
)
_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})
_WRITES = frozenset({">", ">>", ">|", "&>", "&>>", "1>", "1>>"})
_PATH_TOKEN = re.compile(r"(?<![\w.~$-])/[\w.@%+~:,/*?-]*")
_PACKAGE_END = re.compile(r"[=:]")
_INSTALL_VERBS = frozenset({"install", "add", "reinstall"})
_REMOVE_VERBS = frozenset({"remove", "purge", "del", "erase"})
_PACKAGE_MANAGERS = {
    "apt-get": "apt",
    "apt": "apt",
    "aptitude": "apt",
    "yum": "rpm",
    "dnf": "rpm",
    "microdnf": "rpm",
    "zypper": "rpm",
    "apk": "apk",
}
_CLIENT_PACKAGES = frozenset({"openssh-client", "ssh-client", "ssh", "openssh-server", "openssh"})
_SERVER_PACKAGES = frozenset({"openssh-server", "ssh", "openssh"})


# The instructions ``Files.on_instruction`` reads (``kinds.instructions_read``).
INSTRUCTIONS = frozenset({"COPY", "ADD", "WORKDIR", "USER", "SHELL", "ENTRYPOINT"})


class Files(MutableRecord):
    """The per-stage observer: mutable while its stage is read, frozen by ``facts()``."""

    base: str | None
    kind: str | None
    files: dict[str, FileState] = field(default_factory=dict)
    clean: bool = False
    unknown_under: set[str] = field(default_factory=set)
    dirs: dict[str, Span | None] = field(default_factory=dict)
    dirs_complete: bool = False
    touched: set[str] = field(default_factory=set)
    installs: dict[str, Span | None] = field(default_factory=dict)
    user: str | None = None
    start_user: str | None = None
    workdir: str | None = "/"
    shell: str | None = None
    entrypoint: tuple[str, ...] | None = None
    entrypoint_known: bool = False
    # Per RUN: its working directory after ``cd``, and the last output nobody captured (for
    # ``echo … | tee FILE``); keyed by the RUN's span.
    run: Span | None = None
    cwd: str | None = "/"
    stdout: str | None = None

    # -- StageObserver --------------------------------------------------------------------

    def fork(self) -> StageObserver:
        return replace(
            self,
            files=dict(self.files),
            unknown_under=set(self.unknown_under),
            dirs=dict(self.dirs),
            touched=set(self.touched),
            installs=dict(self.installs),
            start_user=self.user,
        )

    def on_instruction(self, instruction: Instruction, donor: StageObserver | None) -> None:
        cmd = instruction.cmd
        if cmd in ("COPY", "ADD"):
            self.copy(instruction, donor if isinstance(donor, Files) else None)
        elif cmd == "WORKDIR" and instruction.words:
            self.workdir = self.resolve(instruction.words[0], self.workdir)
        elif cmd == "USER" and instruction.words:
            written = instruction.words[0]
            self.user = None if "$" in written else written.partition(":")[0]
        elif cmd == "SHELL" and instruction.words:
            name = posixpath.basename(instruction.words[0])
            self.shell = "bash" if name == "bash" else "dash" if name == "dash" else None
        elif cmd == "ENTRYPOINT":
            words = instruction.words
            self.entrypoint = tuple(words) if words and any(w for w in words) else None
            self.entrypoint_known = all("$" not in w for w in words)

    def on_command(
        self, words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
    ) -> None:
        whole = site.whole
        if whole is not self.run and whole != self.run:
            self.run, self.cwd, self.stdout = whole, self.workdir, None
        texts = [w.text for w in words]
        if texts and texts[0] in _PREFIXES:
            texts = _strip_sudo(texts)
        if site.conditional:
            self.stdout = None
            self.conditional(texts, redirects)
            return
        where = _Where(words, redirects, site)
        output = self.command(texts, redirects, site, where)
        self.stdout = None
        if not redirects:
            self.stdout = output
            return
        targets = [(op, t.text) for op, t in redirects if op in _WRITES or op.endswith(">")]
        if not targets:
            self.stdout = output
            return
        for op, target in targets:
            self.redirect(op, target, output, where.span)

    # -- facts ------------------------------------------------------------------------------

    def facts(self) -> FileFacts:
        return FileFacts(
            files=dict(self.files),
            clean=self.clean,
            unknown_under=frozenset(self.unknown_under),
            dirs=dict(self.dirs),
            dirs_complete=self.dirs_complete,
            touched=frozenset(self.touched),
            installs=dict(self.installs),
            base=self.base,
            base_note="inferred" if self.kind == "horovod" else "",
            user=self.user,
            entrypoint=self.entrypoint,
            entrypoint_known=self.entrypoint_known,
            start_user=self.start_user,
        )

    # -- state helpers ----------------------------------------------------------------------

    def state(self, path: str) -> FileState:
        found = self.files.get(path)
        return found if found is not None else _untracked(path, self.clean, self.unknown_under)

    def unknown(self, path: str, span: Span | None) -> None:
        self.files[path] = FileState(path, None, None, span, origin="unfollowed")

    def unknown_tree(self, folder: str) -> None:
        """Anything under ``folder`` may have been written (``/``: anything at all)."""
        folder = _norm(folder)
        self.unknown_under.add(folder)
        for path in list(self.files):
            if _under(path, folder):
                self.unknown(path, self.files[path].span)
        if _under("/run/sshd", folder) or folder == "/":
            self.dirs_complete = False

    def resolve(self, text: str | None, cwd: str | None) -> str | None:
        if text is None or text == "" or "$" in text or "`" in text:
            return None
        if text == "~" or text.startswith("~/"):
            if self.user not in ("root", "0"):
                return None
            text = "/root" + text[1:]
        if text.startswith("~"):
            return None
        if not text.startswith("/"):
            if cwd is None:
                return None
            text = posixpath.join(cwd, text)
        return _norm(text)

    def path(self, text: str | None) -> str | None:
        return self.resolve(text, self.cwd)

    def write(self, path: str, text: str | None, append: bool, span: Span) -> None:
        if text is None:
            self.unknown(path, span)
            return
        lines, eol = _to_lines(text, span)
        old = self.state(path)
        if append and old.exists is not False:
            if old.lines is None or old.exists is None:
                self.unknown(path, span)
                return
            merged = tuple(old.lines)
            if lines and merged and not old.eol:
                merged = (*merged[:-1], Line(merged[-1].text + lines[0].text, span))
                lines = lines[1:]
            self.files[path] = _edited(
                old, lines=merged + lines, eol=eol if (lines or text) else old.eol
            )
            return
        mode, owner = (old.mode, old.owner) if old.exists is True else (0o644, self.user)
        self.files[path] = FileState(path, True, lines, span, mode, owner, "shell", eol)

    # -- commands ---------------------------------------------------------------------------

    def conditional(self, texts: list[str | None], redirects: Sequence[tuple[str, Arg]]) -> None:
        """A command under if/for/while may or may not run: what it would write is unknown."""
        for op, target in redirects:
            if op in _WRITES or op.endswith(">"):
                path = self.path(target.text)
                if path is None:
                    self.unknown_tree("/")
                else:
                    self.unknown(path, None)
        if texts and texts[0] is not None and _basename(texts[0]) in _READERS:
            if _basename(texts[0]) in _PACKAGE_MANAGERS:
                self.install(texts, None, certain=False)
            return
        self.mentions(texts, None)

    def command(
        self,
        texts: list[str | None],
        redirects: Sequence[tuple[str, Arg]],
        site: RunSite,
        where: _Where,
    ) -> str | None:
        """Apply one command; return what it prints on stdout when that is known."""
        if not texts:
            return "" if not redirects else self.heredoc_output(redirects, site, "")
        program = texts[0]
        if program is None:
            self.unknown_tree("/")  # a program only known at run time may do anything
            return None
        name = _basename(program)
        args = texts[1:]
        handler = _HANDLERS.get(name)
        if handler is not None:
            return handler(self, args, redirects, site, where)
        if name in _PACKAGE_MANAGERS:
            self.install(texts, where, certain=True)
            return None
        if name.endswith(".sh") or (name in _SHELLS and args) or name in ("source", "."):
            self.unknown_tree("/")  # a script may write any file
            return None
        if name in _READERS:
            return None
        self.mentions(texts, where)
        return None

    def mentions(self, texts: Sequence[str | None], where: _Where | None) -> None:
        """A command the model does not follow: every ssh file or tracked path it names (also
        inside a string, as in ``python -c "open('/etc/ssh/sshd_config', 'w')"``) is unknown."""
        for text in texts[1:] if texts else ():
            if text is None or "/" not in text:
                continue  # a path token starts with "/"
            for token in _PATH_TOKEN.findall(text):
                self.mentioned(_norm(token.rstrip(",:")), where)

    def mentioned(self, token: str, where: _Where | None) -> None:
        if any(ch in token for ch in "*?"):
            folder = posixpath.dirname(token)
            if relevant(folder + "/x") or any(_under(p, folder) for p in self.files):
                self.unknown_tree(folder)
            return
        if relevant(token) or token in self.files:
            self.unknown(token, _span_of(where))
        if any(_under(p, token) for p in self.files) or "/etc/ssh/x".startswith(
            token.rstrip("/") + "/"
        ):
            self.unknown_tree(token)
        if _run_alias(token) in ("/run/sshd", "/run", "/"):
            self.dirs_complete = False

    def install(self, texts: Sequence[str | None], where: _Where | None, certain: bool) -> None:
        program = _basename(texts[0] or "")
        family = _PACKAGE_MANAGERS.get(program)
        args = list(texts[1:])
        verbs = ("install", "add", "reinstall")
        if _INSTALL_VERBS.isdisjoint(args):
            if not _REMOVE_VERBS.isdisjoint(args):
                for path in ("/etc/ssh/ssh_config", "/etc/ssh/sshd_config"):
                    self.unknown(path, _span_of(where))
            return
        if all(a is not None and "ssh" not in a for a in args):
            return  # no package name can be OpenSSH's, and none is unknown
        start = next(i for i, a in enumerate(args) if a in verbs) + 1
        packages = [a for a in args[start:] if a is None or not a.startswith("-")]
        names = {_PACKAGE_END.split(p, maxsplit=1)[0] for p in packages if p is not None}
        vague = any(p is None for p in packages)
        client = bool(names & _CLIENT_PACKAGES) or any(n.startswith("openssh") for n in names)
        server = bool(names & _SERVER_PACKAGES) or "openssh-server" in names
        if not (client or server or vague):
            return
        span = _span_of(where)
        if not certain or vague or family != "apt" or self.kind not in ("debian", None):
            for path in ("/etc/ssh/ssh_config", "/etc/ssh/sshd_config"):
                if not self.state(path).known or self.state(path).exists is False:
                    self.files[path] = FileState(path, None, None, span, origin=program)
            return
        if client:
            self.installs.setdefault("openssh-client", span)
            self.package_file("/etc/ssh/ssh_config", sshdefaults.SSH_CONFIG, span)
        if server:
            self.installs.setdefault("openssh-server", span)
            self.package_file("/etc/ssh/sshd_config", sshdefaults.SSHD_CONFIG, span)
            for key in _host_keys(span, "openssh-server"):
                if self.state(key.path).exists is not True:
                    self.files[key.path] = key

    def package_file(self, path: str, text: str, span: Span | None) -> None:
        """A conffile: installed when absent, kept as it is when present."""
        if self.state(path).exists is False:
            lines = _default_lines(text)
            self.files[path] = FileState(path, True, lines, span, 0o644, "root", "package")

    def heredoc_output(
        self, redirects: Sequence[tuple[str, Arg]], site: RunSite, default: str | None
    ) -> str | None:
        for op, target in redirects:
            if op in ("<<", "<<-"):
                body = site.heredocs.get(target.text or "")
                if body is None or "$" in body or "`" in body or "\\" in body:
                    return None  # unquoted delimiters expand; the quoting is not visible here
                if op == "<<-":
                    body = "\n".join(line.lstrip("\t") for line in body.split("\n"))
                return body
            if op == "<<<":
                return None if target.text is None else target.text + "\n"
            if op == "<":
                path = self.path(target.text)
                return self.state(path).text if path is not None else None
        return default

    def redirect(self, op: str, target: str | None, output: str | None, span: Span) -> None:
        if op.startswith("2") or op.startswith(("3", "4", "5", "6", "7", "8", "9")):
            path = self.path(target)
            if path is not None and (relevant(path) or path in self.files):
                self.unknown(path, span)  # errors written into a config file
            return
        path = self.path(target)
        if path is None:
            if target is None or not target.startswith("/dev/"):
                self.unknown_tree("/")
            return
        if path.startswith("/dev/"):
            return
        self.write(path, output, op in (">>", "&>>", "1>>"), span)

    def keys(self, path: str, span: Span) -> None:
        for name in (path, path + ".pub"):
            self.files[name] = FileState(name, True, None, span, 0o600, self.user, "ssh-keygen")
        self.files[path + ".pub"] = replace(self.files[path + ".pub"], mode=0o644)

    def copy(self, instruction: Instruction, donor: Files | None) -> None:
        words = [w for w in instruction.words]
        flags = dict(f.partition("=")[::2] for f in instruction.flags)
        if len(words) < 2:
            return
        *sources, dest_text = words
        dest = self.resolve(dest_text, self.workdir)
        span = instruction.span
        if dest is None:
            if any(relevant(s) for s in sources) or dest_text.endswith(("/", ".")):
                self.unknown_tree("/")
            return
        into_dir = dest_text.endswith("/") or len(sources) > 1 or dest in self.dirs
        mode = _octal(flags.get("--chmod"))
        owner = flags.get("--chown", "").partition(":")[0] or "root"
        placed: list[tuple[str, FileState]] = []
        if "--from" in flags:
            placed = self.from_stage(sources, dest, into_dir, donor, span)
        else:
            placed = self.from_context(instruction, sources, dest, into_dir, span)
        for path, state in placed:
            self.files[path] = replace(
                state,
                path=path,
                span=span if state.exists is not False else state.span,
                mode=mode if mode is not None else state.mode,
                owner=owner if "--chown" in flags or state.owner is None else state.owner,
            )

    def from_stage(
        self,
        sources: Sequence[str],
        dest: str,
        into_dir: bool,
        donor: Files | None,
        span: Span,
    ) -> list[tuple[str, FileState]]:
        placed: list[tuple[str, FileState]] = []
        for source in sources:
            src = _norm(source if source.startswith("/") else "/" + source)
            if donor is None:
                if relevant(dest) or "/etc/ssh/x".startswith(dest.rstrip("/") + "/"):
                    self.unknown_tree(dest)
                continue
            tracked = [p for p in donor.files if _under(p, src) and p != src]
            if src in donor.files or not tracked:
                target = posixpath.join(dest, posixpath.basename(src)) if into_dir else dest
                state = donor.state(src)
                if state.exists is not False or relevant(target):
                    placed.append((target, state))
                continue
            for path in tracked:
                placed.append(
                    (posixpath.join(dest, posixpath.relpath(path, src)), donor.files[path])
                )
            if not donor.clean or _under_any(src, donor.unknown_under):
                self.unknown_tree(dest)
        return placed

    def from_context(
        self,
        instruction: Instruction,
        sources: Sequence[str],
        dest: str,
        into_dir: bool,
        span: Span,
    ) -> list[tuple[str, FileState]]:
        placed: list[tuple[str, FileState]] = []
        heredocs = dict(instruction.heredocs)
        for source in sources:
            if source.startswith("<<"):
                body = heredocs.get(source.lstrip("<-").strip("'\""))
                if body is None:
                    self.unknown(dest, span)
                    continue
                lines, eol = _to_lines(body, span)
                placed.append(
                    (dest, FileState(dest, True, lines, span, 0o644, "root", "copy", eol))
                )
                continue
            if "://" in source or (instruction.cmd == "ADD" and _archive(source)):
                if relevant(dest) or into_dir:
                    self.unknown_tree(dest) if into_dir else self.unknown(dest, span)
                continue
            placed += self.context_files(instruction.context_dir, source, dest, into_dir, span)
        return placed

    def context_files(
        self, context: str, source: str, dest: str, into_dir: bool, span: Span
    ) -> list[tuple[str, FileState]]:
        pattern = os.path.join(context, source.lstrip("/"))
        matches = [pattern]
        if any(c in source for c in "*?["):
            import glob  # only for a wildcard COPY source

            matches = sorted(glob.glob(pattern))
        found = [m for m in matches if os.path.exists(m)]
        if not found:
            if into_dir:
                target = posixpath.join(dest, posixpath.basename(source))
                if relevant(target) or any(c in source for c in "*?["):
                    self.unknown_tree(dest) if "*" in source else self.unknown(target, span)
            elif relevant(dest):
                self.unknown(dest, span)
            return []
        placed: list[tuple[str, FileState]] = []
        for match in found:
            if os.path.isdir(match):
                placed += self.context_tree(match, dest, span)
                continue
            target = (
                posixpath.join(dest, os.path.basename(match))
                if into_dir or len(found) > 1
                else dest
            )
            if relevant(target):
                placed.append((target, _read_context_file(match, target, span)))
        return placed

    def context_tree(self, folder: str, dest: str, span: Span) -> list[tuple[str, FileState]]:
        placed: list[tuple[str, FileState]] = []
        count = 0
        for root, _dirs, names in os.walk(folder):
            for name in names:
                count += 1
                if count > 500:
                    self.unknown_tree(dest)
                    return placed
                local = os.path.join(root, name)
                rel = os.path.relpath(local, folder).replace(os.sep, "/")
                target = _norm(posixpath.join(dest, rel))
                if relevant(target):
                    placed.append((target, _read_context_file(local, target, span)))
        return placed


def _read_context_file(local: str, target: str, span: Span) -> FileState:
    try:
        with open(local, "rb") as handle:
            data = handle.read(1_000_001)
        text = data.decode("utf-8") if len(data) <= 1_000_000 else None
    except (OSError, UnicodeDecodeError):
        text = None
    if text is None:
        return FileState(target, True, None, span, None, None, "copy")
    lines, eol = _to_lines(text.replace("\r\n", "\n"), span)
    return FileState(target, True, lines, span, 0o644, "root", "copy", eol)


def _archive(source: str) -> bool:
    return bool(re.search(r"\.(tar|tgz|tar\.\w+|txz|tbz2?)$", source))


def _octal(text: str | None) -> int | None:
    if text is None or not re.fullmatch(r"[0-7]{3,4}", text):
        return None
    return int(text, 8)


# The words ``_strip_sudo`` removes in front of a program.
_PREFIXES = frozenset({"sudo", "exec", "nohup", "command"})


def _strip_sudo(texts: list[str | None]) -> list[str | None]:
    while texts and texts[0] in _PREFIXES:
        texts = texts[1:]
        while texts and texts[0] is not None and texts[0].startswith("-"):
            texts = texts[1:]
    return texts


def _command_span(
    words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
) -> Span:
    args = [*words, *[t for _, t in redirects]] if redirects else words
    if not args:
        return site.whole
    starts = [a.start for a in args]
    if min(starts) < 0:
        return site.whole
    return site.span(min(starts), max([a.end for a in args]))


# -- command handlers -----------------------------------------------------------------------


class _Where:
    """Where one command is written.  Most commands write nothing, so the span is worked out
    only when a handler records it."""

    __slots__ = ("_span", "redirects", "site", "words")

    def __init__(
        self, words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
    ) -> None:
        self.words = words
        self.redirects = redirects
        self.site = site
        self._span: Span | None = None

    @property
    def span(self) -> Span:
        if self._span is None:
            self._span = _command_span(self.words, self.redirects, self.site)
        return self._span


def _span_of(where: _Where | None) -> Span | None:
    return where.span if where is not None else None


Handler = Callable[
    [Files, list["str | None"], Sequence[tuple[str, Arg]], RunSite, _Where], "str | None"
]


def _h_echo(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    return echo_output(args, obs.shell)


def _h_printf(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    return printf_output(args)


def _h_cat(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    files = [a for a in args if a != "-"]
    if not files:
        return obs.heredoc_output(redirects, site, None)
    if any(a is None or a.startswith("-") for a in files):
        return None
    texts = [obs.state(p).text if (p := obs.path(a)) is not None else None for a in files]
    return None if any(t is None for t in texts) else "".join(t for t in texts if t)


def _h_tee(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    append = False
    targets: list[str | None] = []
    for arg in args:
        if arg in ("-a", "--append"):
            append = True
        elif arg is not None and arg.startswith("-"):
            continue
        else:
            targets.append(arg)
    source = obs.heredoc_output(redirects, site, obs.stdout)
    for target in targets:
        path = obs.path(target)
        if path is None:
            obs.unknown_tree("/")
        elif not path.startswith("/dev/"):
            obs.write(path, source, append, where.span)
    return source


def _h_cd(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    obs.cwd = obs.path(args[0]) if args else None
    return None


def _h_mkdir(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("-m", "--mode"):
            skip = True
            continue
        if arg is not None and arg.startswith("-"):
            continue
        path = obs.path(arg)
        if path is None:
            obs.dirs_complete = False
            continue
        while path not in ("/", ""):
            folder = _run_alias(path)
            if folder not in obs.dirs:
                obs.dirs[folder] = where.span
            path = _dirname(path)
    return None


def _h_rm(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    for arg in args:
        if arg is not None and arg.startswith("-"):
            continue
        path = obs.path(arg)
        if path is None:
            if arg is None or "ssh" in arg:
                obs.unknown_tree("/")
            continue
        for tracked in _named(obs.files, path, below=True):
            obs.files[tracked] = FileState(tracked, False, None, where.span, origin="removed")
        if _GLOB_CHARS.search(path) is None:
            obs.files[path] = FileState(path, False, None, where.span, origin="removed")
        if _run_alias(path) in obs.dirs:
            del obs.dirs[_run_alias(path)]
    return None


def _operands(args: list[str | None]) -> tuple[list[str | None], set[str]]:
    options: set[str] = set()
    operands: list[str | None] = []
    for arg in args:
        if arg is not None and arg.startswith("-") and arg != "-":
            options.update(arg[1:] if not arg.startswith("--") else {arg})
        else:
            operands.append(arg)
    return operands, options


def _h_mv_cp(move: bool) -> Handler:
    def handle(
        obs: Files,
        args: list[str | None],
        redirects: Sequence[tuple[str, Arg]],
        site: RunSite,
        where: _Where,
    ) -> str | None:
        operands, options = _operands(args)
        if len(operands) < 2:
            return None
        *sources, dest_text = operands
        dest = obs.path(dest_text)
        if dest is None:
            obs.unknown_tree("/")
            return None
        into = len(sources) > 1 or (dest_text or "").endswith("/") or dest in obs.dirs
        for source in sources:
            src = obs.path(source)
            if src is None or _GLOB_CHARS.search(src) is not None:
                obs.unknown_tree(dest)
                continue
            target = posixpath.join(dest, posixpath.basename(src)) if into else dest
            tracked = [p for p in obs.files if _under(p, src) and p != src]
            if tracked:
                for path in tracked:
                    moved = _norm(posixpath.join(target, posixpath.relpath(path, src)))
                    obs.files[moved] = replace(obs.files[path], path=moved, span=where.span)
                    if move:
                        obs.files[path] = FileState(path, False, None, where.span, origin="moved")
                continue
            state = obs.state(src)
            keep = move or bool(options & {"a", "p", "--preserve", "--archive"})
            obs.files[target] = replace(
                state,
                path=target,
                span=where.span,
                owner=state.owner if keep else obs.user,
            )
            if move and state.exists is not False:
                obs.files[src] = FileState(src, False, None, where.span, origin="moved")
        return None

    return handle


def _h_ln(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    operands, _ = _operands(args)
    if not operands:
        return None
    link = obs.path(operands[-1]) if len(operands) > 1 else None
    if link is None:
        obs.mentions(["ln", *operands], where)
        return None
    if relevant(link) or link in obs.files or "/etc/ssh/x".startswith(link.rstrip("/") + "/"):
        obs.unknown(link, where.span)  # a link: what it points at is not followed
    return None


def _h_chmod_chown(owner: bool) -> Handler:
    def handle(
        obs: Files,
        args: list[str | None],
        redirects: Sequence[tuple[str, Arg]],
        site: RunSite,
        where: _Where,
    ) -> str | None:
        operands, options = _operands(args)
        if len(operands) < 2:
            return None
        value, *paths = operands
        recursive = bool(options & {"R", "--recursive"})
        for text in paths:
            path = obs.path(text)
            if path is None:
                continue
            obs.touched.add(_run_alias(path))
            for tracked in _named(obs.files, path, below=recursive):
                if obs.files[tracked].exists is False:
                    continue
                state = obs.files[tracked]
                if owner:
                    who = None if value is None else value.partition(":")[0] or state.owner
                    obs.files[tracked] = _edited(state, owner=who)
                else:
                    obs.files[tracked] = _edited(state, mode=_octal(value))
        return None

    return handle


def _h_sed(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    expressions: list[str] = []
    files: list[str | None] = []
    in_place, extended, broken = False, False, False
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg is None:
            broken = True
            files.append(None)
            continue
        if arg in ("-e", "--expression") and i < len(args):
            value = args[i]
            i += 1
            if value is None:
                broken = True
            else:
                expressions.append(value)
        elif arg.startswith("--expression="):
            expressions.append(arg.partition("=")[2])
        elif arg.startswith("-i") or arg.startswith("--in-place"):
            in_place = True
        elif arg in ("-E", "-r", "--regexp-extended"):
            extended = True
        elif arg in ("--posix", "--follow-symlinks", "-s", "--separate", "-u", "--unbuffered"):
            continue
        elif arg.startswith("-") and len(arg) > 1:
            letters = arg[1:]
            if re.fullmatch(r"[Ers]+", letters):
                extended = extended or "E" in letters or "r" in letters
            elif re.fullmatch(r"[Ersi]+.*", letters) and "i" in letters:
                in_place = True
                extended = extended or "E" in letters.split("i")[0] or "r" in letters.split("i")[0]
            else:
                broken = True  # -n, -f, -z …: not followed
        else:
            files.append(arg)
    if not expressions and files:
        expressions.append(files.pop(0) or "")
    try:
        if broken:
            raise SedError("option not followed")
        commands = parse_sed(expressions, extended)
    except SedError:
        commands = ()
    paths = [obs.path(f) for f in files]
    if not in_place:
        if not commands or not paths:
            return None  # sed reading stdin, or a script not followed
        texts = [obs.state(p).lines if p is not None else None for p in paths]
        if any(t is None for t in texts):
            return None
        result: list[str] = []
        for lines in texts:
            result += [line.text for line in run_sed(commands, lines or (), where.span)]
        return "".join(t + "\n" for t in result)
    for path in paths:
        if path is None:
            obs.unknown_tree("/")
            continue
        state = obs.state(path)
        if state.exists is False:
            continue  # sed fails on a missing file; the build stops
        if not commands or state.lines is None or state.exists is None:
            obs.unknown(path, where.span)
            continue
        obs.files[path] = _edited(state, lines=run_sed(commands, state.lines, where.span))
    return None


def _h_ssh_keygen(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    if "-A" in args:
        for key in _host_keys(where.span, "ssh-keygen -A", obs.user):
            if obs.state(key.path).exists is not True:
                obs.files[key.path] = key
        return None
    if "-f" in args:
        index = args.index("-f") + 1
        path = obs.path(args[index]) if index < len(args) else None
        if path is None:
            obs.unknown_tree("/etc/ssh")
        elif any(a in ("-t", "-b", "-N", "-q", "-C") for a in args) and "-y" not in args:
            obs.keys(path, where.span)
    return None


def _h_touch(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    for arg in args:
        if arg is not None and arg.startswith("-"):
            continue
        path = obs.path(arg)
        if path is None:
            continue
        if obs.state(path).exists is False:
            obs.files[path] = FileState(path, True, (), where.span, 0o644, obs.user, "touch")
    return None


def _h_service(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    if args and args[0] in ("ssh", "sshd") and "/run/sshd" not in obs.dirs:
        obs.dirs["/run/sshd"] = where.span  # the init script creates it
    return None


def _h_dpkg_reconfigure(
    obs: Files,
    args: list[str | None],
    redirects: Sequence[tuple[str, Arg]],
    site: RunSite,
    where: _Where,
) -> str | None:
    if any(a is None or "openssh" in a for a in args):
        obs.unknown("/etc/ssh/sshd_config", where.span)
    return None


_HANDLERS: dict[str, Handler] = {
    "echo": _h_echo,
    "printf": _h_printf,
    "cat": _h_cat,
    "tee": _h_tee,
    "cd": _h_cd,
    "mkdir": _h_mkdir,
    "rm": _h_rm,
    "mv": _h_mv_cp(move=True),
    "cp": _h_mv_cp(move=False),
    "ln": _h_ln,
    "chmod": _h_chmod_chown(owner=False),
    "chown": _h_chmod_chown(owner=True),
    "sed": _h_sed,
    "ssh-keygen": _h_ssh_keygen,
    "touch": _h_touch,
    "service": _h_service,
    "dpkg-reconfigure": _h_dpkg_reconfigure,
}


# -- start ----------------------------------------------------------------------------------


def start(base: str | None, bases: Declared = NO_DECLARED) -> StageObserver:
    """The observer of a stage built FROM ``base``, seeded with what that image holds: a
    ``base-images`` declaration first, then the built-in tables."""
    declared = _declared(base, bases.ssh)
    if base is not None and declared is not None:
        return _start_declared(base, *declared)
    kind = _base_kind(base)
    observer = Files(base, kind)
    if kind is None:
        return observer  # unknown image: every file and the user unknown
    observer.clean = True
    observer.dirs_complete = True
    observer.user = observer.start_user = "root"
    observer.shell = "dash" if kind in ("debian", "mpioperator", "horovod") else None
    observer.entrypoint_known = True
    seeded: tuple[FileState, ...] = ()
    if kind == "mpioperator":
        seeded = _mpioperator_files()
        if base is not None and _matches(
            split_image(base).repository, sshdefaults.MPIOPERATOR_ENTRYPOINT_BASES
        ):
            observer.entrypoint = ("/entrypoint.sh",)
    elif kind == "horovod":
        seeded = _horovod_files()
    if seeded:
        observer.files = {s.path: s for s in seeded}
        observer.dirs = {"/run/sshd": None}
        observer.installs = {"openssh-client": None, "openssh-server": None}
    return observer


def iter_lines(state: FileState) -> Iterator[tuple[int, Line]]:
    """Numbered lines of a known file (1-based), for messages."""
    yield from enumerate(state.lines or (), start=1)
