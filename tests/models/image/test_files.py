"""The OpenSSH files an image holds, replayed from its Dockerfile (mpilint.models.image.files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpilint.models.image import load_image
from mpilint.models.image.files import FileFacts, echo_output, files_of, printf_output
from mpilint.models.image.sed import Line, SedError, parse_sed, run_sed, translate_regex
from mpilint.models.image.sshdefaults import SSH_CONFIG, SSHD_CONFIG
from tests.harness import REPO

_SERVER = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y openssh-server\n"


def facts(text: str, path: str = "ctx/Dockerfile") -> FileFacts:
    result = load_image(path, text)
    assert result.image is not None, result.problems
    found = files_of(result.image)
    assert found is not None
    return found


def settings(facts_: FileFacts, path: str) -> list[str]:
    """The non-comment lines of a known file."""
    lines = facts_.file(path).lines
    assert lines is not None, facts_.file(path)
    return [line.text for line in lines if line.text.strip() and not line.text.startswith("#")]


def sed(script: str, text: str, extended: bool = False) -> list[str]:
    lines = tuple(Line(t, None) for t in text.splitlines())
    return [line.text for line in run_sed(parse_sed([script], extended), lines, None)]


# -- sed ----------------------------------------------------------------------------------


def test_the_documented_recipes_edit_the_debian_defaults() -> None:
    cerit = sed(r"s/[ #]\(.*StrictHostKeyChecking \).*/ \1no/g", SSH_CONFIG)
    assert "    StrictHostKeyChecking no" in cerit
    assert "   Port 2222" in sed(r"s/.*Port 22.*/   Port 2222/g", SSH_CONFIG)
    assert "    Port 2222" in sed(r"s/[ #]\(.*Port \).*/ \12222/g", SSH_CONFIG)
    server = sed(r"s/#\(StrictModes \).*/\1no/g", SSHD_CONFIG)
    assert "StrictModes no" in server and "#StrictModes yes" not in server
    # "#GatewayPorts no" has "Port" but not "Port ": untouched
    assert "#GatewayPorts no" in sed(r"s/#\(Port \).*/\12222/g", SSHD_CONFIG)


@pytest.mark.parametrize(
    ("script", "text", "want"),
    [
        ("s/a/b/", "aaa", ["baa"]),
        ("s/a/b/g", "aaa", ["bbb"]),
        ("s/a/b/2", "aaa", ["aba"]),
        ("s/a/b/2g", "aaaa", ["abbb"]),
        ("s/A/b/I", "aA", ["bA"]),
        ("s|/etc|/opt|", "/etc/x", ["/opt/x"]),
        (r"s/x\{2,\}/y/", "xxx", ["y"]),
        (r"s/a\|b/c/g", "ab", ["cc"]),
        ("s/a|b/c/", "a|b", ["c"]),  # | is literal in a BRE
        ("s/*a/b/", "*a", ["b"]),  # a leading * is literal
        ("s/^#//", "#x", ["x"]),
        ("s/x$/y/", "x$x", ["x$y"]),
        ("s/$x/y/", "$x", ["y"]),  # $ not at the end is literal
        ("s/[[:space:]]*$//", "a  ", ["a"]),
        ("s/[]x]/y/g", "]x", ["yy"]),
        ("s/a/[&]/", "a", ["[a]"]),
        (r"s/a/\&/", "a", ["&"]),
        (r"s/a/1\n2/", "a", ["1", "2"]),
        ("/^Port/d", "Port 22\nX", ["X"]),
        ("/^Port/!d", "Port 22\nX", ["Port 22"]),
        ("$a Port 2222", "A\nB", ["A", "B", "Port 2222"]),
        ("1i\\First", "A", ["First", "A"]),
        ("/^A/c\\C", "A\nB", ["C", "B"]),
        ("2d; s/A/Z/", "A\nB", ["Z"]),
    ],
)
def test_sed_scripts(script: str, text: str, want: list[str]) -> None:
    assert sed(script, text) == want


def test_extended_expressions() -> None:
    assert sed(r"s/(a|b)+/<\1>/", "abab", extended=True) == ["<b>"]
    assert sed(r"s/x{2}/y/", "xx", extended=True) == ["y"]
    assert sed(r"s/\(/[/", "(", extended=True) == ["["]


@pytest.mark.parametrize(
    "script",
    [
        r"s/a/\U&/",  # case conversion
        "y/ab/cd/",
        "/a/,/b/d",  # ranges
        "s/a/b/w out",
        "s/a/b/p",
        r"s/\(a\)/\2/",  # a group that does not exist
        "s//x/",  # reuses the last regex
        "s/a/b",  # unterminated
        "{p}",
        r"s/\<a/b/",
        "s/[[:foo:]]/x/",
    ],
)
def test_sed_forms_not_followed_raise(script: str) -> None:
    with pytest.raises(SedError):
        parse_sed([script], extended=False)


def test_translate_regex_keeps_groups_and_anchors() -> None:
    assert translate_regex(r"^\(ab\)*c$", ere=False) == r"(?:\A)(ab)*c(?:\Z)"


# -- echo and printf ------------------------------------------------------------------------


def test_echo_follows_the_shell() -> None:
    assert echo_output(["Port", "2222"], "dash") == "Port 2222\n"
    assert echo_output(["-e", "a\\nb"], "bash") == "a\nb\n"
    assert echo_output(["a\\nb"], "bash") == "a\\nb\n"
    assert echo_output(["a\\nb"], "dash") == "a\nb\n"  # dash's echo always reads escapes
    assert echo_output(["-e", "x"], "dash") == "-e x\n"  # ... and prints -e
    assert echo_output(["-n", "x"], "bash") == "x"
    assert echo_output(["-e", "x"], None) is None
    assert echo_output(["a\\nb"], None) is None
    assert echo_output([None], "bash") is None


def test_printf() -> None:
    assert printf_output(["Port %s\\n", "2222"]) == "Port 2222\n"
    assert printf_output(["%s\\n", "a", "b"]) == "a\nb\n"
    assert printf_output(["100%%\\n"]) == "100%\n"
    assert printf_output(["%d\\n", "1"]) is None


# -- the replay through a Dockerfile --------------------------------------------------------


def test_the_platform_dockerfile() -> None:
    found = facts((REPO / "examples/good/Dockerfile").read_text())
    client = found.file("/etc/ssh/ssh_config")
    assert client.exists is True and client.origin == "package"
    assert client.span is not None and client.span.line == 5  # the apt-get install
    by_text = {line.text: line.span for line in client.lines or ()}
    assert by_text["    StrictHostKeyChecking no"] is not None
    assert by_text["    StrictHostKeyChecking no"].line == 12
    assert by_text["   Port 2222"] is not None and by_text["   Port 2222"].line == 19
    assert by_text["Host *"] is None  # from the package
    assert settings(found, "/etc/ssh/sshd_config") == [
        "StrictModes no",
        "PidFile /tmp/sshd.pid",
        "HostKey ~/.ssh/id_rsa",
        "Port 2222",
        "ListenAddress 0.0.0.0",
    ]
    assert found.has_dir("/run/sshd") is True and found.has_dir("/var/run/sshd") is True
    host_key = found.file("/etc/ssh/ssh_host_rsa_key")
    assert (host_key.exists, host_key.owner, host_key.mode) == (True, "root", 0o600)
    assert found.file("/etc/ssh/ssh_config").owner == "1000"  # chown 1000:1000


def test_mpioperator_base_is_seeded() -> None:
    found = facts("FROM mpioperator/intel:0.6.0\n")
    assert "    StrictHostKeyChecking no" in settings(found, "/etc/ssh/ssh_config")
    assert "    UserKnownHostsFile /dev/null" in settings(found, "/etc/ssh/ssh_config")
    assert "Port 2222" in settings(found, "/etc/ssh/sshd_config")
    assert settings(found, "/home/mpiuser/.sshd_config") == [
        "PidFile /home/mpiuser/sshd.pid",
        "HostKey /home/mpiuser/.ssh/id_rsa",
        "StrictModes no",
        "Port 2222",
    ]
    assert found.entrypoint == ("/entrypoint.sh",)
    assert found.has_dir("/run/sshd") is True


def test_horovod_is_inferred() -> None:
    found = facts("FROM horovod/horovod:0.28.1\n")
    client = settings(found, "/etc/ssh/ssh_config")
    assert client[-1] == "    StrictHostKeyChecking no"
    assert found.base_note == "inferred"


def test_unknown_base_and_a_file_written_whole() -> None:
    found = facts(
        "FROM ghcr.io/mpilint-demo/base:1\n"
        'RUN echo "Port 2222" >> /etc/ssh/sshd_config\n'
        'RUN echo "StrictModes no" > /etc/ssh/ssh_config\n'
    )
    assert found.file("/etc/ssh/sshd_config").exists is None  # appended to an unknown file
    assert settings(found, "/etc/ssh/ssh_config") == ["StrictModes no"]
    assert found.has_dir("/run/sshd") is None


def test_clean_base_without_openssh() -> None:
    found = facts("FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n")
    assert found.file("/etc/ssh/ssh_config").exists is False
    assert found.has_dir("/run/sshd") is False


def test_other_package_managers_give_unknown_content() -> None:
    found = facts("FROM rockylinux:9\nRUN dnf install -y openssh-server openssh-clients\n")
    assert found.file("/etc/ssh/sshd_config").exists is None


def test_heredoc_tee_printf_and_cd(tmp_path: Path) -> None:
    found = facts(
        "FROM debian:bookworm\n"
        "RUN mkdir -p /home/u && cat > /home/u/.sshd_config <<'EOF'\n"
        "Port 2222\n"
        "StrictModes no\n"
        "EOF\n"
        "RUN echo 'PidFile /tmp/p' | tee -a /home/u/.sshd_config\n"
        "RUN cd /home/u && printf 'HostKey %s\\n' /home/u/.ssh/id_rsa >> .sshd_config\n"
    )
    assert settings(found, "/home/u/.sshd_config") == [
        "Port 2222",
        "StrictModes no",
        "PidFile /tmp/p",
        "HostKey /home/u/.ssh/id_rsa",
    ]
    lines = found.file("/home/u/.sshd_config").lines or ()
    assert [line.span.line if line.span else None for line in lines] == [2, 2, 6, 7]


def test_copy_from_the_context_and_from_a_stage(tmp_path: Path) -> None:
    (tmp_path / "sshd_config").write_text("Port 2022\nStrictModes no\n")
    dockerfile = tmp_path / "Dockerfile"
    text = (
        "FROM debian:bookworm AS conf\n"
        "RUN mkdir -p /etc/ssh && echo 'Port 2200' > /etc/ssh/sshd_config\n"
        "FROM debian:bookworm\n"
        "WORKDIR /home/mpiuser\n"
        "COPY --chown=mpiuser sshd_config .sshd_config\n"
        "COPY --from=conf /etc/ssh/sshd_config /etc/ssh/sshd_config\n"
        "COPY missing_config /etc/ssh/ssh_config\n"
    )
    found = facts(text, str(dockerfile))
    home = found.file("/home/mpiuser/.sshd_config")
    assert settings(found, "/home/mpiuser/.sshd_config") == ["Port 2022", "StrictModes no"]
    assert home.owner == "mpiuser" and home.span is not None and home.span.line == 5
    assert settings(found, "/etc/ssh/sshd_config") == ["Port 2200"]
    assert found.file("/etc/ssh/ssh_config").exists is None  # a source that is not there


@pytest.mark.parametrize(
    "run",
    [
        "perl -pi -e 's/22/2222/' /etc/ssh/sshd_config",
        "python3 -c \"open('/etc/ssh/sshd_config', 'a').write('Port 2\\n')\"",
        "/opt/setup-ssh.sh",
        "bash configure.sh",
        "sed -f edits.sed -i /etc/ssh/sshd_config",
        "sed -n -i '/Port/p' /etc/ssh/sshd_config",
        "sed -i 's/a/\\U&/' /etc/ssh/sshd_config",
        "if true; then echo 'Port 1' >> /etc/ssh/sshd_config; fi",
        "ln -s /opt/sshd_config /etc/ssh/sshd_config",
        "curl -o /etc/ssh/sshd_config https://example.org/c",
        "echo 'x' > $TARGET",
    ],
)
def test_what_is_not_followed_makes_the_file_unknown(run: str) -> None:
    found = facts(f"{_SERVER}RUN {run}\n")
    assert found.file("/etc/ssh/sshd_config").exists is None


@pytest.mark.parametrize(
    "run",
    [
        "apt-get install -y vim",
        "make -j4 install",
        "pip install horovod",
        "chmod 755 /usr/local/bin/run",
        "grep -q Port /etc/ssh/sshd_config",
        "echo done",
    ],
)
def test_unrelated_commands_change_nothing(run: str) -> None:
    found = facts(f"{_SERVER}RUN {run}\n")
    assert found.file("/etc/ssh/sshd_config").known


def test_rm_mv_chmod_and_keys() -> None:
    found = facts(
        "FROM debian:bookworm\n"
        "RUN apt-get update && apt-get install -y openssh-server\n"
        "RUN rm -f /etc/ssh/ssh_host_*_key && ssh-keygen -A\n"
        "RUN cp /etc/ssh/sshd_config /etc/ssh/sshd_config.orig && \\\n"
        "    echo 'Port 2222' > /tmp/s && mv /tmp/s /etc/ssh/sshd_config && \\\n"
        "    chmod 644 /etc/ssh/ssh_host_rsa_key\n"
    )
    assert settings(found, "/etc/ssh/sshd_config") == ["Port 2222"]
    assert found.file("/tmp/s").exists is False
    assert found.file("/etc/ssh/sshd_config.orig").lines is not None
    assert found.file("/etc/ssh/ssh_host_rsa_key").mode == 0o644
    assert found.file("/etc/ssh/ssh_host_ed25519_key").span is not None


def test_a_later_stage_continues_the_earlier_one() -> None:
    found = facts(
        "FROM debian:bookworm AS base\n"
        "RUN apt-get update && apt-get install -y openssh-client\n"
        "FROM base\n"
        "RUN echo '    UserKnownHostsFile /dev/null' >> /etc/ssh/ssh_config\n"
    )
    assert settings(found, "/etc/ssh/ssh_config")[-1] == "    UserKnownHostsFile /dev/null"


def test_a_directory_moved_with_its_files() -> None:
    found = facts(
        "FROM debian:bookworm\n"
        "RUN mkdir -p /tmp/conf && echo 'Port 2222' > /tmp/conf/sshd_config && \\\n"
        "    mv /tmp/conf /etc/ssh\n"
    )
    moved = found.file("/etc/ssh/sshd_config")
    assert moved.path == "/etc/ssh/sshd_config" and settings(found, moved.path) == ["Port 2222"]
    assert found.file("/tmp/conf/sshd_config").exists is False
