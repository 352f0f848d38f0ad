"""``mpilint server``: the Language Server Protocol over stdio, on pygls and lsprotocol.

The server keeps the open documents' texts (full sync: pygls splits lines as ``str.splitlines``
does, at U+2028 and U+0085 too, which the protocol does not, so its incremental edits would
misplace text in a YAML file holding one) and lints each through ``server.linting``, which is
the CLI's path. Lints run on the event loop, one at a time, so a document's diagnostics are
always those of the latest text the server has received: an edit that arrives later cancels the
pending lint and schedules its own (debounced), and a lint never overlaps another edit.

Editing a file refreshes the open documents paired with it (before and after the edit), in the
same workspace folder only. Editing a configuration file (its unsaved text is what the
documents it governs are linted with), saving or closing it, or the client reporting one changed
on disk, refreshes every open document. Per workspace folder, what is kept is the open documents and
their last lint, dropped when a document closes: memory follows what the editor has open, not
how long it has been running.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Iterable, Sequence

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from mpilint import __version__
from mpilint.core import catalog
from mpilint.core.findings import SAFE, Finding, Severity, Span
from mpilint.server import suppressing
from mpilint.server.linting import CONFIGURATIONS, Linted, fix_all, kind_of, lint
from mpilint.server.positions import UTF8, UTF16, UTF32, Positions

TYPE_CHECKING = False  # see mpilint/__init__.py
if TYPE_CHECKING:
    from typing import Any

    from mpilint.server.positions import Kind

FIX_ALL = "source.fixAll.mpilint"
EXPLAIN = "mpilint.explain"
DEBOUNCE_MS = 150  # after the last keystroke; ``initializationOptions.debounceMs`` changes it
MAX_RESULTS = 256  # per workspace folder: lints kept for open documents

_SEVERITY = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.INFO: lsp.DiagnosticSeverity.Information,
}


class Document:
    """An open document: its text as the editor has it, not as the disk does."""

    def __init__(self, uri: str, path: str, text: str, version: int | None) -> None:
        self.uri, self.path, self.text, self.version = uri, path, text, version
        self.kind: Kind = kind_of(path) or "manifest"


class Linting:
    """The last lint of a document, for the version it was made on."""

    def __init__(self, version: int | None, text: str, linted: Linted) -> None:
        self.version, self.text, self.linted = version, text, linted


class Folder:
    """One workspace folder's open documents and their lints; nothing crosses folders."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.documents: dict[str, Document] = {}  # by URI
        self.lints: dict[str, Linting] = {}  # by URI, only for open documents

    def unsaved(self) -> dict[str, str]:
        return {d.path: d.text for d in self.documents.values()}


class _Protocol(LanguageServerProtocol):
    """pygls 2.1's protocol, less its one leak: a notification handled by a built-in handler
    (``didOpen``, ``didChange``, ``didClose``: generators) leaves its future in
    ``_request_futures`` under a fresh id that nothing removes (only a request's response
    does), about 2 KiB per keystroke. Done futures are dropped after each message: a done
    future has already run its callbacks (a request's response was sent then), so only the
    pending ones, which ``$/cancelRequest`` and ``shutdown`` need, stay."""

    def handle_message(self, message: Any) -> None:
        super().handle_message(message)
        futures = self._request_futures
        for key in [k for k, future in futures.items() if future.done()]:
            del futures[key]


class MpilintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "mpilint",
            __version__,
            text_document_sync_kind=lsp.TextDocumentSyncKind.Full,
            protocol_cls=_Protocol,
        )
        self.folders: dict[str, Folder] = {}
        self.roots: list[str] = []
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.debounce = DEBOUNCE_MS / 1000

    # where things are

    @property
    def encoding(self) -> str:
        chosen = self.workspace.position_encoding
        value = getattr(chosen, "value", chosen)
        return value if value in (UTF8, UTF16, UTF32) else UTF16

    def folder_of(self, path: str) -> Folder:
        root = max((r for r in self.roots if _below(path, r)), key=len, default="")
        folder = self.folders.get(root)
        if folder is None:
            folder = self.folders[root] = Folder(root)
        return folder

    def document(self, uri: str) -> tuple[Folder, Document] | None:
        path = _path(uri)
        if path is None:
            return None
        folder = self.folder_of(path)
        document = folder.documents.get(uri)
        return None if document is None else (folder, document)

    # linting

    def schedule(self, uri: str, delay: float, cascade: bool = True) -> None:
        """Lint ``uri`` after ``delay`` seconds unless another edit comes first."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(delay, self.lint_now, uri, cascade)

    def lint_now(self, uri: str, cascade: bool = True) -> Linting | None:
        """Lint the document as it is now and publish; with ``cascade`` (an edit of this
        document, not a refresh), then the open documents paired with it before or after."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        found = self.document(uri)
        if found is None:
            return None
        folder, document = found
        before = folder.lints.get(uri)
        linting = self.linting(folder, document, fresh=True)
        self.publish(document, linting)
        if cascade:
            was = before.linted.related if before is not None else frozenset()
            for other in self.paired(folder, document, was | linting.linted.related):
                self.lint_now(other.uri, cascade=False)
        return linting

    def linting(self, folder: Folder, document: Document, fresh: bool = False) -> Linting:
        """The lint of the document's current text: the last one when it is still that and
        not ``fresh`` (another file, which the lint reads, changed)."""
        last = folder.lints.pop(document.uri, None)
        if (
            not fresh
            and last is not None
            and last.version == document.version
            and last.text == document.text
        ):
            folder.lints[document.uri] = last
            return last
        linted = lint(document.path, document.text, folder.unsaved())
        linting = folder.lints[document.uri] = Linting(document.version, document.text, linted)
        while len(folder.lints) > MAX_RESULTS:
            folder.lints.pop(next(iter(folder.lints)))
        return linting

    def paired(self, folder: Folder, document: Document, related: Iterable[str]) -> list[Document]:
        """The open documents of the folder paired with ``document`` either way."""
        paths = set(related)
        return [
            other
            for other in folder.documents.values()
            if other.uri != document.uri
            and (
                other.path in paths
                or (
                    (last := folder.lints.get(other.uri)) is not None
                    and document.path in last.linted.related
                )
            )
        ]

    def refresh_all(self, delay: float = 0) -> None:
        for folder in self.folders.values():
            for uri in list(folder.documents):
                self.schedule(uri, delay, cascade=False)

    def publish(self, document: Document, linting: Linting) -> None:
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(
                uri=document.uri,
                diagnostics=self.diagnostics(document, linting),
                version=document.version,
            )
        )

    def diagnostics(self, document: Document, linting: Linting) -> list[lsp.Diagnostic]:
        linted = linting.linted
        if linted.problem is not None:
            where = lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
            if linted.problem_at is not None:
                where = _range(
                    Positions(linting.text, "manifest", self.encoding), linted.problem_at
                )
            return [
                lsp.Diagnostic(
                    where,
                    linted.problem,
                    severity=lsp.DiagnosticSeverity.Error,
                    source="mpilint",
                )
            ]
        positions = Positions(linting.text, document.kind, self.encoding)
        return [self.diagnostic(positions, f) for f in linted.findings]

    def diagnostic(self, positions: Positions, found: Finding) -> lsp.Diagnostic:
        related = [
            lsp.DiagnosticRelatedInformation(
                lsp.Location(_uri(r.file), self.range_in(r.file, r.span)), r.message
            )
            for r in found.related
        ]
        return lsp.Diagnostic(
            _range(positions, found.span),
            found.message,
            severity=_SEVERITY[found.severity],
            code=found.rule,
            code_description=lsp.CodeDescription(href=catalog.doc_url(found.rule)),
            source="mpilint",
            related_information=related or None,
            tags=[lsp.DiagnosticTag.Unnecessary] if found.rule == "MPL007" else None,
        )

    def positions_of(self, path: str) -> Positions | None:
        """Positions in another file: its open document's text, else the disk's."""
        absolute = os.path.abspath(path)
        folder = self.folder_of(absolute)
        text = next((d.text for d in folder.documents.values() if d.path == absolute), None)
        if text is None:
            from mpilint.inputs.files import read_text

            text = read_text(absolute).text
            if text is None:
                return None
        return Positions(text, kind_of(absolute) or "manifest", self.encoding)

    def range_in(self, path: str, span: Span) -> lsp.Range:
        positions = self.positions_of(path)
        if positions is None:
            start = lsp.Position(max(0, span.line - 1), max(0, span.column - 1))
            return lsp.Range(start, start)
        return _range(positions, span)

    # code actions and hover

    def code_actions(self, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        found = self.document(params.text_document.uri)
        if found is None:
            return []
        folder, document = found
        linting = self.linting(folder, document)
        positions = Positions(document.text, document.kind, self.encoding)
        wanted = params.context.only
        quick = _wants(wanted, lsp.CodeActionKind.QuickFix)
        actions: list[lsp.CodeAction] = []
        first = positions.offset(params.range.start.line, params.range.start.character)
        last = positions.offset(params.range.end.line, params.range.end.character)
        for found_ in linting.linted.findings:
            begin, end = positions.span_offsets(found_.span)
            if quick and begin <= last and first <= end:
                actions.extend(self.actions_for(document, positions, found_))
        safe = any(
            f.fix is not None and f.fix.applicability == SAFE for f in linting.linted.findings
        )
        if safe and _wants(wanted, FIX_ALL) and (wanted or quick):
            fixed = fix_all(document.path, document.text, folder.unsaved())
            if fixed is not None:
                actions.append(
                    lsp.CodeAction(
                        "mpilint: apply every safe fix",
                        kind=FIX_ALL,
                        edit=_whole_edit(document.uri, positions, fixed),
                    )
                )
        return actions

    def actions_for(
        self, document: Document, positions: Positions, found: Finding
    ) -> list[lsp.CodeAction]:
        diagnostic = self.diagnostic(positions, found)
        actions: list[lsp.CodeAction] = []
        fix = found.fix
        if fix is not None:
            changes: dict[str, list[lsp.TextEdit]] = {}
            for edit in fix.edits:
                where = self.positions_of(edit.file)
                if where is None:
                    changes = {}
                    break
                changes.setdefault(_uri(edit.file), []).append(
                    lsp.TextEdit(_range(where, edit.span), edit.replacement)
                )
            if changes:
                unsafe = fix.applicability != SAFE
                actions.append(
                    lsp.CodeAction(
                        f"{fix.description} ({found.rule}{', unsafe' if unsafe else ''})",
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        is_preferred=not unsafe,
                        edit=lsp.WorkspaceEdit(changes=changes),
                    )
                )
        line = suppressing.disable_line(positions, document.kind, found.rule, found.span.line)
        for title, suppression in (
            (f"Disable {found.rule} for this line", line),
            (
                f"Disable {found.rule} for this file",
                suppressing.disable_file(positions, document.kind, found.rule),
            ),
        ):
            if suppression is not None:
                actions.append(
                    lsp.CodeAction(
                        title,
                        kind=lsp.CodeActionKind.QuickFix,
                        diagnostics=[diagnostic],
                        edit=lsp.WorkspaceEdit(
                            changes={document.uri: [_text_edit(positions, suppression)]}
                        ),
                    )
                )
        return actions

    def hover(self, params: lsp.HoverParams) -> lsp.Hover | None:
        found = self.document(params.text_document.uri)
        if found is None:
            return None
        folder, document = found
        linting = self.linting(folder, document)
        positions = Positions(document.text, document.kind, self.encoding)
        at = positions.offset(params.position.line, params.position.character)
        parts: list[str] = []
        for found_ in linting.linted.findings:
            begin, end = positions.span_offsets(found_.span)
            if begin <= at <= end and found_.rule not in {p[:6] for p in parts}:
                parts.append(rule_help(found_.rule, document.kind))
        if not parts:
            return None
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, "\n\n---\n\n".join(parts)))


