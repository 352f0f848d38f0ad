"""An editor for the tests: ``mpilint server`` started as a subprocess, spoken to over stdio by
pygls's own ``LanguageClient``, as Neovim or VS Code would speak to it.

Nothing of the transport is replaced: the messages go through the pipes as JSON-RPC. The client
records every message both ways (``transcript``), as JSON, so a test can keep a session in a
file and compare it.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

TIMEOUT = 30.0  # seconds: a loaded CI machine, never reached when the server answers


class Editor:
    def __init__(self, root: Path, encodings: list[str] | None = None, debounce_ms: int = 50):
        self.root = root
        self.encodings = encodings
        self.debounce_ms = debounce_ms
        self.client = LanguageClient("mpilint-tests", "1")
        self.published: dict[str, list[lsp.PublishDiagnosticsParams]] = {}
        self.arrived = asyncio.Event()
        self.transcript: list[tuple[str, dict[str, Any]]] = []
        self.encoding = "utf-16"
        self.versions: dict[str, int] = {}
        self.texts: dict[str, str] = {}
        self._record()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: lsp.PublishDiagnosticsParams) -> None:
            self.published.setdefault(params.uri, []).append(params)
            self.arrived.set()

        @self.client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
        def register(params: lsp.RegistrationParams) -> None:
            return None

    def _record(self) -> None:
        protocol = self.client.protocol
        send, structure = protocol._send_data, protocol.structure_message

        def sent(data: Any) -> None:
            text = json.dumps(data, default=protocol._serialize_message)
            self.transcript.append(("editor", json.loads(text)))
            send(data)

        def received(data: dict[str, Any]) -> Any:
            if "jsonrpc" in data:  # the reader's object hook sees the nested objects too
                self.transcript.append(("server", json.loads(json.dumps(data))))
            return structure(data)

        protocol._send_data = sent  # type: ignore[method-assign]
        protocol.structure_message = received  # type: ignore[method-assign]

    async def start(self, *args: str) -> lsp.InitializeResult:
        # In the workspace's folder, where editors start their servers.
        await self.client.start_io(
            sys.executable, "-m", "mpilint", "server", *args, cwd=str(self.root)
        )
        general = (
            lsp.GeneralClientCapabilities(position_encodings=self.encodings)
            if self.encodings is not None
            else None
        )
        result = await self.client.initialize_async(
            lsp.InitializeParams(
                capabilities=lsp.ClientCapabilities(
                    general=general,
                    workspace=lsp.WorkspaceClientCapabilities(
                        did_change_watched_files=lsp.DidChangeWatchedFilesClientCapabilities(
                            dynamic_registration=True
                        )
                    ),
                ),
                root_uri=self.uri(""),
                workspace_folders=[lsp.WorkspaceFolder(uri=self.uri(""), name="root")],
                initialization_options={"debounceMs": self.debounce_ms},
            )
        )
        self.client.initialized(lsp.InitializedParams())
        encoding = result.capabilities.position_encoding
        self.encoding = str(getattr(encoding, "value", encoding) or "utf-16")
        return result

    async def stop(self) -> int | None:
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        server = self.client._server
        code = await asyncio.wait_for(server.wait(), TIMEOUT) if server is not None else None
        await self.client.stop()
        return code

    def uri(self, name: str) -> str:
        return (self.root / name).as_uri() if name else self.root.as_uri()

    def open(self, name: str, text: str, language: str = "yaml") -> str:
        uri = self.uri(name)
        self.versions[uri] = 1
        self.texts[uri] = text
        self.client.text_document_did_open(
            lsp.DidOpenTextDocumentParams(
                lsp.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
            )
        )
        return uri

    def change(self, uri: str, text: str) -> int:
        self.versions[uri] += 1
        self.texts[uri] = text
        self.client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                lsp.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
                [lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    def close(self, uri: str) -> None:
        self.client.text_document_did_close(
            lsp.DidCloseTextDocumentParams(lsp.TextDocumentIdentifier(uri))
        )

    async def diagnostics(
        self, uri: str, version: int | None = None, after: int = 0
    ) -> list[lsp.Diagnostic]:
        """The first diagnostics published for ``uri`` (at ``version``) after the ``after``
        first publications; waits for them."""

        async def wait() -> list[lsp.Diagnostic]:
            while True:
                for params in self.published.get(uri, [])[after:]:
                    if version is None or params.version == version:
                        return list(params.diagnostics)
                self.arrived.clear()
                await self.arrived.wait()

        return await asyncio.wait_for(wait(), TIMEOUT)

    def count(self, uri: str) -> int:
        return len(self.published.get(uri, []))

    async def code_actions(
        self,
        uri: str,
        where: lsp.Range,
        diagnostics: list[lsp.Diagnostic] | None = None,
        only: list[str] | None = None,
    ) -> list[lsp.CodeAction]:
        result = await asyncio.wait_for(
            self.client.text_document_code_action_async(
                lsp.CodeActionParams(
                    text_document=lsp.TextDocumentIdentifier(uri=uri),
                    range=where,
                    context=lsp.CodeActionContext(diagnostics=diagnostics or [], only=only),
                )
            ),
            TIMEOUT,
        )
        return [a for a in result or [] if isinstance(a, lsp.CodeAction)]

    def apply(self, uri: str, edit: lsp.WorkspaceEdit) -> str:
        """Apply a workspace edit to the open text as an editor does, and send the change."""
        assert edit.changes is not None
        text = apply_edits(self.texts[uri], edit.changes[uri], self.encoding)
        self.change(uri, text)
        return text


def offset_of(text: str, position: lsp.Position, encoding: str) -> int:
    """The editor's own arithmetic (independent of mpilint's): lines split at \\n, \\r\\n, \\r."""
    line, index = 0, 0
    while line < position.line:
        nl = min(
            (i for i in (text.find("\r", index), text.find("\n", index)) if i >= 0), default=-1
        )
        if nl < 0:
            return len(text)
        index = nl + (2 if text.startswith("\r\n", nl) else 1)
        line += 1
    counted = 0
    while index < len(text) and text[index] not in "\r\n" and counted < position.character:
        counted += unit_length(text[index], encoding)
        index += 1
    return index


def unit_length(char: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(char.encode("utf-8"))
    if encoding == "utf-32":
        return 1
    return 2 if ord(char) > 0xFFFF else 1


def text_at(text: str, where: lsp.Range, encoding: str) -> str:
    return text[offset_of(text, where.start, encoding) : offset_of(text, where.end, encoding)]


def apply_edits(text: str, edits: list[lsp.TextEdit], encoding: str) -> str:
    placed = sorted(
        (
            (offset_of(text, e.range.start, encoding), offset_of(text, e.range.end, encoding), e)
            for e in edits
        ),
        key=lambda p: (p[0], p[1]),
        reverse=True,
    )
    for begin, end, edit in placed:
        text = text[:begin] + edit.new_text + text[end:]
    return text


def run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


def workspace(tmp: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return tmp
