"""MPL201-MPL203 and MPL302: the image's OpenSSH files against the job that runs them."""

from __future__ import annotations

from pathlib import Path

from tests.harness import check_files

_RULES = "MPL201,MPL202,MPL203,MPL302"


def job(
    worker: str = "",
    user: str | None = "1000",
    path: str | None = "/home/user/.ssh",
    version: str = "v2beta1",
) -> str:
    security = f"            securityContext:\n              runAsUser: {user}\n" if user else ""
    mount = f"  sshAuthMountPath: {path}\n" if path else ""
    return (
        f"apiVersion: kubeflow.org/{version}\n"
        "kind: MPIJob\n"
        "metadata:\n"
        "  name: pi\n"
        "spec:\n"
        f"{mount}"
        "  mpiReplicaSpecs:\n"
        "    Launcher:\n"
        "      replicas: 1\n"
        "      template:\n"
        "        spec:\n"
        "          containers:\n"
        "          - image: quay.io/hpc/pi:1\n"
        "            name: launcher\n"
        '            command: [mpirun, -n, "2", /opt/pi]\n'
        f"{security}"
        "    Worker:\n"
        "      replicas: 2\n"
        "      template:\n"
        "        spec:\n"
        "          containers:\n"
        "          - image: quay.io/hpc/pi:1\n"
        "            name: worker\n"
        f"{worker}"
        f"{security}"
    )


_GOOD_CLIENT = (
    "RUN sed -i 's/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g' /etc/ssh/ssh_config && \\\n"
    '    echo "    UserKnownHostsFile /dev/null" >> /etc/ssh/ssh_config\n'
)
_NO_STRICT_MODES = "RUN sed -i 's/#\\(StrictModes \\).*/\\1no/g' /etc/ssh/sshd_config\n"
_SERVER = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y openssh-server\n"
_DEBIAN = (
    "FROM debian:bookworm\n"
    "RUN apt-get update && apt-get install -y --no-install-recommends openssh-server\n"
    "RUN mkdir -p /var/run/sshd && useradd -m -u 1000 user\n"
)


def lint(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, int, str]]:
    findings = check_files(tmp_path, files, "--select", _RULES).findings
    return [(f["rule"], Path(f["file"]).name, f["line"], f["severity"]) for f in findings]


def test_a_private_sshd_config_copied_from_the_context(tmp_path: Path) -> None:
    files = {
        "sshd_config": "PidFile /tmp/sshd.pid\nHostKey /home/user/.ssh/id_rsa\nPort 2222\n",
        "Dockerfile": _DEBIAN
        + _GOOD_CLIENT
        + 'RUN echo "    Port 2222" >> /etc/ssh/ssh_config\n'
        + "COPY --chown=user sshd_config /home/user/.sshd_config\n",
        "mpijob.yaml": job(
            "            command: [/usr/sbin/sshd, -De, -f, /home/user/.sshd_config]\n"
        ),
    }
    # the copied file has no StrictModes line: the default (yes) is in effect
    assert lint(tmp_path, files) == [("MPL203", "Dockerfile", 7, "error")]


def test_the_worker_port_option_wins_over_the_config(tmp_path: Path) -> None:
    files = {
        "Dockerfile": _DEBIAN
        + _GOOD_CLIENT
        + "RUN sed -i 's/#\\(StrictModes \\).*/\\1no/g' /etc/ssh/sshd_config\n",
        "mpijob.yaml": job('            command: [/usr/sbin/sshd, -De, -p, "2022"]\n', user=None),
    }
    found = lint(tmp_path, files)
    # the client has no Port line: the finding points at the install of openssh
    assert ("MPL202", "Dockerfile", 2, "error") in found


def test_silent_for_v1_jobs(tmp_path: Path) -> None:
    files = {
        "Dockerfile": _SERVER,
        "mpijob.yaml": job(version="v1", path=None),
    }
    assert lint(tmp_path, files) == []


def test_silent_when_the_files_cannot_be_known(tmp_path: Path) -> None:
    files = {
        "Dockerfile": _DEBIAN + "COPY setup-ssh.sh /tmp/\nRUN /tmp/setup-ssh.sh\n",
        "mpijob.yaml": job(),
    }
    assert lint(tmp_path, files) == []


