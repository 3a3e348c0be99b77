"""Shared helpers of the end-to-end language server tests: the seed corpus, position arithmetic, edits."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess

REPO = pathlib.Path(__file__).resolve().parents[2]
JIXIAO = os.environ.get("JIXIAO", str(REPO / ".build/debug/jixiao"))
SEED_PATH = REPO / "Tests/Fixtures/linwu-sifaju-2021.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
EXPECTED_TSV = REPO / "Tests/Fixtures/linwu-sifaju-2021.expected.tsv"

# The server runs with no debounce so a test sees diagnostics right after each change.
SERVER_ENV = {**os.environ, "JIXIAO_LSP_DEBOUNCE_MS": "0"}


def expected_findings() -> set[tuple[int, str]]:
    """The (0-based line, code) pairs the golden TSV requires."""
    pairs = set()
    for row in EXPECTED_TSV.read_text(encoding="utf-8").splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        line, code = row.split("\t")[:2]
        pairs.add((int(line) - 1, code))
    return pairs


def lines_of(text: str) -> list[str]:
    """Lines as an LSP client counts them (\\n, \\r\\n and \\r end a line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def units(text: str, encoding: str = "utf-16") -> int:
    """Length of `text` in the code units of an LSP position encoding."""
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    if encoding == "utf-32":
        return len(text)
    return len(text.encode("utf-16-le")) // 2


def column_of(text: str, line: int, needle: str, encoding: str = "utf-16") -> int:
    """The column (in `encoding` units) where `needle` starts on a 0-based line."""
    content = lines_of(text)[line]
    index = content.index(needle)
    return units(content[:index], encoding)


def index_of(text: str, line: int, character: int, encoding: str = "utf-16") -> int:
    """The Python string index of an LSP position in `text` (only \\n line breaks)."""
    lines = text.split("\n")
    start = sum(len(part) + 1 for part in lines[:line])
    content = lines[line] if line < len(lines) else ""
    count = 0
    for offset, char in enumerate(content):
        if count >= character:
            return start + offset
        count += units(char, encoding)
    return start + len(content)


def apply_edits(text: str, edits, encoding: str = "utf-16") -> str:
    """`text` with LSP text edits applied (all positions refer to the original text)."""
    spans = []
    for edit in edits:
        start = index_of(text, edit.range.start.line, edit.range.start.character, encoding)
        end = index_of(text, edit.range.end.line, edit.range.end.character, encoding)
        spans.append((start, end, edit.new_text))
    for start, end, new_text in sorted(spans, key=lambda span: span[0], reverse=True):
        text = text[:start] + new_text + text[end:]
    return text


def cli_findings(text: str, tmp_path: pathlib.Path) -> list[dict]:
    """`jixiao check --format json` on `text`, each finding with its 0-based line and UTF-16 start column."""
    path = tmp_path / "cli-copy.txt"
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([JIXIAO, "check", "--format", "json", str(path)], capture_output=True, cwd=tmp_path)
    report = json.loads(result.stdout)
    lines = lines_of(text)
    findings = []
    for diagnostic in report["files"][0]["diagnostics"]:
        start = diagnostic["range"]["start"]
        line = start["line"] - 1
        scalars = start["column"] - 1  # the CLI counts Unicode scalars from 1
        findings.append({"line": line, "character": units(lines[line][:scalars]), "code": diagnostic["code"]})
    return findings


def summary(diagnostics) -> list[tuple]:
    """What two diagnostic lists must agree on, in a comparable form."""
    return sorted(
        (d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, str(d.code), d.message)
        for d in diagnostics
    )
