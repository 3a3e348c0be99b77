#!/usr/bin/env python3
"""The 200 MB file: `jixiao check` with the size limit raised must finish without crashing, and its peak RSS is
reported (GNU time -v). Also: the same file under the default 64 MiB limit is refused at once (exit 2) with
almost no memory. Run by Scripts/test-robustness when ROBUSTNESS_LARGE=1 (it takes minutes). A run that passes
LARGE_FILE_RSS_GUARD_MIB resident (default 8192) is killed and fails, rather than OOM-kill the machine.

    large_file.py JIXIAO [MEGABYTES]
"""
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


def rss_of_tree(pid):
    """Resident MiB of a process and its descendants (from /proc)."""
    total = 0
    try:
        for line in open("/proc/%d/status" % pid):
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) // 1024
        for task in os.listdir("/proc/%d/task" % pid):
            for child in open("/proc/%d/task/%s/children" % (pid, task)).read().split():
                total += rss_of_tree(int(child))
    except OSError:
        pass
    return total


def timed(command, guard_mib):
    """Runs under GNU time -v; kills the run if it passes `guard_mib` resident (so it cannot OOM the machine)."""
    started = time.time()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(["/usr/bin/time", "-v"] + command, stdout=out, stderr=err, start_new_session=True)
        killed = False
        while process.poll() is None:
            if rss_of_tree(process.pid) > guard_mib:
                os.killpg(process.pid, 9)
                killed = True
            time.sleep(0.5)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read().decode("utf-8", "replace")
    if killed:
        stderr += "\nkilled: resident memory passed the %d MiB guard (LARGE_FILE_RSS_GUARD_MIB)" % guard_mib
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr)
    return process.returncode, time.time() - started, int(rss.group(1)) // 1024 if rss else -1, stdout, stderr


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

        guard = int(os.environ.get("LARGE_FILE_RSS_GUARD_MIB", "8192"))
        code, seconds, rss, _, stderr = timed([jixiao, "check", path], guard)
        ok = code == 2 and "more than the limit" in stderr and seconds < 10
        failures += not ok
        print("%s  default limit: exit %d in %.1f s, peak RSS %d MiB" % ("ok  " if ok else "FAIL", code, seconds, rss), flush=True)

        code, seconds, rss, stdout, stderr = timed([jixiao, "check", "--statistics", "--max-file-size", str(size), path], guard)
        ok = code == 1 and b"JX301" in stdout
        failures += not ok
        print("%s  --max-file-size %d --statistics: exit %d in %.1f s (%.2f MB/s), peak RSS %d MiB (%.1f× the file)"
              % ("ok  " if ok else "FAIL", size, code, seconds, size / 1e6 / max(seconds, 0.001), rss, rss * 1048576 / size), flush=True)
        if not ok:
            print(stderr[-2000:])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
