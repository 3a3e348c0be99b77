"""`jixiao lsp` driven by a real LSP client (pytest-lsp over stdio) on the seed corpus."""

from __future__ import annotations

import asyncio
import pathlib
import urllib.parse

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import open_document, wait_for_diagnostics
from support import SEED, apply_edits, cli_findings, column_of, expected_findings, lines_of, summary

URI = "file:///tmp/jixiao-e2e/linwu.txt"
SEED_LINES = lines_of(SEED)


def doc(uri: str = URI) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


async def test_initialize_advertises_features(client: LanguageClient):
    capabilities = client.initialize_result.capabilities
    assert capabilities.position_encoding in (None, types.PositionEncodingKind.Utf16)
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.diagnostic_provider is None  # a push client
    assert "source.fixAll.jixiao" in capabilities.code_action_provider.code_action_kinds
    assert capabilities.semantic_tokens_provider.legend.token_types
    assert client.initialize_result.server_info.name == "jixiao"


async def test_seed_findings_match_the_golden_list_with_exact_columns(client: LanguageClient, tmp_path):
    diagnostics = await open_document(client, URI, SEED)
    reported = {(d.range.start.line, str(d.code)) for d in diagnostics}
    expected = expected_findings()
    assert sorted(expected - reported) == [], "findings of the golden list that are missing"
    assert sorted(reported - expected) == [], "findings not in the golden list"
    # Exact UTF-16 columns, worked out from the text where the TSV says exactly what is flagged …
    starts = {(d.range.start.line, str(d.code)): d.range.start.character for d in diagnostics}
    assert starts[(9, "JX301")] == 1  # `\t14万　`: after the TAB
    assert starts[(9, "JX502")] == column_of(SEED, 9, "\u3000")
    assert starts[(128, "JX401")] == column_of(SEED, 128, "2020")
    assert starts[(469, "JX501")] == column_of(SEED, 469, "[bookmark")
    budget = next(d for d in diagnostics if d.code == "JX301" and d.range.start.line == 9)
    assert budget.range.end == types.Position(line=9, character=column_of(SEED, 9, "\u3000"))
    assert budget.related_information[0].location.range.start.line == 56  # the cost row
    # The link is to the rule page shipped beside the binary (here the checkout's Documentation/Rules), which exists.
    assert budget.code_description.href.startswith("file://")
    assert budget.code_description.href.endswith("JX301-budget-mismatch.md")
    assert pathlib.Path(urllib.parse.urlparse(budget.code_description.href).path).is_file()
    assert isinstance(budget.data, str) and len(budget.data) <= 12
    assert budget.source == "jixiao"
    # … and for every finding, the CLI's scalar column converted to UTF-16 (one engine, two front ends).
    for finding in cli_findings(SEED, tmp_path):
        line, code = finding["line"], finding["code"]
        assert any(
            d.range.start == types.Position(line=line, character=finding["character"]) and d.code == code
            for d in diagnostics
        ), f"{code} at {line}:{finding['character']} (CLI) not reported by the server"


async def test_quick_fix_for_the_wrong_year(client: LanguageClient):
    diagnostics = await open_document(client, URI, SEED)
    year = next(d for d in diagnostics if d.code == "JX401" and d.range.start.line == 128)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(), range=year.range,
            context=types.CodeActionContext(diagnostics=[year], only=[types.CodeActionKind.QuickFix])))
    fixes = [action for action in actions if action.edit is not None and "JX401" not in action.title]
    assert fixes, [action.title for action in actions]
    edits = fixes[0].edit.document_changes[0].edits
    fixed = apply_edits(SEED, edits)
    assert lines_of(fixed)[128] == SEED_LINES[128].replace("2020年", "2021年")
    assert fixes[0].kind == types.CodeActionKind.QuickFix


async def test_fix_all_applies_safe_fixes_only(client: LanguageClient):
    diagnostics = await open_document(client, URI, SEED)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(), range=types.Range(start=types.Position(0, 0), end=types.Position(0, 0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll])))
    assert [action.kind for action in actions] == ["source.fixAll.jixiao"]
    edits = actions[0].edit.document_changes[0].edits
    assert actions[0].edit.document_changes[0].text_document.version == 1
    # Diagnostics carry only a key in `data`; the unsafe year fix is what the wrong year's quick fix edits
    # (JX301 offers no fix on the seed: no fix edits the budget, and the seed's cost values are not one cap).
    budget = next(d for d in diagnostics if d.code == "JX401" and d.range.start.line == 128)
    quick = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=doc(), range=budget.range,
            context=types.CodeActionContext(diagnostics=[budget], only=[types.CodeActionKind.QuickFix])))
    unsafe = [
        (edit.range.start.line, edit.range.start.character, edit.new_text)
        for action in quick
        if action.edit is not None and "忽略" not in action.title
        for edit in action.edit.document_changes[0].edits
    ]
    assert unsafe, "the seed has unsafe fixes (JX401's year change)"
    for edit in edits:
        assert (edit.range.start.line, edit.range.start.character, edit.new_text) not in unsafe
    fixed = lines_of(apply_edits(SEED, edits))
    assert fixed[9] == "\t14万"  # trailing U+3000 removed (safe), budget kept (unsafe)
    assert fixed[128] == SEED_LINES[128]  # the year fix needs a human


