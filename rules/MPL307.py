"""MPL307 env-not-forwarded: eNV pointing at an Open MPI in a custom prefix does not reach ranks
started over ssh.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mpilint.core.findings import Related, Severity
from mpilint.core.lazyre import lazy
from mpilint.models.image.software import MPI, SoftwareFacts
from mpilint.models.launchers import find_launches
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.mpi import (
    OPEN_MPI_LAUNCH,
    argv_texts,
    env_of,
    launcher_argv,
    mpi_facts,
    mpi_related,
    place_ref,
)

_SYSTEM_PREFIXES = ("/usr", "/usr/local", "/")
_PATH_VARS = ("PATH", "LD_LIBRARY_PATH")
_FORWARDED = lazy(r"(?:^|\s)-x\s+([A-Za-z_][A-Za-z0-9_]*)")


def _custom_openmpi(facts: SoftwareFacts) -> MPI | None:
    """The image's only MPI, when it is Open MPI built from source into a custom prefix
    without ``--enable-orterun-prefix-by-default``."""
    if not facts.mpi_complete or len(facts.mpis) != 1:
        return None
    mpi = facts.mpis[0]
    if mpi.family != "OpenMPI" or mpi.prefix is None or mpi.prefix_by_default is not False:
        return None
    return None if mpi.prefix.rstrip("/") in _SYSTEM_PREFIXES else mpi


def _prefix_known(env: dict[str, str | None], facts: SoftwareFacts, texts: Sequence[str]) -> bool:
    """``--prefix``, an MCA env list or OPAL_PREFIX: the remote side is handled some other way."""
    names = set(env) | {e.name for e in facts.env}
    if any("prefix" in n.lower() or "env_list" in n.lower() for n in names):
        return True
    return any("prefix" in t or "env_list" in t for t in texts)


def check(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    if not job.uses_ssh:
        return
    facts = mpi_facts(pair)
    mpi = _custom_openmpi(facts) if facts is not None else None
    if facts is None or mpi is None or mpi.prefix is None or facts.ssh_env_configured:
        return
    prefix = mpi.prefix.rstrip("/")
    pointing = [
        e
        for e in facts.env
        if e.name in _PATH_VARS and re.search(rf"{re.escape(prefix)}(?:/|$|:)", e.written)
    ]
    found = launcher_argv(job, facts)
    if not pointing or found is None:
        return
    main, items = found
    texts = argv_texts(items)
    env = env_of(main)
    if env is None or _prefix_known(env, facts, texts):
        return
    forwarded = set(_FORWARDED().findall(" ".join(texts)))
    missing = [e for e in pointing if e.name not in forwarded]
    launches = [x for x in find_launches(texts) if x.family in OPEN_MPI_LAUNCH]
    for launch in launches:
        if launch.unknowable or launch.program.startswith("/") or not missing:
            continue
        file, span = place_ref(pair, items, launch.program_ref)
        program = launch.program.rsplit("/", 1)[-1]
        names = " ".join(f"-x {e.name}" for e in missing)
        yield Hit(
            span,
            f"{program} starts the ranks through ssh, whose login environment does not have the"
            f" image's ENV {', '.join(e.name for e in missing)} pointing at Open MPI in {prefix}"
            f" (built without --enable-orterun-prefix-by-default): the workers may fail with"
            ' "orted: command not found" or "error while loading shared libraries". Call'
            f" {prefix}/bin/{program} by its absolute path (or pass --prefix {prefix}), and"
            f" forward the variables with {names}",
            file=file,
            severity=Severity.INFO,
            related=(
                *(Related(pair.image_file, e.span, f"ENV {e.name} set here") for e in missing),
                *mpi_related(pair, (mpi,)),
            ),
        )
