"""MPL111 worker-cleanup: worker pods that outlive the launcher (no cleanPodPolicy, or a TTL that
only deletes the launcher), or v1's deprecated top-level cleanPodPolicy.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import UNSAFE, Fix, Severity
from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.fields import is_set, key_node, related_at, spec_span, text_of
from mpilint.ruleapi.insert import block_indent, insert_first
from mpilint.sources.yamlsource import MappingNode, Node, get, span_of


def check(subject: Manifest) -> Iterator[Hit]:
    """Workers that outlive the launcher (P04): v2beta1 defaults cleanPodPolicy to None."""
    if subject.job.partial:
        return  # a kustomize patch: a missing clean-up policy may be in its base
    if subject.job.version == "v2beta1":
        hit = _v2_cleanup(subject)
        if hit is not None:
            yield hit
    elif subject.job.version == "v1":
        yield from _v1_cleanup(subject)


def _v2_cleanup(subject: Manifest) -> Hit | None:
    job = subject.job
    worker = job.worker
    if worker is None or (worker.replicas is not None and worker.replicas < 1):
        return None  # no worker to leave behind (a launcher-only job, or one MPL108 rejects)
    run_policy = get(job.spec, "runPolicy")
    if is_set(run_policy) and not isinstance(run_policy, MappingNode):
        return None  # a type error: the schema rule reports it
    policy_node = get(run_policy, "cleanPodPolicy")
    policy = text_of(policy_node)
    if is_set(policy_node) and policy is None:
        return None  # templated or a type error
    ttl = get(run_policy, "ttlSecondsAfterFinished")
    key = key_node(job.spec, "runPolicy")
    span = span_of(key) if key is not None else spec_span(job)
    if is_set(ttl) and policy not in ("Running", "All"):
        now = f"cleanPodPolicy {policy}" if policy else "cleanPodPolicy unset (None)"
        return Hit(
            span,
            "runPolicy.ttlSecondsAfterFinished only deletes the launcher Job in v2beta1; with"
            f" {now} the worker pods, still running sshd, stay and keep their CPUs and GPUs."
            " Add runPolicy.cleanPodPolicy: Running (or All)",
            related=related_at(subject, ttl, "ttlSecondsAfterFinished set here")
            + related_at(subject, policy_node if policy else None, "cleanPodPolicy set here"),
            fix=_add_running(subject, run_policy) if policy_node is None else None,
        )
    if policy is not None:
        return None  # None written on purpose (post-mortem debugging), or Running/All
    top = get(job.spec, "cleanPodPolicy")
    misplaced = (
        " (spec.cleanPodPolicy is the v1 field: v2beta1 reads only runPolicy.cleanPodPolicy)"
        if top is not None
        else ""
    )
    return Hit(
        span,
        "runPolicy.cleanPodPolicy is not set, and the v2beta1 operator defaults it to None (the"
        " CRD description wrongly says Running): the workers run sshd until deleted, so their"
        " pods, CPUs and GPUs stay after the launcher finishes"
        f"{misplaced}. Write runPolicy.cleanPodPolicy: Running (or All); write None to keep"
        " them on purpose",
        related=related_at(subject, top, "cleanPodPolicy written here, where v2beta1 ignores it"),
        fix=_add_running(subject, run_policy) if top is None and policy_node is None else None,
    )


def _add_running(subject: Manifest, run_policy: Node | None) -> Fix | None:
    """``cleanPodPolicy: Running`` written into the block mapping runPolicy, or a new
    ``runPolicy:`` block above spec's first entry, indented as the file indents. Unsafe: the
    workers are then deleted when the launcher ends, which a user debugging them may not want
    (None keeps them), and All would also delete the launcher."""
    text, spec = subject.text, subject.job.spec
    description = "write runPolicy.cleanPodPolicy: Running"
    if run_policy is not None:
        indent = block_indent(run_policy, text)
        if indent is None or not isinstance(run_policy, MappingNode):
            return None
        lines = [f"{indent}cleanPodPolicy: Running"]
        return Fix(description, (insert_first(subject.file, run_policy, text, lines),), UNSAFE)
    indent = block_indent(spec, text)
    root = subject.job.root
    if indent is None or not isinstance(spec, MappingNode) or not isinstance(root, MappingNode):
        return None
    step = len(indent) - root.value[0][0].start_mark.column
    if step <= 0:
        return None
    lines = [f"{indent}runPolicy:", f"{indent}{' ' * step}cleanPodPolicy: Running"]
    return Fix(description, (insert_first(subject.file, spec, text, lines),), UNSAFE)


def _v1_cleanup(subject: Manifest) -> Iterator[Hit]:
    """v1 moved cleanPodPolicy under runPolicy; the top-level field still works but loses."""
    spec = subject.job.spec
    top = get(spec, "cleanPodPolicy")
    top_key = key_node(spec, "cleanPodPolicy")
    if not is_set(top) or top_key is None:
        return
    inner = get(spec, "runPolicy", "cleanPodPolicy")
    written, wins = text_of(top), text_of(inner)
    if written is None or (is_set(inner) and wins is None):
        return  # templated values, or type errors the schema rule reports
    if is_set(inner) and written != wins:
        yield Hit(
            span_of(top_key),
            f"spec.cleanPodPolicy {written} is ignored: runPolicy.cleanPodPolicy ({wins}) is"
            f" set too and wins. Delete this deprecated field, and keep the value you want in"
            " runPolicy.cleanPodPolicy",
            severity=Severity.WARNING,
            related=related_at(subject, inner, "the value the operator uses"),
        )
        return
    if is_set(inner):
        advice = "It repeats runPolicy.cleanPodPolicy: delete it"
    else:
        advice = f"Move it to runPolicy.cleanPodPolicy: {written}"
    yield Hit(
        span_of(top_key),
        f"spec.cleanPodPolicy is deprecated in kubeflow.org/v1 (and not read by v2beta1). {advice}",
        severity=Severity.INFO,
        related=related_at(subject, inner if is_set(inner) else None, "runPolicy.cleanPodPolicy"),
    )
