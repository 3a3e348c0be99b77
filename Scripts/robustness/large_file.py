#!/usr/bin/env python3
"""The 200 MB file: `jixiao check` with the size limit raised must finish without crashing, and its peak RSS is
reported (GNU time -v). Also: the same file under the default 64 MiB limit is refused at once (exit 2) with
almost no memory. Run by Scripts/test-robustness when ROBUSTNESS_LARGE=1 (it takes minutes).

    large_file.py JIXIAO [MEGABYTES]
"""
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


def timed(command):
    started = time.time()
    run = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True)
    stderr = run.stderr.decode("utf-8", "replace")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return run.returncode, time.time() - started, int(rss.group(1)) // 1024 if rss else -1, run.stdout, stderr


def main():
    jixiao = os.path.abspath(sys.argv[1])
    megabytes = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    seed = open(os.path.join(ROOT, "Tests", "Fixtures", "linwu-sifaju-2021.txt"), "rb").read()
    failures = 0
    with tempfile.TemporaryDirectory(prefix="jixiao-large-") as folder:
        path = os.path.join(folder, "large.txt")
        copies = megabytes * 1_000_000 // len(seed) + 1
        with open(path, "wb") as handle:
            for _ in range(copies):
                handle.write(seed)
        size = os.path.getsize(path)
        print("file: %d bytes (%d copies of the seed, %d forms)" % (size, copies, copies * 5), flush=True)

        code, seconds, rss, _, stderr = timed([jixiao, "check", path])
        ok = code == 2 and "more than the limit" in stderr and seconds < 10
        failures += not ok
        print("%s  default limit: exit %d in %.1f s, peak RSS %d MiB" % ("ok  " if ok else "FAIL", code, seconds, rss), flush=True)

        code, seconds, rss, stdout, stderr = timed([jixiao, "check", "--statistics", "--max-file-size", str(size), path])
        ok = code == 1 and b"JX301" in stdout
        failures += not ok
        print("%s  --max-file-size %d --statistics: exit %d in %.1f s (%.2f MB/s), peak RSS %d MiB (%.1f× the file)"
              % ("ok  " if ok else "FAIL", size, code, seconds, size / 1e6 / max(seconds, 0.001), rss, rss * 1048576 / size), flush=True)
        if not ok:
            print(stderr[-2000:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
