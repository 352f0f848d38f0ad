"""MPL103 placeholder: a template placeholder (IMAGE, COMMAND, <your-image>, {{ … }}, ${TAG},
REPLACE_ME…) is still in the manifest.
"""

from __future__ import annotations

from collections.abc import Iterator

from mpilint.core.findings import Severity
from mpilint.models.commands import read_argv
from mpilint.models.imageref import image_problem
from mpilint.models.mpijob import Container
from mpilint.models.placeholders import Token, image_marker, is_placeholder, template_tokens
from mpilint.ruleapi import Hit, Manifest
from mpilint.sources.yamlsource import ScalarNode, get, offset_span, span_of, template_source


def check(subject: Manifest) -> Iterator[Hit]:
    yield from _job_name(subject)
    for replica, container in subject.job.containers():
        where = f"{replica.role} container {container.name or container.index}"
        image = container.image
        if image is not None and isinstance(image.value, str) and image.value:
            hit = _image_hit(subject, where, image)
            if hit is not None:
                yield hit
        elif image is None:
            yield from _image_template(where, container)
        yield from _argv_hits(subject, where, container)


def _job_name(subject: Manifest) -> Iterator[Hit]:
    node = get(subject.job.root, "metadata", "name")
    if node is not None and not isinstance(node, ScalarNode):
        expression = template_source(node)  # an unquoted `{{ .x }}`, a mapping to YAML
        if expression is not None:
            yield Hit(
                span_of(node),
                f"the job name {expression} is an unrendered template (unquoted, YAML reads it"
                " as a mapping): the API server refuses the job (metadata.name must be a"
                " string, a DNS-1123 subdomain). Render the template, or write the job's name",
            )
        return
    if not isinstance(node, ScalarNode) or not isinstance(node.value, str):
        return
    name = node.value
    token = next(template_tokens(name), None)
    if token is None and is_placeholder(name):
        token = Token(0, len(name), f"the placeholder {name!r}")
    if token is not None:
        yield Hit(
            offset_span(node, subject.text, token.start, token.end),
            f"the job name {name!r} still holds {token.what}, left from a template: the API"
            " server refuses the name (it is not a DNS-1123 subdomain). Render the template,"
            " or write the job's name",
        )


def _image_hit(subject: Manifest, where: str, image: ScalarNode) -> Hit | None:
    value: str = image.value
    marker = image_marker(value)
    if marker is None:
        return None  # an image the kubelet cannot parse for another reason is MPL124's
    span = offset_span(image, subject.text, marker.start, marker.end)
    problem = image_problem(value)
    if problem is not None:
        return Hit(
            span,
            f"{where}: image {value!r} still holds {marker.what}, left from a template: the"
            f" kubelet cannot parse it (it {problem.what}), so the container never starts"
            " (InvalidImageName). Render the template, or write the image your Dockerfile"
            " builds",
        )
    if marker.certain:
        return Hit(
            span,
            f"{where}: image {value!r} still holds {marker.what}; the pod will fail with"
            " ErrImagePull. Write the image your Dockerfile builds",
        )
    return Hit(
        span,
        f"{where}: image {value!r} looks like a placeholder ({marker.what}); unless a"
        " registry really serves it, the pull fails with ErrImagePull. Write the image your"
        " Dockerfile builds",
        severity=Severity.WARNING,
    )


def _image_template(where: str, container: Container) -> Iterator[Hit]:
    """An unquoted ``image: {{ .image }}``: YAML makes it a mapping, so ``container.image`` is
    None; the template is still what is wrong."""
    node = get(container.node, "image")
    expression = template_source(node) if node is not None else None
    if node is not None and expression is not None:
        yield Hit(
            span_of(node),
            f"{where}: image {expression} is an unrendered template (unquoted, YAML reads it as"
            " a mapping): the API server refuses the pod's image, which must be a string."
            " Render the template, or write the image your Dockerfile builds",
        )


def _argv_hits(subject: Manifest, where: str, container: Container) -> Iterator[Hit]:
    argv = container.argv()
    nodes = [node for _, node in argv]
    seen: set[tuple[int, int, int]] = set()
    for index, (text, node) in enumerate(argv):
        if not isinstance(node, ScalarNode):
            expression = template_source(node)
            if expression is not None:
                yield Hit(
                    span_of(node),
                    f"{where}: command/args still hold the unrendered template {expression}"
                    " (unquoted, YAML reads it as a mapping, which the API server refuses in"
                    " command/args). Render the template, or write the real command",
                )
            continue
        if is_placeholder(text):
            seen.add((index, 0, len(text)))
            yield Hit(
                span_of(node),
                f"{where}: {text!r} is a template placeholder left in command/args;"
                " the container would run it literally (Open MPI's mpirun \"was unable to"
                f' find the specified executable file": {text}). Write the real command',
            )
            continue
        for token in template_tokens(text):
            if text[token.start] == "$":
                continue  # ${X} in a command is a shell variable: MPL125's question
            seen.add((index, token.start, token.end))
            yield _argv_hit(subject, where, node, token.start, token.end, token.what)
    # Words of shell strings (`bash -c "mpirun -n 2 COMMAND"`) and the application mpirun runs.
    for command in read_argv([text for text, _ in argv]).commands:
        for word in command.words:
            ref = word.ref
            key = (ref.index, ref.start, ref.end)
            if key in seen or not is_placeholder(word.text) or word.base is None:
                continue
            if (ref.start, ref.end) == (0, len(argv[ref.index][0])):
                continue  # a whole item: checked above
            seen.add(key)
            node = nodes[ref.index]
            if isinstance(node, ScalarNode):
                yield _argv_hit(
                    subject, where, node, ref.start, ref.end, f"the placeholder {word.text!r}"
                )


def _argv_hit(
    subject: Manifest, where: str, node: ScalarNode, start: int, end: int, what: str
) -> Hit:
    return Hit(
        offset_span(node, subject.text, start, end),
        f"{where}: command/args still hold {what}, left from a template; the container"
        " would run it literally. Write the real command",
    )
