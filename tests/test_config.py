"""The configuration file through the real CLI: discovery, validation with positions, every
key, and the precedence command line > closest configuration > defaults."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, write

BROKEN = REPO / "examples" / "broken"


def rules(result) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted({f["rule"] for f in result.json()["findings"]})


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with examples/broken's job (MPL101-104, MPL110, MPL301) in deploy/."""
    (tmp_path / "deploy").mkdir()
    shutil.copy(BROKEN / "mpijob.yaml", tmp_path / "deploy" / "mpijob.yaml")
    shutil.copy(BROKEN / "Dockerfile", tmp_path / "deploy" / "Dockerfile")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ALL = ["MPL101", "MPL102", "MPL103", "MPL104", "MPL110", "MPL301"]


def test_no_configuration_reports_everything(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    assert rules(cli("--format", "json", "deploy")) == ALL


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".mpilint.yaml", "select: [MPL1]\nignore: [launcher-creation-policy]\n"),
        (
            "pyproject.toml",
            '[tool.mpilint]\nselect = ["MPL1"]\nignore = ["launcher-creation-policy"]\n',
        ),
    ],
)
def test_select_and_ignore_from_either_file(cli, repo: Path, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    (repo / name).write_text(text)
    assert rules(cli("--format", "json", "deploy")) == ["MPL101", "MPL102", "MPL103", "MPL104"]
    assert rules(cli("--format", "json", "deploy/mpijob.yaml")) == [
        "MPL101",
        "MPL102",
        "MPL103",
        "MPL104",
    ]


def test_pyproject_without_the_table_is_not_a_configuration(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert rules(cli("--format", "json", "deploy")) == ALL


def test_extend_select_and_prefixes(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / ".mpilint.yaml").write_text(
        "select: [MPL10]\nextend-select: [MPL3]\nignore: [MPL104]\n"
    )
    assert rules(cli("--format", "json", "deploy")) == ["MPL101", "MPL102", "MPL103", "MPL301"]
    # --extend-select and --ignore add to the configuration's
    result = cli("--format", "json", "--extend-select", "MPL110", "--ignore", "MPL103", "deploy")
    assert rules(result) == ["MPL101", "MPL102", "MPL110", "MPL301"]


def test_command_line_select_starts_over(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / ".mpilint.yaml").write_text("ignore: [MPL104, MPL301]\n")
    assert rules(cli("--format", "json", "--select", "MPL104", "deploy")) == ["MPL104"]


def test_closest_configuration_wins(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / "pyproject.toml").write_text('[tool.mpilint]\nselect = ["MPL101"]\n')
    (repo / "deploy" / ".mpilint.yaml").write_text("select: [MPL102]\n")
    assert rules(cli("--format", "json", "deploy")) == ["MPL102"]
    assert rules(cli("--format", "json", "--config", "pyproject.toml", "deploy")) == ["MPL101"]
    assert rules(cli("--format", "json", "--isolated", "deploy")) == ALL


def test_per_file_ignores(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / ".mpilint.yaml").write_text(
        "per-file-ignores:\n  'deploy/*.yaml': [MPL1]\n  Dockerfile: [ALL]\n"
    )
    assert rules(cli("--format", "json", "deploy")) == ["MPL301"]


def test_severity_overrides_and_fail_on(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    (repo / ".mpilint.yaml").write_text(
        "select: [MPL110, MPL104]\nseverity:\n  MPL1: info\n  image-mismatch: error\n"
        "fail-on: error\n"
    )
    result = cli("--format", "json", "deploy")
    levels = {f["rule"]: f["severity"] for f in result.json()["findings"]}
    assert levels == {"MPL110": "info", "MPL104": "error"}
    assert result.code == 1
    (repo / ".mpilint.yaml").write_text("select: [MPL110]\nfail-on: error\n")
    assert cli("--format", "json", "deploy").code == 0
    assert cli("--format", "json", "--fail-on", "info", "deploy").code == 1


def test_exclude_and_gitignore(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    write(repo, {"rendered/job.yaml": (BROKEN / "mpijob.yaml").read_text()})
    write(repo, {"build/job.yaml": (BROKEN / "mpijob.yaml").read_text()})
    (repo / ".gitignore").write_text("# generated\nbuild/\n")
    result = cli("--format", "json", ".")
    files = {f["file"].removeprefix("./") for f in result.json()["findings"]}
    assert "build/job.yaml" not in files and "rendered/job.yaml" in files
    (repo / ".mpilint.yaml").write_text("exclude: [rendered]\n")
    result = cli("--format", "json", ".")
    assert not any("rendered" in f["file"] for f in result.json()["findings"])
    # excluded even when named: pre-commit names files one by one
    result = cli("--format", "json", "rendered/job.yaml")
    assert result.code == 0 and result.json()["findings"] == []


@pytest.mark.parametrize(
    ("name", "text", "where", "says"),
    [
        (".mpilint.yaml", "select: [MPL1]\nslect: [MPL2]\n", ":2:1:", "did you mean 'select'"),
        (".mpilint.yaml", "fail-on: sometimes\n", ":1:10:", "must be one of"),
        (".mpilint.yaml", "severity:\n  MPL102: fatal\n", ":2:11:", "severity.MPL102"),
        (".mpilint.yaml", "ignore: [MPL9]\n", ":1:9:", "unknown rule selector"),
        (".mpilint.yaml", "select: [MPL1\n", ":2:1:", "not valid YAML"),
        (".mpilint.yaml", "base-images:\n  x/y:\n    users: [{uid: 5}]\n", ":3:13:", "has no name"),
        (
            "pyproject.toml",
            "[tool.mpilint]\nselect = ['MPL1']\n\nexclude = 3\n",
            ":4:1:",
            "exclude",
        ),
        ("pyproject.toml", "[tool.mpilint.severity]\nMPL104 = 'loud'\n", ":2:1:", "MPL104"),
        ("pyproject.toml", "[tool.mpilint]\nselect = [\n", ":", "not valid TOML"),
    ],
)
def test_mistakes_are_usage_errors_with_positions(  # type: ignore[no-untyped-def]
    cli, repo: Path, name: str, text: str, where: str, says: str
) -> None:
    (repo / name).write_text(text)
    result = cli("deploy")
    assert result.code == 2
    assert f"{name}{where}" in result.err and says in result.err, result.err
    assert result.out == ""


def test_missing_config_file_and_bad_image_option(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("--config", "nope.yaml", "deploy").code == 2
    result = cli("--image", "no-equals-sign", "deploy")
    assert result.code == 2 and "REF=PATH" in result.err


def test_help_documents_the_precedence(capsys: pytest.CaptureFixture[str]) -> None:
    from mpilint.cli import main

    assert main(["check", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "from the command line, then the closest configuration file" in text


BASE_JOB_DOCKERFILE = (
    'FROM registry.example.com/hpc/mpi-base:2024.1\nCMD ["/usr/sbin/sshd", "-De"]\n'
)


def test_base_images_users_reach_the_user_rules(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    """MPL301 on an unknown base can only say "cannot verify"; with the team's base described,
    it knows the image has no 'mpiuser'."""
    (repo / "deploy" / "Dockerfile").write_text(BASE_JOB_DOCKERFILE)
    before = [
        f for f in cli("--format", "json", "deploy").json()["findings"] if f["rule"] == "MPL301"
    ]
    assert all(f["severity"] == "info" for f in before)
    (repo / ".mpilint.yaml").write_text(
        "base-images:\n"
        "  registry.example.com/hpc/mpi-base:\n"
        "    os: debian\n"
        "    users: [{name: user, uid: 1000, home: /home/user, gid: 1000}]\n"
        "    mpi: [{family: OpenMPI, version: '4.1'}]\n"
        "    openssh-server: true\n"
        "    openssh-client: true\n"
    )
    after = [
        f for f in cli("--format", "json", "deploy").json()["findings"] if f["rule"] == "MPL301"
    ]
    assert [f["severity"] for f in after] == ["error"]
    assert "'user'" in after[0]["message"]


def test_base_images_mpi_reaches_the_mpi_rules(cli, repo: Path) -> None:  # type: ignore[no-untyped-def]
    write(
        repo,
        {
            "mpi/Dockerfile": BASE_JOB_DOCKERFILE,
            "mpi/job.yaml": (REPO / "examples" / "good" / "mpijob.yaml")
            .read_text()
            .replace("spec:\n", "spec:\n  mpiImplementation: Intel\n", 1),
        },
    )
    (repo / ".mpilint.yaml").write_text(
        "select: [MPL303]\nbase-images:\n  registry.example.com/hpc/*:\n"
        "    mpi: [{family: OpenMPI}]\n"
    )
    result = cli("--format", "json", "mpi")
    assert rules(result) == ["MPL303"]
    assert rules(cli("--format", "json", "--isolated", "--select", "MPL303", "mpi")) == []
