"""mpilint's benchmark: one command prints the table of issue 7 and a profile.

For each corpus size (1, 100, 1,000 and 10,000 jobs, each a manifest and a Dockerfile, made by
``gen_corpus.py`` and kept between runs) it times, as whole processes:

- the parse floor (``floor.py``: C-loader compose of the manifests plus BuildKit's parse of the
  Dockerfiles, in one process), the yardstick of every ratio;
- ``mpilint --format json`` over the corpus, with the default number of processes and with
  ``--jobs 1``, each paired against the floor;
- at size 1, the pre-commit case: ``mpilint MANIFEST DOCKERFILE`` with the text report, paired
  against ``python -c "import yaml"``;
- the peers that are installed (yamllint, check-jsonschema, checkov, hadolint), each paired
  against the floor of the one kind of file it reads; at size 1 also the pre-commit case paired
  against yamllint on the manifest alone and hadolint on the Dockerfile alone;
- with ``--before MPILINT``, another install of mpilint (the code before a change), paired
  against this one on the same command lines in the same run, so a change is judged by a ratio
  measured side by side rather than against a table from another day.

One shape is timed apart, at two sizes ten times apart (``--one-file``, 1,200 and 12,000 jobs):
one manifest holding many MPIJob documents, each beside a Service and a ConfigMap of its own
(``one_file``), paired against the floor of that file. Rules that look at the other objects of a
file once made it quadratic (issue 14: 2,000 jobs took 62× the time of 200); the two rows' ratio
says whether the cost grows with the work.

Then it prints where the time of a serial run over 1,000 jobs goes (cProfile, by module and by
function). Usage: ``python bench/run.py [--sizes 1,100,1000,10000] [--runs 5]``.

Shapes whose cost could grow with the square of the work are timed at a size and at ten times
it (``--shape-size``; the ratio is the large run's time over the small one's: about 10 when the
cost is linear, 100 when quadratic):

- one folder: many manifests in one folder with no Dockerfile, each looked up beside itself
  on disk by pairing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import itertools

import gen_corpus
import timing

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
DOCKERFILE_NAMES = ("Dockerfile", "Containerfile")


@dataclass(frozen=True)
class Row:
    files: int  # manifests + Dockerfiles
    command: str
    series: timing.Series
    ratio: float | None  # paired, against the yardstick named in ``against``
    against: str = "floor"


def corpus(root: Path, size: int, seed: int) -> Path:
    out = root / f"c{size}"
    code = gen_corpus.main(
        [str(out), "--manifests", str(size), "--dockerfiles", str(size), "--seed", str(seed)]
    )
    if code != 0:
        raise SystemExit(f"gen_corpus failed for size {size}")
    return out / "jobs"


ONE_FILE_JOB = """\
apiVersion: kubeflow.org/v2beta1
kind: MPIJob
metadata:
  name: sim-{i}
spec:
  slotsPerWorker: 2
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
            command: [mpirun, -n, "{np}", /home/mpiuser/pi]
    Worker:
      replicas: {workers}
      template:
        spec:
          containers:
          - image: mpioperator/mpi-pi:openmpi
            name: worker
---
apiVersion: v1
kind: Service
metadata:
  name: sim-{i}-metrics
spec:
  selector:
    training.kubeflow.org/job-name: sim-{i}
  ports:
  - port: 9100
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: sim-{i}-input
data:
  steps: "{steps}"
