"""MPL304 openmpi5-orte-env: open MPI 5 in the image ignores the operator's ORTE-era hostfile
variables.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mpilint.models.image.software import ArgvItem, SoftwareFacts
from mpilint.models.launchers import Launch, find_launches
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.mpi import (
    OPEN_MPI_LAUNCH,
    argv_texts,
    describe,
    env_of,
    launcher_argv,
    mpi_facts,
    mpi_related,
    place_ref,
)

_PRTE_HOSTFILE = "PRTE_MCA_prte_default_hostfile"


def check(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    worker = job.worker
    if job.version != "v2beta1" or job.mpi_implementation != "OpenMPI":
        return
    if worker is None or (worker.replicas or 0) < 1:
        return  # no workers: every rank is meant to run on the launcher
    facts = mpi_facts(pair)
    if facts is None or not facts.mpi_complete or facts.mpi_families() != {"OpenMPI"}:
        return
    if any(m.major is None or m.major < 5 for m in facts.mpis):
        return
    found = launcher_argv(job, facts)
    if found is None:
        return
    main, items = found
    texts = argv_texts(items)
    env = env_of(main)
    if env is None or _PRTE_HOSTFILE in env or facts.env_var(_PRTE_HOSTFILE) is not None:
        return
    if any(_PRTE_HOSTFILE in t or "hostfile" in t for t in texts):
        return
    launches = find_launches(texts)
    if not launches or any(launch.family not in OPEN_MPI_LAUNCH for launch in launches):
        return
    for launch in launches:
        if launch.unknowable or launch.replaces_hostfile:
            continue
        yield _orte_hit(pair, items, launch, facts)


def _orte_hit(pair: Pair, items: Sequence[ArgvItem], launch: Launch, facts: SoftwareFacts) -> Hit:
    file, span = place_ref(pair, items, launch.program_ref)
    program = launch.program.rsplit("/", 1)[-1]
    has = " and ".join(describe(m) for m in facts.mpis)
    return Hit(
        span,
        f"the image built by {pair.image_file} has {has}, which ignores the ORTE-era variables"
        " the operator sets (OMPI_MCA_orte_default_hostfile, OMPI_MCA_orte_set_default_slots,"
        f" OMPI_MCA_plm_rsh_args): {program} without a hostfile silently runs every rank on the"
        ' launcher, or fails with "There are not enough slots available" when -n exceeds its'
        f" cores. Pass --hostfile /etc/mpi/hostfile to {program}, or set"
        f" {_PRTE_HOSTFILE}=/etc/mpi/hostfile in the launcher's env",
        file=file,
        related=mpi_related(pair, facts.mpis),
    )
