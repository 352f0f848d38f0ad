"""Property tests (issue 6): whatever the input, the public entry point answers with a report.

Generated YAML trees, MPIJob-shaped trees with random values in the fields the rules read, and
mutations of the realistic manifests, examples and Dockerfiles all go through ``mpilint.cli.main``
with ``--format json``. Invariants: no exception or traceback, exit 0 or 1, a report valid
against ``schemas/report.schema.json``, spans inside the file, findings sorted, the same report
twice, and the input files untouched.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.harness import REPO, run

SCHEMA = json.loads((REPO / "schemas" / "report.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SETTINGS = settings(
    max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
MANIFESTS = sorted(
    [*(REPO / "tests" / "realistic").rglob("*.yaml"), *(REPO / "examples").rglob("*.yaml")]
)
DOCKERFILES = sorted(
    p
    for p in [*(REPO / "tests" / "realistic").rglob("*"), *(REPO / "examples").rglob("*")]
    if p.is_file() and "Dockerfile" in p.name
)

# --- strategies -------------------------------------------------------------------------------

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
    st.sampled_from(
        [
            "-n",
            "2",
            "mpirun",
            "IMAGE",
            "$(VAR)",
            "{{ .Values.x }}",
            "y",
            "1:30",
            "/home/mpiuser/.ssh",
            "bash -c 'mpirun -n 4 python x.py'",
            "~",
            "0x10",
        ]
    ),
)
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(TEXT | st.integers(), children, max_size=4)
    ),
    max_leaves=20,
)


def _container(value: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={
            "image": value,
            "name": value,
            "command": value,
            "args": value,
            "env": value,
            "securityContext": value,
            "resources": value,
            "ports": value,
            "volumeMounts": value,
        },
    )


def _replica(value: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    pod = st.fixed_dictionaries(
        {},
        optional={
            "containers": st.lists(_container(value), max_size=2) | value,
            "securityContext": value,
            "volumes": value,
            "hostNetwork": value,
        },
    )
    template = st.fixed_dictionaries({}, optional={"spec": pod | value, "metadata": value})
    return st.fixed_dictionaries(
        {}, optional={"replicas": value, "template": template | value, "restartPolicy": value}
    )


VALUE = st.one_of(SCALARS, TREES)
MPIJOBS = st.fixed_dictionaries(
    {
        "apiVersion": st.sampled_from(
            ["kubeflow.org/v2beta1", "kubeflow.org/v1", "kubeflow.org/v1alpha2"]
        )
        | VALUE,
        "kind": st.just("MPIJob"),
    },
    optional={
        "metadata": st.fixed_dictionaries({}, optional={"name": VALUE, "annotations": VALUE}),
        "spec": st.fixed_dictionaries(
            {},
            optional={
                "slotsPerWorker": VALUE,
                "sshAuthMountPath": VALUE,
                "runPolicy": VALUE,
                "mpiImplementation": st.sampled_from(["OpenMPI", "Intel", "MPICH"]) | VALUE,
                "launcherCreationPolicy": VALUE,
                "cleanPodPolicy": VALUE,
                "mpiReplicaSpecs": st.fixed_dictionaries(
                    {}, optional={"Launcher": _replica(VALUE), "Worker": _replica(VALUE)}
                )
                | VALUE,
            },
        ),
    },
)

# --- the invariants ---------------------------------------------------------------------------


def _digest(paths: list[Path]) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}


def _run(paths: list[Path]) -> str:
    result = run("--format", "json", "--isolated", *map(str, paths))
    assert result.code in (0, 1), (result.code, result.err)
    return result.out


def _check(files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, data in files.items():
            path = Path(folder) / name
            path.write_bytes(data)
            paths.append(path)
        before = _digest(paths)
        first = _run(paths)
        assert _run(paths) == first, "the same input gave two reports"
        assert _digest(paths) == before, "an input file was modified"
        report = json.loads(first)
        VALIDATOR.validate(report)
        # Lines as libyaml (and go-yaml, hence kubectl) count them: NEL, LS and PS end a line
        # too (YAML 1.1), as str.splitlines says; bytes.splitlines does not know them.
        lines = {str(p): len(p.read_text("utf-8", "replace").splitlines()) for p in paths}
        keys = []
        for finding in report["findings"]:
            assert finding["rule"] != "MPL006", finding["message"]
            assert 1 <= finding["line"] <= lines[finding["file"]] + 1, finding
            assert finding["column"] >= 1, finding
            end = (finding.get("end_line", finding["line"]), finding.get("end_column", 1))
            assert end >= (finding["line"], finding["column"]) or "end_line" not in finding
            keys.append((finding["file"], finding["line"], finding["column"], finding["rule"]))
        assert keys == sorted(keys), "findings are not sorted"


def _dump(tree: Any) -> bytes:
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False).encode()


@SETTINGS
@given(st.lists(TREES, min_size=1, max_size=3))
def test_any_yaml_tree(trees: list[Any]) -> None:
    _check({"tree.yaml": yaml.safe_dump_all(trees, allow_unicode=True).encode()})


@SETTINGS
@given(st.lists(MPIJOBS, min_size=1, max_size=2))
def test_mpijob_shaped_trees(jobs: list[Any]) -> None:
    _check({"job.yaml": yaml.safe_dump_all(jobs, allow_unicode=True, sort_keys=False).encode()})


def _mutate(node: Any, draw: st.DrawFn) -> Any:
    """One random edit somewhere in the tree: delete, duplicate or retype a key, swap a value."""
    if isinstance(node, dict) and node and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(node, key=str)))
        action = draw(st.sampled_from(["delete", "retype", "replace", "recurse", "recurse"]))
        copy = dict(node)
        if action == "delete":
            del copy[key]
        elif action == "retype":
            copy[draw(st.sampled_from([1, None, True, 2.5]))] = copy.pop(key)
        elif action == "replace":
            copy[key] = draw(VALUE)
        else:
            copy[key] = _mutate(copy[key], draw)
        return copy
    if isinstance(node, list) and node:
        index = draw(st.integers(0, len(node) - 1))
        copy = list(node)
        copy[index] = _mutate(copy[index], draw) if draw(st.booleans()) else draw(VALUE)
        return copy
    return draw(VALUE)


@st.composite
def mutated_manifests(draw: st.DrawFn) -> bytes:
    source = draw(st.sampled_from(MANIFESTS))
    text = source.read_text()
    try:
        documents = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError:  # examples/broken holds YAML that is meant not to parse
        documents = []
    if not documents or draw(st.booleans()):  # a text mutation: duplicate a line, or cut
        lines = text.splitlines(keepends=True)
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if draw(st.booleans()):
            lines.insert(at, lines[at] if lines else "")
        else:
            lines = lines[:at]
        return "".join(lines).encode()
    mutated = [_mutate(d, draw) for d in documents]
    return yaml.safe_dump_all(mutated, allow_unicode=True, sort_keys=False).encode()


@SETTINGS
@given(mutated_manifests())
def test_mutated_manifests(data: bytes) -> None:
    _check({"job.yaml": data})


@st.composite
def mutated_dockerfiles(draw: st.DrawFn) -> bytes:
    lines = draw(st.sampled_from(DOCKERFILES)).read_text().splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        edit = draw(st.sampled_from(["delete", "duplicate", "insert", "splice"]))
        if edit == "delete" and lines:
            del lines[at]
        elif edit == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif edit == "insert":
            lines.insert(
                at,
                draw(
                    st.sampled_from(
                        [
                            "# escape=`\n",
                            "# syntax=docker/dockerfile:1\n",
                            "RUN <<EOF\n",
                            "EOF\n",
                            "\\\n",
                            'RUN $($(echo "\n',
                            "COPY C:\\a\\b C:\\c\\\n",
                            "USER 0:0\n",
                            "RUN useradd -m -u 1000 mpiuser\n",
                            'ENTRYPOINT ["x"\n',
                            "\t\r\n",
                        ]
                    )
                )
                + draw(TEXT)
                + "\n",
            )
        elif lines:
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(TEXT) + line[cut:]
    return "".join(lines).encode("utf-8", "surrogatepass")


@SETTINGS
@given(mutated_dockerfiles(), st.sampled_from(MANIFESTS))
def test_mutated_dockerfiles(dockerfile: bytes, manifest: Path) -> None:
    _check({"Dockerfile": dockerfile, "job.yaml": manifest.read_bytes()})
