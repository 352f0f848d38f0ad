"""MPL308-MPL310: who the job runs as, and what its workers run, against the image."""

from __future__ import annotations

from pathlib import Path

from tests.harness import REPO, check_files

_RULES = "MPL308,MPL309,MPL310"
_PLATFORM = (REPO / "examples" / "good" / "Dockerfile").read_text()
_OPERATOR = "FROM mpioperator/openmpi:0.6.0\nCOPY pi /home/mpiuser/pi\n"
_DEBIAN = (
    "FROM debian:bookworm\n"
    "RUN apt-get update && apt-get install -y --no-install-recommends openmpi-bin"
    " openssh-server openssh-client\n"
    "RUN mkdir -p /var/run/sshd\n"
)


def job(
    worker: str = "",
    launcher: str = '            command: [mpirun, -n, "2", /opt/pi]\n',
    security: str = "            securityContext:\n              runAsUser: 1000\n",
    path: str | None = "/home/user/.ssh",
    version: str = "v2beta1",
    worker_security: str | None = None,
) -> str:
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
        f"{launcher}"
        f"{security}"
        "    Worker:\n"
        "      replicas: 2\n"
        "      template:\n"
        "        spec:\n"
        "          containers:\n"
        "          - image: quay.io/hpc/pi:1\n"
        "            name: worker\n"
        f"{worker}"
        f"{security if worker_security is None else worker_security}"
    )


def lint(tmp_path: Path, files: dict[str, str]) -> list[tuple[str, str, int]]:
    findings = check_files(tmp_path, files, "--select", _RULES).findings
    return [(f["rule"], Path(f["file"]).name, f["line"]) for f in findings]


def test_documented_platform_job_is_silent(tmp_path: Path) -> None:
    files = {"Dockerfile": _PLATFORM, "mpijob.yaml": job()}
    assert lint(tmp_path, files) == []


def test_operator_image_with_unpinned_mpiuser_is_silent(tmp_path: Path) -> None:
    worker = "            args: [/usr/sbin/sshd, -De, -f, /home/mpiuser/.sshd_config]\n"
    files = {"Dockerfile": _OPERATOR, "mpijob.yaml": job(worker, path="/home/mpiuser/.ssh")}
    assert lint(tmp_path, files) == []
    # uid 1001 may or may not be mpiuser's: the base does not pin it
    files["mpijob.yaml"] = job(
        worker,
        path="/home/mpiuser/.ssh",
        security="            securityContext:\n              runAsUser: 1001\n",
    )
    assert lint(tmp_path, files) == []


def test_uid_without_user(tmp_path: Path) -> None:
    security = "            securityContext:\n              runAsUser: 1001\n"
    files = {"Dockerfile": _PLATFORM, "mpijob.yaml": job(security=security)}
    # the launcher's ssh and the worker's sshd (HostKey ~/.ssh/id_rsa) both fail
    assert lint(tmp_path, files) == [
        ("MPL308", "mpijob.yaml", 17),
        ("MPL308", "mpijob.yaml", 26),
    ]


def test_uid_without_user_but_passwd_made_writable(tmp_path: Path) -> None:
    security = "            securityContext:\n              runAsUser: 1001\n"
    dockerfile = _PLATFORM + "RUN chmod g=u /etc/passwd\n"
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job(security=security)}
    assert lint(tmp_path, files) == []


def test_home_of_the_uid_is_not_the_mount(tmp_path: Path) -> None:
    dockerfile = _PLATFORM + "RUN useradd -m -u 1001 mpiuser\n"
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job(path="/home/mpiuser/.ssh")}
    assert lint(tmp_path, files) == [("MPL308", "mpijob.yaml", 17)]


def test_home_mismatch_with_absolute_key_paths_is_silent(tmp_path: Path) -> None:
    dockerfile = (
        _DEBIAN
        + "RUN useradd -m -u 1000 user && useradd -m -u 1001 mpiuser\n"
        + 'RUN echo "IdentityFile /home/mpiuser/.ssh/id_rsa" >> /etc/ssh/ssh_config && \\\n'
        + '    echo "AuthorizedKeysFile /home/mpiuser/.ssh/authorized_keys" >>'
        + " /etc/ssh/sshd_config\n"
    )
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job(path="/home/mpiuser/.ssh")}
    assert [f for f in lint(tmp_path, files) if f[0] == "MPL308"] == []


def test_missing_mount_user_is_left_to_mpl301(tmp_path: Path) -> None:
    files = {"Dockerfile": _PLATFORM, "mpijob.yaml": job(path="/home/nobody-here/.ssh")}
    assert lint(tmp_path, files) == []


