"""MPL310 worker-effective-command: with the image's ENTRYPOINT and CMD resolved, the worker's args
do not start sshd in the foreground.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from mpilint.core.findings import Related, Span
from mpilint.models.commands import Command, read_argv, read_sshd
from mpilint.models.image.files import FileFacts, files_of
from mpilint.models.image.software import ArgvItem, SoftwareFacts, effective_argv, software_of
from mpilint.models.launchers import find_launches
from mpilint.ruleapi import Hit, Pair
from mpilint.ruleapi.pairs import argv_texts, one_image
from mpilint.ruleapi.workercommand import relative_sshd, worker_command_hits
from mpilint.sources import shellwords
from mpilint.sources.yamlsource import Node, SequenceNode, span_of

_SETUP = frozenset(
    {
        *("cd", "export", "set", "unset", "umask", "ulimit", "echo", "printf", "true", ":"),
        *("mkdir", "cp", "mv", "rm", "ln", "chmod", "chown", "touch", "test", "["),
        *("ssh-keygen", "id", "whoami", "hostname", "date"),
    }
)
_EXITS = frozenset({"true", "false", "echo", "printf", "exit", ":"})
_PYTHON = re.compile(r"python[0-9.]*")
_TRAINERS = frozenset({"torchrun", "deepspeed"})
_MAX_WRAPPERS = 4


def check(pair: Pair) -> Iterator[Hit]:
    manifest = pair.manifest
    job = manifest.job
    worker = job.worker
    main = worker.main if worker else None
    if job.version != "v2beta1" or worker is None or main is None or not one_image(job):
        return  # v1/v1alpha2 run `sleep 365d` when command is empty: the image CMD never runs
    args = main.args
    if _given(main.command) or not isinstance(args, SequenceNode) or not args.value:
        return  # a command decides alone (MPL117); neither: the operator's sshd -De
    if any("ssh" in text for c in worker.containers[1:] for text in argv_texts(c)):
        return  # the sshd may live in another container (MPL118's business)
    if list(worker_command_hits(manifest)):
        return  # MPL117 already decided from the manifest alone
    software = software_of(pair.image)
    argv = effective_argv(main, software)
    if software is None or not argv:
        return
    items = _through_wrappers(argv, files_of(pair.image))
    if items is None:
        return
    hit = _effective_hit(pair, software, args, items)
    if hit is not None:
        yield hit


def _given(part: Node | None) -> bool:
    return isinstance(part, SequenceNode) and bool(part.value)


def _passes_through(text: str | None) -> bool:
    """A start script that only sets things up and ends in ``exec "$@"``."""
    if text is None:
        return False
    script = shellwords.parse(text)
    if not script.complete or not script.commands:
        return False
    *before, last = script.commands
    if [w.text for w in last.words] != ["exec", "$@"]:
        return False
    return all(c.words and c.words[0].text.rsplit("/", 1)[-1] in _SETUP for c in before) and all(
        "$@" not in w.text and "$*" not in w.text and not re.search(r"\$\{?[0-9]", w.text)
        for c in before
        for w in c.words
    )


def _through_wrappers(
    argv: tuple[ArgvItem, ...], facts: FileFacts | None
) -> tuple[ArgvItem, ...] | None:
    """The argv after image scripts whose text is known to ``exec "$@"`` (tini, dumb-init and
    the like are read through by :func:`read_argv`); None when one cannot be followed."""
    items = argv
    for _ in range(_MAX_WRAPPERS):
        reading = read_argv([i.text for i in items])
        if not reading.commands:
            return None
        first = reading.commands[0].program
        index = first.ref.index
        item = items[index]
        if item.node is not None or first.ref.start != 0 or not item.text.startswith("/"):
            return items
        state = facts.file(item.text) if facts is not None else None
        if state is None or state.exists is not True or state.text is None:
            return items
        if not _passes_through(state.text):
            return None
        items = items[index + 1 :]
        if not items:
            return None
    return None


def _effective_hit(
    pair: Pair, software: SoftwareFacts, args: SequenceNode, items: tuple[ArgvItem, ...]
) -> Hit | None:
    reading = read_argv([i.text for i in items])
    if not reading.complete:
        return None
    programs = [c for c in reading.commands if c.reached]
    sshds = [p for p in programs if p.name == "sshd"]
    if sshds:
        return _sshd_hit(pair, software, args, items, sshds)
    last = [p for p in programs if p.last]
    before = [p for p in programs if not p.last]
    if len(last) != 1 or any(p.name not in _SETUP for p in before):
        return None
    program = last[0]
    item = items[program.program.ref.index]
    if item.node is not None:
        return _option_as_program(pair, software, program, item)
    return _image_program(pair, software, args, items, program)


def _first_arg(args: SequenceNode) -> Span:
    return span_of(args.value[0])


def _sshd_hit(
    pair: Pair,
    software: SoftwareFacts,
    args: SequenceNode,
    items: tuple[ArgvItem, ...],
    sshds: Sequence[Command],
) -> Hit | None:
    """An sshd from the image whose options come from the args: the args must keep it in the
    foreground (sshd stops reading options at the first operand)."""
    for program in sshds:
        if items[program.program.ref.index].node is not None or not program.last:
            continue
        sshd = read_sshd(program.words)
        entry = software.entrypoint
        if entry is None:
            continue
        entry_related = (_process_related(pair, entry.span, "ENTRYPOINT", entry.argv),)
        if not sshd.absolute:
            # As MPL117 for a relative sshd in the manifest: refused by every OpenSSH without
            # -r, and by 9.8 and later with it (-r is ignored there).
            return relative_sshd(
                program.program.text, "r" in sshd.flags, _first_arg(args), entry_related
            )
        if sshd.foreground:
            continue
        return Hit(
            _first_arg(args),
            f"the worker's args are appended to the image's ENTRYPOINT ({_shown(entry.argv)}),"
            f" which gives `{' '.join(i.text for i in items)}`: sshd without -D detaches and"
            " the container's main process exits, so the worker pod ends and the launcher gets"
            ' "Connection refused". Start the args with -De (or give the whole command:'
            " command: [/usr/sbin/sshd, -De])",
            related=(_process_related(pair, entry.span, "ENTRYPOINT", entry.argv),),
        )
    return None


def _shown(argv: Sequence[str]) -> str:
    return " ".join(argv)


def _process_related(pair: Pair, span: Span | None, what: str, argv: Sequence[str]) -> Related:
    return Related(
        pair.image_file,
        span or pair.image.final.from_span,
        f"the image's {what} ({_shown(argv)})",
    )


def _option_as_program(
    pair: Pair, software: SoftwareFacts, program: Command, item: ArgvItem
) -> Hit | None:
    """Args only: they replace CMD whole (no ENTRYPOINT) or are run by a start script that ends
    in ``exec "$@"``, so an option meant for the CMD's sshd becomes the program."""
    if not program.program.text.startswith("-") or item.node is None:
        return None
    if program.program.ref.start != 0:
        return None
    entry, cmd = software.entrypoint, software.cmd
    related: tuple[Related, ...] = ()
    if entry is not None:
        how = (
            f"the image's ENTRYPOINT ({_shown(entry.argv)}) passes the worker's args on as the"
            " command to run"
        )
        related = (_process_related(pair, entry.span, "ENTRYPOINT", entry.argv),)
    else:
        how = "the image has no ENTRYPOINT"
    if cmd is not None:
        related += (_process_related(pair, cmd.span, "CMD", cmd.argv),)
    written = cmd.argv[-1:] if cmd is not None and cmd.shell_form else cmd.argv if cmd else ()
    replaced = f" ({_shown(written)})" if cmd is not None else ""
    return Hit(
        span_of(item.node),
        f"the worker has only args and {how}: args replace the image's"
        f" CMD{replaced} instead of extending it, so `{item.text}` becomes the program and"
        f' the container fails to start (exec: "{item.text}": executable file not found).'
        " Write the whole command, e.g. args: [/usr/sbin/sshd, -De, …], or leave command and"
        " args out to get the operator's /usr/sbin/sshd -De",
        related=related,
    )


