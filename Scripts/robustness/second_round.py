#!/usr/bin/env python3
"""Issue #15, "hostile input, second round": one case per numbered defect, against the real binary.

    second_round.py JIXIAO [NUMBER…]

Every case is bounded: each child process runs under a wall-clock timeout and an address-space limit
(`RLIMIT_AS`, CASE_MEMORY_MIB, default 2048), so a regression shows up as a failed case, never as a hung suite
or an exhausted machine. Sizes are the smallest that still show each defect on the code before the fix.
Prints one line per case; exit 1 if any failed. Standard library only (plus `patch` for the --diff case).
"""
import contextlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from lsp_client import Client, ServerDied, frame  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEED_PATH = os.path.join(ROOT, "Tests", "Fixtures", "linwu-sifaju-2021.txt")
SEED_BYTES = open(SEED_PATH, "rb").read()
SEED = SEED_BYTES.decode("utf-8")
MEMORY_MIB = int(os.environ.get("CASE_MEMORY_MIB", "2048"))
INT64_MAX = 2 ** 63 - 1


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_MIB << 20, MEMORY_MIB << 20))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(command, timeout=60, stdin=None, input=None, cwd=None, env=None):
    """Runs a command bounded in time and memory: (exit code or 'timeout', stdout bytes, stderr bytes, max RSS MiB)."""
    environment = dict(os.environ, **(env or {}))
    process = subprocess.Popen(command, stdin=stdin if input is None else subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, cwd=cwd, env=environment, preexec_fn=limit_memory)
    try:
        out, err = process.communicate(input=input, timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        return "timeout", out, err, 0
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return process.returncode, out, err, usage.ru_maxrss / 1024


def peak_rss(command, timeout=120, shell_input=None, cwd=None):
    """Exit code, stdout, stderr and peak RSS in MiB of one command, measured by wait4 on that process alone."""
    process = subprocess.Popen(command, stdin=subprocess.PIPE if shell_input is not None else subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, preexec_fn=limit_memory)
    result = {}

    def feed():
        try:
            shell_input(process.stdin)
        except (BrokenPipeError, OSError):
            pass
        finally:
            try:
                process.stdin.close()
            except OSError:
                pass

    def drain(stream, key):
        result[key] = stream.read()

    threads = [threading.Thread(target=drain, args=(process.stdout, "out"), daemon=True),
               threading.Thread(target=drain, args=(process.stderr, "err"), daemon=True)]
    if shell_input is not None:
        threads.append(threading.Thread(target=feed, daemon=True))
    for thread in threads:
        thread.start()
    deadline = time.time() + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.time() > deadline:
            process.kill()
            os.wait4(process.pid, 0)
            return "timeout", b"", b"", 0
        time.sleep(0.05)
    process.returncode = os.waitstatus_to_exitcode(status)
    for thread in threads[:2]:
        thread.join(10)
    return process.returncode, result.get("out", b""), result.get("err", b""), usage.ru_maxrss / 1024


def rss_of(pid):
    with open("/proc/%d/status" % pid) as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def read_message(stream):
    """The next framed message on a server's stdout, or None at its end."""
    headers = {}
    while True:
        line = stream.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode().partition(":")
        headers[name.lower()] = value.strip()
    return json.loads(stream.read(int(headers["content-length"])))


def findings(report_bytes):
    report = json.loads(report_bytes)
    return [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["column"])
            for f in report["files"] for d in f["diagnostics"]]


