"""MPL109 restart-policy: a replica restartPolicy the operator rejects or does not honour, or a
pod-template restartPolicy it overrides.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import UNSAFE, Edit, Fix, Severity
from mpilint.models.mpijob import MPIJob, ReplicaSpec
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.fields import is_set, related_at, text_of
from mpilint.ruleapi.fixes import delete_entry, replace_scalar
from mpilint.ruleapi.insert import block_indent, insert_first
from mpilint.sources.yamlsource import MappingNode, Node, ScalarNode, get, span_of

_POLICIES = ("Always", "OnFailure", "Never", "ExitCode")


def check(subject: Manifest) -> Iterator[Hit]:
    """Replica-level restartPolicy values the operator rejects or ignores, and pod-template
    values it silently overrides (domain notes 1.1, P03 and correction C4)."""
    job = subject.job
    if job.version not in ("v2beta1", "v1"):
        return
    for replica in job.replica_specs:
        if replica.role not in ("Launcher", "Worker"):
            continue
        level = get(replica.node, "restartPolicy")
        value = text_of(level) if is_set(level) else None
        hit = _replica_policy(job.version, replica, level, value) if level is not None else None
        if hit is not None:
            yield hit
        if value is None or value in _ACCEPTED[job.version]:
            hit = _template_policy(subject, replica, level, value)
            if hit is not None:
                yield hit


# What each operator lets through (C4): mpi-operator's validation.go (v0.4.0 to v0.8.2) accepts
# Never and OnFailure; training-operator v1 copies any value into the pod (ExitCode becomes Never),
# where the API server accepts only the pod restart policies.
_ACCEPTED = {"v2beta1": ("Never", "OnFailure"), "v1": _POLICIES}
_POD_POLICIES = ("Always", "OnFailure", "Never")


def _replica_policy(
    version: str, replica: ReplicaSpec, level: Node, value: str | None
) -> Hit | None:
    if value is None:
        return None  # unset, empty (defaulted), templated, or a type error MPL105 reports
    if version == "v2beta1":
        if value in ("Always", "ExitCode"):
            return _rejected(replica, level, value)
        if value not in _POLICIES:
            return _unknown_v2(replica, level, value)
        return None
    if value == "ExitCode":
        return Hit(
            span_of(level),
            f"{replica.role}.restartPolicy ExitCode is accepted by the v1 operator but not"
            " honoured for MPIJob: the pod gets restartPolicy Never and failed ranks are not"
            " restarted by exit code. Write Never, or OnFailure to restart failed"
            " containers",
            severity=Severity.WARNING,
        )
    if value == "Always" and replica.role == "Launcher":
        return Hit(
            span_of(level),
            "Launcher.restartPolicy Always is copied into the launcher pod by the v1 operator:"
            " when mpirun exits successfully the kubelet starts it again, the launcher pod never"
            " reaches Succeeded, and the job never completes (it reruns the whole run instead)."
            " Write OnFailure or Never",
        )
    if value not in _POLICIES:
        near = _near(value, _POD_POLICIES if replica.role == "Worker" else ("OnFailure", "Never"))
        advice = f"Did you mean {near!r}?" if near else "Write Never or OnFailure"
        return Hit(
            span_of(level),
            f"{replica.role}.restartPolicy {value!r} is not a restart policy; nothing checks it"
            " when the MPIJob is applied (the CRD has no enum), and the v1 operator copies it into"
            f" every {replica.role.lower()} pod, which the API server then refuses (a pod's"
            " restartPolicy is Always, OnFailure or Never, case included): the job never gets"
            f" its pods. {advice}",
        )
    return None


def _rejected(replica: ReplicaSpec, level: Node, value: str) -> Hit:
    default = "OnFailure" if replica.role == "Launcher" else "Never"
    return Hit(
        span_of(level),
        f"{replica.role}.restartPolicy {value} is not supported by the v2beta1 operator (only"
        " Never and OnFailure are): it refuses the job with a ValidationError event and"
        f" creates no pods. Write Never or OnFailure (the default here is {default})",
    )


def _unknown_v2(replica: ReplicaSpec, level: Node, value: str) -> Hit:
    near = _near(value, ("Never", "OnFailure"))
    advice = f"Did you mean {near!r}?" if near else "Write Never or OnFailure"
    return Hit(
        span_of(level),
        f"{replica.role}.restartPolicy {value!r} is not supported by the v2beta1 operator (only"
        " Never and OnFailure are, case included); the CRD does not check the value, so the"
        " MPIJob is accepted, and then the operator refuses it with a ValidationError event and"
        f" creates no pods. {advice}",
    )


def _near(value: str, choices: tuple[str, ...]) -> str | None:
    """The accepted value a near-miss (another case, a typo) was meant to be."""
    near = next((c for c in choices if c.lower() == value.lower()), None)
    if near is None:
        import difflib  # only for a misspelt value: its import (with heapq) is not free

        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        near = close[0] if close else None
    return near


def _template_policy(
    subject: Manifest, replica: ReplicaSpec, level: Node | None, value: str | None
) -> Hit | None:
    """``template.spec.restartPolicy`` is always replaced by the replica-level value."""
    node = get(replica.pod_spec, "restartPolicy")
    written = text_of(node)
    if node is None or written is None:
        return None
    if is_set(level) and value is None:
        return None  # templated, or a type error the schema rule reports
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
            fix=_delete(subject, replica, f"delete it (the pod gets {effective} either way)"),
        )
    return Hit(
        span_of(node),
        f"restartPolicy {written} in the {replica.role} pod template is ignored: the operator"
        f" replaces it with {origin}, so the pod runs with {effective}. Set the policy at the"
        f" replica level ({replica.role}.restartPolicy: Never or OnFailure) and delete this line",
        severity=Severity.WARNING,
        related=related,
        fix=_move(subject, replica, level, written),
    )


def _delete(subject: Manifest, replica: ReplicaSpec, description: str) -> Fix | None:
    """Deleting a template restartPolicy equal to what the pod gets changes nothing."""
    spec = replica.pod_spec
    if not isinstance(spec, MappingNode):
        return None
    keys = [k for k, _ in spec.value if isinstance(k, ScalarNode) and k.value == "restartPolicy"]
    if len(keys) != 1:
        return None  # merged in from another mapping, or written twice (MPL002)
    return delete_entry(subject, spec, keys[0], description)


# The template values a move may write at the replica level: those both operators accept there
# and honour (v1 Always is refused on the launcher's account; ExitCode is not a pod policy).
_MOVABLE = ("Never", "OnFailure")


def _move(subject: Manifest, replica: ReplicaSpec, level: Node | None, written: str) -> Fix | None:
    """Unsafe: the template's value becomes the replica's, so the pods run with the policy the
    template asked for instead of the one the operator gave them. The replica's own value is
    replaced in its quotes, or a line is written above the replica's first key; the template's
    line goes."""
    if written not in _MOVABLE or not isinstance(replica.node, MappingNode):
        return None
    description = f"move it to {replica.role}.restartPolicy ({written}, the pods' new policy)"
    deleted = _delete(subject, replica, description)
    if deleted is None or replica.node.flow_style:
        return None
    written_at: Edit
    if level is not None:
        if isinstance(level, ScalarNode) and not level.style and not level.value:
            return None  # `restartPolicy:` with nothing after it: no text to replace
        replaced = replace_scalar(subject, level, written, description)
        if replaced is None:
            return None
        written_at = replaced.edits[0]
    else:
        indent = block_indent(replica.node, subject.text)
        if indent is None:
            return None
        line = f"{indent}restartPolicy: {written}"
        written_at = insert_first(subject.file, replica.node, subject.text, [line])
    return Fix(description, (written_at, *deleted.edits), UNSAFE)


def _effective_policy(job: MPIJob, replica: ReplicaSpec, value: str | None) -> str:
    """The pod's restartPolicy after the operator's override (domain notes 1.1)."""
    if job.version == "v1":
        return "Never" if value in (None, "ExitCode") else str(value)
    if value is not None:
        return value
    return "OnFailure" if replica.role == "Launcher" else "Never"