def test_non_root_sshd_on_port_22(tmp_path: Path) -> None:
    dockerfile = _DEBIAN + "RUN useradd -m -u 1000 user\n"
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job()}
    assert lint(tmp_path, files) == [("MPL309", "mpijob.yaml", 26)]


def test_non_root_sshd_on_port_22_severity_follows_the_network(tmp_path: Path) -> None:
    """The pod's own network: the runtime decides ip_unprivileged_port_start (containerd 2.0
    and Docker set 0), so a warning; hostNetwork: the node's namespace, an error."""
    dockerfile = _DEBIAN + "RUN useradd -m -u 1000 user\n"
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job()}
    finding = check_files(tmp_path, files, "--select", "MPL309").findings[0]
    assert finding["severity"] == "warning"
    assert "containerd 2.0's CRI and Docker 20.10 set it to 0" in finding["message"]
    host = job().replace(
        "            name: worker\n", "            name: worker\n          hostNetwork: true\n"
    )
    files["mpijob.yaml"] = host.replace(
        "        spec:\n          containers:\n          - image: example.org/pi:1\n"
        "            name: worker\n          hostNetwork: true\n",
        "        spec:\n          hostNetwork: true\n          containers:\n"
        "          - image: example.org/pi:1\n            name: worker\n",
    )
    assert "hostNetwork: true" in files["mpijob.yaml"]
    findings = check_files(tmp_path / "host", files, "--select", "MPL309").findings
    assert [f["severity"] for f in findings] == ["error"]


def test_non_root_sshd_on_port_22_with_setcap(tmp_path: Path) -> None:
    dockerfile = (
        _DEBIAN
        + "RUN useradd -m -u 1000 user\n"
        + "RUN setcap CAP_NET_BIND_SERVICE=+eip /usr/sbin/sshd\n"
    )
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job()}
    assert lint(tmp_path, files) == []
    no_escalation = (
        "            securityContext:\n"
        "              runAsUser: 1000\n"
        "              allowPrivilegeEscalation: false\n"
    )
    files["mpijob.yaml"] = job(worker_security=no_escalation)
    assert lint(tmp_path, files) == [("MPL309", "mpijob.yaml", 27)]


def test_setcap_sshd_under_drop_all(tmp_path: Path) -> None:
    drop = (
        "            securityContext:\n              capabilities:\n                drop: [ALL]\n"
    )
    files = {
        "Dockerfile": _OPERATOR,
        "mpijob.yaml": job(path=None, security="", worker_security=drop),
    }
    assert lint(tmp_path, files) == [("MPL309", "mpijob.yaml", 24)]
    added = drop + "                add: [NET_BIND_SERVICE]\n"
    files["mpijob.yaml"] = job(path=None, security="", worker_security=added)
    assert lint(tmp_path, files) == []
    other = drop.replace("[ALL]", "[NET_RAW]")
    files["mpijob.yaml"] = job(path=None, security="", worker_security=other)
    assert lint(tmp_path, files) == []


def test_args_appended_to_an_entrypoint_that_is_not_sshd(tmp_path: Path) -> None:
    dockerfile = _PLATFORM + 'ENTRYPOINT ["python3", "/opt/train.py"]\n'
    worker = "            args: [/usr/sbin/sshd, -De]\n"
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job(worker)}
    assert lint(tmp_path, files) == [("MPL310", "mpijob.yaml", 25)]


def test_args_replace_a_shell_form_cmd(tmp_path: Path) -> None:
    worker = "            args: [-e, -f, /etc/ssh/sshd_config]\n"
    files = {"Dockerfile": _PLATFORM, "mpijob.yaml": job(worker)}
    assert lint(tmp_path, files) == [("MPL310", "mpijob.yaml", 25)]


def test_known_pass_through_entrypoint_is_followed(tmp_path: Path) -> None:
    script = (
        "RUN printf '#!/bin/sh\\nmkdir -p /run/sshd\\nexec \"$@\"\\n' > /ssh-entry.sh"
        " && chmod +x /ssh-entry.sh\n"
        'ENTRYPOINT ["/ssh-entry.sh"]\n'
    )
    good = "            args: [/usr/sbin/sshd, -De]\n"
    files = {"Dockerfile": _PLATFORM + script, "mpijob.yaml": job(good)}
    assert lint(tmp_path, files) == []
    bad = "            args: [/usr/sbin/sshd, /usr/sbin/sshd, -De]\n"
    files["mpijob.yaml"] = job(bad)
    assert lint(tmp_path, files) == []  # sshd stops at the operand: daemon, but only MPL117's


