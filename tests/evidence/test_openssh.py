"""OpenSSH's words in mpilint's messages, printed by the real sshd and ssh.

Each scenario builds the worker as the operator and the kubelet build it (the Secret of
:mod:`tests.evidence.kubelet`, sshd run as the operator runs it: ``sshd -De``), runs Debian's
OpenSSH 9.2p1 on 127.0.0.1 (or in a namespace with no network at all), and asserts that what the
programs printed holds each quote in ``CLAIMS``. Texts of versions that cannot be run here cite
the openssh-portable source line instead, and say so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.evidence.claims import Claim, assert_printed
from tests.evidence.kubelet import generate_keys, operator_mode, secret_volume
from tests.evidence.openssh import (
    NOBODY,
    Box,
    Servers,
    free_port,
    host_key,
    new_box,
    require_root,
    ssh,
)

OPENSSH = "OpenSSH 9.2p1 (Debian 12)"
OPENSSH_98 = "OpenSSH 9.8p1 and later (source only: openssh-portable V_9_8_P1 sshd.c:1345)"
OPENSSH_97 = "OpenSSH up to 9.7p1 (run: 9.2p1; source: openssh-portable V_9_7_P1 sshd.c:1710)"
HERE = "test_openssh"


def claim(
    rule: str, quote: str, scenario: str, where: str = "message", holds: str = OPENSSH
) -> Claim:
    return Claim(rule, quote, f"{HERE}::{scenario}", holds, where)


CLAIMS: list[Claim] = []  # filled below, next to the scenario of each claim


@pytest.fixture
def servers() -> Iterator[Servers]:
    require_root()
    started = Servers()
    try:
        yield started
    finally:
        started.stop_all()


@pytest.fixture
def box(tmp_path: Path) -> Box:
    require_root()
    return new_box(tmp_path / "box")


def _worker(
    box: Box,
    *,
    mount_path: str = "/root/.ssh",
    mount_mode: int = 0o1777,
    fs_group: int | None = None,
) -> str:
    """The Secret as the kubelet lays it out for ``mount_path`` (the operator's modes), bound at
    /root/.ssh in the namespace; returns the private key's path there."""
    keys = generate_keys(box.host / "keygen")
    secret_volume(
        box.host / "secret",
        keys.secret_files(),
        operator_mode(mount_path),
        mount_mode=mount_mode,
        fs_group=fs_group,
    )
    return "/root/.ssh/id_rsa"


def _sshd_config(box: Box, *lines: str, owner: int = 0) -> list[str]:
    """A worker's sshd_config: the operator's keys at sshd's default AuthorizedKeysFile."""
    return [
        f"HostKey {host_key(box, owner)}",
        f"PidFile {box.inside('sshd.pid')}",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        *lines,
    ]


# ---------------------------------------------------------------- C1: StrictModes (MPL203)

STRICT = [
    claim(
        "MPL203",
        "Authentication refused: bad ownership or modes",
        "test_strict_modes_refuses_the_secret",
    ),
    claim(
        "MPL203",
        "Authentication refused: bad ownership or modes for directory …",
        "test_strict_modes_refuses_the_secret",
        "rationale",
    ),
    claim(
        "MPL203", "Permission denied (publickey)", "test_strict_modes_refuses_the_secret", "both"
    ),
]
CLAIMS += STRICT


def test_strict_modes_refuses_the_secret(box: Box, servers: Servers) -> None:
    """Root, root-owned 0600 keys behind ``..data`` on a 1777 /root/.ssh: StrictModes yes refuses
    the mount point itself; StrictModes no (the control) logs root in with the same files."""
    key = _worker(box)
    sshd = servers.start(box, _sshd_config(box, "StrictModes yes"))
    client = ssh(box, sshd.port, key=key)
    log = sshd.wait_for("Authentication refused", "Accepted publickey")
    assert client.code == 255, client
    assert_printed(STRICT[0], log)
    assert_printed(STRICT[1], log)
    assert "bad ownership or modes for directory /root/.ssh" in log  # the mount point
    assert_printed(STRICT[2], client.out)

    sshd.stop()
    sshd = servers.start(box, _sshd_config(box, "StrictModes no"))
    client = ssh(box, sshd.port, key=key)
    log = sshd.wait_for("Accepted publickey", "Authentication refused")
    assert client.code == 0, f"{client}\n{log}"
    assert "Accepted publickey for root" in log


def test_strict_modes_accepts_the_same_files_on_a_0755_mount(box: Box, servers: Servers) -> None:
    """The cause is the mount point's mode: the same layout on a 0755 mount passes StrictModes."""
    key = _worker(box, mount_mode=0o755)
    sshd = servers.start(box, _sshd_config(box, "StrictModes yes"))
    client = ssh(box, sshd.port, key=key)
    log = sshd.wait_for("Accepted publickey", "Authentication refused")
    assert client.code == 0, f"{client}\n{log}"
    assert "Accepted publickey for root" in log


# ---------------------------------------------------------------- sshd cannot start (MPL302)

NO_HOST_KEY = [
    claim(
        "MPL302",
        "sshd: no hostkeys available -- exiting.",
        "test_non_root_sshd_cannot_read_the_host_keys",
        "both",
    ),
    claim("MPL302", "Connection refused", "test_non_root_sshd_cannot_read_the_host_keys", "both"),
]
PID_FILE = claim(
    "MPL302", "Couldn't create pid file", "test_non_root_sshd_cannot_write_its_pid_file", "both"
)
PRIVSEP = claim(
    "MPL302", "Missing privilege separation directory: /run/sshd", "test_root_sshd_without_run_sshd"
)
CLAIMS += [*NO_HOST_KEY, PID_FILE, PRIVSEP]


def test_non_root_sshd_cannot_read_the_host_keys(box: Box, servers: Servers) -> None:
    """A non-root sshd with root-owned 0600 host keys exits; the launcher then meets a closed
    port."""
    sshd = servers.start(box, _sshd_config(box), uid=NOBODY)
    log = sshd.exited()
    assert sshd.process.returncode != 0
    assert "Unable to load host key" in log
    assert_printed(NO_HOST_KEY[0], log)
    assert_printed(NO_HOST_KEY[1], ssh(box, sshd.port).out)


def test_non_root_sshd_cannot_write_its_pid_file(box: Box, servers: Servers) -> None:
    """The default PidFile, /run/sshd.pid, is root's: a non-root sshd logs the error and serves
    anyway (not fatal: MPL302 says info)."""
    config = [line for line in _sshd_config(box, owner=NOBODY) if not line.startswith("PidFile")]
    sshd = servers.start(box, config, uid=NOBODY)
    log = sshd.wait_for("Couldn't create pid file")  # logged after the listening line
    assert_printed(PID_FILE, log)
    assert "Server listening on" in log and sshd.process.poll() is None, log


def test_root_sshd_without_run_sshd(box: Box, servers: Servers) -> None:
    """Root's sshd needs /run/sshd (Debian makes it at boot, a container does not boot)."""
    sshd = servers.start(box, _sshd_config(box), privsep_dir=False)
    log = sshd.exited()
    assert sshd.process.returncode != 0
    assert_printed(PRIVSEP, log)


# ---------------------------------------------------------------- ports (MPL309, MPL114)

LOW_PORT = [
    claim(
        "MPL309",
        "Bind to port 22 on 0.0.0.0 failed: Permission denied",
        "test_non_root_sshd_on_port_22",
    ),
    claim("MPL309", "Cannot bind any address", "test_non_root_sshd_on_port_22", "both"),
]
PORT_TAKEN = claim(
    "MPL114",
    "Bind to port 22 on 0.0.0.0 failed: Address already in use",
    "test_sshd_on_a_port_already_taken",
    "both",
)
CLAIMS += [*LOW_PORT, PORT_TAKEN]


def test_non_root_sshd_on_port_22(box: Box, servers: Servers) -> None:
    """A non-root sshd cannot bind 22 (in a network namespace of its own, so the address is the
    pod's 0.0.0.0 and nothing is exposed)."""
    config = _sshd_config(box, "ListenAddress 0.0.0.0:22", owner=NOBODY)
    sshd = servers.start(box, config, uid=NOBODY, network=True, port=22)
    log = sshd.exited()
    assert sshd.process.returncode != 0
    for each in LOW_PORT:
        assert_printed(each, log)


def test_non_root_sshd_on_port_22_where_the_runtime_allows_it(box: Box, servers: Servers) -> None:
    """The control, and why MPL309 hedges: with ``net.ipv4.ip_unprivileged_port_start=0`` in
    the pod's network namespace (containerd 2.0's CRI, Docker 20.10 and later), the same
    non-root sshd binds port 22. Set in the scenario's own network namespace only."""
    config = _sshd_config(box, "ListenAddress 0.0.0.0:22", owner=NOBODY)
    sshd = servers.start(box, config, uid=NOBODY, network=True, port=22, port_start=0)
    assert "Server listening on 0.0.0.0 port 22" in sshd.log, sshd.log
    assert sshd.process.poll() is None, sshd.log
    for each in LOW_PORT:
        assert each.quote not in sshd.log


def test_sshd_on_a_port_already_taken(box: Box, servers: Servers) -> None:
    """Port 22 of 0.0.0.0 already taken (on a hostNetwork pod, by the node's sshd; here by the
    first of two identical ListenAddress lines, in a network namespace of its own)."""
    config = _sshd_config(box, "ListenAddress 0.0.0.0:22", "ListenAddress 0.0.0.0:22")
    sshd = servers.start(box, config, network=True, port=22)
    log = sshd.wait_for("Address already in use")  # after the first address's listening line
    assert_printed(PORT_TAKEN, log)


# ---------------------------------------------------------------- nothing listens (many rules)

REFUSED = [
    claim(rule, "Connection refused", "test_ssh_where_no_sshd_listens", where)
    for rule, where in [
        ("MPL117", "both"),
        ("MPL118", "rationale"),
        ("MPL309", "both"),
        ("MPL310", "both"),
    ]
]
REFUSED_PORTS = [
    claim(
        "MPL202",
        "ssh: connect to host … port 22: Connection refused",
        "test_ssh_where_no_sshd_listens",
    ),
    claim(
        "MPL202",
        "ssh: connect to host … port 2022: Connection refused",
        "test_ssh_where_no_sshd_listens",
    ),
]
CLAIMS += [*REFUSED, *REFUSED_PORTS]


def test_ssh_where_no_sshd_listens(box: Box) -> None:
    """What the launcher's ssh prints when the worker's sshd is not listening on the port it
    tries (sshd not started, exited, or on another port), in a network namespace of its own."""
    for port, quote in ((22, REFUSED_PORTS[0]), (2022, REFUSED_PORTS[1])):
        out = ssh(box, port, network=True).out
        assert_printed(quote, out)
        for each in REFUSED:
            assert_printed(each, out)


REFUSED_NAMED = claim(
    "MPL202",
    "ssh: connect to host pi-worker-0… port 22: Connection refused",
    "test_ssh_to_a_worker_name_where_no_sshd_listens",
    "rationale",
)
CLAIMS.append(REFUSED_NAMED)


def test_ssh_to_a_worker_name_where_no_sshd_listens(box: Box, tmp_path: Path) -> None:
    """The same by the worker's name, resolved from a hosts file in a namespace of its own."""
    hosts = tmp_path / "hosts"
    hosts.write_text("127.0.0.1 localhost pi-worker-0.pi.default.svc.cluster.local pi-worker-0\n")
    for host in ("pi-worker-0", "pi-worker-0.pi.default.svc.cluster.local"):
        assert_printed(REFUSED_NAMED, ssh(box, 22, host=host, hosts=hosts, network=True).out)


# ---------------------------------------------------------------- no key where sshd looks

NOT_AUTHORIZED = [
    claim(rule, "Permission denied (publickey)", "test_sshd_without_the_job_key", where)
    for rule, where in [("MPL118", "message"), ("MPL301", "both"), ("MPL308", "both")]
]
CLAIMS += NOT_AUTHORIZED


def test_sshd_without_the_job_key(box: Box, servers: Servers) -> None:
    """sshd reads authorized_keys where the Secret is not (no key mount in the sshd container,
    or the keys mounted in another user's home): the launcher's key is refused."""
    key = _worker(box)
    config = _sshd_config(box, "StrictModes no", f"AuthorizedKeysFile {box.inside('nowhere')}")
    sshd = servers.start(box, config)
    client = ssh(box, sshd.port, key=key)
    assert client.code == 255
    for each in NOT_AUTHORIZED:
        assert_printed(each, client.out)


# ---------------------------------------------------------------- a relative sshd (MPL117)

RELATIVE = claim(
    "MPL117",
    "sshd re-exec requires execution with an absolute path",
    "test_sshd_by_a_relative_name",
    "both",
    OPENSSH_97,
)
# OpenSSH 9.8 changed the text (sshd.c:1345 at V_9_8_P1): re-exec is no longer optional, and
# `-r` only logs "-r option is deprecated" (sshd.c:1269-1271), so a relative `sshd -r` fails too.
RELATIVE_98 = claim(
    "MPL117",
    "sshd requires execution with an absolute path",
    "test_sshd_by_a_relative_name_from_98",
    "both",
    OPENSSH_98,
)
RELATIVE_310 = [
    claim("MPL310", RELATIVE.quote, "test_sshd_by_a_relative_name", "both", OPENSSH_97),
    claim("MPL310", RELATIVE_98.quote, "test_sshd_by_a_relative_name_from_98", "both", OPENSSH_98),
]
CLAIMS += [RELATIVE, RELATIVE_98, *RELATIVE_310]
SSHD_C_98_LINE_1345 = '\t\tfatal("sshd requires execution with an absolute path");'


def test_sshd_by_a_relative_name(box: Box, servers: Servers) -> None:
    sshd = servers.start(box, _sshd_config(box), program="sshd")
    log = sshd.exited()
    assert sshd.process.returncode != 0
    assert_printed(RELATIVE, log)
    assert_printed(RELATIVE_310[0], log)


def test_sshd_by_a_relative_name_from_98() -> None:
    """Not runnable here (Debian 12 has 9.2): the claim rests on openssh-portable's sshd.c at
    tag V_9_8_P1, line 1345, copied above; the check no longer depends on re-exec (``-r``)."""
    assert_printed(RELATIVE_98, SSHD_C_98_LINE_1345)
    assert_printed(RELATIVE_310[1], SSHD_C_98_LINE_1345)


# ---------------------------------------------------------------- host keys (MPL201)

UNKNOWN_HOST = claim(
    "MPL201", "Host key verification failed.", "test_ssh_meets_an_unknown_host_key", "both"
)
READ_ONLY = claim(
    "MPL201",
    "Failed to add the host to the list of known hosts",
    "test_ssh_cannot_record_a_host_key_in_the_secret",
    "both",
)
CLAIMS += [UNKNOWN_HOST, READ_ONLY]


def test_ssh_meets_an_unknown_host_key(box: Box, servers: Servers) -> None:
    """OpenSSH's default StrictHostKeyChecking (ask), no terminal to ask on: refused."""
    key = _worker(box)
    sshd = servers.start(box, _sshd_config(box, "StrictModes no"))
    client = ssh(
        box, sshd.port, key=key, options={"StrictHostKeyChecking": "ask", "BatchMode": "no"}
    )
    assert client.code == 255
    assert_printed(UNKNOWN_HOST, client.out)


def test_ssh_cannot_record_a_host_key_in_the_secret(box: Box, servers: Servers) -> None:
    """Host key checking off, known_hosts in the read-only Secret at ~/.ssh: a warning, and the
    job runs."""
    key = _worker(box)
    sshd = servers.start(box, _sshd_config(box, "StrictModes no"))
    client = ssh(box, sshd.port, key=key, options={"UserKnownHostsFile": "~/.ssh/known_hosts"})
    assert client.code == 0, client
    assert_printed(READ_ONLY, client.out)
    assert "(/root/.ssh/known_hosts)" in client.out


# ---------------------------------------------------------------- key modes (MPL121, MPL116)

UNREADABLE = [
    claim(
        "MPL121",
        "Identity file … not accessible: Permission denied",
        "test_non_root_ssh_with_the_root_mount",
        "both",
    ),
    claim(
        "MPL121", "Load key …: Permission denied", "test_non_root_ssh_with_the_root_mount", "both"
    ),
    claim(
        "MPL121", "Permission denied (publickey)", "test_non_root_ssh_with_the_root_mount", "both"
    ),
]
TOO_OPEN = [
    claim("MPL121", "UNPROTECTED PRIVATE KEY FILE", "test_root_ssh_with_a_0644_key"),
    claim(
        "MPL121",
        "WARNING: UNPROTECTED PRIVATE KEY FILE! … This private key will be ignored",
        "test_root_ssh_with_a_0644_key",
        "rationale",
    ),
]
BAD_HOST_KEY = claim("MPL121", "bad permissions", "test_root_sshd_with_a_0644_host_key", "both")
FS_GROUP = [
    claim(
        "MPL116",
        "Permissions 0640 for '/root/.ssh/id_rsa' are too open",
        "test_root_ssh_with_fs_group",
    ),
    claim(
        "MPL121",
        "Permissions 0640 for '/root/.ssh/id_rsa' are too open",
        "test_root_ssh_with_fs_group",
        "rationale",
    ),
    claim("MPL121", "Permissions 0640 … are too open", "test_root_ssh_with_fs_group"),
]
CLAIMS += [*UNREADABLE, *TOO_OPEN, BAD_HOST_KEY, *FS_GROUP]


def test_non_root_ssh_with_the_root_mount(box: Box, servers: Servers) -> None:
    """A non-root launcher with the default /root/.ssh (0600, root's) cannot read the key: ssh
    cannot even see it where /root is 0700 (Debian's, Ubuntu's), cannot open it where /root is
    searchable."""
    key = _worker(box)
    sshd = servers.start(box, _sshd_config(box, "StrictModes no"))
    for root_mode, says in ((0o700, UNREADABLE[0]), (0o755, UNREADABLE[1])):
        client = ssh(box, sshd.port, key=key, uid=NOBODY, user="nobody", root_mode=root_mode)
        assert client.code == 255
        assert_printed(says, client.out)
        assert_printed(UNREADABLE[2], client.out)


def test_root_ssh_with_a_0644_key(box: Box, servers: Servers) -> None:
    """Root with another sshAuthMountPath: the operator leaves the Secret's default 0644."""
    key = _worker(box, mount_path="/home/mpiuser/.ssh")
    sshd = servers.start(box, _sshd_config(box, "StrictModes no"))
    client = ssh(box, sshd.port, key=key)
    assert client.code == 255
    assert "Permissions 0644 for '/root/.ssh/id_rsa' are too open" in client.out
    for each in TOO_OPEN:
        assert_printed(each, client.out)


def test_root_sshd_with_a_0644_host_key(box: Box, servers: Servers) -> None:
    """The mounted id_rsa as root's HostKey (the documented images' HostKey ~/.ssh/id_rsa) at
    0644: sshd will not load it."""
    _worker(box, mount_path="/home/mpiuser/.ssh")
    config = ["HostKey /root/.ssh/id_rsa", f"PidFile {box.inside('sshd.pid')}"]
    sshd = servers.start(box, config)
    log = sshd.exited()
    assert_printed(BAD_HOST_KEY, log)
    assert "sshd: no hostkeys available -- exiting." in log


def test_root_ssh_with_fs_group(box: Box, servers: Servers) -> None:
    """fsGroup with root and /root/.ssh: the kubelet adds group-read (0600 → 0640)."""
    key = _worker(box, fs_group=1337)
    sshd = servers.start(box, _sshd_config(box, "StrictModes no"))
    client = ssh(box, sshd.port, key=key)
    assert client.code == 255
    for each in FS_GROUP:
        assert_printed(each, client.out)


# ---------------------------------------------------------------- uid without a user (MPL308)

NO_USER = [
    claim("MPL308", "No user exists for uid 1001", "test_ssh_as_a_uid_without_a_user"),
    claim("MPL308", "No user exists for uid N", "test_ssh_as_a_uid_without_a_user", "rationale"),
]
NO_UID = [
    claim("MPL308", "tilde_expand: No such uid 1001", "test_sshd_as_a_uid_without_a_user"),
    claim(
        "MPL308",
        "tilde_expand: No such uid N",
        "test_sshd_as_a_uid_without_a_user",
        "rationale",
    ),
]
# OpenSSH up to 8.6 (V_8_6_P1 misc.c:1126, tilde_expand_filename()) said it differently; 8.7
# moved the lookup to tilde_expand() and its error_f("No such uid %ld") (V_8_7_P1 misc.c:1146).
OPENSSH_86 = "OpenSSH up to 8.6p1 (source only: openssh-portable V_8_6_P1 misc.c:1126)"
MISC_C_86_LINE_1126 = '\t\tfatal("tilde_expand_filename: No such uid %ld", (long)uid);'
NO_UID_86 = [
    claim(
        "MPL308",
        "tilde_expand_filename: No such uid 1001",
        "test_sshd_as_a_uid_without_a_user_up_to_86",
        holds=OPENSSH_86,
    ),
    claim(
        "MPL308",
        "tilde_expand_filename: No such uid N",
        "test_sshd_as_a_uid_without_a_user_up_to_86",
        "rationale",
        OPENSSH_86,
    ),
]
CLAIMS += [*NO_USER, *NO_UID, *NO_UID_86]
UID = 1001  # no user in Debian's /etc/passwd has it


def test_ssh_as_a_uid_without_a_user(box: Box) -> None:
    client = ssh(box, free_port(), uid=UID)
    assert client.code == 255
    assert_printed(NO_USER[0], client.out)
    assert_printed(NO_USER[1], client.out, instead={"N": str(UID)})


def test_sshd_as_a_uid_without_a_user(box: Box, servers: Servers) -> None:
    """The platform's recipe, HostKey ~/.ssh/id_rsa, run by a uid the image has no user for."""
    config = ["HostKey ~/.ssh/id_rsa", f"PidFile {box.inside('sshd.pid')}"]
    sshd = servers.start(box, config, uid=UID)
    log = sshd.exited()
    assert sshd.process.returncode != 0
    assert_printed(NO_UID[0], log)
    assert_printed(NO_UID[1], log, instead={"N": str(UID)})


def test_sshd_as_a_uid_without_a_user_up_to_86() -> None:
    """Not runnable here (Debian 12 has 9.2): the claim rests on openssh-portable's misc.c at
    tag V_8_6_P1, line 1126, copied above; ``%ld`` is the uid."""
    printed = MISC_C_86_LINE_1126.replace("%ld", str(UID))
    assert_printed(NO_UID_86[0], printed)
    assert_printed(NO_UID_86[1], printed, instead={"N": str(UID)})


# ---------------------------------------------------------------- names (MPL110)

UNRESOLVED = [
    claim(
        "MPL110",
        "ssh: Could not resolve hostname pi-worker-0",
        "test_ssh_to_a_worker_not_yet_in_dns",
    ),
    claim(
        "MPL110",
        "ssh: Could not resolve hostname pi-worker-0: Name or service not known",
        "test_ssh_to_a_worker_not_yet_in_dns",
        "rationale",
    ),
    claim(
        "MPL110",
        "ssh: Could not resolve hostname pi-intel-worker-0",
        "test_ssh_to_a_worker_not_yet_in_dns",
    ),
]
CLAIMS += UNRESOLVED


def test_ssh_to_a_worker_not_yet_in_dns(box: Box, tmp_path: Path) -> None:
    """A name the resolver does not know (the answer cluster DNS gives before the worker's record
    exists), with no network and name lookup from /etc/hosts only, so no query leaves."""
    nsswitch = tmp_path / "nsswitch.conf"
    nsswitch.write_text("passwd: files\ngroup: files\nhosts: files\n")
    for host, quotes in (("pi-worker-0", UNRESOLVED[:2]), ("pi-intel-worker-0", UNRESOLVED[2:])):
        client = ssh(box, 22, host=host, nsswitch=nsswitch, network=True)
        assert client.code == 255
        for each in quotes:
            assert_printed(each, client.out)
