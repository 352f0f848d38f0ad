"""MPL125 unexpanded-variable: a ``$(VAR)`` that names no variable of the container, or a
shell ``$VAR`` that no shell reads, reaches the program as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.models.mpijob import Container, ReplicaSpec
from mpilint.models.variables import (
    first_reader,
    injected,
    literal_shell_variables,
    references,
    service_link,
)
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import ScalarNode, SequenceNode, get, get_str, offset_span

_UPPER = r"[A-Z_][A-Z0-9_]*"


def check(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    for replica, container in job.containers():
        where = f"{replica.role} container {container.name or container.index}"
        defined = _defined(subject, replica, container)
        if defined is not None:
            yield from _env_hits(subject, where, container)
            yield from _argv_hits(subject, where, container, defined)
        yield from _shell_hits(subject, where, container)


def _defined(subject: Manifest, replica: ReplicaSpec, container: Container) -> list[str] | None:
    """The container's variable names in order, the operator's last; None when envFrom (or a
    non-list env) makes them unknowable."""
    if get(container.node, "envFrom") is not None:
        return None
    env = container.env
    names: list[str] = []
    if env is not None and not isinstance(env, SequenceNode):
        return None
    for item in env.value if isinstance(env, SequenceNode) else ():
        name = get_str(item, "name")
        if name is None:
            return None
        names.append(name)
    if replica.main is container:
        job = subject.job
        names += sorted(injected(job.version, replica.role, job.mpi_implementation))
    return names


def _unknown(name: str, known: list[str]) -> bool:
    return name not in known and not service_link(name)


def _argv_hits(
    subject: Manifest, where: str, container: Container, defined: list[str]
) -> Iterator[Hit]:
    listed = ", ".join(defined) if defined else "none"
    argv = container.argv()
    reader = first_reader([text for text, _ in argv])
    for index, (text, node) in enumerate(argv):
        if not isinstance(node, ScalarNode):
            continue
        shell = index > reader
        for ref in references(text):
            if not _unknown(ref.name, defined):
                continue
            if shell and not re.fullmatch(_UPPER, ref.name):
                continue  # `sh -c "echo $(hostname)"`: a command substitution
            then = (
                f" and the shell then runs {ref.name!r} as a command"
                if shell
                else f" and the program receives {text[ref.start : ref.end]!r}"
            )
            yield Hit(
                offset_span(node, subject.text, ref.start, ref.end),
                f"{where}: {text[ref.start : ref.end]!r} names no variable of the container, so"
                f" Kubernetes leaves it as written{then}. Variables it defines: {listed}."
                f" Define {ref.name} in env, or write $$({ref.name}) for a literal",
            )


def _env_hits(subject: Manifest, where: str, container: Container) -> Iterator[Hit]:
    env = container.env
    if not isinstance(env, SequenceNode):
        return
    before: list[str] = []
    for item in env.value:
        value = get(item, "value")
        name = get_str(item, "name") or "?"
        if isinstance(value, ScalarNode) and isinstance(value.value, str):
            for ref in references(value.value):
                if not _unknown(ref.name, before):
                    continue
                listed = ", ".join(before) if before else "none"
                yield Hit(
                    offset_span(value, subject.text, ref.start, ref.end),
                    f"{where}: env {name} holds {value.value[ref.start : ref.end]!r}, which"
                    " names no variable listed before it, so Kubernetes leaves it as written."
                    f" Variables listed before it: {listed}. Define {ref.name} earlier in env",
                )
        before.append(name)


def _shell_hits(subject: Manifest, where: str, container: Container) -> Iterator[Hit]:
    if not isinstance(container.command, SequenceNode) or not container.command.value:
        return  # args alone go to the image's entrypoint, which may be a shell
    argv = container.argv()
    for index, ref in literal_shell_variables([text for text, _ in argv]):
        text, node = argv[index]
        if not isinstance(node, ScalarNode):
            continue
        word = text[ref.start : ref.end]
        yield Hit(
            offset_span(node, subject.text, ref.start, ref.end),
            f"{where}: {word!r} is shell syntax in an exec-form command that no shell reads,"
            f" so the program receives the characters {word!r}. Write $({ref.name}) with"
            f" {ref.name} defined in the container's env (Kubernetes does not see the image's"
            ' ENV), or run the command through `sh -c "…"`',
        )
