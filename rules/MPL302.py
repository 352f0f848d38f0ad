"""MPL302 sshd-cannot-start: the worker's sshd cannot start as the job's user (host keys, PID file,
privilege separation directory).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from mpilint.core.findings import Related, Severity, Span
from mpilint.models.image.files import FileFacts
from mpilint.models.image.sshconfig import Config, Unknowable, read_config
from mpilint.models.image.sshdefaults import DEFAULT_HOST_KEYS, DEFAULT_PID_FILE
from mpilint.models.mpijob import MPIJob
from mpilint.models.sshd import Sshd, Who, empty_list, mounted_under
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.sshd import image_anchor, ssh_ready, worker_sshd_of, worker_user
from mpilint.sources.yamlsource import span_of


def check(pair: Pair) -> Iterator[Hit]:
    ready = ssh_ready(pair)
    if ready is None:
        return
    job, facts = ready
    sshd = worker_sshd_of(pair.manifest)
    who = worker_user(pair, facts)
    if sshd is None or who is None:
        return
    config = read_config(facts, sshd.config, server=True)
    if config.exists is not True:
        return
    if who.root:
        hit = _privsep_hit(pair, facts, job, sshd, who)
        if hit is not None:
            yield hit
        return
    if sshd.edited:
        return  # the worker's script writes the configuration: its HostKey and PidFile are its own
    hit = _host_key_hit(pair, facts, job, sshd, who, config)
    if hit is not None:
        yield hit
    hit = _pid_file_hit(pair, facts, sshd, who, config)
    if hit is not None:
        yield hit


def _position(pair: Pair, who: Who, fallback: Span) -> tuple[Span, str | None]:
    """The manifest's runAsUser, else the Dockerfile's USER line, else ``fallback``."""
    if who.node is not None:
        return span_of(who.node), None
    return (who.span or fallback), pair.image_file


def _key_readable(path: str, facts: FileFacts, job: MPIJob, who: Who) -> bool | None:
    """Whether the worker's non-root user can read a HostKey: False only when certain."""
    if "%" in path or path.startswith("~") or "$" in path:
        return None
    mount = posixpath.normpath(job.ssh_auth_mount_path)
    path = posixpath.normpath(path)
    if path.startswith(mount + "/"):
        return None  # the mounted key: its mode is MPL121's business
    worker = job.worker
    if mounted_under(worker.main if worker else None, path):
        return None
    state = facts.file(path)
    if state.exists is None:
        return None
    if state.exists is False:
        return False
    if state.owner not in ("root", "0") or state.mode is None:
        return None
    return None if state.mode & 0o044 else False


def _host_key_hit(
    pair: Pair, facts: FileFacts, job: MPIJob, sshd: Sshd, who: Who, config: Config
) -> Hit | None:
    if "hostkey" in sshd.options or any(k in sshd.texts for k in ("-h",)):
        return None
    settings = config.values("HostKey")
    if isinstance(settings, Unknowable):
        return None
    keys = [s.value for s in settings] or list(DEFAULT_HOST_KEYS)
    if any(_key_readable(k, facts, job, who) is not False for k in keys):
        return None
    span, file = _position(pair, who, image_anchor(pair, facts, config, "openssh-server"))
    related = [
        Related(pair.image_file, s.span, f"HostKey {s.value} set here")
        for s in settings
        if s.span is not None
    ]
    if not settings:
        related.append(
            Related(
                pair.image_file,
                image_anchor(pair, facts, config, "openssh-server"),
                f"{sshd.config} sets no HostKey: sshd loads /etc/ssh/ssh_host_*_key (root, 0600)",
            )
        )
    listed = ", ".join(keys)
    return Hit(
        span,
        f"the worker's sshd runs as {who.name}, which cannot read any host key of"
        f' {sshd.config} ({listed}: root-only or missing): sshd exits with "sshd: no hostkeys'
        ' available -- exiting." and the launcher gets "Connection refused". Point HostKey at'
        f" the mounted key, as the documented images do: {_host_key_advice(pair, job, who)}",
        file=file,
        related=tuple(related),
    )