def test_intel_style_args_only_job_is_silent(tmp_path: Path) -> None:
    dockerfile = "FROM mpioperator/intel:0.6.0\nCOPY pi /home/mpiuser/pi\n"
    worker = "            args: [/usr/sbin/sshd, -De, -f, /home/mpiuser/.sshd_config]\n"
    launcher = '            args: [mpirun, -n, "2", /home/mpiuser/pi]\n'
    files = {
        "Dockerfile": dockerfile,
        "mpijob.yaml": job(worker, launcher=launcher, path="/home/mpiuser/.ssh"),
    }
    assert lint(tmp_path, files) == []


def test_v1_worker_without_command_is_silent(tmp_path: Path) -> None:
    dockerfile = _PLATFORM + 'ENTRYPOINT ["python3", "/opt/train.py"]\n'
    worker = "            args: [--epochs, '3']\n"
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job(worker, version="v1", path=None)}
    assert lint(tmp_path, files) == []


# -- no runAsUser: the image's USER (or root) runs ssh and sshd ------------------------------


def _image_user(tmp_path: Path, dockerfile: str, path: str | None, **kw: str) -> list[str]:
    files = {"Dockerfile": dockerfile, "mpijob.yaml": job(security="", path=path, **kw)}
    findings = check_files(tmp_path, files, "--select", "MPL308").findings
    return [f"{Path(f['file']).name}:{f['line']}:{f['column']}" for f in findings]


def test_root_image_with_the_keys_in_another_home(tmp_path: Path) -> None:
    image = _DEBIAN + "RUN useradd -m -u 1000 mpiuser\n"
    assert _image_user(tmp_path, image, "/home/mpiuser/.ssh") == ["mpijob.yaml:6:21"]
    assert _image_user(tmp_path, image, "/root/.ssh") == []  # the boundary: root's own .ssh
    assert _image_user(tmp_path, image, None) == []
    explicit_root = image + "USER root\n"
    assert _image_user(tmp_path, explicit_root, "/home/mpiuser/.ssh") == ["Dockerfile:5:6"]


def test_image_user_with_the_default_path(tmp_path: Path) -> None:
    image = _DEBIAN + "RUN useradd -m -u 1000 trainer\n"
    assert _image_user(tmp_path, image + "USER trainer\n", None) == ["Dockerfile:5:6"]
    assert _image_user(tmp_path, image + "USER 1000\n", None) == ["Dockerfile:5:6"]
    assert _image_user(tmp_path, image + "USER trainer:trainer\n", None) == ["Dockerfile:5:6"]
    assert _image_user(tmp_path, image + "USER trainer\n", "/home/trainer/.ssh") == []
    assert _image_user(tmp_path, image + "USER trainer\n", "/home/trainer/.ssh/") == []


def test_image_user_that_cannot_be_known_is_silent(tmp_path: Path) -> None:
    image = _DEBIAN + "RUN useradd -m -u 1000 trainer\n"
    assert _image_user(tmp_path, image + "ARG U=trainer\nUSER $U\n", None) == []
    assert _image_user(tmp_path, image + "USER 1234\n", None) == []  # no user holds 1234
    assert _image_user(tmp_path, "FROM example.org/team/base:1\n", "/home/mpiuser/.ssh") == []
    unknown_user = "FROM example.org/team/base:1\nUSER trainer\n"
    assert _image_user(tmp_path, unknown_user, None) == []


def test_run_as_user_in_the_manifest_wins_over_the_image(tmp_path: Path) -> None:
    image = _DEBIAN + "RUN useradd -m -u 1000 trainer\nUSER trainer\n"
    files = {"Dockerfile": image, "mpijob.yaml": job(path="/home/trainer/.ssh")}
    assert check_files(tmp_path, files, "--select", "MPL308").findings == []


def test_key_workarounds_and_entrypoints_are_not_second_guessed(tmp_path: Path) -> None:
    image = _DEBIAN + "RUN useradd -m -u 1000 mpiuser\n"
    copied = (
        "            command:"
        " [bash, -c, 'cp -r /home/mpiuser/.ssh /root/ && mpirun -n 2 /opt/pi']\n"
    )
    assert _image_user(tmp_path, image, "/home/mpiuser/.ssh", launcher=copied) == []
    script = image + 'COPY start.sh /start.sh\nENTRYPOINT ["/start.sh"]\n'
    args_only = '            args: [mpirun, -n, "2", /opt/pi]\n'
    assert _image_user(tmp_path, script, "/home/mpiuser/.ssh", launcher=args_only) == []
    # a command on the launcher and none on the worker: the ENTRYPOINT never runs
    assert _image_user(tmp_path, script, "/home/mpiuser/.ssh") == ["mpijob.yaml:6:21"]
