"""Rules that read what the image holds (MPI, OpenSSH, ENTRYPOINT, USER, ENV) with the job.

The facts come from :mod:`mpilint.models.image.software`; each is known, absent, or unknown, and a rule
fires only on known facts: an unknown base image, a script run during the build or an install
under ``if`` make the rules silent (shared domain notes, section 4: opaque images degrade to
"unknown", never to "fail").  A Dockerfile builds one image, so these rules also stay silent
when the launcher and the workers run different images: which one the Dockerfile builds is
then not known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mpilint.core.findings import Related, Severity, Span
from mpilint.core.lazyre import lazy
from mpilint.models.image.reference import normalise_image
from mpilint.models.image.software import (
    MPI,
    ArgvItem,
    Presence,
    SoftwareFacts,
    effective_argv,
    software_of,
)
from mpilint.models.launchers import ArgRef, Launch, find_launches
from mpilint.models.mpijob import Container, MPIJob, ReplicaSpec
from mpilint.ruleapi import Hit, Pair, rule
from mpilint.sources.yamlsource import (
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    offset_span,
    pairs,
    scalar_type,
    span_of,
)

_FAMILIES = ("OpenMPI", "Intel", "MPICH")
_LABEL = {"OpenMPI": "Open MPI", "Intel": "Intel MPI", "MPICH": "MPICH"}
_OPEN_MPI_LAUNCH = ("mpi", "openmpi")

# ---------------------------------------------------------------- shared helpers


def _facts(pair: Pair) -> SoftwareFacts | None:
    """The image's facts, when the Dockerfile is certainly the image of every main container."""
    job = pair.manifest.job
    images = set()
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if main is None:
            continue
        if main.image is None or not main.image.value:
            return None
        images.add(normalise_image(main.image.value))
    if len(images) != 1:
        return None
    return software_of(pair.image)


def _launcher_argv(
    job: MPIJob, facts: SoftwareFacts
) -> tuple[Container, tuple[ArgvItem, ...]] | None:
    launcher = job.launcher
    main = launcher.main if launcher else None
    if main is None:
        return None
    argv = effective_argv(main, facts)
    return (main, argv) if argv is not None else None


def _place(pair: Pair, items: Sequence[ArgvItem], ref: ArgRef) -> tuple[str, Span]:
    """(file, span) of a word of the effective argv: in the manifest or in the Dockerfile."""
    item = items[ref.index]
    manifest = pair.manifest
    if item.node is None:
        return pair.image_file, item.span or pair.image.final.from_span
    node = item.node
    if isinstance(node, ScalarNode) and not (ref.start == 0 and ref.end >= len(item.text)):
        return manifest.file, offset_span(node, manifest.text, ref.start, ref.end)
    return manifest.file, span_of(node)


def _mpi_related(pair: Pair, mpis: Sequence[MPI]) -> tuple[Related, ...]:
    return tuple(
        Related(
            pair.image_file,
            m.span or pair.image.final.from_span,
            f"{_describe(m)} comes from {m.how}",
        )
        for m in mpis
    )


def _describe(mpi: MPI) -> str:
    return _LABEL[mpi.family] + (f" {mpi.version}" if mpi.version else "")


def _key(node: Node | None, name: str) -> Node | None:
    for key_name, key, _ in pairs(node):
        if key_name == name:
            return key
    return None


def _env(container: Container) -> dict[str, str | None] | None:
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


def _texts(items: Sequence[ArgvItem]) -> list[str]:
    return [i.text for i in items]


# ---------------------------------------------------------------- MPL204 openssh-missing

_SSH_PACKAGES = {
    "rhel": ("openssh-server", "openssh-clients"),
    "alpine": ("openssh-server", "openssh-client"),
}


