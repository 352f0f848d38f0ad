"""MPL103 placeholder: a template placeholder (IMAGE, COMMAND, <your-image>, REPLACE_ME…) is still
in the manifest.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.models.placeholders import image_placeholder, is_placeholder
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import ScalarNode, offset_span, span_of


def check(subject: Manifest) -> Iterator[Hit]:
    for replica, container in subject.job.containers():
        where = f"{replica.role} container {container.name or container.index}"
        image = container.image
        if image is not None and "{{" not in image.value:
            found = image_placeholder(image.value)
            if found is not None:
                part = image.value[found[0] : found[1]]
                yield Hit(
                    offset_span(image, subject.text, *found),
                    f"{where}: image {image.value!r} still holds the template placeholder"
                    f" {part!r}; the pod will fail with InvalidImageName or ErrImagePull."
                    " Write the image your Dockerfile builds",
                )
        for text, node in container.argv():
            if isinstance(node, ScalarNode) and is_placeholder(text):
                yield Hit(
                    span_of(node),
                    f"{where}: {text!r} is a template placeholder left in command/args;"
                    " the container would run it literally (Open MPI's mpirun \"was unable to"
                    f' find the specified executable file": {text}). Write the real command',
                )
