"""Seed the fuzz corpus from what mpilint is known to read: ``examples/``, ``tests/realistic/``
and the examples in ``rules/*.yaml``, each encoded as ``fuzz_mpilint.split`` decodes it.

A manifest is paired with the Dockerfile of its own folder (or of its rule example), so the
fuzzer starts from inputs that already reach the cross-file rules.

Usage: python fuzz/seed.py CORPUS_DIR
"""

from __future__ import annotations

import hashlib
import struct
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DOCKERFILE, EXTRA_REPORTS = 1, 2


def encode(manifest: bytes, dockerfile: bytes | None, mode: int = 0) -> bytes:
    """The inverse of ``fuzz_mpilint.split``."""
    if dockerfile is not None:
        mode |= DOCKERFILE
    return bytes([mode]) + struct.pack("<I", len(manifest)) + manifest + (dockerfile or b"")


def _is_dockerfile(name: str) -> bool:
    base = Path(name).name
    return base.startswith(("Dockerfile", "Containerfile")) or base.endswith(".Dockerfile")


def _from_folders() -> list[bytes]:
    seeds = []
    for top in (REPO / "examples", REPO / "tests" / "realistic"):
        for manifest in sorted(top.rglob("*.y*ml")):
            beside = manifest.parent / "Dockerfile"
            dockerfile = beside.read_bytes() if beside.is_file() else None
            seeds.append(encode(manifest.read_bytes(), dockerfile))
    return seeds


def _from_rules() -> list[bytes]:
    seeds = []
    for path in sorted((REPO / "rules").glob("*.yaml")):
        meta = yaml.safe_load(path.read_text(encoding="utf-8"))
        for example in meta.get("examples") or ():
            files: dict[str, str] = example.get("files") or {}
            encoding = example.get("encoding", "utf-8")
            manifests = [text for name, text in files.items() if not _is_dockerfile(name)]
            dockerfiles = [text for name, text in files.items() if _is_dockerfile(name)]
            manifest = manifests[0].encode(encoding, "replace") if manifests else b""
            dockerfile = dockerfiles[0].encode(encoding, "replace") if dockerfiles else None
            seeds.append(encode(manifest, dockerfile, EXTRA_REPORTS))
    return seeds


def main(corpus: str) -> int:
    folder = Path(corpus)
    folder.mkdir(parents=True, exist_ok=True)
    seeds = _from_folders() + _from_rules()
    for seed in seeds:
        (folder / f"seed-{hashlib.sha1(seed).hexdigest()}").write_bytes(seed)
    print(f"fuzz: {len(seeds)} seeds in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
