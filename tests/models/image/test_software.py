"""The software model: packages, MPIs, OpenSSH and process facts read from Dockerfiles."""

from __future__ import annotations

import textwrap

import pytest

from mpilint.models.image import load_image
from mpilint.models.image.basefacts import lookup_software
from mpilint.models.image.software import SoftwareFacts, effective_argv, software_of
from mpilint.models.mpijob import Container, read_mpijob
from mpilint.sources.yamlsource import parse_yaml
from tests.harness import REPO


def _facts(text: str, path: str = "ctx/Dockerfile") -> SoftwareFacts:
    result = load_image(path, textwrap.dedent(text))
    assert result.image is not None, result.problems
    facts = software_of(result.image)
    assert facts is not None
    return facts


def _mpis(facts: SoftwareFacts) -> list[tuple[str, str | None]]:
    return [(m.family, m.version) for m in facts.mpis]


# -- the documented images ----------------------------------------------------------------


def test_platform_dockerfile() -> None:
    facts = _facts((REPO / "examples" / "good" / "Dockerfile").read_text(encoding="utf-8"))
    assert _mpis(facts) == [("OpenMPI", "4.1.4")]  # bookworm's openmpi-bin
    assert facts.mpi_complete and facts.packages_complete
    assert facts.openssh_server.present is True and facts.openssh_client.present is True
    assert facts.openssh_server.span is not None and facts.openssh_server.span.line == 5
    assert facts.entrypoint is None and facts.entrypoint_known
    assert facts.cmd is not None and facts.cmd.shell_form
    assert facts.cmd.argv == ("/bin/sh", "-c", "/usr/sbin/sshd -De")
    assert facts.workdir is not None and facts.workdir.value == "/data"
    assert facts.runs_as_root() is True  # no USER: runAsUser must say otherwise


def test_operator_base_image_by_tag() -> None:
    facts = _facts(
        """\
        FROM mpioperator/openmpi-builder:0.6.0 AS builder
        RUN mpic++ /src/pi.cc -o /pi
        FROM mpioperator/openmpi:0.6.0
        COPY --from=builder /pi /home/mpiuser/pi
        """
    )
    assert _mpis(facts) == [("OpenMPI", "4.1.4")]
    assert facts.mpis[0].span is not None and facts.mpis[0].span.line == 3
    assert facts.openssh_server.present and facts.openssh_client.present
    assert [c.capabilities for c in facts.sshd_capabilities] == ["CAP_NET_BIND_SERVICE=+eip"]
    assert _mpis(_facts("FROM mpioperator/openmpi:v0.7.0\n")) == [("OpenMPI", "5.0.7")]
    assert _mpis(_facts("FROM mpioperator/openmpi:v0.5.0\n")) == [("OpenMPI", "4.1")]
    assert _mpis(_facts("FROM mpioperator/openmpi:latest\n")) == [("OpenMPI", None)]
    intel = _facts("FROM mpioperator/intel:0.6.0\n")
    assert _mpis(intel) == [("Intel", None)]
    assert intel.entrypoint is not None and intel.entrypoint.argv == ("/entrypoint.sh",)
    assert intel.cmd is None and intel.cmd_known


def test_unknown_base_is_unknown_not_none() -> None:
    facts = _facts("FROM ghcr.io/mpilint-demo/team/base:1\nRUN echo hi\n")
    assert facts.mpis == () and not facts.mpi_complete
    assert facts.openssh_server.present is None and facts.openssh_client.present is None
    assert not facts.entrypoint_known and facts.runs_as_root() is None


def test_base_table() -> None:
    assert lookup_software("debian:trixie-slim").release == "trixie"
    assert lookup_software("debian:12.5").release == "bookworm"
    assert lookup_software("ubuntu:24.04").release == "noble"
    assert lookup_software("python:3.12-slim").openssh_client is False
    assert lookup_software("python:3.12").openssh_client is True
    assert lookup_software("scratch").mpis == ()
    assert lookup_software(None).mpis is None


