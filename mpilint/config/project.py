"""The configuration file: ``[tool.mpilint]`` in ``pyproject.toml`` or ``.mpilint.yaml``.

Found by walking up from each checked file, the closest winning (in one folder ``.mpilint.yaml``
before ``pyproject.toml``), as ruff and yamllint do, so a monorepo can give one folder its own
rules. A file is validated against ``schemas/config.schema.json`` with the same node validator
the MPIJob schemas use, so every mistake comes back as ``file:line:column: what is wrong``: a
config that silently does nothing is worse than none. TOML has no node positions, so its values
are turned into YAML nodes placed on the line of their key.

Precedence is command line over configuration over defaults; ``Project`` applies it per file.
"""

from __future__ import annotations

import functools
import os
import posixpath
import re
import sys
from collections.abc import Mapping, Sequence

import yaml

from mpilint.config.selection import Selection, SelectorError
from mpilint.core.findings import Finding, Severity
from mpilint.core.lazyre import lazy
from mpilint.core.paths import shown
from mpilint.core.records import MutableRecord, Record, field
from mpilint.inputs.ignore import Ignore, compile_lines, ignored
from mpilint.sources.kubevalues import kube_bool, kube_int
from mpilint.sources.releases import Target, UnknownRelease, resolve
from mpilint.sources.schemacheck import Problem, validate
from mpilint.sources.yamlsource import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    pairs,
    span_of,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any

    from mpilint.config.options import CheckOptions
    from mpilint.inputs.files import InputFile
    from mpilint.models.image.basefacts import BaseSoftware
    from mpilint.models.image.bases import BaseUser, KnownBase
    from mpilint.models.image.declared import Declared
    from mpilint.models.image.files import DeclaredSsh

