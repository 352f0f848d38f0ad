"""MPL121 ssh-auth-path: the SSH key's mount mode does not fit the user that runs ssh and sshd."""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related, Span
from mpilint.models.mpijob import Container, MPIJob, ReplicaSpec, int_value
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.kubevalues import kube_bool
from mpilint.sources.yamlsource import Node, get, span_of

_ROOT_SSH = "/root/.ssh"


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: the user and the mount it compares may come from its base
    job = subject.job
    if not job.uses_ssh:
        return
    seen: set[Span] = set()
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if replica is None or main is None:
            continue
        for hit in _key_mode_problems(subject, job, replica, main):
            if hit.span not in seen:
                seen.add(hit.span)
                yield hit


def _key_mode_problems(
    subject: Manifest, job: MPIJob, replica: ReplicaSpec, main: Container
) -> Iterator[Hit]:
    # The operator compares the string exactly: `/root/.ssh/` already gets the 0644 default.
    default = job.ssh_auth_mount_path == _ROOT_SSH
    user_node = replica.security(main, "runAsUser")
    uid = int_value(user_node)
    path_related: tuple[Related, ...] = ()
    if job.ssh_auth_mount_path_node is not None:
        path_related = (
            Related(
                subject.file, span_of(job.ssh_auth_mount_path_node), "sshAuthMountPath set here"
            ),
        )
    who = f"the {replica.role} container"
    if default and uid is not None and uid != 0 and user_node is not None:
        yield _unreadable(job, who, f"uid {uid}", user_node, path_related)
    elif default and user_node is None:
        non_root = replica.security(main, "runAsNonRoot")
        if non_root is not None and kube_bool(non_root) is True:
            yield _unreadable(job, who, "a non-root user", non_root, path_related)
    if uid != 0 or user_node is None:
        return
    if not default:
        yield Hit(
            span_of(user_node),
            f"{who} runs as root, but sshAuthMountPath is {job.ssh_auth_mount_path}: the"
            f" operator gives the key mode 0600 only at exactly {_ROOT_SSH}, elsewhere 0644,"
            ' and OpenSSH refuses a root-owned key that others can read ("UNPROTECTED PRIVATE'
            ' KEY FILE", sshd "bad permissions"). Use sshAuthMountPath: /root/.ssh for root,'
            " or run as the user whose .ssh the path is",
            related=path_related,
        )
        return
    fs_group = get(replica.pod_spec, "securityContext", "fsGroup")
    if fs_group is not None and int_value(fs_group) is not None:
        yield Hit(
            span_of(fs_group),
            f"fsGroup makes the kubelet add group-read to the SSH key mounted at {_ROOT_SSH}"
            f" (0600 → 0640), and {who} runs as root, the key's owner: OpenSSH refuses it"
            ' ("Permissions 0640 … are too open"). Remove fsGroup from this pod, or run'
            " as a non-root user with sshAuthMountPath at that user's .ssh",
            related=(Related(subject.file, span_of(user_node), "runs as root here"),),
        )


def _unreadable(job: MPIJob, who: str, user: str, node: Node, related: tuple[Related, ...]) -> Hit:
    default = " (the default)" if job.ssh_auth_mount_path_node is None else ""
    return Hit(
        span_of(node),
        f"{who} runs as {user}, but with sshAuthMountPath {_ROOT_SSH}{default} the operator"
        ' mounts the SSH key with mode 0600 owned by root: this user cannot read it ("Identity'
        ' file … not accessible: Permission denied" or "Load key …: Permission denied",'
        ' "Permission denied (publickey)"). Set sshAuthMountPath'
        " to the .ssh folder of this user's home, e.g. /home/mpiuser/.ssh",
        related=related,
    )
