#!/usr/bin/env python3
"""Backslashes in Markdown cells are read as GFM reads them (Grammar/MARKDOWN-LAYOUT.md): a pasted TSV form whose
cells hold backslashes, pipes and line breaks is converted by `jixiao convert --to markdown`; markdown-it-py and
jixiao (`jixiao debug tree`) must read the same cells, and those must be the TSV's cells.

    check_markdown_escapes.py JIXIAO WORKDIR
"""
import csv
import io
import os
import subprocess
import sys

from check_markdown_fix import jixiao_rows, markdown_rows, flatten

CELLS = [
    ["项目支出名称", "a\\b", "预算部门", "c\\"],
    ["年度本级预算金额", "14万", "备注", "\\|与\\\\和\\*"],
    ["绩效标准", "x|y", "说明", "第一行\n第二行"],
    ["备注", "写<br>不换行", "标签", "<BR />与"],
]


def main():
    jixiao, workdir = sys.argv[1:3]
    os.makedirs(workdir, exist_ok=True)
    tsv = io.StringIO()
    writer = csv.writer(tsv, dialect="excel-tab", lineterminator="\n")
    writer.writerows(CELLS)
    tsv_path = os.path.join(workdir, "escapes.tsv")
    with open(tsv_path, "w", encoding="utf-8", newline="") as handle:
        handle.write("附件5-1\n2021年项目支出绩效目标表\n" + tsv.getvalue())
    md_path = os.path.join(workdir, "escapes.md")
    result = subprocess.run([jixiao, "convert", "--to", "markdown", "-o", md_path, tsv_path], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"jixiao convert failed: {result.stderr}")
    with open(md_path, encoding="utf-8") as handle:
        markdown = handle.read()
    md = flatten(markdown_rows(markdown))
    jx = jixiao_rows(jixiao, md_path)
    if md != CELLS or jx != CELLS:
        sys.exit(f"FAIL: cells read back differ\n  written:     {CELLS}\n  markdown-it: {md}\n  jixiao:      {jx}\n{markdown}")
    print(f"ok   backslashes, pipes and line breaks in {len(CELLS)} Markdown rows: markdown-it-py and jixiao read the TSV's cells")


if __name__ == "__main__":
    main()
