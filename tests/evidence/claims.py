"""The runtime claims mpilint's rules make, each tied to the scenario that reproduces it.

A claim is text a rule's message or rationale quotes as what a program prints or does on the
cluster. Each scenario module (``test_*.py`` in this folder) lists its claims in a module-level
``CLAIMS`` and asserts, from the real program's output, that each quote appears there
(:func:`assert_printed`). ``test_claims.py`` then checks the other half: that each quote is still
in what the rule says, so a claim cannot outlive its message or its proof.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    rule: str  # "MPL203"
    quote: str  # the text as the program prints it, and as the rule quotes it
    scenario: str  # the test function in this folder that reproduces it: "test_sshd::test_x"
    holds_for: str  # the versions the scenario ran, e.g. "OpenSSH 9.2p1 (Debian 12)"
    where: str = "message"  # "message" (a finding's text), "rationale" (the rule's docs), "both"


def printed_pattern(quote: str, instead: Mapping[str, str] | None = None) -> re.Pattern[str]:
    """The text a program must print for ``quote``: "…" stands for text the rule leaves out
    (a path, a host), and ``instead`` swaps a value the rule names for the one the scenario had to
    use (the cluster's port 22 on 0.0.0.0 for a free port on 127.0.0.1), each swap written out
    in the scenario so a reader sees exactly what differs."""
    for theirs, ours in (instead or {}).items():
        alone = re.compile(rf"(?<!\w){re.escape(theirs)}(?!\w)")  # "N", not the N of "No"
        assert alone.search(quote), f"{theirs!r} is not in the quote {quote!r}"
        quote = alone.sub(ours.replace("\\", "\\\\"), quote)
    return re.compile(".+?".join(re.escape(part.strip()) for part in quote.split("…")), re.S)


def assert_printed(claim: Claim, output: str, instead: Mapping[str, str] | None = None) -> None:
    """The scenario's half of a claim: the program printed the text the rule quotes."""
    pattern = printed_pattern(claim.quote, instead)
    assert pattern.search(output), (
        f"{claim.rule} quotes {claim.quote!r}, but {claim.holds_for} printed:\n{output[-3000:]}"
    )


# Double-quoted fragments of rules' messages and rationales that look like runtime text
# (tests/evidence/quoted.py says how that is decided) but that no scenario here can or need
# reproduce, each with the reason. test_claims.py fails on an entry that no rule says any more.
_DOC = "a document's or a source comment's words, quoted as such: nothing prints them"
_OWN = "mpilint's own words in scare quotes, not a program's"
_CLUSTER = (
    "the API server's, the operator's or the container runtime's text: there is no cluster in"
    " the evidence suite; the source is named in domain.md"
)
_GPU = "NCCL's and Horovod's text on GPUs: the evidence machines have no GPU"
ALLOWED: dict[tuple[str, str], str] = {
    ("MPL002", "mapping key already defined"): _CLUSTER,
    ("MPL005", "billion laughs"): "the name of an attack",
    ("MPL005", "excessive aliasing"): _OWN,
    ("MPL102", 'the parameter `-n "2"` for `Launcher` needs to match `Worker.replicas`'): _DOC,
    ("MPL103", "is **not working** as is. You need to specify `IMAGE` and `COMMAND`"): _DOC,
    ("MPL103", "repository name must be lowercase"): _CLUSTER,
    ("MPL104", "The same image should be used for both `Launcher` and `Worker` Pods"): _DOC,
    ("MPL008", "No problems found"): "mpilint's own summary line, quoted",
    ("MPL101", "cannot unmarshal number into Go struct field"): _CLUSTER,
    ("MPL105", ": … must be of type integer"): _CLUSTER,
    ("MPL105", "spec.slotsPerWorker: Invalid value:"): _CLUSTER,
    ("MPL106", "has no effect"): _OWN,
    ("MPL107", "will not able to create pod and service with invalid DNS label"): _CLUSTER,
    ("MPL108", "Master ReplicaSpec must be present"): _CLUSTER,
    ("MPL109", "did you mean"): _OWN,
    ("MPL108", "must be 1"): _CLUSTER,
    ("MPL108", "must be greater than or equal to 1"): _CLUSTER,
    ("MPL109", "worker is always Running while the launcher errored"): "an issue's title",
    ("MPL110", "sshd listens"): _OWN,
    ("MPL110", "the container started"): _OWN,
    ("MPL111", "GPU … still occupied"): "an issue's words",
    ("MPL111", "worker pods keep running after launcher completed"): "an issue's title",
    ("MPL112", "Duplicate GPU detected"): _GPU,
    ("MPL112", "IndexError: list index out of range"): _GPU,
    ("MPL112", "NCCL WARN Duplicate GPU detected"): _GPU,
    ("MPL113", "so that users will not be mistakenly using GPU resources for launcher"): _DOC,
    ("MPL120", "Duplicate value"): _CLUSTER,
    ("MPL120", "must be unique"): _CLUSTER,
    ("MPL203", "Disabling StrictModes avoids directory and files read permission checks"): _DOC,
    ("MPL204", "no such file or directory"): _CLUSTER,
    (
        "MPL301",
        "User in the attribute `sshAuthMountPath` must match user name created in the docker image",
    ): _DOC,
    ("MPL301", "cannot verify"): _OWN,
    ("MPL303", "mpi program only executed on launcher"): (
        "an issue's title (mpi-operator#472); the behaviour it names, ranks on the launcher"
        " when Hydra gets no hostfile it reads, is run by test_hydra::test_open_mpi_hostfile"
    ),
    ("MPL306", ": executable file not found in $PATH"): _CLUSTER,
    ("MPL306", "executable file not found in $PATH"): _CLUSTER,
    (
        "MPL308",
        "User in the attribute `sshAuthMountPath` must match user name created in the docker image",
    ): _DOC,
    ("MPL309", "You cannot bind port below 1024"): _DOC,
    ("MPL309", "exec /usr/sbin/sshd: operation not permitted"): (
        "runc's text (`exec %s: %w`) when the kernel refuses a binary whose file capabilities"
        " exceed the bounding set: no container runtime in the evidence suite"
    ),
    ("MPL309", "insufficient to execute correctly"): "the Linux kernel's source comment",
}
