"""The one way tests run mpilint and build what it reads.

Tests used to write their own: a ``lint`` that wrote files and ran the CLI, a ``run``/``_hits``
that parsed a manifest and called a rule, a ``_fresh`` that ran a new interpreter. They drifted
(one parsed only the first document, another gave siblings, one asserted the YAML was clean),
and the CLI fixture was untyped, so every test that took it needed a ``type: ignore``. Here each
of those is written once and typed, and each returns a :class:`Result` whose findings are
already parsed.

The mpilint modules a builder needs are imported inside it: conftest imports this module for
every test, and tests that count what a run imports should see the run's imports, not ours.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from mpilint.ruleapi import Hit, Manifest, Pair

REPO = Path(__file__).resolve().parent.parent
# Test data stays in these folders (fuzz/seed.py, the README and ruff's exclude name them).
TESTS = REPO / "tests"

# A complete, well-configured job whose launcher count is a parameter: tests change one thing.
JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
spec:
  launcherCreationPolicy: WaitForWorkersReady
  runPolicy:
    cleanPodPolicy: Running
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: launcher
            command: [mpirun, --allow-run-as-root, -n, {count}, /home/mpiuser/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
            readinessProbe:
              tcpSocket:
                port: 2222
"""

# A job of its own image (ghcr.io/mpilint-demo/mpi/pi:1.0), paired with the Dockerfile beside it:
# the Dockerfile tests change the Dockerfile, never the job.
IMAGE_JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: pi
spec:
  slotsPerWorker: 1
  launcherCreationPolicy: WaitForWorkersReady
  runPolicy:
    cleanPodPolicy: Running
  mpiReplicaSpecs:
    Launcher:
      replicas: 1
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/mpi/pi:1.0
            name: launcher
            command: [mpirun, --allow-run-as-root, -n, "2", /opt/pi]
    Worker:
      replicas: 2
      template:
        spec:
          containers:
          - image: ghcr.io/mpilint-demo/mpi/pi:1.0
            name: worker
            readinessProbe:
              tcpSocket:
                port: 22
"""


# ---------------------------------------------------------------- running the CLI


@dataclass(frozen=True)
class Result:
    """What one run of the CLI gave: its exit code and both streams."""

    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        """The report, for a run with ``--format json``."""
        data: dict[str, Any] = json.loads(self.out)
        return data

    @property
    def findings(self) -> list[dict[str, Any]]:
        """The findings of a ``--format json`` report, in its order."""
        found: list[dict[str, Any]] = self.json()["findings"]
        return found

    def rules(self, ending: str | None = None) -> list[str]:
        """The rule of each finding, in order (only of the files whose path ends with ``ending``
        if given)."""
        return [f["rule"] for f in self.findings if ending is None or f["file"].endswith(ending)]


class Cli(Protocol):
    """The ``cli`` fixture: mpilint's arguments in, what it printed out."""

    def __call__(self, *args: str) -> Result: ...


def run(*args: str) -> Result:
    """Call ``mpilint`` as the console script does, in this process (fast), capturing stderr.

    Only what ``main`` writes is captured: a test that needs a fresh interpreter (the imports a
    run makes, forking, the exit path) uses :func:`run_fresh`.
    """
    from mpilint.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(list(args), stdout=out)
    return Result(code, out.getvalue(), err.getvalue())


def run_fresh(
    *args: str,
    entry: Sequence[str] = ("-m", "mpilint"),
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float | None = None,
    stdin: str | None = None,
) -> Result:
    """Run mpilint in a new interpreter: ``python <entry> <args>``, or ``<entry> <args>`` when
    ``entry`` is one executable (the installed console script)."""
    command = [*entry] if len(entry) == 1 else [sys.executable, *entry]
    done = subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        check=False,
        env=None if env is None else dict(env),
        cwd=cwd,
        timeout=timeout,
        input=stdin,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def modules_loaded_by(*args: str, keep: Callable[[str], bool]) -> list[str]:
    """The modules, among those ``keep`` accepts, that a fresh interpreter has imported after
    running ``main(args)`` from the repository root (sorted)."""
    code = (
        "import sys, io; from mpilint.cli import main;"
        f"main({list(args)!r}, stdout=io.StringIO());"
        "print('\\n'.join(sorted(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    return [name for name in done.stdout.split() if keep(name)]


# ---------------------------------------------------------------- files on disk


def write(folder: Path, files: Mapping[str, str | bytes], encoding: str = "utf-8") -> list[str]:
    """Write ``files`` (relative name → text, or bytes as they are) under ``folder``, making the
    folders on the way; the paths written, in order."""
    paths = []
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
        paths.append(str(path))
    return paths


def check_files(
    folder: Path, files: Mapping[str, str | bytes], *options: str, encoding: str = "utf-8"
) -> Result:
    """Write ``files`` under ``folder`` and check them, with ``--format json`` and ``options``."""
    return run("--format", "json", *options, *write(folder, files, encoding))


# ---------------------------------------------------------------- rules called directly


def manifests_of(text: str, path: str = "job.yaml") -> list[Manifest]:
    """Every MPIJob of ``text`` as the engine hands it to a manifest rule, with the other
    documents of the file as its ``objects``."""
    from mpilint.models.mpijob import read_mpijob
    from mpilint.ruleapi import FileObjects, Manifest
    from mpilint.sources.yamlsource import parse_yaml

    parsed = parse_yaml(text)
    found = []
    objects = FileObjects(tuple(d.root for d in parsed.documents))
    for document in parsed.documents:
        job = read_mpijob(document.root, document.index)
        if job is not None:
            found.append(Manifest(path, text, job, objects))
    return found


def manifest_of(text: str, path: str = "job.yaml", *, clean: bool = False) -> Manifest:
    """The MPIJob that is the first document of ``text`` (with ``clean``, the YAML must give no
    problem at all)."""
    from mpilint.models.mpijob import read_mpijob
    from mpilint.ruleapi import Manifest
    from mpilint.sources.yamlsource import parse_yaml

    parsed = parse_yaml(text)
    assert not (clean and parsed.problems), parsed.problems
    job = read_mpijob(parsed.documents[0].root, 0)
    assert job is not None
    return Manifest(path, text, job)


def pair_of(
    manifest: str, dockerfile: str, path: str = "mpijob.yaml", image_path: str = "Dockerfile"
) -> Pair:
    """The first MPIJob of ``manifest`` paired with the image ``dockerfile`` builds."""
    from mpilint.models.image import load_image
    from mpilint.ruleapi import Pair

    image = load_image(image_path, dockerfile).image
    assert image is not None
    return Pair(manifest_of(manifest, path), image_path, image)


def hits_of(rule: Callable[[Any], Iterable[Hit]], subject: Manifest | Pair) -> list[Hit]:
    """What one rule says about one subject, as a list."""
    return list(rule(subject))
