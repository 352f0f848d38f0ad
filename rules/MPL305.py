"""MPL305 openmpi-root: open MPI's mpirun runs as root without --allow-run-as-root or its
variables.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from mpilint.core.findings import Related
from mpilint.models.image.software import SoftwareFacts
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import Container, ReplicaSpec
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.mpi import argv_texts, env_of, launcher_argv, mpi_facts, place_ref
from mpilint.sources.kubevalues import kube_bool, kube_int
from mpilint.sources.yamlsource import span_of

_ALLOW = ("OMPI_ALLOW_RUN_AS_ROOT", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM")


def _root_because(
    pair: Pair, replica: ReplicaSpec, main: Container, facts: SoftwareFacts
) -> Related | None:
    """Why the launcher certainly runs as root (the other half of the finding); None when it
    does not, or when that cannot be known."""
    non_root = replica.security(main, "runAsNonRoot")
    if kube_bool(non_root) is True:
        return None
    uid = replica.security(main, "runAsUser")
    if uid is not None:
        if kube_int(uid) != 0:
            return None
        return Related(pair.manifest.file, span_of(uid), "runAsUser 0: the launcher runs as root")
    if facts.runs_as_root() is not True:
        return None
    if facts.user is not None:
        return Related(pair.image_file, facts.user[1], "the image's USER is root")
    where = facts.base_span or pair.image.final.from_span
    return Related(
        pair.image_file, where, "no USER in the image (nor runAsUser): the launcher runs as root"
    )


def _allowed(main: Container, facts: SoftwareFacts, texts: Sequence[str]) -> bool | None:
    """Whether root is allowed; None when the environment cannot be known."""
    if any("allow-run-as-root" in t or "OMPI_ALLOW_RUN_AS_ROOT" in t for t in texts):
        return True
    env = env_of(main)
    if env is None:
        return None
    for name in _ALLOW:
        image_var = facts.env_var(name)
        if name not in env and image_var is None and not facts.env_complete:
            return None
        if name not in env and image_var is None:
            return False
    return True


def check(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    launcher = job.launcher
    facts = mpi_facts(pair)
    if facts is None or launcher is None:
        return
    found = launcher_argv(job, facts)
    if found is None:
        return
    main, items = found
    texts = argv_texts(items)
    only_openmpi = facts.mpi_complete and facts.mpi_families() == {"OpenMPI"}
    launches = [
        launch
        for launch in find_launches(texts)
        if launch.family == "openmpi" or (launch.family == "mpi" and only_openmpi)
    ]
    if not launches or _allowed(main, facts, texts) is not False:
        return
    because = _root_because(pair, launcher, main, facts)
    if because is None:
        return
    for launch in launches:
        file, span = place_ref(pair, items, launch.program_ref)
        program = launch.program.rsplit("/", 1)[-1]
        yield Hit(
            span,
            f"the launcher runs {program} of Open MPI as root, which refuses to start:"
            ' "mpirun has detected an attempt to run as root" (Open MPI 4; Open MPI 5:'
            ' "prterun has detected an attempt to run as root"). Run as the image\'s user'
            f" (securityContext.runAsUser), or add --allow-run-as-root to {program} (or set"
            " both OMPI_ALLOW_RUN_AS_ROOT=1 and OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 in the"
            " launcher's env)",
            file=file,
            related=(because,),
        )