"""


def one_file(root: Path, jobs: int) -> Path:
    """One manifest of ``jobs`` MPIJobs, each with a Service and a ConfigMap of its own."""
    out = root / f"one-file-{jobs}" / "jobs.yaml"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        documents = (
            ONE_FILE_JOB.format(i=i, workers=1 + i % 4, np=2 * (1 + i % 4), steps=100 * i)
            for i in range(jobs)
        )
        out.write_text("---\n".join(documents))
    return out


def measure_one_file(root: Path, jobs: int, runs: int) -> list[Row]:
    path = one_file(root, jobs)
    ours, base, ratio = timing.paired(
        [*mpilint(), "--format", "json", str(path)], floor(path.parent, "yaml"), runs
    )
    return [
        Row(1, f"floor (compose), one file of {jobs:,} MPIJobs", base, 1.0),
        Row(1, f"mpilint --format json, one file of {jobs:,} MPIJobs", ours, ratio, "yaml floor"),
    ]


def one_file_growth(rows: Sequence[Row]) -> str:
    """How the time of the one-file shape grows between its sizes (linear: about the sizes'
    ratio, 10× for the default sizes)."""
    ours = {
        int(r.command.split("of ")[1].split()[0].replace(",", "")): r.series.wall
        for r in rows
        if r.command.startswith("mpilint --format json, one file")
    }
    sizes = sorted(ours)
    return "\n".join(
        f"- one file, {small:,} → {large:,} jobs ({large / small:.0f}× the work):"
        f" {ours[large] / ours[small]:.1f}× the time"
        for small, large in itertools.pairwise(sizes)
    )


def mpilint() -> list[str]:
    script = Path(PY).with_name("mpilint")
    return [str(script)] if script.exists() else [PY, "-m", "mpilint"]


def floor(jobs: Path, kind: str = "both") -> list[str]:
    return [PY, str(HERE / "floor.py"), "--kind", kind, str(jobs)]


def files_of(jobs: Path, dockerfiles: bool) -> list[str]:
    found = []
    for folder in sorted(jobs.iterdir()):
        for path in sorted(folder.iterdir()):
            if (path.name in DOCKERFILE_NAMES) == dockerfiles:
                found.append(str(path))
    return found


def find_peer(bin_dir: str | None, name: str) -> str | None:
    if bin_dir:
        candidate = Path(bin_dir) / name
        return str(candidate) if candidate.exists() else None
    return shutil.which(name)


def peers(bin_dir: str | None, skip: set[str], jobs: Path) -> list[tuple[str, list[str], str]]:
    """(name, command, kind of files it reads) of each installed peer."""

    manifests = files_of(jobs, dockerfiles=False)
    dockerfiles = files_of(jobs, dockerfiles=True)
    schema = str(REPO / "schemas" / "mpijob-v2beta1.schema.json")
    wanted = [
        ("yamllint", ["-f", "parsable", str(jobs)], "yaml"),
        ("check-jsonschema", ["--schemafile", schema, *manifests], "yaml"),
        ("checkov", ["-d", str(jobs), "--framework", "kubernetes", "--quiet", "--compact",
                     "--skip-download"], "yaml"),
        ("hadolint", dockerfiles, "docker"),
        ("checkov", ["-d", str(jobs), "--framework", "dockerfile", "--quiet", "--compact",
                     "--skip-download"], "docker"),
    ]  # fmt: skip
    found = []
    for name, args, kind in wanted:
        program = find_peer(bin_dir, name)
        if program is not None and name not in skip:
            label = f"{name} ({'Dockerfiles' if kind == 'docker' else 'manifests'})"
            found.append((label, [program, *args], kind))
    return found


def measure_size(
    jobs: Path,
    size: int,
    runs: int,
    with_peers: list[tuple[str, list[str], str]],
    peer_runs: int = 2,
    before: str | None = None,
    peer_bin: str | None = None,
) -> list[Row]:
    files = 2 * size
    rows: list[Row] = []
    ours, base, ratio = timing.paired(
        [*mpilint(), "--format", "json", str(jobs)], floor(jobs), runs
    )
    rows.append(Row(files, "floor (compose + BuildKit parse)", base, 1.0))
    rows.append(Row(files, "mpilint --format json (default --jobs)", ours, ratio))
    serial, _, ratio = timing.paired(
        [*mpilint(), "--format", "json", "--jobs", "1", str(jobs)], floor(jobs), runs
    )
    rows.append(Row(files, "mpilint --format json --jobs 1", serial, ratio))
    if before is not None:
        old, _, ratio = timing.paired(
            [before, "--format", "json", str(jobs)],
            [*mpilint(), "--format", "json", str(jobs)],
            runs,
        )
        rows.append(Row(files, "before: mpilint --format json (default --jobs)", old, ratio, "now"))
    if size == 1:
        folder = next(jobs.iterdir())
        pair = [str(p) for p in sorted(folder.iterdir())]
        one_pair = [*mpilint(), "--color", "never", *pair]
        text, _, ratio = timing.paired(one_pair, [PY, "-c", "import yaml"], runs * 3)
        rows.append(Row(files, "mpilint MANIFEST DOCKERFILE (text)", text, ratio, "import yaml"))
        manifest, dockerfile = sorted(pair, key=lambda p: Path(p).name in DOCKERFILE_NAMES)
        for peer, alone in (("yamllint", manifest), ("hadolint", dockerfile)):
            program = find_peer(peer_bin, peer)
            if program is not None:
                _, theirs, ratio = timing.paired(one_pair, [program, alone], runs * 3)
                rows.append(Row(1, f"{peer} {Path(alone).name}", theirs, None))
                rows.append(
                    Row(files, "mpilint MANIFEST DOCKERFILE (text)", text, ratio, f"{peer} alone")
                )
        if before is not None:
            old, _, ratio = timing.paired([before, "--color", "never", *pair], one_pair, runs * 3)
            rows.append(Row(files, "before: mpilint MANIFEST DOCKERFILE (text)", old, ratio, "now"))
        rows.append(
            Row(
                files,
                'python -c "import yaml"',
                timing.series([PY, "-c", "import yaml"], runs),
                None,
            )
        )
    for label, command, kind in with_peers:
        # The slow peers take a minute a run at 1,000 files: fewer runs, no warm-up pair.
        theirs, _, ratio = timing.paired(command, floor(jobs, kind), peer_runs, warmup=0)
        rows.append(Row(files, label, theirs, ratio, f"{kind} floor"))
    return rows


ONE_FOLDER_JOB = (REPO / "examples" / "good" / "mpijob.yaml").read_text(encoding="utf-8")


def one_folder_corpus(root: Path, size: int) -> Path:
    """``size`` manifests side by side, no Dockerfile: pairing looks on disk for each."""
    out = root / f"one-folder-{size}"
    out.mkdir(parents=True, exist_ok=True)
    expected = {f"job-{n:05d}.yaml" for n in range(size)}
    for name in expected:
        text = ONE_FOLDER_JOB.replace("name: hello-mpi", f"name: {name[:-5]}")
        gen_corpus.write_if_changed(out / name, text.encode())
    for stale in out.iterdir():
        if stale.name not in expected:
            stale.unlink()
    return out


def measure_shapes(root: Path, size: int, runs: int) -> list[Row]:
    """Each shape at ``size`` and at ten times it, serial (one folder is one unit anyway)."""
    rows: list[Row] = []
    small, large = one_folder_corpus(root, size), one_folder_corpus(root, 10 * size)
    command = [*mpilint(), "--format", "json", "--jobs", "1"]
    ten, one, ratio = timing.paired([*command, str(large)], [*command, str(small)], runs)
    label = "mpilint --format json --jobs 1, one folder, no Dockerfile"
    rows.append(Row(size, label, one, None))
    rows.append(Row(10 * size, label, ten, ratio, f"{size:,} manifests"))
    return rows


def table(rows: Sequence[Row]) -> str:
    lines = [
        "| files | command | wall s, median (min–max) | CPU s | peak MiB | files/s | paired ratio"
        " |",
        "|---:|---|---|---:|---:|---:|---|",
    ]
    for row in rows:
        low, high = row.series.wall_range
        rate = row.files / row.series.wall
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}× {row.against}"
        lines.append(
            f"| {row.files:,} | {row.command} | {row.series.wall:.3f} ({low:.3f}–{high:.3f})"
            f" | {row.series.cpu:.2f} | {row.series.peak_mib:.0f} | {rate:,.0f} | {ratio} |"
        )
    return "\n".join(lines)


def scaling(rows: Sequence[Row]) -> str:
    """Marginal cost per job between sizes, and memory: linear time, flat memory."""
    ours = {r.files // 2: r.series for r in rows if r.command.startswith("mpilint --format json (")}
    sizes = sorted(ours)
    lines = []
    for small, large in itertools.pairwise(sizes):
        if small < 100:
            continue
        marginal = (ours[large].wall - ours[small].wall) / (large - small) * 1000
        lines.append(
            f"- {small:,} → {large:,} jobs: {marginal:.2f} ms per job (manifest + Dockerfile),"
            f" peak {ours[small].peak_mib:.0f} → {ours[large].peak_mib:.0f} MiB"
        )
    return "\n".join(lines)


PROFILE = """
import cProfile, pstats, io, sys
from mpilint.cli import main
profile = cProfile.Profile()
profile.enable()
main(["--format", "json", "--jobs", "1", sys.argv[1]], io.StringIO())
profile.disable()
stats = pstats.Stats(profile)
STAGES = {
    "parse_yaml": "YAML: compose, duplicate keys, aliases",
    "read_mpijob": "the MPIJob model",
    "load_image": "Dockerfile: BuildKit parse and the walk",
    "parse_string": "  of which BuildKit's parse",
    "_run_rules": "rules (manifest and cross-file)",
    "validate": "  of which the schema check",
    "render": "JSON report",
}
total = max(ct for (_, _, _, ct, _) in stats.stats.values())
print(f"Stages (cumulative, profiled: {total:.2f} s in all; the profiler inflates Python code):")
found = {}
for (file, _line, name), (_cc, _nc, _tt, cumtime, _callers) in stats.stats.items():
    name = "parse_string" if name.endswith(".parse_string>") else name
    if name in STAGES and ("/mpilint/" in file or name == "parse_string") and "config" not in file:
        found[name] = found.get(name, 0.0) + cumtime
