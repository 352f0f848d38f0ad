"""The worker's sshd as the ssh rules read it against a job's image (MPL115, MPL201–203,
MPL302, MPL308, MPL309): the model's readings (``mpilint.models.sshd``) placed in a pair, and
kept by job and by image, since several rules ask the same of each pair.

The readings are kept on the objects of one run (``Manifest.once``, ``Image.once``), never in
module-level memos, so a long-lived process holds nothing after a run.
"""

from __future__ import annotations

from mpilint.core.findings import Related, Span
from mpilint.core.records import Record
from mpilint.models.image.files import FileFacts, files_of
from mpilint.models.image.sshconfig import Config
from mpilint.models.mpijob import MPIJob
from mpilint.models.sshd import ServerPorts, Sshd, SshdListening, Who, server_ports, worker_sshd
from mpilint.ruleapi import Manifest, Pair
from mpilint.sources.kubevalues import kube_int

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.models.image import User


def worker_sshd_of(manifest: Manifest) -> Sshd | None:
    """``models.sshd.worker_sshd`` of the job, read once per job."""
    return manifest.once(worker_sshd, lambda: worker_sshd(manifest.job, manifest.text))


def server_ports_of(pair: Pair, facts: FileFacts, sshd: Sshd) -> ServerPorts | None:
    """``models.sshd.server_ports``, read once per image and worker sshd reading."""
    return pair.image.once((server_ports, sshd), lambda: server_ports(facts, sshd))


def worker_user(pair: Pair, facts: FileFacts) -> Who | None:
    job = pair.manifest.job
    worker = job.worker
    main = worker.main if worker is not None else None
    if worker is None or main is None:
        return None
    node = worker.security(main, "runAsUser")
    if node is not None:
        uid = kube_int(node)
        if uid is None:
            return None
        return Who(uid == 0, uid, f"uid {uid}", node, None)
    user = facts.user
    span = pair.image.user_instruction[1] if pair.image.user_instruction else None
    if user is None:
        return None
    if user in ("root", "0"):
        return Who(True, 0, "root", None, span)
    if user.isdigit():
        return Who(False, int(user), f"uid {user}", None, span)
    known = next((u for u in pair.image.users if u.name == user), None)
    if known is not None and known.uid == 0:
        return Who(True, 0, user, None, span)
    return Who(False, known.uid if known else None, f"user {user!r}", None, span)


def image_anchor(pair: Pair, facts: FileFacts, config: Config | None, package: str) -> Span:
    """Where a file-level mistake shows in the Dockerfile: the line that made the file, else
    the install of its package, else the FROM of the final stage."""
    if config is not None and config.span is not None:
        return config.span
    installed = facts.installs.get(package)
    return installed if installed is not None else pair.image.final.from_span


def ssh_ready(pair: Pair) -> tuple[MPIJob, FileFacts] | None:
    job = pair.manifest.job
    if not job.uses_ssh or job.worker is None or job.worker.main is None:
        return None
    facts = files_of(pair.image)
    return (job, facts) if facts is not None else None


def worker_sshd_listening(pair: Pair) -> SshdListening | None:
    """None when the image's configuration or the worker's command cannot be read."""
    ready = ssh_ready(pair)
    if ready is None:
        return None
    _job, facts = ready
    sshd = worker_sshd_of(pair.manifest)
    server = server_ports_of(pair, facts, sshd) if sshd is not None else None
    if sshd is None or server is None:
        return None
    related = server_related(pair, sshd, server) or [
        Related(
            pair.image_file,
            server.config.span or pair.image.final.from_span,
            f"{sshd.config} has no Port line: sshd listens on 22",
        )
    ]
    return SshdListening(server.ports, sshd.config, tuple(related))


def server_related(pair: Pair, sshd: Sshd, server: ServerPorts) -> list[Related]:
    related = [
        Related(pair.manifest.file, span, f"the worker's sshd is given port {port} here")
        for port, span in sshd.ports
    ]
    related += [
        Related(pair.image_file, s.span, f"sshd Port {s.value} set here")
        for s in server.settings
        if s.span is not None
    ]
    if sshd.config_span is not None:
        related.append(
            Related(pair.manifest.file, sshd.config_span, f"the worker's sshd reads {sshd.config}")
        )
    return related


class ImageUser(Record):
    """Who the image runs as when the pod does not say (no ``runAsUser``): the final ``USER``,
    resolved against the users the image creates, else root. ``user``: that user's record
    (its home), None for root without one; ``span``: the ``USER`` line, None when no line
    set it."""

    root: bool
    user: User | None
    span: Span | None


def image_user(pair: Pair, facts: FileFacts) -> ImageUser | None:
    """None when it cannot be known: a ``USER`` from an ``ARG``, a base image whose user or
    users mpilint does not know, a name or uid that no single user of the image holds."""
    image = pair.image
    written = facts.user
    if written is None or not image.users_complete or not image.root_base_known:
        return None
    if image.user_instruction is not None and "$" in image.user_instruction[0]:
        return None  # USER $ARG: a default the build may override
    span = image.user_instruction[1] if image.user_instruction else None
    if written in ("root", "0"):
        return ImageUser(True, None, span)
    if written.isdigit():
        holders = [u for u in image.users if u.uid == int(written)]
    else:
        holders = [u for u in image.users if u.name == written]
    if len(holders) != 1:
        return None
    user = holders[0]
    return ImageUser(user.uid == 0 or user.name == "root", user, span)
