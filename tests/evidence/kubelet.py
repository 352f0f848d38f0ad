"""The job's SSH Secret laid out on disk as the kubelet lays out a Secret volume.

sshd's StrictModes walks the real path of ``authorized_keys`` up through every directory, so the
shape of the volume decides what sshd accepts, not only the files' modes. The kubelet mounts a
Secret volume on a tmpfs without a mode option, so the mount point is ``drwxrwxrwt`` (1777;
kubernetes/kubernetes#61049); it writes the files into a ``..<timestamp>`` directory, points
``..data`` at it, and makes each key a symlink ``KEY -> ..data/KEY`` (the atomic writer of
``pkg/volume/util/atomic_writer.go``). The modes are the operator's (``setupSSHOnPod``, domain
notes P02): ``defaultMode: 0600`` only when ``sshAuthMountPath`` is ``/root/.ssh``, else the
Secret default 0644; files owned by root, and with an ``fsGroup`` the kubelet sets the group and
adds group-read (0600 → 0640).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT_SSH = "/root/.ssh"
TIMESTAMP = "..2026_12_01_10_00_00.000000001"  # the kubelet's format, a fixed value


def operator_mode(ssh_auth_mount_path: str) -> int:
    """The file mode the operator asks for: 0600 for ``/root/.ssh``, else the default 0644."""
    return 0o600 if os.path.normpath(ssh_auth_mount_path) == ROOT_SSH else 0o644


@dataclass(frozen=True)
class Keys:
    """One key pair, as the operator puts it into the job's Secret (``ssh-privatekey`` and the
    public key, which it also serves as ``authorized_keys``)."""

    private: bytes
    public: bytes

    def secret_files(self) -> dict[str, bytes]:
        """The Secret's items by their file names in the volume (``setupSSHOnPod``)."""
        return {"id_rsa": self.private, "id_rsa.pub": self.public, "authorized_keys": self.public}


def generate_keys(folder: Path, timeout: float = 60) -> Keys:
    """A fresh key pair made by the real ``ssh-keygen`` (ed25519: fast on a loaded machine; the
    operator makes ECDSA keys, and the checks below do not depend on the key type)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "key"
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "evidence", "-f", str(path)],
        check=True,
        capture_output=True,
        timeout=timeout,
    )
    return Keys(path.read_bytes(), path.with_suffix(".pub").read_bytes())


def secret_volume(
    mount: Path,
    files: Mapping[str, bytes],
    mode: int,
    *,
    fs_group: int | None = None,
    mount_mode: int = 0o1777,
) -> Path:
    """Write ``files`` as the kubelet writes a Secret volume at ``mount``; return ``mount``.

    ``mount_mode`` is 1777 as on a real node; a scenario that needs to show the mount point is
    what sshd refuses passes 0755 for its control.
    """
    mount.mkdir(parents=True, exist_ok=True)
    data = mount / TIMESTAMP
    data.mkdir(mode=0o755)
    data.chmod(0o755)  # mkdir's mode goes through the umask
    file_mode = mode | 0o040 if fs_group is not None else mode
    for name, content in files.items():
        path = data / name
        path.write_bytes(content)
        path.chmod(file_mode)
        if fs_group is not None:
            os.chown(path, 0, fs_group)
            os.chown(data, 0, fs_group)
    (mount / "..data").symlink_to(TIMESTAMP)
    for name in files:
        (mount / name).symlink_to(f"..data/{name}")
    mount.chmod(mount_mode)
    return mount
