"""The pairing note's guesses: a Dockerfile named after the image, by folder or suffix."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpilint.pairing.hints import candidates, image_name, repository_dockerfiles

DOCKERFILES = [
    "docker/train/Dockerfile",
    "Dockerfile.train",
    "build/Dockerfile-train",
    "images/train.Dockerfile",
    "images/Containerfile.train",
    "docker/trainer/Dockerfile",  # another name: not a candidate
    "train/Dockerfile.gpu",  # the folder, but a suffix that names another image
    "Dockerfile.training",
]


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        (
            "ghcr.io/mpilint-demo/ml/train:1.0",
            [
                "docker/train/Dockerfile",
                "Dockerfile.train",
                "build/Dockerfile-train",
                "images/train.Dockerfile",
                "images/Containerfile.train",
            ],
        ),
        ("ghcr.io/acme/TRAIN", ["docker/train/Dockerfile", "Dockerfile.train",
                                "build/Dockerfile-train", "images/train.Dockerfile",
                                "images/Containerfile.train"]),
        ("ghcr.io/acme/trainer@sha256:" + "0" * 64, ["docker/trainer/Dockerfile"]),
        ("gpu", ["train/Dockerfile.gpu"]),
        ("localhost:5000/serve", []),
    ],
)  # fmt: skip
def test_candidates_by_folder_and_suffix(ref: str, expected: list[str]) -> None:
    assert candidates(ref, DOCKERFILES) == expected


@pytest.mark.parametrize(
    ("ref", "name"),
    [
        ("registry/ml/train:1.0", "registry/ml/train"),
        ("localhost:5000/train", "localhost:5000/train"),
        ("localhost:5000/train:2", "localhost:5000/train"),
        ("train@sha256:" + "0" * 64, "train"),
        ("train:1@sha256:" + "0" * 64, "train"),
        ("train", "train"),
    ],
)
def test_image_name_drops_tag_and_digest_only(ref: str, name: str) -> None:
    assert image_name(ref) == name


def test_repository_walk_skips_hidden_and_dependency_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("a/Dockerfile", ".hidden/Dockerfile", "node_modules/x/Dockerfile", "b/c.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("FROM x\n")
    monkeypatch.chdir(tmp_path / "b")
    assert repository_dockerfiles(".") == []  # no repository: no folder says how far to look
    (tmp_path / ".git").write_text("gitdir: elsewhere\n")  # a worktree's .git is a file
    assert repository_dockerfiles(".") == [str(tmp_path / "a" / "Dockerfile")]
    monkeypatch.chdir(tmp_path)
    assert repository_dockerfiles("b") == ["a/Dockerfile"]
