"""MPL202 ssh-port-mismatch: the image's ssh client connects to another port than the worker's sshd
listens on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.models.image.files import FileFacts
from mpilint.models.image.software import software_of
from mpilint.models.image.sshconfig import Unknowable, read_config
from mpilint.models.mpijob import MPIJob
from mpilint.models.sshd import (
    SSH_CONFIG,
    ServerPorts,
    Sshd,
    launcher_texts,
    mounted_under,
    setting_span,
    user_config,
    where_set,
)
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.sshd import (
    image_anchor,
    server_ports_of,
    server_related,
    ssh_ready,
    worker_sshd_of,
)
from mpilint.sources.yamlsource import SequenceNode, get, get_str

_PORT_OVERRIDES = re.compile(
    r"rsh_args|plm_ssh_args|bootstrap-exec|ssh_port|ssh-port|\bPort\b|horovodrun|deepspeed",
    re.IGNORECASE,
)
# MPICH's Hydra appends this variable to its ssh command line (domain notes C3; run on MPICH
# 5.0.2 with a fake ssh). Intel's Hydra does not read it (run on Intel MPI 2021.18: it reads
# I_MPI_HYDRA_BOOTSTRAP_EXEC_EXTRA_ARGS, which the operator overwrites in the launcher's env).
_HYDRA_SSH_ARGS = "HYDRA_LAUNCHER_EXTRA_ARGS"
_PORT_IN_ARGS = re.compile(r"(?:^|\s)-p|port|\$", re.IGNORECASE)


def check(pair: Pair) -> Iterator[Hit]:
    ready = ssh_ready(pair)
    if ready is None:
        return
    job, facts = ready
    sshd = worker_sshd_of(pair.manifest)
    if sshd is None:
        return
    server = server_ports_of(pair, facts, sshd)
    if server is None:
        return
    client_hit = _client_port_hit(pair, facts, job, sshd, server)
    if client_hit is not None:
        yield client_hit


def _ports_text(ports: frozenset[int]) -> str:
    return ", ".join(str(p) for p in sorted(ports))


def _client_port_hit(
    pair: Pair, facts: FileFacts, job: MPIJob, sshd: Sshd, server: ServerPorts
) -> Hit | None:
    if any(_PORT_OVERRIDES.search(t) for t in launcher_texts(job)):
        return None
    if _hydra_passes_port(pair, job):
        return None
    launcher = job.launcher.main if job.launcher is not None else None
    if mounted_under(launcher, SSH_CONFIG) or user_config(facts, job):
        return None
    client = read_config(facts, SSH_CONFIG, server=False)
    if client.exists is not True:
        return None
    setting = client.value("Port")
    if isinstance(setting, Unknowable):
        return None
    if setting is not None and not (setting.args and setting.args[0].isdecimal()):
        return None
    port = int(setting.args[0]) if setting is not None else 22
    if port in server.ports:
        return None
    said = f"Port {port} ({where_set(setting)})" if setting else "no Port, so 22"
    where = "its -p option" if sshd.exact else f"{sshd.config}"
    related = server_related(pair, sshd, server)
    span = setting_span(setting)
    if span is None:
        server_line = next((s.span for s in server.settings if s.span is not None), None)
        span = server_line or image_anchor(pair, facts, client, "openssh-client")
    target = min(server.ports)
    return Hit(
        span,
        f"the image's ssh client configuration ({SSH_CONFIG}) has {said}, but the worker's"
        f" sshd listens on {_ports_text(server.ports)} (from {where}): mpirun's ssh connects to"
        f' the wrong port and fails with "ssh: connect to host … port {port}: Connection'
        f' refused". Make them agree, e.g. RUN echo "    Port {target}" >> /etc/ssh/ssh_config'
        " before any other Port line (the first value wins)",
        file=pair.image_file,
        related=tuple(related),
    )


def _hydra_passes_port(pair: Pair, job: MPIJob) -> bool:
    """An MPICH launcher whose ``HYDRA_LAUNCHER_EXTRA_ARGS`` (in its env, or the image's ENV)
    may give ssh a port: Hydra puts it on the ssh command line, which wins over ssh_config.
    A value that cannot be read (``valueFrom``, a variable) counts as giving one."""
    if job.mpi_implementation != "MPICH":
        return False
    values: list[str | None] = []
    launcher = job.launcher.main if job.launcher is not None else None
    env = launcher.env if launcher is not None else None
    if isinstance(env, SequenceNode):
        for item in env.value:
            if get_str(item, "name") == _HYDRA_SSH_ARGS:
                value = get(item, "value")
                values.append(get_str(value) if value is not None else None)
    software = software_of(pair.image)
    if software is not None:
        values += [e.value for e in software.env if e.name == _HYDRA_SSH_ARGS]
    return any(v is None or _PORT_IN_ARGS.search(v) for v in values)
