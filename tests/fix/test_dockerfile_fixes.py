"""The unsafe Dockerfile fixes of MPL201 and MPL203 through the real CLI: one ``RUN`` line, in
the file's line breaks, after the last edit of the file and before a ``USER`` that could not
write it; the fixed Dockerfile parses with BuildKit's parser, the image model then reads the
intended settings, the rules are silent, and a second run changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mpilint.sources import dockerparse
from tests import buildkit
from tests.harness import IMAGE_JOB as JOB

INSTALL = (
    "RUN apt-get update && apt-get install -y --no-install-recommends openmpi-bin"
    " openssh-server openssh-client\n"
)
EDITS = (
    "RUN sed -i 's/#\\(StrictModes \\).*/\\1yes/g' /etc/ssh/sshd_config && \\\n"
    "    sed -i 's/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1ask/g' /etc/ssh/ssh_config\n"
)
CLIENT = (
    "RUN sed -i -e '1i StrictHostKeyChecking no' -e '1i UserKnownHostsFile /dev/null'"
    " /etc/ssh/ssh_config\n"
)
SERVER = "RUN sed -i -e '1i StrictModes no' /etc/ssh/sshd_config\n"
RULES = "MPL201,MPL203"
# A comment holding NEL, LS, PS and a lone CR: one line for BuildKit, four for libyaml.
ODD = "# notes\x85on\u2028the\u2029build\rhere\n"


def _settings(path: Path) -> dict[str, str | None]:
    """What BuildKit's parser (where it installs; mpilint's reader elsewhere) and the image
    model make of the fixed Dockerfile."""
    dockerfile = buildkit.installed() or dockerparse
    from mpilint.models.image import load_image
    from mpilint.models.image.files import files_of
    from mpilint.models.image.sshconfig import read_config

    text = path.read_bytes().decode()
    runs = [" ".join(c.value) for c in dockerfile.parse_string(text) if c.cmd.upper() == "RUN"]
    added = [CLIENT[4:].strip(), SERVER[4:].strip()]
    assert any(runs[i : i + 2] == added for i in range(len(runs))), runs
    image = load_image(str(path), text).image
    assert image is not None
    facts = files_of(image)
    assert facts is not None
    found: dict[str, str | None] = {}
    for file, server, key in (
        ("/etc/ssh/ssh_config", False, "StrictHostKeyChecking"),
        ("/etc/ssh/ssh_config", False, "UserKnownHostsFile"),
        ("/etc/ssh/sshd_config", True, "StrictModes"),
    ):
        value = read_config(facts, file, server).value(key)
        found[key] = None if value is None or not hasattr(value, "args") else value.args[0]
    return found


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            f"FROM debian:bookworm\n{INSTALL}{EDITS}RUN mkdir -p /var/run/sshd\n",
            f"FROM debian:bookworm\n{INSTALL}{EDITS}{CLIENT}{SERVER}RUN mkdir -p /var/run/sshd\n",
        ),
        (  # the last edit ends the file, without a final line break
            f"FROM debian:bookworm\n{INSTALL}{EDITS}".rstrip("\n"),
            f"FROM debian:bookworm\n{INSTALL}{EDITS}{CLIENT}{SERVER}".rstrip("\n"),
        ),
        (  # a USER switch after the edits: the line goes before it, where root runs it
            f'FROM debian:bookworm\n{INSTALL}{EDITS}USER 1000\nCMD ["/usr/sbin/sshd", "-De"]\n',
            f"FROM debian:bookworm\n{INSTALL}{EDITS}{CLIENT}{SERVER}USER 1000\n"
            'CMD ["/usr/sbin/sshd", "-De"]\n',
        ),
        (  # characters libyaml breaks lines at, and a lone CR, are not line breaks here
            f"FROM debian:bookworm\n{ODD}{INSTALL}{EDITS}RUN mkdir -p /var/run/sshd\n",
            f"FROM debian:bookworm\n{ODD}{INSTALL}{EDITS}{CLIENT}{SERVER}"
            "RUN mkdir -p /var/run/sshd\n",
        ),
    ],
    ids=["middle", "no-final-newline", "before-user", "yaml-breaks-in-a-comment"],
)
def test_the_dockerfile_fix_sets_what_the_rules_ask(
    tmp_path: Path, cli: Any, newline: str, before: str, after: str
) -> None:
    (tmp_path / "mpijob.yaml").write_text(JOB)
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_bytes(before.replace("\n", newline).encode())
    args = ["--select", RULES, str(tmp_path)]
    found = cli("--format", "json", *args).findings
    assert sorted(f["rule"] for f in found) == ["MPL201", "MPL203"]
    assert all(f["fix"]["applicability"] == "unsafe" for f in found)
    cli("--fix", *args)
    assert dockerfile.read_bytes() == before.replace("\n", newline).encode()  # unsafe: not applied
    cli("--fix", "--unsafe-fixes", *args)
    assert dockerfile.read_bytes() == after.replace("\n", newline).encode()
    assert _settings(dockerfile) == {
        "StrictHostKeyChecking": "no",
        "UserKnownHostsFile": "/dev/null",
        "StrictModes": "no",
    }
    assert cli("--format", "json", *args).findings == []
    again = cli("--fix", "--unsafe-fixes", *args)
    assert dockerfile.read_bytes() == after.replace("\n", newline).encode()
    assert "Fixed" not in again.out


@pytest.mark.parametrize(
    "dockerfile",
    [
        # the user in effect after the last edit cannot write /etc/ssh
        f"FROM debian:bookworm\n{INSTALL}USER 1000\nRUN echo done\n"
        f"RUN sed -i 's/#\\(StrictModes \\).*/\\1yes/g' /etc/ssh/sshd_config\n",
        # a heredoc, whose end the layout does not show
        f"FROM debian:bookworm\n{INSTALL}{EDITS}RUN <<EOF\nset -e\nmkdir -p /var/run/sshd\nEOF\n",
    ],
    ids=["non-root-after-edit", "heredoc"],
)
def test_no_dockerfile_fix_where_the_line_could_fail_or_be_misplaced(
    tmp_path: Path, cli: Any, dockerfile: str
) -> None:
    (tmp_path / "mpijob.yaml").write_text(JOB)
    (tmp_path / "Dockerfile").write_text(dockerfile)
    found = cli("--format", "json", "--select", "MPL203", str(tmp_path)).findings
    assert [f["rule"] for f in found] == ["MPL203"] and "fix" not in found[0]
    cli("--fix", "--unsafe-fixes", "--select", "MPL203", str(tmp_path))
    assert (tmp_path / "Dockerfile").read_text() == dockerfile


def test_a_dockerfile_found_by_pairing_is_not_fixed(tmp_path: Path, cli: Any) -> None:
    """Only the files given or walked are written: the job given alone meets its Dockerfile
    on disk, and the report shows the fix, but ``--fix`` leaves that Dockerfile as it is."""
    job = tmp_path / "mpijob.yaml"
    job.write_text(JOB)
    before = f"FROM debian:bookworm\n{INSTALL}{EDITS}"
    (tmp_path / "Dockerfile").write_text(before)
    found = cli("--format", "json", "--select", RULES, str(job)).findings
    assert sorted(f["rule"] for f in found) == ["MPL201", "MPL203"]
    cli("--fix", "--unsafe-fixes", "--select", RULES, str(job))
    assert (tmp_path / "Dockerfile").read_text() == before
