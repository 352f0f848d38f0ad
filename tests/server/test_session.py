"""``mpilint server`` as an editor uses it: a subprocess spoken to over stdio by pygls's client.

Each test starts the real server (``python -m mpilint server``), so these are seconds, not
milliseconds; what they prove is what a user's editor sees.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types as lsp

from mpilint.core import catalog
from tests.harness import REPO
from tests.server.editor import Editor, run, text_at, workspace

BROKEN = REPO / "examples" / "broken"
SESSION = Path(__file__).with_name("session.json")


def _broken(tmp_path: Path) -> Path:
    for name in ("mpijob.yaml", "Dockerfile", "configmap.yaml"):
        shutil.copy(BROKEN / name, tmp_path / name)
    return tmp_path


def _cli_findings(path: Path) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-m", "mpilint", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        cwd=path.parent,
    )
    findings: list[dict[str, Any]] = json.loads(done.stdout)["findings"]
    return [f for f in findings if Path(path.parent, f["file"]).resolve() == path.resolve()]


def test_open_change_quick_fix_and_exit(tmp_path: Path) -> None:
    """initialize, open, diagnostics as ``mpilint check`` gives them, a quick fix applied,
    its diagnostic gone, shutdown, exit 0."""
    root = _broken(tmp_path)
    expected = _cli_findings(root / "mpijob.yaml")

    async def session() -> None:
        editor = Editor(root)
        result = await editor.start()
        assert result.server_info is not None and result.server_info.name == "mpilint"
        uri = editor.open("mpijob.yaml", (root / "mpijob.yaml").read_text())
        diagnostics = await editor.diagnostics(uri, 1)
        text = editor.texts[uri]
        shown = [(d.code, d.range.start.line + 1, d.range.start.character + 1) for d in diagnostics]
        assert shown == [(f["rule"], f["line"], f["column"]) for f in expected]
        by_rule = {d.code: d for d in diagnostics}
        assert by_rule["MPL102"].severity == lsp.DiagnosticSeverity.Error
        assert by_rule["MPL110"].severity == lsp.DiagnosticSeverity.Information
        assert text_at(text, by_rule["MPL102"].range, editor.encoding) == "4"
        description = by_rule["MPL102"].code_description
        assert description is not None and description.href == catalog.doc_url("MPL102")
        related = by_rule["MPL301"].related_information
        assert related and related[0].location.uri == editor.uri("Dockerfile")
        assert related[0].location.range.start == lsp.Position(1, 0)  # line 2, the FROM

        actions = await editor.code_actions(uri, by_rule["MPL101"].range, [by_rule["MPL101"]])
        quick = [a for a in actions if a.is_preferred]
        assert len(quick) == 1 and quick[0].kind == lsp.CodeActionKind.QuickFix
        assert quick[0].edit is not None
        fixed = editor.apply(uri, quick[0].edit)
        assert '- "4"' in fixed
        after = await editor.diagnostics(uri, 2)
        assert "MPL101" not in {d.code for d in after}
        assert "MPL102" in {d.code for d in after}  # 4 processes on 2 slots: still wrong
        assert await editor.stop() == 0

    run(session())


def test_yaml_that_is_no_mpijob_stays_silent(tmp_path: Path) -> None:
    root = _broken(tmp_path)

    async def session() -> None:
        editor = Editor(root)
        await editor.start()
        uri = editor.open("configmap.yaml", "key: [unclosed\nother: {\n")
        assert await editor.diagnostics(uri, 1) == []
        job = editor.open("job.yaml", "apiVersion: kubeflow.org/v2beta1\nkind: MPIJob\nspec: [\n")
        assert [d.code for d in await editor.diagnostics(job, 1)] == ["MPL001"]
        await editor.stop()

    run(session())


def test_the_latest_edit_wins(tmp_path: Path) -> None:
    """Edits within the debounce give one lint, of the last text; nothing older comes after."""
    root = _broken(tmp_path)
    text = (root / "mpijob.yaml").read_text()

    async def session() -> None:
        editor = Editor(root, debounce_ms=300)
        await editor.start()
        uri = editor.open("mpijob.yaml", text)
        await editor.diagnostics(uri, 1)
        opened = editor.count(uri)
        editor.change(uri, text.replace("- 4", '- "4"'))
        editor.change(uri, text.replace("- 4", '- "2"'))
        last = await editor.diagnostics(uri, 3, after=opened)
        assert not {"MPL101", "MPL102"} & {d.code for d in last}
        import asyncio

        await asyncio.sleep(0.5)
        versions = [p.version for p in editor.published[uri][opened:]]
        assert versions == [3]
        await editor.stop()

    run(session())


def test_a_dockerfile_edit_refreshes_its_manifest_and_the_reverse(tmp_path: Path) -> None:
    example = next(e for e in catalog.meta("MPL201").examples if e.kind == "bad")
    root = workspace(tmp_path, dict(example.files))
    broken = BROKEN / "Dockerfile"

    async def session() -> None:
        editor = Editor(root)
        await editor.start()
        manifest = editor.open("mpijob.yaml", dict(example.files)["mpijob.yaml"])
        assert "MPL301" not in {d.code for d in await editor.diagnostics(manifest, 1)}
        dockerfile = editor.open("Dockerfile", dict(example.files)["Dockerfile"], "dockerfile")
        found = {d.code: d for d in await editor.diagnostics(dockerfile, 1)}
        # MPL201's fix makes the image trust any host key: offered, marked unsafe, not preferred.
        actions = await editor.code_actions(dockerfile, found["MPL201"].range)
        unsafe = [a for a in actions if a.title.endswith("(MPL201, unsafe)")]
        assert len(unsafe) == 1 and not unsafe[0].is_preferred
        assert unsafe[0].edit is not None and unsafe[0].edit.changes is not None
        assert list(unsafe[0].edit.changes) == [dockerfile]

        # The manifest's unsaved text passes its own ssh options: the Dockerfile is fine.
        text = editor.texts[manifest].replace(
            "command: [mpirun, -n,",
            'command: [mpirun, --mca, plm_rsh_args, "-o StrictHostKeyChecking=no", -n,',
        )
        before = editor.count(dockerfile)
        editor.change(manifest, text)
        refreshed = await editor.diagnostics(dockerfile, 1, after=before)
        assert "MPL201" not in {d.code for d in refreshed}

        # The Dockerfile's unsaved text creates no 'user': the manifest's MPL301 says so.
        before = editor.count(manifest)
        no_user = broken.read_text().replace("RUN useradd -m -u 1000 user\n", "")
        editor.change(dockerfile, no_user)
        refreshed = await editor.diagnostics(manifest, 2, after=before)
        assert "MPL301" in {d.code for d in refreshed}
        await editor.stop()

    run(session())


def test_a_dockerfile_pairs_with_the_open_manifests_as_the_editor_has_them(
    tmp_path: Path,
) -> None:
    """The jobs of an edited Dockerfile are found from the open manifests' unsaved texts: one
    whose buffer now runs its image pairs (its disk copy does not), one whose buffer no longer
    does is not paired by its stale disk copy, nor refreshed."""
    example = dict(next(e for e in catalog.meta("MPL201").examples if e.kind == "bad").files)
    image = "ghcr.io/mpilint-demo/mpi/pi:1.0"
    other = example["mpijob.yaml"].replace(image, "ghcr.io/mpilint-demo/elsewhere:1.0")
    assert other != example["mpijob.yaml"]
    root = workspace(
        tmp_path,
        {
            ".mpilint.yaml": 'images:\n  "ghcr.io/mpilint-demo/mpi/*": docker/Dockerfile\n',
            "docker/Dockerfile": example["Dockerfile"],
            "jobs/now.yaml": other,  # its buffer will run the image
            "jobs/stale.yaml": example["mpijob.yaml"],  # its buffer will not
        },
    )

    async def session() -> None:
        editor = Editor(root)
        await editor.start()
        stale = editor.open("jobs/stale.yaml", other)
        await editor.diagnostics(stale, 1)
        dockerfile = editor.open("docker/Dockerfile", example["Dockerfile"], "dockerfile")
        # stale.yaml runs the image on disk only: no job of the editor's runs the Dockerfile.
        assert "MPL201" not in {d.code for d in await editor.diagnostics(dockerfile, 1)}

        before_now = editor.count(dockerfile)
        now = editor.open("jobs/now.yaml", example["mpijob.yaml"])
        await editor.diagnostics(now, 1)
        # now.yaml runs it in its buffer only (on disk another image): its job's MPL201.
        found = await editor.diagnostics(dockerfile, 1, after=before_now)
        assert "MPL201" in {d.code for d in found}

        async def settled() -> None:  # a request answered after the refreshes sent before it
            await editor.client.text_document_hover_async(
                lsp.HoverParams(lsp.TextDocumentIdentifier(dockerfile), lsp.Position(0, 0))
            )

        await settled()
        before = editor.count(now), editor.count(stale)
        no_user = example["Dockerfile"].replace("RUN useradd -m -u 1000 user\n", "")
        assert no_user != example["Dockerfile"]
        editor.change(dockerfile, no_user)
        await editor.diagnostics(dockerfile, 2)
        assert "MPL301" in {d.code for d in await editor.diagnostics(now, 1, after=before[0])}
        await settled()
        assert editor.count(stale) == before[1]
        await editor.stop()

    run(session())


def test_an_unsaved_configuration_governs_and_refreshes(tmp_path: Path) -> None:
    """The configuration's unsaved text is the one the documents it governs are linted with,
    on each edit; a mistake in it is said on it, where it is; closing it unsaved brings the
    disk's back."""
    root = _broken(tmp_path)
    (root / ".mpilint.yaml").write_text("ignore: [MPL110]\n")

    async def session() -> None:
        editor = Editor(root)
        await editor.start()
        job = editor.open("mpijob.yaml", (root / "mpijob.yaml").read_text())
        codes = {d.code for d in await editor.diagnostics(job, 1)}
        assert "MPL110" not in codes and "MPL104" in codes
        config = editor.open(".mpilint.yaml", "ignore: [MPL110]\n")
        assert await editor.diagnostics(config, 1) == []

        before = editor.count(job)
        editor.change(config, "ignore: [MPL104]\n")  # not saved
        codes = {d.code for d in await editor.diagnostics(job, 1, after=before)}
        assert "MPL110" in codes and "MPL104" not in codes

        before = editor.count(job), editor.count(config)
        editor.change(config, "ignore: [MPL104]\nselect: [MPL999]\n")
        [mistake] = await editor.diagnostics(config, 3, after=before[1])
        assert mistake.severity == lsp.DiagnosticSeverity.Error and "MPL999" in mistake.message
        assert mistake.range.start == lsp.Position(1, 8)
        [problem] = await editor.diagnostics(job, 1, after=before[0])
        assert problem.message.startswith("mpilint: the configuration is invalid: ")

        before = editor.count(job)
        editor.close(config)  # unsaved: the disk's configuration counts again
        codes = {d.code for d in await editor.diagnostics(job, 1, after=before)}
        assert "MPL110" not in codes and "MPL104" in codes
        await editor.stop()

    run(session())


