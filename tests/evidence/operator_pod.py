"""The launcher pod as mpi-operator v2beta1 (v0.5.0 and later) builds it, rebuilt on this machine.

The MPI scenarios need what the operator puts into the launcher (shared domain notes 1.2): the
hostfile with one full worker name per line and the slots (`host slots=N` for Open MPI, `host:N`
for Intel MPI and MPICH), and the environment it appends per MPI implementation. Remote starts go
through a fake ``ssh`` put first on PATH, where the image's ``ssh`` would be: it records its
arguments and then runs the remote command here (as a worker would), refuses like an unreachable
sshd, or runs it in a fresh login environment as sshd does. The rank program prints which worker
it ran on, so a scenario sees where ranks landed.

Worker names do not resolve, and Open MPI and Hydra look them up: every run happens in a private
mount namespace whose ``/etc/resolv.conf`` names 127.0.0.1 (and whose ``nsswitch.conf`` asks
files, then DNS), so a lookup fails on this machine instead of leaving it.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest

from tests.evidence.programs import Program

Implementation = Literal["OpenMPI", "Intel", "MPICH"]
SshMode = Literal["local", "refused", "login"]

ATTEMPTS = "-o ConnectionAttempts=10"  # the operator's ssh arguments (ctrl about 206-214)
HOST_VAR = "MPILINT_EVIDENCE_HOST"  # set by the fake ssh: the worker a remote command runs on
RANK = ("sh", "-c", f'echo "rank on ${{{HOST_VAR}:-launcher}}"')
TIMEOUT = 60.0

# One shell script, three behaviours, chosen by how the file is named.
_SSH = r"""#!/bin/bash
# A fake ssh: records its argv (one file per call, arguments separated by \x1f: concurrent calls
# must not interleave), then acts as the worker.
{ for a in "$@"; do printf '%s\037' "$a"; done; } > "$(mktemp -p __LOG__ call.XXXXXX)"
while [ $# -gt 0 ]; do
  case "$1" in -o|-p|-l|-i|-F|-E|-b|-c|-D|-J|-L|-R|-W) shift 2;; -*) shift;; *) break;; esac
done
host=$1; shift
case __MODE__ in
  refused) echo "ssh: connect to host $host port 22: Connection refused" >&2; exit 255;;
  login) exec env -i HOME="$HOME" USER="$(id -un)" PATH=__LOGIN_PATH__ \
           __HOST_VAR__="$host" /bin/bash -c 'exec -a bash /bin/bash -c "$1"' bash "$*";;
  *) export __HOST_VAR__="$host"
     # The worker's own /tmp: daemons of two "workers" on one machine must not share a session
     # directory.
     TMPDIR=__TMP__/$host; export TMPDIR; mkdir -p "$TMPDIR"
     exec /bin/sh -c "$*";;
esac
"""


@dataclass(frozen=True)
class Result:
    output: str  # stdout and stderr together, as a user sees them
    returncode: int

    @property
    def flat(self) -> str:
        """The output with line breaks folded: Open MPI wraps its help texts mid-sentence."""
        return " ".join(self.output.split())

    @property
    def ranks(self) -> list[str]:
        """Where each rank ran: a worker's name, or ``launcher``."""
        return re.findall(r"^rank on (\S+)$", self.output, flags=re.MULTILINE)


@dataclass(frozen=True)
class Pod:
    root: Path
    hostfile: Path
    workers: tuple[str, ...]
    env: dict[str, str]  # what the operator appends to the launcher's containers[0]
    ssh_dir: Path
    ssh_log: Path  # a folder: one file per call

    def ssh_calls(self) -> list[list[str]]:
        """Each call of the fake ssh, as its argument list."""
        calls = sorted(self.ssh_log.glob("call.*"), key=lambda call: call.stat().st_mtime_ns)
        return [call.read_text().split("\x1f")[:-1] for call in calls]

    def forget_ssh_calls(self) -> None:
        for call in self.ssh_log.glob("call.*"):
            call.unlink()

    def run(
        self,
        program: Program,
        args: Sequence[str],
        *,
        env: dict[str, str] | None = None,
        by_name: bool = False,
        attempts: int = 1,
    ) -> Result:
        """``program args`` in the launcher: the operator's variables, then ``env``, with the
        fake ssh first on PATH and name lookups kept on this machine. ``by_name`` calls the
        program as a pod's command usually does, found on PATH (Open MPI reads an absolute
        path as ``--prefix``)."""
        variables = program.env(**{**self.env, **(env or {})})
        variables["PATH"] = f"{self.ssh_dir}{os.pathsep}{variables['PATH']}"
        command = program.path.name if by_name else str(program.path)
        argv = [*_isolation(self.root), command, *args]
        # Open MPI 5's daemons, two of them on one machine, now and then hang at teardown after
        # every rank has run (about 1 run in 10 under load): an artefact of faking two workers
        # on one machine, so those scenarios may try again, with a shorter bound each time.
        for _ in range(attempts - 1):
            result = run(argv, variables, timeout=TIMEOUT / 3, fail=False)
            if result is not None:
                return result
            self.forget_ssh_calls()
        outcome = run(argv, variables)
        assert outcome is not None
        return outcome


def worker_names(workers: int, job: str = "pi", namespace: str = "default") -> tuple[str, ...]:
    """The names the operator writes (ctrl about 1357-1360): full, since the launcher lacks the
    workers' DNS search domain (C11)."""
    return tuple(f"{job}-worker-{i}.{job}.{namespace}.svc" for i in range(workers))