def rule_help(rule: str, kind: Kind) -> str:
    """A rule's summary and its good example (the file of the document's kind first)."""
    meta = catalog.meta(rule)
    text = f"{rule} **{meta.name}**: {meta.summary}\n\n[Documentation]({catalog.doc_url(rule)})"
    good = next((e for e in meta.examples if e.kind == "good"), None)
    if good is None or not good.files:
        return text
    files = sorted(good.files, key=lambda f: (kind_of(f[0]) or "manifest") != kind)
    name, body = files[0]
    language = "dockerfile" if kind_of(name) == "dockerfile" else "yaml"
    return f"{text}\n\nGood ({good.title}), `{name}`:\n\n```{language}\n{body.rstrip()}\n```"


def _wants(only: Sequence[str] | None, kind: str) -> bool:
    """Whether the client's ``only`` asks for actions of ``kind`` (a kind covers its subkinds)."""
    return only is None or any(kind == o or kind.startswith(f"{o}.") for o in only)


def _range(positions: Positions, span: Span) -> lsp.Range:
    (l1, c1), (l2, c2) = positions.span_range(span)
    return lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2))


def _text_edit(positions: Positions, edit: suppressing.TextEdit) -> lsp.TextEdit:
    (l1, c1), (l2, c2) = positions.position(edit.begin), positions.position(edit.end)
    return lsp.TextEdit(lsp.Range(lsp.Position(l1, c1), lsp.Position(l2, c2)), edit.text)


def _whole_edit(uri: str, positions: Positions, fixed: str) -> lsp.WorkspaceEdit:
    """One edit, the changed middle of the text: the editor keeps its cursor and marks around
    it (a whole-text replacement would move them)."""
    text = positions.text
    start = 0
    limit = min(len(text), len(fixed))
    while start < limit and text[start] == fixed[start]:
        start += 1
    end = 0
    while end < limit - start and text[-1 - end] == fixed[-1 - end]:
        end += 1
    edit = suppressing.TextEdit(start, len(text) - end, fixed[start : len(fixed) - end])
    return lsp.WorkspaceEdit(changes={uri: [_text_edit(positions, edit)]})


