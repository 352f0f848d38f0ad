"""Importing this package registers the rules that read manifests.

The rules that read an image's facts are registered by ``load_image_rules`` the first time a
run reads a Dockerfile: importing them loads the image model (tens of milliseconds), which a
run without images must not pay for.
"""

from mpilint.checks import cross, manifest, operator, pods, schema, workers

__all__ = ["cross", "load_image_rules", "manifest", "operator", "pods", "schema", "workers"]


def load_image_rules() -> None:
    from mpilint.checks import image_software, image_ssh, image_users  # noqa: F401
