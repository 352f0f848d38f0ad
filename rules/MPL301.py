"""MPL301 ssh-user-missing: the user whose home holds sshAuthMountPath is not created in the
image.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from mpilint.core.findings import Related, Severity
from mpilint.ruleapi import Hit, Pair
from mpilint.sources.yamlsource import span_of


def check(pair: Pair) -> Iterator[Hit]:
    from mpilint.models.image import user_for_ssh_path

    job, image = pair.manifest.job, pair.image
    node = job.ssh_auth_mount_path_node
    path = posixpath.normpath(job.ssh_auth_mount_path)
    # Only v2beta1 mounts the SSH secret; a path that is not a .ssh folder names no user.
    if not job.uses_ssh or node is None or posixpath.basename(path) != ".ssh":
        return
    if user_for_ssh_path(image, path) is not None:
        return
    home = posixpath.dirname(path)
    owner = posixpath.basename(home) if home.startswith("/home/") else None
    who = f"user {owner!r}" if owner else f"a user whose home is {home}"
    created = [u for u in image.users if u.origin in ("useradd", "adduser", "passwd")]
    related = [
        Related(pair.image_file, image.final.from_span, "the image's final stage starts here")
    ]
    related += [
        Related(pair.image_file, u.span, f"user {u.name!r} (home {u.home}) created here")
        for u in created
    ]
    if image.root_base_known and image.users_complete:
        names = ", ".join(
            f"{u.name!r} (home {u.home})"
            for u in image.users
            if u.name != "root" and u.origin != "os"
        )
        offer = f"; it has {names}" if names else "; it has only root"
        yield Hit(
            span_of(node),
            f"sshAuthMountPath {job.ssh_auth_mount_path} is the .ssh folder of {who}, but the"
            f" image built by {pair.image_file} does not create that user{offer}. ssh will"
            ' fail with "Permission denied (publickey)". Point sshAuthMountPath at the .ssh'
            " of the image's user, or create the user in the final stage"
            + (f" (RUN useradd -m {owner})" if owner else ""),
            related=tuple(related),
        )
        return
    base = image.root_base or "an unresolved base image"
    yield Hit(
        span_of(node),
        f"cannot verify that {who} exists for sshAuthMountPath {job.ssh_auth_mount_path}:"
        f" {pair.image_file} does not create it, and mpilint does not know what {base}"
        " contains",
        severity=Severity.INFO,
        related=tuple(related),
    )
