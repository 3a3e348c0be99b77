"""The language server on a Markdown form and on a pasted TSV form (Grammar/LAYOUTS.md): the seed's golden
findings, each on the line of the converted file that holds its cell, mapped by the independent converter
(Scripts/layouts/convert_notation.py); a quick fix written in the layout's syntax; an incremental edit."""

from __future__ import annotations

import sys

from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import open_document, wait_for_diagnostics
from support import REPO, SEED, apply_edits, expected_findings

sys.dont_write_bytecode = True
sys.path.insert(0, str(REPO / "Scripts/layouts"))
import convert_notation  # noqa: E402

# Markdown cannot keep an ASCII blank at a cell's edge: the one JX502 about a trailing space (golden line 165).
MARKDOWN_ONLY_LOST = {(164, "JX502")}


def converted(layout: str):
    text, line_map = convert_notation.convert(SEED, layout)
    expected = {(line_map[line + 1] - 1, code) for line, code in expected_findings()}
    if layout == "markdown":
        expected -= {(line_map[line + 1] - 1, code) for line, code in MARKDOWN_ONLY_LOST}
    return text, expected


async def check_layout(client: LanguageClient, layout: str, uri: str):
    text, expected = converted(layout)
    diagnostics = await open_document(client, uri, text)
    reported = {(d.range.start.line, str(d.code)) for d in diagnostics}
    assert sorted(expected - reported) == [], f"{layout}: golden findings missing"
    assert sorted(reported - expected) == [], f"{layout}: findings not in the golden list"
    return text, diagnostics


async def test_markdown_form(client: LanguageClient):
    uri = "file:///tmp/jixiao-e2e/linwu.md"
    text, diagnostics = await check_layout(client, "markdown", uri)
    lines = text.split("\n")
    budget = next(d for d in diagnostics if d.code == "JX301")
    row = lines[budget.range.start.line]
    assert row.startswith("| 年度本级预算金额 |")
    # UTF-16 column of 14万 inside the pipe row.
    assert budget.range.start.character == row.index("14万")
    # The full-width space after 14万 (JX502) in the same pipe row: its quick fix keeps the row a pipe row.
    space = next(d for d in diagnostics if d.code == "JX502" and d.range.start.line == budget.range.start.line)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=space.range,
            context=types.CodeActionContext(diagnostics=[space], only=[types.CodeActionKind.QuickFix])))
    fixes = [a for a in actions if a.edit is not None and "忽略" not in a.title]
    assert fixes, [a.title for a in actions]
    fixed = apply_edits(text, fixes[0].edit.document_changes[0].edits).split("\n")
    assert fixed[budget.range.start.line].startswith("| 年度本级预算金额 | 14万 | ")
    assert fixed[budget.range.start.line].count(" | ") == row.count(" | ")
    # An edit in a cell re-checks the form: the wrong year fixed in place, its finding gone.
    year = next(d for d in diagnostics if d.code == "JX401")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=year.range.start, end=types.Position(line=year.range.start.line, character=year.range.start.character + 4)),
                text="2021")]))
    after = await wait_for_diagnostics(client, uri, 2)
    assert not any(d.code == "JX401" and d.range.start.line == year.range.start.line for d in after)
    symbols = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    assert len(symbols) == 5


async def test_tsv_form(client: LanguageClient):
    uri = "file:///tmp/jixiao-e2e/linwu-pasted.txt"
    text, diagnostics = await check_layout(client, "tsv", uri)
    lines = text.split("\n")
    budget = next(d for d in diagnostics if d.code == "JX301")
    assert lines[budget.range.start.line].startswith("年度本级预算金额\t")
    assert budget.range.start.character == lines[budget.range.start.line].index("14万")