# -- package managers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "run",
    [
        "apt-get update && apt-get install -y --no-install-recommends mpich openssh-client",
        "apt-get -y --no-install-recommends install mpich=4.0.2-3 openssh-client",
        "DEBIAN_FRONTEND=noninteractive apt install -qq -o Dpkg::Use-Pty=0 -y mpich openssh-client",
        "sudo apt-get install -y libmpich-dev openssh-client",
    ],
)
def test_apt_forms(run: str) -> None:
    facts = _facts(f"FROM debian:bookworm\nRUN {run}\n")
    assert _mpis(facts) == [("MPICH", None)]
    assert facts.openssh_client.present is True
    assert facts.openssh_server.present is False  # known: a Debian image without it


def test_package_span_and_version() -> None:
    facts = _facts("FROM debian:trixie\nRUN apt-get install -y openmpi-bin=5.0.7-1\n")
    assert _mpis(facts) == [("OpenMPI", "5.0.7")]
    span = facts.mpis[0].span
    assert span is not None and (span.line, span.column, span.end_column) == (2, 24, 43)
    assert facts.packages[0].version == "5.0.7-1"


def test_removal_and_dependencies() -> None:
    facts = _facts(
        """\
        FROM debian:bookworm
        RUN apt-get install -y openssh-server
        RUN apt-get purge -y openssh-client
        """
    )
    # Debian's server depends on the client: removing the client takes both.
    assert facts.openssh_server.present is False and facts.openssh_client.present is False


def test_rhel_and_alpine_and_conda_and_pip() -> None:
    rhel = _facts(
        "FROM rockylinux:9\n"
        "RUN dnf install -y --setopt=tsflags=nodocs openmpi-devel openssh-server\n"
    )
    assert _mpis(rhel) == [("OpenMPI", None)]
    assert rhel.openssh_server.present is True and rhel.openssh_client.present is False
    alpine = _facts("FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps openssh\n")
    assert alpine.openssh_server.present and alpine.openssh_client.present
    conda = _facts(
        "FROM debian:bookworm\nRUN conda install -y -c conda-forge openmpi=4.1.6 mpi4py\n"
    )
    assert _mpis(conda) == [("OpenMPI", "4.1.6")]
    pip = _facts("FROM debian:bookworm\nRUN python3 -m pip install --no-cache-dir mpi4py horovod\n")
    assert pip.mpis == () and pip.mpi_complete  # mpi4py is not an MPI
    conda_only = _facts("FROM debian:bookworm\nRUN conda install -y mpi4py\n")
    assert not conda_only.mpi_complete  # conda picks some MPI for mpi4py


@pytest.mark.parametrize(
    "run",
    [
        "apt-get install -y $(cat /tmp/packages.txt)",
        'if [ -n "$SSH" ]; then apt-get install -y openssh-server; fi',
        "/tmp/install.sh",
        "curl -fsSL https://example.org/setup | sh",
        "dpkg -i /tmp/openssh-server.deb",
    ],
)
def test_unreadable_installs_make_packages_unknown(run: str) -> None:
    facts = _facts(f"FROM debian:bookworm\nRUN {run}\n")
    assert facts.openssh_server.present is None


# -- MPI from source, installers ----------------------------------------------------------


def test_source_build_with_prefix_copied_from_a_build_stage() -> None:
    facts = _facts(
        """\
        FROM debian:bookworm AS build
        ARG OMPI=4.1.5
        RUN wget https://download.open-mpi.org/release/open-mpi/v4.1/openmpi-${OMPI}.tar.bz2 \\
            && tar xjf openmpi-${OMPI}.tar.bz2 && cd openmpi-${OMPI} \\
            && ./configure --prefix=/opt/openmpi --enable-orterun-prefix-by-default \\
            && make -j 8 install
        FROM debian:bookworm
        COPY --from=build /opt/openmpi /opt/openmpi
        """
    )
    assert _mpis(facts) == [("OpenMPI", "4.1.5")]
    mpi = facts.mpis[0]
    assert mpi.prefix == "/opt/openmpi" and mpi.prefix_by_default is True
    assert mpi.span is not None and mpi.span.line == 3


def test_build_of_an_application_is_not_an_mpi() -> None:
    facts = _facts(
        """\
        FROM debian:bookworm
        RUN apt-get install -y mpich
        RUN cd /src/app && ./configure --with-mpi=/opt/openmpi-4.1.5 && make install
        """
    )
    assert _mpis(facts) == [("MPICH", None)]