def hostfile_text(implementation: Implementation, names: Sequence[str], slots: int) -> str:
    if implementation == "OpenMPI":
        return "".join(f"{name} slots={slots}\n" for name in names)
    return "".join(f"{name}:{slots}\n" for name in names)


def operator_env(implementation: Implementation, hostfile: Path, slots: int) -> dict[str, str]:
    """The v2beta1 launcher's injected variables (domain notes 1.2), the hostfile path aside
    (``/etc/mpi/hostfile`` in a pod)."""
    env = {
        "K_MPI_JOB_ROLE": "launcher",
        "NVIDIA_VISIBLE_DEVICES": "",
        "NVIDIA_DRIVER_CAPABILITIES": "",
    }
    if implementation == "OpenMPI":
        env |= {
            "OMPI_MCA_orte_keep_fqdn_hostnames": "true",
            "OMPI_MCA_orte_default_hostfile": str(hostfile),
            "OMPI_MCA_plm_rsh_args": ATTEMPTS,
            "OMPI_MCA_orte_set_default_slots": str(slots),
        }
    elif implementation == "Intel":
        env |= {
            "I_MPI_HYDRA_HOST_FILE": str(hostfile),
            "I_MPI_HYDRA_BOOTSTRAP_EXEC_EXTRA_ARGS": ATTEMPTS,
            "I_MPI_PERHOST": str(slots),
        }
    else:
        env |= {"HYDRA_HOST_FILE": str(hostfile), "HYDRA_LAUNCH_EXTRA_ARGS": ATTEMPTS}
    return env


def launcher_pod(
    root: Path,
    implementation: Implementation,
    *,
    workers: int = 2,
    slots: int = 2,
    ssh: SshMode = "local",
    login_path: str = "/usr/local/bin:/usr/bin:/bin",
) -> Pod:
    """The launcher of a job with ``workers`` workers of ``slots`` slots each (0 workers: the
    empty hostfile the operator writes for a job without workers)."""
    names = worker_names(workers)
    hostfile = root / "hostfile"
    hostfile.write_text(hostfile_text(implementation, names, slots))
    ssh_dir = root / "bin"
    ssh_dir.mkdir()
    log = root / "ssh-calls"
    log.mkdir()
    script = (
        _SSH.replace("__LOG__", _quote(str(log)))
        .replace("__MODE__", ssh)
        .replace("__LOGIN_PATH__", _quote(login_path))
        .replace("__HOST_VAR__", HOST_VAR)
        .replace("__TMP__", _quote(_short_tmp()))
    )
    (ssh_dir / "ssh").write_text(script)
    (ssh_dir / "ssh").chmod(0o755)
    env = operator_env(implementation, hostfile, slots)
    if implementation == "OpenMPI":
        # Not the operator's: here every "worker" is this machine, and Open MPI 4.1's daemons
        # then map the launcher's shared hwloc topology at a clashing address and crash now and
        # then (SIGSEGV in hwloc_shmem_topology_write). Real workers are other machines.
        env["OMPI_MCA_rtc_hwloc_vmhole"] = "none"
    return Pod(root, hostfile, names, env, ssh_dir, log)


def run(
    argv: Sequence[str], env: dict[str, str], timeout: float = TIMEOUT, *, fail: bool = True
) -> Result | None:
    """Run with a bound: on timeout the whole process group (mpirun and its daemons) is killed,
    and the test fails (or, with ``fail=False``, None says so)."""
    with subprocess.Popen(
        list(argv),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
            if not fail:
                return None
            pytest.fail(f"{argv[-1]!r} did not finish in {timeout:.0f} s:\n{output[-3000:]}")
    return Result(output, process.returncode)


def _isolation(root: Path) -> list[str]:
    """The prefix that runs a command in a mount namespace where DNS goes to 127.0.0.1."""
    resolv = root / "resolv.conf"
    resolv.write_text("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n")
    nsswitch = root / "nsswitch.conf"
    nsswitch.write_text("passwd: files\ngroup: files\nshadow: files\nhosts: files dns\n")
    mount = shutil.which("mount", path="/usr/bin:/bin:/usr/sbin:/sbin") or "mount"
    script = (
        f'{mount} --bind "$1" /etc/resolv.conf && {mount} --bind "$2" /etc/nsswitch.conf'
        ' && shift 2 && exec "$@"'
    )
    # Absolute paths: a scenario may give the launcher a PATH without the usual folders.
    return [*_unshare(), "/bin/sh", "-c", script, "sh", str(resolv), str(nsswitch)]


_UNSHARE: list[str] | None = None


def _unshare() -> list[str]:
    """``unshare --mount`` as root, in a user namespace otherwise; skip (fail in CI) without."""
    global _UNSHARE
    if _UNSHARE is None:
        tool = shutil.which("unshare", path="/usr/bin:/bin:/usr/sbin:/sbin") or ""
        for candidate in ([tool, "--mount"], [tool, "--user", "--map-root-user", "--mount"]):
            if not tool:
                break
            probe = subprocess.run(
                [*candidate, "true"], capture_output=True, timeout=10, check=False
            )
            if probe.returncode == 0:
                _UNSHARE = candidate
                return candidate
        message = (
            "the MPI scenarios need `unshare --mount` (util-linux; root or user namespaces)"
            " to keep worker-name lookups on this machine"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return _UNSHARE


def _short_tmp() -> str:
    """A folder for the workers' /tmp with a short path: Open MPI and PMIx put Unix sockets in
    it, and a socket path has at most 107 bytes (pytest's tmp_path is long)."""
    folder = tempfile.mkdtemp(prefix="mpilint-ev-")
    atexit.register(shutil.rmtree, folder, True)
    return folder


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"
