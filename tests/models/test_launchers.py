"""launchers: MPI launches in a container argv, the count they request, and where it is."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mpilint.models.launchers import ArgRef, Launch, find_launches


def one(argv: Sequence[str]) -> Launch:
    launches = find_launches(argv)
    assert len(launches) == 1, launches
    return launches[0]


def written(argv: Sequence[str], ref: ArgRef | None) -> str:
    """The characters a ref points at, so position tests read as text."""
    assert ref is not None
    return argv[ref.index][ref.start : ref.end]


# -- launcher programs -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("program", "family"),
    [
        ("mpirun", "mpi"),
        ("mpiexec", "mpi"),
        ("orterun", "openmpi"),
        ("prterun", "openmpi"),
        ("mpirun.openmpi", "openmpi"),
        ("mpiexec.openmpi", "openmpi"),
        ("mpiexec.hydra", "hydra"),
        ("mpirun.mpich", "hydra"),
        ("mpiexec.mpich", "hydra"),
        ("horovodrun", "horovod"),
        ("/usr/local/bin/mpirun", "mpi"),
        ("/opt/intel/oneapi/mpi/latest/bin/mpiexec.hydra", "hydra"),
    ],
)
def test_launcher_programs(program: str, family: str) -> None:
    launch = one([program, "-np", "2", "app"])
    assert launch.program == program
    assert launch.program_ref == ArgRef(0, 0, len(program))
    assert launch.family == family
    assert launch.count == 2


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param([], id="empty"),
        pytest.param(["python", "train.py", "-np", "4"], id="no launcher"),
        pytest.param(["mpirun-wrapper", "-np", "4"], id="similar name"),
        pytest.param(["/bin/sh", "-c", "$MPIRUN -n 2 app"], id="program expands"),
        pytest.param(["sh", "-c", '"${MPI_HOME}/bin/mpirun" -n 2 app'], id="program path expands"),
        pytest.param(["$(MPIRUN)", "-n", "2", "app"], id="kubernetes expansion"),
        pytest.param(["bash", "/launch.sh", "mpirun", "-n", "2"], id="shell runs a file"),
        pytest.param(["sh", "-c", "echo mpirun -n 2"], id="mentioned, not run"),
        pytest.param(["python", "mpirun", "-n", "2"], id="argument of another program"),
    ],
)
def test_not_launches(argv: list[str]) -> None:
    assert find_launches(argv) == ()


# -- counts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "count", "option", "value_text"),
    [
        (["mpirun", "-n", "4", "app"], 4, "-n", "4"),
        (["mpirun", "-np", "4", "app"], 4, "-np", "4"),
        (["mpirun", "--n", "4", "app"], 4, "--n", "4"),
        (["mpirun", "--np", "4", "app"], 4, "--np", "4"),
        (["mpirun", "-c", "4", "app"], 4, "-c", "4"),
        (["orterun", "-c", "4", "app"], 4, "-c", "4"),
        (["mpiexec.hydra", "-n", "4", "app"], 4, "-n", "4"),
        (["mpirun", "--np=4", "app"], 4, "--np=", "--np=4"),
        (["mpirun", "--n=4", "app"], 4, "--n=", "--n=4"),
        (["horovodrun", "-np", "4", "app"], 4, "-np", "4"),
        (["horovodrun", "--num-proc", "4", "app"], 4, "--num-proc", "4"),
        (["horovodrun", "--num-proc=4", "app"], 4, "--num-proc=", "--num-proc=4"),
        (["mpirun", "-np", "016", "app"], 16, "-np", "016"),
    ],
)
def test_count_options(argv: list[str], count: int, option: str, value_text: str) -> None:
    launch = one(argv)
    assert launch.count == count
    assert launch.count_option == option
    assert written(argv, launch.count_ref) == value_text
    assert launch.unknowable is False
    assert launch.nonportable_syntax is False


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["mpirun", "-np=4", "app"], "-np="),
        (["mpirun", "-n=4", "app"], "-n="),
        (["mpirun", "-np4", "app"], "-np"),
        (["mpirun", "-n4", "app"], "-n"),
        (["horovodrun", "-np=4", "app"], "-np="),
    ],
)
def test_nonportable_count_syntax_still_counts(argv: list[str], option: str) -> None:
    launch = one(argv)
    assert launch.count == 4
    assert launch.count_option == option
    assert launch.nonportable_syntax is True
    assert launch.count_ref == ArgRef(1, 0, len(argv[1]))


def test_dash_c_is_not_a_count_for_hydra() -> None:
    launch = one(["mpiexec.hydra", "-c", "4", "app"])
    assert launch.count is None
    assert launch.unknowable is True


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["mpirun", "-np", "$(NP)", "app"], id="kubernetes $(NP)"),
        pytest.param(["mpirun", "-np", "$NP", "app"], id="literal $NP in argv"),
        pytest.param(["mpirun", "-np", "{{ .Values.np }}", "app"], id="helm in argv"),
        pytest.param(["sh", "-c", "mpirun -np {{ .Values.np }} app"], id="helm in shell"),
        pytest.param(["sh", "-c", "mpirun -np $NP app"], id="shell $NP"),
        pytest.param(["sh", "-c", 'mpirun -np "${NP}" app'], id="shell quoted ${NP}"),
        pytest.param(["sh", "-c", "mpirun -np $(nproc) app"], id="command substitution"),
        pytest.param(["sh", "-c", "mpirun -np `nproc` app"], id="backticks"),
        pytest.param(["sh", "-c", "mpirun -np $((2*4)) app"], id="arithmetic"),
        pytest.param(["mpirun", "-np", "2*4", "app"], id="not a decimal"),
        pytest.param(["mpirun", "-np", "-4", "app"], id="negative"),
        pytest.param(["mpirun", "--np=$(NP)", "app"], id="= form expands"),
        pytest.param(["mpirun", "-np$NP", "app"], id="glued expands"),
        pytest.param(["mpirun", "-np", "", "app"], id="empty value"),
    ],
)
def test_unknowable_counts(argv: list[str]) -> None:
    launch = one(argv)
    assert launch.count is None
    assert launch.unknowable is True
    assert launch.count_option is not None
    assert launch.count_ref is not None


def test_unknowable_count_ref_points_at_the_value() -> None:
    argv = ["mpirun", "-np", "$(NP)", "app"]
    assert one(argv).count_ref == ArgRef(2, 0, 5)


def test_no_count_is_not_unknowable() -> None:
    launch = one(["mpirun", "--allow-run-as-root", "python", "t.py"])
    assert (launch.count, launch.count_ref, launch.count_option) == (None, None, None)
    assert launch.unknowable is False


# -- the application's own options ---------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "count"),
    [
        pytest.param(["mpirun", "-n", "2", "python", "train.py", "-n", "5"], 2, id="app -n"),
        pytest.param(["mpirun", "python", "train.py", "-np", "5"], None, id="only app -np"),
        pytest.param(["mpirun", "-np", "2", "app", "--np=8"], 2, id="app --np="),
        pytest.param(["mpirun", "-np", "2", "--", "app", "-np", "8"], 2, id="after --"),
        pytest.param(["horovodrun", "-np", "2", "python", "t.py", "-np", "8"], 2, id="horovod"),
    ],
)
def test_application_arguments_are_not_launcher_options(argv: list[str], count: int | None) -> None:
    launch = one(argv)
    assert launch.count == count
    assert launch.unknowable is False


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["mpirun", "-x", "N", "-np", "4", "app"], id="-x"),
        pytest.param(["mpirun", "--mca", "btl", "^openib", "-np", "4", "app"], id="--mca"),
        pytest.param(["mpirun", "-mca", "n", "3", "-np", "4", "app"], id="-mca looks like -n"),
        pytest.param(["mpirun", "-gmca", "a", "b", "-np", "4", "app"], id="-gmca"),
        pytest.param(["mpirun", "--bind-to", "none", "-np", "4", "app"], id="--bind-to"),
        pytest.param(["mpirun", "--map-by", "slot", "-np", "4", "app"], id="--map-by"),
        pytest.param(["mpirun", "--map-by=slot", "-np", "4", "app"], id="--map-by="),
        pytest.param(["mpirun", "--prefix", "/opt/ompi", "-np", "4", "app"], id="--prefix"),
        pytest.param(["mpirun", "-wdir", "/w", "-np", "4", "app"], id="-wdir"),
        pytest.param(["mpirun", "--allow-run-as-root", "-np", "4", "app"], id="flag"),
        pytest.param(["mpirun", "-genv", "N", "3", "-np", "4", "app"], id="-genv"),
        pytest.param(["mpiexec.hydra", "-genv", "N", "3", "-n", "4", "app"], id="hydra -genv"),
        pytest.param(["mpiexec.hydra", "-bootstrap", "ssh", "-n", "4", "app"], id="-bootstrap"),
        pytest.param(["mpiexec.hydra", "-l", "-n", "4", "app"], id="hydra flag"),
        pytest.param(["orterun", "--pmixmca", "a", "b", "-np", "4", "app"], id="--pmixmca"),
        pytest.param(["horovodrun", "-p", "2222", "-np", "4", "app"], id="horovod -p"),
        pytest.param(["horovodrun", "--gloo", "-np", "4", "app"], id="horovod flag"),
        pytest.param(["horovodrun", "--log-level", "INFO", "-np", "4", "app"], id="log level"),
    ],
)
def test_option_values_are_skipped(argv: list[str]) -> None:
    launch = one(argv)
    assert launch.count == 4
    assert launch.unknowable is False


def test_unknown_option_followed_by_integer_is_unknowable() -> None:
    launch = one(["mpirun", "--frobnicate", "3", "-np", "4", "app"])
    assert launch.count is None
    assert launch.unknowable is True


def test_unknown_option_followed_by_option_is_skipped() -> None:
    launch = one(["mpirun", "--frobnicate", "-np", "4", "app"])
    assert launch.count == 4
    assert launch.unknowable is False


def test_unknown_option_followed_by_word_stops_at_the_application() -> None:
    launch = one(["mpirun", "--frobnicate", "app", "-np", "4"])
    assert launch.count is None
    assert launch.unknowable is False


def test_unknown_eq_option_does_not_take_the_integer() -> None:
    launch = one(["mpirun", "--frob=1", "-np", "4", "app"])
    assert launch.count == 4
    assert launch.unknowable is False


def test_expanding_word_before_any_count_may_hide_one() -> None:
    launch = one(["sh", "-c", "mpirun $MPI_ARGS python t.py"])
    assert launch.count is None
    assert launch.unknowable is True


def test_expanding_application_after_the_count_is_fine() -> None:
    launch = one(["sh", "-c", "mpirun -np 4 $APP"])
    assert launch.count == 4
    assert launch.unknowable is False


def test_missing_value_at_end_never_raises() -> None:
    launch = one(["mpirun", "--mca", "btl"])
    assert launch.count is None


# -- MIMD --------------------------------------------------------------------------------


def test_mimd_counts_are_summed() -> None:
    argv = ["mpirun", "-n", "2", "a", "-n", "9", ":", "-np", "3", "b"]
    launch = one(argv)
    assert launch.count == 5
    assert launch.count_ref == ArgRef(2, 0, 1)
    assert launch.count_option == "-n"
    assert launch.unknowable is False


def test_mimd_context_without_count_is_unknowable() -> None:
    launch = one(["mpirun", "-n", "2", "a", ":", "b"])
    assert launch.count is None
    assert launch.unknowable is True
    assert launch.count_ref == ArgRef(2, 0, 1)


def test_mimd_context_with_unknowable_count() -> None:
    launch = one(["mpirun", "-n", "2", "a", ":", "-n", "$(N)", "b"])
    assert launch.count is None
    assert launch.unknowable is True


def test_mimd_without_any_count() -> None:
    launch = one(["mpirun", "a", ":", "b"])
    assert launch.count is None
    assert launch.unknowable is False


def test_mimd_in_a_shell_string() -> None:
    launch = one(["sh", "-c", "mpiexec.hydra -n 1 srv : -n 7 wrk"])
    assert launch.count == 8


def test_horovod_has_no_mimd() -> None:
    launch = one(["horovodrun", "-np", "2", "a", ":", "-np", "3", "b"])
    assert launch.count == 2


# -- per node, hostfile, oversubscription, elastic -----------------------------------------


@pytest.mark.parametrize(
    ("argv", "per_node", "value_text"),
    [
        (["mpirun", "-N", "4", "app"], 4, "4"),
        (["mpirun", "-npernode", "4", "app"], 4, "4"),
        (["mpirun", "--npernode", "4", "app"], 4, "4"),
        (["mpirun", "--map-by", "ppr:4:node", "app"], 4, "ppr:4:node"),
        (["mpirun", "--map-by", "ppr:4:node:PE=2", "app"], 4, "ppr:4:node:PE=2"),
        (["mpirun", "--map-by=ppr:4:node", "app"], 4, "--map-by=ppr:4:node"),
        (["mpiexec.hydra", "-ppn", "4", "app"], 4, "4"),
        (["mpiexec.hydra", "-perhost", "4", "app"], 4, "4"),
        (["mpirun", "-ppn", "4", "app"], 4, "4"),
        (["mpiexec.hydra", "-rr", "app"], 1, "-rr"),
    ],
)
def test_per_node(argv: list[str], per_node: int, value_text: str) -> None:
    launch = one(argv)
    assert launch.per_node == per_node
    assert written(argv, launch.per_node_ref) == value_text
    assert launch.unknowable is False


@pytest.mark.parametrize(
    "argv",
    [
        ["mpirun", "-npersocket", "2", "-np", "4", "app"],
        ["mpirun", "--npersocket", "2", "-np", "4", "app"],
        ["mpirun", "--map-by", "ppr:2:socket", "-np", "4", "app"],
        ["mpirun", "--map-by", "ppr:$(PPN):node", "-np", "4", "app"],
        ["mpirun", "-N", "$(PPN)", "-np", "4", "app"],
        ["mpiexec.hydra", "-ppn", "{{ .Values.ppn }}", "-np", "4", "app"],
        ["mpirun", "--app", "/etc/appfile"],
        ["mpiexec.hydra", "-configfile", "/etc/cfg"],
    ],
)
def test_unknowable_placement(argv: list[str]) -> None:
    launch = one(argv)
    assert launch.unknowable is True
    assert launch.per_node is None


@pytest.mark.parametrize(
    "argv",
    [
        ["mpirun", "-H", "a,b", "app"],
        ["mpirun", "-host", "a,b", "app"],
        ["mpirun", "--host", "a:2,b:2", "app"],
        ["mpirun", "--host=a,b", "app"],
        ["mpirun", "--hostfile", "/h", "app"],
        ["mpirun", "-hostfile", "/h", "app"],
        ["mpirun", "--machinefile", "/h", "app"],
        ["mpirun", "-machinefile", "/h", "app"],
        ["mpirun", "--default-hostfile", "/h", "app"],
        ["mpiexec.hydra", "-f", "/h", "app"],
        ["mpiexec.hydra", "-hostfile", "/h", "app"],
        ["mpiexec.hydra", "-machinefile", "/h", "app"],
        ["mpiexec.hydra", "-machine", "/h", "app"],
        ["mpiexec.hydra", "-hosts", "a,b", "app"],
        ["mpirun", "-f", "/h", "app"],
        ["horovodrun", "-H", "a:4", "app"],
        ["horovodrun", "--hosts", "a:4", "app"],
        ["horovodrun", "--hostfile", "/h", "app"],
    ],
)
def test_replaces_hostfile(argv: list[str]) -> None:
    launch = one([*argv[:-1], "-np", "4", argv[-1]])
    assert launch.replaces_hostfile is True
    assert launch.count == 4


def test_operator_hostfile_is_not_replaced() -> None:
    launch = one(["mpirun", "-np", "4", "--bind-to", "core", "app", "--hostfile", "x"])
    assert launch.replaces_hostfile is False


@pytest.mark.parametrize(
    ("argv", "oversubscribe"),
    [
        (["mpirun", "--oversubscribe", "app"], True),
        (["mpirun", "-oversubscribe", "app"], True),
        (["mpirun", "--map-by", "slot:OVERSUBSCRIBE", "app"], True),
        (["mpirun", "--map-by", ":oversubscribe", "app"], True),
        (["mpirun", "--map-by", "ppr:2:node:OVERSUBSCRIBE", "app"], True),
        (["mpirun", "--map-by", "slot", "app"], False),
        (["mpirun", "--nooversubscribe", "app"], False),
        (["mpirun", "app", "--oversubscribe"], False),
    ],
)
def test_oversubscribe(argv: list[str], oversubscribe: bool) -> None:
    assert one(argv).oversubscribe is oversubscribe


@pytest.mark.parametrize(
    ("extra", "elastic"),
    [
        (["--min-np", "2"], True),
        (["--max-np", "8"], True),
        (["--min_np", "2"], True),
        (["--max-np=8"], True),
        (["--host-discovery-script", "/d.sh"], True),
        (["--network-interface", "eth0"], False),
        ([], False),
    ],
)
def test_horovod_elastic(extra: list[str], elastic: bool) -> None:
    launch = one(["horovodrun", *extra, "-np", "4", "python", "t.py"])
    assert launch.elastic is elastic
    assert launch.count == 4


# -- wrappers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix",
    [
        pytest.param(["OMP_NUM_THREADS=1"], id="assignment"),
        pytest.param(["env", "A=1", "B=2"], id="env"),
        pytest.param(["env", "-i", "-u", "X", "A=1"], id="env options"),
        pytest.param(["/usr/bin/env", "-", "A=1"], id="env dash"),
        pytest.param(["exec"], id="exec"),
        pytest.param(["exec", "-a", "name"], id="exec -a"),
        pytest.param(["time"], id="time"),
        pytest.param(["time", "-f", "%e"], id="time -f"),
        pytest.param(["nohup"], id="nohup"),
        pytest.param(["timeout", "2h"], id="timeout"),
        pytest.param(["timeout", "-s", "KILL", "--preserve-status", "2h"], id="timeout opts"),
        pytest.param(["nice"], id="nice"),
        pytest.param(["nice", "-n", "5"], id="nice -n"),
        pytest.param(["nice", "-5"], id="nice -N"),
        pytest.param(["stdbuf", "-oL", "-eL"], id="stdbuf glued"),
        pytest.param(["stdbuf", "-o", "L"], id="stdbuf separate"),
        pytest.param(["tini", "--"], id="tini"),
        pytest.param(["/usr/bin/tini", "-g", "--"], id="tini -g"),
        pytest.param(["tini"], id="tini bare"),
        pytest.param(["dumb-init"], id="dumb-init"),
        pytest.param(["dumb-init", "--single-child", "--"], id="dumb-init opts"),
        pytest.param(["gosu", "mpiuser"], id="gosu"),
        pytest.param(["su-exec", "mpiuser"], id="su-exec"),
        pytest.param(["sudo"], id="sudo"),
        pytest.param(["sudo", "-u", "mpiuser", "-E"], id="sudo -u -E"),
        pytest.param(["sudo", "-Eu", "mpiuser"], id="sudo clustered"),
        pytest.param(["sudo", "--preserve-env=PATH", "A=1"], id="sudo env"),
        pytest.param(["numactl", "--cpunodebind=0", "--membind", "0"], id="numactl long"),
        pytest.param(["numactl", "-N", "0", "-l"], id="numactl short"),
        pytest.param(["setsid", "-w"], id="setsid"),
        pytest.param(["/entrypoint.sh"], id="entrypoint script"),
        pytest.param(["runuser", "-u", "mpiuser", "--"], id="runuser -u"),
        pytest.param(["tini", "--", "gosu", "u", "env", "A=1", "nice"], id="stacked"),
    ],
)
def test_wrappers_are_stripped(prefix: list[str]) -> None:
    argv = [*prefix, "mpirun", "-np", "4", "app"]
    launch = one(argv)
    assert launch.program_ref == ArgRef(len(prefix), 0, 6)
    assert launch.count == 4
    assert launch.count_ref == ArgRef(len(prefix) + 2, 0, 1)


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["/start.sh", "python", "mpirun"], id="script not followed by launcher"),
        pytest.param(["gosu", "mpirun", "-np", "4"], id="gosu user named like a launcher"),
        pytest.param(["chroot", "/r", "mpirun", "-np", "4"], id="chroot not unwrapped"),
    ],
)
def test_wrapper_operands_are_not_launchers(argv: list[str]) -> None:
    assert find_launches(argv) == ()


# -- shell strings -------------------------------------------------------------------------


def test_position_inside_shell_string() -> None:
    argv = ["bash", "-c", "cd /x && mpirun -np 4 python t.py"]
    launch = one(argv)
    assert launch.count == 4
    assert launch.count_ref == ArgRef(2, 20, 21)
    assert launch.program_ref == ArgRef(2, 9, 15)


@pytest.mark.parametrize(
    "shell",
    [
        ["sh", "-c"],
        ["/bin/sh", "-c"],
        ["bash", "-c"],
        ["/bin/bash", "-lc"],
        ["bash", "-ec"],
        ["bash", "-xc"],
        ["bash", "-l", "-c"],
        ["bash", "-o", "pipefail", "-c"],
        ["bash", "-euo", "pipefail", "-c"],
        ["bash", "--login", "-c"],
        ["bash", "-c", "--"],
        ["dash", "-c"],
        ["zsh", "-c"],
        ["ash", "-c"],
    ],
)
def test_shells(shell: list[str]) -> None:
    argv = [*shell, "set -e; mpirun -np 4 app", "name"]
    launch = one(argv)
    assert launch.count == 4
    assert launch.count_ref == ArgRef(len(shell), 19, 20)
    assert launch.unknowable is False


def test_shell_command_in_args() -> None:
    """command: [bash, -c] and args: [...] arrive concatenated."""
    launch = one(["/bin/bash", "-c", "mpirun --allow-run-as-root -np 2 python /t.py"])
    assert launch.count == 2


@pytest.mark.parametrize(
    "argv",
    [
        pytest.param(["su", "mpiuser", "-c", "mpirun -np 4 app"], id="su user -c"),
        pytest.param(["su", "-", "mpiuser", "-c", "mpirun -np 4 app"], id="su - user -c"),
        pytest.param(["su", "-c", "mpirun -np 4 app", "mpiuser"], id="su -c string user"),
        pytest.param(["su", "-l", "mpiuser", "-c", "mpirun -np 4 app"], id="su -l"),
        pytest.param(["su", "-s", "/bin/bash", "u", "-c", "mpirun -np 4 app"], id="su -s"),
        pytest.param(["su", "u", "--command=mpirun -np 4 app"], id="su --command="),
        pytest.param(["runuser", "-l", "mpiuser", "-c", "mpirun -np 4 app"], id="runuser -l"),
        pytest.param(["runuser", "mpiuser", "-c", "mpirun -np 4 app"], id="runuser"),
    ],
)
def test_su_strings(argv: list[str]) -> None:
    launch = one(argv)
    assert launch.count == 4
    assert written(argv, launch.count_ref) == "4"
    assert written(argv, launch.program_ref) == "mpirun"


def test_nested_su_inside_bash() -> None:
    argv = ["bash", "-c", "su user -c 'mpirun -n 2 x'"]
    launch = one(argv)
    assert launch.count == 2
    assert launch.program_ref == ArgRef(2, 12, 18)
    assert launch.count_ref == ArgRef(2, 22, 23)


def test_doubly_nested_strings_keep_exact_columns() -> None:
    argv = ["sh", "-c", "cd /w; su u -c \"bash -lc 'exec mpirun -np 8 app'\""]
    launch = one(argv)
    assert launch.count == 8
    assert written(argv, launch.count_ref) == "8"
    assert written(argv, launch.program_ref) == "mpirun"


def test_escaped_nested_string_points_at_enclosing_word() -> None:
    argv = ["bash", "-c", 'bash -c "mpirun -n \\"2\\" x"']
    launch = one(argv)
    assert launch.count == 2
    enclosing = ArgRef(2, 8, len(argv[2]))
    assert launch.program_ref == enclosing
    assert launch.count_ref == enclosing


def test_quoted_value_ref_includes_quotes() -> None:
    argv = ["sh", "-c", "mpirun -np '4' app"]
    launch = one(argv)
    assert launch.count == 4
    assert written(argv, launch.count_ref) == "'4'"


def test_wrappers_inside_shell_strings() -> None:
    argv = ["sh", "-c", "export X=1 && OMP_NUM_THREADS=2 exec gosu u mpirun -np 4 app"]
    launch = one(argv)
    assert launch.count == 4
    assert written(argv, launch.count_ref) == "4"


def test_several_launches_in_source_order() -> None:
    argv = ["sh", "-c", "mpirun -np 1 warmup; mpiexec.hydra -n 8 train | tee log"]
    launches = find_launches(argv)
    assert [(x.program, x.count) for x in launches] == [("mpirun", 1), ("mpiexec.hydra", 8)]
    assert [x.unknowable for x in launches] == [False, False]


@pytest.mark.parametrize(
    "script",
    [
        "if [ -f /h ]; then mpirun -np 4 app; fi",
        "for i in 1 2; do mpirun -np 4 app; done",
        "(cd /w && mpirun -np 4 app)",
        "cat <<EOF > /h\nlocalhost\nEOF\nmpirun -np 4 app",
        "mpirun -np 4 app 'unterminated",
    ],
)
def test_launch_in_incomplete_script_is_unknowable(script: str) -> None:
    launch = one(["sh", "-c", script])
    assert launch.count == 4
    assert launch.unknowable is True


def test_shell_string_expanded_by_outer_shell() -> None:
    launch = one(["sh", "-c", 'bash -c "mpirun -np $NP app"'])
    assert launch.count is None
    assert launch.unknowable is True


def test_redirections_are_not_arguments() -> None:
    argv = ["sh", "-c", "mpirun > /log 2>&1 -np 4 app"]
    launch = one(argv)
    assert launch.count == 4
    assert written(argv, launch.count_ref) == "4"


def test_deeply_nested_strings_stop_quietly() -> None:
    inner = "mpirun -np 4 app"
    for _ in range(10):  # each level doubles the backslashes: keep it small
        inner = 'sh -c "' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    assert len(inner) < 10_000
    assert find_launches(["sh", "-c", inner]) == ()


def test_moderately_nested_strings_are_followed() -> None:
    inner = "mpirun -np 4 app"
    for _ in range(3):
        inner = 'sh -c "' + inner.replace("\\", "\\\\").replace('"', '\\"') + '"'
    assert [x.count for x in find_launches(["sh", "-c", inner])] == [4]


# -- robustness --------------------------------------------------------------------------

_TOKENS = st.sampled_from(
    (
        *("mpirun", "horovodrun", "mpiexec.hydra", "bash", "sh", "-c", "-lc", "su", "-"),
        *("runuser", "-u", "env", "A=1", "gosu", "tini", "--", "timeout", "x.sh", "sudo"),
        *("-E", ":", "-n", "-np", "-np4", "--np=", "4", "$(NP)", "--map-by", "ppr:2:node"),
        *("--min-np", "-x", "--mca", "-H", "'", '"', "mpirun -n 2 x"),
        "su u -c 'mpirun -n \"3\" y'",
    )
)
_TEXT = st.text(alphabet=" \t\n'\"\\$`(){};&|<>#=:-0123456789npmirun/", max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TOKENS, _TEXT, st.text(max_size=20)), max_size=10))
def test_find_launches_never_raises_and_refs_are_in_bounds(argv: list[str]) -> None:
    for launch in find_launches(argv):
        for ref in (launch.program_ref, launch.count_ref, launch.per_node_ref):
            if ref is not None:
                assert 0 <= ref.index < len(argv)
                assert 0 <= ref.start <= ref.end <= len(argv[ref.index])
        if launch.count is not None:
            assert launch.count_ref is not None
            assert launch.count_option is not None
        if launch.per_node is not None:
            assert launch.per_node_ref is not None
