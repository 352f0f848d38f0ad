"""GitLab Code Quality and JUnit XML through the real CLI, validated against the schemas their
consumers publish (tests/report/schemas/SOURCES.md), as SARIF is by Microsoft's validator; and
the fingerprint they share with SARIF and baselines, which must not move with the line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import jsonschema
import pytest
import xmlschema

from mpilint.core import catalog
from mpilint.report.junit import _clean
from tests.harness import JOB, REPO, Cli, write

SCHEMAS = Path(__file__).parent / "schemas"
GITLAB_SCHEMA = json.loads((SCHEMAS / "gitlab-codeclimate.json").read_text())
JUNIT_SCHEMA = xmlschema.XMLSchema10(str(SCHEMAS / "junit-10.xsd"))
# GitLab's documentation (Code Quality, "Implement a custom tool") on the values themselves.
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def check_gitlab(issues: Any) -> None:
    assert isinstance(issues, list)
    for issue in issues:
        jsonschema.validate(issue, GITLAB_SCHEMA, cls=jsonschema.Draft7Validator)
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["check_name"] and issue["description"]
        location = issue["location"]
        assert not Path(location["path"]).is_absolute() and "\\" not in location["path"]
        assert isinstance(location["lines"]["begin"], int) and location["lines"]["begin"] >= 1
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints), "GitLab merges equal fingerprints"


def check_junit(path: Path) -> ElementTree.Element:
    JUNIT_SCHEMA.validate(str(path))  # raises with the offending element
    return ElementTree.parse(path).getroot()


def _bad_examples(tmp_path: Path, cli: Cli, fmt: str) -> list[Path]:
    """Every bad rule example (fixes, related places in other files, every severity)."""
    reports = []
    for meta in catalog.all_meta():
        for n, example in enumerate(meta.examples):
            if example.kind != "bad":
                continue
            folder = Path(f"{meta.id}-{n}")
            paths = write(folder, dict(example.files), example.encoding)
            selected = ",".join(sorted({meta.id} | {e.rule for e in example.expect}))
            target = tmp_path / f"{meta.id}-{n}.{fmt}"
            cli("--format", f"{fmt}:{target}", "--select", selected, *example.args, *paths)
            reports.append(target)
    return reports


# --- GitLab Code Quality -----------------------------------------------------------------------


def test_gitlab_of_the_broken_examples_validates_and_matches_the_json_report(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(REPO)
    result = cli("--format", "gitlab", "--format", f"json:{tmp_path / 'r.json'}", "examples/broken")
    assert result.code == 1
    issues = json.loads(result.out)
    check_gitlab(issues)
    findings = json.loads((tmp_path / "r.json").read_text())["findings"]
    assert len(issues) == len(findings)
    severities = {"error": "critical", "warning": "major", "info": "info"}
    for issue, finding in zip(issues, findings, strict=True):
        assert issue["check_name"] == finding["rule"]
        assert issue["severity"] == severities[finding["severity"]]
        assert finding["message"] in issue["description"]
        assert issue["location"]["path"] == finding["file"]
        assert issue["location"]["lines"] == {"begin": finding["line"], "end": finding["end_line"]}


def test_gitlab_of_every_bad_rule_example_validates(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    issues = []
    for report in _bad_examples(tmp_path, cli, "gitlab"):
        found = json.loads(report.read_text())
        check_gitlab(found)
        issues.extend(found)
    assert {i["severity"] for i in issues} == {"critical", "major", "info"}


def test_gitlab_of_a_clean_run_is_an_empty_array(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = cli("--format", "gitlab", "examples/good")
    assert (result.code, json.loads(result.out)) == (0, [])


# --- the fingerprint ---------------------------------------------------------------------------


def _prints(cli: Cli, path: str) -> tuple[list[tuple[str, int, str]], list[str]]:
    """(rule, line, fingerprint) of each GitLab issue, and SARIF's partialFingerprints."""
    issues = json.loads(cli("--format", "gitlab", path).out)
    sarif = json.loads(cli("--format", "sarif", path).out)
    partial = [
        r["partialFingerprints"]["mpilintFingerprint/v1"] for r in sarif["runs"][0]["results"]
    ]
    found = [(i["check_name"], i["location"]["lines"]["begin"], i["fingerprint"]) for i in issues]
    return found, partial


def test_fingerprints_survive_line_moves_and_follow_the_offending_text(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path, {"job.yaml": JOB.format(count="3")})
    before, partial = _prints(cli, "job.yaml")
    assert [(rule, line) for rule, line, _ in before] == [("MPL101", 17), ("MPL102", 17)]
    assert partial == [fp for _, _, fp in before]  # SARIF and GitLab carry the same
    assert _prints(cli, "job.yaml") == (before, partial)  # the same run gives the same
    # lines added above: new line numbers, the same fingerprints
    write(tmp_path, {"job.yaml": "# deployed by the CI\n\n" + JOB.format(count="3")})
    moved, _ = _prints(cli, "job.yaml")
    assert [line for _, line, _ in moved] == [19, 19]
    assert [fp for _, _, fp in moved] == [fp for _, _, fp in before]
    # re-indenting the offending text keeps it; changing it is another finding
    write(tmp_path, {"job.yaml": JOB.format(count="3").replace(", 3,", ",   3,")})
    assert [fp for _, _, fp in _prints(cli, "job.yaml")[0]] == [fp for _, _, fp in before]
    write(tmp_path, {"job.yaml": JOB.format(count="4")})
    changed, _ = _prints(cli, "job.yaml")
    assert not {fp for _, _, fp in changed} & {fp for _, _, fp in before}
    # another file with the same text: another fingerprint (GitLab keys issues by it alone)
    write(tmp_path, {"other.yaml": JOB.format(count="3")})
    assert not {fp for _, _, fp in _prints(cli, "other.yaml")[0]} & {fp for _, _, fp in before}


