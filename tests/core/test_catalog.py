"""The rule modules and the rule files in rules/ cannot drift apart."""

from __future__ import annotations

import importlib
import re

from mpilint.core import catalog
from mpilint.core.packagedata import names
from mpilint.run.rules import module_name, target_of

CONTRACT = {
    "MPL001": "yaml-syntax",
    "MPL101": "non-string-scalar",
    "MPL102": "process-count-mismatch",
    "MPL103": "placeholder",
    "MPL104": "image-mismatch",
    "MPL301": "ssh-user-missing",
}


def test_every_rule_file_has_a_module_and_every_module_a_file() -> None:
    """MPL0xx are the readers' and the run's own findings: no module. From MPL100 on, each
    ``<ID>.yaml`` has an ``<ID>.py`` with a ``check`` function, and nothing else is there."""
    modules = {n[:-3] for n in names("mpilint.rules") if n.endswith(".py") and n != "__init__.py"}
    ids = set(catalog.rule_ids())
    assert modules == {i for i in ids if i >= "MPL100"}
    for rule_id in modules:
        assert callable(importlib.import_module(module_name(rule_id)).check), rule_id


def test_contract_ids_and_names_are_kept() -> None:
    for rule_id, name in CONTRACT.items():
        assert catalog.meta(rule_id).name == name


def test_metadata_is_complete_and_consistent() -> None:
    names = set()
    for meta in catalog.all_meta():
        assert re.fullmatch(r"MPL\d{3}", meta.id)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", meta.name)
        assert meta.name not in names
        names.add(meta.name)
        assert meta.summary and meta.rationale and meta.fix, meta.id
        hundreds = meta.id[3]
        target = target_of(meta.id)
        # image rules (MPL2xx) are reported per paired job, so they read a pair too
        assert {"0": "input", "1": "manifest", "2": "pair", "3": "pair"}[hundreds] == target, (
            meta.id
        )


def test_resolve_by_id_or_name() -> None:
    assert catalog.resolve("mpl102") == catalog.meta("MPL102")
    assert catalog.resolve("process-count-mismatch") == catalog.meta("MPL102")
    assert catalog.resolve("nope") is None
