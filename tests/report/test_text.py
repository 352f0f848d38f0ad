"""Golden files for the human report, so layout changes are seen in review.

Regenerate with ``MPILINT_UPDATE_GOLDEN=1 pytest tests/report/test_text.py`` and read the diff.
"""

from __future__ import annotations

import io
import os

import pytest

from mpilint.cli import main
from tests.harness import REPO, modules_loaded_by, run

GOLDEN = REPO / "tests" / "golden"

CASES = {
    "broken": ["examples/broken"],
    "good": ["examples/good"],
    "broken-manifest-only": ["examples/broken/mpijob.yaml"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_text_report_matches_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    out = run("--color", "never", *CASES[name]).out
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("MPILINT_UPDATE_GOLDEN"):
        golden.write_text(out)
    assert out == golden.read_text()


HEAVY = (
    "mpilint.models.image.dockerfile",
    "mpilint.models.image.files",
    "mpilint.models.image.software",
    "dockerfile",
    "rich",
    "jsonschema",
)


def heavy_loaded_by(*args: str) -> list[str]:
    """Which of the costly modules a fresh interpreter imports to run mpilint with ``args``."""
    return modules_loaded_by(*args, keep=HEAVY.__contains__)


def test_plain_text_does_not_import_rich() -> None:
    """The pre-commit path (not a terminal) must not pay for rich's import."""
    assert "rich" not in heavy_loaded_by("examples/broken")
    assert "rich" in heavy_loaded_by("--color", "always", "examples/broken")


def test_color_output_uses_ansi_styles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    out = run("--color", "always", "examples/broken/mpijob.yaml").out
    assert "\x1b[" in out
    assert "MPL101" in out


def test_no_color_env_turns_color_off_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.chdir(REPO)
    out = Terminal()
    main(["examples/broken/mpijob.yaml"], stdout=out)
    assert "\x1b[" in out.getvalue()
    monkeypatch.setenv("NO_COLOR", "1")
    out = Terminal()
    main(["examples/broken/mpijob.yaml"], stdout=out)
    assert "\x1b[" not in out.getvalue()


def test_a_manifest_only_run_does_not_load_the_dockerfile_model() -> None:
    """Without a Dockerfile given or beside the manifest on disk (mpilint/pairing/images.py)."""
    silent = sorted(
        str(p.relative_to(REPO)) for p in (REPO / "tests/realistic/silent").glob("*.yaml")
    )
    assert heavy_loaded_by("--format", "json", silent[0]) == []
    loaded = heavy_loaded_by("--format", "json", "examples/good")
    assert "mpilint.models.image.dockerfile" in loaded
    assert "dockerfile" not in loaded  # the Go binding is only the tests' oracle (issue 19)
