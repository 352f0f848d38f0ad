"""Regenerate the MPIJob schemas' Kubernetes field lists from the operators' CRDs.

Not imported at run time. Two steps, so that the repository needs no copy of the CRDs (each is
540 to 670 KB of generated YAML, and most of it describes fields mpilint leaves open):

``fields``   reads one release's CRD and writes ``schemas/crds/<operator>-<release>.json``: for
             every object the mpilint layer (``schemas/src/mpijob-<version>.mpilint.json``) gives
             a field list, the CRD's field names and JSON types there, and where the CRD came from.
``generate`` writes ``schemas/mpijob-<version>.schema.json``: the mpilint layer with each field list
             replaced by the newest release's (a field the CRD lacks is dropped, one it adds gets
             the CRD's type; what the layer says of a field it keeps, ``x-mpilint-*`` included,
             stays), and ``schemas/mpijob-<version>.releases.json``: which release added (or
             removed) each field that not every release has, which the run applies for an older
             ``target`` (``mpilint.sources.releases``).

    python scripts/schemagen.py fields CRD.yaml --operator mpi-operator --release 0.8.0 \\
        --commit SHA --path manifests/base/kubeflow.org_mpijobs.yaml
    python scripts/schemagen.py generate
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from typing import Any

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMAS = os.path.join(ROOT, "schemas")
OPERATORS = {
    # operator -> (MPIJob version it serves, repository)
    "mpi-operator": ("v2beta1", "kubeflow/mpi-operator"),
    "training-operator": ("v1", "kubeflow/training-operator"),
}

Schema = dict[str, Any]


def release_key(release: str) -> tuple[int, ...]:
    return tuple(int(part) for part in release.split("."))


def layer(version: str) -> Schema:
    with open(
        os.path.join(SCHEMAS, "src", f"mpijob-{version}.mpilint.json"), encoding="utf-8"
    ) as f:
        loaded: Schema = json.load(f)
    return loaded


def objects(schema: Schema, crd: Schema) -> Iterator[tuple[str, Schema, Schema]]:
    """Each (key, layer object, CRD object) pair where the layer lists fields. The key names the
    layer's object: ``$defs`` name (``container``), or ``#`` for the top level, then the field
    path inside it (``containerSecurityContext.capabilities``)."""

    def walk(node: Schema, other: Schema, key: str) -> Iterator[tuple[str, Schema, Schema]]:
        while "$ref" in node:
            key = node["$ref"].rsplit("/", 1)[-1]
            node = schema["$defs"][key]
        if "properties" in node and "properties" in other:
            yield key, node, other
            for name, sub in node["properties"].items():
                if name in other["properties"]:
                    yield from walk(sub, other["properties"][name], f"{key}.{name}")
        if isinstance(node.get("items"), dict) and isinstance(other.get("items"), dict):
            yield from walk(node["items"], other["items"], f"{key}[]")
        extra, theirs = node.get("additionalProperties"), other.get("additionalProperties")
        if isinstance(extra, dict) and isinstance(theirs, dict):
            yield from walk(extra, theirs, f"{key}.*")

    yield from walk(schema, crd, "#")


def json_type(node: Schema) -> str | list[str]:
    if node.get("x-kubernetes-int-or-string"):
        return ["integer", "string"]
    kind = node.get("type")
    if isinstance(kind, str):
        return kind
    if "properties" in node or node.get("x-kubernetes-preserve-unknown-fields"):
        return "object"
    return "any"


def crd_fields(crd_path: str, version: str) -> tuple[dict[str, dict[str, Any]], list[str]]:
    with open(crd_path, encoding="utf-8") as f:
        crd = yaml.safe_load(f)
    served = [v["name"] for v in crd["spec"]["versions"] if v.get("served")]
    (entry,) = [v for v in crd["spec"]["versions"] if v["name"] == version]
    found: dict[str, dict[str, Any]] = {}
    for key, _node, other in objects(layer(version), entry["schema"]["openAPIV3Schema"]):
        fields = {name: json_type(sub) for name, sub in sorted(other["properties"].items())}
        if key in found and found[key] != fields:
            sys.exit(f"{crd_path}: {key} has different fields in different places")
        found[key] = fields
    return found, served


def write_json(path: str, value: object) -> None:
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1, sort_keys=False)
        f.write("\n")


def cmd_fields(args: argparse.Namespace) -> None:
    version, repository = OPERATORS[args.operator]
    fields, served = crd_fields(args.crd, version)
    write_json(
        os.path.join(SCHEMAS, "crds", f"{args.operator}-{args.release}.json"),
        {
            "operator": args.operator,
            "release": args.release,
            "source": {
                "repository": repository,
                "tag": f"v{args.release}",
                "commit": args.commit,
                "path": args.path,
                "license": "Apache-2.0",
            },
            "served": served,
            "version": version,
            "objects": fields,
        },
    )


def inventories(operator: str) -> list[dict[str, Any]]:
    folder = os.path.join(SCHEMAS, "crds")
    found = []
    for name in os.listdir(folder):
        if name.startswith(operator + "-") and name.endswith(".json"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                found.append(json.load(f))
    return sorted(found, key=lambda item: release_key(item["release"]))


def layer_objects(schema: Schema) -> dict[str, Schema]:
    """The layer's objects that list fields, by the key ``objects`` gives them."""
    return {key: node for key, node, _ in objects(schema, _Everything())}


