"""MPL204 openssh-missing: the image lacks openssh-server (workers) or openssh-client (launcher)."""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related
from mpilint.models.image.software import Presence, SoftwareFacts
from mpilint.models.mpijob import ReplicaSpec
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.mpi import mpi_facts
from mpilint.sources.yamlsource import span_of

_SSH_PACKAGES = {
    "rhel": ("openssh-server", "openssh-clients"),
    "alpine": ("openssh-server", "openssh-client"),
}


def check(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    facts = mpi_facts(pair)
    launcher, worker = job.launcher, job.worker
    if not job.uses_ssh or facts is None or launcher is None or launcher.main is None:
        return
    if not facts.mpis:
        return  # no MPI at all: probably not the job's image (another Dockerfile beside it)
    has_workers = worker is not None and worker.main is not None and (worker.replicas or 0) >= 1
    server_package, client_package = _SSH_PACKAGES.get(
        facts.os or "", ("openssh-server", "openssh-client")
    )
    missing: list[tuple[str, Presence, str, ReplicaSpec]] = []
    if (has_workers or job.run_launcher_as_worker) and facts.openssh_server.present is False:
        runs = worker if has_workers and worker is not None else launcher
        missing.append((server_package, facts.openssh_server, "sshd", runs))
    if has_workers and facts.openssh_client.present is False:
        missing.append((client_package, facts.openssh_client, "ssh", launcher))
    if missing:
        yield _ssh_hit(pair, facts, missing)


def _ssh_hit(
    pair: Pair, facts: SoftwareFacts, missing: list[tuple[str, Presence, str, ReplicaSpec]]
) -> Hit:
    names = " and ".join(m[0] for m in missing)
    removed = next((m[1].span for m in missing if m[1].how.startswith("removed")), None)
    installs = [p for p in facts.packages if p.manager in ("apt", "rpm", "apk")]
    span = removed or (installs[-1].span if installs else pair.image.final.from_span)
    effects = []
    for package, _, program, replica in missing:
        if program == "sshd":
            effects.append(
                f"without {package} the {replica.role.lower()}s cannot run /usr/sbin/sshd (the"
                ' pod fails with "no such file or directory")'
            )
        else:
            effects.append(
                f"without {package} the launcher has no ssh, and mpirun stops before starting"
                ' any rank (Open MPI 4: plm_rsh_agent "was set to a path that could not be'
                ' found"; Open MPI 5: "No available launching agents were found."; MPICH:'
                ' "Launch proxy failed.")'
            )
    plural = len(missing) > 1
    where = f"{'were' if plural else 'was'} removed" if removed else "not installed"
    if not removed:
        where = f"{'are' if plural else 'is'} {where}"
    related = tuple(
        Related(
            pair.manifest.file,
            span_of(replica.key),
            f"the {replica.role.lower()} needs an ssh"
            + (" server" if program == "sshd" else " client"),
        )
        for _, _, program, replica in missing
    )
    return Hit(
        span,
        f"{names} {where} in the image built by {pair.image_file}, but the v2beta1 operator"
        f" starts ranks over ssh: {'; '.join(effects)}. Install {names} in the final stage"
        + (
            f" (add {'them' if plural else 'it'} to this install)"
            if not removed and span != pair.image.final.from_span
            else ""
        ),
        file=pair.image_file,
        related=related,
    )
