"""What a file is in the tree around it: a Helm chart's template, or a kustomize patch.

Real repositories keep MPIJobs in Helm charts and kustomize trees. A file under a chart's
``templates/`` is not a manifest until ``helm template`` renders it: linted as it is, it gives
syntax errors or, worse, silence about what the chart renders. A file that a kustomization lists
as a patch is part of an object: only what it writes is known, and the rest comes from its base.
Both are decided from the files around the path, as Helm and kustomize decide them; nothing is
rendered or merged here.
"""

from __future__ import annotations

import os

CHART = "Chart.yaml"  # Helm reads no other name
TEMPLATES = "templates"
KUSTOMIZATIONS = ("kustomization.yaml", "kustomization.yml", "Kustomization")


def chart_of(path: str, known: dict[str, str | None]) -> str | None:
    """The folder of the chart whose template ``path`` is (a file under a ``templates/``
    folder with a ``Chart.yaml`` in a folder above that ``templates/``), absolute; None for
    any other file. ``known`` keeps each folder's answer for one expansion."""
    folder = os.path.dirname(os.path.abspath(path))
    if folder in known:
        return known[folder]
    chart = None
    above = folder
    while True:
        if os.path.basename(above) == TEMPLATES:
            chart = _chart_above(os.path.dirname(above))
            if chart is not None:
                break
        parent = os.path.dirname(above)
        if parent == above:
            break
        above = parent
    known[folder] = chart
    return chart


def _chart_above(folder: str) -> str | None:
    while True:
        if os.path.isfile(os.path.join(folder, CHART)):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def shown(folder: str) -> str:
    """A folder as the user will recognise it: relative to the current one when under it."""
    relative = os.path.relpath(folder)
    return folder if relative.startswith(os.pardir) else relative


class Patches:
    """The files the kustomizations of a run list as patches, found from each manifest's
    folder upwards (a kustomization patches files in its own folder or below, or names them
    with ``../``). Made per run: kustomizations are read once per folder, then dropped with it.
    """

    def __init__(self) -> None:
        self._listed: dict[str, frozenset[str]] = {}  # folder → real paths its file lists

    def is_patch(self, path: str) -> bool:
        if path == "-":
            return False
        real = os.path.realpath(path)
        folder = os.path.dirname(real)
        while True:
            if real in self._patches_in(folder):
                return True
            parent = os.path.dirname(folder)
            if parent == folder:
                return False
            folder = parent

    def _patches_in(self, folder: str) -> frozenset[str]:
        listed = self._listed.get(folder)
        if listed is None:
            listed = self._listed[folder] = _read_patches(folder)
        return listed


def _read_patches(folder: str) -> frozenset[str]:
    """The paths under ``patches`` (entries with ``path``), ``patchesStrategicMerge`` (each
    entry a path, or an inline patch, which names no file) and ``patchesJson6902`` (``path``)
    of the kustomization in ``folder``; a file that cannot be read lists nothing."""
    for name in KUSTOMIZATIONS:
        file = os.path.join(folder, name)
        if os.path.isfile(file):
            break
    else:
        return frozenset()
    import yaml

    try:
        with open(file, encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return frozenset()
    if not isinstance(data, dict):
        return frozenset()
    entries: list[object] = []
    for key in ("patches", "patchesJson6902"):
        items = data.get(key)
        for item in items if isinstance(items, list) else ():
            if isinstance(item, dict):
                entries.append(item.get("path"))
    merges = data.get("patchesStrategicMerge")
    entries.extend(merges if isinstance(merges, list) else ())
    return frozenset(
        os.path.realpath(os.path.join(folder, entry))
        for entry in entries
        if isinstance(entry, str) and entry and "\n" not in entry
    )
