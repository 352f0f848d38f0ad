"""``mpilint server`` as an editor drives it: diagnostics latency and memory over a long session.

Starts ``python -m mpilint server`` (the ``server`` extra) in a scratch workspace holding a
200-line MPIJob manifest (``examples/broken``'s job with a long worker ``env``) and its
Dockerfile, and speaks LSP to it over stdio with pygls's client, as the tests do.

- latency: the time from sending a ``didChange`` to receiving its ``publishDiagnostics``, with
  the debounce set to 0, so what is measured is what comes after the debounce (the lint, the
  conversion to positions, both pipes); median and 95th percentile of ``--edits`` edits;
- memory: the server's resident set (``/proc/PID/status``, VmRSS) after the first 100 edits and
  after ``--long`` edits (1,000 by default), each edit waited for.

Usage: ``python bench/server.py [--edits 200] [--long 1000]``. Not a test: the numbers depend on
the machine; the README gives them with the machine's description.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parent.parent


def manifest(lines: int = 200) -> str:
    """``examples/broken``'s job, its worker given environment variables up to ``lines``."""
    text = (REPO / "examples" / "broken" / "mpijob.yaml").read_text()
    have = text.count("\n")
    env = ["            env:\n"]
    for number in range((lines - have - 1) // 2):
        env.append(f"            - name: SETTING_{number}\n              value: 'v{number}'\n")
    return text + "".join(env)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


async def session(edits: int, long: int) -> None:
    root = Path(tempfile.mkdtemp(prefix="mpilint-bench-server-"))
    text = manifest()
    (root / "mpijob.yaml").write_text(text)
    (root / "Dockerfile").write_text((REPO / "examples" / "broken" / "Dockerfile").read_text())
    client = LanguageClient("bench", "1")
    arrived: asyncio.Queue[lsp.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: lsp.PublishDiagnosticsParams) -> None:
        arrived.put_nowait(params)

    await client.start_io(sys.executable, "-m", "mpilint", "server", cwd=str(root))
    await client.initialize_async(
        lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(),
            root_uri=root.as_uri(),
            initialization_options={"debounceMs": 0},
        )
    )
    client.initialized(lsp.InitializedParams())
    uri = (root / "mpijob.yaml").as_uri()
    client.text_document_did_open(
        lsp.DidOpenTextDocumentParams(
            lsp.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
        )
    )
    first = await arrived.get()
    assert client._server is not None
    pid = client._server.pid
    version = 1
    times: list[float] = []
    rss: dict[int, int] = {0: rss_kib(pid)}
    total = max(edits, long)
    for number in range(1, total + 1):
        version += 1
        # A keystroke: the worker's last value grows by one character.
        text = text[:-2] + "x" + text[-2:]
        sent = time.perf_counter()
        client.text_document_did_change(
            lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        while (await arrived.get()).version != version:
            pass
        if number <= edits:
            times.append(time.perf_counter() - sent)
        if number in (100, long) or number % 500 == 0:
            rss[number] = rss_kib(pid)
    await client.shutdown_async(None)
    client.exit(None)
    await client._server.wait()
    await client.stop()
    ms = sorted(t * 1000 for t in times)
    print(f"manifest: {text.count(chr(10))} lines, {len(first.diagnostics)} diagnostics")
    print(
        f"latency after the debounce, {edits} edits: median {statistics.median(ms):.1f} ms,"
        f" p95 {ms[int(len(ms) * 0.95) - 1]:.1f} ms, max {ms[-1]:.1f} ms"
    )
    for count, kib in sorted(rss.items()):
        print(f"RSS after {count} edits: {kib / 1024:.1f} MiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=200, help="edits timed")
    parser.add_argument("--long", type=int, default=1000, help="edits before the last RSS")
    args = parser.parse_args()
    asyncio.run(session(args.edits, args.long))


if __name__ == "__main__":
    main()
