"""MPL202 ssh-port-mismatch: the image's ssh client connects to another port than the worker's sshd
listens on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.models.image.files import FileFacts
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

_PORT_OVERRIDES = re.compile(
    r"rsh_args|plm_ssh_args|bootstrap-exec|ssh_port|ssh-port|\bPort\b|horovodrun|deepspeed",
    re.IGNORECASE,
)


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