def test_suppression_actions_write_the_comment_and_silence(tmp_path: Path) -> None:
    root = _broken(tmp_path)

    async def session() -> None:
        editor = Editor(root)
        await editor.start()
        uri = editor.open("mpijob.yaml", (root / "mpijob.yaml").read_text())
        diagnostics = {d.code: d for d in await editor.diagnostics(uri, 1)}
        actions = await editor.code_actions(uri, diagnostics["MPL103"].range)
        line = next(a for a in actions if a.title == "Disable MPL103 for this line")
        assert line.edit is not None
        text = editor.apply(uri, line.edit)
        assert "            # mpilint: disable=MPL103\n            - COMMAND\n" in text
        left = {d.code: d for d in await editor.diagnostics(uri, 2)}
        assert "MPL103" not in left

        actions = await editor.code_actions(uri, left["MPL104"].range)
        whole = next(a for a in actions if a.title == "Disable MPL104 for this file")
        assert whole.edit is not None
        text = editor.apply(uri, whole.edit)
        assert text.startswith("# mpilint: disable-file=MPL104\n# The mistakes")
        now = {d.code: d for d in await editor.diagnostics(uri, 3)}
        assert "MPL104" not in now

        # A second rule joins the comment already there.
        actions = await editor.code_actions(uri, now["MPL110"].range)
        whole = next(a for a in actions if a.title == "Disable MPL110 for this file")
        assert whole.edit is not None
        text = editor.apply(uri, whole.edit)
        assert text.startswith("# mpilint: disable-file=MPL104,MPL110\n")
        assert "MPL110" not in {d.code for d in await editor.diagnostics(uri, 4)}
        await editor.stop()

    run(session())


