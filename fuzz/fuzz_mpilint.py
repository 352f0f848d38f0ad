"""Coverage-guided fuzzing of mpilint's public entry point with atheris (issue 6).

Each input is split by a ``FuzzedDataProvider`` into a mode byte, a manifest and a Dockerfile:

    byte 0        mode: bit 0 writes the Dockerfile (so the cross-file rules run on the pair),
                  bit 1 also renders the text and SARIF reports, bit 2 passes the folder instead
                  of the files (directory expansion and on-disk pairing)
    bytes 1-4     length of the manifest, unsigned little-endian, taken modulo what is left
    then          the manifest bytes, and the rest is the Dockerfile

``fuzz/seed.py`` writes seeds in this format. The two files are written to a scratch folder and
checked as ``mpilint check --isolated --format json`` would check them, but by calling
``config.prepare`` and ``lint.run`` directly: the CLI's last-resort ``except Exception`` would
turn a crash into exit 2 and hide it from the fuzzer. The invariants asserted on every input:

* no exception escapes reading, checking or reporting;
* no rule crashed (an MPL006 "internal error" finding is a bug even though the engine contains
  it), unless ``FUZZ_ALLOW_MPL006=1``;
* the JSON report is produced, parses, and has every finding's (and related location's) line
  and column ≥ 1 and its end at or after its start;
* one run finishes within ``FUZZ_RUN_SECONDS`` (default 10) seconds.

Run it with ``bash fuzz/run.sh SECONDS``; any argument libFuzzer knows can follow.
"""

from __future__ import annotations

import atexit
import importlib
import io
import json
import os
import pkgutil
import shutil
import sys
import tempfile
import time
from typing import Any

import atheris


def _import_everything() -> None:
    """mpilint imports most modules lazily (inside functions, to start fast), and atheris
    instruments only what is imported inside ``instrument_imports``: import them all here."""
    import mpilint

    for module in pkgutil.walk_packages(mpilint.__path__, "mpilint."):
        if module.name not in ("mpilint.__main__",):
            importlib.import_module(module.name)


with atheris.instrument_imports():
    _import_everything()
    from mpilint.config.options import CheckOptions
    from mpilint.config.project import prepare
    from mpilint.report import concise as concise_reporter
    from mpilint.report import json as json_reporter
    from mpilint.report import sarif as sarif_reporter
    from mpilint.report import text as text_reporter
    from mpilint.run import lint

RUN_SECONDS = float(os.environ.get("FUZZ_RUN_SECONDS", "10"))
ALLOW_INTERNAL_ERRORS = os.environ.get("FUZZ_ALLOW_MPL006") == "1"

DOCKERFILE, EXTRA_REPORTS, AS_FOLDER = 1, 2, 4
_SCRATCH = tempfile.mkdtemp(prefix="mpilint-fuzz-")
atexit.register(shutil.rmtree, _SCRATCH, True)
MANIFEST_PATH = os.path.join(_SCRATCH, "mpijob.yaml")
DOCKERFILE_PATH = os.path.join(_SCRATCH, "Dockerfile")


def split(data: bytes) -> tuple[int, bytes, bytes]:
    """The input → (mode, manifest, Dockerfile); the inverse of ``seed.encode``."""
    provider = atheris.FuzzedDataProvider(data)
    mode = provider.ConsumeInt(1) & 0xFF if provider.remaining_bytes() else 0
    length = provider.ConsumeUInt(4) if provider.remaining_bytes() >= 4 else 0
    manifest = provider.ConsumeBytes(length % (provider.remaining_bytes() + 1))
    dockerfile = provider.ConsumeBytes(provider.remaining_bytes())
    return mode, manifest, dockerfile


def _write(mode: int, manifest: bytes, dockerfile: bytes) -> list[str]:
    with open(MANIFEST_PATH, "wb") as out:
        out.write(manifest)
    paths = [MANIFEST_PATH]
    if mode & DOCKERFILE:
        with open(DOCKERFILE_PATH, "wb") as out:
            out.write(dockerfile)
        paths.append(DOCKERFILE_PATH)
    elif os.path.exists(DOCKERFILE_PATH):
        os.remove(DOCKERFILE_PATH)
    return [_SCRATCH] if mode & AS_FOLDER else paths


def check(data: bytes) -> dict[str, Any]:
    """Check one input as the CLI would and return the parsed JSON report, asserting the
    invariants; raises on any violation (which the fuzzer reports as a crash)."""
    mode, manifest, dockerfile = split(data)
    paths = _write(mode, manifest, dockerfile)
    options = CheckOptions(paths=tuple(paths), formats=("json",), isolated=True)
    started = time.monotonic()
    project, files = prepare(options)
    report = lint.run(files, project=project)
    out = io.StringIO()
    json_reporter.render(report, out)
    if mode & EXTRA_REPORTS:
        text_reporter.render(report, io.StringIO(), color=True, width=40)
        concise_reporter.render(report, io.StringIO())
        sarif_reporter.render(report, io.StringIO())
    elapsed = time.monotonic() - started
    if elapsed > RUN_SECONDS:
        raise AssertionError(f"one run took {elapsed:.1f}s (limit {RUN_SECONDS}s)")
    parsed: dict[str, Any] = json.loads(out.getvalue())
    for found in parsed["findings"]:
        _check_span(found)
        for related in found.get("related", ()):
            _check_span(related)
        if found["rule"] == "MPL006" and not ALLOW_INTERNAL_ERRORS:
            raise AssertionError(f"a rule crashed: {found['message']}")
    return parsed


def _check_span(where: dict[str, Any]) -> None:
    start = (where["line"], where["column"])
    end = (where["end_line"], where["end_column"])
    if min(start) < 1 or min(end) < 1 or end < start:
        raise AssertionError(f"bad span {start}-{end} in {where}")


def test_one_input(data: bytes) -> None:
    check(data)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
