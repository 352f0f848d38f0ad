"""Which variables a container's ``$(VAR)`` references can name, and which ``$VAR`` words a
shell will read: MPL125 reports the references that nothing expands.

Kubernetes expands ``$(NAME)`` in ``command``, ``args`` and ``env[].value`` from the
container's own environment (``env``, ``envFrom``, the operator's injected variables and the
service links), leaves a reference it cannot resolve unchanged, and turns ``$$`` into ``$``;
an ``env`` value sees only the variables listed before it. Shell syntax (``$VAR``,
``${VAR}``) means nothing to Kubernetes and nothing to an exec'd program: only a shell (or a
program that reads ``$`` itself, like awk or perl) gives it a meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mpilint.core.lazyre import lazy
from mpilint.core.records import Record

# domain notes 1.2: what the operator appends to containers[0]'s env, per version, role and
# MPI implementation (the version's default implementation when it has no other).
_NVIDIA = ("NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES")
_ORTE = ("OMPI_MCA_plm_rsh_agent", "OMPI_MCA_orte_default_hostfile")
_INJECTED: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {
    ("v1alpha1", "Launcher"): {"OpenMPI": _ORTE},
    ("v1alpha2", "Launcher"): {
        "OpenMPI": (*_ORTE, *_NVIDIA),
        "Intel": ("I_MPI_HYDRA_BOOTSTRAP_EXEC", "I_MPI_HYDRA_HOST_FILE", *_NVIDIA),
        "MPICH": ("HYDRA_LAUNCHER_EXEC", "HYDRA_HOST_FILE", *_NVIDIA),
    },
    ("v1", "Launcher"): {
        "OpenMPI": (*_ORTE, "I_MPI_HYDRA_BOOTSTRAP", "I_MPI_HYDRA_BOOTSTRAP_EXEC", *_NVIDIA)
    },
    ("v2beta1", "Launcher"): {
        "OpenMPI": (
            "K_MPI_JOB_ROLE",
            "OMPI_MCA_orte_keep_fqdn_hostnames",
            "OMPI_MCA_orte_default_hostfile",
            "OMPI_MCA_plm_rsh_args",
            "OMPI_MCA_orte_set_default_slots",
            *_NVIDIA,
        ),
        "Intel": (
            "K_MPI_JOB_ROLE",
            "I_MPI_HYDRA_HOST_FILE",
            "I_MPI_HYDRA_BOOTSTRAP_EXEC_EXTRA_ARGS",
            "I_MPI_PERHOST",
            *_NVIDIA,
        ),
        "MPICH": ("K_MPI_JOB_ROLE", "HYDRA_HOST_FILE", "HYDRA_LAUNCH_EXTRA_ARGS", *_NVIDIA),
    },
    ("v2beta1", "Worker"): {"OpenMPI": ("K_MPI_JOB_ROLE",)},
}


def injected(version: str, role: str, implementation: str) -> frozenset[str]:
    """The variables the operator adds to a replica's containers[0]: every implementation's
    when the job's is not one the table knows (say nothing rather than guess)."""
    table = _INJECTED.get((version, role), {})
    if len(table) == 1:
        return frozenset(next(iter(table.values())))
    if implementation in table:
        return frozenset(table[implementation])
    return frozenset(name for names in table.values() for name in names)


# Service links: <SERVICE>_SERVICE_HOST, <SERVICE>_PORT_… depend on the namespace's Services.
_SERVICE_LINK = lazy(
    r"[A-Z0-9_]*_(?:SERVICE_HOST|SERVICE_PORT(?:_[A-Z0-9_]+)?|PORT(?:_[A-Z0-9_]+)?)"
)


def service_link(name: str) -> bool:
    return _SERVICE_LINK().fullmatch(name) is not None


class Reference(Record):
    """``$(NAME)`` at characters [start, end) of a value."""

    name: str
    start: int
    end: int


# expansion.go: `$$` is an escaped `$`; `$(` starts a reference that ends at `)`.
_K8S = lazy(r"\$\$|\$\(([^)]*)\)")


def references(text: str) -> Iterator[Reference]:
    """The ``$(NAME)`` references Kubernetes will try to expand, escapes skipped."""
    for match in _K8S().finditer(text):
        name = match.group(1)
        if name is not None and re.fullmatch(r"[-._a-zA-Z][-._a-zA-Z0-9]*", name):
            yield Reference(name, match.start(), match.end())


# Programs that give `$` a meaning of their own, or that run their arguments through a shell.
_SHELLS = frozenset({"sh", "bash", "dash", "zsh", "ash", "ksh", "mksh", "su", "runuser"})
_READERS = frozenset(
    {"eval", "envsubst", "awk", "gawk", "mawk", "perl", "ruby", "php", "jq", "tclsh", "make"}
)
_SCRIPT = lazy(r".*(?:\.(?:sh|bash|zsh|ksh)|entrypoint|wrapper)", re.IGNORECASE)
_SHELL_VAR = lazy(r"\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def reads_dollar(word: str) -> bool:
    """Whether the program ``word`` runs reads ``$VAR`` in the words after it itself."""
    name = word.rsplit("/", 1)[-1]
    return name in _SHELLS or name in _READERS or _SCRIPT().fullmatch(name) is not None


def first_reader(argv: Sequence[str]) -> int:
    """The index of the first item that reads ``$`` itself (len(argv) when none does): the
    items after it may be shell code, where ``$(cmd)`` is a command substitution."""
    return next((i for i, item in enumerate(argv) if reads_dollar(item)), len(argv))


def literal_shell_variables(argv: Sequence[str]) -> Iterator[tuple[int, Reference]]:
    """``$VAR``/``${VAR}`` in exec-form items that no shell or ``$``-reading program before
    them will read: the program receives the text as written."""
    for index, item in enumerate(argv):
        if reads_dollar(item):
            return
        if "$(" in item and any(True for _ in references(item)) and index == 0:
            return  # `$(LAUNCHER) ...`: which program runs is unknown
        for match in _SHELL_VAR().finditer(item):
            if match.start() > 0 and item[match.start() - 1] in "\\$":
                continue
            name = match.group(1) or match.group(2)
            yield index, Reference(name, match.start(), match.end())
