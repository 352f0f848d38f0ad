"""How the rules that tell a launcher where its workers are (MPL102, MPL122) name a worker.

The operator (v2beta1, mpi-operator v0.5.0 and later; before, the Service is ``<job>-worker``)
gives worker ``i`` the hostname
``<job>-worker-<i>`` under the headless Service ``<job>``, and writes the full name
``<job>-worker-<i>.<job>.<namespace>.svc`` into its hostfile (domain notes C11): only that name
resolves in the launcher, whose DNS search list lacks the workers' subdomain. A finding that
advises a host list must write that name, with the job's own name and namespace where known.
"""

from __future__ import annotations

import re

from mpilint.models.mpijob import MPIJob
from mpilint.ruleapi.fields import text_of
from mpilint.sources.yamlsource import get


def job_name(job: MPIJob) -> str | None:
    """The job's name when it is known now (not templated)."""
    name = job.name
    return None if not name or "{{" in name or "$" in name else name


def worker_full_name(job: MPIJob, index: int | str = 0, service: str | None = None) -> str:
    """``pi-worker-0.pi.default.svc``; placeholders stand for what the manifest leaves open.
    ``service``: the workers' Service when it is not named after the job (before mpi-operator
    v0.5.0: ``pi-worker``, ``mpilint.ruleapi.targets.workers_service``)."""
    name = job_name(job) or "<job>"
    namespace = text_of(get(job.root, "metadata", "namespace")) or "<namespace>"
    return f"{name}-worker-{index}.{service or name}.{namespace}.svc"


def short_worker_pattern(name: str) -> re.Pattern[str]:
    """A worker's bare hostname (``pi-worker-3``) as a whole host entry: what the launcher
    cannot resolve. A name with a dot after it (``pi-worker-3.pi``) is left alone."""
    return re.compile(rf"(?<![\w.-]){re.escape(name)}-worker-(\d+)(?![\w.-])")
