"""Run the real sshd and ssh the way a worker and a launcher run them, without touching the host.

Each program runs in its own mount namespace (``unshare --mount``, so root only) where ``/run``
is a fresh tmpfs: the host's ``/run/sshd`` can neither help nor hurt (a scenario decides whether
the privilege separation directory exists), and the scenario's folder is bound at ``/run/ev``.
``/root`` is a fresh tmpfs too, with the Secret (``secret/`` in the folder, laid out by
:mod:`tests.evidence.kubelet`) bound read-only at ``/root/.ssh``, as the kubelet mounts it for
the operator's default ``sshAuthMountPath``: the paths sshd and ssh print are the pod's, and
StrictModes walks the same parents as in a pod (a folder under ``/tmp``, 1777 itself, would be
refused whatever the Secret looked like). A scenario that needs the cluster's own port and
address (22 on 0.0.0.0) also gets a private network namespace, whose only interface is its own
loopback, so nothing can leave.

Every process is bounded by a timeout and every sshd is killed by the fixture that started it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.evidence import programs

INSIDE = "/run/ev"  # where the scenario's folder appears inside the namespace
NOBODY = 65534  # the non-root uid: it exists in every Debian image, so no user is created
TIMEOUT = 60.0  # generous: two cores shared with other test runs

# Runs as root in the new mount namespace, then execs the program ("$@").
_SETUP = r"""
set -e
mount -t tmpfs -o mode=0755 evidence /run
mkdir /run/ev
mount --bind "$EV_BOX" /run/ev
if [ -d /run/ev/secret ]; then
  mount -t tmpfs -o "mode=$EV_ROOT_MODE" evidence /root
  mkdir /root/.ssh
  mount --bind /run/ev/secret /root/.ssh
  mount -o remount,bind,ro /root/.ssh
fi
if [ "$EV_NET" = 1 ]; then ip link set lo up; fi
if [ -n "$EV_PORT_START" ]; then
  sysctl -q -w "net.ipv4.ip_unprivileged_port_start=$EV_PORT_START"
fi
if [ "$EV_PRIVSEP" = 1 ]; then mkdir -m 0755 /run/sshd; fi
if [ -n "$EV_NSSWITCH" ]; then mount --bind "$EV_NSSWITCH" /etc/nsswitch.conf; fi
if [ -n "$EV_HOSTS" ]; then mount --bind "$EV_HOSTS" /etc/hosts; fi
unset EV_BOX EV_PRIVSEP EV_NSSWITCH EV_NET EV_ROOT_MODE EV_HOSTS EV_PORT_START
exec "$@"
"""


def require_root() -> None:
    """Namespaces, chown and another uid all need root; CI and this project's machines are root."""
    if os.geteuid() != 0:
        pytest.skip("the OpenSSH scenarios need root (mount namespaces, files owned by root)")
    if shutil.which("unshare") is None or shutil.which("setpriv") is None:
        programs.missing("util-linux's unshare and setpriv")


@dataclass(frozen=True)
class Box:
    """A scenario's folder: ``host`` on disk, seen as ``/run/ev`` by the programs."""

    host: Path

    def inside(self, name: str) -> str:
        return f"{INSIDE}/{name}"

    def write(self, name: str, text: str, mode: int = 0o644, owner: int = 0) -> str:
        path = self.host / name
        path.write_text(text)
        path.chmod(mode)
        os.chown(path, owner, owner)
        return self.inside(name)


def new_box(folder: Path) -> Box:
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # a non-root sshd must traverse it
    return Box(folder)


