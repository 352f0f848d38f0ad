"""MPL119 reserved-env: an env variable the operator sets itself, so the value written here is
silently replaced.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.records import Record
from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import Node, SequenceNode, get, get_str, span_of

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


_HOSTFILE = "/etc/mpi/hostfile"
_KUBEXEC = "/etc/mpi/kubexec.sh"
_ATTEMPTS = "-o ConnectionAttempts=10"


class _Reserved(Record):
    value: str  # what the operator sets
    instead: str  # how to get the user's intent another way; {v} is the user's value


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
                # Hydra's ssh launcher never reads this name (only its SGE launcher does):
                # the variable that reaches MPICH's ssh command line is HYDRA_LAUNCHER_EXTRA_ARGS,
                # which the operator leaves alone (domain notes C3).
                "HYDRA_LAUNCH_EXTRA_ARGS": _Reserved(
                    _ATTEMPTS,
                    'set `HYDRA_LAUNCHER_EXTRA_ARGS="{v}"` instead: MPICH\'s ssh launcher appends'
                    " that variable to the ssh command line and never reads"
                    " HYDRA_LAUNCH_EXTRA_ARGS (only Hydra's SGE launcher does); or put the ssh"
                    " options in the image's ssh_config",
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


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: containers merge by name, its first need not be the main one
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
