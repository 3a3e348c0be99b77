#!/usr/bin/env python3
"""Prints a code block of a Markdown file, so that Scripts/test-editors runs the snippets exactly as the
docs print them:

    snippet.py FILE HEADING LANG [N]

the N-th (0-based, default 0) fenced block whose info string is LANG, in the section whose heading text is
HEADING (any level; the section ends at the next heading of the same or a higher level). Exit 1 when there
is none."""
import re
import sys

path, heading, lang = sys.argv[1:4]
wanted = int(sys.argv[4]) if len(sys.argv) > 4 else 0
level = None
fence = None
blocks = []
for line in open(path, encoding="utf-8").read().split("\n"):
    if fence is not None:
        if line.strip() == "```":
            blocks.append("\n".join(fence))
            fence = None
        else:
            fence.append(line)
        continue
    m = re.match(r"^(#+)\s+(.*?)\s*$", line)
    if m:
        if level is not None and len(m.group(1)) <= level:
            break
        if level is None and m.group(2) == heading:
            level = len(m.group(1))
        continue
    if level is not None and line.strip() == "```" + lang:
        fence = []
if wanted >= len(blocks):
    sys.stderr.write("snippet.py: no block %d of ```%s under '%s' in %s\n" % (wanted, lang, heading, path))
    sys.exit(1)
print(blocks[wanted])
