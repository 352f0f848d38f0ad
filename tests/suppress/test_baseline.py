"""Baselines through the real CLI: record, re-run clean, survive edits elsewhere, let changed
and new findings through, report stale entries, and keep the documented exit codes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.harness import JOB, Cli, write

SECOND = JOB.format(count='"3"').replace("name: pi", "name: q")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose job has two findings (MPL101 and MPL102 on the unquoted 3)."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"deploy/job.yaml": JOB.format(count="3")})
    return tmp_path


def test_write_then_check_exits_0_and_says_what_it_hid(project: Path, cli: Cli) -> None:
    assert cli("deploy").code == 1
    written = cli("--write-baseline", "baseline.json", "deploy")
    assert (written.code, written.out) == (0, "")
    assert "wrote 2 findings to the baseline baseline.json" in written.err
    data = json.loads((project / "baseline.json").read_text())
    assert data["version"] == 1
    assert [(e["rule"], e["file"], e["text"]) for e in data["entries"]] == [
        ("MPL101", "deploy/job.yaml", "3"),
        ("MPL102", "deploy/job.yaml", "3"),
    ]
    checked = cli("--baseline", "baseline.json", "--color", "never", "deploy")
    assert (checked.code, checked.err) == (0, "")
    assert checked.out.splitlines()[-1] == (
        "No problems found (1 file, 1 MPIJob checked). 2 findings hidden by the baseline."
    )
    report = cli("--baseline", "baseline.json", "--format", "json", "deploy").json()
    assert report["findings"] == [] and report["baseline"] == {"matched": 2, "stale": 0}
    assert "baseline" not in cli("--format", "json", "deploy").json()


def test_lines_inserted_above_still_match(project: Path, cli: Cli) -> None:
    cli("--write-baseline", "baseline.json", "deploy")
    write(project, {"deploy/job.yaml": "# owned by team A\n# reviewed\n" + JOB.format(count="3")})
    assert cli("--format", "json", "deploy").findings[0]["line"] == 19  # it did move
    assert cli("--baseline", "baseline.json", "deploy").code == 0


def test_a_changed_offending_text_is_reported_again(project: Path, cli: Cli) -> None:
    cli("--write-baseline", "baseline.json", "deploy")
    write(project, {"deploy/job.yaml": JOB.format(count="4")})
    result = cli("--baseline", "baseline.json", "--format", "json", "deploy")
    assert result.code == 1
    assert result.rules() == ["MPL101", "MPL102"]
    assert result.json()["baseline"] == {"matched": 0, "stale": 2}
    assert "2 baseline entries match no finding any more" in result.err


def test_a_fixed_finding_leaves_a_stale_entry_reported_on_stderr(project: Path, cli: Cli) -> None:
    cli("--write-baseline", "baseline.json", "deploy")
    write(project, {"deploy/job.yaml": JOB.format(count='"3"')})  # MPL101 fixed, MPL102 stays
    result = cli("--baseline", "baseline.json", "--color", "never", "deploy")
    assert result.code == 0  # stale entries are not a failure
    assert result.err == (
        "mpilint: info: 1 baseline entry matches no finding any more (fixed, or their text"
        " changed) in baseline.json; `--write-baseline` rewrites it without them\n"
    )
    assert result.out.splitlines()[-1].endswith(" 1 finding hidden by the baseline, 1 stale entry.")
    quiet = cli("--baseline", "baseline.json", "-q", "deploy")
    assert (quiet.code, quiet.out, quiet.err) == (0, "", "")
    # rewriting drops it
    cli("--write-baseline", "baseline.json", "deploy")
    again = cli("--baseline", "baseline.json", "deploy")
    assert (again.code, again.err) == (0, "")


def test_stale_only_for_files_and_rules_this_run_checked(project: Path, cli: Cli) -> None:
    write(project, {"other/job.yaml": JOB.format(count="3")})
    cli("--write-baseline", "baseline.json", "deploy", "other")
    assert len(json.loads((project / "baseline.json").read_text())["entries"]) == 4
    # other/ not checked now: its entries are not stale
    assert cli("--baseline", "baseline.json", "deploy").err == ""
    # MPL101 did not run: its entry is not stale either
    assert cli("--baseline", "baseline.json", "--select", "MPL102", "deploy").err == ""


def test_copies_of_one_text_count_one_by_one(project: Path, cli: Cli) -> None:
    write(project, {"deploy/job.yaml": JOB.format(count='"3"') + "---\n" + SECOND})
    cli("--write-baseline", "baseline.json", "deploy")
    assert cli("--baseline", "baseline.json", "deploy").code == 0
    third = SECOND.replace("name: q", "name: r")
    write(
        project, {"deploy/job.yaml": JOB.format(count='"3"') + "---\n" + SECOND + "---\n" + third}
    )
    result = cli("--baseline", "baseline.json", "--format", "json", "deploy")
    assert result.code == 1
    (new,) = result.findings
    assert new["rule"] == "MPL102" and new["line"] > 2 * JOB.count("\n")  # the last copy


def test_a_baseline_matches_from_another_working_directory(
    project: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("--write-baseline", "baseline.json", "deploy")
    monkeypatch.chdir(project / "deploy")
    assert cli("--baseline", "../baseline.json", "job.yaml").code == 0
    assert cli("--baseline", str(project / "baseline.json"), str(project / "deploy")).code == 0


def test_the_configuration_names_a_baseline_and_the_option_beats_it(
    project: Path, cli: Cli
) -> None:
    cli("--write-baseline", "baseline.json", "deploy")
    write(project, {".mpilint.yaml": "baseline: baseline.json\n"})
    assert cli("deploy").code == 0
    write(project, {"empty.json": json.dumps({"version": 1, "entries": []})})
    assert cli("--baseline", "empty.json", "deploy").code == 1
    # relative to the configuration file, not the working directory
    os.chdir(project / "deploy")
    assert cli("job.yaml").code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline: missing.json (write one with `mpilint --write-baseline"),
        ("{not json", "cannot read the baseline missing.json"),
        ('{"version": 2, "entries": []}', "missing.json is not an mpilint baseline"),
        ('{"version": 1, "entries": [{"rule": "MPL101"}]}', "entry 1 lacks one of"),
    ],
)
def test_an_unreadable_baseline_is_a_usage_error_before_any_output(
    project: Path, cli: Cli, content: str | None, message: str
) -> None:
    if content is not None:
        (project / "missing.json").write_text(content)
    result = cli("--baseline", "missing.json", "--format", "json", "deploy")
    assert (result.code, result.out) == (2, "")
    assert message in result.err


def test_a_configured_baseline_may_be_missing_while_it_is_written(project: Path, cli: Cli) -> None:
    write(project, {".mpilint.yaml": "baseline: baseline.json\n"})
    assert cli("deploy").code == 2  # named but not there: said, not ignored
    assert cli("--write-baseline", "baseline.json", "deploy").code == 0
    assert cli("deploy").code == 0


def test_write_baseline_exit_codes(project: Path, cli: Cli) -> None:
    # nothing to record is still a baseline (an empty one), exit 0
    write(project, {"clean/job.yaml": JOB.format(count='"2"')})
    assert cli("--write-baseline", "clean.json", "clean").code == 0
    assert json.loads((project / "clean.json").read_text())["entries"] == []
    # a folder that is not there: exit 2, nothing written
    result = cli("--write-baseline", "nowhere/b.json", "deploy")
    assert result.code == 2 and "cannot write the baseline" in result.err
    assert not (project / "nowhere").exists()
    assert cli("--write-baseline", "b.json", "--diff", "deploy").code == 2


def test_rewriting_after_an_edit_elsewhere_changes_nothing(project: Path, cli: Cli) -> None:
    cli("--write-baseline", "baseline.json", "deploy")
    first = (project / "baseline.json").read_text()
    write(project, {"deploy/job.yaml": "# a note\n" + JOB.format(count="3")})
    cli("--write-baseline", "baseline.json", "deploy")
    assert (project / "baseline.json").read_text() == first


def test_pyproject_names_a_baseline_and_mistakes_are_positioned(project: Path, cli: Cli) -> None:
    cli("--write-baseline", "deploy/b.json", "deploy")
    write(project, {"deploy/pyproject.toml": '[tool.mpilint]\nbaseline = "b.json"\n'})
    assert cli("deploy").code == 0
    write(project, {"deploy/pyproject.toml": "[tool.mpilint]\nbaseline = 3\n"})
    result = cli("deploy")
    assert result.code == 2 and "pyproject.toml:2:1: baseline:" in result.err
    (project / "deploy/pyproject.toml").unlink()
    write(project, {".mpilint.yaml": 'baseline: ""\n'})
    result = cli("deploy")
    assert result.code == 2 and ".mpilint.yaml:1:11: baseline:" in result.err


def test_each_folder_uses_the_baseline_of_its_configuration(project: Path, cli: Cli) -> None:
    write(project, {"other/job.yaml": JOB.format(count="3")})
    cli("--write-baseline", "deploy/b.json", "deploy")
    write(project, {"deploy/.mpilint.yaml": "baseline: b.json\n"})
    result = cli("--format", "json", "deploy", "other")
    assert result.code == 1
    assert {f["file"] for f in result.findings} == {"other/job.yaml"}
    assert result.json()["baseline"] == {"matched": 2, "stale": 0}
