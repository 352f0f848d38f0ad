"""The configuration file through the real CLI: discovery, validation with positions, every
key, and the precedence command line > closest configuration > defaults."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.harness import JOB, REPO, Cli, Result, run, run_fresh, write

BROKEN = REPO / "examples" / "broken"


def rules(result: Result) -> list[str]:
    return sorted(set(result.rules()))


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with examples/broken's job (MPL101-104, MPL110, MPL301) in deploy/."""
    (tmp_path / "deploy").mkdir()
    shutil.copy(BROKEN / "mpijob.yaml", tmp_path / "deploy" / "mpijob.yaml")
    shutil.copy(BROKEN / "Dockerfile", tmp_path / "deploy" / "Dockerfile")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ALL = ["MPL101", "MPL102", "MPL103", "MPL104", "MPL110", "MPL301"]


def test_no_configuration_reports_everything(cli: Cli, repo: Path) -> None:
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
def test_select_and_ignore_from_either_file(cli: Cli, repo: Path, name: str, text: str) -> None:
    (repo / name).write_text(text)
    assert rules(cli("--format", "json", "deploy")) == ["MPL101", "MPL102", "MPL103", "MPL104"]
    assert rules(cli("--format", "json", "deploy/mpijob.yaml")) == [
        "MPL101",
        "MPL102",
        "MPL103",
        "MPL104",
    ]


