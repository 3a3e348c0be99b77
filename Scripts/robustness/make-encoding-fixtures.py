#!/usr/bin/env python3
"""Writes Tests/Fixtures/encodings/: the seed filing in every encoding and line-ending style that
`jixiao check` must read, plus files it must refuse. Run again after the seed changes:

    Scripts/robustness/make-encoding-fixtures.py [--check]

With --check it only verifies the committed files are current (exit 1 if not).
"""
import os
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))
SEED = os.path.join(ROOT, "Tests", "Fixtures", "linwu-sifaju-2021.txt")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "encodings")


def with_endings(text, style):
    """The LF text with its line breaks rewritten: lf, crlf, cr, or mixed (LF, CRLF, CR in turn)."""
    lines = text.split("\n")
    if style == "lf":
        return text
    if style in ("crlf", "cr"):
        return ("\r\n" if style == "crlf" else "\r").join(lines)
    breaks = ["\n", "\r\n", "\r"]
    out = []
    for index, line in enumerate(lines[:-1]):
        # A CR followed by an empty line's LF would read as one CRLF break: use LF there instead.
        brk = breaks[index % 3]
        if brk == "\r" and lines[index + 1] == "" and index + 1 < len(lines) - 1:
            brk = "\n"
        out.append(line + brk)
    out.append(lines[-1])
    return "".join(out)


def euro_byte(text):
    """The seed in GBK with a single 0x80 byte (the cp936 euro sign) after the first 单位."""
    at = text.index("单位") + len("单位")
    return text[:at].encode("gbk") + b"\x80" + text[at:].encode("gbk")


def fixtures():
    text = open(SEED, encoding="utf-8", newline="").read()
    assert "\r" not in text, "the seed is expected to use LF line endings"
    files = {
        # Same text, other encodings (name → bytes). The tests know each one's expected `encoding`.
        "seed-utf8-bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "seed-utf8-bom-crlf.txt": b"\xef\xbb\xbf" + with_endings(text, "crlf").encode("utf-8"),
        "seed-utf16le.txt": b"\xff\xfe" + text.encode("utf-16-le"),
        "seed-utf16be-crlf.txt": b"\xfe\xff" + with_endings(text, "crlf").encode("utf-16-be"),
        "seed-gb18030-crlf.txt": with_endings(text, "crlf").encode("gb18030"),
        "seed-gbk.txt": text.encode("gbk"),
        # Same text, other line endings (UTF-8).
        "seed-crlf.txt": with_endings(text, "crlf").encode("utf-8"),
        "seed-cr.txt": with_endings(text, "cr").encode("utf-8"),
        "seed-mixed.txt": with_endings(text, "mixed").encode("utf-8"),
        # Readable but not writable: cp936's single-byte euro sign 0x80 decodes, but GB18030 writes it as A2 E3.
        "seed-gbk-euro-byte.txt": euro_byte(text),
        # Refused: none of the supported encodings.
        "undecodable-bytes.bin": text[:200].encode("gb18030") + b"\xff\xfe\xfd\x81\x20" + text[200:400].encode("gb18030"),
        "undecodable-utf8-bom.bin": b"\xef\xbb\xbf" + text[:200].encode("gb18030"),
        "undecodable-utf16le-odd.bin": b"\xff\xfe" + text[:200].encode("utf-16-le") + b"\x41",
        "undecodable-utf16le-surrogate.bin": b"\xff\xfe" + text[:200].encode("utf-16-le") + b"\x00\xd8\x41\x00",
    }
    assert b"\x80" in files["seed-gbk-euro-byte.txt"]
    return files


def main():
    check = "--check" in sys.argv[1:]
    os.makedirs(OUT, exist_ok=True)
    stale = []
    for name, data in sorted(fixtures().items()):
        path = os.path.join(OUT, name)
        current = open(path, "rb").read() if os.path.exists(path) else None
        if current == data:
            continue
        stale.append(name)
        if not check:
            with open(path, "wb") as handle:
                handle.write(data)
    if check and stale:
        print("stale encoding fixtures (run Scripts/robustness/make-encoding-fixtures.py):", ", ".join(stale))
        return 1
    if not check:
        print(f"{len(stale)} fixture(s) written to {os.path.relpath(OUT, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
