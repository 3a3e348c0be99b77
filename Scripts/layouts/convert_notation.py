#!/usr/bin/env python3
"""Converts a form in the Tika notation to clipboard TSV or to Markdown, independently of `jixiao convert`.

Written from Grammar/FORM-NOTATION.md, not from the Swift code, so that the layout front ends are checked
against a second reading. Prints the converted text to stdout; with --line-map FILE it also writes, for each
line of the input (1-based), the line of the output that holds it (a cell's line in its row; for TSV a line
break inside a quoted cell moves to the next output line).

    convert_notation.py --to tsv|markdown INPUT [--line-map MAP.json] > OUTPUT
"""
import argparse
import json
import re
import sys

ANNEX = re.compile(r"^[ \u3000]*附件[ \u3000]*[0-9０-９]")


def is_boundary(text):
    return bool(ANNEX.match(text)) or ("绩效目标表" in text and len(text.encode()) <= 180)


def read_lines(text):
    """(content, line break) pairs; lines end at LF, CRLF or CR."""
    lines = []
    for match in re.finditer(r"([^\r\n]*)(\r\n|\n|\r|$)", text):
        content, ending = match.group(1), match.group(2)
        if content == "" and ending == "" and match.start() == len(text):
            break
        lines.append((content, ending))
    return lines


def parse(lines):
    """Blocks: ('free', line index) | ('blank', line index) | ('table', [row]); a row is a list of cells, a cell a
    list of line indices (the TAB line and its continuation lines)."""
    kinds = []
    in_cell = False
    for content, _ in lines:
        if content == "":
            kind = "blank"
        elif content.startswith("\t"):
            kind = "cell"
        elif in_cell and not is_boundary(content):
            kind = "cont"
        else:
            kind = "free"
        kinds.append(kind)
        in_cell = kind in ("cell", "cont")
    blocks = []
    table = None
    row = None
    pending_blanks = []
    for index, kind in enumerate(kinds):
        if kind == "cell":
            if table is None:
                blocks.extend(("blank", b) for b in pending_blanks)
                pending_blanks = []
                table = []
                blocks.append(("table", table))
            pending_blanks = []
            if row is None:
                row = []
                table.append(row)
            row.append([index])
        elif kind == "cont":
            row[-1].append(index)
        elif kind == "blank":
            if row is not None:
                row = None  # the row's terminator
            elif table is not None:
                pending_blanks.append(index)
            else:
                blocks.append(("blank", index))
        else:
            row = None
            table = None
            blocks.extend(("blank", b) for b in pending_blanks)
            pending_blanks = []
            blocks.append(("free", index))
    blocks.extend(("blank", b) for b in pending_blanks)
    return blocks


def cell_text(lines, cell, newline):
    parts = [lines[cell[0]][0][1:]] + [lines[i][0] for i in cell[1:]]
    return newline.join(parts)


def tsv_cell(text):
    if any(c in text for c in "\t\r\n\"") or text.startswith('"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def md_cell(text):
    # A backslash before ASCII punctuation, a line break (written <br>) or the end (the next pipe) would escape
    # what follows (GFM): doubled.
    text = re.sub(r"\\(?=[!-/:-@\[-`{-~\r\n]|\Z)", lambda _: "\\\\", text)
    text = re.sub(r"<(?=[bB][rR] */?>)", lambda _: "\\<", text)  # the text <br>, not a line break
    text = text.replace("|", "\\|").replace("\r\n", "<br>").replace("\n", "<br>").replace("\r", "<br>")
    return text.strip(" \t")  # GFM trims spaces and TABs around a cell (documented as a layout-only loss)


def convert(text, to):
    lines = read_lines(text)
    newline = next((e for _, e in lines if e), "\n")
    blocks = parse(lines)
    out = []  # output lines (without line breaks)
    line_map = {}

    def free(index, markdown):
        content = lines[index][0]
        if markdown and is_boundary(content):
            content = ("## " if ANNEX.match(content) else "# ") + content
        line_map[index + 1] = len(out) + 1
        out.append(content)

    for kind, value in blocks:
        if kind == "free":
            free(value, to == "markdown")
        elif kind == "blank":
            line_map[value + 1] = len(out) + 1
            out.append("")
        elif to == "tsv":
            for row in value:
                first = len(out) + 1
                cells = []
                offset = 0  # line breaks written so far in this row
                for cell in row:
                    for k, index in enumerate(cell):
                        line_map[index + 1] = first + offset + k
                    body = cell_text(lines, cell, "\n")
                    cells.append(tsv_cell(body))
                    offset += body.count("\n")
                out.extend("\t".join(cells).split("\n"))
        else:
            # One pipe table per run of rows of the same width; a blank line after each.
            groups = []
            for row in value:
                if groups and len(groups[-1][0]) == len(row):
                    groups[-1].append(row)
                else:
                    groups.append([row])
            for group in groups:
                if out and out[-1] != "":
                    out.append("")  # a table starts a block of its own
                for position, row in enumerate(group):
                    for cell in row:
                        for index in cell:
                            line_map[index + 1] = len(out) + 1
                    out.append("| " + " | ".join(md_cell(cell_text(lines, c, "\n")) for c in row) + " |")
                    if position == 0:
                        out.append("|" + "|".join(" --- " for _ in row) + "|")
                out.append("")
    return newline.join(out) + (newline if text.endswith(("\n", "\r")) else ""), line_map


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--to", choices=["tsv", "markdown"], required=True)
    parser.add_argument("--line-map")
    parser.add_argument("input")
    args = parser.parse_args()
    with open(args.input, encoding="utf-8", newline="") as handle:
        text = handle.read()
    converted, line_map = convert(text, args.to)
    sys.stdout.buffer.write(converted.encode("utf-8"))
    if args.line_map:
        with open(args.line_map, "w", encoding="utf-8") as handle:
            json.dump(line_map, handle)


if __name__ == "__main__":
    main()
