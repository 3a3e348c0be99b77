"""Fixtures: `jixiao lsp` under a pytest-lsp client, with the capabilities of a push, pull or UTF-8 client."""

from __future__ import annotations

import asyncio
import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from support import JIXIAO, REPO, SERVER_ENV


def _record_diagnostics(client: LanguageClient, params: types.PublishDiagnosticsParams):
    # pytest-lsp keeps only the latest list per URI; tests also need the version each list was published for.
    client.diagnostics[params.uri] = params.diagnostics
    client.published.append(params)


def make_client() -> LanguageClient:
    client = LanguageClient()
    client.published = []
    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: _record_diagnostics})
    return client


CONFIG = ClientServerConfig(server_command=[JIXIAO, "lsp"], server_env=SERVER_ENV, client_factory=make_client)


def capabilities(*, pull: bool = False, encodings: list[str] | None = None) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        general=types.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        workspace=types.WorkspaceClientCapabilities(
            workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True),
            diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True) if pull else None,
        ),
        text_document=types.TextDocumentClientCapabilities(
            # As VS Code declares: related information and rule-page links shown.
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                related_information=True, code_description_support=True),
            diagnostic=types.DiagnosticClientCapabilities(related_information=True) if pull else None,
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            document_symbol=types.DocumentSymbolClientCapabilities(hierarchical_document_symbol_support=True),
        ),
    )


async def start(client: LanguageClient, caps: types.ClientCapabilities, root=REPO / "Tests/Fixtures"):
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=caps, root_uri=root.as_uri(), initialization_options={"debounce": 0},
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)]))
    client.initialize_result = result
    return result


@pytest_lsp.fixture(config=CONFIG)
async def client(lsp_client: LanguageClient):
    await start(lsp_client, capabilities())
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def pull_client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    (root / "seed.txt").write_text((REPO / "Tests/Fixtures/linwu-sifaju-2021.txt").read_text(encoding="utf-8"), encoding="utf-8")
    lsp_client.workspace_root = root
    await start(lsp_client, capabilities(pull=True), root=root)
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=CONFIG)
async def utf8_client(lsp_client: LanguageClient):
    await start(lsp_client, capabilities(encodings=["utf-8", "utf-16"]))
    yield
    await lsp_client.shutdown_session()


async def wait_for_diagnostics(client: LanguageClient, uri: str, version: int, timeout: float = 20):
    """The diagnostics published for `uri` at `version` (they may already have arrived)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        for params in client.published:
            if params.uri == uri and params.version == version:
                return params.diagnostics
        await asyncio.sleep(0.01)
    raise AssertionError(f"no diagnostics for {uri} version {version}; got {[(p.uri, p.version) for p in client.published]}")


async def open_document(client: LanguageClient, uri: str, text: str, version: int = 1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="", version=version, text=text)))
    return await wait_for_diagnostics(client, uri, version)


print(f"jixiao under test: {JIXIAO}", file=sys.stderr)