def test_fix_all_applies_the_safe_fixes_only(tmp_path: Path) -> None:
    root = _broken(tmp_path)

    async def session() -> None:
        editor = Editor(root)
        await editor.start()
        uri = editor.open("mpijob.yaml", (root / "mpijob.yaml").read_text())
        await editor.diagnostics(uri, 1)
        everything = lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
        actions = await editor.code_actions(uri, everything, only=["source.fixAll"])
        assert [a.kind for a in actions] == ["source.fixAll.mpilint"]
        assert actions[0].edit is not None
        editor.apply(uri, actions[0].edit)
        assert "MPL101" not in {d.code for d in await editor.diagnostics(uri, 2)}
        await editor.stop()

    fixed = subprocess.run(
        [sys.executable, "-m", "mpilint", "--diff", "mpijob.yaml"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert '+            - "4"' in fixed.stdout  # the same repair as --fix
    run(session())


def test_hover_and_explain(tmp_path: Path) -> None:
    root = _broken(tmp_path)

    async def session() -> None:
        editor = Editor(root)
        await editor.start()
        uri = editor.open("mpijob.yaml", (root / "mpijob.yaml").read_text())
        diagnostics = {d.code: d for d in await editor.diagnostics(uri, 1)}
        hover = await editor.client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), diagnostics["MPL103"].range.start)
        )
        assert hover is not None and isinstance(hover.contents, lsp.MarkupContent)
        meta = catalog.meta("MPL103")
        assert meta.summary in hover.contents.value
        good = next(e for e in meta.examples if e.kind == "good")
        assert dict(good.files)["mpijob.yaml"].splitlines()[5] in hover.contents.value
        nothing = await editor.client.text_document_hover_async(
            lsp.HoverParams(lsp.TextDocumentIdentifier(uri), lsp.Position(3, 0))
        )
        assert nothing is None
        explained = await editor.client.workspace_execute_command_async(
            lsp.ExecuteCommandParams("mpilint.explain", ["process-count-mismatch"])
        )
        cli = subprocess.run(
            [sys.executable, "-m", "mpilint", "explain", "--long", "MPL102"],
            capture_output=True,
            text=True,
        )
        assert explained == cli.stdout
        await editor.stop()

    run(session())


