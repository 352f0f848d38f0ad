"""The GitHub Action (action.yml) runs as its steps say: the commands of each `run:` step are
run here in bash, with the `${{ }}` expressions replaced as the runner would (inputs from the
test or their defaults, `github.action_path` = this repository, `runner.temp` = a temporary
folder, the Python that `actions/setup-python` would give = this interpreter).

The install step creates a virtualenv and installs mpilint from the action's folder with its
dependencies, about 30 s: it runs once, in the test marked slow. The other tests skip only that
step and put this environment's `mpilint` where it would have installed one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.harness import JOB, REPO, write

ACTION = yaml.safe_load((REPO / "action.yml").read_text())
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def _expressions(inputs: dict[str, str], temp: Path) -> dict[str, str]:
    values = {f"inputs.{name}": spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    values.update({f"inputs.{name}": value for name, value in inputs.items()})
    values["github.action_path"] = str(REPO)
    values["runner.temp"] = str(temp)
    values["steps.python.outputs.python-path"] = sys.executable
    return values


def _substitute(text: str, values: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        assert name in values, f"action.yml uses ${{{{ {name} }}}}, which the test cannot give"
        return values[name]

    return EXPRESSION.sub(one, text)


def run_step(
    name: str, inputs: dict[str, str], temp: Path, cwd: Path
) -> subprocess.CompletedProcess[str]:
    """Run the step called ``name`` as the runner would: its env, then its script in bash."""
    (step,) = [s for s in STEPS if s.get("name") == name]
    assert step["shell"] == "bash"
    values = _expressions(inputs, temp)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MPILINT")}
    env.update({k: _substitute(str(v), values) for k, v in step.get("env", {}).items()})
    env["GITHUB_OUTPUT"] = str(temp / "github_output")
    script = _substitute(step["run"], values)
    return subprocess.run(
        ["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def _link_mpilint(temp: Path) -> None:
    """Stand in for the install step: this environment's mpilint where it would be."""
    installed = shutil.which("mpilint", path=os.path.dirname(sys.executable))
    assert installed is not None
    target = temp / "mpilint-venv" / "bin"
    target.mkdir(parents=True)
    (target / "mpilint").symlink_to(installed)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A user's repository: one broken job in deploy/, one good one in ok/."""
    write(tmp_path / "repo", {"deploy/job.yaml": JOB.format(count='"3"')})
    write(tmp_path / "repo", {"ok/job.yaml": JOB.format(count='"2"')})
    (tmp_path / "temp").mkdir()
    return tmp_path / "repo"


def test_the_action_is_composite_and_sets_up_python_first() -> None:
    assert ACTION["runs"]["using"] == "composite"
    assert STEPS[0]["uses"].startswith("actions/setup-python@")
    assert STEPS[0]["with"]["update-environment"] is False  # the job's own Python is left alone
    assert set(ACTION["inputs"]) == {"paths", "args", "sarif-file", "version", "python-version"}
    runs = [s for s in STEPS if "run" in s]
    assert [s["name"] for s in runs] == ["Install mpilint", "Run mpilint"]
    for step in runs:  # inputs reach scripts through env only (no injection into the script)
        assert "${{" not in step["run"]


def test_findings_fail_the_step_as_annotations(repo: Path) -> None:
    temp = repo.parent / "temp"
    _link_mpilint(temp)
    done = run_step("Run mpilint", {"paths": "deploy ok"}, temp, repo)
    assert done.returncode == 1, done.stderr
    (line,) = done.stdout.splitlines()
    assert line.startswith("::error file=deploy/job.yaml,line=17,")
    assert "title=MPL102 process-count-mismatch::" in line


def test_a_clean_tree_passes_and_writes_valid_sarif(repo: Path) -> None:
    temp = repo.parent / "temp"
    _link_mpilint(temp)
    done = run_step("Run mpilint", {"paths": "ok", "sarif-file": "mpilint.sarif"}, temp, repo)
    assert (done.returncode, done.stdout) == (0, ""), done.stderr
    sarif = json.loads((repo / "mpilint.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"] == []
    assert (temp / "github_output").read_text() == "sarif-file=mpilint.sarif\n"


def test_sarif_is_written_when_the_step_fails_and_validates(repo: Path) -> None:
    from tests.report.test_outputs import validate

    temp = repo.parent / "temp"
    _link_mpilint(temp)
    inputs = {"paths": "deploy", "sarif-file": "out/mpilint.sarif"}
    (repo / "out").mkdir()
    done = run_step("Run mpilint", inputs, temp, repo)
    assert done.returncode == 1  # upload-sarif runs after it with `if: always()`
    sarif = json.loads((repo / "out/mpilint.sarif").read_text())
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "MPL102"
    validate([repo / "out/mpilint.sarif"], repo.parent / "temp")


def test_args_reach_mpilint_and_usage_errors_exit_2(repo: Path) -> None:
    temp = repo.parent / "temp"
    _link_mpilint(temp)
    passed = run_step("Run mpilint", {"paths": "deploy", "args": "--fail-on never"}, temp, repo)
    assert passed.returncode == 0 and passed.stdout.startswith("::error ")
    missing = run_step("Run mpilint", {"paths": "nowhere"}, temp, repo)
    assert missing.returncode == 2 and "nowhere" in missing.stderr
    default = run_step("Run mpilint", {}, temp, repo)  # paths defaults to "."
    assert default.returncode == 1 and "deploy/job.yaml,line=17," in default.stdout


@pytest.mark.slow
def test_install_then_run_from_the_action_folder(repo: Path) -> None:
    """The install step as written: a virtualenv in runner.temp, mpilint from the action's own
    folder (so the tag a workflow names is the code that runs), then the run step with it."""
    temp = repo.parent / "temp"
    installed = run_step("Install mpilint", {}, temp, repo)
    assert installed.returncode == 0, installed.stderr
    assert installed.stdout.strip().endswith("mpilint " + _version())
    assert (temp / "mpilint-venv/bin/mpilint").is_file()
    done = run_step("Run mpilint", {"paths": "deploy", "sarif-file": "m.sarif"}, temp, repo)
    assert done.returncode == 1 and done.stdout.startswith("::error file=deploy/job.yaml,")
    assert json.loads((repo / "m.sarif").read_text())["runs"][0]["results"]


def _version() -> str:
    from mpilint import __version__

    return __version__


def test_the_readme_workflow_uses_the_action_and_its_inputs() -> None:
    """The README's workflow names this action and only inputs it has."""
    text = (REPO / "README.md").read_text()
    block = text.split("<!-- action:workflow -->", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    workflow = yaml.safe_load(block)
    (job,) = workflow["jobs"].values()
    uses = [s for s in job["steps"] if s.get("uses", "").startswith("mpilint/mpilint@")]
    assert len(uses) == 1
    assert set(uses[0].get("with", {})) <= set(ACTION["inputs"])
