"""`jixiao lsp` fed hand-made frames over a plain pipe: malformed input is answered and the server lives on.

No LSP library here on purpose: these frames are ones a well-behaved client library would refuse to send.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading

import pytest

from support import JIXIAO, SEED, SERVER_ENV


class RawServer:
    """A server process with a reader thread that splits stdout into framed JSON messages."""

    def __init__(self):
        self.process = subprocess.Popen(
            [JIXIAO, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=SERVER_ENV)
        self.messages: queue.Queue = queue.Queue()
        self.stray: list[bytes] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.process.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = stream.read(1)
                if not byte:
                    self.messages.put(None)
                    return
                header += byte
            fields = dict(line.split(": ", 1) for line in header.decode("ascii").strip().split("\r\n"))
            if "Content-Length" not in fields:
                self.stray.append(header)  # anything else on stdout is a bug
                continue
            self.messages.put(json.loads(stream.read(int(fields["Content-Length"]))))

    def write(self, data: bytes):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def frame(self, body: bytes):
        self.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send(self, message: dict):
        self.frame(json.dumps({"jsonrpc": "2.0", **message}, ensure_ascii=False).encode("utf-8"))

    def next(self, predicate=lambda message: True, timeout: float = 10) -> dict:
        while True:
            message = self.messages.get(timeout=timeout)
            assert message is not None, "the server closed its output"
            if predicate(message):
                return message

    def response(self, id) -> dict:
        return self.next(lambda message: "method" not in message and message.get("id") == id)

    def request(self, id, method: str, params=None) -> dict:
        self.send({"id": id, "method": method, **({"params": params} if params is not None else {})})
        return self.response(id)

    def initialize(self):
        assert "result" in self.request(1, "initialize", {"capabilities": {}})
        self.send({"method": "initialized", "params": {}})

    def close(self) -> int:
        if self.process.poll() is None:
            self.process.stdin.close()
        return self.process.wait(timeout=10)


@pytest.fixture
def server():
    raw = RawServer()
    yield raw
    if raw.process.poll() is None:
        raw.process.kill()
    raw.process.wait()
    assert raw.stray == []


def error_code(message: dict) -> int | None:
    return message.get("error", {}).get("code")


def test_request_before_initialize_is_refused(server: RawServer):
    assert error_code(server.request(1, "textDocument/hover", {})) == -32002
    server.initialize()


def test_garbage_and_bad_json_are_answered_then_serving_continues(server: RawServer):
    server.initialize()
    server.write(b"garbage that is not a header\r\n\x00\xff")
    server.frame(b"{this is not json")
    reply = server.next(lambda message: message.get("id") is None and "error" in message)
    assert error_code(reply) == -32700
    server.frame("[1, 2]".encode())  # a batch: not LSP
    assert error_code(server.next(lambda message: message.get("id") is None and "error" in message)) == -32600
    server.frame(b'{"jsonrpc": "2.0", "id": 9, "method": 42}')
    assert error_code(server.response(9)) == -32600
    server.frame(b"\xff\xfe not utf-8")
    assert error_code(server.next(lambda message: message.get("id") is None and "error" in message)) == -32700
    assert error_code(server.request(10, "jixiao/no-such-method", {})) == -32601


def test_unknown_method_bad_params_and_unknown_notifications(server: RawServer):
    server.initialize()
    assert error_code(server.request(2, "jixiao/no-such-method", {})) == -32601
    assert error_code(server.request(3, "textDocument/hover", {"textDocument": 5})) == -32602
    server.send({"method": "jixiao/unknown-notification", "params": {}})
    server.send({"method": "$/unknown", "params": {}})
    assert error_code(server.request(4, "jixiao/no-such-method")) == -32601


def test_out_of_range_change_is_clamped(server: RawServer):
    server.initialize()
    uri = "file:///tmp/jixiao-raw/seed.txt"
    server.send({"method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "", "version": 1, "text": SEED}}})
    server.send({"method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [
            {"range": {"start": {"line": 9999, "character": 5}, "end": {"line": 99999, "character": 0}}, "text": "x"},
            {"range": {"start": {"line": 3, "character": 999}, "end": {"line": 2, "character": 0}}, "text": "y"},
        ]}})
    published = server.next(
        lambda message: message.get("method") == "textDocument/publishDiagnostics" and message["params"]["version"] == 2)
    assert published["params"]["uri"] == uri
    hover = server.request(5, "textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 9, "character": 2}})
    assert "result" in hover


def test_shutdown_then_requests_are_invalid_and_exit_is_zero(server: RawServer):
    server.initialize()
    assert server.request(2, "shutdown")["result"] is None
    assert error_code(server.request(3, "textDocument/hover", {})) == -32600
    server.send({"method": "exit"})
    assert server.process.wait(timeout=10) == 0


def test_exit_without_shutdown_is_one(server: RawServer):
    server.initialize()
    server.send({"method": "exit"})
    assert server.process.wait(timeout=10) == 1


def test_end_of_input_without_exit_ends_the_process(server: RawServer):
    server.initialize()
    assert server.close() == 1
