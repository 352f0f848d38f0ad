"""Importing this package registers every rule with the engine."""

from mpilint.checks import cross, manifest, operator, pods, schema, workers

__all__ = ["cross", "manifest", "operator", "pods", "schema", "workers"]
