"""MPL308 run-as-user-not-in-image: runAsUser names a uid the image has no user for, or a user
whose home is not sshAuthMountPath.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from mpilint.core.findings import Related, Span
from mpilint.core.lazyre import lazy
from mpilint.models.image.files import FileFacts, files_of
from mpilint.models.image.software import software_of
from mpilint.models.image.sshconfig import Unknowable, read_config
from mpilint.models.mpijob import Container, ReplicaSpec, int_value
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.pairs import argv_texts, one_image
from mpilint.ruleapi.sshd import worker_sshd_listening
from mpilint.sources.yamlsource import Node, SequenceNode, get, get_str, span_of

_ROOT_SSH = "/root/.ssh"
# System users (the OS's and those packages add) stay below this uid on every known base.
_FIRST_REGULAR_UID = 1000
_SSH_CONFIG = "/etc/ssh/ssh_config"
# Ways an image lets an arbitrary uid get a passwd entry at start-up (OpenShift's random uids).
_PASSWD_AT_START = re.compile(r"passwd|nss_wrapper|NSS_WRAPPER", re.IGNORECASE)
# Launcher options that point ssh at a key file of their own.
_OWN_IDENTITY = lazy(r"IdentityFile|rsh_args|bootstrap-exec|(?:^|\s)-i(?:\s|$)")


def check(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    if not job.uses_ssh or not one_image(job):
        return
    reported = False
    seen: set[Span] = set()
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if replica is None or main is None:
            continue
        node = replica.security(main, "runAsUser")
        uid = int_value(node)
        if node is None or uid is None or span_of(node) in seen:
            continue
        seen.add(span_of(node))
        hit = _missing_uid(pair, replica, main, node, uid)
        if hit is None and not reported:
            hit = _home_mismatch(pair, replica, node, uid)
        if hit is not None:
            reported = True
            yield hit


def _created(pair: Pair) -> list[Related]:
    image = pair.image
    related = [
        Related(pair.image_file, u.span, f"user {u.name!r} (uid {u.uid}) created here")
        for u in image.users
        if u.origin in ("useradd", "adduser", "passwd")
    ]
    return related or [
        Related(pair.image_file, image.final.from_span, "the image's final stage starts here")
    ]


def _passwd_at_start(pair: Pair, container: Container, facts: FileFacts | None) -> bool:
    """The image or the container may add a passwd entry when it starts (an entrypoint that
    writes a world-writable /etc/passwd, nss_wrapper): then a missing uid proves nothing."""
    if facts is None or facts.touched & {"/etc/passwd", "/etc"}:
        return True
    software = software_of(pair.image)
    if software is None or any(_PASSWD_AT_START.search(e.name) for e in software.env):
        return True
    texts = argv_texts(container)
    for process in (software.entrypoint, software.cmd):
        texts += list(process.argv) if process is not None else []
    env = get(container.node, "env")
    if isinstance(env, SequenceNode):
        texts += [get_str(item, "name") or "" for item in env.value]
    return any(_PASSWD_AT_START.search(t) for t in texts)


def _missing_uid(
    pair: Pair, replica: ReplicaSpec, main: Container, node: Node, uid: int
) -> Hit | None:
    """P02e: no passwd entry for the uid.  The launcher's ssh calls getpwuid() first; the
    worker's sshd dies only where its config asks for ``~`` (HostKey ~/.ssh/id_rsa)."""
    image = pair.image
    if not image.users_complete or not image.root_base_known:
        return None
    if uid < _FIRST_REGULAR_UID or any(u.uid == uid for u in image.users):
        return None  # packages add system users below 1000 that the model does not list
    if any(u.uid is None and u.origin != "os" for u in image.users):
        return None  # a user of unknown uid (mpioperator's mpiuser) may hold it
    facts = files_of(image)
    if _passwd_at_start(pair, main, facts) or facts is None:
        return None
    job = pair.manifest.job
    if replica.role == "Launcher":
        worker = job.worker
        if worker is None or (worker.replicas or 0) < 1:
            return None  # no worker to ssh to
        effect = (
            f'the launcher\'s ssh exits at once with "No user exists for uid {uid}" and mpirun'
            ' reports "ORTE was unable to reliably start one or more daemons"'
        )
    else:
        tilde = _tilde_host_key(pair, facts)
        if tilde is None:
            return None
        effect = (
            f"the worker's sshd expands {tilde} with the home of uid {uid} and exits with"
            f' "tilde_expand: No such uid {uid}" (OpenSSH 8.7 and later;'
            f' "tilde_expand_filename: No such uid {uid}" before)'
        )
    names = [
        f"{u.name!r} (uid {u.uid})"
        for u in image.users
        if u.origin != "os" and u.uid is not None and u.uid != 0
    ]
    offer = f"; it has {', '.join(names)}" if names else "; it has only root and system users"
    return Hit(
        span_of(node),
        f"{replica.role.lower()} runs as uid {uid} (runAsUser), but the image built by"
        f" {pair.image_file} has no user with that uid{offer}: {effect}. Set runAsUser to the"
        f" uid of the image's user, or create the user with that uid in the final stage"
        f" (RUN useradd -m -u {uid} <name>, and sshAuthMountPath /home/<name>/.ssh)",
        related=tuple(_created(pair)),
    )


