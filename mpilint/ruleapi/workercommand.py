"""MPL117's reading of the worker's own command or args, shared with MPL310.

The operator treats ``containers[0]`` as the MPI container and, for a v2beta1 worker without
command and args, runs ``/usr/sbin/sshd -De``; a worker command that starts no sshd in the
foreground leaves the launcher with "Connection refused". MPL117 reports what the manifest alone
shows; MPL310 reads the image's ENTRYPOINT only where MPL117 has nothing to say, so it asks the
same question here rather than import another rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.findings import Related, Severity, Span
from mpilint.models.commands import Command, Word, read_sshd
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import Container, ReplicaSpec
from mpilint.models.worker import runs_sshd, sidecar_of, worker_programs
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.mpitexts import DAEMONS_FAILED
from mpilint.sources.yamlsource import Node, ScalarNode, SequenceNode, offset_span, span_of


def _word_span(subject: Manifest, container: Container, word: Word) -> Span:
    """Where a word stands: the whole argv item, or its characters inside a shell string."""
    text, node = container.argv()[word.ref.index]
    if not isinstance(node, ScalarNode) or (word.ref.start == 0 and word.ref.end >= len(text)):
        return span_of(node)
    return offset_span(node, subject.text, word.ref.start, word.ref.end)


# Quick setup steps: they neither start an sshd nor keep running.
_SETUP = frozenset(
    {
        *("cd", "export", "set", "unset", "umask", "ulimit", "echo", "printf", "true", ":"),
        *("mkdir", "cp", "mv", "rm", "ln", "chmod", "chown", "touch", "cat", "ls", "test", "["),
        *("pip", "pip3", "hostname", "date", "nvidia-smi", "ssh-keygen", "id", "whoami"),
    }
)
_EXITS = frozenset({"true", "false", "echo", "printf", "exit", ":"})
_PYTHON = re.compile(r"python[0-9.]*")
_TRAINERS = frozenset({"torchrun", "deepspeed"})


def _not_sshd(program: Command) -> str | None:
    """What the worker runs instead of sshd, when it clearly is not one: for the message."""
    name = program.name
    launches = find_launches([w.text for w in program.words])
    if launches and launches[0].program_ref.index == 0:
        return (
            f"the MPI launcher `{name}`: the launcher's command copied to the workers runs the"
            " training once per worker, and no sshd answers the real launcher"
        )
    if name == "sleep":
        return "`sleep`, which keeps the pod alive but starts no sshd"
    if name == "tail" and any(w.text in ("-f", "-F", "--follow") for w in program.words[1:]):
        return "`tail -f`, which keeps the pod alive but starts no sshd"
    if _PYTHON.fullmatch(name) or name in _TRAINERS:
        return f"`{name}` (the training itself) instead of an sshd"
    if name in _EXITS:
        return f"`{name}`, which exits at once"
    return None


def worker_command_hits(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    worker = job.worker
    main = worker.main if worker else None
    if main is None:
        return
    if worker is not None and _mpi_elsewhere(worker):
        return  # MPL118 says what is wrong: the MPI container is not containers[0]
    if job.version == "v2beta1":
        yield from _v2_worker(subject, main)
    elif job.version in ("v1", "v1alpha2"):
        yield from _v1_worker(subject, main)


def _mpi_elsewhere(worker: ReplicaSpec) -> bool:
    first = worker.containers[0]
    return sidecar_of(first) is not None or any(runs_sshd(c) for c in worker.containers[1:])


def _given(part: Node | None) -> bool:
    return isinstance(part, SequenceNode) and bool(part.value)


def _v2_worker(subject: Manifest, main: Container) -> Iterator[Hit]:
    """v2beta1 injects ``/usr/sbin/sshd -De`` only when the worker has no command and no args."""
    if not (_given(main.command) or _given(main.args)):
        return
    programs = worker_programs(main)
    if programs is None:
        return
    sshds = [p for p in programs if p.name == "sshd"]
    if sshds:
        for program in sshds:
            hit = _sshd_problem(subject, main, program)
            if hit is not None:
                yield hit
        return
    if any("sshd" in text for text, _ in main.argv()):
        return  # a wrapper script or a config we cannot follow may well start it
    last = [p for p in programs if p.last]
    before = [p for p in programs if not p.last]
    if len(last) != 1 or any(p.name not in _SETUP and _not_sshd(p) is None for p in before):
        return  # an unknown program before the last one might start sshd as a daemon
    instead = _not_sshd(last[0])
    if instead is None:
        return
    only_args = not _given(main.command)
    replaced = (
        "the worker's args (they replace the image's CMD)" if only_args else "the worker's command"
    )
    yield Hit(
        _word_span(subject, main, last[0].words[0]),
        f"{replaced} run{'' if only_args else 's'} {instead}. The operator starts"
        " `/usr/sbin/sshd -De` only in a worker with neither command nor args, so nothing"
        ' listens for ssh: the launcher fails with "Connection refused" or'
        f" {DAEMONS_FAILED}."
        " Remove command and args from the worker, or make them end in"
        " `exec /usr/sbin/sshd -De`",
    )


def _sshd_problem(subject: Manifest, main: Container, program: Command) -> Hit | None:
    sshd = read_sshd(program.words)
    span = _word_span(subject, main, sshd.program)
    if not sshd.absolute:
        return relative_sshd(sshd.program.text, "r" in sshd.flags, span)
    if program.last and not sshd.foreground:
        return Hit(
            span,
            "sshd without -D detaches into the background and the container's main process"
            " then exits: the worker pod ends (Completed) and the launcher's ssh fails. Keep"
            " it in the foreground: `/usr/sbin/sshd -De`",
        )
    return None


def relative_sshd(name: str, no_reexec: bool, span: Span, related: tuple[Related, ...] = ()) -> Hit:
    """sshd's own check (``sshd.c``): up to OpenSSH 9.7 only a re-executing sshd needs an
    absolute path, so ``-r`` (no re-exec) lets a relative name start; 9.8 split sshd and
    sshd-session, ignores ``-r`` and refuses every relative name, with a shorter text. MPL310
    says the same of an sshd that the image's ENTRYPOINT names."""
    if no_reexec:
        return Hit(
            span,
            f"the worker starts sshd by the relative name {name!r} with -r: OpenSSH up to 9.7"
            " starts it, but OpenSSH 9.8 and later ignore -r and exit at once with"
            ' "sshd requires execution with an absolute path", so no sshd listens. Write'
            " /usr/sbin/sshd (the full path)",
            severity=Severity.WARNING,
            related=related,
        )
    return Hit(
        span,
        f"the worker starts sshd by the relative name {name!r}; sshd exits at once with"
        ' "sshd re-exec requires execution with an absolute path" (OpenSSH up to 9.7;'
        ' "sshd requires execution with an absolute path" from 9.8), so no sshd listens.'
        " Write /usr/sbin/sshd (the full path)",
        related=related,
    )


def _v1_worker(subject: Manifest, main: Container) -> Iterator[Hit]:
    """v1 and v1alpha2 replace an empty worker command with ``sleep 365d``; a given command
    must keep the pod alive as long, or ``kubectl exec`` finds no worker to start ranks in."""
    if not _given(main.command):
        return
    programs = worker_programs(main)
    if programs is None:
        return
    last = [p for p in programs if p.last]
    before = [p for p in programs if not p.last]
    if len(last) != 1 or last[0].name not in _EXITS or any(p.name not in _SETUP for p in before):
        return
    yield Hit(
        _word_span(subject, main, last[0].words[0]),
        f"the worker's command ends with `{last[0].name}`, which exits at once; it replaces"
        " the operator's `sleep 365d`, so the worker pod completes and the launcher's"
        " `kubectl exec` finds no running worker. Remove the worker command, or end it with"
        " `sleep infinity`",
        severity=Severity.WARNING,
    )
