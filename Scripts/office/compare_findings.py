#!/usr/bin/env python3
"""Compares the findings of two checks per form and rule.

    compare_findings.py JIXIAO EXPECTED_FILE ACTUAL_FILE [--except JX501,...]

Runs `JIXIAO check --format json` on each file and `JIXIAO convert` on office files (to know which form
each finding is in: forms are counted by annex lines, `附件N`, of the text the lines refer to). Prints the
differences; exit status 1 when there are any.
"""
import collections
import json
import re
import subprocess
import sys

ANNEX = re.compile(r"^[ \t\u3000\u00a0]*附件[ \t\u3000\u00a0]*[0-9０-９]")


def findings(jixiao, path):
    report = subprocess.run([jixiao, "check", "--format", "json", path], capture_output=True, text=True)
    if report.returncode not in (0, 1):
        sys.exit("check %s failed (%d): %s" % (path, report.returncode, report.stderr))
    if path.endswith((".docx", ".xlsx")):
        text = subprocess.run([jixiao, "convert", path], capture_output=True, text=True, check=True).stdout
    else:
        text = open(path, encoding="utf-8").read()
    form_of_line, form = [], 0
    for line in text.split("\n"):
        if ANNEX.match(line):
            form += 1
        form_of_line.append(form)
    counts = collections.Counter()
    for item in json.loads(report.stdout)["files"][0]["diagnostics"]:
        line = item["range"]["start"]["line"]
        counts[(form_of_line[line - 1], item["code"])] += 1
    return counts


def main():
    jixiao, expected_path, actual_path = sys.argv[1:4]
    excepted = set()
    if len(sys.argv) > 5 and sys.argv[4] == "--except":
        excepted = set(sys.argv[5].split(","))
    expected = findings(jixiao, expected_path)
    actual = findings(jixiao, actual_path)
    differences = []
    for key in sorted(set(expected) | set(actual)):
        if key[1] in excepted:
            continue
        if expected[key] != actual[key]:
            differences.append("form %d %s: %d in %s, %d in %s" % (key[0], key[1], expected[key], expected_path, actual[key], actual_path))
    total = sum(v for k, v in expected.items() if k[1] not in excepted)
    if differences:
        print("\n".join(differences))
        return 1
    print("same findings per form and rule (%d, except %s): %s = %s" % (total, ",".join(sorted(excepted)) or "none", expected_path, actual_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
