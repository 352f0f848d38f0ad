"""MPL204 and MPL303-MPL307: what the image holds, against the job that runs it.

The rules are called directly on a Pair (as the engine does), so each case shows one decision;
the examples in rules/*.yaml run the same rules through the CLI.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable

import pytest

from mpilint.ruleapi import Hit, Pair
from mpilint.rules import MPL204, MPL303, MPL304, MPL305, MPL306, MPL307
from tests.harness import hits_of, pair_of

Rule = Callable[[Pair], Iterable[Hit]]


def _job(launcher: str = "", spec: str = "", image: str = "ghcr.io/mpilint-demo/pi:1") -> str:
    return (
        "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nmetadata:\n  name: pi\nspec:\n"
        + textwrap.indent(textwrap.dedent(spec), "  ")
        + "  mpiReplicaSpecs:\n    Launcher:\n      replicas: 1\n      template:\n"
        f"        spec:\n          containers:\n          - image: {image}\n"
        "            name: launcher\n"
        + textwrap.indent(textwrap.dedent(launcher), " " * 12)
        + "    Worker:\n      replicas: 2\n      template:\n        spec:\n          containers:\n"
        f"          - image: {image}\n            name: worker\n"
    )


def _hits(rule: Rule, manifest: str, dockerfile: str) -> list[Hit]:
    return hits_of(rule, pair_of(manifest, textwrap.dedent(dockerfile)))


ROOT_MPIRUN = 'command: [mpirun, -n, "2", /opt/pi]\n'
USER_1000 = ROOT_MPIRUN + "securityContext:\n  runAsUser: 1000\n"


def test_openssh_missing_only_when_packages_are_known() -> None:
    bare = "FROM debian:bookworm\nRUN apt-get install -y openmpi-bin\n"
    (hit,) = _hits(MPL204.check, _job(USER_1000), bare)
    assert hit.file == "Dockerfile" and "openssh-server and openssh-client" in hit.message
    assert _hits(MPL204.check, _job(USER_1000), "FROM example.org/base:1\n") == []
    server = "FROM debian:bookworm\nRUN apt-get install -y openmpi-bin openssh-server\n"
    assert _hits(MPL204.check, _job(USER_1000), server) == []  # brings the client
    v1 = _job(USER_1000).replace("v2beta1", "v1")
    assert _hits(MPL204.check, v1, bare) == []  # kubectl exec, no ssh


def test_openssh_missing_silent_when_images_differ() -> None:
    manifest = _job(USER_1000).replace(
        "ghcr.io/mpilint-demo/pi:1\n            name: worker",
        "ghcr.io/mpilint-demo/other:1\n            name: worker",
    )
    assert _hits(MPL204.check, manifest, "FROM debian:bookworm\n") == []


def test_mpi_mismatch() -> None:
    intel = "FROM mpioperator/intel:0.6.0\n"
    (hit,) = _hits(MPL303.check, _job("args: [mpirun]\n"), intel)
    assert "OpenMPI (the default)" in hit.message and hit.span.line == 5
    assert hit.related and hit.related[0].span.line == 1
    declared = _job("args: [mpirun]\n", spec="mpiImplementation: Intel\n")
    assert _hits(MPL303.check, declared, intel) == []
    named = _job("args: [mpirun]\n", spec="mpiImplementation: Intel\n", image="mpi-pi:intel")
    assert _hits(MPL303.check, named, "FROM mpioperator/openmpi:0.6.0\n") == []
    maybe = "FROM mpioperator/intel:0.6.0\nRUN apt-get install -y python3-mpi4py\n"
    assert _hits(MPL303.check, _job("args: [mpirun]\n"), maybe) == []


def test_openmpi5() -> None:
    five = "FROM mpioperator/openmpi:v0.7.0\n"
    (hit,) = _hits(MPL304.check, _job(USER_1000), five)
    assert "--hostfile /etc/mpi/hostfile" in hit.message and hit.file == "mpijob.yaml"
    given = _job('command: [mpirun, --hostfile, /etc/mpi/hostfile, -n, "2", /opt/pi]\n')
    assert _hits(MPL304.check, given, five) == []
    assert _hits(MPL304.check, _job(USER_1000), "FROM mpioperator/openmpi:0.6.0\n") == []
    horovod = _job('command: [horovodrun, -np, "2", python, t.py]\n')
    assert _hits(MPL304.check, horovod, five) == []


def test_openmpi_root() -> None:
    base = "FROM mpioperator/openmpi:0.6.0\n"
    (hit,) = _hits(MPL305.check, _job(ROOT_MPIRUN), base)
    assert "attempt to run as root" in hit.message
    assert hit.related[0].file == "Dockerfile"
    assert _hits(MPL305.check, _job(USER_1000), base) == []
    flagged = _job('command: [bash, -c, "mpirun --allow-run-as-root -n 2 /opt/pi"]\n')
    assert _hits(MPL305.check, flagged, base) == []
    assert _hits(MPL305.check, _job(ROOT_MPIRUN), base + "USER mpiuser\n") == []
    assert _hits(MPL305.check, _job(ROOT_MPIRUN), "FROM mpioperator/mpich:0.6.0\n") == []
    assert _hits(MPL305.check, _job(ROOT_MPIRUN), "FROM example.org/ompi:4\n") == []
    env = base + "ENV OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1\n"
    assert _hits(MPL305.check, _job(ROOT_MPIRUN), env) == []
    from_env = _job(ROOT_MPIRUN + "envFrom:\n- configMapRef: {name: x}\n")
    assert _hits(MPL305.check, from_env, base) == []


def test_entrypoint_bypassed() -> None:
    intel = "FROM mpioperator/intel:0.6.0\n"
    spec = "mpiImplementation: Intel\n"
    (hit,) = _hits(MPL306.check, _job(USER_1000, spec=spec), intel)
    assert "`args`" in hit.message and hit.span.line == 15
    args = _job('args: [mpirun, -n, "2", /opt/pi]\n', spec=spec)
    assert _hits(MPL306.check, args, intel) == []
    own = _job('command: [/entrypoint.sh, mpirun, -n, "2", /opt/pi]\n', spec=spec)
    assert _hits(MPL306.check, own, intel) == []
    assert _hits(MPL306.check, _job(USER_1000), "FROM mpioperator/openmpi:0.6.0\n") == []


SOURCE_BUILD = """\
FROM debian:bookworm
RUN wget https://download.open-mpi.org/release/open-mpi/v4.1/openmpi-4.1.5.tar.gz \\
    && tar xzf openmpi-4.1.5.tar.gz && cd openmpi-4.1.5 \\
    && ./configure --prefix=/opt/openmpi && make install
