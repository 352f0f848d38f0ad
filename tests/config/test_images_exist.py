"""``--image REF=PATH`` and ``images:`` whose Dockerfile is not there: exit 2 with the path,
not a run where every image rule silently does not run."""

from __future__ import annotations

import os
from pathlib import Path

from tests.harness import JOB, Cli, write


def test_image_option_with_a_missing_dockerfile(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {"job.yaml": JOB.format(count='"2"'), "docker/Dockerfile": "FROM x\n"})
    os.chdir(tmp_path)
    result = cli("--image", "ghcr.io/acme/*=docker/Dockerfile.train", "job.yaml")
    assert result.code == 2 and result.out == ""
    assert result.err == (
        "mpilint: error: --image ghcr.io/acme/*=docker/Dockerfile.train: no such Dockerfile:"
        " docker/Dockerfile.train\n"
    )
    result = cli("--image", "ghcr.io/acme/*=docker", "job.yaml")
    assert result.code == 2 and "docker is a folder, not a Dockerfile" in result.err
    assert cli("--image", "ghcr.io/acme/*=docker/Dockerfile", "job.yaml").code == 0


def test_images_entry_with_a_missing_dockerfile(cli: Cli, tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "deploy/job.yaml": JOB.format(count='"2"'),
            "deploy/.mpilint.yaml": (
                "fail-on: error\nimages:\n  ghcr.io/acme/*: ../docker/Dockerfile\n"
            ),
        },
    )
    os.chdir(tmp_path)
    result = cli("deploy/job.yaml")
    assert result.code == 2 and result.out == ""
    config = os.path.join(str(tmp_path), "deploy", ".mpilint.yaml")
    assert result.err == (
        f"mpilint: error: {config}:3:19: images: ghcr.io/acme/*: no such Dockerfile:"
        " ../docker/Dockerfile (relative to this file)\n"
    )
    write(tmp_path, {"docker/Dockerfile": "FROM ubuntu:22.04\n"})
    assert cli("deploy/job.yaml").code == 0


def test_unknown_selectors_name_the_closest_rule(cli: Cli, tmp_path: Path) -> None:
    write(tmp_path, {"job.yaml": JOB.format(count='"2"'), ".mpilint.yaml": "ignore: [MPL1022]\n"})
    os.chdir(tmp_path)
    assert "did you mean 'MPL102'?" in cli("job.yaml").err
    result = cli("--isolated", "--select", "proces-count-mismatch", "job.yaml")
    assert result.code == 2 and "did you mean 'process-count-mismatch'?" in result.err
