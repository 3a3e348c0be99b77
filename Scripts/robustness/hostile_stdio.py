#!/usr/bin/env python3
"""Hostile input over stdio against `jixiao lsp` (standard library only).

    hostile_stdio.py JIXIAO [CASE…]

Each case writes something broken or awkward and checks the answer the spec names (LSP 3.17 base protocol,
JSON-RPC 2.0), or that nothing is answered where the spec says to drop it. After every case the server must
still answer a valid request (an unknown method → -32601). Cases that end the stream run in a process of their
own and require the server to exit within a few seconds. Prints one line per case; exit 1 if any failed.
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Client, ServerDied, frame  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = open(os.path.join(ROOT, "Tests", "Fixtures", "linwu-sifaju-2021.txt"), encoding="utf-8").read()
PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS = -32700, -32600, -32601, -32602
SERVER_NOT_INITIALIZED = -32002


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def error_code(response):
    return (response or {}).get("error", {}).get("code")


# Text model: what the client believes the document is, with LSP's rules (UTF-16 columns, clamping).

LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text):
    return [0] + [m.end() for m in LINE_BREAK.finditer(text)]


def offset_of(text, line, character):
    """Index in `text` of an LSP position (UTF-16 character), clamped: past the last line → end of text,
    past the line's end → end of its content (before the line break)."""
    starts = line_starts(text)
    if line >= len(starts):
        return len(text)
    start = starts[line]
    match = LINE_BREAK.search(text, start)
    end = match.start() if match else len(text)
    units = 0
    index = start
    # A column inside a surrogate pair rounds down to the pair's start, as the server does (the spec is silent).
    while index < end and units + (2 if ord(text[index]) > 0xFFFF else 1) <= character:
        units += 2 if ord(text[index]) > 0xFFFF else 1
        index += 1
    return index


def apply_change(text, change):
    if "range" not in change:
        return change["text"]
    r = change["range"]
    start = offset_of(text, r["start"]["line"], r["start"]["character"])
    end = offset_of(text, r["end"]["line"], r["end"]["character"])
    start, end = min(start, end), max(start, end)
    return text[:start] + change["text"] + text[end:]


def cli_diagnostics(jixiao, text, folder):
    """`jixiao check --format json` on `text`, as LSP-style tuples (0-based line, UTF-16 character)."""
    path = os.path.join(folder, "cli-copy.txt")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    output = subprocess.run([jixiao, "check", "--format", "json", path], capture_output=True, timeout=120).stdout
    report = json.loads(output)
    lines = LINE_BREAK.split(text)

    def position(p):
        line = p["line"] - 1
        content = lines[line] if line < len(lines) else ""
        return line, len(content[: p["column"] - 1].encode("utf-16-le")) // 2

    found = []
    for file in report["files"]:
        for d in file["diagnostics"]:
            found.append((d["code"], position(d["range"]["start"]), position(d["range"]["end"]), d["message"]))
    return sorted(found)


def lsp_diagnostics(client, uri):
    answer = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
    expect(answer is not None and "result" in answer, "no diagnostic report: %r" % (answer,))
    items = answer["result"].get("items", [])
    return sorted((d.get("code"), (d["range"]["start"]["line"], d["range"]["start"]["character"]),
                   (d["range"]["end"]["line"], d["range"]["end"]["character"]), d["message"]) for d in items)


def describe_difference(a, b):
    only_a = [x for x in a if x not in b][:3]
    only_b = [x for x in b if x not in a][:3]
    return "server-only %r; cli-only %r" % (only_a, only_b)


