"""The language server on a Markdown form and on a pasted TSV form (Grammar/LAYOUTS.md): the seed's golden
findings, each on the line of the converted file that holds its cell, mapped by the independent converter
(Scripts/layouts/convert_notation.py); a quick fix written in the layout's syntax; an incremental edit; positions
exact in UTF-16 and UTF-8 (every finding where the CLI puts it, and where the text says); hover, folding,
formatting and completion, with the rows checked by another reader of the layout (Python's csv, pipe splitting)."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import open_document, wait_for_diagnostics
from support import JIXIAO, REPO, SEED, apply_edits, expected_findings, lines_of, units

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


# Positions, hover, folding, formatting and completion in each layout. `uri` names the file as a user would.
LAYOUT_URIS = {"markdown": "file:///tmp/jixiao-e2e/linwu-positions.md", "tsv": "file:///tmp/jixiao-e2e/linwu-positions.tsv"}
LAYOUTS = pytest.mark.parametrize("layout", ["markdown", "tsv"])


async def opened(client: LanguageClient, layout: str):
    """The seed converted to `layout`, opened: its text, URI and document identifier."""
    text, _ = converted(layout)
    uri = LAYOUT_URIS[layout]
    await open_document(client, uri, text)
    return text, uri, types.TextDocumentIdentifier(uri=uri)


def formatting(document: types.TextDocumentIdentifier) -> types.DocumentFormattingParams:
    return types.DocumentFormattingParams(text_document=document, options=types.FormattingOptions(tab_size=4, insert_spaces=False))


def cli_positions(text: str, layout: str, tmp_path, encoding: str) -> set[tuple]:
    """(start line, start column, end line, end column, code) of every CLI finding, columns in `encoding` units
    (the CLI counts Unicode scalars from 1)."""
    path = tmp_path / ("cli-copy.md" if layout == "markdown" else "cli-copy.tsv")
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([JIXIAO, "check", "--format", "json", str(path)], capture_output=True, cwd=tmp_path)
    lines = lines_of(text)

    def position(point):
        line = point["line"] - 1
        return line, units(lines[line][:point["column"] - 1], encoding)

    return {
        (*position(d["range"]["start"]), *position(d["range"]["end"]), d["code"])
        for d in json.loads(result.stdout)["files"][0]["diagnostics"]
    }


async def exact_positions(client: LanguageClient, layout: str, tmp_path, encoding: str):
    text, _ = converted(layout)
    uri = LAYOUT_URIS[layout]
    _, diagnostics = await check_layout(client, layout, uri)
    served = {(d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, str(d.code))
              for d in diagnostics}
    # Every finding where the CLI puts it (scalar columns converted to the encoding) …
    assert served == cli_positions(text, layout, tmp_path, encoding)
    # … and where the text says, on the row's physical line: 14万 in the budget cell, U+3000 after it, 2020 in a
    # goal written for the wrong year; and the ends.
    lines = lines_of(text)
    starts = {(d.range.start.line, str(d.code)): d for d in diagnostics}
    budget = next(d for d in diagnostics if d.code == "JX301")
    row = lines[budget.range.start.line]
    assert budget.range.start.character == units(row[:row.index("14万")], encoding)
    assert budget.range.end.character == units(row[:row.index("14万") + 3], encoding)
    space = starts[(budget.range.start.line, "JX502")]
    assert space.range.start.character == units(row[:row.index("\u3000")], encoding)
    assert space.range.end.character == units(row[:row.index("\u3000") + 1], encoding)
    year = next(d for d in diagnostics if d.code == "JX401")
    year_row = lines[year.range.start.line]
    assert year.range.start.character == units(year_row[:year_row.index("2020")], encoding)
    # A column past the first multi-byte character really differs between the encodings.
    assert units(row[:row.index("14万")], "utf-8") > units(row[:row.index("14万")], "utf-16")


@LAYOUTS
async def test_utf16_positions_exact(client: LanguageClient, layout: str, tmp_path):
    await exact_positions(client, layout, tmp_path, "utf-16")


@LAYOUTS
async def test_utf8_positions_exact(utf8_client: LanguageClient, layout: str, tmp_path):
    assert utf8_client.initialize_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    await exact_positions(utf8_client, layout, tmp_path, "utf-8")


@LAYOUTS
async def test_hover_on_the_budget_cell(client: LanguageClient, layout: str):
    text, uri, document = await opened(client, layout)
    lines = lines_of(text)
    line = next(i for i, content in enumerate(lines) if "年度本级预算金额" in content and "14万" in content)
    column = lines[line].index("14万")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=document, position=types.Position(line, column + 1)))
    assert "14万元" in hover.contents.value and "20万元" in hover.contents.value and "普法经费" in hover.contents.value
    assert hover.range == types.Range(start=types.Position(line, column), end=types.Position(line, column + 3))


@LAYOUTS
async def test_folding_forms_and_tables(client: LanguageClient, layout: str):
    text, uri, document = await opened(client, layout)
    lines = lines_of(text)
    folds = await client.text_document_folding_range_async(
        types.FoldingRangeParams(text_document=document))
    starts = {fold.start_line for fold in folds}
    annexes = [i for i, content in enumerate(lines) if content.lstrip("# ").startswith("附件5-")]
    assert len(annexes) == 5 and all(line in starts for line in annexes), "a fold per form, from its annex line"
    # Each indicator table is folded: in Markdown a pipe table of its own, from its header row; in TSV, as in the
    # notation, the form's one run of rows, from the first. No fold ends on a blank line.
    headers = [i for i, content in enumerate(lines) if "一级指标" in content and "二级指标" in content]
    assert len(headers) == 5
    for header in headers:
        form = max(line for line in annexes if line < header)
        tables = [fold for fold in folds if form < fold.start_line <= header <= fold.end_line]
        assert tables, f"no table fold holds the indicator header on line {header}"
        if layout == "markdown":
            assert any(fold.start_line == header for fold in tables)
    assert all(lines[fold.end_line].strip() != "" for fold in folds)
    assert all(fold.end_line > fold.start_line for fold in folds)


def table_rows(text: str, layout: str) -> list[list[str]]:
    """The rows of the tables as another reader sees them: Python's csv module (Excel's TAB dialect, quotes and
    line breaks in cells) for TSV; pipe rows split at unescaped pipes for Markdown. Free lines are one-cell rows."""
    if layout == "tsv":
        return list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))
    return [re.split(r"(?<!\\)\|", line.strip())[1:-1] for line in lines_of(text) if line.lstrip().startswith("|")]


@LAYOUTS
async def test_formatting_keeps_the_rows(client: LanguageClient, layout: str):
    text, uri, document = await opened(client, layout)
    edits = await client.text_document_formatting_async(formatting(document))
    assert edits
    formatted = apply_edits(text, edits)
    # Only whitespace changes, and another reader of the layout sees the same rows with the same cells, each
    # the same but for whitespace (JX502 at a cell's edges, JX503 inside).
    assert re.sub(r"\s", "", formatted) == re.sub(r"\s", "", text)
    before, after = table_rows(text, layout), table_rows(formatted, layout)
    assert [len(row) for row in after] == [len(row) for row in before]

    def visible(rows):
        return [[re.sub(r"\s", "", cell) for cell in row] for row in rows]

    assert visible(after) == visible(before)
    changed = sum(a != b for row_a, row_b in zip(after, before) for a, b in zip(row_a, row_b))
    assert changed >= 5
    lines = lines_of(formatted)
    budget = next(i for i, content in enumerate(lines) if "年度本级预算金额" in content and "14万" in content)
    assert "14万\u3000" in text and "14万\u3000" not in lines[budget]
    # The formatted text has no JX502 the formatting could remove.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=formatted)]))
    again = await wait_for_diagnostics(client, uri, 2)
    assert not any(d.code == "JX502" and d.range.start.line == budget for d in again)
    redo = await client.text_document_formatting_async(formatting(document))
    assert not redo, "formatting twice changes nothing more"


@LAYOUTS
async def test_completion_in_a_cell(client: LanguageClient, layout: str):
    text, uri, document = await opened(client, layout)
    lines = lines_of(text)
    # The 一级 cell of the first indicator row: categories, replacing exactly the cell's text in its row.
    line = next(i for i, content in enumerate(lines) if "产出指标" in content and "数量指标" in content)
    column = lines[line].index("产出指标")
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=document, position=types.Position(line, column + 1)))
    items = result.items if hasattr(result, "items") else result
    assert "效益指标" in [item.label for item in items]
    assert items[0].text_edit.range == types.Range(types.Position(line, column), types.Position(line, column + 4))
    # The first cell of a header row: header labels, replacing the label.
    line = next(i for i, content in enumerate(lines) if "项目支出名称" in content)
    column = lines[line].index("项目支出名称")
    result = await client.text_document_completion_async(
        types.CompletionParams(text_document=document, position=types.Position(line, column + 2)))
    items = result.items if hasattr(result, "items") else result
    assert "年度本级预算金额" in [item.label for item in items]
    assert items[0].text_edit.range == types.Range(types.Position(line, column), types.Position(line, column + 6))
    # Applying an item keeps the rows of the layout, with the label in the cell.
    fixed = apply_edits(text, [items[0].text_edit])
    rows = table_rows(fixed, layout)
    assert [len(row) for row in rows] == [len(row) for row in table_rows(text, layout)]
    assert items[0].label in [cell.strip() for row in rows for cell in row]