class Suite:
    def __init__(self, jixiao):
        self.jixiao = jixiao
        self.folder = tempfile.mkdtemp(prefix="jixiao-round2-")
        self.results = []

    def path(self, *names):
        path = os.path.join(self.folder, *names)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        return path

    def write(self, name, data, mode=None):
        path = self.path(name)
        with open(path, "wb") as handle:
            handle.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        if mode is not None:
            os.chmod(path, mode)
        return path

    def check(self, *arguments, **options):
        return run([self.jixiao, "check"] + list(arguments), **options)

    def lsp(self, encodings=("utf-16",), pull=True, root=None, env=None, **popen):
        client = Client([self.jixiao, "lsp"], cwd=root or self.folder, env=env)
        answer = client.initialize(root or self.folder, encodings=encodings, pull=pull)
        expect(answer and "result" in answer, "initialize failed: %r" % (answer,))
        return client

    @contextlib.contextmanager
    def session(self, **options):
        client = self.lsp(**options)
        try:
            yield client
        finally:
            client.kill()

    def alive(self, client):
        answer = client.request("jixiao/noSuchMethod", {}, timeout=15)
        expect(answer is not None, "no answer to a valid request afterwards (server hung or died)")
        expect(answer.get("error", {}).get("code") == -32601, "unknown method answered %r" % (answer,))

    def case(self, number, name, function):
        started = time.time()
        label = "#%-2d %s" % (number, name)
        try:
            function()
            self.results.append((label, True))
            print("ok    %-62s %.1f s" % (label, time.time() - started), flush=True)
        except (Failure, ServerDied, BrokenPipeError, ValueError, KeyError, OSError) as error:
            self.results.append((label, False))
            print("FAIL  %-62s %s" % (label, str(error).strip().replace("\n", "\n      ")), flush=True)

    # 1. limit + 1 overflow
    def c01(self):
        code, out, err, _ = self.check("--max-file-size", str(INT64_MAX), SEED_PATH)
        expect(code == 1, "--max-file-size 2^63-1: exit %r (want 1: findings), stderr %r" % (code, err[-300:]))
        folder = self.path("c01", "x")
        os.makedirs(folder, exist_ok=True)
        shutil.copy(SEED_PATH, os.path.join(folder, "seed.txt"))
        self.write("c01/x/.jixiao.json", json.dumps({"maxFileSize": INT64_MAX}))
        code, out, err, _ = self.check(os.path.join(folder, "seed.txt"))
        expect(code == 1, "maxFileSize 2^63-1 in .jixiao.json: exit %r, stderr %r" % (code, err[-300:]))
        code, out, err, _ = self.check("--max-file-size", str(INT64_MAX), "-", input=SEED_BYTES)
        expect(code == 1, "--max-file-size 2^63-1 on stdin: exit %r, stderr %r" % (code, err[-300:]))

    # 2. character 2^63-1 with UTF-8 positions
    def c02(self):
        with self.session(encodings=("utf-8",)) as client:
            uri = "file://" + self.path("c02.txt")
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": SEED}})
            answer = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": INT64_MAX}})
            expect(answer is not None and ("result" in answer or "error" in answer), "hover at 2^63-1 unanswered: %r" % (answer,))
            far = {"line": 1, "character": INT64_MAX}
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                     "contentChanges": [{"range": {"start": far, "end": far}, "text": "x"}]})
            self.alive(client)
            answer = client.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
            expect(answer is not None and "result" in answer, "diagnostics after the edit: %r" % (answer,))

    # 3. stderr closed or full
    def c03(self):
        for kind in ("closed", "full"):
            read_end, write_end = os.pipe()
            if kind == "closed":
                os.close(read_end)
            environment = dict(os.environ, JIXIAO_LSP_DEBOUNCE_MS="0")
            process = subprocess.Popen([self.jixiao, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=write_end,
                                       env=environment, cwd=self.folder, preexec_fn=limit_memory)
            os.close(write_end)
            try:
                replies = {}

                def reader():
                    while True:
                        message = read_message(process.stdout)
                        if message is None:
                            return
                        if "id" in message and "method" not in message:
                            replies[message["id"]] = message

                threading.Thread(target=reader, daemon=True).start()
                send = lambda m: (process.stdin.write(frame(m)), process.stdin.flush())
                send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
                send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
                # Each of these logs a line to stderr; 4,000 lines of 1 KB fill any pipe buffer.
                for index in range(4000 if kind == "full" else 20):
                    send({"jsonrpc": "2.0", "method": "jixiao/unknown-" + "x" * 1000})
                send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
                deadline = time.time() + 30
                while 2 not in replies and time.time() < deadline and process.poll() is None:
                    time.sleep(0.05)
                expect(2 in replies, "stderr %s: shutdown not answered (exit %r)" % (kind, process.poll()))
                send({"jsonrpc": "2.0", "method": "exit"})
                try:
                    code = process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    raise Failure("stderr %s: the server did not exit after exit" % kind)
                expect(code == 0, "stderr %s: exit code %r, not 0" % (kind, code))
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
                if kind == "full":
                    os.close(read_end)

    # 4. FIFOs as files
    def c04(self):
        fifo = self.path("c04", "named.txt")
        os.mkfifo(fifo)
        good = self.path("c04", "good.txt")
        shutil.copy(SEED_PATH, good)
        for arguments in ([fifo], [os.path.dirname(fifo)], ["--fix", fifo], ["--fix", os.path.dirname(fifo)]):
            code, out, err, _ = self.check(*arguments, timeout=20)
            expect(code != "timeout", "check %s hung on a FIFO" % " ".join(arguments))
            expect(code == 2, "check %s: exit %r, not 2" % (" ".join(arguments), code))
            expect(b"named.txt" in err and b"regular file" in err, "no error naming the FIFO: %r" % err[-400:])
            if fifo not in arguments:
                expect(b"good.txt" in out or b"good.txt" in err, "the regular file beside the FIFO was not checked")
        code, out, err, _ = run([self.jixiao, "export", fifo], timeout=20)
        expect(code != "timeout" and code == 2, "export of a FIFO: %r" % (code,))

    # 5. workspace/diagnostic over a FIFO and a link to /dev/stdin
    def c05(self):
        root = self.path("c05", "ws")
        os.makedirs(root, exist_ok=True)
        shutil.copy(SEED_PATH, os.path.join(root, "good.txt"))
        os.mkfifo(os.path.join(root, "fifo.txt"))
        os.symlink("/dev/stdin", os.path.join(root, "stdin.txt"))
        with self.session(root=root) as client:
            answer = client.request("workspace/diagnostic", {"previousResultIds": []}, timeout=20)
            expect(answer is not None, "workspace/diagnostic hung on a FIFO or /dev/stdin")
            uris = [item["uri"] for item in answer.get("result", {}).get("items", [])]
            expect(any(uri.endswith("/good.txt") for uri in uris), "the regular file is missing: %r" % uris)
            self.alive(client)

    # 6. headers ended by LF only, one CRLF, or nothing
    def c06(self):
        with self.session() as client:
            broken = {
                "LF only": b"Content-Length: 2\n\n{}",
                "one CRLF": b"Content-Length: 2\r\n{}",
                "no terminator": b"Content-Length: 2{}",
            }
            for index, (name, data) in enumerate(broken.items()):
                request = {"jsonrpc": "2.0", "id": 600 + index, "method": "jixiao/noSuchMethod"}
                client.send_raw(data + frame(request))
                answer = client.response(600 + index, timeout=10)
                expect(answer is not None, "%s: the next request was swallowed" % name)
            self.alive(client)

    # 7. a body over the 64 MiB limit
    def c07(self):
        with self.session() as client:
            limit = 64 << 20
            head = b'{"jsonrpc":"2.0","id":701,"method":"textDocument/hover","params":{"text":"'
            body = head + b"x" * (limit + 16 - len(head) - 3) + b'"}}'
            client.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            answer = client.response(701, timeout=60)
            expect(answer is not None and "error" in answer, "an over-limit request was not answered: %r" % (answer,))
            self.alive(client)
            body = b"[" + b" " * (limit + 16) + b"]"
            client.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            answer = client.null_id_error(timeout=60)
            expect(answer is not None and answer["error"]["code"] == -32700, "no -32700 for an over-limit body without id: %r" % (answer,))
            self.alive(client)

    # 8. params null on shutdown and exit
    def c08(self):
        with self.session() as client:
            client.send({"jsonrpc": "2.0", "id": 801, "method": "shutdown", "params": None})
            answer = client.response(801, timeout=10)
            expect(answer is not None and "result" in answer, "shutdown with params null: %r" % (answer,))
            client.send({"jsonrpc": "2.0", "method": "exit", "params": None})
            expect(client.wait_exit(10) == 0, "exit with params null: exit code %r" % client.process.poll())

    # 9. stdin beyond --max-file-size
    def c09(self):
        def zeros(stream):
            chunk = b"\0" * (1 << 20)
            for _ in range(200):
                stream.write(chunk)

        for command in (["check", "--max-file-size", "1000", "-"], ["export", "-"]):
            code, out, err, rss = peak_rss([self.jixiao] + command + (["--max-file-size", "1000"] if command[0] == "export" else []),
                                           timeout=60, shell_input=zeros)
            expect(code == 2, "%s on 200 MB of stdin: exit %r (%s)" % (" ".join(command), code, err[-200:]))
            expect(rss < 150, "%s read 200 MB of stdin: peak RSS %.0f MiB" % (" ".join(command), rss))

    # 10. findings per document are capped, and the cap is said
    def c10(self):
        # 250 filings in one file: 14,000 findings (附件1 × 200,000 gave 2.8 million before forms needed a table).
        path = self.write("c10.txt", SEED * 250)
        code, out, err, rss = peak_rss([self.jixiao, "check", "--format", "json", path], timeout=300)
        expect(code != "timeout", "--format json on 250 filings did not finish in 300 s")
        count = len(findings(out))
        expect(count == 10000, "%d findings reported for one file (cap 10,000)" % count)
        expect(b"10000" in err, "the cap is not said on stderr: %r" % err[-300:])
        code, out, err, _ = run([self.jixiao, "check", path], timeout=300)
        expect(b"10000" in err, "text output does not say findings were capped")
        # The server says so too (once), and publishes the first 10,000.
        with self.session(pull=False) as client:
            uri = "file://" + path
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": SEED * 250}})
            shown = client.wait_for(lambda m: m.get("method") == "window/showMessage", timeout=300)
            expect(shown is not None and "10000" in shown["params"]["message"], "the server did not say findings were capped: %r" % (shown,))
            published = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, timeout=300)
            expect(published is not None and len(published["params"]["diagnostics"]) == 10000,
                   "the server published %r diagnostics" % (published and len(published["params"]["diagnostics"]),))

    # 11. --diff in linear space
    def c11(self):
        original = "\n".join(SEED.replace("14万　", "14万").split("\n"))
        # Trailing whitespace (a safe JX502 fix) at the first and the last line: the common head and tail are
        # nothing, and the lines between are 30 seeds' worth.
        text = "附件5-1　\n" + original[original.index("\n") + 1:] * 30 + "末尾　\n"
        path = self.write("c11.txt", text)
        code, out, err, rss = peak_rss([self.jixiao, "check", "--diff", path], timeout=120)
        expect(code != "timeout", "--diff did not finish in 120 s")
        expect(out.startswith(b"---"), "no diff printed: %r" % err[-300:])
        expect(rss < 250, "--diff peak RSS %.0f MiB for a %d KB file" % (rss, len(text.encode()) // 1024))
        copy = self.write("c11-fixed.txt", text)
        patched = subprocess.run(["patch", "-s", "-o", "-", copy], input=out, capture_output=True, timeout=60)
        expect(patched.returncode == 0, "the diff does not apply: %r" % patched.stderr[-300:])
        code, _, _, _ = self.check("--fix", copy)
        expect(patched.stdout == open(copy, "rb").read(), "diff applied != --fix result")

    # 12. a client that stops reading: bounded memory, superseded publishes coalesced
    def c12(self):
        environment = dict(os.environ, JIXIAO_LSP_DEBOUNCE_MS="0")
        process = subprocess.Popen([self.jixiao, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   env=environment, cwd=self.folder, preexec_fn=limit_memory)
        try:
            uri = "file://" + self.path("c12.txt")
            text = SEED * 100  # 1 MB: every publish is large, every change carries the whole text
            changes = 120
            messages = [{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
                        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
                        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                            "uri": uri, "languageId": "jixiao", "version": 1, "text": text}}}]
            for version in range(2, changes + 2):
                messages.append({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text + "x" * version}]}})
            messages.append({"jsonrpc": "2.0", "id": 2, "method": "jixiao/noSuchMethod"})
            written = threading.Event()

            def writer():
                try:
                    for message in messages:
                        process.stdin.write(frame(message))
                    process.stdin.flush()
                except (BrokenPipeError, OSError):
                    pass
                written.set()

            threading.Thread(target=writer, daemon=True).start()
            # Nobody reads the server's stdout for 25 s while 120 MB arrive: its memory must stay bounded.
            peak = 0
            deadline = time.time() + 25
            while time.time() < deadline and process.poll() is None:
                peak = max(peak, rss_of(process.pid))
                time.sleep(0.1)
            print("      peak RSS %.0f MiB while not reading" % peak, flush=True)
            expect(process.poll() is None, "the server died while its client was not reading")
            expect(peak < 300, "peak RSS %.0f MiB while the client was not reading (120 MB sent)" % peak)
            # Now read: the request is answered and the last publish is the final version; superseded ones
            # were coalesced.
            publishes = []
            answered = False
            stream = process.stdout
            end = time.time() + 120
            while time.time() < end and not (answered and publishes and publishes[-1] == changes + 1):
                message = read_message(stream)
                expect(message is not None, "the server closed its output")
                if message.get("method") == "textDocument/publishDiagnostics":
                    publishes.append(message["params"].get("version"))
                if message.get("id") == 2:
                    answered = True
            expect(answered, "the request after the burst was never answered")
            expect(publishes and publishes[-1] == changes + 1, "last publish is version %r, not %d" % (publishes[-1:] or None, changes + 1))
            expect(len(publishes) < changes, "%d publishes for %d versions: superseded ones were not coalesced" % (len(publishes), changes))
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()

    # 13. exponential ignores.path globs
    def c13(self):
        folder = self.path("c13", "f")
        os.makedirs(folder, exist_ok=True)
        pattern = "**a" * 10 + "**b"
        self.write("c13/f/.jixiao.json", json.dumps({"ignores": [{"path": pattern, "rules": ["JX502"]}]}))
        name = os.path.join(folder, "a" * 36 + ".txt")
        shutil.copy(SEED_PATH, name)
        code, out, err, _ = self.check(name, timeout=30)
        expect(code != "timeout", "the glob took more than 30 s in the CLI")
        with self.session(root=folder) as client:
            client.notify("textDocument/didOpen", {"textDocument": {"uri": "file://" + name, "languageId": "jixiao", "version": 1, "text": SEED}})
            answer = client.request("textDocument/diagnostic", {"textDocument": {"uri": "file://" + name}}, timeout=30)
            expect(answer is not None, "the glob took more than 30 s in the server")

    # 14. text output for a long single line shows a window
    def c14(self):
        # One cell of 300,000 characters (900 KB): every finding on its line used to reprint all of it.
        path = self.write("c14.txt", SEED.replace("\t14万　\n", "\t14万" + "项" * 300000 + "　\n"))
        code, out, err, rss = peak_rss([self.jixiao, "check", path], timeout=120)
        expect(code != "timeout", "text output of a long line did not finish")
        expect(out.count(b"[JX") >= 2, "expected findings on the long line: %r" % out[:300])
        longest = max(len(line) for line in out.split(b"\n"))
        expect(longest < 1000, "a reported source line is %d bytes long (the whole line is reprinted)" % longest)
        expect(len(out) < 100000, "%d bytes of text output for a 900 KB file" % len(out))

    # 15. concurrent --fix runs
    def c15(self):
        lost = []
        for round_ in range(8):
            path = self.write("c15/r%d.txt" % round_, SEED.replace("14万　", "14万　 "))
            a = subprocess.Popen([self.jixiao, "check", "--fix", "--select", "JX502", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            b = subprocess.Popen([self.jixiao, "check", "--fix", "--select", "JX504", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            outs = [p.communicate(timeout=60) for p in (a, b)]
            text = open(path, encoding="utf-8").read()
            remaining = subprocess.run([self.jixiao, "check", "--format", "json", "--select", "JX502,JX504", path],
                                       capture_output=True, timeout=60).stdout
            left = {code for code, _, _ in findings(remaining)}
            refused = [p.returncode == 2 and (b"r%d.txt" % round_) in err for p, (_, err) in zip((a, b), outs)]
            for code, was_refused in zip(("JX502", "JX504"), refused):
                if code in left and not was_refused:
                    lost.append((round_, code))
        expect(not lost, "fixes lost silently (round, rule): %r" % lost)

    # 16. a failed write is not reported as fixed
    def c16(self):
        path = self.write("c16.txt", SEED, mode=0o444)
        code, out, err, _ = self.check("--fix", path)
        expect(code == 2, "--fix on a read-only file: exit %r" % (code,))
        expect(b"fixed" not in err, "says fixed although nothing was written: %r" % err[-300:])
        before = len(findings(self.check("--format", "json", path)[1]))
        code, out, err, _ = self.check("--fix", "--format", "json", path)
        expect(len(findings(out)) == before, "reports %d findings, but the file on disk has %d" % (len(findings(out)), before))

    # 17. --fix /dev/stdin never writes the redirected file
    def c17(self):
        path = self.write("c17.txt", SEED)
        with open(path, "rb") as handle:
            code, out, err, _ = run([self.jixiao, "check", "--fix", "/dev/stdin"], stdin=handle)
        expect(open(path, "rb").read() == SEED_BYTES, "--fix /dev/stdin rewrote the redirected file")
        expect(out.startswith("附件".encode()), "the fixed text was not printed: %r" % out[:100])

    # 18. read-only, owner, hard links
    def c18(self):
        path = self.write("c18-ro.txt", SEED, mode=0o444)
        self.check("--fix", path)
        expect(open(path, "rb").read() == SEED_BYTES, "a 0444 file was rewritten")
        linked = self.write("c18-a.txt", SEED)
        other = self.path("c18-b.txt")
        os.link(linked, other)
        code, out, err, _ = self.check("--fix", linked)
        expect(os.stat(linked).st_ino == os.stat(other).st_ino, "the hard link was split")
        expect(code == 2 or open(other, "rb").read() != SEED_BYTES, "hard link neither refused nor written in place")
        if os.geteuid() == 0:
            owned = self.write("c18-owned.txt", SEED, mode=0o640)
            os.chown(owned, 65534, 65534)
            self.check("--fix", owned)
            status = os.stat(owned)
            expect((status.st_uid, status.st_gid, status.st_mode & 0o7777) == (65534, 65534, 0o640),
                   "owner/group/mode not kept: %r" % ((status.st_uid, status.st_gid, oct(status.st_mode & 0o7777)),))

    # 19. didOpen text starting with U+FEFF is text, not a BOM
    def c19(self):
        with self.session() as client:
            uri = "file://" + self.path("c19.txt")
            lines = SEED.split("\n")
            # A header cell (a known label, so the table before the form reads as one) with trailing U+3000: JX502.
            lines[0] = "\ufeff\t项目支出名称\u3000"
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": "\n".join(lines)}})
            answer = client.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": True}})
            edits = [e for e in answer.get("result") or [] if e["range"]["start"]["line"] == 0]
            expect(edits, "no formatting edit on line 0: %r" % (answer,))
            width = len(lines[0].encode("utf-16-le")) // 2
            expect(edits[0]["range"]["start"]["character"] == width - 1 and edits[0]["range"]["end"]["character"] == width,
                   "edit %r does not cover the trailing U+3000 at %d" % (edits[0]["range"], width - 1))

    # 20. UTF-8 positions inside a character snap to its start
    def c20(self):
        with self.session(encodings=("utf-8",)) as client:
            uri = "file://" + self.path("c20.txt")
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": SEED}})
            # Line 1 is "2021年项目支出绩效目标表"; byte 5 is inside 年 (bytes 4..7).
            at = {"line": 1, "character": 5}
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                                     "contentChanges": [{"range": {"start": at, "end": at}, "text": "X"}]})
            answer = client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
            expect(answer is not None and "result" in answer, "documentSymbol: %r" % (answer,))
            expect("\ufffd" not in json.dumps(answer["result"], ensure_ascii=False), "a UTF-8 sequence was split (U+FFFD in symbols)")
            answer = client.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": True}})
            expect("\ufffd" not in json.dumps(answer, ensure_ascii=False), "U+FFFD in formatting edits")

    # 21. UTF-32 with BOM, UTF-16 without: decoded or refused, never clean
    def c21(self):
        reference = findings(self.check("--format", "json", SEED_PATH)[1])
        for name, data in (("utf32le", b"\xff\xfe\x00\x00" + SEED.encode("utf-32-le")),
                           ("utf32be", b"\x00\x00\xfe\xff" + SEED.encode("utf-32-be"))):
            path = self.write("c21-%s.txt" % name, data)
            code, out, err, _ = self.check("--format", "json", path)
            expect(code == 1 and findings(out) == reference or code == 2, "%s: exit %r with %d findings" % (name, code, len(findings(out) if code != 2 else [])))
        path = self.write("c21-utf16-nobom.txt", "plain ascii\tline\n".encode("utf-16-le"))
        code, out, err, _ = self.check(path)
        expect(code == 2, "UTF-16 without BOM reported with exit %r (clean)" % (code,))

    # 22. debounce 2^63-1 is clamped
    def c22(self):
        with self.session(pull=False) as client:
            client.notify("workspace/didChangeConfiguration", {"settings": {"jixiao": {"debounce": INT64_MAX}}})
            uri = "file://" + self.path("c22.txt")
            client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": SEED}})
            published = client.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri, timeout=20)
            expect(published is not None, "debounce 2^63-1: no diagnostics within 20 s")


    # 23 (item 22, first half). a path longer than PATH_MAX inside a folder is reported
    def c23(self):
        base = self.path("c22", "deep")
        os.makedirs(base, exist_ok=True)
        # Build a path longer than PATH_MAX (4096) from relative steps.
        current = base
        os.chdir(base)
        relative = []
        while len(os.path.join(base, *relative)) < 4200:
            relative.append("d" * 200)
            os.mkdir(relative[-1])
            os.chdir(relative[-1])
        with open("deep.txt", "wb") as handle:
            handle.write(SEED_BYTES)
        os.chdir(ROOT)
        code, out, err, _ = self.check(base, timeout=60)
        expect(b"deep.txt" in err or b"too long" in err.lower(), "a file below a PATH_MAX-long path was skipped silently (exit %r)" % (code,))
        expect(code == 2, "exit %r, not 2, when a file could not be read" % (code,))

def main():
    jixiao = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("JIXIAO", os.path.join(ROOT, ".build", "debug", "jixiao")))
    only = {int(n) for n in sys.argv[2:]}
    suite = Suite(jixiao)
    cases = [
        (1, "--max-file-size 2^63-1 (flag, config, stdin)", suite.c01),
        (2, "UTF-8 character 2^63-1 in hover and didChange", suite.c02),
        (3, "stderr closed or full", suite.c03),
        (4, "FIFO as a file and inside a folder", suite.c04),
        (5, "workspace/diagnostic with a FIFO and /dev/stdin link", suite.c05),
        (6, "header ended by LF, one CRLF, nothing", suite.c06),
        (7, "body over 64 MiB answered, then resync", suite.c07),
        (8, "params null on shutdown and exit", suite.c08),
        (9, "stdin bounded by --max-file-size (check, export)", suite.c09),
        (10, "findings capped per document and said", suite.c10),
        (11, "--diff in linear space, applies with patch", suite.c11),
        (12, "client stops reading: bounded queue, coalesced", suite.c12),
        (13, "exponential ignores.path glob", suite.c13),
        (14, "text output window around a long line", suite.c14),
        (15, "two concurrent --fix runs lose nothing silently", suite.c15),
        (16, "failed write not reported as fixed", suite.c16),
        (17, "--fix /dev/stdin never writes the file", suite.c17),
        (18, "read-only refused, owner kept, hard links", suite.c18),
        (19, "didOpen text starting with U+FEFF", suite.c19),
        (20, "UTF-8 position inside a character snaps", suite.c20),
        (21, "UTF-32 BOM, UTF-16 without BOM", suite.c21),
        (22, "debounce 2^63-1 clamped", suite.c22),
        (23, "PATH_MAX-long path in a folder reported (item 22)", suite.c23),
    ]
    try:
        for number, name, function in cases:
            if not only or number in only:
                suite.case(number, name, function)
    finally:
        os.chdir(ROOT)
        subprocess.run(["rm", "-rf", suite.folder])
    failed = [label for label, ok in suite.results if not ok]
    print("%d case(s), %d failed%s" % (len(suite.results), len(failed), (": " + "; ".join(failed)) if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
