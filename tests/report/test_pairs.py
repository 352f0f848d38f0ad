"""Issue 14, point 2: every format says what each job was checked against, and how to pair
the jobs that paired with nothing; through the real CLI, in every format."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.harness import JOB, REPO, Cli, write

SCHEMA = json.loads((REPO / "schemas" / "report.schema.json").read_text())
BROKEN = (REPO / "examples" / "broken" / "mpijob.yaml").read_text()
BROKEN_DOCKERFILE = (REPO / "examples" / "broken" / "Dockerfile").read_text()
AS_IS = "mpioperator/openmpi:v0.6.0"  # read as a one-line FROM Dockerfile


def _job(image: str, name: str = "pi") -> str:
    return (
        JOB.format(count=2)
        .replace("mpioperator/mpi-pi:openmpi", image)
        .replace("name: pi", f"name: {name}")
    )


def _train(image: str = "ghcr.io/acme/train:1.0") -> str:
    """The broken example with one image: paired with its Dockerfile it gives MPL301."""
    return BROKEN.replace("ghcr.io/mpilint-demo/team/hello-mpi:1.1", image).replace(
        "ghcr.io/mpilint-demo/team/hello-mpi:1.0", image
    )


def _valid(report: dict[str, Any]) -> dict[str, Any]:
    jsonschema.validate(report, SCHEMA, cls=jsonschema.Draft202012Validator)
    return report


# --- what was paired, and how -----------------------------------------------------------------


def test_text_names_the_dockerfile_the_image_as_it_is_and_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "a/job.yaml": _job("ghcr.io/acme/a:1.0", "a"),
            "a/Dockerfile": "FROM mpioperator/openmpi:v0.6.0\n",
            "b/job.yaml": "# a comment first\n" + _job(AS_IS, "b"),
            "c/job.yaml": _job("ghcr.io/acme/c:1.0", "c"),
        },
    )
    out = cli("--color", "never", "a/job.yaml", "b", "c").out
    lines = out.splitlines()
    start = lines.index("Images checked:")
    assert lines[start + 1 : start + 4] == [
        "  a/job.yaml:1 a: a/Dockerfile",
        "  b/job.yaml:2 b: the image mpioperator/openmpi:v0.6.0 as it is (no Dockerfile)",
        "  c/job.yaml:1 c: no Dockerfile, so the image rules (MPL2xx, MPL3xx) did not run",
    ]
    assert lines[-1].endswith(" in 3 files, 3 MPIJobs checked. [*] 3 fixable with `mpilint --fix`.")


def test_verbose_says_how_each_pairing_was_decided(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "cfg/.mpilint.yaml": "images:\n  'ghcr.io/acme/cfg:*': ../docker/Dockerfile.cfg\n",
            "cfg/job.yaml": _job("ghcr.io/acme/cfg:1.0", "cfg"),
            "opt/job.yaml": _job("ghcr.io/acme/opt:1.0", "opt"),
            "beside/job.yaml": _job("ghcr.io/acme/beside:1.0", "beside"),
            "beside/Dockerfile": "FROM ubuntu:22.04\n",
            "two/job.yaml": _job("ghcr.io/acme/two:1.0", "two"),
            "two/Dockerfile.a": "FROM ubuntu:22.04\n",
            "two/Dockerfile.b": "FROM ubuntu:22.04\n",
            "docker/Dockerfile.cfg": "FROM ubuntu:22.04\n",
            "docker/Dockerfile.opt": "FROM ubuntu:22.04\n",
        },
    )
    image = "--image=ghcr.io/acme/opt=docker/Dockerfile.opt"
    jobs = ["cfg/job.yaml", "opt/job.yaml", "beside/job.yaml", "two/job.yaml"]
    out = cli("--color", "never", "-v", image, *jobs).out
    assert (
        "  cfg/job.yaml:1 cfg: docker/Dockerfile.cfg (ghcr.io/acme/cfg:1.0 matches"
        " 'ghcr.io/acme/cfg:*' of images: in cfg/.mpilint.yaml)"
    ) in out
    assert (
        "  opt/job.yaml:1 opt: docker/Dockerfile.opt (ghcr.io/acme/opt:1.0 matches"
        " 'ghcr.io/acme/opt' of --image)"
    ) in out
    assert "  beside/job.yaml:1 beside: beside/Dockerfile (the Dockerfile beside the manifest)" in (
        out
    )
    assert (
        "  two/job.yaml:1 two: no Dockerfile, so the image rules (MPL2xx, MPL3xx) did not run"
        " (no --image or images: entry matches ghcr.io/acme/two:1.0, and 2 Dockerfiles are"
        " beside the manifest and not one alone is named plainly Dockerfile or Containerfile)"
    ) in out
    # Without --verbose, the same lines without the reasons.
    quiet_about_how = cli("--color", "never", image, *jobs).out
    assert "  opt/job.yaml:1 opt: docker/Dockerfile.opt\n" in quiet_about_how
    report = _valid(cli("--format", "json", image, *jobs).json())
    assert [(p["file"], p["by"], p["dockerfile"]) for p in report["pairs"]] == [
        ("cfg/job.yaml", "config-images", "docker/Dockerfile.cfg"),
        ("opt/job.yaml", "image-option", "docker/Dockerfile.opt"),
        ("beside/job.yaml", "beside", "beside/Dockerfile"),
        ("two/job.yaml", "none", None),
    ]


def test_the_one_dockerfile_given_and_the_run_as_is_in_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "jobs/one.yaml": _job("ghcr.io/acme/one:1.0", "one"),
            "jobs/pi.yaml": _job(AS_IS, "pi"),
            "img/Dockerfile": "FROM ubuntu:22.04\n",
        },
    )
    report = _valid(cli("--format", "json", "jobs/one.yaml", "img/Dockerfile").json())
    (pair,) = report["pairs"]
    assert pair == {
        "file": "jobs/one.yaml",
        "line": 1,
        "job": "one",
        "image": "ghcr.io/acme/one:1.0",
        "dockerfile": "img/Dockerfile",
        "by": "only-dockerfile",
        "how": "the one Dockerfile of the run",
    }
    report = _valid(cli("--format", "json", "jobs/pi.yaml").json())
    (pair,) = report["pairs"]
    assert (pair["dockerfile"], pair["by"], pair["image"]) == (
        None,
        "as-is",
        AS_IS,
    )
    assert report["notes"] == []


def test_many_jobs_give_counts_and_the_unpaired_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    files = {f"j/{n:02d}.yaml": _job(AS_IS, f"j{n}") for n in range(20)}
    files["j/zz.yaml"] = _job("ghcr.io/acme/zz:1.0", "zz")
    write(tmp_path, files)
    lines = cli("--color", "never", "j").out.splitlines()
    start = lines.index(
        "Images checked: 0 jobs against a Dockerfile, 20 against a well-known image as it is,"
        " 1 against none (--verbose lists them all)"
    )
    assert lines[start + 1].startswith("  j/zz.yaml:1 zz: no Dockerfile")
    assert " in 21 files, 21 MPIJobs checked." in lines[start + 2]
    verbose = cli("--color", "never", "-v", "j").out.splitlines()
    assert sum(1 for line in verbose if line.startswith("  j/")) == 21


def test_quiet_and_statistics_stay_as_they_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"job.yaml": _job("ghcr.io/acme/x:1.0"), "d/Dockerfile": "FROM x\n"})
    assert cli("--quiet", "--fail-on", "never", "job.yaml").out == ""
    assert cli("--quiet", "--fail-on", "info", "job.yaml").out.count("\n") <= 1
    assert "Images checked" not in cli("--statistics", "job.yaml").out


# --- how to pair ------------------------------------------------------------------------------


def test_note_names_candidates_by_folder_and_suffix_and_pairs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # the repository the note looks in
    write(
        tmp_path,
        {
            "k8s/train.yaml": _train("ghcr.io/acme/ml/train:1.0"),
            "k8s/serve.yaml": _train("ghcr.io/acme/serve@sha256:" + "a" * 64).replace(
                "hello-mpi", "serve"
            ),
            "docker/train/Dockerfile": BROKEN_DOCKERFILE,
            "images/Dockerfile.serve": BROKEN_DOCKERFILE,
            "images/Dockerfile.other": BROKEN_DOCKERFILE,
        },
    )
    result = cli("--format", "json", "k8s")
    report = _valid(result.json())
    (note,) = report["notes"]
    assert note == (
        "2 MPIJobs paired with no Dockerfile, so the image rules (MPL2xx, MPL3xx) did not run"
        " on them, although 3 Dockerfiles are at hand. Pair a job's image with its Dockerfile:"
        " --image REF=PATH, or images: {REF: PATH} in .mpilint.yaml. Likely:"
        " --image 'ghcr.io/acme/serve=images/Dockerfile.serve' (ghcr.io/acme/serve@sha256:"
        + "a"
        * 64
        + ": images/Dockerfile.serve); --image 'ghcr.io/acme/ml/train=docker/train/Dockerfile'"
        " (ghcr.io/acme/ml/train:1.0: docker/train/Dockerfile)."
    )
    # A guess is not a pairing: no rule that reads the image ran.
    assert not [r for r in result.rules() if r[3] in "23"]
    # The note's own suggestion pairs, and then the image rules run.
    paired = cli("--format", "json", "--image=ghcr.io/acme/ml/train=docker/train/Dockerfile", "k8s")
    assert "MPL301" in paired.rules()
    assert len(paired.json()["notes"]) == 1  # serve is still unpaired
    text = cli("--color", "never", "k8s").out.splitlines()
    assert text[-2] == "note: " + note
    github = cli("--format", "github", "k8s").out.splitlines()
    assert github[-1].startswith("::notice title=mpilint::2 MPIJobs paired with no Dockerfile")


def test_no_note_without_dockerfiles_or_outside_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"k8s/train.yaml": _train(), "docker/train/Dockerfile": BROKEN_DOCKERFILE})
    # No .git: the repository is unknown, and the run holds no Dockerfile.
    assert cli("--format", "json", "k8s").json()["notes"] == []
    (tmp_path / ".git").mkdir()
    assert len(cli("--format", "json", "k8s").json()["notes"]) == 1
    (tmp_path / "docker" / "train" / "Dockerfile").unlink()
    assert cli("--format", "json", "k8s").json()["notes"] == []


def test_run_dockerfiles_count_for_the_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """Two Dockerfiles in the run, neither beside the job: no pairing, a note naming one."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            "k8s/job.yaml": _train("ghcr.io/acme/train:2"),
            "d/train/Dockerfile": BROKEN_DOCKERFILE,
            "d/x/Dockerfile": BROKEN_DOCKERFILE,
        },
    )
    (note,) = cli("--format", "json", "k8s", "d").json()["notes"]
    assert "although 2 Dockerfiles are at hand" in note
    assert "--image 'ghcr.io/acme/train=d/train/Dockerfile'" in note