def test_configuration_closest_to_the_file_and_its_edits(tmp_path: Path) -> None:
    root = _broken(tmp_path)
    (root / "sub").mkdir()
    shutil.copy(root / "mpijob.yaml", root / "sub" / "mpijob.yaml")
    (root / ".mpilint.yaml").write_text("ignore: [MPL110]\n")

    async def session() -> None:
        editor = Editor(root)
        await editor.start()
        top = editor.open("mpijob.yaml", (root / "mpijob.yaml").read_text())
        assert "MPL110" not in {d.code for d in await editor.diagnostics(top, 1)}
        (root / "sub" / ".mpilint.yaml").write_text("ignore: [MPL103]\n")
        sub = editor.open("sub/mpijob.yaml", (root / "sub" / "mpijob.yaml").read_text())
        codes = {d.code for d in await editor.diagnostics(sub, 1)}
        assert "MPL110" in codes and "MPL103" not in codes  # the closest configuration wins

        before = editor.count(top), editor.count(sub)
        (root / ".mpilint.yaml").write_text("ignore: [MPL104]\n")
        config = editor.open(".mpilint.yaml", "ignore: [MPL104]\n")
        editor.client.text_document_did_save(
            lsp.DidSaveTextDocumentParams(lsp.TextDocumentIdentifier(config))
        )
        codes = {d.code for d in await editor.diagnostics(top, 1, after=before[0])}
        assert "MPL110" in codes and "MPL104" not in codes
        assert await editor.diagnostics(sub, 1, after=before[1]) is not None
        await editor.stop()

    run(session())


