"""Write a deterministic corpus of MPIJob manifests and Dockerfiles for mpilint's benchmarks.

Timings are only comparable when every run reads the same bytes, and a small corpus is only a
fair sample of a large one when it is its prefix. So each file is a pure function of
(seed, kind, index): its own ``random.Random(f"{seed}:{kind}:{index}")``, never a shared
stream, and never the corpus size. Both files of a job must still agree (image, user, MPI,
sshd port), so what they share comes from a third stream, ``f"{seed}:job:{index}"``.

The files imitate what users write, not what a linter would like to read: the platform's
documented job and image (CERIT-SC ``mpijob.yaml``/``Dockerfile-mpi``), mpi-operator's own
examples and base images, Horovod GPU jobs, v1 jobs, companion objects in the same file, and
a tail of very large jobs. About a third of the manifests carry a mistake from the pitfalls
catalog (``/work/shared/domain.md``); ``OUT/truth.json`` lists them per file, so that a run of
mpilint can be scored: a file with no mistake must get no error or warning.

Usage: ``python bench/gen_corpus.py OUT --manifests N --dockerfiles M [--seed S] [--stats]``
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# -- A small YAML writer ---------------------------------------------------------------------
#
# The corpus needs things a YAML library will not write on purpose: a key twice, an unquoted
# count, a flow list here and a block list there, three indentation styles. So documents are
# built from dicts and lists and written by hand; the helpers below mark the exceptions.


@dataclass(frozen=True)
class Flow:
    """A list written in flow style, ``[mpirun, -n, "2"]``, as many users write short argv."""

    items: tuple[object, ...]


@dataclass(frozen=True)
class Block:
    """A block scalar (``|`` or ``>-``): how shell scripts get into ``bash -c``."""

    style: str
    text: str


@dataclass(frozen=True)
class Key:
    """A mapping key that may repeat: two ``Key("replicas", n)`` in one dict are two entries
    for Python but the same key once written, which is the duplicate-key mistake."""

    name: str
    n: int = 0


_NUMBERISH = re.compile(
    r"""^(?:[-+]?(?:0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*
    |(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+
    |\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))
    |[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*)$""",
    re.X,
)
# YAML 1.1 as go-yaml v2 reads it: y/n and on/off are booleans too.
_SPECIAL = frozenset(
    ("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
     "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
     "~", "=", "<<")
)  # fmt: skip
_PLAIN_START = re.compile(r"^[^-?:,\[\]{}#&*!|>'\"%@`\s]|^[-?:][^\s]")
_FLOW_UNSAFE = re.compile(r"[,\[\]{}]")
_cache: dict[tuple[str, bool], str] = {}


def scalar(value: object, flow: bool = False) -> str:
    """The value as YAML reads it back unchanged, quoting only where a plain scalar would turn
    into a number, a boolean or a syntax error (so ``"2"`` is quoted and ``-n`` is not)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    key = (text, flow)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    plain = (
        text != ""
        and text == text.strip()
        and "\n" not in text
        and "\t" not in text
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and text not in _SPECIAL
        and not _NUMBERISH.match(text)
        and _PLAIN_START.match(text) is not None
        and not (flow and _FLOW_UNSAFE.search(text))
    )
    out = text if plain else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    _cache[key] = out
    return out


def _flow(items: Sequence[object]) -> str:
    return "[" + ", ".join(scalar(i, flow=True) for i in items) + "]"


def _emit_map(node: dict[object, object], indent: int, step: int, seq: int, out: list[str]) -> None:
    pad = " " * indent
    for k, v in node.items():
        key = k.name if isinstance(k, Key) else str(k)
        if isinstance(v, dict):
            if v:
                out.append(f"{pad}{key}:")
                _emit_map(v, indent + step, step, seq, out)
            else:
                out.append(f"{pad}{key}: {{}}")
        elif isinstance(v, list):
            if v:
                out.append(f"{pad}{key}:")
                _emit_seq(v, indent + seq, step, seq, out)
            else:
                out.append(f"{pad}{key}: []")
        elif isinstance(v, Flow):
            out.append(f"{pad}{key}: {_flow(v.items)}")
        elif isinstance(v, Block):
            out.append(f"{pad}{key}: {v.style}")
            inner = pad + " " * step
            out.extend(inner + line if line else "" for line in v.text.split("\n"))
        elif v is None:
            out.append(f"{pad}{key}:")
        else:
            out.append(f"{pad}{key}: {scalar(v)}")


def _emit_seq(items: list[object], indent: int, step: int, seq: int, out: list[str]) -> None:
    pad = " " * indent
    for item in items:
        if isinstance(item, dict):
            start = len(out)
            _emit_map(item, indent + 2, step, seq, out)
            out[start] = pad + "- " + out[start][indent + 2 :]
        elif isinstance(item, Block):
            out.append(f"{pad}- {item.style}")
            inner = pad + "  "
            out.extend(inner + line if line else "" for line in item.text.split("\n"))
        elif isinstance(item, Flow):
            out.append(f"{pad}- {_flow(item.items)}")
        else:
            out.append(f"{pad}- {scalar(item)}")


def to_yaml(doc: dict[object, object], style: tuple[int, int]) -> list[str]:
    """``style`` is (indent step, sequence indent). (2, 0) writes ``- image:`` flush under
    ``containers:`` as kubectl does, (2, 2) as most editors do, (4, 4) as some teams do. All
    appear in real repositories, and parsers must take each."""
    out: list[str] = []
    _emit_map(doc, 0, style[0], style[1], out)
    return out


# -- What both files of a job agree on -------------------------------------------------------


@dataclass(frozen=True)
class Workload:
    stem: str
    gpu: bool
    program: tuple[str, ...]  # ``{home}`` is the image user's home
    packages: tuple[str, ...]  # extra apt packages the image needs for it
    pip: tuple[str, ...] = ()


WORKLOADS: tuple[tuple[Workload, float], ...] = (
    (Workload("pi", False, ("{home}/pi",), ("build-essential",)), 14),
    (Workload("hello", False, ("hostname",), ()), 5),
    (
        Workload(
            "osu",
            False,
            (
                "/opt/osu/libexec/osu-micro-benchmarks/mpi/collective/osu_allreduce",
                "-m",
                "8:1048576",
                "-i",
                "200",
            ),
            ("build-essential", "curl", "ca-certificates"),
        ),
        8,
    ),
    (
        Workload(
            "lammps", False, ("lmp", "-in", "/inputs/in.lj", "-var", "steps", "20000"), ("lammps",)
        ),
        8,
    ),
    (
        Workload(
            "gromacs",
            False,
            ("gmx_mpi", "mdrun", "-s", "/data/topol.tpr", "-ntomp", "2", "-deffnm", "bench"),
            ("gromacs-openmpi",),
        ),
        6,
    ),
    (Workload("hpl", False, ("/opt/hpl/bin/xhpl",), ("build-essential", "libopenblas-dev")), 5),
    (
        Workload(
            "sweep",
            False,
            ("python3", "{home}/app/sweep.py", "--trials", "200"),
            ("python3", "python3-pip"),
            ("mpi4py==3.1.5", "numpy==1.26.4"),
        ),
        10,
    ),
    (
        Workload(
            "resnet",
            True,
            ("python3", "/workspace/train.py", "--epochs", "90", "--batch-size", "256"),
            ("python3", "python3-pip", "python3-dev", "build-essential"),
            ("torch==2.3.1", "horovod==0.28.1"),
        ),
        12,
    ),
    (
        Workload(
            "bert",
            True,
            ("python3", "-u", "/workspace/finetune.py", "--backend", "nccl", "--fp16"),
            ("python3", "python3-pip"),
            ("torch==2.3.1", "transformers==4.41.2", "mpi4py==3.1.6"),
        ),
        8,
    ),
    (
        Workload(
            "tfbench",
            True,
            (
                "python3",
                "scripts/tf_cnn_benchmarks/tf_cnn_benchmarks.py",
                "--model=resnet101",
                "--batch_size=64",
                "--variable_update=horovod",
            ),
            ("python3", "python3-pip", "git"),
            ("tensorflow==2.15.1", "horovod==0.28.1"),
        ),
        5,
    ),
)

USERS = ("hpc", "trainer", "mpi", "app", "researcher", "runner", "sim", "ml", "jovyan")
WORDS = (
    "amber", "birch", "cedar", "delta", "ember", "fjord", "gale", "heron", "iris", "juniper",
    "kestrel", "larch", "maple", "nova", "onyx", "pine", "quartz", "raven", "sable", "tide",
    "umber", "vale", "willow", "yarrow", "zephyr", "atlas", "boreal", "cobalt", "dune", "echo",
)  # fmt: skip
TEAMS = ("hpc", "ml", "climate", "genomics", "cfd", "physics", "vision", "nlp", "chem", "astro")
REGISTRIES = (
    "ghcr.io/mpilint-demo",
    "ghcr.io/acme-research",
    "harbor.lab.internal",
    "quay.io/hpc-lab",
    "123456789012.dkr.ecr.eu-west-1.amazonaws.com",
    "cerit.io/users",
    "docker.io/mlteam",
)
GPU_BASES = (
    "nvidia/cuda:12.2.2-cudnn8-devel-ubuntu22.04",
    "nvidia/cuda:12.1.1-devel-ubuntu22.04",
    "nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04",
)


@dataclass(frozen=True)
class Profile:
    """The facts the manifest and the Dockerfile of one job must share."""

    index: int
    api: str  # kubeflow.org/<api>
    mpi: str  # OpenMPI | Intel | MPICH (spec.mpiImplementation spelling)
    base: str  # FROM of the final stage
    operator_base: bool  # FROM mpioperator/*: ssh already configured there
    user: str | None  # None: everything runs as root
    uid: int
    image_user: bool  # the Dockerfile ends with USER <user>; else the manifest must say runAsUser
    ssh_style: str  # etc-overwrite | etc-sed | etc-dropin | home | operator | root
    sshd_port: int
    workload: Workload
    gpus: int  # per worker; slotsPerWorker follows it for GPU jobs
    name: str
    image: str
    dockerfile_name: str

    @property
    def home(self) -> str:
        return f"/home/{self.user}" if self.user else "/root"

    @property
    def worker_sshd_config(self) -> str | None:
        """The ``-f`` file the worker's sshd must be given, when not /etc/ssh/sshd_config."""
        return f"{self.home}/.sshd_config" if self.ssh_style in ("home", "operator") else None


def _weighted(rng: random.Random, table: Sequence[tuple[str, float]]) -> str:
    return rng.choices([k for k, _ in table], [w for _, w in table])[0]


def make_profile(seed: int, index: int) -> Profile:
    """Drawn before either file, from its own stream, so neither file's draws can shift it."""
    rng = random.Random(f"{seed}:job:{index}")
    api = "v1" if rng.random() < 0.13 else "v2beta1"
    workload = rng.choices([w for w, _ in WORKLOADS], [w for _, w in WORKLOADS])[0]
    mpi = "OpenMPI"
    if api == "v2beta1" and not workload.gpu:
        mpi = _weighted(rng, (("OpenMPI", 78), ("MPICH", 13), ("Intel", 9)))
    root = mpi == "OpenMPI" and rng.random() < (0.25 if api == "v1" or workload.gpu else 0.06)
    if mpi == "Intel":
        base = "mpioperator/intel:0.6.0"
    elif mpi == "MPICH":
        base = rng.choice(("mpioperator/mpich:0.6.0", "debian:bookworm", "ubuntu:22.04"))
    elif workload.gpu:
        base = rng.choice(GPU_BASES)
    else:
        base = _weighted(
            rng,
            (
                ("ubuntu:22.04", 30),
                ("debian:bookworm", 26),
                ("mpioperator/openmpi:0.6.0", 0 if root else 22),
                ("ubuntu:24.04", 10),
                ("debian:bookworm-slim", 7),
                ("debian:12", 5),
            ),
        )
    operator_base = base.startswith("mpioperator/")
    if root:
        user: str | None = None
        uid = 0
        style = "root"
        port = rng.choice((22, 22, 22, 2222))
    elif operator_base:
        user, uid, style, port = "mpiuser", 1000, "operator", 2222
    else:
        roll = rng.random()
        user = "mpiuser" if roll < 0.55 else "user" if roll < 0.72 else rng.choice(USERS)
        uid = rng.choice((1000, 1000, 1000, 1000, 1000, 1000, 1001, 1100, 2000))
        style = _weighted(
            rng, (("etc-overwrite", 30), ("etc-sed", 30), ("etc-dropin", 15), ("home", 25))
        )
        port = 2222
    gpus = rng.choice((1, 2, 4, 4, 8)) if workload.gpu else 0
    name = f"{workload.stem}-{rng.choice(WORDS)}-{index}"
    team = rng.choice(TEAMS)
    tag = rng.choice(
        (
            f"1.{rng.randrange(12)}.{rng.randrange(20)}",
            f"v0.{rng.randrange(9)}.{rng.randrange(30)}",
            f"2024.{rng.randrange(1, 13):02d}",
            f"sha-{rng.getrandbits(28):07x}",
            f"{rng.randrange(1, 4)}.{rng.randrange(10)}-cuda12" if workload.gpu else "latest",
        )
    )
    image = f"{rng.choice(REGISTRIES)}/{team}/{workload.stem}:{tag}"
    dockerfile_name = "Containerfile" if rng.random() < 0.03 else "Dockerfile"
    # mpioperator's examples set runAsUser in the manifest instead of USER in the image.
    image_user = user is not None and (not operator_base or rng.random() < 0.7)
    return Profile(
        index, api, mpi, base, operator_base, user, uid, image_user, style, port, workload, gpus,
        name, image, dockerfile_name,
    )  # fmt: skip


# -- Manifests -------------------------------------------------------------------------------

# Mistake name → relative weight. Each is one that mpilint's rules are meant to catch.
MANIFEST_MISTAKES: dict[str, float] = {
    "unquoted_count": 18,  # MPL101: `- -n` then `- 2`
    "count_mismatch": 14,  # MPL102
    "placeholder": 6,  # MPL103: IMAGE / COMMAND from the platform's template
    "image_mismatch": 8,  # MPL104
    "duplicate_key": 6,  # MPL002
    "misspelt_field": 8,  # MPL106
    "launcher_replicas": 4,  # MPL108
    "toplevel_cleanpod": 5,  # MPL106/MPL111: v1's field in a v2beta1 spec
    "restart_always": 5,  # MPL109
    "ssh_user_missing": 7,  # MPL301, needs the Dockerfile
    "probe_port_22": 5,  # MPL115, needs the Dockerfile
    "openmpi_root": 7,  # MPL305, needs the Dockerfile
}
# Mistakes only the Dockerfile beside the manifest makes visible: without it they are latent.
NEEDS_DOCKERFILE = frozenset({"ssh_user_missing", "probe_port_22", "openmpi_root"})
MANIFEST_MISTAKE_RATE = 0.345
YAML_SYNTAX_RATE = 0.005
BIG_SHARE = 0.2  # jobs with many env vars, volumes, long args, affinity and tolerations


def _applicable(p: Profile) -> list[str]:
    names = ["unquoted_count", "count_mismatch", "placeholder", "image_mismatch"]
    names += ["duplicate_key", "misspelt_field", "launcher_replicas"]
    if p.api == "v2beta1":
        names += ["toplevel_cleanpod", "restart_always"]
        if p.user is not None:
            names += ["ssh_user_missing", "probe_port_22"]
    # CUDA images may set USER as far as mpilint knows, so the mistake would not show there.
    if p.user is None and p.mpi == "OpenMPI" and not p.base.startswith("nvidia/"):
        names.append("openmpi_root")
    return names


def pick_manifest_mistakes(rng: random.Random, p: Profile) -> list[str]:
    if rng.random() < YAML_SYNTAX_RATE:
        return ["yaml_syntax"]
    if rng.random() >= MANIFEST_MISTAKE_RATE:
        return []
    names = _applicable(p)
    # Root Open MPI jobs are few; weigh their own mistake up so it shows at all.
    weights = [MANIFEST_MISTAKES[n] * (6 if n == "openmpi_root" else 1) for n in names]
    count = 1 if rng.random() < 0.82 else 2 if rng.random() < 0.85 else 3
    chosen: list[str] = []
    for _ in range(count):
        pick = rng.choices(names, weights)[0]
        if pick not in chosen:
            chosen.append(pick)
    return chosen


# Environment variables by what a job runs, so a LAMMPS job does not carry NCCL settings.
# fmt: off
ENV_GROUPS: dict[str, tuple[tuple[str, str], ...]] = {
    "common": (
        ("OMP_NUM_THREADS", "1"), ("TZ", "Europe/Prague"), ("LOG_LEVEL", "info"),
        ("DATA_DIR", "/data"), ("OUTPUT_DIR", "/results"), ("SCRATCH", "/scratch"),
        ("EXPERIMENT", "baseline"), ("RUN_DATE", "2024-06-03"), ("MALLOC_ARENA_MAX", "2"),
        ("LANG", "C.UTF-8"), ("RESULTS_BUCKET", "s3://results/scaling-study"),
        ("S3_ENDPOINT", "https://s3.example.org"), ("AWS_REGION", "eu-west-1"),
        ("NOTIFY_URL", "https://hooks.example.org/services/mpi-jobs"), ("SCRATCH_QUOTA", "500G"),
        ("DEBUG", "no"),
    ),
    "hpc": (
        ("OPENBLAS_NUM_THREADS", "1"), ("MKL_NUM_THREADS", "1"), ("UCX_TLS", "tcp,self,sm"),
        ("UCX_NET_DEVICES", "eth0"), ("OMPI_MCA_btl_tcp_if_include", "eth0"),
        ("OMPI_MCA_pml", "ob1"), ("OMPI_MCA_btl", "^openib"), ("OMP_PROC_BIND", "close"),
        ("OMP_PLACES", "cores"), ("HWLOC_HIDE_ERRORS", "1"),
    ),
    "python": (
        ("PYTHONUNBUFFERED", "1"), ("PYTHONDONTWRITEBYTECODE", "1"), ("MPLCONFIGDIR", "/tmp/mpl"),
        ("PIP_NO_CACHE_DIR", "off"), ("SEED", "42"), ("NUM_WORKERS", "8"),
    ),
    "ml": (
        ("HF_HOME", "/cache/huggingface"), ("TORCH_HOME", "/cache/torch"),
        ("WANDB_PROJECT", "scaling-study"), ("WANDB_MODE", "offline"),
        ("MLFLOW_TRACKING_URI", "http://mlflow.mlflow.svc.cluster.local:5000"),
        ("BATCH_SIZE", "256"), ("LEARNING_RATE", "0.0003"), ("WARMUP_STEPS", "2000"),
        ("MAX_STEPS", "100000"), ("GRAD_ACCUM", "4"), ("PRECISION", "bf16"),
        ("DATASET", "imagenet-1k"), ("EVAL_INTERVAL", "1000"), ("PREFETCH", "4"),
        ("CHECKPOINT_EVERY", "500"), ("ENABLE_PROFILING", "false"),
    ),
    "gpu": (
        ("CUDA_DEVICE_ORDER", "PCI_BUS_ID"), ("NCCL_IB_DISABLE", "1"),
        ("NCCL_SOCKET_IFNAME", "eth0"), ("NCCL_P2P_LEVEL", "NVL"),
        ("NCCL_ASYNC_ERROR_HANDLING", "1"), ("GLOO_SOCKET_IFNAME", "eth0"),
        ("NCCL_DEBUG_SUBSYS", "INIT,NET"), ("TF_CPP_MIN_LOG_LEVEL", "2"),
        ("TF_FORCE_GPU_ALLOW_GROWTH", "true"), ("HOROVOD_LOG_LEVEL", "warning"),
        ("HOROVOD_FUSION_THRESHOLD", "67108864"), ("HOROVOD_CYCLE_TIME", "0.1"),
    ),
    "osu": (
        ("OSU_ITERS", "1000"), ("OSU_WARMUP", "100"), ("OSU_MAX_SIZE", "4194304"),
    ),
    "hpl": (
        ("HPL_DAT", "/etc/hpl/HPL.dat"), ("HPL_NB", "192"), ("HPL_PQ", "4x8"),
    ),
    "gromacs": (
        ("GMX_MAXBACKUP", "-1"), ("GMX_ENABLE_DIRECT_GPU_COMM", "0"),
    ),
    "lammps": (
        ("LAMMPS_POTENTIALS", "/opt/lammps/potentials"), ("LMP_STEPS", "20000"),
    ),
}
# fmt: on
WORKLOAD_ENV = {
    "pi": ("common", "hpc"),
    "hello": ("common",),
    "osu": ("common", "hpc", "osu"),
    "lammps": ("common", "hpc", "lammps"),
    "gromacs": ("common", "hpc", "gromacs"),
    "hpl": ("common", "hpc", "hpl"),
    "sweep": ("common", "python", "hpc"),
    "resnet": ("common", "python", "ml", "gpu"),
    "bert": ("common", "python", "ml", "gpu"),
    "tfbench": ("common", "python", "ml", "gpu"),
}  # fmt: skip
TOLERATIONS: tuple[dict[object, object], ...] = (
    {"key": "nvidia.com/gpu", "operator": "Exists", "effect": "NoSchedule"},
    {"key": "dedicated", "operator": "Equal", "value": "hpc", "effect": "NoSchedule"},
    {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute",
     "tolerationSeconds": 300},
    {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute",
     "tolerationSeconds": 300},
    {"key": "spot", "operator": "Equal", "value": "true", "effect": "NoSchedule"},
    {"key": "example.org/maintenance", "operator": "Exists", "effect": "NoSchedule"},
    {"key": "infiniband", "operator": "Exists"},
    {"key": "team", "operator": "Equal", "value": "ml", "effect": "PreferNoSchedule"},
)  # fmt: skip
INSTANCE_TYPES = ("c6i.8xlarge", "c6i.16xlarge", "hpc6a.48xlarge", "p4d.24xlarge",
                  "g5.12xlarge", "m6i.4xlarge", "a2-highgpu-4g", "n2-highcpu-32")  # fmt: skip
MPIRUN_OPTIONS: tuple[tuple[str, ...], ...] = (
    ("--bind-to", "none"), ("-map-by", "slot"), ("-x", "LD_LIBRARY_PATH"), ("-x", "PATH"),
    ("-mca", "pml", "ob1"), ("-mca", "btl", "^openib"), ("--mca", "btl_tcp_if_include", "eth0"),
    ("--report-bindings",), ("--tag-output",), ("-x", "OMP_NUM_THREADS=2"), ("--display-map",),
)  # fmt: skip
PROGRAM_FLAGS: tuple[str, ...] = (
    "--log-dir=/results/logs", "--checkpoint-dir=/results/ckpt", "--seed=42", "--warmup=100",
    "--eval-every=1000", "--save-every=5000", "--profile=false", "--data=/data/train",
    "--val-data=/data/val", "--workers=8", "--lr=0.0003", "--momentum=0.9",
    "--weight-decay=0.0001", "--label-smoothing=0.1", "--amp", "--clip-grad=1.0",
    "--scheduler=cosine", "--dropout=0.1", "--optimizer=lamb", "--dataset=imagenet",
)  # fmt: skip
# Training scripts driven by long command lines set options per part of the model.
PROGRAM_FLAGS += tuple(
    f"--{part}-{param}={value}"
    for part in ("encoder", "decoder", "head", "backbone", "stage1", "stage2", "stage3", "stage4")
    for param, value in (
        ("lr", "0.0001"), ("dropout", "0.1"), ("weight-decay", "0.05"), ("warmup-steps", "500"),
        ("freeze-epochs", "0"), ("grad-clip", "1.0"), ("init", "xavier"),
    )
)  # fmt: skip
# Options of the HPC codes, in their own syntax.
HPC_FLAGS: dict[str, tuple[tuple[str, ...], ...]] = {
    "lammps": (
        ("-var", "nx", "4"), ("-var", "ny", "4"), ("-var", "nz", "4"), ("-var", "temp", "300"),
        ("-sf", "omp"), ("-pk", "omp", "2"), ("-log", "/results/log.lammps"), ("-screen", "none"),
    ),
    "gromacs": (
        ("-nsteps", "50000"), ("-resethway",), ("-noconfout",), ("-pin", "on"), ("-nb", "cpu"),
        ("-dlb", "yes"), ("-maxh", "23.5"), ("-cpt", "15"), ("-npme", "0"),
    ),
    "osu": (("-x", "100"), ("-f",), ("-z",), ("-T", "mpi_float")),
}  # fmt: skip


@dataclass
class Job:
    """Every choice for one MPIJob document, drawn up front so that the builders below only
    read them (the order of draws is what keeps a file identical between runs)."""

    p: Profile
    rng: random.Random
    mistakes: frozenset[str]
    name: str
    big: int  # 0 normal, 1 big, 2 huge
    companions: frozenset[str]
    replicas: int
    slots: int
    launcher_as_worker: bool
    count: int
    placeholder: str | None  # image | command
    misspelt: str | None  # slots | pull | probe | ttl
    duplicate: str | None  # replicas | slots | image | memory
    probe: str | None  # port | named | None
    restart_target: str  # the replica whose restartPolicy the mistake sets to Always
    pod_security: bool  # runAsUser at pod level rather than per container
    style: tuple[int, int]  # YAML indentation, see to_yaml


def plan_job(
    p: Profile,
    rng: random.Random,
    mistakes: frozenset[str],
    name: str,
    big: int,
    companions: frozenset[str],
) -> Job:
    slots = p.gpus if p.workload.gpu else rng.choice((1, 1, 1, 1, 2, 2, 4, 8))
    if big == 0:
        replicas = rng.choice((1, 2, 2, 2, 2, 3, 4, 4, 6, 8))
    else:
        replicas = rng.choice((4, 8, 8, 16, 16, 32, 64))
    launcher_as_worker = p.api == "v2beta1" and not p.workload.gpu and rng.random() < 0.04
    total = (replicas + (1 if launcher_as_worker else 0)) * slots
    count = total
    if "count_mismatch" in mistakes:
        wrong = {replicas, total * 2, total + 1, total - 1, slots, 2 * replicas}
        wrong.discard(total)
        wrong.discard(0)
        count = rng.choice(sorted(wrong))
    placeholder = None
    if "placeholder" in mistakes:
        both = "image_mismatch" in mistakes
        placeholder = "command" if both or rng.random() < 0.45 else "image"
    duplicate = None
    if "duplicate_key" in mistakes:
        duplicate = rng.choice(("replicas", "slots", "image", "memory"))
    misspelt = None
    if "misspelt_field" in mistakes:
        # Not a misspelling that removes the key another mistake lives on.
        options = ["pull", "ttl"] + (["slots"] if duplicate != "slots" else [])
        if p.api == "v2beta1" and "probe_port_22" not in mistakes:
            options.append("probe")
        misspelt = rng.choice(options)
    probe: str | None = None
    if p.api == "v2beta1":
        if p.user is not None:
            probe = "named" if rng.random() < 0.15 else "port" if rng.random() < 0.92 else None
        else:
            probe = "port" if rng.random() < 0.5 else None
        if probe is None and ({"probe_port_22"} & mistakes or misspelt == "probe"):
            probe = "port"
        if "probe_port_22" in mistakes:
            probe = "port"
    return Job(
        p, rng, mistakes, name, big, companions, replicas, slots, launcher_as_worker, count,
        placeholder, misspelt, duplicate, probe, rng.choice(("worker", "worker", "launcher")),
        p.user is not None and rng.random() < 0.3,
        rng.choice(((2, 0), (2, 0), (2, 0), (2, 2), (2, 2), (2, 2), (4, 4))),
    )  # fmt: skip


def _shell_quote(word: str) -> str:
    if re.fullmatch(r"[\w@%+=:,./^-]+", word):
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"


def _option_units(words: Sequence[str]) -> list[str]:
    """Words with each option glued to its value, so a wrapped command line breaks between
    options (``--bind-to none``), as people write them."""
    units: list[str] = []
    for word in words:
        last = units[-1] if units else ""
        if last.startswith("-") and not word.startswith("-") and not {" ", "="} & set(last):
            units[-1] += " " + word
        else:
            units.append(word)
    return units


def _wrap(words: Sequence[str], width: int) -> list[str]:
    lines: list[str] = []
    cur = ""
    for word in words:
        if cur and len(cur) + 1 + len(word) > width:
            lines.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}" if cur else word
    lines.append(cur)
    return lines