def test_a_user_ssh_config_outside_the_mount_may_override(tmp_path: Path) -> None:
    files = {
        "Dockerfile": _DEBIAN
        + "RUN mkdir -p /home/user/.ssh-extra && echo 'Host *' > /root/.ssh/config\n"
        + "RUN echo 'StrictModes no' > /etc/ssh/sshd_config && \\\n"
        + "    echo 'HostKey ~/.ssh/id_rsa' >> /etc/ssh/sshd_config && \\\n"
        + "    echo 'PidFile /tmp/sshd.pid' >> /etc/ssh/sshd_config\n",
        "mpijob.yaml": job(),
    }
    assert [f[0] for f in lint(tmp_path, files)] == []


def test_host_key_under_the_mount_and_templated_uid(tmp_path: Path) -> None:
    dockerfile = (
        _DEBIAN
        + _GOOD_CLIENT
        + "RUN echo 'StrictModes no' > /etc/ssh/sshd_config && \\\n"
        + "    echo 'HostKey /home/user/.ssh/id_rsa' >> /etc/ssh/sshd_config && \\\n"
        + "    echo 'PidFile /tmp/sshd.pid' >> /etc/ssh/sshd_config\n"
    )
    assert lint(tmp_path, {"Dockerfile": dockerfile, "mpijob.yaml": job()}) == []
    templated = job(user='"{{ .Values.uid }}"')
    bare = dockerfile.replace("HostKey /home/user/.ssh/id_rsa", "Port 22")
    assert lint(tmp_path, {"Dockerfile": bare, "mpijob.yaml": templated}) == []


def test_a_script_in_the_worker_command_is_not_read(tmp_path: Path) -> None:
    files = {
        "Dockerfile": _SERVER,
        "mpijob.yaml": job("            command: [/start-sshd.sh]\n", user=None, path=None),
    }
    found = lint(tmp_path, files)
    assert all(rule == "MPL201" for rule, *_ in found)  # only the client config is judged


def test_root_without_privsep_dir_even_with_an_entrypoint(tmp_path: Path) -> None:
    dockerfile = (
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y openssh-server\n"
        + _GOOD_CLIENT
        + _NO_STRICT_MODES
        + 'COPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n'
    )
    # no command and no args: the operator's /usr/sbin/sshd -De replaces the entrypoint
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job(user=None, path=None)}
    assert lint(tmp_path, files) == [("MPL302", "Dockerfile", 2, "error")]
    # args only: the entrypoint runs first and may create /run/sshd
    args = job("            args: [/usr/sbin/sshd, -De]\n", user=None, path=None)
    assert lint(tmp_path, {"Dockerfile": dockerfile, "mpijob.yaml": args}) == []


def test_strict_modes_fails_root_with_the_default_path_too(tmp_path: Path) -> None:
    """C1: the Secret's mount point is 1777, so StrictModes refuses root's /root/.ssh as well;
    the boundary is the value sshd reads first, whoever the user is."""
    root = job(user=None, path=None)
    base = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y openssh-server\n"
    base += "RUN mkdir -p /var/run/sshd\n" + _GOOD_CLIENT
    # Debian's default: StrictModes commented out, so OpenSSH's built-in yes
    assert lint(tmp_path, {"Dockerfile": base, "mpijob.yaml": root}) == [
        ("MPL203", "Dockerfile", 2, "error")
    ]
    explicit_root = job(user="0", path="/root/.ssh")
    yes = base + "RUN sed -i 's/#\\(StrictModes \\).*/\\1yes/g' /etc/ssh/sshd_config\n"
    assert lint(tmp_path, {"Dockerfile": yes, "mpijob.yaml": explicit_root}) == [
        ("MPL203", "Dockerfile", 6, "error")
    ]
    no = base + _NO_STRICT_MODES
    assert lint(tmp_path, {"Dockerfile": no, "mpijob.yaml": root}) == []
    on_command_line = job(
        "            command: [/usr/sbin/sshd, -De, -o, StrictModes=no]\n", user=None, path=None
    )
    assert lint(tmp_path, {"Dockerfile": base, "mpijob.yaml": on_command_line}) == []


def test_strict_modes_unknown_base_stays_silent(tmp_path: Path) -> None:
    files = {
        "Dockerfile": "FROM ghcr.io/mpilint-demo/team/mpi-base:3\nCOPY pi /opt/pi\n",
        "mpijob.yaml": job(user=None, path=None),
    }
    assert [f for f in lint(tmp_path, files) if f[0] == "MPL203"] == []


