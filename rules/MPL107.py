"""MPL107 invalid-name: the job name is not a DNS-1123 subdomain (any version), the job name or
the hostname of its last worker is not a DNS-1035 label (v2beta1); or a v1 job name too long for
the pod label the operator copies it into.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.lazyre import lazy
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.fields import related_at, text_of
from mpilint.sources.yamlsource import Node, get, span_of

_DNS1035 = re.compile(r"[a-z]([-a-z0-9]*[a-z0-9])?")
_LABEL_MAX = 63
_SUBDOMAIN_MAX = 253
# What the API server itself accepts as an object name (DNS-1123 subdomain).
_SUBDOMAIN = lazy(r"(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")


def check(subject: Manifest) -> Iterator[Hit]:
    """v2beta1 validation (since v0.4.0): the name and ``<name>-worker-<R-1>`` are DNS-1035.

    The name becomes the headless Service and the subdomain of every worker, and each worker's
    hostname is ``<name>-worker-<i>``; the operator refuses the job with only an event.
    """
    job = subject.job
    node = get(job.root, "metadata", "name")
    name = text_of(node)
    if node is None or not name:
        return
    if job.version != "v2beta1":
        if not _SUBDOMAIN().fullmatch(name):
            yield _not_subdomain(node, name)
        elif job.version == "v1" and len(name) > _LABEL_MAX:
            yield _v1_label(node, name)
        return
    workers = _worker_count(job)
    suffix = f"-worker-{workers - 1}"
    problem = _label_problem(name)
    if problem is not None:
        refused = (
            "the operator refuses the job with only a ValidationError event and creates no pods"
            if _SUBDOMAIN().fullmatch(name)
            else "the API server rejects it already"
        )
        yield Hit(
            span_of(node),
            f"the job name {name!r} {problem}; the v2beta1 operator names the job's Service and"
            " every worker hostname after it, so it must be a DNS-1035 label (lower-case letters,"
            f" digits and '-', starting with a letter, at most 63 characters), and {refused}."
            f" Write {_suggest_name(name, _LABEL_MAX - len(suffix))!r}",
        )
        return
    host = name + suffix
    if len(host) <= _LABEL_MAX or (
        job.partial and (job.worker is None or not job.worker.replicas_node)
    ):
        return  # a patch that leaves the worker count to its base does not say how many
    worker = job.worker
    yield Hit(
        span_of(node),
        f"{_with_workers(workers)} the last worker's hostname is {host!r}, {len(host)} characters;"
        " a hostname is a DNS-1035 label of at most 63, so the v2beta1 operator refuses the job"
        " with only a ValidationError event and creates no pods. Shorten the name to at most"
        f" {_LABEL_MAX - len(suffix)} characters, e.g."
        f" {_suggest_name(name, _LABEL_MAX - len(suffix))!r}",
        related=related_at(
            subject, worker.replicas_node if worker else None, "worker replicas set here"
        ),
    )


def _not_subdomain(node: Node, name: str) -> Hit:
    """The API server validates every object's name, a custom resource's as a DNS-1123
    subdomain, whatever its version and whether or not an operator serves it."""
    return Hit(
        span_of(node),
        f"the job name {name!r} {_subdomain_problem(name)}; the API server refuses the MPIJob:"
        " the name of a custom resource must be a DNS-1123 subdomain (lower-case letters,"
        " digits, '-' and '.', starting and ending with a letter or digit, at most 253"
        f" characters). Write {_suggest_name(name, _LABEL_MAX)!r}",
    )


def _subdomain_problem(name: str) -> str:
    """Why ``name`` is not a DNS-1123 subdomain, in words."""
    if len(name) > _SUBDOMAIN_MAX:
        return f"has {len(name)} characters (at most {_SUBDOMAIN_MAX})"
    if any(c.isupper() for c in name):
        return "has upper-case letters"
    bad = next((c for c in name if not (c.isascii() and (c.isalnum() or c in "-."))), None)
    if bad is not None:
        return f"contains {bad!r}"
    for part in name.split("."):
        if not part:
            return "has an empty part between dots, or starts or ends with a dot"
        if part[0] == "-" or part[-1] == "-":
            return "has a part that starts or ends with '-'"
    return "is not a DNS-1123 subdomain"


def _v1_label(node: Node, name: str) -> Hit:
    """training-operator v1 labels every pod ``training.kubeflow.org/job-name: <name>``
    (``common/job_controller.go``, C12); a label value has at most 63 characters."""
    return Hit(
        span_of(node),
        f"the job name {name!r} has {len(name)} characters; the v1 operator (training-operator)"
        " puts it in the training.kubeflow.org/job-name label of every pod, and a label value"
        f" has at most {_LABEL_MAX} characters, so the API server refuses every pod while the"
        " MPIJob itself is accepted. Shorten the name to at most 63 characters, e.g."
        f" {name[:_LABEL_MAX].rstrip('-.')!r}",
    )


def _with_workers(count: int) -> str:
    return "with one worker" if count == 1 else f"with {count} workers"


def _worker_count(job: MPIJob) -> int:
    """R in ``<name>-worker-<R-1>``: Worker.replicas when above 0, else 1 (as validation.go)."""
    worker = job.worker
    if worker is None or worker.replicas is None or worker.replicas < 1:
        return 1
    return worker.replicas


def _label_problem(name: str) -> str | None:
    """Why ``name`` is not a DNS-1035 label, in words; None when it is one."""
    if len(name) > _LABEL_MAX:
        return f"has {len(name)} characters (at most {_LABEL_MAX})"
    if _DNS1035.fullmatch(name):
        return None
    if any(c.isupper() for c in name):
        return "has upper-case letters"
    if "." in name:
        return "contains a dot"
    if not ("a" <= name[0] <= "z"):
        return f"starts with {name[0]!r}, not a letter"
    if name.endswith("-"):
        return "ends with '-'"
    bad = next(c for c in name if not (c.isascii() and (c.isalnum() or c == "-")))
    return f"contains {bad!r}"


def _suggest_name(name: str, limit: int) -> str:
    """A DNS-1035 label close to ``name`` that leaves room for the worker suffix."""
    text = re.sub(r"[^a-z0-9-]+", "-", name.lower())
    text = re.sub(r"-{2,}", "-", text).strip("-")
    if not text or not ("a" <= text[0] <= "z"):
        text = "job-" + text
    return text[: max(limit, 1)].rstrip("-") or "job"
