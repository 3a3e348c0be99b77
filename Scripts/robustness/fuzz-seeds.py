#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets (used by Scripts/fuzz; existing files are kept).

    fuzz-seeds.py parse DIR   form files: Examples/, Tests/Fixtures/ (split at each 附件 form, and in pairs),
                              Tests/Fixtures/encodings/, and the rule examples of Documentation/rules/*.md
    fuzz-seeds.py rpc DIR     LSP sessions, one JSON-RPC body per line, plus framed byte streams
    fuzz-seeds.py office DIR  WordprocessingML and SpreadsheetML parts (tables, merges, fields, tracked
                              changes, entities) and small .docx/.xlsx archives built from them
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


def office_seeds():
    import io
    import zipfile
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = ('<w:p><w:r><w:t>附件5-1</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>'
            '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">本年度 </w:t></w:r></w:p><w:p><w:r><w:t>绩效指标</w:t></w:r></w:p></w:tc>'
            '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:ins w:id="1" w:author="a"><w:r><w:t>14</w:t></w:r></w:ins>'
            '<w:del w:id="2" w:author="a"><w:r><w:delText>20</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            '<w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>万&amp;&#x4E00;</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'
            '<w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>'
            '<w:p><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:tab/><w:t>填表人：</w:t><w:br/></w:r></w:p>')
    document = ('<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s<w:sectPr/></w:body></w:document>' % (w, body)).encode()
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr">'
             '<is><t>标题</t></is></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>0.98</v></c><c r="C2"><v>44197</v></c></row>'
             '</sheetData><mergeCells><mergeCell ref="A1:C1"/><mergeCell ref="A2:A3"/></mergeCells></worksheet>').encode()
    seeds = [document, sheet, b"<a><b c='&lt;'>x<![CDATA[y]]></b><!-- c --><?p?></a>", b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>']
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", document)
    seeds.append(archive.getvalue())
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>项目</t></si></sst>'.encode())
    seeds.append(archive.getvalue())
    return seeds


def main():
    kind, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    seeds = parse_seeds() if kind == "parse" else office_seeds() if kind == "office" else rpc_seeds()
    for data in seeds:
        name = hashlib.sha1(data).hexdigest()
        path = os.path.join(out, name)
        if not os.path.exists(path):
            with open(path, "wb") as handle:
                handle.write(data)
    print(f"{len(seeds)} {kind} seed(s) in {os.path.relpath(out, ROOT) if out.startswith(ROOT) else out}")


if __name__ == "__main__":
    main()