class _Everything(dict[str, Any]):
    """A CRD that has every field the layer names, so that ``objects`` walks the whole layer."""

    def __getitem__(self, name: str) -> Any:
        if name == "properties":
            return _AllNames()
        return _Everything()

    def __contains__(self, name: object) -> bool:
        return True

    def get(self, name: str, default: Any = None) -> Any:
        return self[name]


class _AllNames(dict[str, Any]):
    def __getitem__(self, name: str) -> Any:
        return _Everything()

    def __contains__(self, name: object) -> bool:
        return True


def generated(version: str, newest: dict[str, Any]) -> Schema:
    schema = layer(version)
    for key, node in layer_objects(schema).items():
        fields = newest["objects"].get(key)
        if fields is None:
            continue  # the CRD leaves this object open (the top level's metadata)
        names = list(node["properties"])
        kept = {name: sub for name, sub in node["properties"].items() if name in fields}
        for name, kind in sorted(fields.items()):
            kept.setdefault(name, {"type": kind} if kind != "any" else {})
        node["properties"] = dict(
            sorted(
                kept.items(),
                key=lambda item: names.index(item[0]) if item[0] in names else len(names),
            )
        )
    return schema


def differences(found: list[dict[str, Any]]) -> dict[str, Any]:
    """For each object, the fields not every release has: the release that added each (the
    first that has it, after one that lacks it) and, for one the newest lacks, the release that
    removed it with its type, so an older target can get it back."""
    newest = found[-1]
    releases = [item["release"] for item in found]
    added: dict[str, dict[str, str]] = {}
    removed: dict[str, dict[str, Any]] = {}
    keys = sorted({key for item in found for key in item["objects"]})
    for key in keys:
        names = sorted({name for item in found for name in item["objects"].get(key, {})})
        for name in names:
            has = [name in item["objects"].get(key, {}) for item in found]
            if all(has):
                continue
            if has[-1]:
                first = max(i for i, h in enumerate(has) if not h) + 1
                added.setdefault(key, {})[name] = releases[first]
            else:
                last = max(i for i, h in enumerate(has) if h)
                kind = found[last]["objects"][key][name]
                removed.setdefault(key, {})[name] = {
                    "type": kind,
                    "from": releases[min(i for i, h in enumerate(has) if h)],
                    "removed": releases[last + 1],
                }
    return {
        "operator": newest["operator"],
        "releases": releases,
        "served": {item["release"]: item["served"] for item in found},
        "added": added,
        "removed": removed,
    }


def cmd_generate(_args: argparse.Namespace) -> None:
    for operator, (version, _repository) in OPERATORS.items():
        found = inventories(operator)
        if not found:
            continue
        schema = generated(version, found[-1])
        schema["x-mpilint-release"] = {"operator": operator, "release": found[-1]["release"]}
        write_json(os.path.join(SCHEMAS, f"mpijob-{version}.schema.json"), schema)
        write_json(os.path.join(SCHEMAS, f"mpijob-{version}.releases.json"), differences(found))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(required=True)
    fields = commands.add_parser("fields")
    fields.add_argument("crd")
    fields.add_argument("--operator", required=True, choices=sorted(OPERATORS))
    fields.add_argument("--release", required=True)
    fields.add_argument("--commit", required=True)
    fields.add_argument("--path", required=True)
    fields.set_defaults(run=cmd_fields)
    generate = commands.add_parser("generate")
    generate.set_defaults(run=cmd_generate)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
