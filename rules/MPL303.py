"""MPL303 mpi-implementation-mismatch: spec.mpiImplementation names another MPI than the one the
image holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.models.image.software import SoftwareFacts
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.mpi import LABEL, argv_texts, describe, launcher_argv, mpi_facts, mpi_related
from mpilint.sources.yamlsource import Node, get, pairs, span_of

_FAMILIES = ("OpenMPI", "Intel", "MPICH")


def _key(node: Node | None, name: str) -> Node | None:
    for key_name, key, _ in pairs(node):
        if key_name == name:
            return key
    return None


# Words in an image name that say which MPI it holds (``mpi-pi:intel``).
_NAMED = {
    "OpenMPI": re.compile(r"openmpi|ompi", re.IGNORECASE),
    "Intel": re.compile(r"intel|impi|oneapi", re.IGNORECASE),
    "MPICH": re.compile(r"mpich", re.IGNORECASE),
}


def _image_names(job: MPIJob, family: str) -> bool:
    """The job's image reference itself names ``family``: then the paired Dockerfile, which
    holds another MPI, is probably not the one that built it (a folder of several jobs)."""
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if main is not None and main.image is not None and _NAMED[family].search(main.image.value):
            return True
    return False


def check(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    declared = job.mpi_implementation
    if job.version != "v2beta1" or declared not in _FAMILIES:
        return
    facts = mpi_facts(pair)
    if facts is None or not facts.mpi_complete or not facts.mpis:
        return
    if declared in facts.mpi_families() or _image_names(job, declared):
        return
    if _explicit_hostfile(job, facts):
        return
    node = get(job.spec, "mpiImplementation")
    span = span_of(node) if node is not None else span_of(_key(job.root, "spec") or job.root)
    written = "is OpenMPI (the default)" if node is None else f"is {declared}"
    has = " and ".join(describe(m) for m in facts.mpis)
    families = sorted(facts.mpi_families())
    variables = {
        "OpenMPI": "OMPI_MCA_orte_default_hostfile",
        "Intel": "I_MPI_HYDRA_HOST_FILE",
        "MPICH": "HYDRA_HOST_FILE",
    }
    yield Hit(
        span,
        f"spec.mpiImplementation {written}, but the image built by {pair.image_file} has only"
        f" {has}. The operator writes the hostfile and the environment for"
        f" {LABEL[declared]} only ({variables[declared]}), which {has} does not read: its"
        ' mpirun gets no host list and runs every rank on the launcher ("mpi program only'
        f' executed on launcher"). Set mpiImplementation: {families[0]}'
        + (" (one of the image's MPIs)" if len(families) > 1 else ""),
        related=mpi_related(pair, facts.mpis),
    )


def _explicit_hostfile(job: MPIJob, facts: SoftwareFacts) -> bool:
    """``-f /etc/mpi/hostfile`` and friends hand the hostfile over explicitly (notes, P07)."""
    found = launcher_argv(job, facts)
    if found is None:
        return False
    return any(launch.replaces_hostfile for launch in find_launches(argv_texts(found[1])))
