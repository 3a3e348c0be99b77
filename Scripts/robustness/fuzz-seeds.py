#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets (used by Scripts/fuzz; existing files are kept).

    fuzz-seeds.py parse DIR   form files: Examples/, Tests/Fixtures/ (split at each 附件 form, and in pairs),
                              Tests/Fixtures/encodings/, and the rule examples of Documentation/rules/*.md
    fuzz-seeds.py rpc DIR     LSP sessions, one JSON-RPC body per line, plus framed byte streams
"""
import glob
import hashlib
import json
import os
import re
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
MAX_LEN = 8192


def forms(text):
    """The text cut before each line starting with 附件 (the start of a form)."""
    starts = [m.start() for m in re.finditer(r"(?m)^附件", text)] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    return [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]


def parse_seeds():
    seeds = []
    texts = []
    for path in sorted(glob.glob(os.path.join(ROOT, "Examples", "*.txt")) + glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "*.txt"))):
        texts.append(open(path, encoding="utf-8", errors="replace", newline="").read())
    for text in texts:
        parts = forms(text)
        seeds += [p.encode() for p in parts]
        seeds += [(a + b).encode() for a, b in zip(parts, parts[1:])]
        seeds.append(text.encode())
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "encodings", "*"))):
        data = open(path, "rb").read()
        seeds.append(data[:MAX_LEN])
    # Rule documentation examples (```form blocks or indented examples), when the docs exist.
    for path in sorted(glob.glob(os.path.join(ROOT, "Documentation", "rules", "*.md"))):
        for block in re.findall(r"```[^\n]*\n(.*?)```", open(path, encoding="utf-8").read(), re.S):
            if "\t" in block:
                seeds.append(block.encode())
    return seeds


def rpc_seeds():
    seed_text = open(os.path.join(ROOT, "Tests", "Fixtures", "linwu-sifaju-2021.txt"), encoding="utf-8").read()
    first_form = forms(seed_text)[1] if len(forms(seed_text)) > 1 else seed_text[:2000]
    uri = "file:///tmp/jixiao-fuzz/a.txt"

    def msg(method, params=None, id=None):
        m = {"jsonrpc": "2.0", "method": method}
        if id is not None:
            m["id"] = id
        if params is not None:
            m["params"] = params
        return json.dumps(m, ensure_ascii=False)

    init = msg("initialize", {"processId": None, "rootUri": None, "capabilities": {
        "general": {"positionEncodings": ["utf-8", "utf-16"]},
        "textDocument": {"diagnostic": {}, "publishDiagnostics": {"relatedInformation": True}}}}, id=1)
    initialized = msg("initialized", {})
    open_doc = msg("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": first_form}})
    def change(version, start, end, text):
        return msg("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": start[0], "character": start[1]}, "end": {"line": end[0], "character": end[1]}}, "text": text}]})
    full_change = msg("textDocument/didChange", {"textDocument": {"uri": uri, "version": 9}, "contentChanges": [{"text": "附件5-1\n\t项目\n"}]})
    pull = msg("textDocument/diagnostic", {"textDocument": {"uri": uri}}, id=2)
    workspace = msg("workspace/diagnostic", {"previousResultIds": []}, id=3)
    shutdown = msg("shutdown", None, id=4)
    exit_ = msg("exit")
    sessions = {
        "session-basic": [init, initialized, open_doc, pull, shutdown, exit_],
        "session-edits": [init, initialized, open_doc, change(2, (3, 1), (3, 4), "资金"), change(3, (0, 0), (0, 0), "\r\n"),
                          change(4, (99, 0), (120, 5), "x"), change(2, (1, 0), (2, 0), ""), pull, full_change, pull],
        "session-close": [init, open_doc, msg("textDocument/didClose", {"textDocument": {"uri": uri}}), pull],
        "session-before-init": [pull, open_doc, init, msg("$/cancelRequest", {"id": 2}), msg("$/unknown", {})],
        "session-config": [init, initialized, msg("workspace/didChangeConfiguration", {"settings": {"jixiao": {"select": ["JX1"]}}}),
                           msg("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file:///tmp/jixiao-fuzz/.jixiao.json", "type": 2}]}),
                           open_doc, pull],
        "session-odd": [init, "[]", "{}", "1", "null", '{"jsonrpc":"2.0","id":1e30,"method":"x"}', '{"jsonrpc":"2.0","method":"initialized","id":7}',
                        '{"jsonrpc":"2.0","id":5,"result":null}', msg("textDocument/hover", {}, id="s"), msg("unknown/request", {}, id=6)],
        "session-save": [init, initialized, open_doc, msg("textDocument/didSave", {"textDocument": {"uri": uri}, "text": seed_text[:500]}), workspace],
    }
    seeds = [("\n".join(lines) + "\n").encode() for lines in sessions.values()]
    # Framed streams for the framer half of the target.
    for lines in list(sessions.values())[:3]:
        stream = b""
        for line in lines:
            body = line.encode()
            stream += b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        seeds.append(b"\x05" + stream)
    seeds.append(b"\x01Content-Length: 5\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"a\":Content-Length: x\r\n\r\n")
    return seeds


def main():
    kind, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    seeds = parse_seeds() if kind == "parse" else rpc_seeds()
    for data in seeds:
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(out, name)
        if not os.path.exists(path):
            with open(path, "wb") as handle:
                handle.write(data)
    print(f"{len(seeds)} {kind} seed(s) in {os.path.relpath(out, ROOT) if out.startswith(ROOT) else out}")


if __name__ == "__main__":
    main()