def _program(j: Job) -> list[str]:
    p, rng = j.p, j.rng
    if j.placeholder == "command":
        return ["COMMAND"]
    home = "/home/mpiuser" if p.operator_base else p.home
    if p.user is None and "{home}" in p.workload.program[0]:
        home = "/opt/app"
    prog = [a.replace("{home}", home) for a in p.workload.program]
    if p.workload.stem in HPC_FLAGS:
        pool = HPC_FLAGS[p.workload.stem]
        for option in rng.sample(pool, (rng.randrange(0, 2), len(pool) // 2, len(pool))[j.big]):
            prog += option
    elif prog[0].startswith("python"):
        extra = (rng.randrange(0, 3), rng.randrange(10, 40), rng.randrange(40, 76))[j.big]
        prog += PROGRAM_FLAGS[:extra]
    return prog


def _mpirun_options(j: Job) -> list[str]:
    p, rng = j.p, j.rng
    opts: list[str] = []
    if p.user is None and "openmpi_root" not in j.mistakes:
        opts.append("--allow-run-as-root")
    if p.mpi == "OpenMPI":
        pool = list(MPIRUN_OPTIONS)
        if p.workload.gpu:
            pool += [("-x", "NCCL_DEBUG=INFO"), ("-x", "NCCL_SOCKET_IFNAME=eth0")]
        for option in rng.sample(pool, rng.randrange(0, 5 if j.big == 0 else 10)):
            opts += option
    elif p.mpi == "Intel":
        if rng.random() < 0.5:
            opts += ["-ppn", str(j.slots)]
        if rng.random() < 0.4:
            opts += ["-genv", "I_MPI_DEBUG", "5"]
    elif rng.random() < 0.4:
        opts += ["-ppn", str(j.slots)]
    return opts


def _launcher_command(j: Job) -> dict[object, object]:
    """The launcher's command/args in one of the shapes users write (domain notes 2.2)."""
    p, rng = j.p, j.rng
    count_needed = bool(j.mistakes & {"unquoted_count", "count_mismatch", "openmpi_root"})
    # The template's COMMAND is a list item of its own; inside a shell string it is just a word.
    list_only = j.placeholder == "command"
    if p.mpi in ("Intel", "MPICH") and p.operator_base:
        shape = "args-only"  # so the image's /entrypoint.sh still runs first
    elif "unquoted_count" in j.mistakes:
        shape = "split"
    elif p.api == "v1":
        shape = _weighted(rng, (("split", 5), ("command", 3), ("flow", 1)))
    else:
        horovod = p.workload.stem in ("resnet", "tfbench") and not count_needed
        shape = _weighted(
            rng,
            (
                ("split", 40),
                ("command", 16),
                ("flow", 14),
                ("bash", 0 if list_only else 18),
                ("horovodrun", 14 if horovod else 0),
                ("no-count", 0 if count_needed else 5),
            ),
        )
    runner = "mpiexec" if p.mpi == "MPICH" and rng.random() < 0.3 else "mpirun"
    opts = _mpirun_options(j)
    prog = _program(j)
    if shape == "horovodrun":
        total = (j.replicas + (1 if j.launcher_as_worker else 0)) * j.slots
        hvd = ["-np", str(total), "--hostfile", "/etc/mpi/hostfile"]
        return {"command": ["horovodrun"], "args": [*hvd, *prog]}
    if shape == "no-count":
        return {"command": [runner, *opts, *prog]}
    flag = rng.choice(("-n", "-np", "-n"))
    count: object = j.count if "unquoted_count" in j.mistakes else str(j.count)
    argv: list[object] = [runner, flag, count, *opts, *prog]
    if shape == "split":
        return {"command": argv[:1], "args": argv[1:]}
    if shape == "args-only":
        return {"args": argv}
    if shape == "command":
        return {"command": argv}
    if shape == "flow":
        return {"command": Flow(tuple(argv))}
    words = [_shell_quote(str(w)) for w in argv]
    if rng.random() < 0.5:
        words[:0] = [rng.choice(("exec", "timeout 86400", "env"))] if rng.random() < 0.5 else []
        lines = _wrap(words, 70)
        arg: object = Block(">-", "\n".join(lines)) if len(lines) > 1 else " ".join(words)
    else:
        chunks = _wrap(_option_units(words), 64)
        pre = rng.choice(("set -euo pipefail", "set -e", "set -ex"))
        arg = Block(
            "|", f'{pre}\necho "starting {j.name} on $(hostname)"\n' + " \\\n  ".join(chunks)
        )
    return {"command": Flow(("/bin/bash", "-c")), "args": [arg]}


def _worker_command(j: Job) -> dict[object, object]:
    p, rng = j.p, j.rng
    if p.api == "v1":
        return {}
    conf = p.worker_sshd_config
    if conf is not None:
        if p.operator_base and p.mpi in ("Intel", "MPICH"):
            return {"command": None, "args": ["/usr/sbin/sshd", "-De", "-f", conf]}
        if rng.random() < 0.6:
            return {"command": ["/usr/sbin/sshd"], "args": ["-De", "-f", conf]}
        return {"command": Flow(("/usr/sbin/sshd", "-De", "-f", conf))}
    roll = rng.random()
    if roll < 0.6:
        return {}
    if roll < 0.85:
        return {"command": Flow(("/usr/sbin/sshd", "-De"))}
    return {"command": ["/bin/sh", "-c"], "args": ["exec /usr/sbin/sshd -De"]}


def _env(j: Job, n: int) -> list[object]:
    rng = j.rng
    pool = [e for group in WORKLOAD_ENV[j.p.workload.stem] for e in ENV_GROUPS[group]]
    if j.p.mpi != "OpenMPI":
        pool = [e for e in pool if not e[0].startswith("OMPI_")]
    picked = rng.sample(pool, min(n, len(pool)))
    env: list[object] = [{"name": k, "value": v} for k, v in picked]
    env += [{"name": f"APP_OPTION_{i:02d}", "value": f"opt-{i}"} for i in range(n - len(pool))]
    if n >= 4 and rng.random() < 0.6:
        env.append({"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "metadata.name"}}})
    if n >= 6 and rng.random() < 0.5:
        env.append({"name": "NODE_NAME", "valueFrom": {"fieldRef": {"fieldPath": "spec.nodeName"}}})
    if "secret" in j.companions and rng.random() < 0.8:
        ref = {"name": f"{j.name}-wandb", "key": "api-key"}
        env.append({"name": "WANDB_API_KEY", "valueFrom": {"secretKeyRef": ref}})
    return env


def _resources(j: Job, role: str) -> dict[object, object]:
    rng = j.rng
    if role == "launcher":
        cpu, mem, gpus = rng.choice((1, 1, 2)), rng.choice((1, 2, 4)), 0
    else:
        cpu, mem = rng.choice((2, 4, 8, 16, 32)), rng.choice((4, 8, 16, 32, 64, 128))
        gpus = j.p.gpus
    limits: dict[object, object] = {}
    limits["cpu"] = str(cpu) if rng.random() < 0.5 else cpu
    limits["memory"] = f"{mem}Gi"
    if j.duplicate == "memory" and role == "worker":
        limits[Key("memory", 1)] = f"{mem * 2}Gi"
    if gpus:
        limits["nvidia.com/gpu"] = gpus
    if rng.random() < (0.3 if j.big == 0 else 0.6):
        requests: dict[object, object] = {"cpu": f"{cpu * 750}m", "memory": f"{mem}Gi"}
        if gpus:
            requests["nvidia.com/gpu"] = gpus
        return {"limits": limits, "requests": requests}
    return {"limits": limits}


VOLUME_CATALOG: tuple[tuple[str, str, str, bool], ...] = (
    ("data", "pvc:{job}-data", "/data", True),
    ("results", "pvc:shared-results", "/results", False),
    ("scratch", "emptydir", "/scratch", False),
    ("settings", "configmap:{job}-settings", "/etc/app", True),
    ("cache", "emptydir:50Gi", "/cache", False),
    ("inputs", "nfs:/export/inputs", "/inputs", True),
    ("models", "pvc:model-zoo", "/models", True),
    ("creds", "secret:{job}-wandb", "/var/run/secrets/app", True),
    ("localtime", "hostpath:/etc/localtime", "/etc/localtime", True),
    ("logs", "emptydir", "/var/log/app", False),
    ("datasets", "nfs:/export/datasets", "/datasets", True),
    ("checkpoints", "pvc:{job}-ckpt", "/checkpoints", False),
)


def _volume(vname: str, spec: str, job: str) -> dict[object, object]:
    kind, _, arg = spec.partition(":")
    arg = arg.replace("{job}", job)
    if kind == "pvc":
        return {"name": vname, "persistentVolumeClaim": {"claimName": arg}}
    if kind == "configmap":
        return {"name": vname, "configMap": {"name": arg}}
    if kind == "secret":
        return {"name": vname, "secret": {"secretName": arg, "defaultMode": 288}}
    if kind == "nfs":
        return {"name": vname, "nfs": {"server": "nfs.example.org", "path": arg}}
    if kind == "hostpath":
        return {"name": vname, "hostPath": {"path": arg, "type": "File"}}
    return {"name": vname, "emptyDir": {"sizeLimit": arg} if arg else {}}


def _volumes(j: Job, role: str) -> tuple[list[object], list[object]]:
    rng = j.rng
    vols: list[object] = []
    mounts: list[object] = []
    if role == "worker" and (j.p.workload.gpu or rng.random() < 0.25):
        vols.append({"name": "dshm", "emptyDir": {"medium": "Memory", "sizeLimit": "16Gi"}})
        mounts.append({"name": "dshm", "mountPath": "/dev/shm"})
    n = (rng.randrange(0, 3) if rng.random() < 0.4 else 0, rng.randrange(4, 10), 0)[j.big]
    catalog = list(VOLUME_CATALOG)
    if "settings" not in j.companions:
        catalog = [c for c in catalog if "{job}-settings" not in c[1]]
    if "secret" not in j.companions:
        catalog = [c for c in catalog if "{job}-wandb" not in c[1]]
    if j.big == 2:
        n = len(catalog) + rng.randrange(4, 16)
    for i in range(n):
        if i < len(catalog):
            vname, spec, path, read_only = catalog[i]
        else:
            vname, spec, path, read_only = f"shard-{i:02d}", "emptydir", f"/shards/{i:02d}", False
        vols.append(_volume(vname, spec, j.name))
        mount: dict[object, object] = {"name": vname, "mountPath": path}
        if read_only:
            mount["readOnly"] = True
        mounts.append(mount)
    return vols, mounts


def _affinity(j: Job, role: str) -> dict[object, object]:
    rng = j.rng
    term = {
        "key": "node.kubernetes.io/instance-type",
        "operator": "In",
        "values": rng.sample(INSTANCE_TYPES, rng.randrange(1, 4)),
    }
    required = {"nodeSelectorTerms": [{"matchExpressions": [term]}]}
    aff: dict[object, object] = {
        "nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": required}
    }
    if role == "worker":
        selector = {
            "matchLabels": {
                "training.kubeflow.org/job-name": j.name,
                "training.kubeflow.org/job-role": "worker",
            }
        }
        preferred = {
            "weight": 100,
            "podAffinityTerm": {"labelSelector": selector, "topologyKey": "kubernetes.io/hostname"},
        }
        aff["podAntiAffinity"] = {"preferredDuringSchedulingIgnoredDuringExecution": [preferred]}
    return aff


def _image_for(j: Job, role: str) -> str:
    if j.placeholder == "image":
        return "IMAGE"
    if role == "launcher" and "image_mismatch" in j.mistakes:
        repo, _, tag = j.p.image.rpartition(":")
        other = [t for t in ("latest", "1.0.1", "2024.05", "v0.2.0", "dev") if t != tag]
        return f"{repo}:{j.rng.choice(other)}"
    return j.p.image


def _container(j: Job, role: str, mounts: list[object]) -> dict[object, object]:
    p, rng = j.p, j.rng
    c: dict[object, object] = {}
    image = _image_for(j, role)
    names = ("launcher", "mpi-launcher", f"{p.workload.stem}-launcher")
    if role == "worker":
        names = ("worker", "mpi-worker", f"{p.workload.stem}-worker")
    cname = rng.choice(names)
    if rng.random() < 0.6:
        c["image"] = image
        c["name"] = cname
    else:
        c["name"] = cname
        c["image"] = image
    if j.duplicate == "image" and role == "worker":
        c[Key("image", 1)] = image
    if rng.random() < 0.35 or j.misspelt == "pull":
        pull = "imagePullPolicey" if j.misspelt == "pull" and role == "launcher" else None
        c[pull or "imagePullPolicy"] = rng.choice(("IfNotPresent", "Always"))
    c.update(_launcher_command(j) if role == "launcher" else _worker_command(j))
    if role == "worker" and j.probe is not None:
        port: object = 22 if "probe_port_22" in j.mistakes else p.sshd_port
        if j.probe == "named":
            c["ports"] = [{"name": "ssh", "containerPort": p.sshd_port, "protocol": "TCP"}]
            port = "ssh" if "probe_port_22" not in j.mistakes else port
        probe: dict[object, object] = {"tcpSocket": {"port": port}}
        if rng.random() < 0.7:
            probe["initialDelaySeconds"] = rng.choice((2, 3, 5))
        if rng.random() < 0.5:
            probe["periodSeconds"] = rng.choice((2, 5, 10))
        c["readinesProbe" if j.misspelt == "probe" else "readinessProbe"] = probe
    n_env = (rng.randrange(1, 5) if rng.random() < 0.3 else 0, rng.randrange(12, 48))[min(j.big, 1)]
    if j.big == 2:
        n_env = rng.randrange(40, 100)
    if n_env:
        c["env"] = _env(j, n_env)
    root_mistake = "openmpi_root" in j.mistakes and role == "launcher"
    if "settings" in j.companions and rng.random() < 0.5 and not root_mistake:
        c["envFrom"] = [{"configMapRef": {"name": f"{j.name}-settings"}}]
    if p.user is not None and not j.pod_security and (not p.image_user or rng.random() < 0.85):
        sc: dict[object, object] = {"runAsUser": p.uid}
        if rng.random() < 0.25:
            sc["runAsGroup"] = p.uid
        if not p.operator_base and rng.random() < 0.2:
            sc["allowPrivilegeEscalation"] = False
            sc["capabilities"] = {"drop": ["ALL"]}
        c["securityContext"] = sc
    c["resources"] = _resources(j, role)
    if mounts:
        c["volumeMounts"] = mounts
    if j.big and rng.random() < 0.3:
        c["workingDir"] = "/home/mpiuser" if p.operator_base else p.home
    return c


def _pod(j: Job, role: str) -> dict[object, object]:
    p, rng = j.p, j.rng
    spec: dict[object, object] = {}
    vols, mounts = _volumes(j, role)
    if j.big:
        if rng.random() < 0.5:
            spec["priorityClassName"] = rng.choice(("batch-high", "research", "preemptible"))
        if rng.random() < 0.4:
            spec["serviceAccountName"] = f"{p.workload.stem}-runner"
        if rng.random() < 0.5:
            spec["imagePullSecrets"] = [{"name": "regcred"}]
        if role == "worker" and rng.random() < 0.6:
            spec["terminationGracePeriodSeconds"] = 30
    if j.pod_security:
        spec["securityContext"] = {"runAsUser": p.uid, "runAsGroup": p.uid, "fsGroup": p.uid}
    if j.big and role == "worker" and rng.random() < 0.7:
        init_cmd = "until nc -z nfs.example.org 2049; do echo waiting for nfs; sleep 2; done"
        spec["initContainers"] = [
            {
                "name": "wait-for-storage",
                "image": "busybox:1.36",
                "command": ["sh", "-c", init_cmd],
            }
        ]
    containers = [_container(j, role, mounts)]
    if j.big == 2 and role == "worker":
        containers.append(
            {
                "name": "log-shipper",
                "image": "fluent/fluent-bit:3.0.7",
                "args": ["-c", "/fluent-bit/etc/fluent-bit.conf"],
                "resources": {"limits": {"cpu": "100m", "memory": "128Mi"}},
                "volumeMounts": [{"name": "logs", "mountPath": "/var/log/app", "readOnly": True}],
            }
        )
        if not any(isinstance(v, dict) and v.get("name") == "logs" for v in vols):
            vols.append({"name": "logs", "emptyDir": {}})
    spec["containers"] = containers
    if p.workload.gpu and role == "worker" and rng.random() < 0.7:
        spec["nodeSelector"] = {"nvidia.com/gpu.product": "NVIDIA-A100-SXM4-80GB"}
    if j.big or (p.workload.gpu and role == "worker" and rng.random() < 0.3):
        spec["tolerations"] = rng.sample(TOLERATIONS, rng.randrange(1, len(TOLERATIONS)))
    if j.big and rng.random() < 0.8:
        spec["affinity"] = _affinity(j, role)
    if vols:
        spec["volumes"] = vols
    template: dict[object, object] = {}
    meta: dict[object, object] = {}
    if rng.random() < 0.1 or j.big:
        meta["labels"] = {"app": j.name, "team": j.p.image.split("/")[-2], "role": role}
    if rng.random() < 0.2 or j.big == 2:
        notes: dict[object, object] = {"sidecar.istio.io/inject": "false"}
        if j.big == 2:
            notes.update({"prometheus.io/scrape": "true", "prometheus.io/port": "9100"})
        meta["annotations"] = notes
    if meta:
        template["metadata"] = meta
    template["spec"] = spec
    return template


def _replica(j: Job, role: str) -> dict[object, object]:
    rng = j.rng
    r: dict[object, object] = {}
    if role == "launcher":
        r["replicas"] = 2 if "launcher_replicas" in j.mistakes else 1
        if rng.random() < 0.3:
            r["restartPolicy"] = rng.choice(("OnFailure", "Never"))
    else:
        r["replicas"] = j.replicas
        if j.duplicate == "replicas":
            r[Key("replicas", 1)] = j.replicas
        if rng.random() < 0.3:
            r["restartPolicy"] = "Never"
    if "restart_always" in j.mistakes and role == j.restart_target:
        r["restartPolicy"] = "Always"
    r["template"] = _pod(j, role)
    return r


def mpijob_doc(j: Job) -> dict[object, object]:
    p, rng = j.p, j.rng
    meta: dict[object, object] = {"name": j.name}
    if rng.random() < 0.25:
        meta["namespace"] = rng.choice(("default", "hpc", "ml-research", "team-a", "kubeflow"))
    if j.big or rng.random() < 0.15:
        meta["labels"] = {
            "app.kubernetes.io/name": p.workload.stem,
            "app.kubernetes.io/part-of": "benchmarks" if not p.workload.gpu else "training",
        }
    if j.big == 2:
        meta["annotations"] = {
            "example.org/owner": "hpc-team@example.org",
            "example.org/cost-center": "4711",
            "example.org/description": f"{p.workload.stem} scaling run on {j.replicas} workers",
        }
    spec: dict[object, object] = {}
    if j.slots != 1 or rng.random() < 0.85 or j.misspelt == "slots" or j.duplicate == "slots":
        spec["slotPerWorker" if j.misspelt == "slots" else "slotsPerWorker"] = j.slots
    if j.duplicate == "slots":
        spec[Key("slotsPerWorker", 1)] = j.slots
    if j.launcher_as_worker:
        spec["runLauncherAsWorker"] = True
    if p.api == "v2beta1" and j.probe is not None and rng.random() < 0.75:
        spec["launcherCreationPolicy"] = "WaitForWorkersReady"
    run: dict[object, object] = {}
    clean = rng.choice(("Running", "All", "Running"))
    if "toplevel_cleanpod" in j.mistakes:
        spec["cleanPodPolicy"] = clean
    else:
        run["cleanPodPolicy"] = clean
    if rng.random() < 0.35 or j.misspelt == "ttl":
        run["ttlSecondAfterFinished" if j.misspelt == "ttl" else "ttlSecondsAfterFinished"] = (
            rng.choice((60, 300, 3600, 86400))
        )
    if rng.random() < 0.3:
        run["backoffLimit"] = rng.choice((2, 3, 6))
    if j.big and rng.random() < 0.5:
        run["activeDeadlineSeconds"] = rng.choice((86400, 172800, 604800))
    if run:
        spec["runPolicy"] = run
    if p.api == "v2beta1":
        if p.user is not None:
            user = p.user
            if "ssh_user_missing" in j.mistakes:
                # not "ubuntu": ubuntu:24.04 has that user, so it would not be missing
                user = "mpiuser" if p.user != "mpiuser" else rng.choice(("user", "hpc", "jovyan"))
            spec["sshAuthMountPath"] = f"/home/{user}/.ssh"
        elif rng.random() < 0.2:
            spec["sshAuthMountPath"] = "/root/.ssh"
        if p.mpi != "OpenMPI" or rng.random() < 0.3:
            spec["mpiImplementation"] = p.mpi
    spec["mpiReplicaSpecs"] = {"Launcher": _replica(j, "launcher"), "Worker": _replica(j, "worker")}
    doc: dict[object, object] = {
        "apiVersion": f"kubeflow.org/{p.api}",
        "kind": "MPIJob",
        "metadata": meta,
        "spec": spec,
    }
    return doc


# Companion objects that share a file with the job, as in real deployment folders.
COMPANIONS: tuple[tuple[str, float], ...] = (
    ("settings", 35),
    ("secret", 20),
    ("pvc", 20),
    ("service", 12),
    ("mpijob", 13),
)


def _settings_doc(j: Job) -> dict[object, object]:
    rng = j.rng
    lines = ["training:"]
    for i in range(rng.randrange(4, 12 if j.big < 2 else 120)):
        lines.append(f"  param_{i:03d}: {rng.randrange(1, 10000)}")
    lines += ["logging:", "  level: info", "  format: json"]
    data: dict[object, object] = {"EPOCHS": "90", "LOG_LEVEL": "info"}
    data["config.yaml"] = Block("|", "\n".join(lines))
    return {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": f"{j.name}-settings"},
        "data": data,
    }


def _companion(j: Job, kind: str) -> dict[object, object]:
    rng = j.rng
    if kind == "settings":
        return _settings_doc(j)
    if kind == "secret":
        token = "".join(rng.choice("abcdef0123456789") for _ in range(40))
        return {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {"name": f"{j.name}-wandb"},
            "type": "Opaque",
            "stringData": {"api-key": token},
        }
    if kind == "pvc":
        return {
            "apiVersion": "v1",
            "kind": "PersistentVolumeClaim",
            "metadata": {"name": f"{j.name}-data"},
            "spec": {
                "accessModes": ["ReadWriteMany"],
                "storageClassName": rng.choice(("nfs-csi", "cephfs", "efs-sc")),
                "resources": {"requests": {"storage": f"{rng.choice((50, 200, 1000))}Gi"}},
            },
        }
    return {
        "apiVersion": "v1",
        "kind": "Service",
        "metadata": {"name": f"{j.name}-tensorboard"},
        "spec": {
            "selector": {
                "training.kubeflow.org/job-name": j.name,
                "training.kubeflow.org/job-role": "launcher",
            },
            "ports": [{"name": "http", "port": 6006, "targetPort": 6006}],
        },
    }


@dataclass(frozen=True)
class Rendered:
    path: str  # relative to OUT
    text: str
    mistakes: tuple[str, ...]
    documents: int = 0
    latent: tuple[str, ...] = ()  # mistakes invisible without the paired Dockerfile


HEADER_COMMENTS = (
    "Submit with: kubectl create -f mpijob.yaml -n my-namespace",
    "The image is built from the Dockerfile in this folder.",
    "Scaling study, see the team wiki for the results.",
    "Copied from the platform documentation and adapted.",
    "Owner: hpc-team@example.org",
)


def render_manifest(seed: int, p: Profile, has_dockerfile: bool) -> Rendered:
    rng = random.Random(f"{seed}:manifest:{p.index}")
    ext = ".yml" if rng.random() < 0.1 else ".yaml"
    mistakes = pick_manifest_mistakes(rng, p)
    roll = rng.random()
    big = 2 if roll < 0.02 else 1 if roll < BIG_SHARE else 0
    companions: list[str] = []
    if rng.random() < 0.12:
        for _ in range(rng.choice((1, 2, 2, 2, 3, 4))):
            kind = _weighted(rng, COMPANIONS)
            if kind not in companions:
                companions.append(kind)
    job = plan_job(p, rng, frozenset(mistakes), p.name, big, frozenset(companions))
    docs: list[list[str]] = [to_yaml(mpijob_doc(job), job.style)]
    if "yaml_syntax" in mistakes:
        _break_yaml(rng, docs[0])
    for kind in companions:
        if kind == "mpijob":
            twin = plan_job(p, rng, frozenset(), f"{p.name}-eval", 0, frozenset())
            docs.append(to_yaml(mpijob_doc(twin), twin.style))
        elif rng.random() < 0.6:
            docs.insert(0, to_yaml(_companion(job, kind), job.style))
        else:
            docs.append(to_yaml(_companion(job, kind), job.style))
    head: list[str] = []
    if rng.random() < 0.35:
        head = ["# " + c for c in rng.sample(HEADER_COMMENTS, rng.randrange(1, 3))]
    if rng.random() < 0.1:
        head.append("---")
    text = "\n".join([*head, "\n---\n".join("\n".join(d) for d in docs)]) + "\n"
    latent = tuple(m for m in mistakes if m in NEEDS_DOCKERFILE) if not has_dockerfile else ()
    return Rendered(job_dir(p.index) + "/mpijob" + ext, text, tuple(mistakes), len(docs), latent)


def _break_yaml(rng: random.Random, lines: list[str]) -> None:
    """The two slips that make a file unreadable: a tab in the indentation, a quote left
    open (here, a flow list never closed)."""
    candidates = [i for i, line in enumerate(lines) if line.startswith("      ") and ": " in line]
    i = rng.choice(candidates)
    if rng.random() < 0.6:
        lines[i] = "\t" + lines[i].lstrip(" ")
    else:
        key, _, value = lines[i].partition(": ")
        lines[i] = f'{key}: "{value.strip(chr(34))}'


def job_dir(index: int) -> str:
    return f"jobs/j{index:05d}"


# -- Dockerfiles -----------------------------------------------------------------------------

DOCKERFILE_MISTAKES: dict[str, float] = {
    "no_stricthostkey": 1,  # MPL201: ssh_config never turns StrictHostKeyChecking off
    "strictmodes_on": 1,  # MPL203: sshd keeps StrictModes yes for a non-root user
}
DOCKERFILE_MISTAKE_RATE = 0.08
EXTRA_PACKAGES = (
    "ca-certificates", "curl", "wget", "vim-tiny", "less", "procps", "iproute2",
    "iputils-ping", "dnsutils", "bind9-host", "net-tools", "git", "rsync", "unzip", "tini",
    "htop", "jq", "numactl", "hwloc", "libnuma1",
)  # fmt: skip
SSH_COMMENTS = (
    "# mpirun reaches every worker over ssh: no host key prompt, no known_hosts in ~/.ssh.",
    "# The operator mounts the job's key pair at sshAuthMountPath; sshd runs as the user.",
    "# Client and server agree on port {port}; a non-root sshd cannot bind 22.",
)
ETC_SSH = "/etc/ssh/ssh_config"
ETC_SSHD = "/etc/ssh/sshd_config"


def pick_dockerfile_mistakes(rng: random.Random, p: Profile) -> list[str]:
    # Only where the Dockerfile writes the ssh configuration itself, and the job uses ssh.
    if p.operator_base or p.api != "v2beta1" or rng.random() >= DOCKERFILE_MISTAKE_RATE:
        return []
    if p.user is None:
        return ["no_stricthostkey"]
    return [rng.choice(sorted(DOCKERFILE_MISTAKES))]


def _run(pieces: Sequence[str], indent: str = "    ") -> list[str]:
    """One RUN with ``&& \\`` continuations, the way every recipe writes it."""
    out = ["RUN " + pieces[0] + (" && \\" if len(pieces) > 1 else "")]
    for k, piece in enumerate(pieces[1:], 2):
        out.append(indent + piece + (" && \\" if k < len(pieces) else ""))
    return out


def _apt(rng: random.Random, p: Profile, packages: list[str]) -> list[str]:
    step = rng.choice((4, 5, 6))
    rows = [" ".join(packages[i : i + step]) for i in range(0, len(packages), step)]
    install = "apt-get install -y --no-install-recommends"
    if rng.random() < 0.6:  # the platform recipe: the whole list on one line
        return [
            "RUN apt-get update && \\",
            f"    apt-get -y --no-install-recommends install {' '.join(packages)} && \\",
            "    apt-get clean && rm -rf /var/lib/apt/lists/*",
        ]
    if rng.random() < 0.3:
        head = f"apt-get update && {install} \\"
        body = [f"        {r} \\" for r in rows]
        return [f"RUN {head}", *body, "    && apt-get clean && rm -rf /var/lib/apt/lists/*"]
    out = ["RUN apt-get update && \\", f"    {install} \\"]
    out += [
        f"        {r} && \\" if k == len(rows) - 1 else f"        {r} \\"
        for k, r in enumerate(rows)
    ]
    out += ["    apt-get clean && \\", "    rm -rf /var/lib/apt/lists/*"]
    return out


def _ssh_client(rng: random.Random, p: Profile, mistakes: list[str]) -> list[str]:
    """ssh_config: no host key prompts, no known_hosts in the read-only ~/.ssh, the workers'
    port. Written as the CERIT recipe, as mpioperator/base, or appended by hand."""
    skip_shk = "no_stricthostkey" in mistakes
    port = p.sshd_port != 22
    style = rng.choice(("cerit", "base", "echo", "dropin"))
    if style == "dropin":
        body = "Host *\\n"
        if not skip_shk:
            body += "    StrictHostKeyChecking no\\n"
        body += "    UserKnownHostsFile /dev/null\\n"
        if port:
            body += f"    Port {p.sshd_port}\\n"
        return [f"RUN printf '{body}' > /etc/ssh/ssh_config.d/mpi.conf"]
    pieces: list[str] = []
    if style == "echo":
        if not skip_shk:
            pieces.append(f'echo "    StrictHostKeyChecking no" >> {ETC_SSH}')
        pieces.append(f'echo "    UserKnownHostsFile /dev/null" >> {ETC_SSH}')
        if port:
            pieces.append(f'echo "    Port {p.sshd_port}" >> {ETC_SSH}')
        return _run(pieces)
    q = "'" if style == "cerit" else '"'
    if not skip_shk:
        pieces.append(f"sed -i {q}s/[ #]\\(.*StrictHostKeyChecking \\).*/ \\1no/g{q} {ETC_SSH}")
    pieces.append(f'echo "    UserKnownHostsFile /dev/null" >> {ETC_SSH}')
    if port and style == "cerit":
        pieces.append(f"sed -i 's/.*Port 22.*/   Port {p.sshd_port}/g' {ETC_SSH}")
    elif port:
        pieces.append(f'sed -i "s/[ #]\\(.*Port \\).*/ \\1{p.sshd_port}/g" {ETC_SSH}')
    return _run(pieces)


def _ssh_server(rng: random.Random, p: Profile, mistakes: list[str]) -> list[str]:
    """The sshd configuration a non-root worker can start with: a port above 1024, a PID file
    and a host key the user can reach, and StrictModes off for the mounted Secret."""
    strict = "strictmodes_on" not in mistakes
    home, user = p.home, p.user or "root"
    host_key = rng.choice(("~/.ssh/id_rsa", f"{home}/.ssh/id_rsa"))
    pid = rng.choice(("/tmp/sshd.pid", f"{home}/sshd.pid"))
    if p.ssh_style == "root":
        lines = _run(["mkdir -p /var/run/sshd", "ssh-keygen -A"])
        if p.sshd_port != 22:
            lines += [f"RUN sed -i 's/#\\(Port \\).*/\\1{p.sshd_port}/g' {ETC_SSHD}"]
        return lines
    settings = [f"Port {p.sshd_port}", f"PidFile {pid}", f"HostKey {host_key}"]
    if strict:
        settings.insert(rng.randrange(len(settings) + 1), "StrictModes no")
    if p.ssh_style == "etc-overwrite":
        pieces = [f'echo "{settings[0]}" > {ETC_SSHD}']
        pieces += [f'echo "{s}" >> {ETC_SSHD}' for s in settings[1:]]
        if rng.random() < 0.6:
            pieces.append(f'echo "ListenAddress 0.0.0.0" >> {ETC_SSHD}')
        return _run(pieces)
    if p.ssh_style == "etc-sed":
        pieces = [f"sed -i 's/#\\(Port \\).*/\\1{p.sshd_port}/g' {ETC_SSHD}"]
        if strict:
            pieces.append(f"sed -i 's/#\\(StrictModes \\).*/\\1no/g' {ETC_SSHD}")
        pieces += [
            f'echo "PidFile {pid}" >> {ETC_SSHD}',
            f'echo "HostKey {host_key}" >> {ETC_SSHD}',
        ]
        return _run(pieces)
    if p.ssh_style == "etc-dropin":
        body = "\\n".join(settings) + "\\n"
        return [f"RUN printf '{body}' > /etc/ssh/sshd_config.d/10-mpi.conf"]
    # home: the mpioperator/base layout, a private sshd config the worker names with -f
    conf = f"{home}/.sshd_config"
    if rng.random() < 0.3:
        key = f"{home}/.sshd/ssh_host_ed25519_key"
        settings = [s if not s.startswith("HostKey") else f"HostKey {key}" for s in settings]
        keygen = [
            f"mkdir -p {home}/.sshd",
            f"ssh-keygen -q -t ed25519 -N '' -f {key}",
            f"chown -R {user}:{user} {home}/.sshd",
        ]
    else:
        keygen = []
    if rng.random() < 0.5:
        body = "\\n".join(settings) + "\\n"
        pieces = [f"printf '{body}' > {conf}"]
    else:
        pieces = [f'echo "{settings[0]}" > {conf}']
        pieces += [f'echo "{s}" >> {conf}' for s in settings[1:]]
    return _run([*keygen, *pieces, f"chown {user}:{user} {conf}"])


def _useradd(rng: random.Random, p: Profile) -> list[str]:
    user, uid = p.user or "root", p.uid
    prefix = "userdel -r ubuntu && " if p.base == "ubuntu:24.04" and uid == 1000 else ""
    form = rng.random()
    if form < 0.55:
        return [f"RUN {prefix}useradd -m -u {uid} -s /bin/bash {user}"]
    if form < 0.8:
        return _run(
            [
                f"{prefix}groupadd -g {uid} {user}",
                f"useradd -m -u {uid} -g {user} -s /bin/bash {user}",
            ]
        )
    return [f"RUN {prefix}adduser --disabled-password --gecos '' --uid {uid} {user}"]


def _workload_build(rng: random.Random, p: Profile, home: str) -> tuple[list[str], list[str]]:
    """(builder stage, final-stage lines) that put the program into the image."""
    stem = p.workload.stem
    if stem == "pi":
        if rng.random() < 0.5:
            builder = [
                f"FROM {p.base} AS build",
                "RUN apt-get update && apt-get install -y --no-install-recommends \\",
                "        build-essential libopenmpi-dev && rm -rf /var/lib/apt/lists/*",
                "COPY pi.c /src/pi.c",
                "RUN mpicc -O2 -o /src/pi /src/pi.c",
                "",
            ]
            return builder, [f"COPY --from=build /src/pi {home}/pi"]
        return [], ["COPY pi.c /tmp/pi.c", f"RUN mpicc -O2 -o {home}/pi /tmp/pi.c && rm /tmp/pi.c"]
    if stem in ("osu", "hpl"):
        return [], _run(_source_build(stem))
    if stem == "lammps":
        return [], ["COPY inputs/ /inputs/"]
    if stem == "sweep":
        return [], [f"COPY app/ {home}/app/"]
    if p.workload.gpu:
        return [], ["COPY workspace/ /workspace/", "WORKDIR /workspace"]
    return [], []


def _pip(rng: random.Random, p: Profile) -> list[str]:
    packages = list(p.workload.pip)
    if not packages:
        return []
    managed = p.base.startswith(("debian:bookworm", "debian:12", "ubuntu:24.04"))
    flags = "--no-cache-dir" + (" --break-system-packages" if managed else "")
    env = ""
    if "horovod==0.28.1" in packages:
        env = "HOROVOD_GPU_OPERATIONS=NCCL HOROVOD_WITH_MPI=1 "
    if len(packages) > 2 and rng.random() < 0.5:
        rows = [f"        {pkg}" for pkg in packages]
        return [f"RUN {env}pip3 install {flags} \\"] + [r + " \\" for r in rows[:-1]] + rows[-1:]
    return [f"RUN {env}pip3 install {flags} {' '.join(packages)}"]


def _labels(stem: str, mpi: str) -> list[str]:
    return [
        f'LABEL org.opencontainers.image.source="https://git.example.org/{stem}/{stem}-mpi"',
        'LABEL org.opencontainers.image.authors="HPC platform team <hpc-team@example.org>"',
        f'LABEL org.opencontainers.image.description="{stem} with {mpi} for Kubeflow MPIJob"',
    ]


def _mpi_flavoured(packages: Sequence[str], mpi: str) -> list[str]:
    """Debian builds GROMACS once per MPI and LAMMPS for Open MPI only: an MPICH image takes
    GROMACS's MPICH build, and brings its own LAMMPS (``COPY``) rather than a second MPI."""
    if mpi == "OpenMPI":
        return list(packages)
    swapped = {"gromacs-openmpi": "gromacs-mpich"}
    return [swapped.get(pk, pk) for pk in packages if pk != "lammps"]


def _os_dockerfile(rng: random.Random, p: Profile, mistakes: list[str]) -> list[str]:
    home, user = p.home, p.user
    out: list[str] = []
    if rng.random() < 0.3:
        out.append("# syntax=docker/dockerfile:1")
    what = {"OpenMPI": "Open MPI", "MPICH": "MPICH", "Intel": "Intel MPI"}[p.mpi]
    out.append(f"# {p.workload.stem}: {what} plus the OpenSSH server the MPI Operator needs.")
    if rng.random() < 0.85:
        who = (
            f"user {user} (uid {p.uid}, home {home})"
            if user
            else "root, with the default /root/.ssh"
        )
        out.append(f"# sshd listens on port {p.sshd_port} and runs as {who}.")
    builder, program = _workload_build(rng, p, home if user else "/opt/app")
    out += builder
    out.append(f"FROM {p.base}")
    if rng.random() < 0.7:
        out.append("ARG DEBIAN_FRONTEND=noninteractive")
    envs = ["ENV LANG=C.UTF-8 LC_ALL=C.UTF-8", "ENV TZ=Etc/UTC", "ENV PYTHONUNBUFFERED=1"]
    if p.workload.stem == "osu":
        envs.append("ENV PATH=/opt/osu/libexec/osu-micro-benchmarks/mpi/collective:$PATH")
    if p.workload.gpu:
        envs.append("ENV NVIDIA_DRIVER_CAPABILITIES=compute,utility")
    if p.mpi == "OpenMPI":  # Open MPI's shared-memory transport fails without CMA in containers
        envs.append("ENV OMPI_MCA_btl_vader_single_copy_mechanism=none")
    if p.workload.pip and user:
        envs.append(f"ENV PATH={p.home}/.local/bin:$PATH")
    out += rng.sample(envs, rng.randrange(1, len(envs) + 1))
    out += rng.sample(_labels(p.workload.stem, p.mpi), rng.randrange(1, 4))
    curl_pipe = p.workload.stem in ("osu", "hpl")
    if curl_pipe or rng.random() < 0.15:
        out.append('SHELL ["/bin/bash", "-o", "pipefail", "-c"]')
    out.append("")
    mpi_pkgs = (
        ["openmpi-bin", "libopenmpi-dev"] if p.mpi == "OpenMPI" else ["mpich", "libmpich-dev"]
    )
    if rng.random() < 0.4:
        mpi_pkgs = mpi_pkgs[:1]
    ssh_pkgs = ["openssh-server", "openssh-client"] if rng.random() < 0.7 else ["openssh-server"]
    extras = rng.sample(EXTRA_PACKAGES, rng.randrange(4, 13))
    app = _mpi_flavoured(p.workload.packages, p.mpi)
    packages = list(dict.fromkeys([*mpi_pkgs, *ssh_pkgs, *app, *extras]))
    out += _apt(rng, p, packages)
    if rng.random() < 0.6:
        out.append("")
    if p.ssh_style != "root":
        out.append(
            rng.choice(
                (
                    "RUN mkdir -p /var/run/sshd",
                    "RUN mkdir -p /var/run/sshd && chmod 0755 /var/run/sshd",
                )
            )
        )
        out += _useradd(rng, p)
    if rng.random() < 0.4:
        out.append(rng.choice(SSH_COMMENTS if user else SSH_COMMENTS[:1]).format(port=p.sshd_port))
    out += _ssh_client(rng, p, mistakes)
    out += _ssh_server(rng, p, mistakes)
    if user and rng.random() < 0.35:
        out.append(f"RUN chown {p.uid}:{p.uid} /etc/ssh/ssh_config")
    if rng.random() < 0.5:
        out.append("")
    out += _pip(rng, p)
    if p.workload.pip and rng.random() < 0.5:
        out.append("RUN ln -sf /usr/bin/python3 /usr/bin/python")
    out += program
    if user and rng.random() < 0.6:
        dirs = rng.choice(("/data /results /scratch", "/data /results", "/results /scratch /cache"))
        out.append(
            f"RUN mkdir -p {dirs} && chown -R {user}:{user} {dirs} && chmod 0775 {dirs.split()[-1]}"
        )
    if user and p.workload.gpu:
        out.append(f"RUN chown -R {user}:{user} /workspace")
    if user:
        if not p.workload.gpu:
            out.append(f"WORKDIR {home}")
        out.append(f"USER {user}")
    out.append(f"EXPOSE {p.sshd_port}")
    conf = p.worker_sshd_config
    cmd = ["/usr/sbin/sshd", "-De"] + (["-f", conf] if conf else [])
    if rng.random() < 0.25 and not conf:
        out.append("CMD /usr/sbin/sshd -De")
    else:
        out.append("CMD [" + ", ".join(f'"{c}"' for c in cmd) + "]")
    return out


def _source_build(stem: str) -> list[str]:
    """Configure-make-install of a benchmark suite from its release tarball."""
    if stem == "osu":
        url = "https://mvapich.cse.ohio-state.edu/download/mvapich/osu-micro-benchmarks-7.3.tar.gz"
        folder, configure = "osu-micro-benchmarks-7.3", "CC=mpicc CXX=mpicxx --prefix=/opt/osu"
        digest = "8fa25b8aaa34e4b07ab3a4f30b7690ab46b038b08d204a853a9b6aa7bdb02f2f"
    else:
        url = "https://www.netlib.org/benchmark/hpl/hpl-2.3.tar.gz"
        folder, configure = "hpl-2.3", "CC=mpicc --prefix=/opt/hpl"
        digest = "32c5c17d22330e6f2337b681aded51637fb6008d3f0eb7c277b163fadd612830"
    return [
        f"curl -fsSL {url} -o /tmp/src.tar.gz",
        f'echo "{digest}  /tmp/src.tar.gz" | sha256sum -c -',
        "tar -xzf /tmp/src.tar.gz -C /tmp",
        f"cd /tmp/{folder}",
        f"./configure {configure}",
        'make -j"$(nproc)"',
        "make install",
        f"rm -rf /tmp/{folder} /tmp/src.tar.gz",
    ]


def _operator_dockerfile(rng: random.Random, p: Profile) -> list[str]:
    """On mpioperator's own images, which already hold MPI, sshd on 2222 and mpiuser: the
    Dockerfile only adds the application, as the operator's examples do."""
    stem = p.workload.stem
    out = [f"# {stem} on the MPI Operator's {p.mpi} image: mpiuser, sshd and MPI come from it."]
    flavour = p.base.split("/")[1].split(":")[0]
    copy: list[str] = []
    if stem in ("pi", "osu", "hpl"):
        out.append(f"FROM mpioperator/{flavour}-builder:0.6.0 AS builder")
        if stem == "pi":
            out += ["COPY pi.cc /src/pi.cc", "RUN mpic++ -O2 /src/pi.cc -o /pi", ""]
            copy.append("COPY --from=builder /pi /home/mpiuser/pi")
        else:
            out += _run(
                [
                    "apt-get update",
                    "apt-get install -y --no-install-recommends curl ca-certificates",
                    "rm -rf /var/lib/apt/lists/*",
                ]
            )
            out += _run(_source_build(stem))
            out.append("")
            copy.append(f"COPY --from=builder /opt/{stem} /opt/{stem}")
    out.append(f"FROM {p.base}")
    if rng.random() < 0.6:
        out.append("ARG DEBIAN_FRONTEND=noninteractive")
    envs = ["ENV LANG=C.UTF-8", "ENV TZ=Etc/UTC", "ENV PYTHONUNBUFFERED=1", "ENV OMP_NUM_THREADS=1"]
    out += rng.sample(envs, rng.randrange(1, 4))
    out += rng.sample(_labels(stem, p.mpi), rng.randrange(1, 4))
    extras = rng.sample(EXTRA_PACKAGES, rng.randrange(2, 8))
    packages = [pk for pk in _mpi_flavoured(p.workload.packages, p.mpi) if pk != "build-essential"]
    out += ["", *_apt(rng, p, list(dict.fromkeys([*packages, *extras]))), ""]
    out += _pip(rng, p)
    if stem in ("sweep", "lammps", "gromacs", "hello") or p.workload.pip:
        copy.append("COPY --chown=mpiuser:mpiuser app/ /home/mpiuser/app/")
    if stem == "lammps":
        copy.append("COPY inputs/ /inputs/")
    out += copy
    dirs = "/data /results"
    out.append(f"RUN mkdir -p {dirs} && chown -R mpiuser:mpiuser {dirs}")
    if rng.random() < 0.7:
        out.append("WORKDIR /home/mpiuser")
    if p.image_user:
        out.append("USER mpiuser")
    return out


def render_dockerfile(seed: int, p: Profile) -> Rendered:
    rng = random.Random(f"{seed}:dockerfile:{p.index}")
    mistakes = pick_dockerfile_mistakes(rng, p)
    lines = _operator_dockerfile(rng, p) if p.operator_base else _os_dockerfile(rng, p, mistakes)
    while lines and not lines[-1]:
        lines.pop()
    text = "\n".join(lines) + "\n"
    return Rendered(f"{job_dir(p.index)}/{p.dockerfile_name}", text, tuple(mistakes))


# -- Writing and statistics ------------------------------------------------------------------

KNOWN_NAMES = frozenset({"mpijob.yaml", "mpijob.yml", "Dockerfile", "Containerfile"})
JOB_DIR = re.compile(r"^j\d{5,}$")


def write_if_changed(path: Path, data: bytes) -> bool:
    """Re-runs are cheap and leave mtimes alone: an identical file is not rewritten."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def prune(out: Path, expected: set[str], jobs: int) -> int:
    """Remove what an earlier, larger or differently named run left in our own folders, so the
    corpus on disk is exactly this run's; only names this script writes are touched."""
    removed = 0
    root = out / "jobs"
    if not root.is_dir():
        return 0
    for folder in root.iterdir():
        if not (folder.is_dir() and JOB_DIR.match(folder.name)):
            continue
        for f in folder.iterdir():
            rel = f"jobs/{folder.name}/{f.name}"
            if f.name in KNOWN_NAMES and f.is_file() and rel not in expected:
                f.unlink()
                removed += 1
        if int(folder.name[1:]) >= jobs and not any(folder.iterdir()):
            folder.rmdir()
    return removed


def dockerfile_instructions(text: str) -> list[str]:
    """Instruction keywords, continuation lines joined, as BuildKit counts them."""
    found: list[str] = []
    continued = False
    for line in text.split("\n"):
        stripped = line.strip()
        if not continued and stripped and not stripped.startswith("#"):
            found.append(stripped.split(None, 1)[0].upper())
        if stripped.startswith("#") and continued:
            continue
        continued = stripped.endswith("\\")
    return found


def _median(values: Sequence[int]) -> float:
    return statistics.median(values) if values else 0.0


def print_stats(manifests: list[Rendered], dockerfiles: list[Rendered]) -> None:
    lines = [m.text.count("\n") for m in manifests]
    size = sum(len(m.text.encode()) for m in manifests)
    print(f"manifests: {len(manifests)} files, {size:,} bytes ({size / 1e6:.2f} MB)")
    print(f"  lines: {sum(lines):,} total, median {_median(lines)}, max {max(lines, default=0)}")
    docs = sum(m.documents for m in manifests)
    multi = sum(1 for m in manifests if m.documents > 1)
    print(f"  YAML documents: {docs:,}; files with several documents: {multi}")
    print(f"  .yml files: {sum(1 for m in manifests if m.path.endswith('.yml'))}")
    flawed = sum(1 for m in manifests if m.mistakes)
    share = flawed / max(1, len(manifests))
    print(f"  files with at least one injected mistake: {flawed} ({share:.1%})")
    counts = Counter(name for m in manifests for name in m.mistakes)
    print("  mistakes: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if not dockerfiles:
        return
    dlines = [d.text.count("\n") for d in dockerfiles]
    dsize = sum(len(d.text.encode()) for d in dockerfiles)
    instructions = [dockerfile_instructions(d.text) for d in dockerfiles]
    runs = [sum(1 for i in ins if i == "RUN") for ins in instructions]
    total = sum(len(i) for i in instructions)
    print(f"dockerfiles: {len(dockerfiles)} files, {dsize:,} bytes ({dsize / 1e6:.2f} MB)")
    print(f"  lines: {sum(dlines):,} total, median {_median(dlines)}, max {max(dlines)}")
    print(f"  instructions: {total:,} total; RUN per file: mean {statistics.mean(runs):.2f}")
    print(
        f"  Containerfile names: {sum(1 for d in dockerfiles if d.path.endswith('Containerfile'))}"
    )
    dcounts = Counter(name for d in dockerfiles for name in d.mistakes)
    flawed_d = sum(1 for d in dockerfiles if d.mistakes)
    print(
        f"  files with an injected mistake: {flawed_d}; "
        + ", ".join(f"{k} {v}" for k, v in sorted(dcounts.items()))
    )


def generate(seed: int, manifests: int, dockerfiles: int) -> Iterator[Rendered]:
    for index in range(max(manifests, dockerfiles)):
        profile = make_profile(seed, index)
        if index < manifests:
            yield render_manifest(seed, profile, index < dockerfiles)
        if index < dockerfiles:
            yield render_dockerfile(seed, profile)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="corpus folder (jobs/jNNNNN/ are written in it)")
    parser.add_argument("--manifests", type=int, default=1000, metavar="N")
    parser.add_argument(
        "--dockerfiles",
        type=int,
        default=None,
        metavar="M",
        help="Dockerfiles for the first M jobs (default: as many as manifests)",
    )
    parser.add_argument("--seed", type=int, default=2)
    parser.add_argument("--stats", action="store_true", help="print the corpus statistics")
    args = parser.parse_args(argv)
    n = args.manifests
    m = n if args.dockerfiles is None else args.dockerfiles
    if n < 0 or m < 0:
        parser.error("counts must not be negative")
    started = time.perf_counter()
    out: Path = args.out
    made: list[Rendered] = []
    written = 0
    for rendered in generate(args.seed, n, m):
        made.append(rendered)
        written += write_if_changed(out / rendered.path, rendered.text.encode())
    truth = {r.path: list(r.mistakes) for r in made}
    latent = {r.path: list(r.latent) for r in made if r.latent}
    record = {"seed": args.seed, "files": truth}
    if latent:
        record["latent"] = latent
    written += write_if_changed(
        out / "truth.json", (json.dumps(record, indent=1, sort_keys=True) + "\n").encode()
    )
    removed = prune(out, set(truth), n if n >= m else m)
    manifests = [r for r in made if "/mpijob." in r.path]
    dockerfiles = [r for r in made if "/mpijob." not in r.path]
    if args.stats:
        print_stats(manifests, dockerfiles)
    size = sum(len(r.text.encode()) for r in made)
    lines = sum(r.text.count("\n") for r in made)
    docs = sum(r.documents for r in manifests)
    elapsed = time.perf_counter() - started
    print(
        f"{len(made)} files ({len(manifests)} manifests, {len(dockerfiles)} Dockerfiles; "
        f"{written} written, {removed} stale removed), {size:,} bytes, {docs:,} YAML documents, "
        f"{lines:,} lines in {elapsed:.2f}s -> {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
