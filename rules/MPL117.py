"""MPL117 worker-command: a worker's own command or args do not keep sshd running in the
foreground.

The reading lives in :mod:`mpilint.ruleapi.workercommand` because MPL310 asks the same question
first: it judges the image's ENTRYPOINT only where this rule has nothing to say.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.ruleapi import Hit, Manifest
from mpilint.ruleapi.workercommand import worker_command_hits


def check(subject: Manifest) -> Iterator[Hit]:
    if subject.job.partial:
        return  # a kustomize patch: its base may hold part of the command
    yield from worker_command_hits(subject)
