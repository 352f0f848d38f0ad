"""Golden files for the human reports, so layout changes are seen in review.

Each case is the report as a user sees it: piped (no wrapping, the pre-commit and CI case), on
a wide and on a narrow terminal (``COLUMNS``, which the command line reads as the terminal's
width), and ``--format concise``. Regenerate them all with
``MPILINT_UPDATE_GOLDEN=1 pytest tests/report/test_text.py`` and read the diff.
"""

from __future__ import annotations

import io
import os

import pytest

from mpilint.cli import main
from tests.harness import REPO, modules_loaded_by, run

GOLDEN = REPO / "tests" / "golden"

# name: (arguments, COLUMNS or None for a pipe)
CASES: dict[str, tuple[list[str], str | None]] = {
    "broken": (["examples/broken"], None),
    "good": (["examples/good"], None),
    "broken-manifest-only": (["examples/broken/mpijob.yaml"], None),
    "broken-wide": (["examples/broken"], "120"),
    "broken-narrow": (["examples/broken"], "60"),
    "broken-concise": (["--format", "concise", "examples/broken"], None),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_text_report_matches_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    args, columns = CASES[name]
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    out = run("--color", "never", *args).out
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("MPILINT_UPDATE_GOLDEN"):
        golden.write_text(out)
    assert out == golden.read_text()


def test_the_narrow_report_fits_its_width(monkeypatch: pytest.MonkeyPatch) -> None:
    """Prose is wrapped; only code frames and locations (never broken) may be wider."""
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "60")
    lines = run("--color", "never", "examples/broken").out.splitlines()
    wide = [line for line in lines if len(line) > 60]
    assert wide and all(_unbreakable(line) for line in wide), wide
    monkeypatch.delenv("COLUMNS")
    piped = run("--color", "never", "examples/broken").out.splitlines()
    assert max(len(line) for line in piped) > 200  # a pipe gets whole paragraphs


def test_concise_is_one_line_per_finding_at_any_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "60")
    narrow = run("--color", "never", "--format", "concise", "examples/broken").out
    assert narrow == (GOLDEN / "broken-concise.txt").read_text()
    findings = run("--format", "json", "examples/broken").findings
    assert len(narrow.splitlines()) == len(findings) + 1  # and the summary


def _unbreakable(line: str) -> bool:
    """A finding's first line, a code frame, a location, or one word too long for the width."""
    return (
        len(line.split()) == 1
        or line.startswith("examples/")
        or " | " in line
        or line.lstrip().startswith(("= examples/", "examples/"))
    )


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