async def test_hover_on_the_budget(client: LanguageClient):
    await open_document(client, URI, SEED)
    hover = await client.text_document_hover_async(types.HoverParams(text_document=doc(), position=types.Position(9, 2)))
    text = hover.contents.value
    assert "14万元" in text and "20万元" in text and "普法经费" in text
    assert hover.range.start == types.Position(9, 1)


async def test_document_symbols_list_five_forms(client: LanguageClient):
    await open_document(client, URI, SEED)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=doc()))
    assert len(symbols) == 5
    assert [symbol.name.split(" ")[0] for symbol in symbols] == ["附件5-1", "附件5-2", "附件5-3", "附件5-4", "附件5-5"]
    assert symbols[0].range.start.line == 0


async def change(client: LanguageClient, uri: str, version: int, start, end, text: str):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(*start), end=types.Position(*end)), text=text)
            ]))
    return await wait_for_diagnostics(client, uri, version)


async def test_incremental_edits_match_a_fresh_open(client: LanguageClient, tmp_path):
    await open_document(client, URI, SEED)
    text = SEED
    form_5_2 = "\n".join(SEED_LINES[108:216]) + "\n"
    steps = [
        # Type a character in the budget: 14万 → 149万 (the mismatch of form 5-1 goes away).
        ((9, 3), (9, 3), "9"),
        # Delete a whole indicator row (the 质量 row of form 5-1).
        ((39, 0), (45, 0), ""),
        # Paste a whole form before 附件5-3.
        ((210, 0), (210, 0), form_5_2),
    ]
    for version, (start, end, new_text) in enumerate(steps, start=2):
        incremental = await change(client, URI, version, start, end, new_text)
        text = apply_edits(text, [types.TextEdit(range=types.Range(types.Position(*start), types.Position(*end)), new_text=new_text)])
        fresh_uri = f"file:///tmp/jixiao-e2e/fresh-{version}.txt"
        fresh = await open_document(client, fresh_uri, text)
        assert summary(incremental) == summary(fresh), f"after step {version - 1}"
        cli = sorted((f["line"], f["character"], f["code"]) for f in cli_findings(text, tmp_path))
        assert sorted((d.range.start.line, d.range.start.character, str(d.code)) for d in incremental) == cli
    assert len([d for d in incremental if d.code == "JX301"]) == 3  # 5-1 fixed, the pasted 5-2 adds one


async def test_utf8_positions_are_bytes(utf8_client: LanguageClient):
    client = utf8_client
    assert client.initialize_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    diagnostics = await open_document(client, URI, SEED)
    starts = {(d.range.start.line, str(d.code)): d.range for d in diagnostics}
    assert starts[(9, "JX301")].start.character == 1
    assert starts[(9, "JX301")].end.character == len("\t14万".encode())
    assert starts[(9, "JX502")].start.character == len("\t14万".encode())
    assert starts[(128, "JX401")].start.character == column_of(SEED, 128, "2020", "utf-8")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=doc(), position=types.Position(9, len("\t1".encode()))))
    assert hover.range.end.character == len("\t14万".encode())


async def test_pull_diagnostics_with_result_ids(pull_client: LanguageClient):
    client = pull_client
    assert client.initialize_result.capabilities.diagnostic_provider is not None
    uri = (client.workspace_root / "seed.txt").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id="", version=1, text=SEED)))
    first = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc(uri)))
    assert first.kind == "full" and first.result_id
    assert any(d.code == "JX301" for d in first.items)
    second = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=doc(uri), previous_result_id=first.result_id))
    assert second.kind == "unchanged" and second.result_id == first.result_id
    # Workspace diagnostics cover the form files on disk too.
    (client.workspace_root / "other.txt").write_text(SEED, encoding="utf-8")
    report = await client.workspace_diagnostic_async(types.WorkspaceDiagnosticParams(previous_result_ids=[]))
    by_uri = {item.uri: item for item in report.items}
    other = (client.workspace_root / "other.txt").as_uri()
    assert other in by_uri and by_uri[other].kind == "full" and by_uri[other].version is None
    assert by_uri[uri].version == 1
    again = await client.workspace_diagnostic_async(
        types.WorkspaceDiagnosticParams(
            previous_result_ids=[types.PreviousResultId(uri=item.uri, value=item.result_id) for item in report.items]))
    assert all(item.kind == "unchanged" for item in again.items)
    # A pull client gets no pushed diagnostics: the server answers in order and never schedules a push for a
    # pull client, so one would have arrived before the answers awaited above (no sleep needed).
    assert client.published == []


async def test_configuration_change_refreshes_pull_clients(pull_client: LanguageClient):
    client = pull_client
    (client.workspace_root / ".jixiao.json").write_text('{"rules": {"JX301": "off"}}', encoding="utf-8")
    config_uri = (client.workspace_root / ".jixiao.json").as_uri()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=config_uri, type=types.FileChangeType.Created)]))
    for _ in range(200):
        if client.diagnostic_refresh_count:
            break
        await asyncio.sleep(0.01)
    assert client.diagnostic_refresh_count == 1
    uri = (client.workspace_root / "seed.txt").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(uri=uri, language_id="", version=1, text=SEED)))
    report = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(text_document=doc(uri)))
    assert not any(d.code == "JX301" for d in report.items)


async def test_shutdown_then_exit_code_zero(client: LanguageClient):
    await client.shutdown_session()
    assert client._server.returncode == 0
    client.capabilities = None  # the fixture must not shut down again
