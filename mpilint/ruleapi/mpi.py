"""What the rules about the image's MPI (MPL303, MPL304, MPL305, MPL307) and OpenSSH (MPL204)
share: the image's software facts, the launcher's effective argv, and how they name and place an
MPI installation in a finding.

The facts come from :mod:`mpilint.models.image.software`; each is known, absent, or unknown, and
a rule fires only on known facts: an unknown base image, a script run during the build or an
install under ``if`` make the rules silent. A Dockerfile builds one image, so these rules also
stay silent when the launcher and the workers run different images: which one the Dockerfile
builds is then not known.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mpilint.core.findings import Related, Span
from mpilint.models.image.software import MPI, ArgvItem, SoftwareFacts, effective_argv, software_of
from mpilint.models.launchers import ArgRef
from mpilint.models.mpijob import Container, MPIJob
from mpilint.ruleapi import Pair
from mpilint.ruleapi.pairs import one_image
from mpilint.sources.yamlsource import ScalarNode, SequenceNode, get, get_str, offset_span, span_of

LABEL = {"OpenMPI": "Open MPI", "Intel": "Intel MPI", "MPICH": "MPICH"}
OPEN_MPI_LAUNCH = ("mpi", "openmpi")


def mpi_facts(pair: Pair) -> SoftwareFacts | None:
    """The image's facts, when the Dockerfile is certainly the image of every main container."""
    return software_of(pair.image) if one_image(pair.manifest.job) else None


def launcher_argv(
    job: MPIJob, facts: SoftwareFacts
) -> tuple[Container, tuple[ArgvItem, ...]] | None:
    launcher = job.launcher
    main = launcher.main if launcher else None
    if main is None:
        return None
    argv = effective_argv(main, facts)
    return (main, argv) if argv is not None else None


def place_ref(pair: Pair, items: Sequence[ArgvItem], ref: ArgRef) -> tuple[str, Span]:
    """(file, span) of a word of the effective argv: in the manifest or in the Dockerfile."""
    item = items[ref.index]
    manifest = pair.manifest
    if item.node is None:
        return pair.image_file, item.span or pair.image.final.from_span
    node = item.node
    if isinstance(node, ScalarNode) and not (ref.start == 0 and ref.end >= len(item.text)):
        return manifest.file, offset_span(node, manifest.text, ref.start, ref.end)
    return manifest.file, span_of(node)


def mpi_related(pair: Pair, mpis: Sequence[MPI]) -> tuple[Related, ...]:
    return tuple(
        Related(
            pair.image_file,
            m.span or pair.image.final.from_span,
            f"{describe(m)} comes from {m.how}",
        )
        for m in mpis
    )


def orte_env(mpi: MPI) -> str:
    """How an Open MPI treats the operator's ORTE-era variables (shared domain notes, C2):
    ``"honoured"`` (Open MPI 4, and 5.0.1-5.0.5 whose PRRTE 3.0.3-3.0.6 translates them),
    ``"ignored"`` (5.0.0, with PRRTE 3.0.2, and 5.0.6 onwards, PRRTE 3.0.7 and later),
    ``"5.0.x"`` (Open MPI 5.0 of unknown patch level: every release but five ignores them),
    ``"unknown"`` (not even the major version is known)."""
    numbers = [int(n) for n in re.findall(r"\d+", mpi.version or "")[:3]]
    if not numbers:
        return "unknown"
    if numbers[0] < 5:
        return "honoured"
    if numbers[:2] != [5, 0]:
        return "ignored" if numbers > [5, 0] else "5.0.x"
    if len(numbers) < 3:
        return "5.0.x"
    return "honoured" if 1 <= numbers[2] <= 5 else "ignored"


def describe(mpi: MPI) -> str:
    return LABEL[mpi.family] + (f" {mpi.version}" if mpi.version else "")


def env_of(container: Container) -> dict[str, str | None] | None:
    """The container's literal env; None when ``envFrom`` may add anything."""
    if get(container.node, "envFrom") is not None:
        return None
    found: dict[str, str | None] = {}
    if isinstance(container.env, SequenceNode):
        for item in container.env.value:
            name = get_str(item, "name")
            if name is not None:
                found[name] = get_str(item, "value") if get(item, "valueFrom") is None else None
    return found


def argv_texts(items: Sequence[ArgvItem]) -> list[str]:
    return [i.text for i in items]
