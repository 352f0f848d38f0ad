"""The shipped MPIJob schemas agree with the operators' CRDs, field by field and both ways, for
every release mpilint has the CRD facts of (``schemas/crds``), and are what the generator makes
of them now (``scripts/schemagen.py``): a hand edit of a shipped schema, or an inventory changed
without regenerating, fails here.

The CRDs themselves are not in the repository; with ``MPILINT_CRD_DIR`` naming a folder of them
(``<operator>-<release>.yaml``, e.g. from the commits ``schemas/crds/SOURCES.yaml`` lists), the
inventories are checked against them too."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from mpilint.sources.releases import OPERATORS, newest, resolve, schema_for
from mpilint.sources.schemacheck import load_schema

REPO = Path(__file__).resolve().parents[2]
CRDS = REPO / "schemas" / "crds"


def _schemagen() -> Any:
    spec = importlib.util.spec_from_file_location("schemagen", REPO / "scripts" / "schemagen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _schemagen()
INVENTORIES = sorted(CRDS.glob("*.json"))


def _inventory(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return loaded


@pytest.mark.parametrize("path", INVENTORIES, ids=lambda p: p.stem)
def test_each_release_schema_has_exactly_its_crd_fields(path: Path) -> None:
    inventory = _inventory(path)
    version = inventory["version"]
    schema = schema_for(version, inventory["release"])
    nodes = GEN.layer_objects(schema)
    assert set(inventory["objects"]) <= set(nodes)
    for key, fields in inventory["objects"].items():
        listed = nodes[key]["properties"]
        assert sorted(listed) == sorted(fields), key  # both ways: none missing, none extra
        for name, kind in fields.items():
            declared = listed[name].get("type")
            if declared is not None and kind != "any":
                assert declared == kind or (kind == "number" and declared == "integer"), (
                    key,
                    name,
                )


@pytest.mark.parametrize("operator", sorted(OPERATORS))
def test_every_supported_release_is_covered(operator: str) -> None:
    """The issue's floor: mpi-operator 0.4.0 and training-operator 1.7.0 onwards."""
    releases = [_inventory(p)["release"] for p in INVENTORIES if p.stem.startswith(operator)]
    floor = {"mpi-operator": "0.4.0", "training-operator": "1.7.0"}[operator]
    assert floor in releases and newest(operator) == max(releases, key=GEN.release_key)


@pytest.mark.parametrize("version", ["v2beta1", "v1"])
def test_shipped_files_are_the_generators_output(version: str) -> None:
    operator = {v: o for o, v in OPERATORS.items()}[version]
    found = GEN.inventories(operator)
    expected = GEN.generated(version, found[-1])
    expected["x-mpilint-release"] = {"operator": operator, "release": found[-1]["release"]}
    assert load_schema(version) == expected
    shipped = json.loads((REPO / "schemas" / f"mpijob-{version}.releases.json").read_text())
    assert shipped == GEN.differences(found)


def test_sources_name_each_inventory() -> None:
    sources = yaml.safe_load((CRDS / "SOURCES.yaml").read_text("utf-8"))
    for path in INVENTORIES:
        inventory = _inventory(path)
        entry = sources[inventory["operator"]]
        release = entry["releases"][inventory["release"]]
        assert inventory["source"]["commit"] == release["commit"]
        assert inventory["source"]["repository"] == entry["repository"]
        assert inventory["source"]["path"] == entry["path"]
        assert entry["license"] == "Apache-2.0"


def test_releases_resolve_to_the_newest_known_one_not_after_them() -> None:
    assert resolve("mpi-operator", "0.5.9") == "0.5.0"
    assert resolve("mpi-operator", "v0.6.0") == "0.6.0"
    assert resolve("mpi-operator", "0.6") == "0.6.0"
    assert resolve("mpi-operator", "0.9.1") == newest("mpi-operator")
    assert resolve("training-operator", "1.7.0") == "1.7.0"
    with pytest.raises(ValueError, match="older than the oldest"):
        resolve("training-operator", "1.6.9")


def test_the_workload_ref_of_the_newest_mpi_operator() -> None:
    """The issue's example: a valid manifest got MPL106 for it before the CRD was read."""
    assert "workloadRef" in load_schema("v2beta1")["$defs"]["podSpec"]["properties"]
    assert "hostnameOverride" not in load_schema("v1")["$defs"]["podSpec"]["properties"]


CRD_DIR = os.environ.get("MPILINT_CRD_DIR")


@pytest.mark.skipif(CRD_DIR is None, reason="MPILINT_CRD_DIR names no folder of CRDs")
@pytest.mark.parametrize("path", INVENTORIES, ids=lambda p: p.stem)
def test_inventories_are_the_crds(path: Path) -> None:
    inventory = _inventory(path)
    crd = Path(str(CRD_DIR)) / f"{path.stem}.yaml"
    fields, served = GEN.crd_fields(str(crd), inventory["version"])
    assert fields == inventory["objects"] and served == inventory["served"]


def test_an_older_release_leaves_the_shipped_schema_alone() -> None:
    """The validator compiles each schema object once: the shipped one must not change."""
    before = json.dumps(load_schema("v2beta1"))
    older = schema_for("v2beta1", "0.4.0")
    assert "workloadRef" not in older["$defs"]["podSpec"]["properties"]
    assert older["$defs"]["podSpec"]["additionalProperties"] is False
    assert json.dumps(load_schema("v2beta1")) == before
