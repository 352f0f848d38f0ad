"""Rules about what the operator puts into containers[0], and what the workers must run.

The operator treats ``containers[0]`` of each replica as *the* MPI container: it gets the SSH
mount, the injected environment, the `/etc/mpi` volume (launcher) and, for a v2beta1 worker
without command and args, the default ``/usr/sbin/sshd -De`` (shared domain notes 1.1, 1.2).
These traps are silent: nothing is rejected, the job just never connects (MPL117, MPL118,
MPL119, MPL121).

Commands are read by :mod:`mpilint.models.commands`, as the launcher's are (``gosu``, ``runuser``,
``exec``, ``sh -c`` strings); whatever cannot be read (a script, ``$VAR``, control flow) makes a
rule silent rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.findings import Related, Severity, Span
from mpilint.core.records import Record
from mpilint.models.commands import Command, Word, read_argv, read_sshd
from mpilint.models.launchers import find_launches
from mpilint.models.mpijob import Container, MPIJob, ReplicaSpec, int_value
from mpilint.ruleapi import Hit, Manifest, rule
from mpilint.sources.yamlsource import (
    Node,
    ScalarNode,
    SequenceNode,
    get,
    get_str,
    offset_span,
    scalar_type,
    span_of,
)

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Final

# ---------------------------------------------------------------- reading a container's command


def _programs(container: Container) -> list[Command] | None:
    """The commands the container's own command/args run; None when that cannot be known.

    Commands after an ``exec`` never run, so they are left out.
    """
    reading = read_argv([text for text, _ in container.argv()])
    if not reading.complete:
        return None
    return [c for c in reading.commands if c.reached]


def _word_span(subject: Manifest, container: Container, word: Word) -> Span:
    """Where a word stands: the whole argv item, or its characters inside a shell string."""
    text, node = container.argv()[word.ref.index]
    if not isinstance(node, ScalarNode) or (word.ref.start == 0 and word.ref.end >= len(text)):
        return span_of(node)
    return offset_span(node, subject.text, word.ref.start, word.ref.end)


# ---------------------------------------------------------------- what programs do

# Quick setup steps: they neither start an sshd nor keep running.
_SETUP = frozenset(
    {
        *("cd", "export", "set", "unset", "umask", "ulimit", "echo", "printf", "true", ":"),
        *("mkdir", "cp", "mv", "rm", "ln", "chmod", "chown", "touch", "cat", "ls", "test", "["),
        *("pip", "pip3", "hostname", "date", "nvidia-smi", "ssh-keygen", "id", "whoami"),
    }
)
_EXITS = frozenset({"true", "false", "echo", "printf", "exit", ":"})
_PYTHON = re.compile(r"python[0-9.]*")
_TRAINERS = frozenset({"torchrun", "deepspeed"})


def _not_sshd(program: Command) -> str | None:
    """What the worker runs instead of sshd, when it clearly is not one: for the message."""
    name = program.name
    launches = find_launches([w.text for w in program.words])
    if launches and launches[0].program_ref.index == 0:
        return (
            f"the MPI launcher `{name}`: the launcher's command copied to the workers runs the"
            " training once per worker, and no sshd answers the real launcher"
        )
    if name == "sleep":
        return "`sleep`, which keeps the pod alive but starts no sshd"
    if name == "tail" and any(w.text in ("-f", "-F", "--follow") for w in program.words[1:]):
        return "`tail -f`, which keeps the pod alive but starts no sshd"
    if _PYTHON.fullmatch(name) or name in _TRAINERS:
        return f"`{name}` (the training itself) instead of an sshd"
    if name in _EXITS:
        return f"`{name}`, which exits at once"
    return None


# ---------------------------------------------------------------- MPL117 worker-command


@rule("MPL117", "manifest")
def worker_command(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    worker = job.worker
    main = worker.main if worker else None
    if main is None:
        return
    if worker is not None and _mpi_elsewhere(worker):
        return  # MPL118 says what is wrong: the MPI container is not containers[0]
    if job.version == "v2beta1":
        yield from _v2_worker(subject, main)
    elif job.version in ("v1", "v1alpha2"):
        yield from _v1_worker(subject, main)


def _mpi_elsewhere(worker: ReplicaSpec) -> bool:
    first = worker.containers[0]
    return _sidecar(first) is not None or any(_runs_sshd(c) for c in worker.containers[1:])


def _given(part: Node | None) -> bool:
    return isinstance(part, SequenceNode) and bool(part.value)


def _v2_worker(subject: Manifest, main: Container) -> Iterator[Hit]:
    """v2beta1 injects ``/usr/sbin/sshd -De`` only when the worker has no command and no args."""
    if not (_given(main.command) or _given(main.args)):
        return
    programs = _programs(main)
    if programs is None:
        return
    sshds = [p for p in programs if p.name == "sshd"]
    if sshds:
        for program in sshds:
            hit = _sshd_problem(subject, main, program)
            if hit is not None:
                yield hit
        return
    if any("sshd" in text for text, _ in main.argv()):
        return  # a wrapper script or a config we cannot follow may well start it
    last = [p for p in programs if p.last]
    before = [p for p in programs if not p.last]
    if len(last) != 1 or any(p.name not in _SETUP and _not_sshd(p) is None for p in before):
        return  # an unknown program before the last one might start sshd as a daemon
    instead = _not_sshd(last[0])
    if instead is None:
        return
    only_args = not _given(main.command)
    replaced = (
        "the worker's args (they replace the image's CMD)" if only_args else "the worker's command"
    )
    yield Hit(
        _word_span(subject, main, last[0].words[0]),
        f"{replaced} run{'' if only_args else 's'} {instead}. The operator starts"
        " `/usr/sbin/sshd -De` only in a worker with neither command nor args, so nothing"
        " listens for ssh: the launcher fails with"
        ' "Connection refused" or "ORTE was unable to reliably start one or more daemons".'
        " Remove command and args from the worker, or make them end in"
        " `exec /usr/sbin/sshd -De`",
    )


def _sshd_problem(subject: Manifest, main: Container, program: Command) -> Hit | None:
    sshd = read_sshd(program.words)
    span = _word_span(subject, main, sshd.program)
    if not sshd.absolute and "r" not in sshd.flags:  # -r: no re-exec, any name will do
        return Hit(
            span,
            f"the worker starts sshd by the relative name {sshd.program.text!r}; sshd re-executes"
            ' itself and exits with "sshd re-exec requires execution with an absolute path",'
            " so no sshd listens. Write /usr/sbin/sshd (the full path)",
        )
    if program.last and not sshd.foreground:
        return Hit(
            span,
            "sshd without -D detaches into the background and the container's main process"
            " then exits: the worker pod ends (Completed) and the launcher's ssh fails. Keep"
            " it in the foreground: `/usr/sbin/sshd -De`",
        )
    return None


def _v1_worker(subject: Manifest, main: Container) -> Iterator[Hit]:
    """v1 and v1alpha2 replace an empty worker command with ``sleep 365d``; a given command
    must keep the pod alive as long, or ``kubectl exec`` finds no worker to start ranks in."""
    if not _given(main.command):
        return
    programs = _programs(main)
    if programs is None:
        return
    last = [p for p in programs if p.last]
    before = [p for p in programs if not p.last]
    if len(last) != 1 or last[0].name not in _EXITS or any(p.name not in _SETUP for p in before):
        return
    yield Hit(
        _word_span(subject, main, last[0].words[0]),
        f"the worker's command ends with `{last[0].name}`, which exits at once; it replaces"
        " the operator's `sleep 365d`, so the worker pod completes and the launcher's"
        " `kubectl exec` finds no running worker. Remove the worker command, or end it with"
        " `sleep infinity`",
        severity=Severity.WARNING,
    )


# ---------------------------------------------------------------- MPL118 main-container-order

# Repositories (last path parts) of sidecars that are never the MPI container.
_SIDECAR_IMAGES = (
    "istio/proxyv2",
    "proxyv2",
    "envoyproxy/envoy",
    "envoy",
    "linkerd/proxy",
    "fluent-bit",
    "fluentd",
    "cloud-sql-proxy",
    "gce-proxy",
    "jaeger-agent",
    "opentelemetry-collector",
    "opentelemetry-collector-contrib",
    "promtail",
    "filebeat",
)
_SIDECAR_NAMES = frozenset({"istio-proxy", "linkerd-proxy"})
_ISTIO_ADVICE = (
    '; for Istio, turn injection off for MPIJob pods (sidecar.istio.io/inject: "false"), or at'
    " least holdApplicationUntilProxyStarts, which puts istio-proxy first"
)


def _repository(image: str) -> str:
    """``gcr.io/istio-release/proxyv2:1.20@sha256:…`` → ``gcr.io/istio-release/proxyv2``."""
    name = image.split("@", 1)[0].lower()
    head, _, tail = name.rpartition("/")
    return f"{head}/{tail.split(':', 1)[0]}" if head else tail.split(":", 1)[0]


def _sidecar(container: Container) -> str | None:
    """Why this container is a well-known sidecar, or None."""
    if container.name in _SIDECAR_NAMES:
        return f"the {container.name} sidecar"
    if container.image is None:
        return None
    repository = _repository(container.image.value)
    for known in _SIDECAR_IMAGES:
        if repository == known or repository.endswith("/" + known):
            return f"a {known.rsplit('/', 1)[-1]} sidecar ({container.image.value})"
    return None


def _runs_launcher(container: Container) -> bool:
    return bool(find_launches([text for text, _ in container.argv()]))


def _runs_sshd(container: Container) -> bool:
    programs = _programs(container)
    return programs is not None and any(p.name == "sshd" for p in programs)


def _may_run_sshd(container: Container) -> bool:
    """Without command and args the operator makes it sshd; any ssh word may start one."""
    argv = container.argv()
    return not argv or any("ssh" in text for text, _ in argv)


def _where(container: Container) -> Node:
    named = get(container.node, "name")
    return named or container.image or container.node


@rule("MPL118", "manifest")
def main_container_order(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    for replica in job.replica_specs:
        if replica.role not in ("Launcher", "Worker") or len(replica.containers) < 2:
            continue
        if replica.role == "Worker" and job.version != "v2beta1":
            continue  # v1 workers only sleep; kubectl exec follows mainContainer
        hit = _order_problem(subject, job, replica)
        if hit is not None:
            yield hit


def _order_problem(subject: Manifest, job: MPIJob, replica: ReplicaSpec) -> Hit | None:
    first, later = replica.containers[0], replica.containers[1:]
    launcher = replica.role == "Launcher"
    runs = _runs_launcher if launcher else _runs_sshd
    mpi = next((c for c in later if runs(c)), None)
    sidecar = _sidecar(first)
    if sidecar is None:
        if mpi is None or (_runs_launcher(first) if launcher else _may_run_sshd(first)):
            return None
        what = f"runs {'an MPI launcher' if launcher else 'sshd'} but is not containers[0]"
    else:
        mpi = mpi or next((c for c in later if _sidecar(c) is None), None)
        what = "is the MPI container"
    injected = (
        "the /etc/mpi hostfile volume, the SSH key mount and the MPI environment"
        if launcher
        else "the SSH key mount, K_MPI_JOB_ROLE and the default `/usr/sbin/sshd -De`"
    )
    missing = (
        'mpirun finds no /etc/mpi/hostfile and no SSH key: "Permission denied (publickey)"'
        if launcher
        else 'its sshd has no authorized key: "Permission denied (publickey)"'
    )
    if job.version != "v2beta1":
        injected = "the /etc/mpi volume and the MPI environment"
        missing = "mpirun finds no /etc/mpi/hostfile and no kubexec.sh"
    first_name = first.name or "containers[0]"
    message = (
        f"{replica.role} containers[0] ({first_name}) is {sidecar}"
        if sidecar
        else f"{replica.role} containers[0] ({first_name}) is not the MPI container"
    )
    related: tuple[Related, ...] = ()
    if mpi is not None:
        related = (
            Related(
                subject.file, span_of(_where(mpi)), f"container {mpi.name or mpi.index} {what}"
            ),
        )
    return Hit(
        span_of(_where(first)),
        f"{message}: the operator injects {injected} into containers[0] only, so the MPI"
        f" container gets none of it ({missing}). List the MPI container first"
        + (_ISTIO_ADVICE if sidecar and ("istio" in sidecar or "proxyv2" in sidecar) else ""),
        related=related,
    )


# ---------------------------------------------------------------- MPL119 reserved-env

_HOSTFILE = "/etc/mpi/hostfile"
_KUBEXEC = "/etc/mpi/kubexec.sh"
_ATTEMPTS = "-o ConnectionAttempts=10"


class _Reserved(Record):
    __slots__ = ("instead", "value")

    value: Final[str]  # what the operator sets
    instead: Final[str]  # how to get the user's intent another way; {v} is the user's value

    def __init__(self, value: str, instead: str) -> None:
        self.value = value
        self.instead = instead


def _ompi(param: str, value: str) -> tuple[str, _Reserved]:
    return f"OMPI_MCA_{param}", _Reserved(value, f'pass `--mca {param} "{{v}}"` to mpirun')


_NVIDIA = {
    "NVIDIA_VISIBLE_DEVICES": _Reserved(
        "", "give the launcher a GPU and make it a rank (runLauncherAsWorker: true)"
    ),
    "NVIDIA_DRIVER_CAPABILITIES": _Reserved(
        "", "give the launcher a GPU and make it a rank (runLauncherAsWorker: true)"
    ),
}


def _reserved_v2(job: MPIJob, role: str) -> dict[str, _Reserved]:
    """v2beta1 ``newLauncherPodTemplate``/``newWorker`` (shared domain notes 1.2)."""
    names = {
        "K_MPI_JOB_ROLE": _Reserved(role.lower(), "use a variable name of your own"),
    }
    if role != "Launcher":
        return names
    slots = str(job.slots_per_worker) if job.slots_per_worker is not None else "slotsPerWorker"
    if job.mpi_implementation == "OpenMPI":
        names.update(
            [
                _ompi("orte_keep_fqdn_hostnames", "true"),
                _ompi("orte_default_hostfile", _HOSTFILE),
                (
                    "OMPI_MCA_plm_rsh_args",
                    _Reserved(
                        _ATTEMPTS,
                        f'pass `--mca plm_rsh_args "{{v}} {_ATTEMPTS}"` to mpirun (for the ssh'
                        " port, `Port` in the image's ssh_config also works)",
                    ),
                ),
                _ompi("orte_set_default_slots", slots),
            ]
        )
    elif job.mpi_implementation == "Intel":
        names.update(
            {
                "I_MPI_HYDRA_HOST_FILE": _Reserved(_HOSTFILE, "pass `-f {v}` to mpirun"),
                "I_MPI_HYDRA_BOOTSTRAP_EXEC_EXTRA_ARGS": _Reserved(
                    _ATTEMPTS, 'pass `-bootstrap-exec-args "{v}"` to mpirun'
                ),
                "I_MPI_PERHOST": _Reserved(slots, "pass `-ppn {v}` to mpirun"),
            }
        )
    elif job.mpi_implementation == "MPICH":
        names.update(
            {
                "HYDRA_HOST_FILE": _Reserved(_HOSTFILE, "pass `-f {v}` to mpiexec"),
                "HYDRA_LAUNCH_EXTRA_ARGS": _Reserved(
                    _ATTEMPTS, "put the ssh options in the image's ssh_config"
                ),
            }
        )
    if not job.run_launcher_as_worker:
        names.update(_NVIDIA)
    return names


def _reserved_old(job: MPIJob) -> dict[str, _Reserved]:
    """The launcher env of v1, v1alpha2 and v1alpha1 (shared domain notes 1.2)."""
    agent = _Reserved(
        _KUBEXEC, "leave the remote start to kubexec.sh (this version uses kubectl exec)"
    )
    names: dict[str, _Reserved] = {}
    if job.version != "v1alpha2" or job.mpi_implementation == "OpenMPI":
        names["OMPI_MCA_plm_rsh_agent"] = agent
        names.update([_ompi("orte_default_hostfile", _HOSTFILE)])
    elif job.mpi_implementation == "Intel":
        names["I_MPI_HYDRA_BOOTSTRAP_EXEC"] = _Reserved(_KUBEXEC, "leave the bootstrap to kubexec")
        names["I_MPI_HYDRA_HOST_FILE"] = _Reserved(_HOSTFILE, "pass `-f {v}` to mpirun")
    elif job.mpi_implementation == "MPICH":
        names["HYDRA_LAUNCHER_EXEC"] = _Reserved(_KUBEXEC, "leave the launcher to kubexec")
        names["HYDRA_HOST_FILE"] = _Reserved(_HOSTFILE, "pass `-f {v}` to mpiexec")
    gpu_launcher = job.version == "v1" and job.launcher_is_rank()
    if job.version in ("v1", "v1alpha2") and not gpu_launcher:
        names.update(
            {
                name: _Reserved("", "give the launcher a GPU limit (it then becomes a rank)")
                for name in _NVIDIA
            }
        )
    return names


def _reserved(job: MPIJob, role: str) -> dict[str, _Reserved]:
    if job.version == "v2beta1":
        return _reserved_v2(job, role)
    return _reserved_old(job) if role == "Launcher" else {}


@rule("MPL119", "manifest")
def reserved_env(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    for replica in job.replica_specs:
        main = replica.main
        if main is None or not isinstance(main.env, SequenceNode):
            continue
        reserved = _reserved(job, replica.role)
        for item in main.env.value:
            name_node = get(item, "name")
            name = get_str(name_node)
            if name_node is None or name not in reserved:
                continue
            hit = _env_hit(replica.role, name, item, name_node, reserved[name])
            if hit is not None:
                yield hit


def _env_hit(role: str, name: str, item: Node, name_node: Node, reserved: _Reserved) -> Hit | None:
    value_node = get(item, "value")
    given = get_str(value_node) if value_node is not None else None
    if given == reserved.value and get(item, "valueFrom") is None:
        return None  # replaced by the same value: harmless
    shown = given if given is not None else "your value"
    return Hit(
        span_of(name_node),
        f"{role} containers[0] sets {name}, but the operator appends its own {name}="
        f"{reserved.value!r} after your env and Kubernetes keeps the last duplicate: your value"
        f" is silently replaced. Remove it and {reserved.instead.format(v=shown)}",
    )


# ---------------------------------------------------------------- MPL121 ssh-auth-path

_ROOT_SSH = "/root/.ssh"


@rule("MPL121", "manifest")
def ssh_auth_path(subject: Manifest) -> Iterator[Hit]:
    job = subject.job
    if not job.uses_ssh:
        return
    seen: set[Span] = set()
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if replica is None or main is None:
            continue
        for hit in _key_mode_problems(subject, job, replica, main):
            if hit.span not in seen:
                seen.add(hit.span)
                yield hit


def _key_mode_problems(
    subject: Manifest, job: MPIJob, replica: ReplicaSpec, main: Container
) -> Iterator[Hit]:
    # The operator compares the string exactly: `/root/.ssh/` already gets the 0644 default.
    default = job.ssh_auth_mount_path == _ROOT_SSH
    user_node = replica.security(main, "runAsUser")
    uid = int_value(user_node)
    path_related: tuple[Related, ...] = ()
    if job.ssh_auth_mount_path_node is not None:
        path_related = (
            Related(
                subject.file, span_of(job.ssh_auth_mount_path_node), "sshAuthMountPath set here"
            ),
        )
    who = f"the {replica.role} container"
    if default and uid is not None and uid != 0 and user_node is not None:
        yield _unreadable(job, who, f"uid {uid}", user_node, path_related)
    elif default and user_node is None:
        non_root = replica.security(main, "runAsNonRoot")
        if non_root is not None and _true(non_root):
            yield _unreadable(job, who, "a non-root user", non_root, path_related)
    if uid != 0 or user_node is None:
        return
    if not default:
        yield Hit(
            span_of(user_node),
            f"{who} runs as root, but sshAuthMountPath is {job.ssh_auth_mount_path}: the"
            f" operator gives the key mode 0600 only at exactly {_ROOT_SSH}, elsewhere 0644,"
            ' and OpenSSH refuses a root-owned key that others can read ("UNPROTECTED PRIVATE'
            ' KEY FILE", sshd "bad permissions"). Use sshAuthMountPath: /root/.ssh for root,'
            " or run as the user whose .ssh the path is",
            related=path_related,
        )
        return
    fs_group = get(replica.pod_spec, "securityContext", "fsGroup")
    if fs_group is not None and int_value(fs_group) is not None:
        yield Hit(
            span_of(fs_group),
            f"fsGroup makes the kubelet add group-read to the SSH key mounted at {_ROOT_SSH}"
            f" (0600 → 0640), and {who} runs as root, the key's owner: OpenSSH refuses it"
            ' ("Permissions 0640 … are too open"). Remove fsGroup from this pod, or run'
            " as a non-root user with sshAuthMountPath at that user's .ssh",
            related=(Related(subject.file, span_of(user_node), "runs as root here"),),
        )


def _true(node: Node) -> bool:
    return scalar_type(node) == "bool" and node.value.lower() in ("true", "yes", "on", "y")


def _unreadable(job: MPIJob, who: str, user: str, node: Node, related: tuple[Related, ...]) -> Hit:
    default = " (the default)" if job.ssh_auth_mount_path_node is None else ""
    return Hit(
        span_of(node),
        f"{who} runs as {user}, but with sshAuthMountPath {_ROOT_SSH}{default} the operator"
        ' mounts the SSH key with mode 0600 owned by root: this user cannot read it ("Load'
        ' key …: Permission denied", "Permission denied (publickey)"). Set sshAuthMountPath'
        " to the .ssh folder of this user's home, e.g. /home/mpiuser/.ssh",
        related=related,
    )


__all__ = ["main_container_order", "reserved_env", "ssh_auth_path", "worker_command"]
