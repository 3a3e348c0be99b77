#!/usr/bin/env python3
"""`jixiao check --fix` on a Markdown form must leave a file that a Markdown parser (markdown-it-py, GFM tables)
still reads as the same tables, with the fixed cell contents.

Reads the fixture, fixes a copy with `jixiao check --fix --unsafe-fixes`, then requires:
1. the fixed file differs from the original (fixes were applied) and markdown-it finds as many tables, each
   with as many rows (a fix inserts rows only with the unsafe skeleton fixes, which the seed does not need);
2. markdown-it's cell texts equal jixiao's own reading of the same file (`jixiao debug tree`: each CELL with its
   decoded text), before and after the fix, row by row: both parsers see the same tables;
3. the cells that changed are exactly those jixiao's reading says changed, and there is at least one.

    check_markdown_fix.py JIXIAO FORM.md WORKDIR
"""
import json
import os
import re
import shutil
import subprocess
import sys

from markdown_it import MarkdownIt

BR = re.compile(r"^<br\s*/?>$", re.I)


def markdown_rows(text):
    """Every table row, in order, as markdown-it-py reads them (cells stripped, <br> as a line break)."""
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(text)
    tables = []
    row = None
    for token in tokens:
        if token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            tables[-1].append(row)
            row = None
        elif token.type == "inline" and row is not None:
            parts = []
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type == "html_inline" and BR.match(child.content):
                    parts.append("\n")
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
            row.append("".join(parts).strip())
    return tables


def unquote(text):
    return json.loads(text)


def jixiao_rows(jixiao, path):
    """Every row of jixiao's table view (`debug tree`), cells decoded."""
    result = subprocess.run([jixiao, "debug", "tree", path], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"jixiao debug tree {path} failed: {result.stderr}")
    rows = []
    for line in result.stdout.splitlines():
        stripped = line.strip()
        if stripped.startswith("ROW@"):
            rows.append([])
        elif stripped.startswith("CELL@") and " content@" in stripped:
            quoted = stripped[stripped.index('"'):]
            rows[-1].append(unquote(quoted).strip())
    return rows


def flatten(tables):
    return [row for table in tables for row in table]


def same_reading(md_tables, jx_rows, label):
    md_rows = flatten(md_tables)
    if len(md_rows) != len(jx_rows):
        sys.exit(f"FAIL {label}: markdown-it reads {len(md_rows)} rows, jixiao {len(jx_rows)}")
    for number, (md, jx) in enumerate(zip(md_rows, jx_rows)):
        padded = jx + [""] * (len(md) - len(jx))
        if md != padded:
            sys.exit(f"FAIL {label}: row {number} differs\n  markdown-it: {md}\n  jixiao:      {jx}")


def main():
    jixiao, form, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    fixed_path = os.path.join(workdir, "fixed.md")
    shutil.copyfile(form, fixed_path)
    result = subprocess.run([jixiao, "check", "--fix", "--unsafe-fixes", "--exit-zero", fixed_path], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"jixiao check --fix failed ({result.returncode}): {result.stderr}")
    with open(form, encoding="utf-8") as handle:
        original = handle.read()
    with open(fixed_path, encoding="utf-8") as handle:
        fixed = handle.read()
    if fixed == original:
        sys.exit("FAIL: --fix changed nothing")
    before_md, after_md = markdown_rows(original), markdown_rows(fixed)
    if [len(t) for t in before_md] != [len(t) for t in after_md]:
        sys.exit(f"FAIL: tables changed shape: {[len(t) for t in before_md]} -> {[len(t) for t in after_md]}")
    before_jx, after_jx = jixiao_rows(jixiao, form), jixiao_rows(jixiao, fixed_path)
    same_reading(before_md, before_jx, "original")
    same_reading(after_md, after_jx, "fixed")
    changed_md = [(r, c) for r, (a, b) in enumerate(zip(flatten(before_md), flatten(after_md))) for c in range(len(a)) if a[c] != b[c]]
    changed_jx = [(r, c) for r, (a, b) in enumerate(zip(before_jx, after_jx)) for c in range(len(a)) if a[c] != b[c]]
    if not changed_md or changed_md != changed_jx:
        sys.exit(f"FAIL: changed cells differ: markdown-it {changed_md}, jixiao {changed_jx}")
    print(f"ok   --fix on {form}: {len(changed_md)} cells fixed; markdown-it-py reads {len(before_md)} tables, "
          f"{len(flatten(after_md))} rows, the same as jixiao before and after")


if __name__ == "__main__":
    main()