ENV PATH=/opt/openmpi/bin:$PATH LD_LIBRARY_PATH=/opt/openmpi/lib
"""


def test_env_not_forwarded() -> None:
    (hit,) = _hits(MPL307.check, _job(USER_1000), SOURCE_BUILD)
    assert "-x PATH -x LD_LIBRARY_PATH" in hit.message
    assert {r.span.line for r in hit.related} >= {5, 2}
    forwarded = _job('command: [mpirun, -x, PATH, -x, LD_LIBRARY_PATH, -n, "2", /opt/pi]\n')
    assert _hits(MPL307.check, forwarded, SOURCE_BUILD) == []
    absolute = _job('command: [/opt/openmpi/bin/mpirun, -n, "2", /opt/pi]\n')
    assert _hits(MPL307.check, absolute, SOURCE_BUILD) == []
    by_default = SOURCE_BUILD.replace(
        "--prefix=/opt/openmpi", "--prefix=/opt/openmpi --enable-orterun-prefix-by-default"
    )
    assert _hits(MPL307.check, _job(USER_1000), by_default) == []
    environment = SOURCE_BUILD + "RUN echo PATH=/opt/openmpi/bin:/usr/bin >> /etc/environment\n"
    assert _hits(MPL307.check, _job(USER_1000), environment) == []


def test_openssh_missing_needs_an_mpi_image() -> None:
    """A Dockerfile without any MPI is probably another image built beside the job."""
    plain = "FROM debian:bookworm\nRUN useradd -m -u 1000 user\n"
    assert _hits(MPL204.check, _job(USER_1000), plain) == []


@pytest.mark.parametrize(
    ("security", "root"),
    [
        # How Kubernetes reads the value (go-yaml v2, see mpilint/sources/kubevalues.py): `yes`
        # and `on` are true, `0x0` and `00` are the integer 0, a quoted "0" is a string (refused
        # by the API server, so no run at all: not this rule's finding).
        ("runAsNonRoot: yes", False),
        ("runAsNonRoot: on", False),
        ("runAsNonRoot: false", True),
        ("runAsUser: 0x0", True),
        ("runAsUser: 00", True),
        ("runAsUser: -0", True),
        ('runAsUser: "0"', False),
        ("runAsUser: 1", False),
    ],
)
def test_openmpi_root_reads_security_values_as_kubernetes_does(security: str, root: bool) -> None:
    job = _job(ROOT_MPIRUN + f"securityContext:\n  {security}\n")
    hits = _hits(MPL305.check, job, "FROM mpioperator/openmpi:0.6.0\n")
    assert len(hits) == (1 if root else 0)