def test_known_hosts_noise_is_info_and_passes_the_default_gate(tmp_path: Path) -> None:
    """A read-only ~/.ssh only makes ssh print "Failed to add the host …": the job works, so
    the finding is info and the exit code stays 0; host-key checking left on stays an error."""
    dockerfile = _DEBIAN + _NO_STRICT_MODES
    no_checking = (
        "RUN sed -i 's/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g' /etc/ssh/ssh_config\n"
    )
    files = {"Dockerfile": dockerfile + no_checking, "mpijob.yaml": job()}
    result = check_files(tmp_path, files, "--select", "MPL201")
    assert [(f["rule"], f["severity"]) for f in result.findings] == [("MPL201", "info")]
    assert "Failed to add the host to the list of known hosts" in result.findings[0]["message"]
    assert result.code == 0
    asked = check_files(
        tmp_path, {"Dockerfile": dockerfile, "mpijob.yaml": job()}, "--select", "MPL201"
    )
    assert [(f["rule"], f["severity"]) for f in asked.findings] == [("MPL201", "error")]
    assert asked.code != 0
    both = {"Dockerfile": dockerfile + _GOOD_CLIENT, "mpijob.yaml": job()}
    assert check_files(tmp_path, both, "--select", "MPL201").findings == []


def test_host_key_advice_never_names_root_ssh_for_a_non_root_user(tmp_path: Path) -> None:
    """The key mounted at /root/.ssh is root's, mode 0600: advising HostKey /root/.ssh/id_rsa
    to uid 1000 would not help; the advice names the user's own .ssh instead."""
    dockerfile = _DEBIAN + _GOOD_CLIENT + _NO_STRICT_MODES

    def advice(path: str | None) -> str:
        files = {"Dockerfile": dockerfile, "mpijob.yaml": job(path=path)}
        found = check_files(tmp_path, files, "--select", "MPL302").findings
        [message] = [f["message"] for f in found if "no hostkeys" in f["message"]]
        return str(message)

    at_root = advice("/root/.ssh")
    assert "HostKey /root/.ssh/id_rsa" not in at_root
    assert "set sshAuthMountPath to /home/user/.ssh" in at_root
    assert "HostKey ~/.ssh/id_rsa" in at_root
    assert "HostKey /home/user/.ssh/id_rsa" in advice("/home/user/.ssh")


def _mpich_job(env: str, implementation: str = "MPICH") -> str:
    launcher_env = "            env:\n" + env if env else ""
    return (
        job(user="1000")
        .replace("spec:\n", f"spec:\n  mpiImplementation: {implementation}\n", 1)
        .replace("            name: launcher\n", "            name: launcher\n" + launcher_env, 1)
    )


def test_hydra_launcher_extra_args_passes_the_port(tmp_path: Path) -> None:
    """C3: MPICH's Hydra appends HYDRA_LAUNCHER_EXTRA_ARGS to ssh's command line; a port there
    (or a value that cannot be read) is no mismatch. Intel's Hydra does not read it."""
    dockerfile = (
        _DEBIAN
        + _GOOD_CLIENT
        + 'RUN echo "StrictModes no" > /etc/ssh/sshd_config && \\\n'
        + '    echo "PidFile /tmp/sshd.pid" >> /etc/ssh/sshd_config && \\\n'
        + '    echo "HostKey ~/.ssh/id_rsa" >> /etc/ssh/sshd_config && \\\n'
        + '    echo "Port 2222" >> /etc/ssh/sshd_config\n'
    )

    def rules(env: str, implementation: str = "MPICH", image: str = dockerfile) -> list[str]:
        files = {"Dockerfile": image, "mpijob.yaml": _mpich_job(env, implementation)}
        return [f["rule"] for f in check_files(tmp_path, files, "--select", "MPL202").findings]

    var = "            - name: HYDRA_LAUNCHER_EXTRA_ARGS\n"
    assert rules("") == ["MPL202"]
    assert rules(var + '              value: "-p 2222"\n') == []
    assert rules(var + '              value: "-o Port=2222"\n') == []
    assert rules(var + "              valueFrom: {configMapKeyRef: {name: ssh, key: args}}\n") == []
    assert rules(var + '              value: "-o ConnectionAttempts=10"\n') == ["MPL202"]
    assert rules(var + '              value: "-p 2222"\n', "Intel") == ["MPL202"]
    operator_name = '            - name: HYDRA_LAUNCH_EXTRA_ARGS\n              value: "-p 2222"\n'
    assert rules(operator_name) == ["MPL202"]
    in_image = dockerfile + 'ENV HYDRA_LAUNCHER_EXTRA_ARGS="-p 2222"\n'
    assert rules("", image=in_image) == []
