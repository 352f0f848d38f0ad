"""OpenSSH configuration read as ssh and sshd read it (mpilint.models.image.sshconfig)."""

from __future__ import annotations

import pytest

from mpilint.models.image import load_image
from mpilint.models.image.files import FileFacts, files_of
from mpilint.models.image.sshconfig import UNKNOWN, Config, Setting, read_config, split_line


def config(dockerfile: str, path: str, server: bool) -> Config:
    result = load_image("ctx/Dockerfile", dockerfile)
    assert result.image is not None
    found: FileFacts | None = files_of(result.image)
    assert found is not None
    return read_config(found, path, server)


def value(cfg: Config, keyword: str) -> str | None:
    found = cfg.value(keyword)
    assert found is not UNKNOWN
    return found.value if isinstance(found, Setting) else None


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Port 2222", ("port", ("2222",))),
        ("  port=2222", ("port", ("2222",))),
        ("Port = 2222", ("port", ("2222",))),
        ('HostKey "/home/a b/key"', ("hostkey", ("/home/a b/key",))),
        ("SendEnv LANG LC_*  # comment", ("sendenv", ("LANG", "LC_*"))),
        ("\tStrictHostKeyChecking\tno", ("stricthostkeychecking", ("no",))),
        ("# Port 22", None),
        ("   ", None),
    ],
)
def test_split_line(line: str, want: object) -> None:
    assert split_line(line) == want


def test_unterminated_quote_raises() -> None:
    with pytest.raises(ValueError):
        split_line('HostKey "/a')


_DEBIAN = "FROM debian:bookworm\nRUN apt-get update && apt-get install -y openssh-server\n"


def test_first_value_wins_and_the_line_is_kept() -> None:
    cfg = config(
        _DEBIAN
        + "RUN echo 'Port 2022' >> /etc/ssh/sshd_config && echo 'port 2222' >> /etc/ssh/sshd_config"
        + " && echo 'StrictModes no' >> /etc/ssh/sshd_config"
        + " && echo 'StrictModes yes' >> /etc/ssh/sshd_config\n",
        "/etc/ssh/sshd_config",
        server=True,
    )
    assert value(cfg, "StrictModes") == "no"
    ports = cfg.values("Port")
    assert ports is not UNKNOWN and [p.value for p in ports] == ["2022", "2222"]
    setting = cfg.value("strictmodes")
    assert isinstance(setting, Setting) and setting.span is not None and setting.span.line == 3
    assert cfg.value("PidFile") is None  # the default


def test_sshd_match_blocks_are_not_global() -> None:
    cfg = config(
        _DEBIAN + "RUN printf 'Match User x\\nStrictModes no\\n' >> /etc/ssh/sshd_config\n",
        "/etc/ssh/sshd_config",
        server=True,
    )
    assert cfg.value("StrictModes") is None


def test_client_host_blocks() -> None:
    cfg = config(
        _DEBIAN + "RUN printf 'Host github.com\\n  Port 443\\nHost *.svc\\n  User u\\nHost *\\n"
        "  StrictHostKeyChecking no\\n' > /etc/ssh/ssh_config.d/a.conf\n",
        "/etc/ssh/ssh_config",
        server=False,
    )
    assert cfg.value("Port") is None  # github.com is not a worker
    assert cfg.value("User") is UNKNOWN  # *.svc may be
    assert value(cfg, "StrictHostKeyChecking") == "no"


def test_include_of_an_unknown_file_makes_values_after_it_unknown() -> None:
    cfg = config(
        _DEBIAN
        + "COPY site.conf /etc/ssh/sshd_config.d/site.conf\n"
        + "RUN echo 'StrictModes no' >> /etc/ssh/sshd_config\n",
        "/etc/ssh/sshd_config",
        server=True,
    )
    assert cfg.value("StrictModes") is UNKNOWN
    assert cfg.values("Port") is UNKNOWN


def test_include_on_an_unknown_base_is_unknown() -> None:
    cfg = config(
        "FROM example.org/base:1\nRUN printf 'Include /etc/ssh/x/*.conf\\nPort 2\\n'"
        " > /etc/ssh/sshd_config\n",
        "/etc/ssh/sshd_config",
        server=True,
    )
    assert cfg.exists is True and cfg.value("Port") is UNKNOWN


def test_unknown_and_absent_files() -> None:
    assert config("FROM example.org/base:1\n", "/etc/ssh/ssh_config", False).exists is None
    absent = config("FROM debian:bookworm\n", "/etc/ssh/ssh_config", False)
    assert absent.exists is False and absent.value("Port") is None
    unknown = config("FROM example.org/base:1\n", "/etc/ssh/ssh_config", False)
    assert unknown.value("Port") is UNKNOWN