for name, label in STAGES.items():
    if name in found:
        print(f"  {found[name]:6.3f} s  {100 * found[name] / total:4.1f}%  {label}")
by_module = {}
for (file, _line, name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
    if "/mpilint/" in file:
        key = "mpilint/" + file.split("/mpilint/")[-1]
    elif "site-packages/" in file:
        key = file.split("site-packages/")[-1].split("/")[0]
    elif file.startswith(("~", "<")):
        key = "(built-in functions)"
    else:
        key = "(standard library)"
    by_module[key] = by_module.get(key, 0.0) + tottime
print()
print("Self time by module:")
for key, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:15]:
    print(f"  {seconds:6.3f} s  {100 * seconds / total:4.1f}%  {key}")
print()
stats.sort_stats("tottime").print_stats(15)
"""


def profile(jobs: Path) -> str:
    # Not from the repository: `python -c` puts the working folder first on sys.path, and the
    # source tree's mpilint/ (whose rules live in ../rules, mapped only by an install) would
    # shadow the installed package being measured.
    done = subprocess.run(
        [PY, "-c", PROFILE, str(jobs)], capture_output=True, text=True, check=False, cwd=jobs
    )
    return done.stdout if done.returncode == 0 else done.stderr


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,100,1000,10000", help="jobs per corpus")
    parser.add_argument("--runs", type=int, default=5, help="counted runs per command")
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument(
        "--corpus", type=Path, default=Path(tempfile.gettempdir()) / "mpilint-bench",
        help="where the corpora are written and kept (default: %(default)s)",
    )  # fmt: skip
    parser.add_argument(
        "--peers", default="1,100,1000", help="sizes at which installed peers run ('' for none)"
    )
    parser.add_argument("--peer-runs", type=int, default=2, help="counted runs per peer")
    parser.add_argument("--peer-bin", help="look for the peers in this folder, not on PATH")
    parser.add_argument("--skip", default="", help="peers to leave out, e.g. checkov")
    parser.add_argument(
        "--one-file", default="1200,12000", help="MPIJobs in the one-file shape ('' for none)"
    )
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument(
        "--before", help="another mpilint executable (the code before a change), timed side by side"
    )
    parser.add_argument(
        "--shape-size", type=int, default=200,
        help="files of the small run of each shape, timed against ten times as many (0: none)",
    )  # fmt: skip
    options = parser.parse_args(argv)
    sizes = [int(s) for s in options.sizes.split(",") if s]
    peer_sizes = {int(s) for s in options.peers.split(",") if s}
    skip = {s for s in options.skip.split(",") if s}
    print(f"mpilint benchmark: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {PY}")
    rows: list[Row] = []
    for size in sizes:
        jobs = corpus(options.corpus, size, options.seed)
        chosen = peers(options.peer_bin, skip, jobs) if size in peer_sizes else []
        size_rows = measure_size(
            jobs, size, options.runs, chosen, options.peer_runs, options.before, options.peer_bin
        )
        print(table(size_rows) + "\n", flush=True)
        rows.extend(size_rows)
    if options.shape_size:
        shape_rows = measure_shapes(options.corpus, options.shape_size, options.runs)
        print("## Shapes (ten times the work: a ratio near 10 is linear)\n")
        print(table(shape_rows) + "\n", flush=True)
    one_file_sizes = [int(s) for s in options.one_file.split(",") if s]
    for jobs in one_file_sizes:
        one_rows = measure_one_file(options.corpus, jobs, options.runs)
        print(table(one_rows) + "\n", flush=True)
        rows.extend(one_rows)
    if rows:
        print("## All sizes\n")
        print(table(rows))
        print()
        print(scaling(rows))
        print(one_file_growth(rows))
    if not options.no_profile and 1000 in sizes:
        print("\n## Where the time goes (serial run over 1,000 jobs)\n")
        print(profile(options.corpus / "c1000" / "jobs"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
