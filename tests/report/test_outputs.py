"""The CI outputs through the real CLI: SARIF (checked by Microsoft's official validator), GitHub
workflow commands, several formats in one run, --output, --statistics, --quiet, atomic writes.

The validator is the npm package @microsoft/sarif-multitool-linux, which .ci/run installs into
.ci/node. A developer without npm gets those tests skipped; with CI set they fail instead, so CI
cannot pass without actually validating.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mpilint.core import catalog
from mpilint.report.github import escape_data, escape_property
from mpilint.report.outputs import FORMATS
from tests.harness import JOB, REPO, Cli, modules_loaded_by, write

MULTITOOL_IN_REPO = REPO / ".ci/node/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
INSTALL = "npm install --prefix .ci/node --no-save @microsoft/sarif-multitool-linux@5.7.0"


# --- the official validator --------------------------------------------------------------------


def find_multitool() -> str:
    """The validator from .ci/node or PATH; skipped without it, except in CI where it must exist."""
    candidates = [str(MULTITOOL_IN_REPO), shutil.which("Sarif.Multitool")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    reason = (
        "the SARIF validator Sarif.Multitool is not installed (neither in .ci/node nor on PATH);"
        f" install it with `{INSTALL}` (needs npm)"
    )
    if os.environ.get("CI"):
        pytest.fail(reason + "; CI is set, so SARIF validation may not be skipped")
    pytest.skip(reason)


def validate(files: list[Path], workdir: Path) -> None:
    """Run ``Sarif.Multitool validate`` and fail on any error it reports.

    The tool exits 0 whenever the analysis ran, even when it found errors: they are results in
    its own SARIF log (``-o``), at level "error". So the log is read, not the exit code alone.
    """
    tool = find_multitool()
    log = workdir / "validation.sarif"
    done = subprocess.run(
        [tool, "validate", *map(str, files), "-o", str(log)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "DOTNET_CLI_TELEMETRY_OPTOUT": "1"},
    )
    assert done.returncode == 0, f"the validator did not run:\n{done.stdout}\n{done.stderr}"
    results = json.loads(log.read_text("utf-8-sig"))["runs"][0].get("results", [])
    errors = [r for r in results if r.get("level", "warning") == "error"]
    assert not errors, "the SARIF validator reports errors:\n" + done.stdout
    assert f"{len(files)} files scanned" in done.stdout or len(files) == 1, done.stdout


def test_validator_is_found_or_skipped_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new user running the README's `pytest` without npm gets a skip, CI gets a failure."""
    monkeypatch.setattr(sys.modules[__name__], "MULTITOOL_IN_REPO", Path("/nonexistent/tool"))
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"npm install --prefix \.ci/node"):
        find_multitool()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        find_multitool()


