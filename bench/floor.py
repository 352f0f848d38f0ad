"""The parse floor: the least any correct linter of these files must do, in one process.

Every manifest is composed with PyYAML's C loader (marks kept, nothing constructed) and every
Dockerfile is parsed by BuildKit's parser, each file read, parsed and dropped in turn, as
mpilint does. That is the yardstick of issue 7 ("within 1.3x the floor"): what mpilint does
beyond it is its rules, its reports and its own start-up.

Usage: ``python bench/floor.py [--kind both|yaml|docker] PATH...`` (folders are walked for
``*.yaml``, ``*.yml`` and Dockerfile names, as mpilint walks them).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence

_DOCKERFILE_NAMES = ("Dockerfile", "Containerfile")


def is_dockerfile(name: str) -> bool:
    return (
        name in _DOCKERFILE_NAMES
        or name.endswith((".Dockerfile", ".Containerfile", ".dockerfile"))
        or name.startswith(("Dockerfile.", "Containerfile."))
    )


def walk(paths: Sequence[str]) -> Iterator[tuple[str, str]]:
    """(kind, path) of every file, folders in sorted order."""
    for path in paths:
        if not os.path.isdir(path):
            yield ("docker" if is_dockerfile(os.path.basename(path)) else "yaml"), path
            continue
        for folder, dirs, names in os.walk(path):
            dirs.sort()
            for name in sorted(names):
                full = os.path.join(folder, name)
                if is_dockerfile(name):
                    yield "docker", full
                elif name.endswith((".yaml", ".yml")):
                    yield "yaml", full


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--kind", choices=("both", "yaml", "docker"), default="both")
    options = parser.parse_args(argv)
    kinds = ("yaml", "docker") if options.kind == "both" else (options.kind,)
    import yaml

    loader = yaml.CSafeLoader
    parse = None
    if "docker" in kinds:
        import dockerfile

        parse = dockerfile.parse_string
    counts = {"yaml": 0, "docker": 0, "errors": 0}
    for kind, path in walk(options.paths):
        if kind not in kinds:
            continue
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        counts[kind] += 1
        try:
            if kind == "yaml":
                for _ in yaml.compose_all(text, Loader=loader):
                    pass
            else:
                assert parse is not None
                parse(text)
        except Exception:  # a broken file costs its parse all the same
            counts["errors"] += 1
    print(
        f"{counts['yaml']} manifests, {counts['docker']} Dockerfiles,"
        f" {counts['errors']} parse errors",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
