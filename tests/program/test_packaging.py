"""The wheel carries rules/ and schemas/ inside the package, so an installed mpilint finds them."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.harness import REPO


def test_wheel_contains_rules_and_schemas(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("mpilint-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    rule_files = {f"mpilint/rules/{p.name}" for p in (REPO / "rules").glob("MPL*.yaml")}
    assert rule_files and rule_files <= names
    assert "mpilint/schemas/report.schema.json" in names
    assert "mpilint/rules/__init__.py" in names
    assert "mpilint/py.typed" in names
    assert not any(n.startswith(("tests/", "examples/")) for n in names)
    # each rule's module beside its metadata, found by id from the installed package
    rule_modules = {f"mpilint/rules/{p.name}" for p in (REPO / "rules").glob("MPL*.py")}
    assert rule_modules and rule_modules <= names
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = (
        "import importlib; m = importlib.import_module('mpilint.rules.MPL101');"
        "print(m.__file__, callable(m.check))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked), "PATH": ""},
    )
    where, callable_check = done.stdout.split()
    assert Path(where).is_relative_to(unpacked) and callable_check == "True"


def test_installed_package_reads_rules_through_importlib() -> None:
    from importlib import resources

    import mpilint.rules

    folder = resources.files(mpilint.rules)
    assert folder.joinpath("MPL101.yaml").is_file()
    assert resources.files("mpilint.schemas").joinpath("report.schema.json").is_file()
