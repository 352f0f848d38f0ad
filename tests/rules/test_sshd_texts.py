"""What sshd prints, quoted by MPL117 and MPL308, as OpenSSH's versions print it: the
relative-name refusal changed its words in 9.8, and 9.8 stopped honouring ``-r`` (domain notes
C10, ``sshd.c``); ``~`` expansion for an unknown uid reports from ``tilde_expand`` since 8.7
(``misc.c``), from ``tilde_expand_filename`` before."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import check_files

_JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
spec:
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: quay.io/hpc/pi:1
            name: launcher
            command: [mpirun, -n, "2", /opt/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: quay.io/hpc/pi:1
            name: worker
            command: {command}
"""


def findings(tmp_path: Path, command: str) -> list[tuple[str, int, int, str, str]]:
    files = {"mpijob.yaml": _JOB.format(command=command)}
    found = check_files(tmp_path, files, "--select", "MPL117").findings
    return [(f["rule"], f["line"], f["column"], f["severity"], f["message"]) for f in found]


def test_relative_sshd_names_both_versions_texts(tmp_path: Path) -> None:
    [(rule, line, column, severity, message)] = findings(tmp_path, "[sshd, -De]")
    assert (rule, line, column, severity) == ("MPL117", 22, 23, "error")
    assert '"sshd re-exec requires execution with an absolute path" (OpenSSH up to 9.7' in message
    assert '"sshd requires execution with an absolute path" from 9.8' in message


def test_relative_sshd_with_r_fails_from_openssh_9_8(tmp_path: Path) -> None:
    [(rule, _line, _column, severity, message)] = findings(tmp_path, "[sshd, -r, -De]")
    assert (rule, severity) == ("MPL117", "warning")
    assert '"sshd requires execution with an absolute path"' in message
    assert "up to 9.7" in message


@pytest.mark.parametrize("command", ["[/usr/sbin/sshd, -De]", "[/usr/sbin/sshd, -r, -De]"])
def test_absolute_sshd_is_silent(tmp_path: Path, command: str) -> None:
    assert findings(tmp_path, command) == []


_PLATFORM = (
    "FROM debian:bookworm\n"
    "RUN apt-get update && apt-get install -y openssh-server openmpi-bin\n"
    "RUN mkdir -p /var/run/sshd && useradd -m -u 1000 user\n"
    'RUN echo "StrictModes no" > /etc/ssh/sshd_config && \\\n'
    '    echo "HostKey ~/.ssh/id_rsa" >> /etc/ssh/sshd_config\n'
)


def test_unknown_uid_quotes_tilde_expand_by_version(tmp_path: Path) -> None:
    job = (
        _JOB.format(command="[/usr/sbin/sshd, -De]")
        .replace(
            "            command: [/usr/sbin/sshd, -De]\n",
            "            securityContext:\n              runAsUser: 1001\n",
        )
        .replace(
            "spec:\n  mpiReplicaSpecs",
            "spec:\n  sshAuthMountPath: /home/user/.ssh\n  mpiReplicaSpecs",
        )
    )
    files = {"mpijob.yaml": job, "Dockerfile": _PLATFORM}
    found = check_files(tmp_path, files, "--select", "MPL308").findings
    messages = [f["message"] for f in found if "sshd expands" in f["message"]]
    assert len(messages) == 1, [f["message"] for f in found]
    assert '"tilde_expand: No such uid 1001" (OpenSSH 8.7 and later;' in messages[0]
    assert '"tilde_expand_filename: No such uid 1001" before' in messages[0]