def test_without_the_extra_it_says_how_to_install_it() -> None:
    code = (
        "import sys; sys.modules['pygls'] = None; from mpilint.cli import main;"
        " sys.exit(main(['server']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert "pip install 'mpilint[server]'" in done.stderr
    assert done.stdout == ""


def test_the_cli_does_not_import_the_server_libraries() -> None:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mpilint", str(REPO / "examples" / "good")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "mpilint.cli" in imported
    assert not {m for m in imported if m.split(".")[0] in ("pygls", "lsprotocol", "cattrs")}


def _normalised(transcript: list[tuple[str, dict[str, Any]]], root: Path) -> list[Any]:
    """The messages from the first didOpen on, with what changes from run to run replaced:
    the workspace's folder, and the request ids (the client's are uuids) by their order. The
    server's registration of file watchers, answered while the session goes on, is left out:
    when it arrives is up to the scheduler."""
    start = next(
        i for i, (_, m) in enumerate(transcript) if m.get("method") == "textDocument/didOpen"
    )
    registrations = {
        m["id"] for _, m in transcript if m.get("method") == "client/registerCapability"
    }
    ids: dict[str, int] = {}
    text = json.dumps([(w, m) for w, m in transcript[start:] if m.get("id") not in registrations])
    text = text.replace(root.as_uri(), "file:///WORKSPACE").replace(str(root), "/WORKSPACE")
    kept = json.loads(text)
    for _, message in kept:
        if "id" in message:
            message["id"] = ids.setdefault(str(message["id"]), len(ids) + 1)
    return [{"from": who, "message": message} for who, message in kept]


def test_a_recorded_session(tmp_path: Path) -> None:
    """open → diagnostics → quick fix → diagnostics, message for message as recorded in
    ``session.json`` (MPILINT_RECORD=1 writes it again after a deliberate change)."""
    root = _broken(tmp_path)

    async def session() -> list[Any]:
        editor = Editor(root)
        await editor.start()
        uri = editor.open("mpijob.yaml", (root / "mpijob.yaml").read_text())
        diagnostics = {d.code: d for d in await editor.diagnostics(uri, 1)}
        actions = await editor.code_actions(
            uri, diagnostics["MPL101"].range, [diagnostics["MPL101"]]
        )
        preferred = next(a for a in actions if a.is_preferred)
        assert preferred.edit is not None
        editor.apply(uri, preferred.edit)
        await editor.diagnostics(uri, 2)
        transcript = list(editor.transcript)
        await editor.stop()
        return _normalised(transcript, root)

    recorded = run(session())
    if os.environ.get("MPILINT_RECORD"):
        SESSION.write_text(json.dumps(recorded, indent=1, ensure_ascii=False) + "\n")
    assert recorded == json.loads(SESSION.read_text())


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_positions_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    """A BOM, CRLF line breaks, a raw U+2028 inside a quoted scalar (a line break to libyaml,
    not to LSP), emoji and CJK before the findings on their lines: each diagnostic covers
    exactly the characters the CLI points at."""
    manifest = (
        "\ufeffapiVersion: kubeflow.org/v2beta1\r\n"
        "kind: MPIJob\r\n"
        "metadata:\r\n"
        "  name: hello-mpi\r\n"
        '  annotations: {note: "🎉 déjà\u2028vu 名前"}\r\n'
        "spec:\r\n"
        "  slotsPerWorker: 1\r\n"
        "  runPolicy: {cleanPodPolicy: All}\r\n"
        "  sshAuthMountPath: /home/user/.ssh\r\n"
        "  mpiReplicaSpecs:\r\n"
        "    Launcher:\r\n"
        "      replicas: 1\r\n"
        "      template:\r\n"
        "        spec:\r\n"
        "          containers:\r\n"
        '          - {name: launcher, workingDir: "/数据/🎉",'
        " image: ghcr.io/mpilint-demo/team/hello-mpi:1.1,\r\n"
        '             env: [{name: G, value: "𝄞你好"}], command: [mpirun],'
        " args: [-n, 4, COMMAND],\r\n"
        "             securityContext: {runAsUser: 1000}}\r\n"
        "    Worker:\r\n"
        "      replicas: 2\r\n"
        "      template:\r\n"
        "        spec:\r\n"
        "          containers:\r\n"
        "          - image: ghcr.io/mpilint-demo/team/hello-mpi:1.0\r\n"
        "            name: worker\r\n"
        "            securityContext: {runAsUser: 1000}\r\n"
    )
    root = _broken(tmp_path)
    (root / "mpijob.yaml").write_bytes(manifest.encode("utf-8"))
    expected = _cli_findings(root / "mpijob.yaml")
    assert {f["rule"] for f in expected} >= {"MPL101", "MPL102", "MPL103", "MPL104"}
    covered = {"MPL101": "4", "MPL102": "4", "MPL103": "COMMAND"}
    covered["MPL104"] = "ghcr.io/mpilint-demo/team/hello-mpi:1.1"

    async def session() -> None:
        editor = Editor(root, encodings=[encoding, "utf-16"])
        await editor.start()
        assert editor.encoding == encoding
        uri = editor.open("mpijob.yaml", manifest)
        diagnostics = await editor.diagnostics(uri, 1)
        assert sorted(d.code for d in diagnostics) == sorted(f["rule"] for f in expected)
        for d in diagnostics:
            if d.code in covered:
                assert text_at(manifest, d.range, encoding) == covered[str(d.code)], d.code
        # After the U+2028 the LSP line is one less than the parser's.
        first = next(f for f in expected if f["rule"] == "MPL103")
        mpl103 = next(d for d in diagnostics if d.code == "MPL103")
        assert mpl103.range.start.line == first["line"] - 2
        await editor.stop()

    run(session())


def test_utf16_is_the_default_encoding(tmp_path: Path) -> None:
    async def session() -> None:
        editor = Editor(tmp_path, encodings=None)
        result = await editor.start()
        assert result.capabilities.position_encoding in ("utf-16", lsp.PositionEncodingKind.Utf16)
        await editor.stop()

    run(session())
