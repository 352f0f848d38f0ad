"""Files shipped inside the package (rule metadata, schemas), read without importlib.resources.

importlib.resources would also read a zipped install, but importing it pulls in tempfile, shutil,
zipfile and pathlib: about 6 ms of a 60 ms pre-commit run. mpilint is installed as files (from a
wheel, or editable, where setuptools maps ``mpilint.rules`` to the repository's ``rules/``), and
either way the import system knows the folder: the package's ``__path__``.
"""

from __future__ import annotations

import functools
import importlib
import os


@functools.cache
def folder(package: str) -> str:
    """The folder of a data package (``mpilint.rules``, ``mpilint.schemas``)."""
    return str(next(iter(importlib.import_module(package).__path__)))


def read_text(package: str, name: str) -> str:
    with open(os.path.join(folder(package), name), encoding="utf-8") as file:
        return file.read()


def names(package: str) -> list[str]:
    return os.listdir(folder(package))
