"""MPL122 short-worker-hostname: the launcher names a worker by its short hostname, which only
the workers can resolve.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.findings import Span
from mpilint.models.commands import Word, read_argv
from mpilint.models.launchers import OPERATOR_HOSTFILE, find_launches
from mpilint.models.mpijob import ReplicaSpec
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.hostnames import job_name, short_worker_pattern, worker_full_name
from mpilint.ruleapi.targets import SERVICE_NAMED_AFTER_JOB, mpi_operator_release, workers_service
from mpilint.sources.yamlsource import Node, ScalarNode, get, get_str, offset_span, span_of

# Programs that write a hostfile's lines in the launcher's command (`echo pi-worker-0 > hosts`).
_WRITERS = ("echo", "printf")
_LINE_BREAK = re.compile(r"\n|\\n")


def check(subject: Manifest) -> Iterator[Hit]:
    """v2beta1 only: v1 and v1alpha* start ranks by ``kubectl exec`` on pod names, which are
    exactly the short names, and need no DNS."""
    if subject.job.partial:
        return  # a kustomize patch: namePrefix or nameSuffix may rename the job
    job = subject.job
    name = job_name(job)
    launcher = job.launcher
    if job.version != "v2beta1" or name is None or launcher is None or launcher.main is None:
        return
    if _own_dns(launcher):
        return
    argv = launcher.main.argv()
    if not any(f"{name}-worker-" in text for text, _ in argv):
        return  # no worker named at all: no pattern to compile (a file may hold thousands)
    pattern = short_worker_pattern(name)
    for word in _host_words([text for text, _ in argv], pattern):
        found = list(pattern.finditer(word.text))
        if word.expands or not found:
            continue
        yield Hit(_span(subject, argv, word, found[0]), _message(subject, found))


def _own_dns(launcher: ReplicaSpec) -> bool:
    """A launcher pod that sets its own DNS search list or host entries may resolve the names."""
    pod = launcher.pod_spec
    if get_str(pod, "dnsPolicy") == "None" or get(pod, "hostAliases") is not None:
        return True
    return get(pod, "dnsConfig", "searches") is not None


def _host_words(argv: list[str], pattern: re.Pattern[str]) -> Iterator[Word]:
    """The launcher's host lists (``-H``, ``--host``, Hydra's ``-hosts``, horovodrun's
    ``--hosts``) and the hostfile lines it writes with echo or printf."""
    for launch in find_launches(argv):
        yield from launch.host_lists
    for command in read_argv(argv).commands:
        if command.name not in _WRITERS:
            continue
        words = [w for w in command.words[1:] if not w.text.startswith("-")]
        if _hostfile_lines(" ".join(w.text for w in words), pattern):
            yield from words


def _hostfile_lines(text: str, pattern: re.Pattern[str]) -> bool:
    """Whether what echo or printf writes is hostfile lines naming workers (``pi-worker-0
    slots=2``, ``pi-worker-1:2``) rather than a message that mentions one (``echo starting on
    pi-worker-0``)."""
    lines = [line.strip() for line in _LINE_BREAK.split(text) if line.strip()]
    return bool(lines) and all(
        (m := pattern.match(line)) is not None
        and re.fullmatch(r"(?::\d+)?(?:\s+slots=\d+)?", line[m.end() :]) is not None
        for line in lines
    )


def _message(subject: Manifest, found: list[re.Match[str]]) -> str:
    job = subject.job
    names = list(dict.fromkeys(m.group(0) for m in found))
    shown = ", ".join(f"`{n}`" for n in names)
    first = found[0]
    name = job_name(job) or "<job>"
    service = workers_service(subject, name)
    full = worker_full_name(job, first.group(1), service)
    domain = full.split(".", 1)[1] + ".cluster.local"
    its = "is a worker's short hostname" if len(names) == 1 else "are workers' short hostnames"
    them = "it" if len(names) == 1 else "them"
    if service != name:  # an mpi-operator before v0.5.0: the Service is <job>-worker
        release = mpi_operator_release(subject)
        return (
            f"{shown} {its}: the launcher's DNS search list has no domain of the workers, so"
            f" it cannot resolve {them}, and starting ranks there fails with a name-resolution"
            f" error. Write the full name `{full}` (mpi-operator {release}, the target, names"
            f" the workers' Service `{service}`; {SERVICE_NAMED_AFTER_JOB} and later `{name}`),"
            f" or use the operator's hostfile {OPERATOR_HOSTFILE}, which has the full names"
        )
    return (
        f"{shown} {its}: the operator adds the workers' DNS search domain ({domain}) to the"
        f" workers only, so the launcher cannot resolve {them}, and starting ranks there fails"
        " with a name-resolution error. Write the"
        f" full name `{full}` (mpi-operator v0.5.0 and later; v0.3 and v0.4 name the Service"
        f" `{name}-worker`), or use the operator's hostfile {OPERATOR_HOSTFILE}, which has the"
        " full names"
    )


def _span(
    subject: Manifest, argv: tuple[tuple[str, Node], ...], word: Word, match: re.Match[str]
) -> Span:
    """The short name itself when the word's columns are exact, else the word or its item."""
    ref = word.ref
    text, node = argv[ref.index]
    if not isinstance(node, ScalarNode):
        return span_of(node)
    if word.base is not None:
        start = word.base + match.start()
        return offset_span(node, subject.text, start, start + len(match.group(0)))
    if ref.start == 0 and ref.end >= len(text):
        return span_of(node)
    return offset_span(node, subject.text, ref.start, ref.end)