def test_the_same_text_twice_in_a_file_gets_two_fingerprints(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    second = JOB.format(count='"3"').replace("name: pi", "name: q")
    write(tmp_path, {"jobs.yaml": JOB.format(count='"3"') + "---\n" + second})
    found, _ = _prints(cli, "jobs.yaml")
    assert [rule for rule, _, _ in found] == ["MPL102", "MPL102"]
    assert found[0][2] != found[1][2]
    # the first copy keeps its fingerprint when the second goes
    write(tmp_path, {"jobs.yaml": JOB.format(count='"3"')})
    assert _prints(cli, "jobs.yaml")[0] == [found[0]]


# --- JUnit XML ---------------------------------------------------------------------------------


def test_junit_of_the_broken_examples_validates_with_a_suite_per_file(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "r.xml"
    json_file = tmp_path / "r.json"
    result = cli("--format", f"junit:{target}", "--format", f"json:{json_file}", "examples/broken")
    assert (result.code, result.out) == (1, "")
    root = check_junit(target)
    report = json.loads(json_file.read_text())
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == report["files"]
    failing = [f for f in report["findings"] if f["severity"] in ("error", "warning")]
    assert root.get("failures") == str(len(failing))
    assert root.get("tests") == str(sum(int(s.get("tests", "0")) for s in suites))
    cases = [c for s in suites for c in s.findall("testcase") if c.get("name") != "mpilint"]
    assert len(cases) == len(report["findings"])
    for case, finding in zip(cases, report["findings"], strict=True):
        assert case.get("classname") == finding["file"]
        assert case.get("name", "").startswith(f"{finding['rule']} {finding['name']}: ")
        failure = case.find("failure")
        if finding["severity"] == "info":
            assert failure is None
            out = case.find("system-out")
            assert out is not None and finding["message"] in (out.text or "")
        else:
            assert failure is not None and failure.get("type") == finding["severity"]
            assert failure.get("message") == finding["message"]
            where = f"{finding['file']}:{finding['line']}:{finding['column']}: "
            assert (failure.text or "").startswith(where)
    clean = [
        s for s in suites if s.get("failures") == "0" and s.get("name", "").endswith("Dockerfile")
    ]
    assert clean and [c.get("name") for c in clean[0]] == ["mpilint"]


def test_junit_of_every_bad_rule_example_validates(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    types = set()
    for report in _bad_examples(tmp_path, cli, "junit"):
        root = check_junit(report)
        types |= {f.get("type") for f in root.iter("failure")}
    assert types == {"error", "warning"}


def test_junit_of_a_clean_run_passes(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    target = tmp_path / "r.xml"
    assert cli("--format", f"junit:{target}", "examples/good").code == 0
    root = check_junit(target)
    assert root.get("failures") == "0" and int(root.get("tests", "0")) >= 2
    assert not list(root.iter("failure"))


def test_junit_names_do_not_move_with_the_line_and_copies_are_numbered(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    second = JOB.format(count='"3"').replace("name: pi", "name: q")
    write(tmp_path, {"jobs.yaml": JOB.format(count='"3"') + "---\n" + second})
    names = [
        c.get("name")
        for c in ElementTree.fromstring(cli("--format", "junit", "jobs.yaml").out).iter("testcase")
    ]
    assert names == ["MPL102 process-count-mismatch: 3", "MPL102 process-count-mismatch: 3 #2"]
    write(tmp_path, {"jobs.yaml": "# moved\n" + JOB.format(count='"3"') + "---\n" + second})
    moved = [
        c.get("name")
        for c in ElementTree.fromstring(cli("--format", "junit", "jobs.yaml").out).iter("testcase")
    ]
    assert moved == names


def test_junit_replaces_what_xml_cannot_carry() -> None:
    assert _clean("a\x0cb\x00c\td\n\ud800é\U0001f600") == "a\ufffdb\ufffdc\td\n\ufffdé\U0001f600"
    # a report with such a character in a file name still parses
    from xml.etree.ElementTree import Element, tostring

    element = Element("testcase", name=_clean("job\x1b.yaml"))
    assert (
        ElementTree.fromstring(tostring(element, encoding="unicode")).get("name")
        == "job\ufffd.yaml"
    )


# --- golden files (regenerate with MPILINT_UPDATE_GOLDEN=1 and read the diff) -------------------


@pytest.mark.parametrize(
    ("fmt", "name"), [("gitlab", "broken.gitlab.json"), ("junit", "broken.junit.xml")]
)
def test_ci_reports_match_golden(
    fmt: str, name: str, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    monkeypatch.chdir(REPO)
    out = cli("--format", fmt, "examples/broken").out
    golden = REPO / "tests" / "golden" / name
    if os.environ.get("MPILINT_UPDATE_GOLDEN"):
        golden.write_text(out)
    assert out == golden.read_text()
