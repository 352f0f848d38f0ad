"""MPL117-MPL121 on the edge cases the rule files do not show: wrappers, shell strings,
unknowable commands, precedence of securityContext, and the per-version env tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from mpilint.core.findings import Severity
from mpilint.ruleapi import Hit, Manifest
from mpilint.rules.MPL117 import check as worker_command
from mpilint.rules.MPL118 import check as main_container_order
from mpilint.rules.MPL119 import check as reserved_env
from mpilint.rules.MPL121 import check as ssh_auth_path
from tests.harness import hits_of, manifest_of

Rule = Callable[[Manifest], Iterable[Hit]]


def run(check: Rule, text: str) -> list[Hit]:
    return hits_of(check, manifest_of(text))


def job(
    worker: str = "",
    launcher: str = "command: [mpirun, -n, '2', python, train.py]",
    version: str = "v2beta1",
    spec: str = "",
    worker_pod: str = "",
    launcher_pod: str = "",
    more_workers: str = "",
    more_launchers: str = "",
) -> str:
    """A minimal MPIJob; ``worker``/``launcher`` are fields of containers[0], ``more_*`` the
    containers after it, ``*_pod`` fields of the pod spec."""

    def indent(text: str, by: int) -> str:
        return "".join(" " * by + line + "\n" for line in text.splitlines() if line)

    return (
        f"apiVersion: kubeflow.org/{version}\nkind: MPIJob\nmetadata:\n  name: t\nspec:\n"
        + indent(spec, 2)
        + "  mpiReplicaSpecs:\n    Launcher:\n      replicas: 1\n      template:\n        spec:\n"
        + indent(launcher_pod, 10)
        + "          containers:\n          - image: img\n            name: launcher\n"
        + indent(launcher, 12)
        + indent(more_launchers, 10)
        + "    Worker:\n      replicas: 2\n      template:\n        spec:\n"
        + indent(worker_pod, 10)
        + "          containers:\n          - image: img\n            name: worker\n"
        + indent(worker, 12)
        + indent(more_workers, 10)
    )


def marked(text: str, hit: Hit) -> str:
    """The characters a hit underlines (one-line spans)."""
    line = text.splitlines()[hit.span.line - 1]
    return line[hit.span.column - 1 : hit.span.end_column - 1]


# ---------------------------------------------------------------- MPL117


@pytest.mark.parametrize(
    "worker",
    [
        "",
        "command: []",
        "command: [/usr/sbin/sshd, -De]",
        "command: [/usr/sbin/sshd, -f, /etc/ssh/sshd_config, -D]",
        "command: [/usr/sbin/sshd, -e, -D, -p, '2222']",
        "command: [/usr/bin/tini, --, /usr/sbin/sshd, -D]",
        "command: [su-exec, mpiuser, /usr/sbin/sshd, -De]",
        "command: [runuser, -u, mpiuser, --, /usr/sbin/sshd, -De]",
        "command: [runuser, -l, mpiuser, -c, '/usr/sbin/sshd -De']",
        "command: [bash, -c, 'ssh-keygen -A; exec /usr/sbin/sshd -De']",
        "command: [bash, -c, '/usr/sbin/sshd -D 2>&1 | tee /tmp/sshd.log']",
        "command: [bash, -c, 'service ssh start && sleep infinity']",
        "command: [bash, -c, '/etc/init.d/ssh start; tail -f /dev/null']",
        "command: [bash, /start-sshd.sh]",
        "command: [/entrypoint.sh]",
        "command: [$(SSHD), -De]",
        "command: [bash, -c, 'if [ -x /opt/pre.sh ]; then /opt/pre.sh; fi; python train.py']",
        "command: [bash, -c, '/opt/setup.sh && sleep infinity']",
        "command: [python, /opt/start_sshd.py]",
        "args: [-De, -f, /home/mpiuser/.sshd_config]",
        "args: [/opt/run-worker.sh]",
        "command: [dropbear, -F, -E]",
    ],
)
def test_worker_commands_that_may_run_sshd_are_silent(worker: str) -> None:
    assert run(worker_command, job(worker)) == []


@pytest.mark.parametrize(
    ("worker", "word"),
    [
        ("command: [tail, -f, /dev/null]", "tail"),
        ("command: [torchrun, --nproc_per_node, '8', train.py]", "torchrun"),
        ("command: [python3.11, train.py]", "python3.11"),
        ("command: [bash, -lc, 'cd /w && mpirun -np 2 python x.py']", "mpirun"),
        ("command: [/bin/sh, -c, 'sleep 365d']", "sleep"),
        ("args: [sleep, infinity]", "sleep"),
        ("command: [true]", "true"),
    ],
)
def test_worker_commands_without_sshd(worker: str, word: str) -> None:
    text = job(worker)
    hits = run(worker_command, text)
    assert [marked(text, h) for h in hits] == [word]
    assert hits[0].severity is None  # the rule's error


@pytest.mark.parametrize(
    ("worker", "word", "why"),
    [
        ("command: [/usr/sbin/sshd, -p, '2222']", "/usr/sbin/sshd", "without -D"),
        ("command: [bash, -c, 'mkdir -p /run/sshd && /usr/sbin/sshd']", "/usr/sbin/sshd", "-D"),
        ("command: [sshd, -De]", "sshd", "relative"),
        ("command: [bash, -c, 'sshd; sleep infinity']", "sshd", "relative"),
        ("command: [exec, sshd, -D]", "sshd", "relative"),
    ],
)
def test_sshd_that_cannot_serve(worker: str, word: str, why: str) -> None:
    text = job(worker)
    hits = run(worker_command, text)
    assert [marked(text, h) for h in hits] == [word]
    assert why in hits[0].message


def test_sshd_daemon_before_a_keep_alive_is_fine() -> None:
    assert run(worker_command, job("command: [bash, -c, '/usr/sbin/sshd && sleep inf']")) == []


@pytest.mark.parametrize(
    ("worker", "found"),
    [
        ("command: [/bin/sh, -c, 'echo ready']", True),
        ("command: [true]", True),
        ("command: [sleep, 365d]", False),
        ("command: [bash, -c, '/opt/serve.sh; echo done']", False),
        ("args: [echo, hi]", False),  # only an empty `command` gets sleep 365d: not this rule
        ("command: [/usr/sbin/sshd, -De]", False),
    ],
)
def test_v1_worker_commands_that_exit(worker: str, found: bool) -> None:
    hits = run(worker_command, job(worker, version="v1"))
    assert bool(hits) is found
    assert all(h.severity is Severity.WARNING for h in hits)


def test_v1alpha1_worker_command_is_always_replaced() -> None:
    assert run(worker_command, job("command: [true]", version="v1alpha1")) == []


# ---------------------------------------------------------------- MPL118


def _two(first: str, second: str) -> str:
    return f"{first}\n          - {second}"


@pytest.mark.parametrize(
    ("image", "name"),
    [
        ("docker.io/istio/proxyv2:1.22.0", "proxy"),
        ("gcr.io/istio-release/proxyv2@sha256:abc", "proxy"),
        ("img", "istio-proxy"),
        ("envoyproxy/envoy:v1.30-latest", "envoy"),
        ("gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.11.0", "sql"),
    ],
)
def test_well_known_sidecar_first(image: str, name: str) -> None:
    text = (
        "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata:\n  name: t\nspec:\n"
        "  mpiReplicaSpecs:\n    Launcher:\n      replicas: 1\n      template:\n        spec:\n"
        f"          containers:\n          - name: {name}\n            image: {image}\n"
        "          - name: launcher\n            image: img\n"
        "            command: [mpirun, -n, '2', python, x.py]\n"
    )
    hits = run(main_container_order, text)
    assert [marked(text, h) for h in hits] == [name]
    assert [r.message for r in hits[0].related] == ["container launcher is the MPI container"]


def test_launcher_in_a_shell_string_first_and_helpers_after_are_fine() -> None:
    text = job(
        launcher="command: [bash, -c, 'cd /w && mpirun -np 2 python x.py']",
        more_launchers="- image: busybox\n  name: helper\n  command: [sh, -c, 'mpirun --version']",
    )
    assert run(main_container_order, text) == []


def test_worker_sidecars_and_init_containers() -> None:
    ok = job(
        more_workers="- image: img\n  name: logs\n  command: [tail, -F, /var/log/x.log]",
        worker_pod="initContainers:\n- image: img\n  name: keys\n  command: [/usr/sbin/sshd, -t]",
    )
    assert run(main_container_order, ok) == []
    # containers[0] with its own ssh setup may well be the sshd: unknowable
    maybe = job(
        worker="command: [/start.sh, --with-ssh]",
        more_workers="- image: img\n  name: b\n  command: [/usr/sbin/sshd, -De]",
    )
    assert run(main_container_order, maybe) == []


def test_a_later_sshd_container_is_reported_once() -> None:
    text = job(
        worker="command: [tail, -F, /var/log/x.log]",
        more_workers="- image: img\n  name: mpi\n  command: [/usr/sbin/sshd, -De]",
    )
    assert [marked(text, h) for h in run(main_container_order, text)] == ["worker"]
    assert run(worker_command, text) == []  # MPL117 leaves it to MPL118


def test_v1_workers_are_not_checked_for_sshd() -> None:
    text = job(
        version="v1",
        worker="command: [tail, -F, /x]",
        more_workers="- image: img\n  name: b\n  command: [/usr/sbin/sshd, -D]",
    )
    assert run(main_container_order, text) == []


# ---------------------------------------------------------------- MPL119


def names(hits: list[Hit], text: str) -> list[str]:
    return [marked(text, h) for h in hits]


def env(*pairs: str) -> str:
    return "env:\n" + "".join(f"- {p}\n" for p in pairs)


def test_value_from_and_same_values() -> None:
    text = job(
        launcher="command: [mpirun, python, x.py]\n"
        + env(
            "{name: OMPI_MCA_orte_default_hostfile, value: /etc/mpi/hostfile}",
            "{name: OMPI_MCA_orte_set_default_slots, valueFrom: {fieldRef: {fieldPath: x}}}",
            "{name: K_MPI_JOB_ROLE, value: launcher}",
            "{name: NVIDIA_DRIVER_CAPABILITIES, value: ''}",
        )
    )
    assert names(run(reserved_env, text), text) == ["OMPI_MCA_orte_set_default_slots"]


def test_slots_value_is_named() -> None:
    text = job(
        spec="slotsPerWorker: 4",
        launcher="command: [mpirun, python, x.py]\n"
        + env("{name: OMPI_MCA_orte_set_default_slots, value: '1'}"),
    )
    assert "OMPI_MCA_orte_set_default_slots='4'" in run(reserved_env, text)[0].message


def test_run_launcher_as_worker_keeps_gpu_variables() -> None:
    launcher = "command: [mpirun, python, x.py]\n" + env(
        "{name: NVIDIA_VISIBLE_DEVICES, value: all}"
    )
    assert run(reserved_env, job(launcher=launcher, spec="runLauncherAsWorker: true")) == []
    assert len(run(reserved_env, job(launcher=launcher))) == 1


@pytest.mark.parametrize(
    ("version", "spec", "name", "found"),
    [
        ("v1", "", "I_MPI_HYDRA_BOOTSTRAP_EXEC", False),
        ("v1", "", "OMPI_MCA_plm_rsh_agent", True),
        ("v1", "", "OMPI_MCA_plm_rsh_args", False),
        ("v1alpha2", "mpiDistribution: IntelMPI", "I_MPI_HYDRA_BOOTSTRAP_EXEC", True),
        ("v1alpha2", "mpiDistribution: IntelMPI", "OMPI_MCA_plm_rsh_agent", False),
        ("v1alpha2", "mpiDistribution: MPICH", "HYDRA_LAUNCHER_EXEC", True),
        ("v1alpha2", "", "NVIDIA_VISIBLE_DEVICES", True),
        ("v1alpha1", "", "NVIDIA_VISIBLE_DEVICES", False),
        ("v2beta1", "mpiImplementation: Intel", "OMPI_MCA_plm_rsh_args", False),
        ("v2beta1", "mpiImplementation: Intel", "I_MPI_HYDRA_BOOTSTRAP_EXEC_EXTRA_ARGS", True),
        ("v2beta1", "mpiImplementation: MPICH", "HYDRA_LAUNCH_EXTRA_ARGS", True),
        ("v2beta1", "", "OMPI_MCA_orte_keep_fqdn_hostnames", True),
    ],
)
def test_reserved_names_per_version(version: str, spec: str, name: str, found: bool) -> None:
    launcher = "command: [mpirun, python, x.py]\n" + env(f"{{name: {name}, value: x}}")
    hits = run(reserved_env, job(launcher=launcher, version=version, spec=spec))
    assert bool(hits) is found


def test_worker_role_only_in_v2beta1_workers() -> None:
    worker = env("{name: K_MPI_JOB_ROLE, value: x}", "{name: OMPI_MCA_plm_rsh_args, value: x}")
    text = job(worker=worker)
    assert names(run(reserved_env, text), text) == ["K_MPI_JOB_ROLE"]
    assert run(reserved_env, job(worker=worker, version="v1")) == []


# ---------------------------------------------------------------- MPL121


def test_trailing_slash_is_not_the_default_path() -> None:
    text = job(spec="sshAuthMountPath: /root/.ssh/", worker="securityContext: {runAsUser: 0}")
    hits = run(ssh_auth_path, text)
    assert len(hits) == 1 and "0644" in hits[0].message


@pytest.mark.parametrize(
    "user",
    ['"{{ .Values.uid }}"', "null", "'1000'"],
)
def test_unknown_users_are_silent(user: str) -> None:
    assert run(ssh_auth_path, job(worker=f"securityContext: {{runAsUser: {user}}}")) == []


def test_container_user_wins_over_pod_user() -> None:
    text = job(
        worker="securityContext: {runAsUser: 0}",
        worker_pod="securityContext: {runAsUser: 1000, fsGroup: 1000}",
    )
    hits = run(ssh_auth_path, text)
    assert len(hits) == 1 and hits[0].message.startswith("fsGroup makes the kubelet add")
    assert marked(text, hits[0]) == "1000"


def test_a_shared_security_context_is_reported_once() -> None:
    text = job(
        launcher_pod="securityContext: &sc {runAsUser: 1000}",
        worker_pod="securityContext: *sc",
    )
    assert len(run(ssh_auth_path, text)) == 1


def test_only_v2beta1_mounts_keys() -> None:
    assert run(ssh_auth_path, job(worker="securityContext: {runAsUser: 1000}", version="v1")) == []
