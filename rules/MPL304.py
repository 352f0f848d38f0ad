"""MPL304 openmpi5-orte-env: open MPI 5 in the image ignores the operator's ORTE-era hostfile
variables.

Whether it does depends on the PRRTE bundled with the release (shared domain notes, C2): 5.0.0
and 5.0.6 onwards ignore them, 5.0.1-5.0.5 translate them to PRRTE's names and honour the
hostfile. An image whose Open MPI is known to be one of those five is left alone: the job works,
and the version is pinned in the Dockerfile, so an upgrade is a change mpilint reads again. An
Open MPI 5 of unknown patch level is reported, since every other release ignores them.
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
    orte_env,
    place_ref,
)

_PRTE_HOSTFILE = "PRTE_MCA_prte_default_hostfile"
_IGNORED = ("ignored", "5.0.x")


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
    if not facts.mpis or any(orte_env(m) not in _IGNORED for m in facts.mpis):
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
    if any(orte_env(m) == "5.0.x" for m in facts.mpis):
        has += " (patch level not known)"
    return Hit(
        span,
        f"the image built by {pair.image_file} has {has}; the ORTE-era variables the operator"
        " sets (OMPI_MCA_orte_default_hostfile, OMPI_MCA_orte_set_default_slots,"
        " OMPI_MCA_plm_rsh_args) are ignored by Open MPI 5.0.0 and 5.0.6 onwards, honoured by"
        f" 5.0.1–5.0.5: {program} without a hostfile silently runs every rank on the"
        ' launcher, or fails with "There are not enough slots available" when -n exceeds its'
        f" cores. Pass --hostfile /etc/mpi/hostfile to {program}, or set"
        f" {_PRTE_HOSTFILE}=/etc/mpi/hostfile in the launcher's env",
        file=file,
        related=mpi_related(pair, facts.mpis),
    )
