"""Importing this package registers every rule with the engine."""

from mpilint.checks import cross, manifest

__all__ = ["cross", "manifest"]