# --- paths relative to the working directory, in every format ---------------------------------


def test_a_walk_of_the_current_folder_names_files_as_git_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """``mpilint .`` (the GitHub Action's default) names ``k8s/job.yaml``, not
    ``./k8s/job.yaml``, in every format: annotations and baselines match repository paths."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"k8s/job.yaml": _train(), "k8s/Dockerfile": BROKEN_DOCKERFILE})
    for folder in (".", "./", ".//"):
        report = cli("--format", "json", folder).json()
        assert report["findings"], folder
        files = {f["file"] for f in report["findings"]} | set(report["files"])
        assert files == {"k8s/job.yaml", "k8s/Dockerfile"}, files
        github = cli("--format", "github", folder).out
        assert "file=k8s/job.yaml," in github, github
    named = cli("--format", "json", "./k8s/job.yaml").json()  # a named file stays as written
    assert {f["file"] for f in named["findings"]} >= {"./k8s/job.yaml"}


def test_found_files_are_relative_in_every_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """A changed Dockerfile finds its manifest through the configuration's images: (an
    absolute path inside mpilint); every format names it relative to the working directory."""
    monkeypatch.chdir(tmp_path)
    write(
        tmp_path,
        {
            ".mpilint.yaml": "images:\n  'ghcr.io/acme/train:*': docker/train/Dockerfile\n",
            "k8s/job.yaml": _train(),
            "docker/train/Dockerfile": BROKEN_DOCKERFILE,
        },
    )
    dockerfile = "docker/train/Dockerfile"
    report = _valid(cli("--format", "json", dockerfile).json())
    assert {f["file"] for f in report["findings"]} <= {"k8s/job.yaml", dockerfile}
    assert "k8s/job.yaml" in report["files"]
    assert report["pairs"][0]["file"] == "k8s/job.yaml"
    github = cli("--format", "github", dockerfile).out
    assert "file=k8s/job.yaml," in github and str(tmp_path) not in github
    sarif = json.loads(cli("--format", "sarif", dockerfile).out)
    (run,) = sarif["runs"]
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]
    }
    assert "k8s/job.yaml" in uris and all(not u.startswith("file:") for u in uris)
    text = cli("--color", "never", dockerfile).out
    first = text.split("\n", 1)[1]  # after the target line
    assert first.startswith("k8s/job.yaml:") and str(tmp_path) not in text


def test_sarif_carries_pairs_and_notes_and_validates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    from tests.report.test_outputs import validate

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    write(
        tmp_path,
        {
            "k8s/train.yaml": _train("ghcr.io/acme/train:1"),
            "k8s/pi.yaml": _job(AS_IS),
            "docker/train/Dockerfile": BROKEN_DOCKERFILE,
        },
    )
    log = tmp_path / "r.sarif"
    cli("--format", f"sarif:{log}", "k8s")
    (run,) = json.loads(log.read_text())["runs"]
    (invocation,) = run["invocations"]
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "note"
    assert notification["message"]["text"].startswith("1 MPIJob paired with no Dockerfile")
    pairs = run["properties"]["pairs"]
    assert [(p["by"], p["location"]["physicalLocation"]["artifactLocation"]) for p in pairs] == [
        ("as-is", {"uri": "k8s/pi.yaml", "uriBaseId": "%SRCROOT%"}),
        ("none", {"uri": "k8s/train.yaml", "uriBaseId": "%SRCROOT%"}),
    ]
    validate([log], tmp_path)


def test_sarif_uri_of_a_relative_path_above_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    """``../job.yaml`` is no path under %SRCROOT%: an absolute file URI, as for an absolute
    path outside the working directory."""
    write(tmp_path, {"job.yaml": _train()})
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    sarif = json.loads(cli("--format", "sarif", "../job.yaml").out)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": (tmp_path / "job.yaml").as_uri()}