def host_key(box: Box, owner: int = 0) -> str:
    """A host key made by ssh-keygen, owned by ``owner`` with mode 0600 (what sshd wants)."""
    path = box.host / "ssh_host_ed25519_key"
    if path.exists():
        return box.inside(path.name)
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(path)],
        check=True,
        capture_output=True,
        timeout=TIMEOUT,
    )
    for p in (path, path.with_suffix(".pub")):
        os.chown(p, owner, owner)
    return box.inside(path.name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def namespaced(
    argv: Sequence[str],
    box: Box,
    *,
    privsep_dir: bool = True,
    network: bool = False,
    uid: int | None = None,
    nsswitch: Path | None = None,
    hosts: Path | None = None,
    root_mode: int = 0o700,
    port_start: int | None = None,
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run ``argv`` in the scenario's namespace.
    ``port_start`` sets ``net.ipv4.ip_unprivileged_port_start`` in its own network namespace
    (``network`` must be on: the host's value is never touched), as some runtimes do in a pod."""
    assert port_start is None or network, "the sysctl is set only in a private network namespace"
    unshare = ["unshare", "--mount", "--propagation", "private", *(["--net"] if network else [])]
    drop = (
        ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--"]
        if uid is not None
        else []
    )
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "LANG": "C",
        "EV_BOX": str(box.host),
        "EV_PRIVSEP": "1" if privsep_dir else "0",
        "EV_NSSWITCH": str(nsswitch or ""),
        "EV_HOSTS": str(hosts or ""),
        "EV_NET": "1" if network else "0",
        "EV_ROOT_MODE": f"{root_mode:04o}",  # Debian's and Ubuntu's /root: 0700
        "EV_PORT_START": "" if port_start is None else str(port_start),
    }
    return [*unshare, "/bin/sh", "-c", _SETUP, "sh", *drop, *argv], env


@dataclass
class Sshd:
    """A running sshd (``-D -e``: in the foreground, its log on stderr) and what it logged."""

    process: subprocess.Popen[bytes]
    port: int
    _lines: list[str] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _done: bool = False

    def _read(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            with self._changed:
                self._lines.append(raw.decode(errors="replace"))
                self._changed.notify_all()
        with self._changed:
            self._done = True
            self._changed.notify_all()

    @property
    def log(self) -> str:
        with self._changed:
            return "".join(self._lines)

    def wait_for(self, *texts: str, timeout: float = TIMEOUT) -> str:
        """The log once it holds one of ``texts``, or once sshd has exited, or at ``timeout``:
        a readiness check on sshd's own words, never a sleep."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not self._done and not any(t in "".join(self._lines) for t in texts):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
            return "".join(self._lines)

    def exited(self, timeout: float = TIMEOUT) -> str:
        """Everything sshd logged, once it has exited (for the scenarios where it must)."""
        self.process.wait(timeout=timeout)
        return self.wait_for(timeout=timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            with _suppress_gone():
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with _suppress_gone():
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        else:  # the listener is gone; a connection's child may not be
            with _suppress_gone():
                os.killpg(self.process.pid, signal.SIGKILL)


class _suppress_gone:
    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: object, value: object, tb: object) -> bool:
        return isinstance(value, ProcessLookupError)


class Servers:
    """The ``sshd_server`` fixture: starts sshds and stops every one of them at teardown."""

    def __init__(self) -> None:
        self.started: list[Sshd] = []

    def start(
        self,
        box: Box,
        config: Sequence[str],
        *,
        port: int | None = None,
        program: str | None = None,
        uid: int | None = None,
        privsep_dir: bool = True,
        network: bool = False,
        port_start: int | None = None,
    ) -> Sshd:
        """Write ``config`` (plus Port/ListenAddress on 127.0.0.1 unless it sets them) and run
        ``sshd -D -e -f`` on it; returns once sshd listens or has exited."""
        sshd = programs.sshd()
        port = port if port is not None else free_port()
        lines = list(config)
        if not any(line.split()[:1] == ["ListenAddress"] for line in lines):
            lines[:0] = [f"ListenAddress 127.0.0.1:{port}"]
        path = box.write("sshd_config", "\n".join(lines) + "\n")
        argv = [program or str(sshd.path), "-D", "-e", "-f", path]
        command, env = namespaced(
            argv, box, privsep_dir=privsep_dir, network=network, uid=uid, port_start=port_start
        )
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, killed whole at teardown
        )
        server = Sshd(process, port)
        self.started.append(server)
        threading.Thread(target=server._read, daemon=True).start()
        server.wait_for("Server listening on")
        return server

    def stop_all(self) -> None:
        for server in self.started:
            server.stop()


@dataclass(frozen=True)
class Ran:
    code: int
    out: str

    def __str__(self) -> str:
        return self.out


CLIENT_DEFAULTS = (
    "-F",
    "/dev/null",  # the machine's ssh_config is not the image's
    "-o",
    "BatchMode=yes",
    "-o",
    "IdentitiesOnly=yes",
    "-o",
    "ConnectTimeout=30",
)


def ssh(
    box: Box,
    port: int,
    *,
    key: str | None = None,
    options: Mapping[str, str] | None = None,
    user: str = "root",
    host: str = "127.0.0.1",
    uid: int | None = None,
    nsswitch: Path | None = None,
    network: bool = False,
    hosts: Path | None = None,
    root_mode: int = 0o700,
) -> Ran:
    """The launcher's ssh to a worker, run in the scenario's namespace: ``ssh -p PORT`` with the
    given key and options, running ``true``; both streams together."""
    programs.ssh()
    settings = {"StrictHostKeyChecking": "no", "UserKnownHostsFile": "/dev/null"}
    settings.update(options or {})
    argv = ["ssh", *CLIENT_DEFAULTS, "-p", str(port)]
    for name, value in settings.items():
        argv += ["-o", f"{name}={value}"]
    if key is not None:
        argv += ["-i", key]
    argv += [f"{user}@{host}", "true"]
    command, env = namespaced(
        argv,
        box,
        uid=uid,
        nsswitch=nsswitch,
        hosts=hosts,
        network=network,
        root_mode=root_mode,
    )
    done = subprocess.run(
        command,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT,
        start_new_session=True,  # no controlling terminal: ssh cannot ask anyone, as in a pod
        check=False,
    )
    return Ran(done.returncode, done.stdout.decode(errors="replace"))