def _tilde_host_key(pair: Pair, facts: FileFacts) -> str | None:
    """The worker's sshd HostKey written with ``~``, when its config can be read."""
    listening = worker_sshd_listening(pair)
    if listening is None:
        return None
    keys = read_config(facts, listening.config, server=True).values("HostKey")
    if isinstance(keys, Unknowable):
        return None
    return next((f"HostKey {k.value}" for k in keys if k.value.startswith("~")), None)


def _home_mismatch(pair: Pair, replica: ReplicaSpec, node: Node, uid: int) -> Hit | None:
    """P02d: the uid's home is not where the operator mounts the keys.  MPL121 owns root with
    another path and non-root with ``/root/.ssh``; MPL301 owns a path whose user is missing."""
    from mpilint.models.image import user_for_ssh_path  # lazy: manifest-only runs skip the model

    job, image = pair.manifest.job, pair.image
    path = posixpath.normpath(job.ssh_auth_mount_path)
    if uid == 0 or path == _ROOT_SSH or not image.users_complete:
        return None
    if posixpath.basename(path) == ".ssh" and user_for_ssh_path(image, path) is None:
        return None
    holders = [u for u in image.users if u.uid == uid]
    if len(holders) != 1 or not holders[0].home or holders[0].home == "/":
        return None
    user = holders[0]
    if posixpath.normpath(posixpath.join(user.home or "/", ".ssh")) == path:
        return None
    facts = files_of(image)
    if facts is None:
        return None
    launcher = replica.role == "Launcher"
    if launcher:
        works = _client_finds_key(pair, facts, path)
        effect = (
            f"the launcher's ssh, running as {user.name!r}, looks for its key in {user.home}/.ssh"
        )
    else:
        works = _server_finds_keys(pair, facts, path)
        effect = (
            f"the worker's sshd, running as {user.name!r}, looks for authorized_keys (and"
            f" HostKey ~/…) in {user.home}/.ssh"
        )
    if works is not False:
        return None
    related = [Related(pair.image_file, user.span, f"user {user.name!r} (home {user.home}) here")]
    if job.ssh_auth_mount_path_node is not None:
        related.append(
            Related(
                pair.manifest.file,
                span_of(job.ssh_auth_mount_path_node),
                f"the SSH Secret is mounted at {job.ssh_auth_mount_path}",
            )
        )
    return Hit(
        span_of(node),
        f"{replica.role.lower()} runs as uid {uid}, user {user.name!r} of the image (home"
        f" {user.home}), but sshAuthMountPath is {job.ssh_auth_mount_path}: {effect}, where the"
        ' operator mounted nothing, and fails with "Permission denied (publickey)". Set'
        f" sshAuthMountPath: {posixpath.join(user.home or '/', '.ssh')}, or run as the user"
        f" whose .ssh {job.ssh_auth_mount_path} is",
        related=tuple(related),
    )


def _under(path: str, folder: str) -> bool:
    return not path.startswith("~") and posixpath.normpath(path).startswith(folder + "/")


def _client_finds_key(pair: Pair, facts: FileFacts, mount: str) -> bool | None:
    """Whether the launcher's ssh is pointed at a key under the mount by absolute path."""
    job = pair.manifest.job
    launcher = job.launcher.main if job.launcher else None
    if launcher is None or any(_OWN_IDENTITY().search(t) for t in argv_texts(launcher)):
        return None
    if get(launcher.node, "envFrom") is not None or _mentions_env(launcher, _OWN_IDENTITY()):
        return None
    setting = read_config(facts, _SSH_CONFIG, server=False).value("IdentityFile")
    if isinstance(setting, Unknowable):
        return None
    return setting is not None and _under(setting.value, mount)


def _mentions_env(container: Container, pattern: re.Pattern[str]) -> bool:
    env = get(container.node, "env")
    if not isinstance(env, SequenceNode):
        return False
    return any(
        pattern.search(get_str(item, "name") or "") or pattern.search(get_str(item, "value") or "")
        for item in env.value
    )


def _server_finds_keys(pair: Pair, facts: FileFacts, mount: str) -> bool | None:
    """Whether the worker's sshd reads authorized_keys under the mount by absolute path and
    needs no host key from the home."""
    listening = worker_sshd_listening(pair)
    if listening is None:
        return None
    config = read_config(facts, listening.config, server=True)
    files = config.value("AuthorizedKeysFile")
    keys = config.values("HostKey")
    if isinstance(files, Unknowable) or isinstance(keys, Unknowable):
        return None
    if any(k.value.startswith("~") for k in keys):
        return False
    return files is not None and bool(files.args) and all(_under(a, mount) for a in files.args)