@rule("MPL204", "pair")
def openssh_missing(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    facts = _facts(pair)
    launcher, worker = job.launcher, job.worker
    if not job.uses_ssh or facts is None or launcher is None or launcher.main is None:
        return
    if not facts.mpis:
        return  # no MPI at all: probably not the job's image (another Dockerfile beside it)
    has_workers = worker is not None and worker.main is not None and (worker.replicas or 0) >= 1
    server_package, client_package = _SSH_PACKAGES.get(
        facts.os or "", ("openssh-server", "openssh-client")
    )
    missing: list[tuple[str, Presence, str, ReplicaSpec]] = []
    if (has_workers or job.run_launcher_as_worker) and facts.openssh_server.present is False:
        runs = worker if has_workers and worker is not None else launcher
        missing.append((server_package, facts.openssh_server, "sshd", runs))
    if has_workers and facts.openssh_client.present is False:
        missing.append((client_package, facts.openssh_client, "ssh", launcher))
    if missing:
        yield _ssh_hit(pair, facts, missing)


def _ssh_hit(
    pair: Pair, facts: SoftwareFacts, missing: list[tuple[str, Presence, str, ReplicaSpec]]
) -> Hit:
    names = " and ".join(m[0] for m in missing)
    removed = next((m[1].span for m in missing if m[1].how.startswith("removed")), None)
    installs = [p for p in facts.packages if p.manager in ("apt", "rpm", "apk")]
    span = removed or (installs[-1].span if installs else pair.image.final.from_span)
    effects = []
    for package, _, program, replica in missing:
        if program == "sshd":
            effects.append(
                f"without {package} the {replica.role.lower()}s cannot run /usr/sbin/sshd (the"
                ' pod fails with "no such file or directory")'
            )
        else:
            effects.append(
                f'without {package} the launcher has no ssh: mpirun fails ("ssh: not found",'
                ' "ORTE was unable to reliably start one or more daemons")'
            )
    plural = len(missing) > 1
    where = f"{'were' if plural else 'was'} removed" if removed else "not installed"
    if not removed:
        where = f"{'are' if plural else 'is'} {where}"
    related = tuple(
        Related(
            pair.manifest.file,
            span_of(replica.key),
            f"the {replica.role.lower()} needs an ssh"
            + (" server" if program == "sshd" else " client"),
        )
        for _, _, program, replica in missing
    )
    return Hit(
        span,
        f"{names} {where} in the image built by {pair.image_file}, but the v2beta1 operator"
        f" starts ranks over ssh: {'; '.join(effects)}. Install {names} in the final stage"
        + (
            f" (add {'them' if plural else 'it'} to this install)"
            if not removed and span != pair.image.final.from_span
            else ""
        ),
        file=pair.image_file,
        related=related,
    )


# ------------------------------------------------------------ MPL303 mpi-implementation-mismatch

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


@rule("MPL303", "pair")
def mpi_implementation_mismatch(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    declared = job.mpi_implementation
    if job.version != "v2beta1" or declared not in _FAMILIES:
        return
    facts = _facts(pair)
    if facts is None or not facts.mpi_complete or not facts.mpis:
        return
    if declared in facts.mpi_families() or _image_names(job, declared):
        return
    if _explicit_hostfile(job, facts):
        return
    node = get(job.spec, "mpiImplementation")
    span = span_of(node) if node is not None else span_of(_key(job.root, "spec") or job.root)
    written = "is OpenMPI (the default)" if node is None else f"is {declared}"
    has = " and ".join(_describe(m) for m in facts.mpis)
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
        f" {_LABEL[declared]} only ({variables[declared]}), which {has} does not read: its"
        ' mpirun gets no host list and runs every rank on the launcher ("mpi program only'
        f' executed on launcher"). Set mpiImplementation: {families[0]}'
        + (" (one of the image's MPIs)" if len(families) > 1 else ""),
        related=_mpi_related(pair, facts.mpis),
    )


def _explicit_hostfile(job: MPIJob, facts: SoftwareFacts) -> bool:
    """``-f /etc/mpi/hostfile`` and friends hand the hostfile over explicitly (notes, P07)."""
    found = _launcher_argv(job, facts)
    if found is None:
        return False
    return any(launch.replaces_hostfile for launch in find_launches(_texts(found[1])))


# ---------------------------------------------------------------- MPL304 openmpi5-orte-env

_PRTE_HOSTFILE = "PRTE_MCA_prte_default_hostfile"


@rule("MPL304", "pair")
def openmpi5_orte_env(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    worker = job.worker
    if job.version != "v2beta1" or job.mpi_implementation != "OpenMPI":
        return
    if worker is None or (worker.replicas or 0) < 1:
        return  # no workers: every rank is meant to run on the launcher
    facts = _facts(pair)
    if facts is None or not facts.mpi_complete or facts.mpi_families() != {"OpenMPI"}:
        return
    if any(m.major is None or m.major < 5 for m in facts.mpis):
        return
    found = _launcher_argv(job, facts)
    if found is None:
        return
    main, items = found
    texts = _texts(items)
    env = _env(main)
    if env is None or _PRTE_HOSTFILE in env or facts.env_var(_PRTE_HOSTFILE) is not None:
        return
    if any(_PRTE_HOSTFILE in t or "hostfile" in t for t in texts):
        return
    launches = find_launches(texts)
    if not launches or any(launch.family not in _OPEN_MPI_LAUNCH for launch in launches):
        return
    for launch in launches:
        if launch.unknowable or launch.replaces_hostfile:
            continue
        yield _orte_hit(pair, items, launch, facts)


def _orte_hit(pair: Pair, items: Sequence[ArgvItem], launch: Launch, facts: SoftwareFacts) -> Hit:
    file, span = _place(pair, items, launch.program_ref)
    program = launch.program.rsplit("/", 1)[-1]
    has = " and ".join(_describe(m) for m in facts.mpis)
    return Hit(
        span,
        f"the image built by {pair.image_file} has {has}, which ignores the ORTE-era variables"
        " the operator sets (OMPI_MCA_orte_default_hostfile, OMPI_MCA_orte_set_default_slots,"
        f" OMPI_MCA_plm_rsh_args): {program} without a hostfile silently runs every rank on the"
        ' launcher, or fails with "There are not enough slots available" when -n exceeds its'
        f" cores. Pass --hostfile /etc/mpi/hostfile to {program}, or set"
        f" {_PRTE_HOSTFILE}=/etc/mpi/hostfile in the launcher's env",
        file=file,
        related=_mpi_related(pair, facts.mpis),
    )


# ---------------------------------------------------------------- MPL305 openmpi-root

_ALLOW = ("OMPI_ALLOW_RUN_AS_ROOT", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM")


def _root_because(
    pair: Pair, replica: ReplicaSpec, main: Container, facts: SoftwareFacts
) -> Related | None:
    """Why the launcher certainly runs as root (the other half of the finding); None when it
    does not, or when that cannot be known."""
    non_root = replica.security(main, "runAsNonRoot")
    if non_root is not None and non_root.value.lower() == "true":
        return None
    uid = replica.security(main, "runAsUser")
    if uid is not None:
        if scalar_type(uid) != "int" or uid.value.strip() not in ("0", "+0", "00"):
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
    env = _env(main)
    if env is None:
        return None
    for name in _ALLOW:
        image_var = facts.env_var(name)
        if name not in env and image_var is None and not facts.env_complete:
            return None
        if name not in env and image_var is None:
            return False
    return True


@rule("MPL305", "pair")
def openmpi_root(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    launcher = job.launcher
    facts = _facts(pair)
    if facts is None or launcher is None:
        return
    found = _launcher_argv(job, facts)
    if found is None:
        return
    main, items = found
    texts = _texts(items)
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
        file, span = _place(pair, items, launch.program_ref)
        program = launch.program.rsplit("/", 1)[-1]
        yield Hit(
            span,
            f"the launcher runs {program} of Open MPI as root, which refuses to start:"
            ' "mpirun has detected an attempt to run as root". Run as the image\'s user'
            f" (securityContext.runAsUser), or add --allow-run-as-root to {program} (or set"
            " both OMPI_ALLOW_RUN_AS_ROOT=1 and OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 in the"
            " launcher's env)",
            file=file,
            related=(because,),
        )


# ---------------------------------------------------------------- MPL306 entrypoint-bypassed


@rule("MPL306", "pair")
def entrypoint_bypassed(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    launcher = job.launcher
    main = launcher.main if launcher else None
    if job.version != "v2beta1" or main is None:
        return
    facts = _facts(pair)
    if facts is None or not facts.entrypoint_known or facts.entrypoint is None:
        return
    entry = facts.entrypoint
    if entry.shell_form or entry.argv[:1] != ("/entrypoint.sh",):
        return
    hydra = sorted(facts.mpi_families() & {"Intel", "MPICH"})
    command = main.command
    if not hydra or not isinstance(command, SequenceNode) or not command.value:
        return
    if any("entrypoint.sh" in text for text, _ in main.argv()):
        return
    first = command.value[0]
    yield Hit(
        span_of(first),
        "the launcher sets `command`, which replaces the image's ENTRYPOINT /entrypoint.sh:"
        " that script waits until the launcher's and every hostfile host's names resolve"
        + (", and sources /opt/intel/oneapi/setvars.sh," if "Intel" in hydra else "")
        + " before it runs its arguments. Without it Hydra fails on workers whose names do not"
        " resolve yet"
        + (
            ' and Intel MPI may not be on PATH ("executable file not found in $PATH")'
            if "Intel" in hydra
            else ""
        )
        + ". Move the command into `args` and leave `command` empty",
        related=(
            Related(
                pair.image_file,
                entry.span or pair.image.final.from_span,
                'ENTRYPOINT ["/entrypoint.sh"] of the image',
            ),
        ),
    )


# ---------------------------------------------------------------- MPL307 env-not-forwarded

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


@rule("MPL307", "pair")
def env_not_forwarded(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    if not job.uses_ssh:
        return
    facts = _facts(pair)
    mpi = _custom_openmpi(facts) if facts is not None else None
    if facts is None or mpi is None or mpi.prefix is None or facts.ssh_env_configured:
        return
    prefix = mpi.prefix.rstrip("/")
    pointing = [
        e
        for e in facts.env
        if e.name in _PATH_VARS and re.search(rf"{re.escape(prefix)}(?:/|$|:)", e.written)
    ]
    found = _launcher_argv(job, facts)
    if not pointing or found is None:
        return
    main, items = found
    texts = _texts(items)
    env = _env(main)
    if env is None or _prefix_known(env, facts, texts):
        return
    forwarded = set(_FORWARDED().findall(" ".join(texts)))
    missing = [e for e in pointing if e.name not in forwarded]
    launches = [x for x in find_launches(texts) if x.family in _OPEN_MPI_LAUNCH]
    for launch in launches:
        if launch.unknowable or launch.program.startswith("/") or not missing:
            continue
        file, span = _place(pair, items, launch.program_ref)
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
                *_mpi_related(pair, (mpi,)),
            ),
        )
