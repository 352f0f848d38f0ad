"""MPL124 invalid-image: an image reference the kubelet cannot parse, so the container never
starts (InvalidImageName).
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.models.imageref import image_problem
from mpilint.models.placeholders import image_marker
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import offset_span


def check(subject: Manifest) -> Iterator[Hit]:
    for replica, container in subject.job.containers():
        image = container.image
        if image is None or not isinstance(image.value, str) or not image.value:
            continue  # a missing or empty image is MPL105's
        value: str = image.value
        problem = image_problem(value)
        if problem is None or image_marker(value) is not None:
            continue  # a template or placeholder left in the image is MPL103's
        where = f"{replica.role} container {container.name or container.index}"
        yield Hit(
            offset_span(image, subject.text, problem.start, problem.end),
            f"{where}: image {value!r} {problem.what}: the kubelet cannot parse the reference,"
            " so the container never starts (InvalidImageName) and the pod waits until it is"
            " deleted. Write a valid reference: [registry[:port]/]path[:tag][@digest], with a"
            " lower-case path",
        )
