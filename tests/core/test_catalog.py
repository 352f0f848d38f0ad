"""The rule registry in code and the rule files in rules/ cannot drift apart."""

from __future__ import annotations

import re

import mpilint.checks
from mpilint.core import catalog
from mpilint.ruleapi import REGISTRY

mpilint.checks.load_image_rules()  # every rule, not only those a manifest-only run loads

CONTRACT = {
    "MPL001": "yaml-syntax",
    "MPL101": "non-string-scalar",
    "MPL102": "process-count-mismatch",
    "MPL103": "placeholder",
    "MPL104": "image-mismatch",
    "MPL301": "ssh-user-missing",
}


def test_every_registered_rule_has_a_file_and_every_file_has_code() -> None:
    assert set(REGISTRY) == set(catalog.rule_ids())


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
        target = REGISTRY[meta.id].target
        # image rules (MPL2xx) are reported per paired job, so they read a pair too
        assert {"0": "input", "1": "manifest", "2": "pair", "3": "pair"}[hundreds] == target, (
            meta.id
        )


def test_resolve_by_id_or_name() -> None:
    assert catalog.resolve("mpl102") == catalog.meta("MPL102")
    assert catalog.resolve("process-count-mismatch") == catalog.meta("MPL102")
    assert catalog.resolve("nope") is None
