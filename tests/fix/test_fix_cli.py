"""``--fix``, ``--diff`` and ``--unsafe-fixes`` through the real CLI: what is written, what is
kept byte for byte, and what happens to a file that cannot be written."""

from __future__ import annotations

import os
import re
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest

from tests.harness import REPO, run_fresh

JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi   # the job
spec:
  slotsPerWorker: 1
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: launcher
            command: [mpirun, '-n', 2, /home/mpiuser/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
"""
FIXED = JOB.replace("'-n', 2,", "'-n', \"2\",")


def _cleaned(text: str) -> str:
    """The job with cleanPodPolicy set, so MPL111's unsafe fix does not join the count's."""
    return text.replace(
        "  slotsPerWorker: 1\n", "  slotsPerWorker: 1\n  runPolicy: {cleanPodPolicy: Running}\n"
    )


def _write(path: Path, text: str, newline: str = "\n", bom: bool = False) -> bytes:
    data = (b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", newline).encode()
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("final_newline", [True, False])
def test_fix_quotes_the_count_and_keeps_every_other_byte(
    tmp_path: Path, cli: Any, newline: str, bom: bool, final_newline: bool
) -> None:
    job = tmp_path / "job.yaml"
    text = JOB if final_newline else JOB.rstrip("\n")
    before = _write(job, text, newline, bom)
    os.chmod(job, 0o640)
    result = cli("--fix", "--select", "MPL101", "--color", "never", str(job))
    expected = (b"\xef\xbb\xbf" if bom else b"") + (
        FIXED if final_newline else FIXED.rstrip("\n")
    ).replace("\n", newline).encode()
    assert job.read_bytes() == expected, result
    assert job.read_bytes() != before
    assert stat.S_IMODE(job.stat().st_mode) == 0o640
    assert result.code == 0, result
    assert "Fixed 1 problem, none left" in result.out
    again = cli("--fix", "--select", "MPL101", str(job))
    assert job.read_bytes() == expected and again.code == 0
    assert "Fixed" not in again.out
    assert cli("--diff", str(job)).code == 0


def test_diff_shows_the_fix_and_writes_nothing(tmp_path: Path, cli: Any) -> None:
    job = tmp_path / "job.yaml"
    before = _write(job, JOB)
    result = cli("--diff", str(job))
    assert job.read_bytes() == before
    assert result.code == 1
    assert result.out == (
        f"--- {job}\n+++ {job}\n@@ -12,7 +12,7 @@\n"
        "           containers:\n"
        "           - image: mpioperator/mpi-pi:openmpi\n"
        "             name: launcher\n"
        "-            command: [mpirun, '-n', 2, /home/mpiuser/pi]\n"
        "+            command: [mpirun, '-n', \"2\", /home/mpiuser/pi]\n"
        "     Worker:\n"
        "       replicas: 2\n"
        "       template:\n"
    )
    assert "would fix 1 problem" in result.err


def test_the_report_without_fix_marks_what_fix_repairs(tmp_path: Path, cli: Any) -> None:
    job = tmp_path / "job.yaml"
    _write(job, _cleaned(JOB))
    out = cli("--color", "never", str(job)).out
    header = rf"^{re.escape(str(job))}:\d+:\d+: error MPL101 \[\*\] non-string-scalar$"
    assert re.search(header, out, re.M)
    assert out.rstrip().endswith("[*] 1 fixable with `mpilint --fix`.")
    data = cli("--format", "json", str(job)).findings
    assert [f["fix"]["applicability"] for f in data if "fix" in f] == ["safe"]


def test_fix_of_standard_input_prints_the_fixed_text(tmp_path: Path) -> None:
    result = run_fresh(
        "--fix",
        "--select",
        "MPL101",
        "--color",
        "never",
        "--stdin-filename",
        str(tmp_path / "job.yaml"),
        "-",
        stdin=JOB,
        cwd=tmp_path,
    )
    assert result.out == FIXED
    assert "Fixed 1 problem, none left" in result.err
    assert not (tmp_path / "job.yaml").exists()
    clean = run_fresh("--fix", "--select", "MPL101", "-", stdin=FIXED, cwd=tmp_path)
    assert (clean.out, clean.code) == (FIXED, 0), clean.err


def test_a_file_that_cannot_be_written_is_said_and_the_others_are_fixed(
    tmp_path: Path, cli: Any
) -> None:
    readonly = tmp_path / "a" / "job.yaml"
    closed = tmp_path / "b" / "job.yaml"
    fine = tmp_path / "c" / "job.yaml"
    for path in (readonly, closed, fine):
        path.parent.mkdir()
        _write(path, JOB)
    os.chmod(readonly, 0o444)
    os.chmod(closed.parent, 0o555)
    try:
        result = cli("--fix", "--format", "json", str(readonly), str(closed), str(fine))
    finally:
        os.chmod(closed.parent, 0o755)
    assert result.code == 2
    assert f"mpilint: error: cannot fix {readonly}: it is read-only; not fixed\n" in result.err
    assert (
        f"mpilint: error: cannot fix {closed}: its folder {closed.parent} is not writable;"
        " not fixed\n" in result.err
    )
    assert readonly.read_text() == JOB and closed.read_text() == JOB
    assert fine.read_text() == FIXED
    assert os.listdir(closed.parent) == ["job.yaml"]  # no temporary file left
    # The report is of what is on disk: the two files still have their finding.
    left = sorted(f["file"] for f in result.findings if f["rule"] == "MPL101")
    assert left == sorted([str(readonly), str(closed)])


def test_a_file_changed_during_the_run_is_left_alone(
    tmp_path: Path, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mpilint.cli.fixing as fixing

    job = tmp_path / "job.yaml"
    other = tmp_path / "other.yaml"
    _write(job, JOB)
    _write(other, JOB)
    real = fixing.fix_run

    def meanwhile(*args: Any, **kwargs: Any) -> Any:
        fixed = real(*args, **kwargs)
        job.write_text(JOB + "# saved by an editor\n")
        return fixed

    monkeypatch.setattr(fixing, "fix_run", meanwhile)
    result = cli("--fix", str(job), str(other))
    assert result.code == 2
    assert (
        f"mpilint: error: cannot fix {job}: it changed on disk during the run; not fixed,"
        " run again\n" in result.err
    )
    assert job.read_text() == JOB + "# saved by an editor\n"
    assert other.read_text() == FIXED


def test_a_symbolic_link_is_followed_and_said(tmp_path: Path, cli: Any) -> None:
    target = tmp_path / "shared" / "job.yaml"
    target.parent.mkdir()
    _write(target, JOB)
    link = tmp_path / "job.yaml"
    link.symlink_to(target)
    result = cli("--fix", str(link))
    assert link.is_symlink() and target.read_text() == FIXED
    assert f"mpilint: fixed {target}, which the symbolic link {link} points to" in result.err


def test_fix_on_a_copy_of_examples_broken_leaves_what_needs_a_person(
    tmp_path: Path, cli: Any
) -> None:
    copy = tmp_path / "broken"
    shutil.copytree(REPO / "examples" / "broken", copy)
    before = cli("--format", "json", str(copy)).findings
    result = cli("--fix", "--format", "json", str(copy))
    after = result.findings
    assert "- 4\n" not in (copy / "mpijob.yaml").read_text()
    assert '- "4"\n' in (copy / "mpijob.yaml").read_text()
    fixed = [f for f in before if f.get("fix", {}).get("applicability") == "safe"]
    assert [f["rule"] for f in fixed] == ["MPL101"]
    left = [(f["rule"], f["message"]) for f in before if f not in fixed]
    assert [(f["rule"], f["message"]) for f in after] == left
    assert result.code == 1


def test_rules_and_explain_say_which_rules_fix(cli: Any) -> None:
    import json

    from mpilint.core import catalog

    lines = cli("rules").out.splitlines()
    assert any(line.startswith("MPL101  non-string-scalar") and "  [*]  " in line for line in lines)
    assert not any(line.startswith("MPL103") and "[*]" in line for line in lines)
    data = {r["id"]: r["fix"] for r in json.loads(cli("rules", "--format", "json").out)}
    assert data["MPL101"] == "safe" and data["MPL103"] == "none"
    assert {m.fix_safety for m in catalog.all_meta()} <= {"safe", "unsafe", "mixed", "none"}
    for m in catalog.all_meta():
        assert set(m.fix_safeties) <= {"safe", "unsafe"}, m.id
    assert data["MPL109"] == "mixed" and catalog.meta("MPL109").fix_safeties == ("safe", "unsafe")
    assert any(line.startswith("MPL109") and "  [*]  " in line for line in lines)
    assert "Automatic fix: safe where the job keeps" in cli("explain", "MPL109").out
    assert "Automatic fix: safe, `mpilint --fix` applies it" in cli("explain", "MPL106").out
    assert "Automatic fix: none" in cli("explain", "MPL103").out
    assert "After `mpilint --fix`, `mpijob.yaml`:" in (REPO / "docs" / "rules.md").read_text()


def test_unsafe_fixes_are_shown_and_applied_only_when_asked(tmp_path: Path, cli: Any) -> None:
    job = tmp_path / "job.yaml"
    over = _cleaned(JOB.replace("'-n', 2,", "'-n', \"4\","))
    _write(job, over)
    report = cli("--color", "never", str(job)).out
    assert "    = fix (unsafe: --unsafe-fixes): write 2, the slots the job provides" in report
    assert "MPL102 [*]" not in report
    assert "No fixes available (1 hidden fix can be enabled with `--unsafe-fixes`)." in report
    assert cli("--diff", str(job)).code == 0
    fixed = cli("--fix", "--format", "json", str(job))
    assert job.read_text() == over
    (finding,) = [f for f in fixed.findings if f["rule"] == "MPL102"]
    assert finding["fix"]["applicability"] == "unsafe"
    marked = cli("--color", "never", "--unsafe-fixes", str(job)).out
    assert "MPL102 [*]" in marked and "1 fixable with `mpilint --fix --unsafe-fixes`" in marked
    done = cli("--fix", "--unsafe-fixes", "--format", "json", str(job))
    assert job.read_text() == _cleaned(FIXED)
    assert "MPL102" not in [f["rule"] for f in done.findings]


NULLS = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
spec:
  runPolicy: {cleanPodPolicy: Running}
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: launcher
            command: [mpirun, -n, "2", /home/mpiuser/pi, null, ~]
            args:
            - NULL
            -
            env:
            - name: EXTRA
              value: ~
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
"""


def test_fix_quotes_null_items_as_written_and_leaves_null_env_values(
    tmp_path: Path, cli: Any
) -> None:
    """A null command/args item, refused by the API server, is quoted as written; an empty item
    has no text to keep, and a null env value (the variable is set empty today) keeps its text."""
    job = tmp_path / "job.yaml"
    job.write_text(NULLS)
    result = cli("--fix", "--select", "MPL101", "--format", "json", str(job))
    assert job.read_text() == NULLS.replace(
        "/home/mpiuser/pi, null, ~]", '/home/mpiuser/pi, "null", "~"]'
    ).replace("- NULL\n", '- "NULL"\n'), result
    left = [(f["line"], f["severity"], "fix" in f) for f in result.json()["findings"]]
    assert left == [(18, "error", False), (21, "info", False)]