def _host_key_advice(pair: Pair, job: MPIJob, who: Who) -> str:
    """The mounted key, unless it is mounted at /root/.ssh: there it is root's with mode 0600,
    which this non-root user cannot read either; the key must be mounted in its own home."""
    mount = posixpath.normpath(job.ssh_auth_mount_path)
    if mount != "/root/.ssh":
        return f"HostKey {posixpath.join(mount, 'id_rsa')}"
    homes = {
        u.home
        for u in pair.image.users
        if u.home and (u.uid == who.uid if who.uid is not None else f"user {u.name!r}" == who.name)
    }
    ssh = (
        posixpath.join(posixpath.normpath(homes.pop()), ".ssh")
        if len(homes) == 1
        else "the .ssh folder of its home"
    )
    return (
        f"set sshAuthMountPath to {ssh} (the key at /root/.ssh is root's with mode 0600, which"
        " this user cannot read) and HostKey ~/.ssh/id_rsa"
    )


def _pid_file_hit(pair: Pair, facts: FileFacts, sshd: Sshd, who: Who, config: Config) -> Hit | None:
    if "pidfile" in sshd.options:
        return None
    setting = config.value("PidFile")
    if isinstance(setting, Unknowable):
        return None
    path = setting.value if setting is not None else DEFAULT_PID_FILE
    if path.lower() == "none" or not path.startswith("/"):
        return None
    folder = posixpath.dirname(posixpath.normpath(path))
    if folder not in ("/run", "/var/run") or facts.touched & {"/run", "/var/run"}:
        return None
    span, file = _position(pair, who, image_anchor(pair, facts, config, "openssh-server"))
    related = []
    if setting is not None and setting.span is not None:
        related.append(Related(pair.image_file, setting.span, f"PidFile {path} set here"))
    return Hit(
        span,
        f"the worker's sshd runs as {who.name} and writes its PID file to {path}"
        f"{'' if setting else ' (the default)'}, a directory only root may write: sshd logs"
        ' "Couldn\'t create pid file" at every start (not fatal in current OpenSSH). Set'
        f' PidFile to a writable path, e.g. echo "PidFile /tmp/sshd.pid" >> {sshd.config}',
        file=file,
        severity=Severity.INFO,
        related=tuple(related),
    )


def _privsep_hit(pair: Pair, facts: FileFacts, job: MPIJob, sshd: Sshd, who: Who) -> Hit | None:
    if facts.has_dir("/run/sshd") is not False:
        return None
    if any("/run/sshd" in t for t in sshd.texts):
        return None
    worker = job.worker
    main = worker.main if worker is not None else None
    if main is None:
        return None
    entrypoint_runs = not sshd.default and empty_list(main.command)
    if entrypoint_runs and (facts.entrypoint is not None or not facts.entrypoint_known):
        return None  # args only: the image's entrypoint script runs first and may create it
    anchor = facts.installs.get("openssh-server") or pair.image.final.from_span
    related = [Related(pair.manifest.file, span_of(main.node), "the worker container")]
    if who.node is not None:
        return Hit(
            span_of(who.node),
            _privsep_message(who),
            related=(Related(pair.image_file, anchor, "openssh-server is installed here"),),
        )
    return Hit(anchor, _privsep_message(who), file=pair.image_file, related=tuple(related))


def _privsep_message(who: Who) -> str:
    return (
        f"the worker's sshd runs as {who.name} and needs its privilege separation directory,"
        " but the image never creates /run/sshd (Debian's init script makes it at boot; a"
        ' container does not run it): sshd exits with "Missing privilege separation'
        ' directory: /run/sshd". Add RUN mkdir -p /var/run/sshd to the Dockerfile'
    )
