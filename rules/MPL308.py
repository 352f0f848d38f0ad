"""MPL308 run-as-user-not-in-image: runAsUser names a uid the image has no user for, or the user
that runs ssh and sshd (runAsUser, else the image's USER, else root) has its home elsewhere than
sshAuthMountPath.

MPL121 reads only the manifest, so the user an image runs as when the pod does not say (its
final USER) is this rule's: it already compares a user's home with the mount path.
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
from mpilint.ruleapi.mpitexts import DAEMONS_FAILED
from mpilint.ruleapi.pairs import argv_texts, one_image
from mpilint.ruleapi.sshd import ImageUser, image_user, worker_sshd_listening
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
    if not reported:
        hit = _image_user_mismatch(pair)
        if hit is not None:
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
            f" reports {DAEMONS_FAILED}"
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


# -- the image's own user (no runAsUser) -------------------------------------------------------

# Texts in a command that copy or re-mode the mounted key (opendatahub's workaround): the rule
# cannot follow them and stays silent.
_KEY_WORKAROUND = lazy(r"\.ssh|chmod|\bcp\b|install\s")


def _image_user_mismatch(pair: Pair) -> Hit | None:
    """P02d from the image: without runAsUser, ssh and sshd run as the image's final USER (or
    root), and look for keys in that user's ``~/.ssh``; the operator mounts them at
    sshAuthMountPath whatever the image's user is."""
    from mpilint.models.image import user_for_ssh_path  # lazy: manifest-only runs skip the model

    job, image = pair.manifest.job, pair.image
    worker = job.worker
    if worker is None or (worker.replicas or 0) < 1:
        return None  # no worker: the launcher never uses ssh
    unset = [r for r in (job.launcher, job.worker) if r is not None and _runs_as_image_user(r)]
    if not unset:
        return None
    facts = files_of(image)
    who = image_user(pair, facts) if facts is not None else None
    if facts is None or who is None or _works_around(pair, unset, facts):
        return None
    mount = posixpath.normpath(job.ssh_auth_mount_path)
    if who.root:
        if mount == _ROOT_SSH or job.launcher not in unset:
            return None  # the worker alone may read a 0644 authorized_keys by absolute path
        if posixpath.basename(mount) == ".ssh" and user_for_ssh_path(image, mount) is None:
            return None  # MPL301: no user of the image has that home
        return _image_root_hit(pair, who, mount)
    user = who.user
    if user is None or not user.home or posixpath.normpath(user.home) in ("/", "/root"):
        return None
    home_ssh = posixpath.normpath(posixpath.join(user.home, ".ssh"))
    if home_ssh == mount:
        return None
    if mount != _ROOT_SSH:
        if posixpath.basename(mount) == ".ssh" and user_for_ssh_path(image, mount) is None:
            return None  # MPL301
        launcher_fails = job.launcher in unset and _client_finds_key(pair, facts, mount) is False
        worker_fails = job.worker in unset and _server_finds_keys(pair, facts, mount) is False
        if not (launcher_fails or worker_fails):
            return None
    return _image_user_hit(pair, who, user.name, user.home, home_ssh)


def _runs_as_image_user(replica: ReplicaSpec) -> bool:
    main = replica.main
    return main is not None and replica.security(main, "runAsUser") is None


def _works_around(pair: Pair, unset: list[ReplicaSpec], facts: FileFacts) -> bool:
    """A command that handles the key itself, or an entrypoint script that runs first."""
    for replica in unset:
        main = replica.main
        if main is None:
            continue
        if any(_KEY_WORKAROUND().search(t) for t in argv_texts(main)):
            return True
        # v2beta1 gives a worker with neither command nor args its own `sshd -De` command.
        entrypoint_runs = not _given(main.command) and (
            replica.role == "Launcher" or _given(main.args)
        )
        if entrypoint_runs and (not facts.entrypoint_known or _own_entrypoint(facts)):
            return True
    return False


def _given(node: Node | None) -> bool:
    return isinstance(node, SequenceNode) and bool(node.value)


def _own_entrypoint(facts: FileFacts) -> bool:
    """An ENTRYPOINT other than the mpioperator images' /entrypoint.sh (which only waits for
    the workers' names to resolve, domain notes C8)."""
    return facts.entrypoint is not None and facts.entrypoint != ("/entrypoint.sh",)


def _placed(pair: Pair, who: ImageUser, fallback: str) -> tuple[Span, str | None, list[Related]]:
    """The USER line in the Dockerfile when there is one; else the manifest's
    sshAuthMountPath, with the image's FROM as the related place."""
    job = pair.manifest.job
    path_node = job.ssh_auth_mount_path_node
    if who.span is not None:
        related = []
        if path_node is not None:
            related.append(
                Related(
                    pair.manifest.file,
                    span_of(path_node),
                    f"the SSH Secret is mounted at {job.ssh_auth_mount_path}",
                )
            )
        return who.span, pair.image_file, related
    from_here = Related(pair.image_file, pair.image.final.from_span, fallback)
    if path_node is not None:
        return span_of(path_node), None, [from_here]
    return pair.image.final.from_span, pair.image_file, []


def _image_root_hit(pair: Pair, who: ImageUser, mount: str) -> Hit:
    job = pair.manifest.job
    span, file, related = _placed(
        pair, who, "the image sets no USER and no runAsUser is given: ssh and sshd run as root"
    )
    return Hit(
        span,
        f"the job gives no runAsUser and the image built by {pair.image_file} runs as root, but"
        f" sshAuthMountPath is {job.ssh_auth_mount_path}: root's ssh looks for its key in"
        f" /root/.ssh, where the operator mounted nothing, and the key at {mount} is root's with"
        " mode 0644, which OpenSSH refuses for root; the launcher fails with"
        ' "Permission denied (publickey)". Remove sshAuthMountPath (the default /root/.ssh),'
        " or run as the user whose .ssh it is (runAsUser, or USER in the image)",
        file=file,
        related=tuple(related),
    )


def _image_user_hit(pair: Pair, who: ImageUser, name: str, home: str, home_ssh: str) -> Hit:
    job = pair.manifest.job
    default = " (the default)" if job.ssh_auth_mount_path_node is None else ""
    span, file, related = _placed(pair, who, f"the image runs as {name!r}")
    if job.ssh_auth_mount_path_node is None and who.span is None:
        file = pair.image_file
    effect = "where the operator mounted nothing" + (
        f", and the key in {_ROOT_SSH} is root's with mode 0600, which this user cannot read"
        if posixpath.normpath(job.ssh_auth_mount_path) == _ROOT_SSH
        else ""
    )
    return Hit(
        span,
        f"the job gives no runAsUser, so ssh and sshd run as the image's user {name!r} (home"
        f" {home}), but sshAuthMountPath is {job.ssh_auth_mount_path}{default}: ssh looks for"
        f" its key and sshd for authorized_keys in {home_ssh}, {effect}, and the launcher"
        f' fails with "Permission denied (publickey)". Set sshAuthMountPath: {home_ssh}, or'
        " run as the user whose .ssh the mount is (runAsUser)",
        file=file,
        related=tuple(related),
    )