def _not_sshd(program: Command) -> str | None:
    name = program.name
    launches = find_launches([w.text for w in program.words])
    if launches and launches[0].program_ref.index == 0:
        return f"the MPI launcher `{name}`"
    if name == "sleep":
        return "`sleep`"
    if name == "tail" and any(w.text in ("-f", "-F", "--follow") for w in program.words[1:]):
        return "`tail -f`"
    if _PYTHON.fullmatch(name) or name in _TRAINERS:
        return f"`{name}`"
    if name in _EXITS:
        return f"`{name}`, which exits at once"
    return None


def _image_program(
    pair: Pair,
    software: SoftwareFacts,
    args: SequenceNode,
    items: tuple[ArgvItem, ...],
    program: Command,
) -> Hit | None:
    """The program comes from the image's ENTRYPOINT and is clearly not an sshd."""
    entry = software.entrypoint
    if entry is None:
        return None
    arg_texts = [i.text for i in items if i.node is not None]
    names_sshd = bool(arg_texts) and arg_texts[0].rsplit("/", 1)[-1] == "sshd"
    if any("ssh" in t for t in arg_texts) and not names_sshd:
        return None  # the args may name a script that starts sshd
    if any("ssh" in i.text for i in items if i.node is None):
        return None
    instead = _not_sshd(program)
    if instead is None:
        return None
    if entry.shell_form:
        how = (
            f"the image's ENTRYPOINT is in shell form ({entry.argv[-1]}), which ignores CMD and"
            " the container's args: the worker runs"
        )
    else:
        how = (
            f"the worker's args are appended to the image's ENTRYPOINT ({_shown(entry.argv)}):"
            f" the worker runs `{_shown([i.text for i in items])}`, that is"
        )
    return Hit(
        _first_arg(args),
        f"{how} {instead} instead of an sshd. The operator starts `/usr/sbin/sshd -De` only in"
        " a worker with neither command nor args, so nothing listens for ssh and the launcher"
        ' fails with "Connection refused". Give the worker a command that replaces the'
        " ENTRYPOINT (command: [/usr/sbin/sshd, -De]), or leave command and args out",
        related=(_process_related(pair, entry.span, "ENTRYPOINT", entry.argv),),
    )
