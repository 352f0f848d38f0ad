"""``mpilint server``: the linter in the editor, over the Language Server Protocol.

``app`` is the pygls server (the ``server`` extra: pygls and lsprotocol); ``linting``,
``positions`` and ``suppressing`` are plain mpilint, importable without the extra. The CLI
imports ``app`` only when ``mpilint server`` runs, so ``mpilint check`` never pays for pygls.
"""

REQUIRES = ("pygls", "lsprotocol")  # the modules of the ``server`` extra
INSTALL = "pip install 'mpilint[server]'"


def missing() -> list[str]:
    """The modules of the extra that cannot be imported here."""
    import importlib.util

    return [name for name in REQUIRES if importlib.util.find_spec(name) is None]
