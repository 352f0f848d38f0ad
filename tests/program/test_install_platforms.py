"""``pip install mpilint`` (and ``mpilint[server]``) needs no compiler on any platform of issue 19.

mpilint's own wheel is built from this tree (so the dependencies are pyproject's, as published),
and pip's resolver installs it, dry, with ``--only-binary=:all: --platform … --python-version …``
for each platform and each Python from 3.10 to 3.14: a dependency with no wheel there, which a
user would have to build (the ``dockerfile`` binding needed Go), makes pip fail, and the test
with it. The server's libraries (pygls, lsprotocol) are resolved too, whether or not the
``server`` extra exists yet.

pip evaluates environment markers against the interpreter that runs it, not the target
(``colorama; platform_system == "Windows"`` would be left out of a Windows install resolved on
Linux): each case therefore follows the ``Requires-Dist`` of what pip chose with the target's
markers, asks pip again with whatever was missing, and checks the target's own closure.

Needs PyPI (marked ``network``: ``pytest -m "not network"`` offline); CI runs it. The 35 cases
resolve in parallel, about 40 runs of pip: one to three minutes on two busy cores.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.harness import REPO

pytestmark = pytest.mark.network

PYTHONS = ("3.10", "3.11", "3.12", "3.13", "3.14")
SERVER = ("pygls", "lsprotocol")  # the editor server's libraries (mpilint[server])

_LINUX = {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}
_MACOS = {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"}
_WINDOWS = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}

# The wheel tags each platform accepts, and the markers it evaluates. Linux with glibc from 2.17
# (manylinux2014: CentOS 7, Amazon Linux 2 and everything newer); Alpine from 3.13 (musl 1.2).
# pip widens a macOS tag to the older macOS versions itself, not manylinux or musllinux ones.
PLATFORMS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "macos13-arm64": (("macosx_13_0_arm64",), {**_MACOS, "platform_machine": "arm64"}),
    "macos13-x86_64": (("macosx_13_0_x86_64",), {**_MACOS, "platform_machine": "x86_64"}),
    "manylinux-x86_64": (
        (
            *("manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_12_x86_64"),
            *("manylinux2010_x86_64", "manylinux_2_5_x86_64", "manylinux1_x86_64"),
        ),
        {**_LINUX, "platform_machine": "x86_64"},
    ),
    "manylinux-aarch64": (
        ("manylinux_2_17_aarch64", "manylinux2014_aarch64"),
        {**_LINUX, "platform_machine": "aarch64"},
    ),
    "musllinux-x86_64": (
        ("musllinux_1_2_x86_64", "musllinux_1_1_x86_64"),
        {**_LINUX, "platform_machine": "x86_64"},
    ),
    "musllinux-aarch64": (
        ("musllinux_1_2_aarch64", "musllinux_1_1_aarch64"),
        {**_LINUX, "platform_machine": "aarch64"},
    ),
    "windows-amd64": (("win_amd64",), {**_WINDOWS, "platform_machine": "AMD64"}),
}
CASES = [(p, v) for p in PLATFORMS for v in PYTHONS]


@dataclass
class Resolution:
    """What a user of that platform and Python would install, or pip's error."""

    wheels: dict[str, str] = field(default_factory=dict)  # name -> file pip would install
    error: str = ""


def _markers(platform: str, python: str) -> dict[str, str]:
    return {
        **PLATFORMS[platform][1],
        "python_version": python,
        "python_full_version": f"{python}.0",
        "implementation_name": "cpython",
        "implementation_version": f"{python}.0",
        "platform_python_implementation": "CPython",
        "platform_release": "",
        "platform_version": "",
    }


