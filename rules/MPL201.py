"""MPL201 ssh-host-key-checking: the image's ssh client still checks host keys, or records them in
the read-only ~/.ssh.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mpilint.core.findings import Severity
from mpilint.models.image.sshconfig import Unknowable, read_config
from mpilint.models.sshd import (
    SSH_CONFIG,
    launcher_texts,
    mounted_under,
    setting_span,
    user_config,
    where_set,
)
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.dockerfixes import prepend_settings
from mpilint.ruleapi.mpitexts import DAEMONS_FAILED
from mpilint.ruleapi.sshd import image_anchor, ssh_ready

_RECIPE = (
    "RUN sed -i 's/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g' /etc/ssh/ssh_config &&"
    ' echo "    UserKnownHostsFile /dev/null" >> /etc/ssh/ssh_config'
)
_NO_KNOWN_HOSTS = "UserKnownHostsFile /dev/null"
_CLIENT_OVERRIDES = re.compile(
    r"StrictHostKeyChecking|UserKnownHostsFile|rsh_args|bootstrap-exec|ssh_port|ssh-port"
    r"|plm_ssh_args|\bssh\s+-F\b",
    re.IGNORECASE,
)


def check(pair: Pair) -> Iterator[Hit]:
    ready = ssh_ready(pair)
    if ready is None:
        return
    job, facts = ready
    if any(_CLIENT_OVERRIDES.search(t) for t in launcher_texts(job)):
        return  # the launcher passes its own ssh options
    launcher = job.launcher.main if job.launcher is not None else None
    if mounted_under(launcher, "/etc/ssh/ssh_config") or user_config(facts, job):
        return
    config = read_config(facts, SSH_CONFIG, server=False)
    if config.exists is not True:
        return
    checking, known_hosts = (
        config.value("StrictHostKeyChecking"),
        config.value("UserKnownHostsFile"),
    )
    if isinstance(checking, Unknowable) or isinstance(known_hosts, Unknowable):
        return
    check_ok = (
        checking is not None
        and checking.args[:1]
        and checking.args[0].lower()
        in (
            "no",
            "off",
            "accept-new",
        )
    )
    hosts_ok = known_hosts is not None and known_hosts.args[:1] == ("/dev/null",)
    if check_ok and hosts_ok:
        return
    anchor = image_anchor(pair, facts, config, "openssh-client")
    if not check_ok:
        value = checking.args[0] if checking is not None and checking.args else None
        said = (
            f"sets StrictHostKeyChecking {value} ({where_set(checking)})"
            if checking and value
            else ("leaves StrictHostKeyChecking at its default, ask")
        )
        yield Hit(
            setting_span(checking) or anchor,
            f"the ssh client configuration of this image ({SSH_CONFIG}) {said}: the launcher's"
            " first ssh to each worker meets an unknown host key, cannot ask anyone in a pod,"
            ' and fails with "Host key verification failed." (mpirun:'
            f" {DAEMONS_FAILED}). Disable host key checking as the"
            f" documented images do: {_RECIPE}",
            file=pair.image_file,
            fix=prepend_settings(
                pair,
                facts,
                SSH_CONFIG,
                ["StrictHostKeyChecking no"] + ([] if hosts_ok else [_NO_KNOWN_HOSTS]),
                f"write StrictHostKeyChecking no{'' if hosts_ok else ' and ' + _NO_KNOWN_HOSTS}"
                f" at the top of {SSH_CONFIG}",
            ),
        )
        return
    value = known_hosts.value if known_hosts is not None else "~/.ssh/known_hosts (the default)"
    yield Hit(
        setting_span(known_hosts) or anchor,
        f"the ssh client configuration of this image ({SSH_CONFIG}) keeps UserKnownHostsFile"
        f" {value}: the operator mounts {job.ssh_auth_mount_path} read-only from a Secret, so"
        ' every connection prints "Failed to add the host to the list of known hosts" into the'
        " job's output; it is noise, the job works. To quiet it: RUN echo"
        ' "    UserKnownHostsFile /dev/null" >> /etc/ssh/ssh_config',
        file=pair.image_file,
        severity=Severity.INFO,
        fix=prepend_settings(
            pair,
            facts,
            SSH_CONFIG,
            [_NO_KNOWN_HOSTS],
            f"write {_NO_KNOWN_HOSTS} at the top of {SSH_CONFIG}",
        ),
    )
