"""MPL306 entrypoint-bypassed: the launcher's command replaces the Intel/MPICH image's
/entrypoint.sh.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Related
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.mpi import mpi_facts
from mpilint.sources.yamlsource import SequenceNode, span_of


def check(pair: Pair) -> Iterator[Hit]:
    job = pair.manifest.job
    launcher = job.launcher
    main = launcher.main if launcher else None
    if job.version != "v2beta1" or main is None:
        return
    facts = mpi_facts(pair)
    if facts is None or not facts.entrypoint_known or facts.entrypoint is None:
        return
    entry = facts.entrypoint
    if entry.shell_form or entry.argv[:1] != ("/entrypoint.sh",):
        return
    hydra = sorted(facts.mpi_families() & {"Intel", "MPICH"})
    command = main.command
    if not hydra or not isinstance(command, SequenceNode) or not command.value:
        return
    if any("entrypoint.sh" in text for text, _ in main.argv()):
        return
    first = command.value[0]
    yield Hit(
        span_of(first),
        "the launcher sets `command`, which replaces the image's ENTRYPOINT /entrypoint.sh:"
        " that script gives the launcher's and every hostfile host's names time to resolve"
        " (about 10 tries a name, the back-off doubling from 0.1 s: about 100 s) before it runs"
        " its arguments, anyway if a name still does not resolve"
        + (", and sources /opt/intel/oneapi/setvars.sh" if "Intel" in hydra else "")
        + ". Without it Hydra fails at once on workers whose names do not resolve yet"
        + (
            ' and Intel MPI may not be on PATH ("executable file not found in $PATH")'
            if "Intel" in hydra
            else ""
        )
        + ". Move the command into `args` and leave `command` empty",
        related=(
            Related(
                pair.image_file,
                entry.span or pair.image.final.from_span,
                'ENTRYPOINT ["/entrypoint.sh"] of the image',
            ),
        ),
    )
