"""Importing this package registers every rule with the engine."""

from mpilint.checks import cross, manifest, operator, pods, schema, workers
from mpilint.checks import image_software as image_software
from mpilint.checks import image_ssh as image_ssh
from mpilint.checks import image_users as image_users

__all__ = ["cross", "manifest", "operator", "pods", "schema", "workers"]