def test_installers() -> None:
    efa = _facts(
        """\
        FROM debian:bookworm
        RUN curl -O https://efa-installer.amazonaws.com/aws-efa-installer-1.34.0.tar.gz \\
            && tar -xf aws-efa-installer-1.34.0.tar.gz && cd aws-efa-installer \\
            && ./efa_installer.sh -y --skip-kmod
        """
    )
    assert _mpis(efa) == [("OpenMPI", None)]
    intel = _facts("FROM debian:bookworm\nRUN sh ./l_mpi_oneapi_p_2021.13.0.719_offline.sh -a -s\n")
    assert _mpis(intel) == [("Intel", "2021.13")]


# -- process facts ------------------------------------------------------------------------


def test_entrypoint_in_a_later_stage_resets_cmd() -> None:
    facts = _facts(
        """\
        FROM debian:bookworm AS base
        CMD ["sleep", "1"]
        FROM base
        ENTRYPOINT ["/entrypoint.sh"]
        """
    )
    assert facts.entrypoint is not None and facts.cmd is None and facts.cmd_known
    same_stage = _facts('FROM debian:bookworm\nCMD ["a"]\nENTRYPOINT ["/e.sh"]\n')
    assert same_stage.cmd is not None and same_stage.cmd.argv == ("a",)
    shell = _facts('FROM debian:bookworm\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT exec run\n')
    assert shell.entrypoint is not None and shell.entrypoint.argv == ("/bin/bash", "-c", "exec run")


def test_env_expose_setcap_user() -> None:
    facts = _facts(
        """\
        FROM debian:bookworm
        ENV PATH=/opt/openmpi/bin:$PATH OMPI_ALLOW_RUN_AS_ROOT="1"
        EXPOSE 2222/tcp
        RUN apt-get install -y openssh-server libcap2-bin \\
            && setcap CAP_NET_BIND_SERVICE=+eip /usr/sbin/sshd
        USER mpiuser
        """
    )
    path = facts.env_var("PATH")
    assert path is not None and path.value is None and path.written.startswith("/opt/openmpi/bin")
    allow = facts.env_var("OMPI_ALLOW_RUN_AS_ROOT")
    assert allow is not None and allow.value == "1" and allow.span.line == 2
    assert [(e.port, e.protocol) for e in facts.exposed] == [(2222, "tcp")]
    assert [c.capabilities for c in facts.sshd_capabilities] == ["CAP_NET_BIND_SERVICE=+eip"]
    assert facts.runs_as_root() is False


# -- the effective argv -------------------------------------------------------------------


def _container(snippet: str) -> Container:
    text = (
        "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata: {name: x}\nspec:\n"
        "  mpiReplicaSpecs:\n    Launcher:\n      replicas: 1\n      template:\n        spec:\n"
        "          containers:\n          - name: l\n            image: x\n"
        + textwrap.indent(textwrap.dedent(snippet), " " * 12)
    )
    job = read_mpijob(parse_yaml(text).documents[0].root, 0)
    assert job is not None and job.launcher is not None and job.launcher.main is not None
    return job.launcher.main


def test_effective_argv() -> None:
    image = _facts('FROM debian:bookworm\nENTRYPOINT ["/entrypoint.sh"]\nCMD ["sleep", "1"]\n')
    both = effective_argv(_container("command: [mpirun]\nargs: [-n, '2']\n"), image)
    assert both is not None and [i.text for i in both] == ["mpirun", "-n", "2"]
    args_only = effective_argv(_container("args: [mpirun]\n"), image)
    assert args_only is not None and [i.text for i in args_only] == ["/entrypoint.sh", "mpirun"]
    assert args_only[0].node is None and args_only[0].span is not None
    neither = effective_argv(_container(""), image)
    assert neither is not None and [i.text for i in neither] == ["/entrypoint.sh", "sleep", "1"]
    command_only = effective_argv(_container("command: [mpirun]\n"), image)
    assert command_only is not None and [i.text for i in command_only] == ["mpirun"]
    injected = effective_argv(_container(""), image, ("/usr/sbin/sshd", "-De"))
    assert injected is not None and [i.text for i in injected] == ["/usr/sbin/sshd", "-De"]
    unknown = _facts("FROM ghcr.io/mpilint-demo/x:1\n")
    assert effective_argv(_container("args: [mpirun]\n"), unknown) is None
    assert effective_argv(_container("command: [mpirun]\n"), None) is not None
