"""mpilint: lint Kubeflow MPIJob manifests and the Dockerfiles of the images they run.

Conventions that keep a one-file run (the pre-commit case) near the cost of importing PyYAML:

- ``TYPE_CHECKING = False`` then ``if TYPE_CHECKING:`` in each module, instead of
  ``from typing import TYPE_CHECKING``: importing ``typing`` costs about 2 ms, and nothing in
  mpilint needs it at run time (type checkers read a module-level ``TYPE_CHECKING`` as true; PEP
  781 proposes the same constant as a builtin for this reason). Names from ``typing`` go inside
  that block; with ``from __future__ import annotations`` they are only read by mypy.
- Value classes are ``mpilint.core.records`` classes, not dataclasses: each field is declared
  once, as an annotation, and the ``__init__`` is a precompiled template renamed for each class
  (``mpilint.core._record_inits``), not code compiled at import (see there).
- Costly patterns are compiled on first use (``mpilint.core.lazyre``), and modules that only
  some runs need (reporters, rich, tempfile) are imported where they are used.
"""

__version__ = "0.1.0"
