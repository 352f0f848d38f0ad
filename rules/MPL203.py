"""MPL203 ssh-strict-modes: sshd keeps StrictModes on while the SSH Secret is mounted.

Root with ``/root/.ssh`` is no exception (domain notes C1): the kubelet's Secret mount point is
world-writable (1777), and ``safe_path()`` refuses any key behind a directory others may write.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from mpilint.core.findings import Related
from mpilint.models.image.sshconfig import Unknowable, read_config
from mpilint.models.sshd import setting_span, where_set
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.dockerfixes import prepend_settings
from mpilint.ruleapi.sshd import image_anchor, ssh_ready, worker_sshd_of, worker_user
from mpilint.sources.yamlsource import span_of


def check(pair: Pair) -> Iterator[Hit]:
    ready = ssh_ready(pair)
    if ready is None:
        return
    job, facts = ready
    sshd = worker_sshd_of(pair.manifest)
    if sshd is None or sshd.edited or "strictmodes" in sshd.options:
        return
    mount = posixpath.normpath(job.ssh_auth_mount_path)
    who = worker_user(pair, facts)
    config = read_config(facts, sshd.config, server=True)
    if config.exists is not True:
        return
    setting = config.value("StrictModes")
    if isinstance(setting, Unknowable):
        return
    if setting is not None and setting.args[:1] and setting.args[0].lower() == "no":
        return
    related: list[Related] = []
    if job.ssh_auth_mount_path_node is not None:
        related.append(
            Related(
                pair.manifest.file,
                span_of(job.ssh_auth_mount_path_node),
                f"the SSH Secret is mounted at {job.ssh_auth_mount_path}",
            )
        )
    if who is not None and who.node is not None and not who.root:
        related.append(
            Related(pair.manifest.file, span_of(who.node), "the worker runs as this uid")
        )
    if sshd.config_span is not None:
        related.append(
            Related(pair.manifest.file, sshd.config_span, f"the worker's sshd reads {sshd.config}")
        )
    said = (
        f"sets StrictModes {setting.value} ({where_set(setting)})"
        if setting is not None
        else "leaves StrictModes at its default, yes"
    )
    for_whom = f" for {who.name}" if who is not None else ""
    yield Hit(
        setting_span(setting) or image_anchor(pair, facts, config, "openssh-server"),
        f"the sshd configuration the worker runs ({sshd.config}) {said}, while the operator"
        f" mounts the SSH Secret{for_whom} at {mount}: the kubelet makes that mount point"
        " world-writable (1777), and with StrictModes sshd refuses a key behind a directory"
        " others may write, whoever the user is, root included"
        ' ("Authentication refused: bad ownership or modes for directory …"); the launcher'
        ' gets "Permission denied (publickey)". Add StrictModes no,'
        f' e.g. RUN sed -i "s/#\\(StrictModes \\).*/\\1no/g" {sshd.config}, or'
        ' echo "StrictModes no" at the top of the file (the first value wins)',
        file=pair.image_file,
        related=tuple(related),
        fix=prepend_settings(
            pair,
            facts,
            sshd.config,
            ["StrictModes no"],
            f"write StrictModes no at the top of {sshd.config}",
        ),
    )