class Suite:
    def __init__(self, jixiao):
        self.jixiao = jixiao
        self.folder = tempfile.mkdtemp(prefix="jixiao-robust-")
        self.client = None
        self.results = []

    def start(self):
        client = Client([self.jixiao, "lsp"], cwd=self.folder)
        answer = client.initialize(self.folder)
        expect(answer and "result" in answer, "initialize failed: %r" % (answer,))
        return client

    def uri(self, name):
        return "file://" + os.path.join(self.folder, name)

    def alive(self, client=None):
        client = client or self.client
        answer = client.request("jixiao/noSuchMethod", {}, timeout=15)
        expect(answer is not None, "no answer to a valid request afterwards (server hung or died)")
        expect(error_code(answer) == METHOD_NOT_FOUND, "unknown method answered %r, not -32601" % (answer,))

    def run(self, name, function, fresh=False):
        started = time.time()
        try:
            if not fresh and (self.client is None or self.client.process.poll() is not None):
                self.client = self.start()
            function()
            if not fresh:
                self.alive()
            self.results.append((name, True, ""))
            print("ok    %-44s %.1f s" % (name, time.time() - started), flush=True)
        except (Failure, ServerDied, BrokenPipeError, ValueError) as error:
            self.results.append((name, False, str(error)))
            print("FAIL  %-44s %s" % (name, str(error).strip().replace("\n", "\n      ")), flush=True)
            if self.client:
                tail = "".join(self.client.stderr[-5:]).strip()
                if tail:
                    print("      server stderr: " + tail.replace("\n", "\n      "), flush=True)
                self.client.kill()
                self.client = None

    # Cases on one long-lived server

    def garbage_bytes(self):
        rng = random.Random(7)
        junk = bytes(rng.randrange(256) for _ in range(4096)).replace(b"C", b"x").replace(b"c", b"x")
        self.client.send_raw(b"\x00\xff\xfe garbage\r\n\r\n" + junk)
        # Framing errors are dropped (nothing to answer: there is no id); the next message must still be read.

    def truncated_header(self):
        # A header block cut short (no blank line), then a whole request: the two lengths conflict, the block is
        # refused and the request's body skipped as garbage; scanning resumes at the next header.
        self.client.send_raw(b"Content-Length: 5\r\n")
        self.client.send_raw(frame({"jsonrpc": "2.0", "id": 45, "method": "jixiao/noSuchMethod"}))
        self.alive()
        # A header line without a colon, split across writes; a header block with no Content-Length at all.
        self.client.send_raw(b"Content-Length: 1")
        self.client.send_raw(b"2\r\nBroken header line\r\n\r\n")
        self.alive()
        self.client.send_raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n")

    def wrong_content_length(self):
        body = json.dumps({"jsonrpc": "2.0", "id": 41, "method": "jixiao/noSuchMethod"}).encode()
        # Too short: the body is cut → not JSON → -32700 with id null; the rest is skipped as garbage.
        self.client.send_raw(b"Content-Length: %d\r\n\r\n" % (len(body) - 5) + body)
        expect(error_code(self.client.null_id_error()) == PARSE_ERROR, "short Content-Length: no -32700 with id null")
        # Too long: it swallows the next bytes; garbage filler then makes it unparsable → -32700.
        self.client.send_raw(b"Content-Length: %d\r\n\r\n" % (len(body) + 16) + body + b"#" * 16)
        expect(error_code(self.client.null_id_error()) == PARSE_ERROR, "long Content-Length: no -32700 with id null")
        # Not a number, negative, and absurdly large: framing errors, dropped; nothing is buffered for them.
        for value in [b"abc", b"-5", b"99999999999999999999999", b"1e3"]:
            self.client.send_raw(b"Content-Length: " + value + b"\r\n\r\n")
        self.client.send_raw(b"Content-Length: 4000000000\r\n\r\n")

    def invalid_utf8(self):
        body = b'{"jsonrpc":"2.0","id":42,"method":"jixiao/noSuchMethod","params":{"x":"\xff\xfe\xc3"}}'
        self.client.send_raw(frame(body))
        answer = self.client.wait_for(lambda m: "error" in m and m.get("id") in (None, 42))
        expect(error_code(answer) == PARSE_ERROR, "invalid UTF-8 in JSON answered %r, not -32700" % (answer,))

    def not_an_object(self):
        for body in ["[]", "1", "\"text\"", "null", "true", "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\"}]"]:
            self.client.send_raw(frame(body))
            answer = self.client.null_id_error()
            expect(error_code(answer) == INVALID_REQUEST, "%s answered %r, not -32600 with id null" % (body, answer))
        self.client.send_raw(frame("{\"jsonrpc\":\"2.0\""))  # not even JSON
        expect(error_code(self.client.null_id_error()) == PARSE_ERROR, "truncated JSON: no -32700")
        self.client.send_raw(frame("{\"id\":43,\"method\":\"jixiao/noSuchMethod\"}"))  # no "jsonrpc":"2.0"
        answer = self.client.wait_for(lambda m: "error" in m and m.get("id") in (None, 43))
        expect(error_code(answer) == INVALID_REQUEST, "missing jsonrpc answered %r" % (answer,))

    def huge_id(self):
        for raw in ["1e30", "9223372036854775808", "-9223372036854775809", "1.5", "{}", "[1]", "true"]:
            self.client.send_raw(frame('{"jsonrpc":"2.0","id":%s,"method":"jixiao/noSuchMethod"}' % raw))
            answer = self.client.null_id_error()
            expect(error_code(answer) == INVALID_REQUEST, "id %s answered %r, not -32600 with id null" % (raw, answer))
        # Valid but extreme ids are echoed exactly.
        for id in [9223372036854775807, -9223372036854775808, "x" * 100000, "", "中𠀀"]:
            answer = self.client.request("jixiao/noSuchMethod", {}, id=id)
            expect(error_code(answer) == METHOD_NOT_FOUND, "id %r: %r" % (str(id)[:20], answer and str(answer)[:200]))

    def notification_with_id(self):
        # With an id it is a request: "initialized" is no request method → -32601 for that id.
        answer = self.client.request("initialized", {}, id=44)
        expect(error_code(answer) == METHOD_NOT_FOUND, "initialized with an id answered %r" % (answer,))
        # A request method sent without an id is a notification: never answered.
        self.client.notify("shutdown")
        self.client.notify("$/unknownNotification", {"x": 1})
        self.client.notify("textDocument/unknown", {"x": 1})
        answer = self.client.wait_for(lambda m: "method" not in m and m.get("id") is None, timeout=1.5)
        expect(answer is None, "a notification was answered: %r" % (answer,))

    def unopened_documents(self):
        uri = self.uri("never-opened.txt")
        for method, params in [("textDocument/diagnostic", {"textDocument": {"uri": uri}}),
                               ("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
                               ("textDocument/codeAction", {"textDocument": {"uri": uri}, "context": {"diagnostics": []},
                                                            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}}),
                               ("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": False}}),
                               ("textDocument/documentSymbol", {"textDocument": {"uri": uri}})]:
            answer = self.client.request(method, params)
            expect(answer is not None, "%s on an unopened document: no answer" % method)
            expect("result" in answer or error_code(answer) in (INVALID_PARAMS, -32803, METHOD_NOT_FOUND),
                   "%s on an unopened document answered %r" % (method, answer))
        # Notifications about it are dropped.
        self.client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "x"}]})
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        # Bad params: -32602.
        answer = self.client.request("textDocument/diagnostic", {"textDocument": 5})
        expect(error_code(answer) == INVALID_PARAMS, "bad params answered %r, not -32602" % (answer,))

    def out_of_range_and_backwards(self):
        # Positions past a line's end or past the last line clamp (LSP 3.17: "defaults back to the line length").
        # The spec names no behaviour for a range that ends before it starts, or for negative numbers: swapping,
        # ignoring, or dropping the notification (invalid params) are all accepted, whichever the server does
        # must then hold for the rest of the session. Versions going backwards are accepted as sent.
        uri = self.uri("ranges.txt")
        text = SEED[:3000]
        self.client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 5, "text": text}})
        steps = [
            (6, {"range": {"start": {"line": 9999, "character": 0}, "end": {"line": 99999, "character": 5}}, "text": "\n末尾"}),
            (3, {"range": {"start": {"line": 2, "character": 500}, "end": {"line": 3, "character": 9999}}, "text": "接"}),
            (3, {"range": {"start": {"line": 5, "character": 3}, "end": {"line": 4, "character": 0}}, "text": "倒"}),
            (7, {"range": {"start": {"line": 0, "character": 2 ** 31 - 1}, "end": {"line": 0, "character": 2 ** 31 - 1}}, "text": "号"}),
            (2, {"range": {"start": {"line": -1, "character": 0}, "end": {"line": 0, "character": -4}}, "text": "负"}),
            (8, {"range": {}, "text": "x"}),
        ]
        for version, change in steps:
            self.client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            server = lsp_diagnostics(self.client, uri)
            candidates = [text]
            r = change["range"]
            if "start" in r and (r["start"]["line"], r["start"]["character"]) <= (r["end"]["line"], r["end"]["character"]) \
                    and min(r["start"]["line"], r["start"]["character"]) >= 0:
                candidates = [apply_change(text, change)]  # an ordinary range: clamping is the only reading
            elif "start" in r:
                clamp = lambda p: {"line": max(p["line"], 0), "character": max(p["character"], 0)}
                ordered = sorted([clamp(r["start"]), clamp(r["end"])], key=lambda p: (p["line"], p["character"]))
                candidates.append(apply_change(text, {"range": {"start": ordered[0], "end": ordered[1]}, "text": change["text"]}))
                candidates.append(apply_change(text, {"range": {"start": clamp(r["start"]), "end": clamp(r["start"])}, "text": change["text"]}))
            for candidate in candidates[::-1]:
                if cli_diagnostics(self.jixiao, candidate, self.folder) == server:
                    text = candidate
                    break
            else:
                raise Failure("after %r the server's findings match no reading of the edit: %s"
                              % (change["range"], describe_difference(server, cli_diagnostics(self.jixiao, candidates[1 if len(candidates) > 1 else 0], self.folder))))

    def burst_of_changes(self):
        uri = self.uri("burst.txt")
        text = SEED
        self.client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": text}})
        rng = random.Random(1000)
        pieces = ["中", "𠀀", "\t", "\n", "\r\n", " ", "　", "万元", "98%", "、", "a", ""]
        burst = bytearray()
        for version in range(2, 1002):
            starts = line_starts(text)
            line = rng.randrange(len(starts) + 1)
            start = {"line": line, "character": rng.randrange(12)}
            end = {"line": line + rng.choice([0, 0, 0, 1]), "character": rng.randrange(12)}
            if (end["line"], end["character"]) < (start["line"], start["character"]):
                start, end = end, start
            change = {"range": {"start": start, "end": end}, "text": rng.choice(pieces)}
            text = apply_change(text, change)
            burst += frame({"jsonrpc": "2.0", "method": "textDocument/didChange",
                            "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        self.client.send_raw(bytes(burst))
        server = lsp_diagnostics(self.client, uri)
        cli = cli_diagnostics(self.jixiao, text, self.folder)
        expect(server == cli, "after 1,000 changes: " + describe_difference(server, cli))
        # The formatting request sees the same text: applying its edits gives what the client can compute.
        answer = self.client.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": False}})
        expect(answer is not None and ("result" in answer), "formatting after the burst: %r" % (answer,))

    def line_endings(self):
        reference = None
        for name, brk in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")]:
            uri = self.uri("endings-%s.txt" % name)
            self.client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1,
                                                                         "text": SEED.replace("\n", brk)}})
            found = lsp_diagnostics(self.client, uri)
            expect(found, "no diagnostics for the seed with %s" % name)
            reference = reference or found
            expect(found == reference, "%s differs from LF: %s" % (name, describe_difference(found, reference)))
        mixed = "".join(line + ["\n", "\r\n", "\n"][i % 3] for i, line in enumerate(SEED.split("\n")))[:-1]
        uri = self.uri("endings-mixed.txt")
        self.client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": mixed}})
        found = lsp_diagnostics(self.client, uri)
        expect(found == reference, "mixed differs from LF: %s" % describe_difference(found, reference))

    def cancel_and_unknown(self):
        self.client.notify("$/cancelRequest", {"id": 123456})
        self.client.notify("$/cancelRequest", {"id": {"not": "an id"}})
        self.client.notify("$/setTrace", {"value": "verbose"})
        answer = self.client.request("$/unknownRequest", {})
        expect(error_code(answer) == METHOD_NOT_FOUND, "unknown $/ request answered %r" % (answer,))

    # Cases in a process of their own

    def lifecycle(self):
        client = Client([self.jixiao, "lsp"], cwd=self.folder)
        try:
            answer = client.request("textDocument/diagnostic", {"textDocument": {"uri": self.uri("a.txt")}})
            expect(error_code(answer) == SERVER_NOT_INITIALIZED, "request before initialize answered %r, not -32002" % (answer,))
            client.notify("textDocument/didOpen", {"textDocument": {"uri": self.uri("a.txt"), "languageId": "jixiao", "version": 1, "text": SEED}})
            client.initialize(self.folder)
            answer = client.request("initialize", {"capabilities": {}})
            expect(answer is not None and "error" in answer, "a second initialize was accepted: %r" % (answer,))
            answer = client.request("textDocument/diagnostic", {"textDocument": {"uri": self.uri("a.txt")}})
            expect(error_code(answer) == INVALID_PARAMS, "didOpen before initialize was not dropped: %r" % (answer,))
            answer = client.request("shutdown")
            expect(answer is not None and answer.get("result", "missing") is None, "shutdown answered %r" % (answer,))
            answer = client.request("textDocument/hover", {"textDocument": {"uri": self.uri("a.txt")}, "position": {"line": 0, "character": 0}})
            expect(error_code(answer) == INVALID_REQUEST, "request after shutdown answered %r, not -32600" % (answer,))
            client.notify("exit")
            expect(client.wait_exit(5) == 0, "exit after shutdown: exit code %r, not 0" % client.process.poll())
        finally:
            client.kill()
        client = Client([self.jixiao, "lsp"], cwd=self.folder)
        try:
            client.initialize(self.folder)
            client.notify("exit")
            expect(client.wait_exit(5) == 1, "exit without shutdown: exit code %r, not 1" % client.process.poll())
        finally:
            client.kill()

    def vanishing_client(self):
        ends = {
            "mid-body": b"Content-Length: 100\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":",
            "mid-header": b"Content-Len",
            "after-header": b"Content-Length: 10\r\n\r\n",
            "clean": b"",
        }
        for name, tail in ends.items():
            client = Client([self.jixiao, "lsp"], cwd=self.folder)
            try:
                client.initialize(self.folder)
                client.notify("textDocument/didOpen", {"textDocument": {"uri": self.uri("v.txt"), "languageId": "jixiao", "version": 1, "text": SEED}})
                client.send_raw(tail)
                client.close_input()
                code = client.wait_exit(5)
                expect(code is not None, "%s: the server did not exit within 5 s of end of input" % name)
                expect(code == 1, "%s: exit code %r at end of input without shutdown, not 1" % (name, code))
            finally:
                client.kill()
        # The client stops reading too (its end of the server's stdout is closed, so writes fail with EPIPE): no hang.
        # (Without the Client helper: its reader thread would hold the pipe open.)
        environment = dict(os.environ, JIXIAO_LSP_DEBOUNCE_MS="0")
        process = subprocess.Popen([self.jixiao, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                   stderr=subprocess.DEVNULL, cwd=self.folder, env=environment)
        try:
            process.stdout.close()
            try:
                process.stdin.write(frame({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))
                for index in range(200):
                    process.stdin.write(frame({"jsonrpc": "2.0", "id": index + 2, "method": "jixiao/noSuchMethod"}))
                process.stdin.close()
            except BrokenPipeError:
                pass
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                raise Failure("the server hung after its reader vanished")
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()


def main():
    jixiao = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("JIXIAO", os.path.join(ROOT, ".build", "debug", "jixiao"))
    jixiao = os.path.abspath(jixiao)
    only = set(sys.argv[2:])
    suite = Suite(jixiao)
    cases = [
        ("garbage bytes", suite.garbage_bytes, False),
        ("truncated header", suite.truncated_header, False),
        ("wrong Content-Length", suite.wrong_content_length, False),
        ("invalid UTF-8 inside JSON", suite.invalid_utf8, False),
        ("JSON that is not an object", suite.not_an_object, False),
        ("huge and invalid ids", suite.huge_id, False),
        ("notification carrying an id", suite.notification_with_id, False),
        ("requests on unopened documents", suite.unopened_documents, False),
        ("out-of-range edits, version going back", suite.out_of_range_and_backwards, False),
        ("1,000 didChange in a burst", suite.burst_of_changes, False),
        ("line endings LF/CRLF/CR/mixed", suite.line_endings, False),
        ("cancel, $/ and unknown methods", suite.cancel_and_unknown, False),
        ("lifecycle codes (-32002, -32600, exit 0/1)", suite.lifecycle, True),
        ("client vanishes mid-message", suite.vanishing_client, True),
    ]
    try:
        for name, function, fresh in cases:
            if not only or any(word in name for word in only):
                suite.run(name, function, fresh)
    finally:
        if suite.client:
            suite.client.close_input()
            suite.client.kill()
        shutil.rmtree(suite.folder, ignore_errors=True)
    failed = [name for name, ok, _ in suite.results if not ok]
    print("%d case(s), %d failed%s" % (len(suite.results), len(failed), (": " + ", ".join(failed)) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
