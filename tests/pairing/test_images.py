"""Pairing through the real CLI: which Dockerfile a job is paired with when both are given or
found in a folder, and pairing from disk, what pre-commit relies on when it passes only the files
that changed (a manifest without its Dockerfile, or a Dockerfile without its jobs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.harness import REPO, Cli, write
from tests.suppress.test_directives import IMAGE_WITH_USER, IMAGE_WITHOUT, SAME_IMAGE

BROKEN = REPO / "examples" / "broken"
GOOD = REPO / "examples" / "good"


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """examples/broken (its job names a user its Dockerfile does not create: MPL301)."""
    folder = tmp_path / "job"
    folder.mkdir()
    shutil.copy(BROKEN / "mpijob.yaml", folder / "mpijob.yaml")
    shutil.copy(BROKEN / "Dockerfile", folder / "Dockerfile")
    monkeypatch.chdir(tmp_path)
    return folder


def test_a_manifest_alone_pairs_with_the_dockerfile_beside_it(cli: Cli, broken: Path) -> None:
    result = cli("--format", "json", "job/mpijob.yaml")
    assert result.code == 1
    assert "MPL301" in result.rules("mpijob.yaml")
    finding = next(f for f in result.json()["findings"] if f["rule"] == "MPL301")
    assert any(r["file"] == "job/Dockerfile" for r in finding["related"])


def test_a_dockerfile_alone_brings_its_jobs(cli: Cli, broken: Path) -> None:
    (broken / "Dockerfile").rename(broken / "Dockerfile-mpi")
    result = cli("--format", "json", "job/Dockerfile-mpi")
    assert "MPL301" in result.rules("job/mpijob.yaml")
    assert "job/mpijob.yaml" in result.out


def test_the_plain_dockerfile_wins_when_a_folder_has_several(cli: Cli, broken: Path) -> None:
    shutil.copy(GOOD / "Dockerfile", broken / "Dockerfile-other")
    result = cli("--format", "json", "job/mpijob.yaml")
    assert "MPL301" in result.rules()
    # the other Dockerfile is not the job's image: changing it alone checks no job
    result = cli("--format", "json", "job/Dockerfile-other")
    assert result.rules("mpijob.yaml") == []


def test_no_dockerfile_on_disk_means_manifest_rules_only(cli: Cli, broken: Path) -> None:
    (broken / "Dockerfile").unlink()
    result = cli("--format", "json", "job/mpijob.yaml")
    assert "MPL301" not in result.rules()
    assert "MPL102" in result.rules()


def test_image_option_maps_a_reference_to_a_dockerfile(
    cli: Cli, broken: Path, tmp_path: Path
) -> None:
    images = tmp_path / "images"
    images.mkdir()
    (broken / "Dockerfile").rename(images / "Dockerfile.mpi")
    result = cli("--format", "json", "job/mpijob.yaml")
    assert "MPL301" not in result.rules()
    result = cli("--format", "json", "--image", "*=images/Dockerfile.mpi", "job/mpijob.yaml")
    assert "MPL301" in result.rules()


def test_config_images_map_before_the_folder_default(
    cli: Cli, broken: Path, tmp_path: Path
) -> None:
    images = tmp_path / "images"
    images.mkdir()
    shutil.copy(broken / "Dockerfile", images / "mpi.Dockerfile")
    shutil.copy(GOOD / "Dockerfile", broken / "Dockerfile")  # the folder default: another image
    job = (broken / "mpijob.yaml").read_text()
    image = next(line.split("image:")[1].strip() for line in job.splitlines() if "image:" in line)
    (tmp_path / ".mpilint.yaml").write_text(f'images:\n  "{image}": images/mpi.Dockerfile\n')
    result = cli("--format", "json", "job/mpijob.yaml")
    finding = next(f for f in result.json()["findings"] if f["rule"] == "MPL301")
    assert any(r["file"] == "images/mpi.Dockerfile" for r in finding["related"])
    # and the other way: the mapped Dockerfile alone brings the job that uses its image
    result = cli("--format", "json", "images/mpi.Dockerfile")
    assert "MPL301" in result.rules("job/mpijob.yaml")
    # --isolated ignores the configuration, and with it the map
    result = cli("--isolated", "--format", "json", "images/mpi.Dockerfile")
    assert result.rules("mpijob.yaml") == []


def test_one_dockerfile_is_the_image_of_every_job(tmp_path: Path, cli: Cli) -> None:
    paths = write(
        tmp_path,
        {"a/job.yaml": SAME_IMAGE, "b/job.yaml": SAME_IMAGE, "images/Dockerfile": IMAGE_WITHOUT},
    )
    assert cli("--format", "json", *paths).rules() == ["MPL301", "MPL301"]


def test_each_job_pairs_with_the_dockerfile_in_its_directory(tmp_path: Path, cli: Cli) -> None:
    write(
        tmp_path,
        {
            "a/job.yaml": SAME_IMAGE,
            "a/Dockerfile": IMAGE_WITH_USER,
            "b/job.yaml": SAME_IMAGE,
            "b/train.Dockerfile": IMAGE_WITHOUT,
            "c/job.yaml": SAME_IMAGE,  # no Dockerfile beside it: no cross-file finding
        },
    )
    report = cli("--format", "json", str(tmp_path)).json()
    assert [(Path(f["file"]).parent.name, f["rule"]) for f in report["findings"]] == [
        ("b", "MPL301")
    ]
    related = report["findings"][0]["related"]
    assert related[0]["file"].endswith("b/train.Dockerfile")


def test_several_dockerfiles_in_one_directory_prefer_the_plain_name(
    tmp_path: Path, cli: Cli
) -> None:
    write(
        tmp_path,
        {
            "job.yaml": SAME_IMAGE,
            "Dockerfile": IMAGE_WITHOUT,
            "Dockerfile.dev": IMAGE_WITH_USER,
            "other/Dockerfile": IMAGE_WITH_USER,
        },
    )
    assert cli("--format", "json", str(tmp_path)).rules() == ["MPL301"]


def test_each_folder_is_listed_once_per_run(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many manifests in one folder without a Dockerfile: pairing lists that folder once, not
    once per manifest (issue 14, point 5: 31 times the time for 10 times the files); and the
    next run lists it again, since the disk may have changed between runs."""
    import os

    import mpilint.pairing.images

    job = (REPO / "examples" / "good" / "mpijob.yaml").read_text()
    files = {f"jobs/j{n}.yaml": job.replace("hello-mpi", f"j{n}") for n in range(30)}
    write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    listed: list[str] = []
    real_listdir = os.listdir

    def counting(path: str = ".") -> list[str]:
        listed.append(str(path))
        return real_listdir(path)

    monkeypatch.setattr(mpilint.pairing.images.os, "listdir", counting)
    result = cli("--format", "json", "--jobs", "1", "jobs")
    assert result.json()["pairs"][0]["by"] == "none"
    assert listed.count("jobs") == 1
    write(tmp_path, {"jobs/Dockerfile": "FROM ubuntu:22.04\n"})
    again = cli("--format", "json", "--jobs", "1", *(f"jobs/j{n}.yaml" for n in range(30)))
    assert {p["dockerfile"] for p in again.json()["pairs"]} == {"jobs/Dockerfile"}
    assert listed.count("jobs") == 2
