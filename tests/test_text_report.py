"""Golden files for the human report, so layout changes are seen in review.

Regenerate with ``MPILINT_UPDATE_GOLDEN=1 pytest tests/test_text_report.py`` and read the diff.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from mpilint.cli import main
from tests.conftest import REPO

GOLDEN = Path(__file__).parent / "golden"

CASES = {
    "broken": ["examples/broken"],
    "good": ["examples/good"],
    "broken-manifest-only": ["examples/broken/mpijob.yaml"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_text_report_matches_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    out = io.StringIO()
    main(["--color", "never", *CASES[name]], stdout=out)
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("MPILINT_UPDATE_GOLDEN"):
        golden.write_text(out.getvalue())
    assert out.getvalue() == golden.read_text()


HEAVY = (
    "mpilint.models.image.dockerfile",
    "mpilint.models.image.files",
    "mpilint.models.image.software",
    "dockerfile",
    "rich",
    "jsonschema",
)


def modules_loaded_by(*args: str) -> list[str]:
    """Which of the costly modules a fresh interpreter imports to run mpilint with ``args``."""
    import subprocess
    import sys

    code = (
        "import sys, io; from mpilint.cli import main;"
        f"main({list(args)!r}, stdout=io.StringIO());"
        f"print(','.join(sorted(m for m in sys.modules if m in {HEAVY!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    return [m for m in done.stdout.strip().split(",") if m]


def test_plain_text_does_not_import_rich() -> None:
    """The pre-commit path (not a terminal) must not pay for rich's import."""
    assert "rich" not in modules_loaded_by("examples/broken")
    assert "rich" in modules_loaded_by("--color", "always", "examples/broken")


def test_color_output_uses_ansi_styles(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    out = io.StringIO()
    main(["--color", "always", "examples/broken/mpijob.yaml"], stdout=out)
    assert "\x1b[" in out.getvalue()
    assert "MPL101" in out.getvalue()


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
    """Without a Dockerfile given or beside the manifest on disk (pairing.py)."""
    silent = sorted(
        str(p.relative_to(REPO)) for p in (REPO / "tests/realistic/silent").glob("*.yaml")
    )
    assert modules_loaded_by("--format", "json", silent[0]) == []
    assert "dockerfile" in modules_loaded_by("--format", "json", "examples/good")