def _path(uri: str) -> str | None:
    path = to_fs_path(uri)
    return None if path is None else os.path.abspath(path)


def _uri(path: str) -> str:
    return from_fs_path(os.path.abspath(path)) or path


def _below(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _is_configuration(path: str) -> bool:
    return os.path.basename(path) in CONFIGURATIONS


def _as_on_disk(path: str, text: str) -> bool:
    """Whether an opened document's text is its file's: opening a configuration as it was
    saved changes nothing, so nothing is refreshed."""
    from mpilint.inputs.files import read_text

    return read_text(path).text == text


def _apply_change(text: str, change: lsp.TextDocumentContentChangeEvent, encoding: str) -> str:
    if isinstance(change, lsp.TextDocumentContentChangePartial):
        positions = Positions(text, "manifest", encoding)
        begin = positions.offset(change.range.start.line, change.range.start.character)
        end = positions.offset(change.range.end.line, change.range.end.character)
        return text[:begin] + change.text + text[end:]
    return change.text


def build() -> MpilintServer:
    """The server with its handlers; ``serve`` runs it on stdio."""
    server = MpilintServer()

    @server.feature(lsp.INITIALIZE)
    def initialize(ls: MpilintServer, params: lsp.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounceMs"), (int, float)):
            ls.debounce = max(0.0, float(options["debounceMs"]) / 1000)
        folders = [_path(f.uri) for f in params.workspace_folders or ()]
        root = _path(params.root_uri) if params.root_uri else None
        ls.roots = [f for f in (*folders, root) if f is not None]

    @server.feature(lsp.INITIALIZED)
    def initialized(ls: MpilintServer, params: lsp.InitializedParams) -> None:
        watch = ls.client_capabilities.workspace
        changes = watch.did_change_watched_files if watch is not None else None
        if changes is None or not changes.dynamic_registration:
            return
        globs = ("**/.mpilint.{yaml,yml}", "**/pyproject.toml", "**/*ockerfile*", "**/*.{yaml,yml}")
        ls.client_register_capability(
            lsp.RegistrationParams(
                [
                    lsp.Registration(
                        "mpilint-files",
                        lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        lsp.DidChangeWatchedFilesRegistrationOptions(
                            [lsp.FileSystemWatcher(g) for g in globs]
                        ),
                    )
                ]
            )
        )

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MpilintServer, params: lsp.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = _path(item.uri)
        if path is None:
            return
        ls.folder_of(path).documents[item.uri] = Document(item.uri, path, item.text, item.version)
        ls.schedule(item.uri, 0)
        if _is_configuration(path) and not _as_on_disk(path, item.text):
            ls.refresh_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MpilintServer, params: lsp.DidChangeTextDocumentParams) -> None:
        found = ls.document(params.text_document.uri)
        if found is None:
            return
        document = found[1]
        for change in params.content_changes:
            document.text = _apply_change(document.text, change, ls.encoding)
        document.version = params.text_document.version
        if _is_configuration(document.path):  # every open document may be governed by it
            ls.refresh_all(ls.debounce)
        else:
            ls.schedule(document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MpilintServer, params: lsp.DidSaveTextDocumentParams) -> None:
        path = _path(params.text_document.uri)
        if path is not None and _is_configuration(path):
            ls.refresh_all()

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MpilintServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        found = ls.document(uri)
        handle = ls.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        if found is None:
            return
        folder, document = found
        last = folder.lints.pop(uri, None)
        del folder.documents[uri]
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri, []))
        if _is_configuration(document.path):  # the disk's text governs again
            ls.refresh_all(ls.debounce)
            return
        related = last.linted.related if last is not None else frozenset()
        for other in ls.paired(folder, document, related):  # the disk's text counts again
            ls.schedule(other.uri, ls.debounce, cascade=False)

    @server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: MpilintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
        ls.refresh_all()

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]),
    )
    def code_action(ls: MpilintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        return ls.code_actions(params)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: MpilintServer, params: lsp.HoverParams) -> lsp.Hover | None:
        return ls.hover(params)

    @server.command(EXPLAIN)
    def explain(ls: MpilintServer, *args: object) -> str:
        from mpilint.report.explain import render

        meta = catalog.resolve(str(args[0])) if args else None
        if meta is None:
            raise ValueError(
                f"unknown rule {args[0] if args else ''!r}; `mpilint rules` lists them"
            )
        return render(meta)

    return server


def serve() -> int:
    """Speak LSP on standard input and output until the client says ``exit``; the exit code
    the protocol asks for: 0 when ``shutdown`` came first, else 1."""
    server = build()
    server.start_io()
    if sys.stdout.closed:  # pygls closes it on ``exit``; the CLI flushes it before returning
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (lives until the process ends)
    return 0 if getattr(server.protocol, "_shutdown", False) else 1
