"""MPL109 restart-policy: a replica restartPolicy the operator rejects or does not honour, or a
pod-template restartPolicy it overrides.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Severity
from mpilint.models.mpijob import MPIJob, ReplicaSpec
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.fields import is_set, related_at, text_of
from mpilint.sources.yamlsource import Node, get, span_of

_POLICIES = ("Always", "OnFailure", "Never", "ExitCode")


def check(subject: Manifest) -> Iterator[Hit]:
    """Replica-level restartPolicy values the operator rejects or ignores, and pod-template
    values it silently overrides (domain notes 1.1 and P03)."""
    job = subject.job
    if job.version not in ("v2beta1", "v1"):
        return
    for replica in job.replica_specs:
        if replica.role not in ("Launcher", "Worker"):
            continue
        level = get(replica.node, "restartPolicy")
        value = text_of(level) if is_set(level) else None
        rejected = job.version == "v2beta1" and value in ("Always", "ExitCode")
        if rejected and level is not None:
            yield _rejected(replica, level, value or "")
        elif job.version == "v1" and value == "ExitCode" and level is not None:
            yield Hit(
                span_of(level),
                f"{replica.role}.restartPolicy ExitCode is accepted by the v1 operator but not"
                " honoured for MPIJob: the pod gets restartPolicy Never and failed ranks are not"
                " restarted by exit code. Write Never, or OnFailure to restart failed"
                " containers",
                severity=Severity.WARNING,
            )
        if not rejected:
            hit = _template_policy(subject, replica, level, value)
            if hit is not None:
                yield hit


def _rejected(replica: ReplicaSpec, level: Node, value: str) -> Hit:
    default = "OnFailure" if replica.role == "Launcher" else "Never"
    return Hit(
        span_of(level),
        f"{replica.role}.restartPolicy {value} is not supported by the v2beta1 operator (only"
        " Never and OnFailure are): it refuses the job with a ValidationError event and"
        f" creates no pods. Write Never or OnFailure (the default here is {default})",
    )


def _template_policy(
    subject: Manifest, replica: ReplicaSpec, level: Node | None, value: str | None
) -> Hit | None:
    """``template.spec.restartPolicy`` is always replaced by the replica-level value."""
    node = get(replica.pod_spec, "restartPolicy")
    written = text_of(node)
    if node is None or written is None:
        return None
    if is_set(level) and value not in _POLICIES:
        return None  # templated, or an enum error the schema rule reports
    effective = _effective_policy(subject.job, replica, value)
    origin = (
        f"{replica.role}.restartPolicy"
        if value is not None
        else f"its default for the {replica.role}"
    )
    related = related_at(subject, level if is_set(level) else None, "the value the pod gets")
    if written == effective:
        return Hit(
            span_of(node),
            f"restartPolicy in the {replica.role} pod template has no effect: the operator"
            f" replaces it with {origin} ({effective}). It is the same value, so nothing changes,"
            " but it suggests the template decides. Delete it, and write"
            f" {replica.role}.restartPolicy to state it",
            severity=Severity.INFO,
            related=related,
        )
    return Hit(
        span_of(node),
        f"restartPolicy {written} in the {replica.role} pod template is ignored: the operator"
        f" replaces it with {origin}, so the pod runs with {effective}. Set the policy at the"
        f" replica level ({replica.role}.restartPolicy: Never or OnFailure) and delete this line",
        severity=Severity.WARNING,
        related=related,
    )


def _effective_policy(job: MPIJob, replica: ReplicaSpec, value: str | None) -> str:
    """The pod's restartPolicy after the operator's override (domain notes 1.1)."""
    if job.version == "v1":
        return "Never" if value in (None, "ExitCode") else str(value)
    if value is not None:
        return value
    return "OnFailure" if replica.role == "Launcher" else "Never"
