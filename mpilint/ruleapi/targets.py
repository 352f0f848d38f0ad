"""What the operator release a job will meet changes in the advice rules give.

The target (``Manifest.target``: the configuration's ``target``, ``--target``) names a release of
mpi-operator (v2beta1) and of training-operator (v1); the newest mpilint knows stands for an
operator not named. Fields come from that release's CRD (``mpilint.sources.releases``); the rest
is behaviour the CRD does not show (domain notes C9): mpi-operator before v0.5.0 named the workers'
Service ``<job>-worker`` (the hostfile's names are ``<job>-worker-<i>.<job>-worker.<ns>.svc``),
and had no ``launcherCreationPolicy``: its launcher always started with the workers.
"""

from __future__ import annotations

from mpilint.ruleapi import Manifest
from mpilint.sources.releases import newest, numbers, release_of, schema_for

SERVICE_NAMED_AFTER_JOB = "0.5.0"  # mpi-operator: "<job>" from here, "<job>-worker" before


def mpi_operator_release(subject: Manifest) -> str:
    """The mpi-operator release the job is checked for (the newest known when none is named)."""
    return release_of(subject.target, "v2beta1") or newest("mpi-operator")


def before(subject: Manifest, release: str) -> bool:
    """Whether the target's mpi-operator is older than ``release``."""
    return numbers(mpi_operator_release(subject)) < numbers(release)


def has_field(subject: Manifest, definition: str, name: str) -> bool:
    """Whether the target's CRD has field ``name`` in the schema's ``$defs`` ``definition``."""
    version = subject.job.version
    schema = schema_for(version, release_of(subject.target, version))
    return name in schema["$defs"][definition].get("properties", {})


def workers_service(subject: Manifest, job_name: str) -> str:
    """The headless Service the workers' full names end in, for the target's release."""
    return job_name + "-worker" if before(subject, SERVICE_NAMED_AFTER_JOB) else job_name
