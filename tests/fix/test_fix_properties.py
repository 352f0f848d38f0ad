"""``--fix`` over generated manifests in every formatting style: the fixed file is exactly the
manifest that was meant, written in the same style.

Each example is drawn as choices (the mistakes in it, and how it is written: indentation, flow
or block lists, comments between items, CRLF, a BOM, a missing final newline, tabs in strings,
several documents, anchors and aliases). The same choices with every certain mistake corrected
render the expected text, so one comparison checks at once that the YAML parses and holds the old
data except at the fixed paths, and that every byte outside the edits is unchanged. A second run
must then be a no-op. How many examples got a fix is counted, so a generator that stopped
reaching the rules would fail the test instead of passing it vacuously.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.harness import run

# Each mistake: what is written → what --fix writes (the same when no fix is certain).
COUNTS = {"2": '"2"', '"2"': '"2"', "'2'": "'2'", "yes": '"yes"', "&n 2": "&n 2"}
ENVS = {"1": '"1"', "on": '"on"', '"x"': '"x"', "'a\tb'": "'a\tb'", '"a\\tb"': '"a\\tb"'}
POLICIES = {
    "running": "Running",
    "Running": "Running",
    "'running'": "'Running'",
    "Runing": "Running",
    '"All"': '"All"',
}
SLOTS = {"slotsPerWorker": "slotsPerWorker", "slotPerWorker": "slotsPerWorker"}
PULLS = {"imagePullPolicy": "imagePullPolicy", "imagePullPolicey": "imagePullPolicy"}
CREATION = {
    None: None,
    "WaitForWorkersReady": "WaitForWorkersReady",
    "waitForWorkersReady": "WaitForWorkersReady",
}
TEMPLATE_POLICY = {None: None, "Never": None, "OnFailure": "OnFailure"}  # Never: deleted


class Style:
    def __init__(self, draw: st.DrawFn) -> None:
        self.indent = draw(st.sampled_from([2, 4]))
        self.flow = draw(st.booleans())
        self.comments = draw(st.booleans())
        self.anchors = draw(st.booleans())
        self.newline = draw(st.sampled_from(["\n", "\r\n"]))
        self.bom = draw(st.booleans())
        self.final_newline = draw(st.booleans())
        self.before = draw(st.sampled_from(["", "configmap", "job"]))


def _job(choice: dict[str, Any], style: Style, name: str) -> list[str]:
    def at(level: int, text: str) -> str:
        return " " * (style.indent * level) + text

    note = "  # why" if style.comments else ""
    lines = [
        "apiVersion: kubeflow.org/v2beta1",
        "kind: MPIJob",
        "metadata:",
        at(1, f"name: {name}{note}"),
        "spec:",
        at(1, f"{choice['slots']}: 1"),
    ]
    if choice["creation"] is not None:
        lines.append(at(1, f"launcherCreationPolicy: {choice['creation']}"))
    lines += [
        at(1, "runPolicy:"),
        at(2, f"cleanPodPolicy: {choice['policy']}{note}"),
        at(1, "mpiReplicaSpecs:"),
        at(2, "Launcher:"),
        at(3, "replicas: 1"),
        at(3, "template:"),
        at(4, "spec:"),
        at(5, "containers:"),
        at(5, f"- image: {'&img ' if style.anchors else ''}mpioperator/mpi-pi:openmpi"),
        at(5, "  name: launcher"),
        at(5, "  command: [mpirun]"),
    ]
    if style.flow:
        lines.append(at(5, f"  args: [-n, {choice['count']}, /home/mpiuser/pi]{note}"))
    else:
        lines.append(at(5, "  args:"))
        lines.append(at(5, "  - -n"))
        if style.comments:
            lines.append(at(5, "  # the process count"))
        lines += [at(5, f"  - {choice['count']}"), at(5, "  - /home/mpiuser/pi")]
    lines += [
        at(5, "  env:"),
        at(5, "  - name: A"),
        at(5, f"    value: {choice['env']}"),
        at(2, "Worker:"),
        at(3, "replicas: 2"),
        at(3, "template:"),
        at(4, "spec:"),
    ]
    if choice["template"] is not None:
        lines.append(at(5, f"restartPolicy: {choice['template']}{note}"))
    image = "*img" if style.anchors else "mpioperator/mpi-pi:openmpi"
    lines += [
        at(5, "containers:"),
        at(5, f"- image: {image}"),
        at(5, "  name: worker"),
        at(5, f"  {choice['pull']}: Always"),
    ]
    return lines


def _render(choice: dict[str, Any], style: Style) -> bytes:
    lines: list[str] = []
    if style.before == "configmap":
        lines += ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: c}", "data: {n: 2}", "---"]
    elif style.before == "job":
        lines += [*_job(choice, style, "first"), "---"]
    lines += _job(choice, style, "pi")
    text = style.newline.join(lines) + (style.newline if style.final_newline else "")
    return (b"\xef\xbb\xbf" if style.bom else b"") + text.encode()


@st.composite
def manifests(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """(the manifest as written, the manifest --fix must make of it)."""
    tables = {
        "count": COUNTS,
        "env": ENVS,
        "policy": POLICIES,
        "slots": SLOTS,
        "pull": PULLS,
        "creation": CREATION,
        "template": TEMPLATE_POLICY,
    }
    written = {key: draw(st.sampled_from(list(table))) for key, table in tables.items()}
    meant = {key: tables[key][value] for key, value in written.items()}
    style = Style(draw)
    return _render(written, style), _render(meant, style)


def _load(data: bytes) -> list[Any]:
    return list(yaml.safe_load_all(data.decode("utf-8-sig")))


def test_fix_makes_exactly_the_manifest_meant() -> None:
    seen: Counter[str] = Counter()

    @settings(
        max_examples=150,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        database=None,
    )
    @given(manifests())
    def check(case: tuple[bytes, bytes]) -> None:
        written, meant = case
        with tempfile.TemporaryDirectory() as folder:
            job = Path(folder) / "job.yaml"
            job.write_bytes(written)
            result = run("--fix", "--format", "json", str(job))
            assert result.code in (0, 1), result.err
            fixed = job.read_bytes()
            assert fixed == meant, (written, result.err)
            _load(fixed)  # it parses
            again = run("--diff", str(job))
            assert again.code == 0 and again.out == "", again.out
            seen["fixed" if fixed != written else "unchanged"] += 1

    check()
    # Most draws hold at least one certain mistake: the fixes were reached, not skipped.
    assert seen["fixed"] >= 100, seen
