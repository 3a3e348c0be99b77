#!/usr/bin/env python3
"""The seed filing converted to TSV and to Markdown (by convert_notation.py, not by `jixiao convert`) must give the
same findings as the original, each on the line of the converted file that holds its cell, except the hygiene
findings that exist in one layout only (Grammar/LAYOUTS.md, "Findings that depend on the layout"):

- Markdown: trailing or leading spaces/TABs of a cell (JX502 on ASCII blanks) cannot be written in a pipe table,
  GFM trims them; so those findings of the original are not expected in the Markdown file.

    check_equivalence.py JIXIAO SEED.txt WORKDIR
"""
import collections
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import convert_notation  # noqa: E402


def findings(jixiao, path):
    result = subprocess.run([jixiao, "check", "--format", "json", "--exit-zero", path], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"jixiao check {path} failed ({result.returncode}): {result.stderr}")
    report = json.loads(result.stdout)
    return [(d["range"]["start"]["line"], d["code"], d["message"]) for f in report["files"] for d in f["diagnostics"]]


def layout_only(layout, line, code, message):
    """Whether a finding of the original cannot exist in `layout`."""
    if layout == "markdown" and code == "JX502":
        # The blanks the finding names are ASCII spaces or TABs at a cell's edge: GFM trims them away.
        return "<空格>" in message or "<TAB>" in message
    return False


def main():
    jixiao, seed, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    with open(seed, encoding="utf-8", newline="") as handle:
        text = handle.read()
    original = findings(jixiao, seed)
    if not original:
        sys.exit("the seed gave no findings")
    failures = 0
    for layout, extension in (("tsv", "tsv"), ("markdown", "md")):
        converted, line_map = convert_notation.convert(text, layout)
        path = os.path.join(workdir, f"seed.{extension}")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(converted)
        expected = collections.Counter(
            (line_map[line], code)
            for line, code, message in original
            if not layout_only(layout, line, code, message)
        )
        skipped = len(original) - sum(expected.values())
        got = collections.Counter((line, code) for line, code, _ in findings(jixiao, path))
        missing = expected - got
        extra = got - expected
        if missing or extra:
            failures += 1
            print(f"FAIL {layout}: {len(original)} findings in the original, {sum(got.values())} in {path}")
            for (line, code), count in sorted(missing.items()):
                print(f"  missing {code} on line {line} (x{count})")
            for (line, code), count in sorted(extra.items()):
                print(f"  extra   {code} on line {line} (x{count})")
        else:
            print(f"ok   {layout}: the {sum(expected.values())} findings of the original on the mapped lines"
                  f" ({skipped} layout-only findings left out)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
