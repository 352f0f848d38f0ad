"""Shared helpers: run the real CLI entry point and read what it printed."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mpilint.cli import main

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.out)
        return data


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Call ``mpilint`` as the console script does, in-process (fast), capturing both streams."""

    def run(*args: str) -> Result:
        out = io.StringIO()
        code = main(list(args), stdout=out)
        err = capsys.readouterr().err
        return Result(code, out.getvalue(), err)

    return run


def write(folder: Path, files: dict[str, str], encoding: str = "utf-8") -> list[str]:
    paths = []
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding))
        paths.append(str(path))
    return paths


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