def test_sarif_of_the_broken_examples_validates(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "broken.sarif"
    result = cli("--format", f"sarif:{target}", "examples/broken")
    assert result.code == 1 and result.out == ""
    validate([target], tmp_path)


def test_sarif_of_every_bad_rule_example_validates(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rule examples cover fixes, related locations in other files, every severity."""
    monkeypatch.chdir(tmp_path)
    logs: list[Path] = []
    for meta in catalog.all_meta():
        for n, example in enumerate(meta.examples):
            if example.kind != "bad":
                continue
            folder = Path(f"{meta.id}-{n}")
            paths = write(folder, dict(example.files), example.encoding)
            selected = ",".join(sorted({meta.id} | {e.rule for e in example.expect}))
            log = tmp_path / f"{meta.id}-{n}.sarif"
            cli("--format", f"sarif:{log}", "--select", selected, *example.args, *paths)
            logs.append(log)
    results = [r for log in logs for r in json.loads(log.read_text())["runs"][0]["results"]]
    assert any("fixes" in r for r in results), "no example with a fix"
    assert any("relatedLocations" in r for r in results), "no example with related locations"
    assert {r["level"] for r in results} == {"error", "warning", "note"}
    validate(logs, tmp_path)


# --- SARIF structure ---------------------------------------------------------------------------


def _broken_reports(tmp_path: Path, cli: Cli) -> tuple[dict[str, Any], dict[str, Any]]:
    sarif_file, json_file = tmp_path / "r.sarif", tmp_path / "r.json"
    result = cli(
        "--format", f"sarif:{sarif_file}", "--format", f"json:{json_file}", "examples/broken"
    )
    assert result.code == 1
    return json.loads(sarif_file.read_text()), json.loads(json_file.read_text())


def test_sarif_structure_matches_the_json_report(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    sarif, report = _broken_reports(tmp_path, cli)
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["invocations"] == [{"executionSuccessful": True}]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == REPO.as_uri() + "/"
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted({f["rule"] for f in report["findings"]})
    for rule in rules:
        meta = catalog.meta(rule["id"])
        assert rule["name"] == meta.name
        assert rule["shortDescription"]["text"] == meta.summary
        assert rule["fullDescription"]["text"] == meta.rationale
        assert meta.fix in rule["help"]["text"]
        assert rule["helpUri"] == f"{catalog.RULES_DOC_URL}#{meta.id.lower()}"
        assert rule["helpUri"].startswith("https://github.com/")
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert len(run["results"]) == len(report["findings"])
    for result, finding in zip(run["results"], report["findings"], strict=True):
        assert result["ruleId"] == finding["rule"]
        assert rules[result["ruleIndex"]]["id"] == finding["rule"]
        assert result["level"] == levels[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {"uri": finding["file"], "uriBaseId": "%SRCROOT%"}
        assert physical["region"] == {
            "startLine": finding["line"],
            "startColumn": finding["column"],
            "endLine": finding["end_line"],
            "endColumn": finding["end_column"],
        }
        related = result.get("relatedLocations", [])
        assert [r["message"]["text"] for r in related] == [
            r["message"] for r in finding.get("related", [])
        ]
        assert [r["physicalLocation"]["artifactLocation"]["uri"] for r in related] == [
            r["file"] for r in finding.get("related", [])
        ]


def test_sarif_fix_is_the_json_fix(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"job.yaml": JOB.format(count="2")})
    cli("--format", "sarif:r.sarif", "--format", "json:r.json", "job.yaml")
    (finding,) = json.loads((tmp_path / "r.json").read_text())["findings"]
    (result,) = json.loads((tmp_path / "r.sarif").read_text())["runs"][0]["results"]
    (edit,) = finding["fix"]["edits"]
    (fix,) = result["fixes"]
    assert fix["description"]["text"] == finding["fix"]["description"]
    assert (
        fix["properties"]
        == {"applicability": "safe"}
        == {"applicability": finding["fix"]["applicability"]}
    )
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "job.yaml", "uriBaseId": "%SRCROOT%"}
    (replacement,) = change["replacements"]
    assert replacement == {
        "deletedRegion": {
            "startLine": edit["line"],
            "startColumn": edit["column"],
            "endLine": edit["end_line"],
            "endColumn": edit["end_column"],
        },
        "insertedContent": {"text": edit["replacement"]},
    }
    assert edit["replacement"] == '"2"'


def test_sarif_uri_of_a_file_outside_the_working_directory(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    (path,) = write(tmp_path / "deploy dir", {"job.yaml": JOB.format(count='"3"')})
    monkeypatch.chdir(REPO)
    sarif = json.loads(cli("--format", "sarif", path).out)
    (result,) = sarif["runs"][0]["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": Path(path).as_uri()}
    assert "%20" in artifact["uri"]
    monkeypatch.chdir(tmp_path)
    sarif = json.loads(cli("--format", "sarif", str(Path(path).relative_to(tmp_path))).out)
    (result,) = sarif["runs"][0]["results"]
    artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "deploy%20dir/job.yaml", "uriBaseId": "%SRCROOT%"}


def test_sarif_of_a_clean_run_has_no_rules_and_no_results(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = cli("--format", "sarif", "examples/good")
    assert result.code == 0
    (run,) = json.loads(result.out)["runs"]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []


# --- GitHub workflow commands ------------------------------------------------------------------


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def _parse_command(line: str) -> tuple[str, dict[str, str], str]:
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    level, _, props = head.partition(" ")
    properties = dict(p.split("=", 1) for p in props.split(","))
    return level, {k: _unescape(v) for k, v in properties.items()}, _unescape(message)


def test_github_commands_match_the_json_report(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    result = cli("--format", "github", "--format", f"json:{tmp_path / 'r.json'}", "examples/broken")
    assert result.code == 1
    findings = json.loads((tmp_path / "r.json").read_text())["findings"]
    lines = result.out.splitlines()
    assert len(lines) == len(findings)
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    for line, finding in zip(lines, findings, strict=True):
        level, props, message = _parse_command(line)
        assert level == commands[finding["severity"]]
        assert props["file"] == finding["file"]
        assert props["line"] == str(finding["line"])
        assert props["endLine"] == str(finding["end_line"])
        if finding["line"] == finding["end_line"]:
            assert props["col"] == str(finding["column"])
            assert props["endColumn"] == str(finding["end_column"])
        assert props["title"] == f"{finding['rule']} {finding['name']}"
        assert message.splitlines()[0] == finding["message"]
        for related in finding.get("related", []):
            assert f"{related['file']}:{related['line']}:{related['column']}: " in message
    assert {_parse_command(line)[0] for line in lines} == {"error", "warning", "notice"}


def test_github_escapes_file_names_and_messages(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"100%,a:b.yaml": JOB.format(count='"3"')})
    result = cli("--format", "github", "100%,a:b.yaml")
    assert result.code == 1
    (line,) = result.out.splitlines()
    assert line.startswith("::error file=100%25%2Ca%3Ab.yaml,line=17,col=")
    assert ",title=MPL102 process-count-mismatch::" in line
    assert "\r" not in line
    _, props, _ = _parse_command(line)
    assert props["file"] == "100%,a:b.yaml"


def test_github_escaping_rules() -> None:
    assert escape_data("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


# --- several formats, --output, exit codes -----------------------------------------------------


@pytest.mark.parametrize(("folder", "code"), [("examples/broken", 1), ("examples/good", 0)])
def test_several_formats_in_one_run_keep_the_exit_code(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, folder: str, code: int
) -> None:
    monkeypatch.chdir(REPO)
    files = {name: tmp_path / f"r.{name}" for name in ("json", "sarif", "github")}
    args = [arg for name, path in files.items() for arg in ("--format", f"{name}:{path}")]
    result = cli("--format", "text", *args, "--color", "never", folder)
    assert result.code == code
    assert result.out.splitlines()[-1].startswith(("Found", "No problems"))
    assert json.loads(files["json"].read_text())["version"] == 1
    assert json.loads(files["sarif"].read_text())["version"] == "2.1.0"
    assert (files["github"].read_text() == "") == (code == 0)
    single = cli("--format", "json", folder)
    assert json.loads(files["json"].read_text()) == json.loads(single.out)
    assert cli("--fail-on", "never", *args, folder).code == 0


def test_output_writes_the_one_format_to_a_file(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "report.sarif"
    result = cli("--format", "sarif", "--output", str(target), "examples/broken")
    assert (result.code, result.out) == (1, "")
    assert json.loads(target.read_text())["runs"][0]["results"]
    # with several formats, --output takes the one without a path
    result = cli(
        "--format", "github", "--format", f"json:{tmp_path / 'r.json'}",
        "--output", str(tmp_path / "annotations.txt"), "examples/broken",
    )  # fmt: skip
    assert (result.code, result.out) == (1, "")
    assert (tmp_path / "annotations.txt").read_text().startswith("::error ")
    assert (tmp_path / "r.json").is_file()
    # --output alone: the default text report, never coloured in a file
    result = cli("--output", str(tmp_path / "report.txt"), "--color", "always", "examples/broken")
    assert result.code == 1
    text = (tmp_path / "report.txt").read_text()
    assert "MPL102" in text and "\x1b[" not in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "json", "--format", "sarif"], "only one format can go to standard output"),
        (["--format", "xml"], "unknown format 'xml'"),
        (["--format", "json:"], "the file name after ':' is missing"),
        (["--format", "json:{d}/a", "--output", "{d}/b"], "--output names the file"),
        (["--format", "json:{d}/a", "--format", "sarif:{d}/a"], "the same file"),
        (["--format", "json:{d}/missing/a.json"], "no directory"),
        (["--format", "json:{d}"], "it is a directory"),
        (["--format", "json", "--statistics"], "--statistics would add text to the json"),
    ],
)
def test_output_usage_errors_exit_2_before_linting(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(REPO)
    result = cli(*(a.format(d=tmp_path) for a in args), "examples/broken")
    assert result.code == 2 and result.out == ""
    assert message in result.err
    assert not (tmp_path / "missing").exists()


# --- statistics and quiet ----------------------------------------------------------------------


def test_statistics_count_findings_per_rule(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = JOB.format(count='"3"') + "---\n" + JOB.format(count="3").replace("name: pi", "name: q")
    (path,) = write(tmp_path, {"jobs.yaml": text})
    findings = cli("--format", "json", path).json()["findings"]
    assert sorted(f["rule"] for f in findings) == ["MPL101", "MPL102", "MPL102"]
    alone = cli("--statistics", path)
    assert alone.code == 1
    assert alone.out == "2  MPL102  process-count-mismatch\n1  MPL101  non-string-scalar\n"
    after = cli("--statistics", "--format", "text", "--color", "never", path)
    assert after.out.endswith("`--unsafe-fixes`).\n" + alone.out)
    assert after.out.split("\n", 1)[1].startswith(path)  # after the target line
    with_file = cli("--statistics", "--format", f"json:{tmp_path / 'r.json'}", path)
    assert with_file.out == alone.out
    monkeypatch.chdir(REPO)
    clean = cli("--statistics", "examples/good")
    assert (clean.code, clean.out) == (0, "")


def test_quiet_prints_the_summary_or_nothing(tmp_path: Path, cli: Cli) -> None:
    (bad,) = write(tmp_path / "bad", {"job.yaml": JOB.format(count='"3"')})
    (good,) = write(tmp_path / "good", {"job.yaml": JOB.format(count='"2"')})
    failing = cli("--quiet", bad)
    assert failing.code == 1
    assert (
        failing.out
        == "Found 1 problem (1 error, 0 warnings, 0 info) in 1 file, 1 MPIJob checked. No fixes"
        " available (1 hidden fix can be enabled with `--unsafe-fixes`).\n"
    )
    passing = cli("-q", good)
    assert (passing.code, passing.out, passing.err) == (0, "", "")
    # below the failing severity the run passes, so quiet says nothing about it either
    assert cli("-q", "--fail-on", "never", bad).out == ""
    # errors still reach standard error
    missing = cli("-q", str(tmp_path / "nope.yaml"))
    assert missing.code == 2 and missing.out == "" and "nope.yaml" in missing.err
    # quiet shortens the text report only: the formats asked for are complete
    assert cli("-q", "--format", "github", bad).out.startswith("::error ")
    target = tmp_path / "r.txt"
    cli("-q", "--format", f"text:{target}", "--format", "text", bad)
    assert "MPL102" in target.read_text()


@pytest.mark.parametrize("format_", ["full", "concise", "text"])
def test_statistics_and_quiet_with_each_human_format(
    tmp_path: Path, cli: Cli, format_: str
) -> None:
    (bad,) = write(tmp_path / "bad", {"job.yaml": JOB.format(count='"3"')})
    (good,) = write(tmp_path / "good", {"job.yaml": JOB.format(count='"2"')})
    report = cli("--format", format_, "--color", "never", bad).out
    stats = cli("--statistics", bad).out
    assert stats == "1  MPL102  process-count-mismatch\n"
    both = cli("--format", format_, "--color", "never", "--statistics", bad)
    assert (both.code, both.out) == (1, report + stats)
    summary = report.splitlines()[-1]
    assert summary.startswith("Found 1 problem")
    assert cli("--format", format_, "-q", bad).out == summary + "\n"
    assert cli("--format", format_, "-q", good).out == ""
    assert cli("--format", format_, "-q", "--statistics", bad).out == summary + "\n" + stats


def test_concise_is_one_line_a_finding_and_full_is_the_default(tmp_path: Path, cli: Cli) -> None:
    text = JOB.format(count='"3"') + "---\n" + JOB.format(count="3").replace("name: pi", "name: q")
    (path,) = write(tmp_path, {"jobs.yaml": text})
    concise = cli("--format", "concise", path).out.splitlines()
    assert concise[:-1] == [
        f"{path}:17:56: error MPL102 mpirun asks for 3 processes (-n 3) but the job provides 2"
        ' slots (Worker.replicas 2 × slotsPerWorker 1): mpirun refuses to start: "There are'
        ' not enough slots available in the system to satisfy the 3 slots".',
        f"{path}:45:56: error MPL101 [*] Launcher container launcher: command[3] is the number 3;"
        " the API server's schema validation refuses the MPIJob:"
        " `spec.mpiReplicaSpecs.Launcher.template.spec.containers[0].command[3] in body must be"
        ' of type string: "integer"`.',
        f"{path}:45:56: error MPL102 mpirun asks for 3 processes (-n 3) but the job provides 2"
        ' slots (Worker.replicas 2 × slotsPerWorker 1): mpirun refuses to start: "There are'
        ' not enough slots available in the system to satisfy the 3 slots".',
    ]
    full = cli(path).out
    assert full == cli("--format", "full", path).out == cli("--format", "text", path).out
    assert f"{path}:45:56: error MPL101 [*] non-string-scalar\n" in full
    target = tmp_path / "concise.txt"
    cli("--format", f"concise:{target}", "--color", "always", path)
    assert target.read_text().splitlines() == concise  # a file is never coloured


# --- files written whole or not at all ---------------------------------------------------------


def test_a_failed_write_leaves_no_partial_file(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mpilint.report.sarif

    monkeypatch.chdir(REPO)
    target = tmp_path / "report.sarif"
    target.write_text("the previous report\n")
    target.chmod(0o640)

    def crash(report: object, out: Any, color: bool = False) -> None:
        out.write('{"version": "2.1.0", "runs": [')
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(mpilint.report.sarif, "render", crash)
    result = cli("--format", f"sarif:{target}", "--format", "text", "examples/broken")
    assert result.code == 2 and "disk on fire" in result.err
    assert target.read_text() == "the previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]
    monkeypatch.undo()
    monkeypatch.chdir(REPO)
    assert cli("--format", f"sarif:{target}", "examples/broken").code == 1
    assert json.loads(target.read_text())["version"] == "2.1.0"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # replacing keeps the permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif"]


def test_an_unwritable_directory_exits_2_without_a_temporary_file(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write into a read-only directory")
    monkeypatch.chdir(REPO)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        result = cli("--format", f"json:{folder / 'r.json'}", "examples/broken")
    finally:
        folder.chmod(0o700)
    assert result.code == 2 and "cannot write the report" in result.err
    assert list(folder.iterdir()) == []


def test_a_new_report_file_gets_the_umask_mode(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    umask = os.umask(0o022)
    try:
        cli("--format", f"json:{tmp_path / 'r.json'}", "examples/good")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == 0o644


# --- lazy imports ------------------------------------------------------------------------------


def _reporters_loaded_by(*args: str) -> set[str]:
    loaded = modules_loaded_by(*args, keep=lambda name: name.startswith("mpilint.report."))
    names = {m.rsplit(".", 1)[1] for m in loaded}
    return names & set(FORMATS)  # report/ also holds the report itself and the file writer


def test_a_reporter_is_imported_only_when_its_format_is_asked_for(tmp_path: Path) -> None:
    assert _reporters_loaded_by("examples/good") == {"text"}
    assert _reporters_loaded_by("--format", "github", "examples/good") == {"github"}
    sarif = f"sarif:{tmp_path / 'r.sarif'}"
    assert _reporters_loaded_by("--format", sarif, "--format", "json", "examples/good") == {
        "sarif",
        "json",
    }
    assert _reporters_loaded_by("-q", "examples/broken") == {"text"}
    assert _reporters_loaded_by("--format", "concise", "examples/good") == {"text", "concise"}


def test_gitlab_and_junit_are_imported_only_when_asked_for(tmp_path: Path) -> None:
    junit = f"junit:{tmp_path / 'r.xml'}"
    assert _reporters_loaded_by("--format", "gitlab", "--format", junit, "examples/good") == {
        "gitlab",
        "junit",
    }