NAMES = (".mpilint.yaml", ".mpilint.yml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration mistake, positioned: a usage error (exit 2), never a guess."""

    def __init__(self, file: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{file}:{line}:{column}: {message}")
        self.file, self.line, self.column, self.message = file, line, column, message


class BaseImage(Record):
    """One ``base-images`` entry in the form of the built-in tables."""

    users: KnownBase
    software: BaseSoftware
    ssh: DeclaredSsh


class Config(Record):
    """One configuration file's settings; ``select`` None means "not set here"."""

    path: str | None = None
    folder: str = ""
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[Ignore, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: str | None = None
    exclude: tuple[Ignore, ...] = ()  # one list (its globs in order), or none
    images: tuple[tuple[str, str], ...] = ()  # (image glob, absolute Dockerfile path)
    base_images: tuple[tuple[str, BaseImage], ...] = ()
    target: Target = ()  # (operator, release) pairs, each release one mpilint has a CRD of
    baseline: str | None = None  # absolute path of the baseline file (``--baseline`` beats it)


class Overrides(Record):
    """What the command line says; each field set here beats the configuration."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    images: tuple[tuple[str, str], ...] = ()  # (image glob, absolute Dockerfile path)
    config: str | None = None
    isolated: bool = False
    target: Target = ()  # --target, each beating the configuration's release of that operator


# -- finding and reading ------------------------------------------------------------------


def find(
    folder: str,
    known: dict[str, str | None] | None = None,
    unsaved: Mapping[str, str] | None = None,
) -> str | None:
    """The closest configuration file at or above ``folder``; ``known`` keeps the answer for
    each folder looked at (a ``Project``'s, so it lasts one run: files come and go between
    runs of one process). ``unsaved``: absolute path → an editor's text of a configuration
    file, which stands for the disk's (it counts even before it is first saved)."""
    return _find(os.path.abspath(folder), {} if known is None else known, unsaved or {})


def _find(folder: str, known: dict[str, str | None], unsaved: Mapping[str, str]) -> str | None:
    if folder in known:
        return known[folder]
    found: str | None = None
    for name in NAMES:
        path = os.path.join(folder, name)
        text = unsaved.get(path) if unsaved else None
        if text is not None:
            if name != "pyproject.toml" or has_tool_table(text):
                found = path
                break
        elif os.path.isfile(path) and (name != "pyproject.toml" or _has_tool_table(path)):
            found = path
            break
    else:
        parent = os.path.dirname(folder)
        found = None if parent == folder else _find(parent, known, unsaved)
    known[folder] = found
    return found


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError):
        return False
    return has_tool_table(text)


def has_tool_table(text: str) -> bool:
    """Whether a ``pyproject.toml`` text configures mpilint (else it is no configuration)."""
    return re.search(r"^\s*\[\s*tool\s*\.\s*mpilint\s*[.\]]", text, re.MULTILINE) is not None


def load(path: str, text: str | None = None) -> Config:
    """Read and validate one configuration file (``text``: an editor's unsaved one, read
    instead of the disk's); ``ConfigError`` on any mistake. Not kept here: a ``Project``
    keeps what it loaded for its run."""
    if text is None:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(path, 1, 1, f"cannot read the configuration: {error}") from error
    root = _toml_root(path, text) if path.endswith(".toml") else _yaml_root(path, text)
    if root is None:
        return Config(path, os.path.dirname(os.path.abspath(path)))
    for problem in validate(root, _schema()):
        raise _problem_error(path, problem)
    return _read(path, root)


@functools.lru_cache(maxsize=1)  # the installed package's schema: a constant
def _schema() -> dict[str, Any]:
    import json

    from mpilint.core import packagedata

    text = packagedata.read_text("mpilint.schemas", "config.schema.json")
    data: dict[str, Any] = json.loads(text)
    return data


def _problem_error(path: str, problem: Problem) -> ConfigError:
    where = problem.anchor if problem.keyword == "additionalProperties" else problem.node
    span = span_of(where)
    name = ".".join(str(p) for p in problem.path) or "the configuration"
    message = f"{name}: {problem.detail}"
    if problem.suggestion:
        message += f" (did you mean {problem.suggestion!r}?)"
    return ConfigError(path, span.line, span.column, message)


def _yaml_root(path: str, text: str) -> Node | None:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        raise ConfigError(path, line, column, f"not valid YAML: {error}") from error
    if root is None:
        return None
    return root


def _toml_root(path: str, text: str) -> Node | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib  # type: ignore[import-not-found, no-redef, unused-ignore]
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = int(m.group(1)) if (m := re.search(r"line (\d+)", str(error))) else 1
        column = int(m.group(1)) if (m := re.search(r"column (\d+)", str(error))) else 1
        raise ConfigError(path, line, column, f"not valid TOML: {error}") from error
    table = data.get("tool", {}).get("mpilint")
    if table is None:
        return None
    return _to_node(table, ("tool", "mpilint"), _toml_key_lines(text))


_TOML_KEY = r'(?:"(?:[^"\\]|\\.)*"|\'[^\']*\'|[A-Za-z0-9_-]+)'
_TOML_DOTTED = lazy(rf"\s*({_TOML_KEY}(?:\s*\.\s*{_TOML_KEY})*)\s*")


def _toml_key_lines(text: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """Where each key path is written (1-based line and column): headers and ``key =`` lines.

    Enough for messages that point at the right line; values inside inline tables and
    multi-line arrays are placed on the line of the key that holds them.
    """
    found: dict[tuple[str, ...], tuple[int, int]] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"\s*\[\[?(.+?)\]\]?\s*(?:#.*)?$", line)
        if header and (keys := _split_key(header.group(1))) is not None:
            table = keys
            found.setdefault(table, (number, line.index("[") + 1))
            continue
        if "=" in line and (match := _TOML_DOTTED().match(line)) and line[match.end()] == "=":
            keys = _split_key(match.group(1))
            if keys is not None:
                column = len(line) - len(line.lstrip()) + 1
                found.setdefault((*table, *keys), (number, column))
    return found


def _split_key(text: str) -> tuple[str, ...] | None:
    parts = re.findall(rf"\s*({_TOML_KEY})\s*(?:\.|$)", text)
    if not parts:
        return None
    return tuple(p[1:-1] if p[:1] in "\"'" else p for p in parts)


def _to_node(
    value: object, path: tuple[str, ...], lines: dict[tuple[str, ...], tuple[int, int]]
) -> Node:
    line, column = next(
        (lines[path[:n]] for n in range(len(path), 0, -1) if path[:n] in lines), (1, 1)
    )
    mark = yaml.Mark("toml", 0, line - 1, column - 1, "", 0)
    end = yaml.Mark("toml", 0, line - 1, column, "", 0)
    if isinstance(value, dict):
        items = [
            (_scalar(str(k), "str", mark, end), _to_node(v, (*path, str(k)), lines))
            for k, v in value.items()
        ]
        return MappingNode("tag:yaml.org,2002:map", items, mark, end)
    if isinstance(value, list):
        return SequenceNode(
            "tag:yaml.org,2002:seq", [_to_node(v, path, lines) for v in value], mark, end
        )
    if isinstance(value, bool):
        return _scalar("true" if value else "false", "bool", mark, end)
    if isinstance(value, int):
        return _scalar(str(value), "int", mark, end)
    if isinstance(value, float):  # YAML's spelling of what TOML writes inf and nan
        text = {"inf": ".inf", "-inf": "-.inf", "nan": ".nan"}.get(repr(value), repr(value))
        return _scalar(text, "float", mark, end)
    return _scalar(str(value), "str", mark, end)


def _scalar(text: str, kind: str, start: yaml.Mark, end: yaml.Mark) -> ScalarNode:
    style = '"' if kind == "str" else None  # a TOML string is a string, never a YAML boolean
    return ScalarNode(f"tag:yaml.org,2002:{kind}", text, start, end, style=style)


# -- from validated nodes to settings -----------------------------------------------------


def _read(path: str, root: Node) -> Config:
    folder = os.path.dirname(os.path.abspath(path))
    values = {name: (key, value) for name, key, value in pairs(root)}
    config = Config(path, folder)
    for name, (_key, value) in values.items():
        if isinstance(value, ScalarNode) and value.tag.endswith(":null"):
            continue
        config = _apply(config, path, folder, name, value)
    return config


def _apply(config: Config, path: str, folder: str, name: str, value: Node) -> Config:
    from mpilint.core.records import replace

    if name in ("select", "extend-select", "ignore"):
        rules = _rules(path, value)
        if name == "select":
            return replace(config, select=rules)
        if name == "ignore":
            return replace(config, ignore=rules)
        return replace(config, extend_select=rules)
    if name == "per-file-ignores":
        entries = tuple(
            (_glob(path, folder, glob, key), _rules(path, rules))
            for glob, key, rules in pairs(value)
        )
        return replace(config, per_file_ignores=entries)
    if name == "severity":
        levels = []
        for selector, key, level in pairs(value):
            _check_selectors(path, (selector,), key)
            levels.append((selector, Severity.parse(_text(level))))
        return replace(config, severity=tuple(levels))
    if name == "fail-on":
        return replace(config, fail_on=_text(value))
    if name == "exclude":
        texts = [_text(item) for item in _items(value)]
        for item in _items(value):
            _glob(path, folder, _text(item), item)
        # one list, as in a .gitignore: a later "!glob" re-includes what an earlier one excluded
        found = compile_lines(texts, folder)
        return replace(config, exclude=() if found is None else (found,))
    if name == "images":
        images = tuple(
            (ref, os.path.normpath(os.path.join(folder, _text(target))))
            for ref, _key, target in pairs(value)
        )
        for (ref, dockerfile), (_ref, _key, target) in zip(images, pairs(value), strict=True):
            problem = _not_a_dockerfile(dockerfile, _text(target))
            if problem is not None:  # every image rule would be off without a word
                raise _at(path, target, f"images: {ref}: {problem} (relative to this file)")
        return replace(config, images=images)
    if name == "baseline":
        # Read by the run (mpilint.suppress.baseline), where a missing file is an error unless
        # --write-baseline is about to create it.
        if not _text(value).strip():
            raise _at(path, value, "baseline: the path of a baseline file is empty")
        return replace(config, baseline=os.path.normpath(os.path.join(folder, _text(value))))
    if name == "base-images":
        bases = tuple((ref, _base_image(path, entry)) for ref, _key, entry in pairs(value))
        return replace(config, base_images=bases)
    if name == "target":
        releases = []
        for operator, _key, release in pairs(value):
            try:
                releases.append((operator, resolve(operator, _text(release))))
            except UnknownRelease as error:
                raise _at(path, release, f"target: {error}") from error
        return replace(config, target=tuple(sorted(releases)))
    return config  # the schema admits no other key


def _text(node: Node) -> str:
    return node.value if isinstance(node, ScalarNode) else ""


def _items(node: Node) -> list[Node]:
    return list(node.value) if isinstance(node, SequenceNode) else []


def _rules(path: str, node: Node) -> tuple[str, ...]:
    rules = tuple(_text(item).strip() for item in _items(node))
    _check_selectors(path, rules, node)
    return rules


def _check_selectors(path: str, selectors: Sequence[str], node: Node) -> None:
    try:
        Selection(tuple(selectors))
    except SelectorError as error:
        span = span_of(node)
        raise ConfigError(path, span.line, span.column, str(error)) from error


def _glob(path: str, folder: str, text: str, node: Node) -> Ignore:
    try:
        pattern = compile_lines([text], folder)
    except ValueError:  # pathspec's GitIgnorePatternError
        pattern = None
    if pattern is None:
        span = span_of(node)
        raise ConfigError(path, span.line, span.column, f"{text!r} is not a path glob")
    return pattern


def _base_image(path: str, node: Node) -> BaseImage:
    from mpilint.models.image.basefacts import BaseMPI, BaseSoftware
    from mpilint.models.image.bases import BaseGroup, BaseUser, Flavour, KnownBase

    values = {name: value for name, _key, value in pairs(node)}

    def number(item: Node, key: str) -> int | None:
        return kube_int(next((v for n, _k, v in pairs(item) if n == key), None))

    def text(item: Node, key: str) -> str | None:
        found = next((v for n, _k, v in pairs(item) if n == key), None)
        return found.value if isinstance(found, ScalarNode) else None

    def flag(key: str) -> bool | None:
        return kube_bool(values.get(key))

    def argv(key: str) -> tuple[str, ...] | None:
        found = values.get(key)
        return tuple(_text(i) for i in _items(found)) if found is not None else None

    users = tuple(
        BaseUser(
            text(u, "name") or "",
            number(u, "uid"),
            text(u, "home"),
            gid=number(u, "gid"),
            group=text(u, "group"),
        )
        for u in _items(values.get("users", SequenceNode("", [])))
    )
    groups = tuple(
        BaseGroup(text(g, "name") or "", number(g, "gid"))
        for g in _items(values.get("groups", SequenceNode("", [])))
    )
    os_name = text(node, "os")
    complete = flag("complete") is not False
    flavour = Flavour(os_name, users, certain=complete, groups=groups)
    mpis = (
        tuple(
            BaseMPI(text(m, "family") or "", text(m, "version"), text(m, "note") or "")
            for m in _items(values["mpi"])
        )
        if "mpi" in values
        else None
    )
    server, client = flag("openssh-server"), flag("openssh-client")
    software = BaseSoftware(
        mpis=mpis,
        openssh_server=server,
        openssh_client=client,
        packages_known=server is not None and client is not None,
        os=os_name,
        entrypoint=argv("entrypoint"),
        cmd=argv("cmd"),
        user=text(node, "user"),
        sshd_capability=text(node, "sshd-capability"),
    )
    return BaseImage(KnownBase(flavour), software, _declared_ssh(path, node, software, users))


def _declared_ssh(
    path: str, node: Node, software: BaseSoftware, users: Sequence[BaseUser]
) -> DeclaredSsh:
    """The entry's OpenSSH keys, for the files model (``image/files.py``)."""
    from mpilint.models.image.files import DeclaredSsh

    values = {name: (key, value) for name, key, value in pairs(node)}
    files: list[tuple[str, str, str | None]] = []
    for name, key, text in pairs(values["files"][1]) if "files" in values else ():
        if not name.startswith("/"):
            raise _at(path, key, f"files: {name!r} is not an absolute path")
        files.append((posixpath.normpath(name), _text(text), _owner(name, users)))
    client, server = (
        _ssh_settings(path, values[k][1]) if k in values else None
        for k in ("ssh-config", "sshd-config")
    )
    for name, settings, target in (
        ("ssh-config", client, "/etc/ssh/ssh_config"),
        ("sshd-config", server, "/etc/ssh/sshd_config"),
    ):
        if settings is not None and any(f[0] == target for f in files):
            raise _at(path, values[name][0], f"{name} and files both give {target}: keep one")
    return DeclaredSsh(
        client=client,
        server=server,
        files=tuple(files),
        host_keys=_text(values["host-keys"][1]) if "host-keys" in values else None,
        user=software.user,
        os=software.os,
        entrypoint=software.entrypoint,
    )


_BLOCKS = frozenset({"host", "match", "include"})


def _ssh_settings(path: str, node: Node) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``{Port: 2222, HostKey: [a, b]}`` → settings; YAML's ``no``/``yes`` (booleans) are
    written back as OpenSSH's ``no``/``yes``, which is what the user typed."""
    settings = []
    for name, key, value in pairs(node):
        if not re.fullmatch(r"[A-Za-z][A-Za-z0-9]*", name) or name.lower() in _BLOCKS:
            raise _at(
                path,
                key,
                f"{name!r} is not an OpenSSH setting keyword (Host, Match and Include blocks go"
                " in files, as whole files)",
            )
        items = _items(value) if isinstance(value, SequenceNode) else [value]
        settings.append((name, tuple(_ssh_word(item) for item in items)))
    return tuple(settings)


def _ssh_word(node: Node) -> str:
    truth = kube_bool(node)
    if truth is not None:
        return "yes" if truth else "no"
    return _text(node)


def _owner(path: str, users: Sequence[BaseUser]) -> str | None:
    """Who owns a declared file: the user whose home holds it, root under /etc, else unknown."""
    for user in users:
        if user.home and user.home != "/" and path.startswith(user.home.rstrip("/") + "/"):
            return user.name
    return "root" if path.startswith("/etc/") else None


def _at(path: str, node: Node, message: str) -> ConfigError:
    span = span_of(node)
    return ConfigError(path, span.line, span.column, message)


# -- one run: the command line over each file's closest configuration ----------------------


class Project(MutableRecord):
    """Answers, per checked file, the questions the configuration decides."""

    overrides: Overrides = field(default_factory=Overrides)
    # Absolute path → an editor's unsaved text of a configuration file (``mpilint.server``):
    # read instead of the disk's. The CLI has none.
    unsaved: Mapping[str, str] = field(default_factory=dict)
    _selections: dict[str | None, Selection] = field(init=False, default_factory=dict)
    # By path: asked about five times per file in a run.
    _configs: dict[str, Config] = field(init=False, default_factory=dict)
    # One run's view of the disk (a Project lasts one run): the closest configuration file of
    # each folder looked at, and each configuration file read.
    _found: dict[str, str | None] = field(init=False, default_factory=dict)
    _loaded: dict[str, Config] = field(init=False, default_factory=dict)

    def config_for(self, path: str) -> Config:
        """The configuration that governs ``path``: ``--config``, else the closest one."""
        config = self._configs.get(path)
        if config is None:
            if len(self._configs) >= 4096:  # bounded: a run's memory must not grow with it
                self._configs.clear()
            config = self._configs[path] = self._config_for(path)
        return config

    def _config_for(self, path: str) -> Config:
        if self.overrides.isolated:
            return Config()
        if self.overrides.config is not None:
            return self._load(os.path.abspath(self.overrides.config))
        folder = os.getcwd() if path == "-" else os.path.dirname(os.path.abspath(path))
        found = find(folder, self._found, self.unsaved)
        return self._load(found) if found is not None else Config()

    def _load(self, path: str) -> Config:
        config = self._loaded.get(path)
        if config is None:
            config = self._loaded[path] = load(path, self.unsaved.get(path))
        return config

    def check_all(self, paths: Sequence[str]) -> None:
        """Load every configuration up front, so a broken one is a usage error before any
        output, not a failure halfway through a report."""
        for path in paths:
            self.selection(self.config_for(path))

    def target_for(self, path: str) -> Target:
        """The operator releases the job in ``path`` is checked for: ``--target``, then the
        configuration's ``target``; an operator named by neither gets its newest release."""
        named = dict(self.config_for(path).target)
        named.update(self.overrides.target)
        return tuple(sorted(named.items()))

    def excluded(self, path: str, is_folder: bool = False, below: str | None = None) -> bool:
        """The configuration's ``exclude``; with ``below`` (a folder named on the command
        line) the folders down to it are not judged, only what is inside."""
        if path == "-":
            return False
        return ignored(self.config_for(path).exclude, path, is_folder, below)

    def selection(self, config: Config) -> Selection:
        if config.path not in self._selections:
            cli = self.overrides
            if cli.select is not None:  # as in ruff: a --select starts over
                select, ignore = cli.select, cli.ignore
                extend = cli.extend_select
            else:
                select = config.select or ()
                extend = (*config.extend_select, *cli.extend_select)
                ignore = (*config.ignore, *cli.ignore)
            self._selections[config.path] = Selection.of(select, ignore, extend)
        return self._selections[config.path]

    def adjust(self, finding: Finding) -> Finding | None:
        """The finding as this file's configuration wants it: dropped, or re-graded."""
        config = self.config_for(finding.file)
        if not self.selection(config).enabled(finding.rule, finding.name):
            return None
        for glob, rules in config.per_file_ignores:
            if ignored((glob,), finding.file) and not Selection((), rules).enabled(
                finding.rule, finding.name
            ):
                return None
        level = _severity(config.severity, finding)
        if level is None or level is finding.severity:
            return finding
        from mpilint.core.records import replace

        return replace(finding, severity=level)

    def fails(self, finding: Finding) -> bool:
        """Whether this finding makes the run exit 1: ``--fail-on``, else its file's config."""
        choice = self.overrides.fail_on or self.config_for(finding.file).fail_on or "warning"
        return choice != "never" and finding.severity >= Severity.parse(choice)

    def image_map(self, manifest: str) -> tuple[tuple[str, str, str], ...]:
        """``--image`` entries, then the ``images`` of the manifest's configuration, each with
        where it was written (``--image`` or the configuration file): ``--verbose`` says which
        entry paired a job, so a user can find the one to change."""
        config = self.config_for(manifest)
        written = f"images: in {shown(config.path)}" if config.path else "images:"
        return (
            *((glob, path, "--image") for glob, path in self.overrides.images),
            *((glob, path, written) for glob, path in config.images),
        )

    def image_map_roots(self, dockerfile: str) -> list[str]:
        """Folders whose manifests may map their images to ``dockerfile``: the folder of the
        configuration that maps to it, the working directory for ``--image``."""
        roots: list[str] = []
        config = self.config_for(dockerfile)
        mapped = bool(config.path and config.images)
        if not self.overrides.images and not mapped:
            return roots  # nothing maps images: no need to resolve the path
        target = os.path.realpath(dockerfile)
        if any(os.path.realpath(p) == target for _ref, p in self.overrides.images):
            roots.append(os.getcwd())
        if mapped and any(os.path.realpath(p) == target for _ref, p in config.images):
            roots.append(config.folder)
        return roots

    def declared_bases(self, dockerfile: str) -> Declared:
        """The ``base-images`` of the Dockerfile's configuration, for ``load_image``."""
        from mpilint.models.image.declared import Declared

        entries = self.config_for(dockerfile).base_images
        return Declared(
            tuple((ref, b.users) for ref, b in entries),
            tuple((ref, b.software) for ref, b in entries),
            tuple((ref, b.ssh) for ref, b in entries),
        )


def _severity(levels: tuple[tuple[str, Severity], ...], finding: Finding) -> Severity | None:
    """The override whose selector names the rule most closely (an id beats a prefix)."""
    from mpilint.config.selection import specificity

    best, chosen = -1, None
    for selector, level in levels:
        score = specificity((selector,), finding.rule, finding.name)
        if score > best:
            best, chosen = score, level
    return chosen


def parse_image_option(text: str) -> tuple[str, str]:
    """``--image REF=PATH``: the Dockerfile path is relative to the working directory."""
    ref, sep, path = text.partition("=")
    if not sep or not ref or not path:
        raise ValueError(f"--image takes REF=PATH (an image glob and a Dockerfile); got {text!r}")
    return ref, os.path.abspath(path)


__all__ = [
    "NAMES",
    "BaseImage",
    "Config",
    "ConfigError",
    "Overrides",
    "Project",
    "find",
    "load",
    "parse_image_option",
    "prepare",
]


def parse_target_option(text: str) -> tuple[str, str]:
    """``--target OPERATOR=RELEASE`` → (operator, the release mpilint has the CRD facts of)."""
    operator, equals, release = text.partition("=")
    if not equals or not operator or not release:
        raise ValueError(f"{text!r} is not OPERATOR=RELEASE (e.g. mpi-operator=0.6.0)")
    return operator, resolve(operator, release)


def _target_option(text: str) -> tuple[str, str]:
    try:
        return parse_target_option(text)
    except ValueError as error:
        from mpilint.inputs.files import UsageError

        raise UsageError(f"--target {text}: {error}") from error


def prepare(options: CheckOptions) -> tuple[Project, list[InputFile]]:
    """The ``check`` options → the run's project and files; every configuration involved is
    loaded and validated here, before anything is printed."""
    from mpilint.inputs.files import expand

    try:
        images = tuple(parse_image_option(text) for text in options.image)
    except ValueError as error:
        raise ConfigError("--image", 1, 1, str(error)) from error
    target = tuple(sorted(dict(_target_option(text) for text in options.target).items()))
    overrides = Overrides(
        select=None if options.select is None else tuple(_split(options.select)),
        extend_select=tuple(_split(options.extend_select)),
        ignore=tuple(_split(options.ignore)),
        fail_on=options.fail_on,
        images=images,
        config=options.config,
        isolated=options.isolated,
        target=target,
    )
    if overrides.config is not None and not os.path.isfile(overrides.config):
        from mpilint.inputs.files import UsageError

        if os.path.isdir(overrides.config):
            raise UsageError(
                f"--config takes a configuration file, and {overrides.config} is a folder: name its"
                " .mpilint.yaml or pyproject.toml"
            )
        raise UsageError(f"no such configuration file: {overrides.config}")
    project = Project(overrides)
    _check_images(options.image)
    named = [p for p in options.paths if p != "-"]
    if options.stdin_filename is not None:
        named.append(options.stdin_filename)
    project.check_all(named or ["-"])
    files = expand(
        list(options.paths), project.excluded, options.stdin_filename, options.force_exclude
    )
    project.check_all([f.path for f in files])
    if any(f.stdin for f in files):
        from mpilint.core.records import replace
        from mpilint.inputs.files import read_stdin

        content = read_stdin()  # once: standard input cannot be read twice
        files = [replace(f, content=content) if f.stdin else f for f in files]
    return project, files


def _check_images(options: Sequence[str]) -> None:
    """``--image REF=PATH`` whose Dockerfile is not there would silently turn off every rule
    that reads the image: a usage error instead, naming the path as it was given."""
    from mpilint.inputs.files import UsageError

    for text in options:
        ref, _, path = text.partition("=")
        problem = _not_a_dockerfile(path)
        if problem:
            raise UsageError(f"--image {ref}={path}: {problem}")


def _not_a_dockerfile(path: str, shown: str | None = None) -> str | None:
    if os.path.isfile(path):
        return None
    if os.path.isdir(path):
        return f"{shown or path} is a folder, not a Dockerfile"
    return f"no such Dockerfile: {shown or path}"


def _split(values: Sequence[str]) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]
