"""A small LSP client over a child process's stdio, standard library only, for the hostile-input suite.

It frames and parses messages itself so that tests can also write raw, broken bytes. A reader thread collects
everything the server sends; server-to-client requests (registerCapability, workspace/configuration) are
answered with null results so the server never waits on us.
"""
import json
import os
import queue
import subprocess
import threading
import time


def frame(body):
    if isinstance(body, (dict, list)):
        body = json.dumps(body, ensure_ascii=False)
    if isinstance(body, str):
        body = body.encode("utf-8")
    return b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body


class ServerDied(Exception):
    pass


class Client:
    def __init__(self, command, env=None, cwd=None):
        environment = dict(os.environ)
        environment["JIXIAO_LSP_DEBOUNCE_MS"] = "0"
        environment.update(env or {})
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment, cwd=cwd)
        self.messages = queue.Queue()
        self.notifications = []
        self.stderr = []
        self.next_id = 1000
        self.lock = threading.Lock()
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    # Reading

    def _read_stdout(self):
        stream = self.process.stdout
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    break
                name, _, value = line.decode("ascii", "replace").partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            body = stream.read(length)
            try:
                message = json.loads(body.decode("utf-8"))
            except ValueError:
                message = {"unparsable": body}
            if "method" in message and "id" in message:
                # A request from the server: answer it so that it never waits.
                result = [None] * len(message.get("params", {}).get("items", [])) if message["method"] == "workspace/configuration" else None
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
            self.messages.put(message)

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    def wait_for(self, predicate, timeout=15):
        """The first message (kept in arrival order) matching predicate; notifications are remembered."""
        deadline = time.time() + timeout
        while True:
            remaining = deadline - time.time()
            if remaining <= 0:
                return None
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                return None
            if message is None:
                raise ServerDied("the server closed its output (exit code %s)\n%s" % (self.process.poll(), "".join(self.stderr[-20:])))
            if "method" in message and "id" not in message:
                self.notifications.append(message)
            if predicate(message):
                return message

    def response(self, id, timeout=15):
        return self.wait_for(lambda m: "method" not in m and m.get("id") == id and ("result" in m or "error" in m), timeout)

    def null_id_error(self, timeout=15):
        return self.wait_for(lambda m: "method" not in m and "id" in m and m["id"] is None and "error" in m, timeout)

    # Writing

    def send_raw(self, data):
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message):
        self.send_raw(frame(message))

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def request(self, method, params=None, id=None, timeout=15):
        with self.lock:
            if id is None:
                self.next_id += 1
                id = self.next_id
        message = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return self.response(id, timeout)

    def initialize(self, root, encodings=("utf-16",), pull=True):
        capabilities = {"general": {"positionEncodings": list(encodings)}, "textDocument": {"publishDiagnostics": {}}}
        if pull:
            capabilities["textDocument"]["diagnostic"] = {"dynamicRegistration": False}
        answer = self.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + root, "locale": "zh-CN",
                                              "capabilities": capabilities})
        self.notify("initialized", {})
        return answer

    def close_input(self):
        try:
            self.process.stdin.close()
        except BrokenPipeError:
            pass

    def wait_exit(self, timeout):
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
