"""Suppressing one finding through the CLI: comments in manifests and Dockerfiles, annotations,
unused suppressions, and suppressed findings in the reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.harness import IMAGE_JOB, Cli, write

LAUNCHER_IMAGE = "          - image: ghcr.io/mpilint-demo/pi:1.1"
JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi{annotations}
spec:
  sshAuthMountPath: /home/{user}/.ssh
  launcherCreationPolicy: WaitForWorkersReady
  runPolicy:
    cleanPodPolicy: Running
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/pi:1.1
            name: launcher
            command: [mpirun, -n, "2", /opt/pi]{comment}
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/pi:1.0
            name: worker
            readinessProbe:
              tcpSocket:
                port: 2222
"""


def job(user: str = "user", annotations: str = "", comment: str = "") -> str:
    return JOB.format(user=user, annotations=annotations, comment=comment)


def rules(cli: Cli, *paths: str) -> list[str]:
    return cli("--format", "json", *paths).rules()


def test_unsuppressed_baseline(tmp_path: Path, cli: Cli) -> None:
    (path,) = write(tmp_path, {"job.yaml": job()})
    assert rules(cli, path) == ["MPL104"]


@pytest.mark.parametrize(
    "text",
    [
        job().replace(LAUNCHER_IMAGE, LAUNCHER_IMAGE + "  # mpilint: disable=MPL104 slim launcher"),
        job().replace(
            LAUNCHER_IMAGE, "          # mpilint: disable=image-mismatch\n" + LAUNCHER_IMAGE
        ),
        "# mpilint: disable-file=MPL104\n" + job(),
        "# mpilint: disable-file=all\n" + job(),
        job(annotations='\n  annotations:\n    mpilint.io/ignore: "MPL104: slim launcher image"'),
    ],
    ids=["same-line-with-reason", "line-above-by-name", "file-wide", "file-wide-all", "annotation"],
)
def test_suppression_forms(tmp_path: Path, cli: Cli, text: str) -> None:
    (path,) = write(tmp_path, {"job.yaml": text})
    assert rules(cli, path) == []


def test_a_suppression_silences_only_its_rule_and_line(tmp_path: Path, cli: Cli) -> None:
    text = job().replace(
        "          - image: ghcr.io/mpilint-demo/pi:1.1",
        "          - image: ghcr.io/mpilint-demo/pi:1.1  # mpilint: disable=MPL101",
    )
    (path,) = write(tmp_path, {"job.yaml": text})
    # the comment silences nothing, so it is reported as stale (MPL007, info)
    assert rules(cli, path) == ["MPL104", "MPL007"]
    # a comment alone two lines above does not reach the finding
    text = job().replace(
        "            name: launcher",
        "            name: launcher\n            # mpilint: disable=MPL104",
    )
    (path,) = write(tmp_path, {"job.yaml": text})
    assert rules(cli, path) == ["MPL104", "MPL007"]


def test_dockerfile_comments_suppress_dockerfile_findings(tmp_path: Path, cli: Cli) -> None:
    paths = write(tmp_path, {"Dockerfile": "# mpilint: disable-file=MPL004\nRUN true\n"})
    assert rules(cli, *paths) == []


SAME_IMAGE = job().replace("pi:1.1", "pi:1.0")
# USER user: without it (and without runAsUser) root would run ssh, and MPL308 would say so.
IMAGE_WITH_USER = "FROM debian:bookworm\nRUN useradd -m -u 1000 user\nUSER user\n"
IMAGE_WITHOUT = "FROM debian:bookworm\nRUN useradd -m -u 1000 other\n"


