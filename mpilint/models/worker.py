"""What the worker's main container runs, read from the manifest alone: the sshd its command
starts and the ports it gives it, the programs its command runs, and whether the first
container is a sidecar (a service mesh proxy) rather than the MPI container.

MPL114, MPL115, MPL117 and MPL118 read these; what a command does that cannot be read (a
script, ``$VAR``, control flow) gives None or "unknown", never a guess.
"""

from __future__ import annotations

from mpilint.core.findings import Span
from mpilint.core.records import Record
from mpilint.models.commands import ArgRef, Command, basename, read_argv, read_sshd
from mpilint.models.mpijob import Container
from mpilint.sources.yamlsource import Node, ScalarNode, offset_span, span_of

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    pass


# Ports sshd listens on when its command does not say: 2222 in the mpioperator images and the
# CERIT recipe, 22 in a stock Debian/Ubuntu sshd_config.
USUAL_SSHD_PORTS = (2222, 22)


class SshdPort(Record):
    port: int
    span: Span


class SshdCommand(Record):
    """What a container's command shows about its sshd.

    ``ports`` lists ports given with ``-p``/``-o Port=``; ``exact`` is True when ``-p`` fixes
    them (sshd then ignores ``Port`` in its config). ``unknown`` is True when the command runs
    sshd in a way the port cannot be read from (``-p $PORT``, ``-o ListenAddress=...``), or
    mentions sshd where no command can be read (a script, ``$(SSHD)``).
    """

    runs_sshd: bool
    ports: tuple[SshdPort, ...]
    exact: bool
    unknown: bool


def sshd_command(container: Container, text: str) -> SshdCommand:
    """Read the sshd invocations in a container's ``command``/``args``, direct or in ``sh -c``.

    Any word naming sshd counts, also as an operand (``/entrypoint.sh /usr/sbin/sshd -p 2222``,
    ``test -x /usr/sbin/sshd``): with several, the port is exact only if each says it. A
    container with neither runs the image's default; in v2beta1 the operator gives a worker
    ``/usr/sbin/sshd -De``, which shows no port either.
    """
    argv = container.argv()
    found = [
        read_sshd(command.words[i:])
        for command in read_argv([t for t, _ in argv]).commands
        for i, word in enumerate(command.words)
        if basename(word.text) == "sshd" and not word.expands
    ]
    if not found:
        return SshdCommand(False, (), False, any("sshd" in t for t, _ in argv))
    ports = tuple(
        SshdPort(port, _ref_span(argv, word.ref, text)) for f in found for port, word in f.ports
    )
    return SshdCommand(
        True,
        ports,
        all(f.port_option for f in found) and bool(ports),
        any(f.port_unknown for f in found),
    )


def _ref_span(argv: tuple[tuple[str, Node], ...], ref: ArgRef, text: str) -> Span:
    node = argv[ref.index][1]
    if isinstance(node, ScalarNode):
        return offset_span(node, text, ref.start, ref.end)
    return span_of(node)


def accepted_sshd_ports(command: SshdCommand, image_port: int | None = None) -> frozenset[int]:
    """The ports the worker's sshd may listen on, for comparing a probe with.

    ``-p`` fixes the set. Otherwise the config decides: ``image_port`` when the caller knows
    the image's sshd_config, else the usual 2222 and 22; ``-o Port=`` adds to that set.
    """
    given = frozenset(p.port for p in command.ports)
    if command.exact:
        return given
    base = frozenset({image_port}) if image_port is not None else frozenset(USUAL_SSHD_PORTS)
    return given | base


def worker_programs(container: Container) -> list[Command] | None:
    """The commands the container's own command/args run; None when that cannot be known.

    Commands after an ``exec`` never run, so they are left out.
    """
    reading = read_argv([text for text, _ in container.argv()])
    if not reading.complete:
        return None
    return [c for c in reading.commands if c.reached]


# Repositories (last path parts) of sidecars that are never the MPI container.
_SIDECAR_IMAGES = (
    "istio/proxyv2",
    "proxyv2",
    "envoyproxy/envoy",
    "envoy",
    "linkerd/proxy",
    "fluent-bit",
    "fluentd",
    "cloud-sql-proxy",
    "gce-proxy",
    "jaeger-agent",
    "opentelemetry-collector",
    "opentelemetry-collector-contrib",
    "promtail",
    "filebeat",
)
_SIDECAR_NAMES = frozenset({"istio-proxy", "linkerd-proxy"})


def _repository(image: str) -> str:
    """``gcr.io/istio-release/proxyv2:1.20@sha256:…`` → ``gcr.io/istio-release/proxyv2``."""
    name = image.split("@", 1)[0].lower()
    head, _, tail = name.rpartition("/")
    return f"{head}/{tail.split(':', 1)[0]}" if head else tail.split(":", 1)[0]


def sidecar_of(container: Container) -> str | None:
    """Why this container is a well-known sidecar, or None."""
    if container.name in _SIDECAR_NAMES:
        return f"the {container.name} sidecar"
    if container.image is None:
        return None
    repository = _repository(container.image.value)
    for known in _SIDECAR_IMAGES:
        if repository == known or repository.endswith("/" + known):
            return f"a {known.rsplit('/', 1)[-1]} sidecar ({container.image.value})"
    return None


def runs_sshd(container: Container) -> bool:
    programs = worker_programs(container)
    return programs is not None and any(p.name == "sshd" for p in programs)
