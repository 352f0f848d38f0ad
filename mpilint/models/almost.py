"""Documents that are almost an MPIJob: what ``read_mpijob`` skips but the author meant as one.

A misspelt ``kind`` (``MpiJob``, ``MPIJobs``), an ``apiVersion`` of the Kubeflow group that no
operator serves (``kubeflow.org/v2``), or ``spec.mpiReplicaSpecs`` under another kind: each is
skipped by the reader, so without this module mpilint would report "no problems" for a job it
never read, while the API server refuses the object (no such kind or version) or drops the
MPI part of it (an unknown field). The verdicts are certain; "close" is kept narrow so that the
other objects of a repository (``Job``, the Kubeflow ``TFJob`` or ``MXJob``) are never touched.
"""

from __future__ import annotations

from mpilint.core.records import Record
from mpilint.models.mpijob import GROUP, KNOWN_VERSIONS, api_version
from mpilint.sources.yamlsource import MappingNode, Node, get, get_str

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass

KIND = "MPIJob"
# The versions a maintained operator serves (domain notes C13): mpi-operator v0.4.0 and later
# serves only v2beta1, the training-operator only v1.
SERVED = ("kubeflow.org/v2beta1", "kubeflow.org/v1")
EXPECTED = (
    "mpilint checks kind MPIJob in kubeflow.org/v2beta1 (mpi-operator v0.4.0 and later) or"
    " kubeflow.org/v1 (the Kubeflow training-operator)"
)
# Real kinds one or two edits from "mpijob" (the training-operator's MXJob is two): never a
# misspelling of MPIJob.
_OTHER_KINDS = frozenset({"mxjob", "tfjob", "jaxjob", "pytorchjob", "xgboostjob", "paddlejob"})
# At most this many single-letter edits (insert, delete, substitute, swap) from "mpijob", case
# aside: MPJob, MPIJobs, MPI_Job, MIPJob are a typo; Job (three) and PodJob (three) are not.
MAX_EDITS = 2


class Almost(Record):
    node: Node  # where to point: the kind, the apiVersion, or the mpiReplicaSpecs
    message: str


def almost_mpijob(root: Node) -> Almost | None:
    """Why a document that ``read_mpijob`` skipped looks meant as an MPIJob, or None."""
    if not isinstance(root, MappingNode):
        return None
    kind = get_str(root, "kind")
    kind_node = get(root, "kind")
    version_node = get(root, "apiVersion")
    written = get_str(version_node) or ""
    found = api_version(root)
    in_group = found is not None and found[0] == GROUP
    unknown_version = in_group and found is not None and found[1] not in KNOWN_VERSIONS
    if kind == KIND and unknown_version and version_node is not None:
        return Almost(
            version_node,
            f"apiVersion {written!r} is a version of the Kubeflow group that no operator serves,"
            f" so the API server refuses this MPIJob and mpilint did not check it: {EXPECTED}"
            + _closest(written),
        )
    if kind is not None and kind != KIND and kind_node is not None and _misspelt(kind):
        also = (
            f"; and apiVersion {written!r} is no served version" + _closest(written)
            if unknown_version
            else ""
        )
        return Almost(
            kind_node,
            f"kind {kind!r} is not MPIJob"
            + (" (kinds are case-sensitive)" if kind.lower() == KIND.lower() else "")
            + ", so the API server has no such kind and mpilint did not check this object as an"
            f" MPIJob: {EXPECTED}{also}",
        )
    spec = get(root, "spec")
    if not isinstance(spec, MappingNode) or get(spec, "mpiReplicaSpecs") is None:
        return None
    if kind == KIND and not in_group and version_node is not None:
        return Almost(
            version_node,
            f"apiVersion {written!r} is not in the Kubeflow group, so this MPIJob is no object"
            f" the operator reads and mpilint did not check it: {EXPECTED}" + _closest(written),
        )
    if kind != KIND:
        key = next(k for k in spec.value if get_str(k[0]) == "mpiReplicaSpecs")[0]
        under = f"kind {kind!r}" if kind else "an object with no kind"
        return Almost(
            key,
            f"spec.mpiReplicaSpecs belongs to an MPIJob, but it is under {under}"
            + (f" ({written})" if written else "")
            + ": the API server refuses or drops the field, and mpilint did not check this"
            f" object as an MPIJob: {EXPECTED}",
        )
    return None


def _misspelt(kind: str) -> bool:
    lowered = kind.lower()
    if lowered in _OTHER_KINDS:
        return False
    return _edits(lowered, KIND.lower()) <= MAX_EDITS


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance: a swap of two neighbours is one edit (``MIPJob``)."""
    if abs(len(a) - len(b)) > MAX_EDITS:
        return MAX_EDITS + 1
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]


def _closest(written: str) -> str:
    """The served version of the same major version (``v2``, ``v2beta`` → v2beta1, ``v1beta1``
    → v1); none for a major version nobody serves (``v3``)."""
    import re

    major = re.match(r"v(\d+)", written.rpartition("/")[2])
    if major is None:
        return ""
    for served in SERVED:
        if re.match(rf"v{major[1]}(?!\d)", served.rpartition("/")[2]):
            return f"; did you mean {served}?"
    return ""