def _pip(requirements: list[str], platform: str, python: str, target: Path) -> dict[str, Any]:
    tags = [arg for tag in PLATFORMS[platform][0] for arg in ("--platform", tag)]
    done = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "install", "--isolated", "--disable-pip-version-check"),
            *("--quiet", "--dry-run", "--ignore-installed", "--report", "-"),
            *("--target", str(target), "--only-binary=:all:", *tags, "--python-version", python),
            *requirements,
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")]
        raise LookupError("\n".join(errors[-3:]) or done.stderr[-2000:])
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def _closure(
    report: dict[str, Any], roots: list[Requirement], markers: dict[str, str]
) -> tuple[dict[str, str], set[str]]:
    """The wheels the target itself needs, following Requires-Dist with its markers, and the
    requirements pip left out (their markers were false where pip ran)."""
    chosen = {canonicalize_name(i["metadata"]["name"]): i for i in report["install"]}
    wheels: dict[str, str] = {}
    missing: set[str] = set()
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(canonicalize_name(r.name), frozenset(r.extras)) for r in roots]
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        item = chosen[name]
        wheels[name] = item["download_info"]["url"].rsplit("/", 1)[-1]
        for text in item["metadata"].get("requires_dist") or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is not None and not any(
                marker.evaluate({**markers, "extra": extra}) for extra in ("", *extras)
            ):
                continue
            wanted = canonicalize_name(requirement.name)
            if wanted not in chosen:
                requirement.marker = None
                missing.add(str(requirement))
            else:
                todo.append((wanted, frozenset(requirement.extras)))
    return wheels, missing


def resolve(wheel: Path, platform: str, python: str, scratch: Path) -> Resolution:
    markers = _markers(platform, python)
    server = "[server]" if _has_extra(wheel, "server") else ""
    roots = [Requirement(f"mpilint{server}"), *(Requirement(name) for name in SERVER)]
    asked = [f"mpilint{server} @ {wheel.as_uri()}", *SERVER]
    target = scratch / f"{platform}-{python}"
    for _ in range(5):  # each round adds what the target's markers asked and pip left out
        try:
            report = _pip(asked, platform, python, target)
        except LookupError as error:
            return Resolution(error=str(error))
        wheels, missing = _closure(report, roots, markers)
        if not missing:
            return Resolution(wheels)
        asked += sorted(missing)
    return Resolution(error=f"requirements still missing after five rounds: {sorted(missing)}")


def _has_extra(wheel: Path, extra: str) -> bool:
    import zipfile

    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode()
    return f"Provides-Extra: {extra}\n" in metadata


def _build_wheel(out: Path) -> Path:
    """mpilint's wheel, built from a copy of what it packages (the build writes beside it)."""
    source = out / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    for folder in ("mpilint", "rules", "schemas"):
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(REPO / folder, source / folder, ignore=ignore)
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    (wheel,) = out.glob("mpilint-*.whl")
    return wheel


@pytest.fixture(scope="module")
def resolutions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Resolution]]:
    scratch = tmp_path_factory.mktemp("platforms")
    wheel = _build_wheel(scratch)
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = {f"{p}-{v}": pool.submit(resolve, wheel, p, v, scratch) for p, v in CASES}
        yield {case: future.result() for case, future in futures.items()}


@pytest.mark.parametrize(("platform", "python"), CASES, ids=[f"{p}-{v}" for p, v in CASES])
def test_installs_from_wheels_only(
    resolutions: dict[str, Resolution], platform: str, python: str
) -> None:
    found = resolutions[f"{platform}-{python}"]
    assert not found.error, f"pip install mpilint on {platform}, Python {python}:\n{found.error}"
    assert all(file.endswith(".whl") for file in found.wheels.values()), found.wheels
    assert {"mpilint", "pyyaml", "pygls", "lsprotocol"} <= set(found.wheels)
    assert "dockerfile" not in found.wheels


def test_the_target_s_markers_decide(resolutions: dict[str, Resolution]) -> None:
    """The resolutions are the target's, not this interpreter's: on Python 3.10 mpilint needs
    tomli and cattrs needs exceptiongroup (markers ``python_version < "3.11"``), on 3.11 not."""
    for platform in PLATFORMS:
        older = resolutions[f"{platform}-3.10"].wheels
        newer = resolutions[f"{platform}-3.11"].wheels
        assert {"tomli", "exceptiongroup"} <= set(older), (platform, sorted(older))
        assert not {"tomli", "exceptiongroup"} & set(newer), (platform, sorted(newer))