def test_pyproject_without_the_table_is_not_a_configuration(cli: Cli, repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert rules(cli("--format", "json", "deploy")) == ALL


def test_extend_select_and_prefixes(cli: Cli, repo: Path) -> None:
    (repo / ".mpilint.yaml").write_text(
        "select: [MPL10]\nextend-select: [MPL3]\nignore: [MPL104]\n"
    )
    assert rules(cli("--format", "json", "deploy")) == ["MPL101", "MPL102", "MPL103", "MPL301"]
    # --extend-select and --ignore add to the configuration's
    result = cli("--format", "json", "--extend-select", "MPL110", "--ignore", "MPL103", "deploy")
    assert rules(result) == ["MPL101", "MPL102", "MPL110", "MPL301"]


def test_command_line_select_starts_over(cli: Cli, repo: Path) -> None:
    (repo / ".mpilint.yaml").write_text("ignore: [MPL104, MPL301]\n")
    assert rules(cli("--format", "json", "--select", "MPL104", "deploy")) == ["MPL104"]


def test_closest_configuration_wins(cli: Cli, repo: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.mpilint]\nselect = ["MPL101"]\n')
    (repo / "deploy" / ".mpilint.yaml").write_text("select: [MPL102]\n")
    assert rules(cli("--format", "json", "deploy")) == ["MPL102"]
    assert rules(cli("--format", "json", "--config", "pyproject.toml", "deploy")) == ["MPL101"]
    assert rules(cli("--format", "json", "--isolated", "deploy")) == ALL


def test_per_file_ignores(cli: Cli, repo: Path) -> None:
    (repo / ".mpilint.yaml").write_text(
        "per-file-ignores:\n  'deploy/*.yaml': [MPL1]\n  Dockerfile: [ALL]\n"
    )
    assert rules(cli("--format", "json", "deploy")) == ["MPL301"]


def test_severity_overrides_and_fail_on(cli: Cli, repo: Path) -> None:
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


def test_exclude_and_gitignore(cli: Cli, repo: Path) -> None:
    write(repo, {"rendered/job.yaml": (BROKEN / "mpijob.yaml").read_text()})
    write(repo, {"build/job.yaml": (BROKEN / "mpijob.yaml").read_text()})
    (repo / ".gitignore").write_text("# generated\nbuild/\n")
    result = cli("--format", "json", ".")
    files = {f["file"].removeprefix("./") for f in result.json()["findings"]}
    assert "build/job.yaml" not in files and "rendered/job.yaml" in files
    (repo / ".mpilint.yaml").write_text("exclude: [rendered]\n")
    result = cli("--format", "json", ".")
    assert not any("rendered" in f["file"] for f in result.json()["findings"])
    # a named file is checked whatever exclude says (as in ruff) ...
    result = cli("--format", "json", "rendered/job.yaml")
    assert result.code == 1 and {f["file"] for f in result.json()["findings"]} == {
        "rendered/job.yaml"
    }
    # ... and excluded with --force-exclude (pre-commit names files one by one)
    result = cli("--format", "json", "--force-exclude", "rendered/job.yaml")
    assert result.code == 0 and result.json()["findings"] == []
    assert "nothing was checked" in result.err
    # a named folder is walked, gitignored or excluded; --force-exclude skips it as before
    (repo / ".git").mkdir()  # .gitignore files above a named folder count inside a repository
    for folder in ("rendered", "build"):
        assert cli("--format", "json", folder).json()["files"] == [f"{folder}/job.yaml"]
        assert cli("--format", "json", "--force-exclude", folder).json()["files"] == []


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
def test_mistakes_are_usage_errors_with_positions(
    cli: Cli, repo: Path, name: str, text: str, where: str, says: str
) -> None:
    (repo / name).write_text(text)
    result = cli("deploy")
    assert result.code == 2
    assert f"{name}{where}" in result.err and says in result.err, result.err
    assert result.out == ""


def test_missing_config_file_and_bad_image_option(cli: Cli, repo: Path) -> None:
    assert cli("--config", "nope.yaml", "deploy").code == 2
    result = cli("--image", "no-equals-sign", "deploy")
    assert result.code == 2 and "REF=PATH" in result.err


def test_help_documents_the_precedence(capsys: pytest.CaptureFixture[str]) -> None:
    from mpilint.cli import main

    assert main(["check", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "from the command line, then the closest configuration file" in text


BASE_JOB_DOCKERFILE = (
    'FROM ghcr.io/mpilint-demo/hpc/mpi-base:2024.1\nCMD ["/usr/sbin/sshd", "-De"]\n'
)


def test_base_images_users_reach_the_user_rules(cli: Cli, repo: Path) -> None:
    """MPL301 on an unknown base can only say "cannot verify"; with the team's base described,
    it knows the image has no 'mpiuser'."""
    (repo / "deploy" / "Dockerfile").write_text(BASE_JOB_DOCKERFILE)
    before = [
        f for f in cli("--format", "json", "deploy").json()["findings"] if f["rule"] == "MPL301"
    ]
    assert all(f["severity"] == "info" for f in before)
    (repo / ".mpilint.yaml").write_text(
        "base-images:\n"
        "  ghcr.io/mpilint-demo/hpc/mpi-base:\n"
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


def test_base_images_mpi_reaches_the_mpi_rules(cli: Cli, repo: Path) -> None:
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
        "select: [MPL303]\nbase-images:\n  ghcr.io/mpilint-demo/hpc/*:\n"
        "    mpi: [{family: OpenMPI}]\n"
    )
    result = cli("--format", "json", "mpi")
    assert rules(result) == ["MPL303"]
    assert rules(cli("--format", "json", "--isolated", "--select", "MPL303", "mpi")) == []


# -- base-images: the OpenSSH files of a team's base ---------------------------------------

SSH_JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
spec:
  slotsPerWorker: 1
  launcherCreationPolicy: WaitForWorkersReady
  runPolicy:
    cleanPodPolicy: Running
    ttlSecondsAfterFinished: 60
  sshAuthMountPath: /home/mpiuser/.ssh
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/hpc/pi:1.0
            name: launcher
            command: [mpirun]
            args: ["-n", "2", "/home/mpiuser/pi"]
            securityContext:
              runAsUser: 1000
            resources:
              limits: {cpu: 500m, memory: 500Mi}
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/hpc/pi:1.0
            name: worker
            command: [/usr/sbin/sshd]
            args: [SSHD_ARGS]
            readinessProbe:
              tcpSocket:
                port: 2222
            securityContext:
              runAsUser: 1000
            resources:
              limits: {cpu: "1", memory: 1Gi}
"""
SSH_DOCKERFILE = (
    "FROM ghcr.io/mpilint-demo/hpc/mpi-base:3\n"
    "RUN apt-get update && apt-get install -y --no-install-recommends python3 \\\n"
    "    && rm -rf /var/lib/apt/lists/*\n"
)
SSH_BASE = (
    "base-images:\n"
    "  ghcr.io/mpilint-demo/hpc/mpi-base:\n"
    "    os: debian\n"
    "    users: [{name: mpiuser, uid: 1000, home: /home/mpiuser, gid: 1000}]\n"
    "    mpi: [{family: OpenMPI, version: '4.1'}]\n"
    "    openssh-server: true\n"
    "    openssh-client: true\n"
    "    user: mpiuser\n"
)
SSH_SETTINGS = (
    "    ssh-config: {StrictHostKeyChecking: CHECKING, UserKnownHostsFile: /dev/null, Port: 2222}\n"
    "    sshd-config: {Port: 2222, StrictModes: no, PidFile: /tmp/sshd.pid,\n"
    "                  HostKey: ~/.ssh/id_rsa}\n"
)
SSH_RULES = {"MPL115", "MPL201", "MPL202", "MPL203", "MPL302"}


@pytest.fixture
def ssh_repo(repo: Path) -> Path:
    """deploy/: a job whose worker runs sshd -De on a team base the Dockerfile leaves alone."""
    (repo / "deploy" / "mpijob.yaml").write_text(SSH_JOB.replace("SSHD_ARGS", "-De"))
    (repo / "deploy" / "Dockerfile").write_text(SSH_DOCKERFILE)
    return repo


def ssh_findings(cli: Cli) -> list[tuple[str, str]]:
    result = cli("--format", "json", "deploy")
    assert result.code in (0, 1), result.err
    return sorted(
        (f["rule"], f["severity"]) for f in result.json()["findings"] if f["rule"] in SSH_RULES
    )


def test_base_images_ssh_settings_reach_the_ssh_rules(cli: Cli, ssh_repo: Path) -> None:
    """The declared base reads as mpioperator/base does: its settings silence MPL201/MPL203
    and MPL115 (the probe checks the declared port); a declared ``ask`` is reported."""
    assert ssh_findings(cli) == []  # unknown base: nothing can be decided
    config = ssh_repo / ".mpilint.yaml"
    config.write_text(SSH_BASE + SSH_SETTINGS.replace("CHECKING", '"no"'))
    result = cli("--format", "json", "deploy")
    assert result.code == 0 and result.json()["findings"] == [], result.out
    config.write_text(SSH_BASE + SSH_SETTINGS.replace("CHECKING", "ask"))
    findings = cli("--format", "json", "deploy").json()["findings"]
    assert [(f["rule"], f["file"], f["line"]) for f in findings] == [
        ("MPL201", "deploy/Dockerfile", 1)
    ]
    assert "StrictHostKeyChecking ask" in findings[0]["message"]


def test_base_images_ssh_settings_in_pyproject(cli: Cli, ssh_repo: Path) -> None:
    (ssh_repo / "pyproject.toml").write_text(
        '[tool.mpilint.base-images."ghcr.io/mpilint-demo/hpc/mpi-base"]\n'
        'users = [{name = "mpiuser", uid = 1000, home = "/home/mpiuser"}]\n'
        'user = "mpiuser"\n'
        'ssh-config = {StrictHostKeyChecking = "ask", UserKnownHostsFile = "/dev/null",'
        " Port = 2222}\n"
        'sshd-config = {Port = 2222, StrictModes = false, PidFile = "/tmp/sshd.pid"}\n'
    )
    assert ssh_findings(cli) == [("MPL201", "error")]


@pytest.mark.parametrize(
    ("sshd", "found"),
    [
        # no Port: sshd stays on 22, the probe (2222) never succeeds, the client misses it
        ("{StrictModes: no, PidFile: /tmp/sshd.pid}", [("MPL115", "error"), ("MPL202", "error")]),
        ("{Port: 2222, PidFile: /tmp/sshd.pid}", [("MPL203", "error")]),  # StrictModes stays yes
        ("{Port: [2222, 3333], StrictModes: 'no', PidFile: /tmp/sshd.pid}", []),
    ],
)
def test_base_images_sshd_settings_are_read(
    cli: Cli, ssh_repo: Path, sshd: str, found: list[tuple[str, str]]
) -> None:
    (ssh_repo / ".mpilint.yaml").write_text(
        SSH_BASE + "    ssh-config: {StrictHostKeyChecking: 'no', UserKnownHostsFile: /dev/null,"
        " Port: 2222}\n"
        f"    sshd-config: {sshd}\n"
    )
    assert ssh_findings(cli) == found


def test_base_images_settings_replay_the_dockerfile_edits(cli: Cli, ssh_repo: Path) -> None:
    """Declared settings stand where the package's commented defaults were, so the usual sed
    recipes on top of the base replay as on the real file."""
    (ssh_repo / ".mpilint.yaml").write_text(SSH_BASE + SSH_SETTINGS.replace("CHECKING", "ask"))
    (ssh_repo / "deploy" / "Dockerfile").write_text(
        SSH_DOCKERFILE + "RUN sed -i 's/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g'"
        " /etc/ssh/ssh_config\n"
    )
    assert ssh_findings(cli) == []


def test_base_images_whole_files_and_host_keys(cli: Cli, ssh_repo: Path) -> None:
    """mpioperator/base's layout, declared: a private ~/.sshd_config given whole, and the
    package's root-only host keys (which a non-root sshd cannot read)."""
    (ssh_repo / "deploy" / "mpijob.yaml").write_text(
        SSH_JOB.replace("SSHD_ARGS", "-De, -f, /home/mpiuser/.sshd_config")
    )
    client = (
        "    ssh-config: {StrictHostKeyChecking: 'no', UserKnownHostsFile: /dev/null, Port: 2222}\n"
    )
    private = "/home/mpiuser/.sshd_config"
    config = ssh_repo / ".mpilint.yaml"
    config.write_text(
        SSH_BASE + client + "    host-keys: root-only\n    files:\n"
        f"      {private}: |\n"
        "        PidFile /home/mpiuser/sshd.pid\n"
        "        HostKey /home/mpiuser/.ssh/id_rsa\n"
        "        StrictModes no\n"
        "        Port 2222\n"
    )
    assert ssh_findings(cli) == []
    config.write_text(
        SSH_BASE + client + f"    host-keys: root-only\n    files:\n      {private}: |\n"
        "        StrictModes no\n        Port 2222\n        PidFile /tmp/sshd.pid\n"
    )
    assert ssh_findings(cli) == [("MPL302", "error")]  # no HostKey: /etc/ssh's, root-only
    config.write_text(
        SSH_BASE + client + f"    files:\n      {private}: |\n"
        "        StrictModes no\n        Port 2222\n        PidFile /tmp/sshd.pid\n"
    )
    assert ssh_findings(cli) == []  # host keys not declared: unknown, so silent


@pytest.mark.parametrize(
    ("entry", "where", "says"),
    [
        ("    ssh_config: {Port: 22}\n", ":3:5:", "did you mean 'ssh-config'"),
        ("    host-keys: maybe\n", ":3:16:", "must be one of root-only, readable, none"),
        ("    sshd-config: {Match: User x}\n", ":3:19:", "not an OpenSSH setting keyword"),
        ("    sshd-config: {Port: {a: 1}}\n", ":3:25:", "sshd-config.Port"),
        ("    files: {etc/ssh/sshd_config: x}\n", ":3:13:", "not an absolute path"),
        (
            "    sshd-config: {Port: 22}\n    files: {/etc/ssh/sshd_config: x}\n",
            ":3:5:",
            "keep one",
        ),
    ],
)
def test_base_images_ssh_mistakes_are_usage_errors(
    cli: Cli, repo: Path, entry: str, where: str, says: str
) -> None:
    (repo / ".mpilint.yaml").write_text("base-images:\n  x/y:\n" + entry)
    result = cli("deploy")
    assert result.code == 2 and f".mpilint.yaml{where}" in result.err and says in result.err, (
        result.err
    )


def test_the_configuration_file_is_not_linted_as_a_manifest(tmp_path: Path) -> None:
    """It is read as configuration; listing it among the checked manifests (a directory walk,
    or pre-commit naming it because it changed) told users it was linted as a job."""
    from mpilint.config import project as config
    from mpilint.inputs import files as inputs

    assert {n for n in config.NAMES if n.endswith((".yaml", ".yml"))} == set(
        inputs.CONFIGURATION_NAMES
    )
    (tmp_path / ".mpilint.yaml").write_text("ignore: [MPL104]\n")
    (tmp_path / "job.yaml").write_text(JOB.format(count='"2"'))
    for args in ([str(tmp_path)], [str(tmp_path / ".mpilint.yaml"), str(tmp_path / "job.yaml")]):
        assert run("--format", "json", *args).json()["files"] == [str(tmp_path / "job.yaml")]


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_config_option_names_what_is_wrong_with_the_path(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "conf"
    if kind == "folder":
        target.mkdir()
    done = run_fresh("--config", str(target), str(REPO / "examples"))
    assert done.code == 2
    expected = "is a folder" if kind == "folder" else "no such configuration file"
    assert expected in done.err and "Traceback" not in done.err
