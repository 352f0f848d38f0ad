"""A team's own base images (``base-images`` in the configuration), as ``load_image`` takes them.

The closest configuration of each Dockerfile decides which entries apply, so the run hands them
to ``load_image`` with the text; the model reads nothing from the configuration itself, and no
table is installed around a read (a process that lints many projects one after the other, an
editor's server, cannot see one project's bases while reading another's Dockerfile). Each kind
of fact is an image glob → entry list, consulted before the built-in tables, first match wins.
"""

from __future__ import annotations

from mpilint.core.records import Record

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.models.image.basefacts import BaseSoftware
    from mpilint.models.image.bases import KnownBase
    from mpilint.models.image.files import DeclaredSsh

__all__ = ["NO_DECLARED", "Declared"]


class Declared(Record):
    users: tuple[tuple[str, KnownBase], ...] = ()  # for ``bases.lookup_base``
    software: tuple[tuple[str, BaseSoftware], ...] = ()  # for ``basefacts.lookup_software``
    ssh: tuple[tuple[str, DeclaredSsh], ...] = ()  # for ``files.start``


NO_DECLARED = Declared()  # no configuration, or one without base-images