def test_a_finding_in_a_shared_dockerfile_is_reported_once(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpilint import ruleapi
    from mpilint.core.findings import Span
    from mpilint.rules import MPL301

    def dockerfile_rule(pair: ruleapi.Pair) -> list[ruleapi.Hit]:
        return [ruleapi.Hit(Span(1, 1, 1, 5), "about the image", file=pair.image_file)]

    monkeypatch.setattr(MPL301, "check", dockerfile_rule)
    paths = write(
        tmp_path,
        {"a/job.yaml": SAME_IMAGE, "b/job.yaml": SAME_IMAGE, "images/Dockerfile": IMAGE_WITH_USER},
    )
    findings = cli("--format", "json", *paths).json()["findings"]
    assert [(Path(f["file"]).name, f["rule"]) for f in findings] == [("Dockerfile", "MPL301")]


def test_dockerfile_comments_silence_findings_other_rules_place_there(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpilint import ruleapi
    from mpilint.core.findings import Span
    from mpilint.rules import MPL301

    def dockerfile_rule(pair: ruleapi.Pair) -> list[ruleapi.Hit]:
        return [ruleapi.Hit(Span(3, 1, 3, 5), "about line 3", file=pair.image_file)]

    monkeypatch.setattr(MPL301, "check", dockerfile_rule)
    image = "FROM debian:bookworm\n# mpilint: disable=ssh-user-missing the base has it\nRUN true\n"
    paths = write(tmp_path, {"job.yaml": SAME_IMAGE, "Dockerfile": image})
    assert cli("--format", "json", *paths).json()["findings"] == []
    paths = write(
        tmp_path, {"Dockerfile": image.replace("# mpilint: disable=ssh-user-missing", "#")}
    )
    assert len(cli("--format", "json", str(tmp_path / "job.yaml"), *paths).json()["findings"]) == 1


def test_unused_suppressions_are_reported_only_for_rules_that_ran(tmp_path: Path, cli: Cli) -> None:
    text = "# mpilint: disable-file=ssh-user-missing the base image creates mpiuser\n" + job()
    (path,) = write(tmp_path, {"job.yaml": text.replace("pi:1.1", "pi:1.0")})
    # no Dockerfile in this run: MPL301 did not run, so the comment may well be needed
    assert rules(cli, path) == []
    (docker,) = write(tmp_path, {"Dockerfile": IMAGE_WITH_USER})
    # with the Dockerfile, MPL301 ran and found nothing: the comment is stale
    assert rules(cli, path, docker) == ["MPL007"]
    # a name that is no rule at all could never silence anything: MPL009, not also MPL007
    (path,) = write(tmp_path, {"job.yaml": "# mpilint: disable=no-such-rule\n" + SAME_IMAGE})
    assert rules(cli, path) == ["MPL009"]


def test_suppressed_findings_keep_their_reasons_in_json(tmp_path: Path, cli: Cli) -> None:
    text = job(annotations='\n  annotations:\n    mpilint.io/ignore: "MPL104: slim launcher"')
    (path,) = write(tmp_path, {"job.yaml": text})
    report = cli("--format", "json", path).json()
    assert report["findings"] == []
    (entry,) = report["suppressed"]
    assert (entry["rule"], entry["reason"], entry["by"]) == (
        "MPL104",
        "slim launcher",
        "annotation",
    )


def test_a_report_with_suppressed_findings_validates(tmp_path: Path, cli: Cli) -> None:
    import json

    import jsonschema

    from tests.harness import REPO

    schema = json.loads((REPO / "schemas" / "report.schema.json").read_text())
    text = job(annotations='\n  annotations:\n    mpilint.io/ignore: "MPL104: slim launcher"')
    (path,) = write(tmp_path, {"job.yaml": text})
    report = cli("--format", "json", path).json()
    assert report["suppressed"]
    jsonschema.validate(report, schema, cls=jsonschema.Draft202012Validator)


def test_verbose_text_report_lists_suppressed_findings_with_reasons(
    tmp_path: Path, cli: Cli
) -> None:
    text = job(annotations='\n  annotations:\n    mpilint.io/ignore: "MPL104: slim launcher"')
    (path,) = write(tmp_path, {"job.yaml": text})
    quiet = cli("--color", "never", path).out
    assert "Suppressed" not in quiet
    out = cli("--color", "never", "--verbose", path).out
    assert "Suppressed (1):" in out
    assert f"{path}:" in out and "MPL104 image-mismatch  by annotation: slim launcher" in out


STRICT = 'RUN sed -i "s/#\\(StrictModes \\).*/\\1yes/g" /etc/ssh/sshd_config\n'


@pytest.mark.parametrize("odd", ["\u2028", "\x85", "\u2029", "\x0c", "\x0b", "\r", "\x1e"])
def test_a_dockerfile_line_is_counted_as_buildkit_counts_it(
    tmp_path: Path, cli: Cli, odd: str
) -> None:
    """A comment holding a character ``str.splitlines`` breaks at (libyaml too, for some) is
    one line in a Dockerfile: the suppression under it silences the line below it, the
    finding and its code frame name that line, and no MPL007 says it silenced nothing."""
    dockerfile = (
        f"FROM debian:bookworm\n# notes{odd}more\n"
        "RUN apt-get update && apt-get install -y openssh-server openmpi-bin\n"
    )
    write(tmp_path, {"mpijob.yaml": IMAGE_JOB, "Dockerfile": dockerfile + STRICT})
    args = ["--select", "MPL203,MPL007", str(tmp_path)]
    (found,) = cli("--format", "json", *args).findings
    assert (found["rule"], found["line"]) == ("MPL203", 4)
    frame = cli("--color", "never", *args).out
    assert "> 4 | RUN sed -i" in frame, frame
    write(tmp_path, {"Dockerfile": dockerfile + "# mpilint: disable=MPL203\n" + STRICT})
    assert cli("--format", "json", *args).findings == []
