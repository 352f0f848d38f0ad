"""What the rules reading who a job runs as and what its workers run against the image (MPL308,
MPL309, MPL310) share: a Dockerfile is the image of a job only when both main containers run the
same image."""

from __future__ import annotations

from mpilint.models.image.reference import normalise_image
from mpilint.models.mpijob import Container, MPIJob


def one_image(job: MPIJob) -> bool:
    """The Dockerfile is certainly the image of both main containers (else which is unknown)."""
    images = set()
    for replica in (job.launcher, job.worker):
        main = replica.main if replica else None
        if main is None:
            continue
        if main.image is None or not main.image.value:
            return False
        images.add(normalise_image(main.image.value))
    return len(images) == 1


def argv_texts(container: Container) -> list[str]:
    return [text for text, _ in container.argv()]
