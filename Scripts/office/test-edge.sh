# Sourced by Scripts/test-office: edge cases built with python-docx and openpyxl, read by `jixiao convert`.
check "python-docx: merged cells (horizontal and vertical), several paragraphs, a nested table read as Word's text export" \
  "$python" - "$work" "$jixiao" <<'PY'
import subprocess, sys
import docx
work, jixiao = sys.argv[1:3]
d = docx.Document()
d.add_paragraph("附件5-1")
t = d.add_table(rows=3, cols=3)
t.cell(0, 0).merge(t.cell(0, 1)).text = "横向合并"
t.cell(0, 2).text = "右"
t.cell(1, 0).merge(t.cell(2, 0)).text = "纵向合并"
t.cell(1, 1).text = "甲"
t.cell(1, 2).paragraphs[0].text = "第一段"
t.cell(1, 2).add_paragraph("第二段")
t.cell(2, 1).text = "乙"
inner = t.cell(2, 2).add_table(rows=1, cols=2)
inner.cell(0, 0).text = "内一"
inner.cell(0, 1).text = "内二"
d.add_paragraph("填表人：")
d.save(work + "/edge.docx")
out = subprocess.run([jixiao, "convert", work + "/edge.docx"], capture_output=True, text=True, check=True).stdout
# The nested table's cell starts with python-docx's empty paragraph: the cell's text starts on its second line.
expected = "附件5-1\n\t横向合并\n\t右\n\n\t纵向合并\n\t甲\n\t第一段\n第二段\n\n\t\n\t乙\n\t\n内一\n内二\n\n填表人：\n"
assert out == expected, repr(out)
PY
check "openpyxl: numbers, percentages and dates as displayed, merged ranges, shared and inline strings" \
  "$python" - "$work" "$jixiao" <<'PY'
import datetime, subprocess, sys
import openpyxl
work, jixiao = sys.argv[1:3]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "5-1"
ws["A1"] = "2021年项目支出绩效目标表"
ws.merge_cells("A1:D1")
ws["A2"], ws["B2"] = "年度本级预算金额", 14
ws["C2"], ws["D2"] = "完成率", 0.98
ws["D2"].number_format = "0%"
ws["A3"], ws["B3"] = "日期", datetime.date(2021, 12, 31)
ws["B3"].number_format = "yyyy.m.d"
ws["C3"], ws["D3"] = "金额", 1234567.5
ws["D3"].number_format = "#,##0.00"
ws["A4"] = "本年度\n绩效指标"
ws.merge_cells("A4:A5")
ws["B4"], ws["B5"] = "数量指标", "质量指标"
wb.save(work + "/edge.xlsx")
out = subprocess.run([jixiao, "convert", work + "/edge.xlsx"], capture_output=True, text=True, check=True).stdout
expected = ("2021年项目支出绩效目标表\n\t年度本级预算金额\n\t14\n\t完成率\n\t98%\n\n\t日期\n\t2021.12.31\n\t金额\n\t1,234,567.50\n\n"
            "\t本年度\n绩效指标\n\t数量指标\n\t\n\t\n\n\t\n\t质量指标\n\t\n\t\n\n")
assert out == expected, repr(out)
tsv = subprocess.run([jixiao, "convert", "--to", "tsv", work + "/edge.xlsx"], capture_output=True, text=True, check=True).stdout
assert "年度本级预算金额\t14\t完成率\t98%\n" in tsv, tsv
PY
check "hostile files: each a clear error (exit 2), nothing written, the other files still checked" \
  "$python" - "$work" "$jixiao" "$work/seed.docx" <<'PY'
import io, os, subprocess, sys, zipfile
work, jixiao, good = sys.argv[1:4]
folder = os.path.join(work, "hostile")
os.makedirs(folder, exist_ok=True)
def write(name, data):
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)
def docx_with(document):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", document)
    return buffer.getvalue()
write("bomb.docx", docx_with(b"<a>" + b" " * (300 << 20) + b"</a>"))
seed = open(good, "rb").read()
write("truncated.docx", seed[: len(seed) // 2])
info = zipfile.ZipFile(good).getinfo("word/document.xml")
middle = info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size // 2
corrupt = bytearray(seed); corrupt[middle:middle + 64] = b"\xff" * 64; write("corrupt.docx", bytes(corrupt))
cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
write("encrypted.docx", cfb + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))
write("entities.docx", docx_with(b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>'))
write("deep.docx", docx_with(b"<a>" * 100000 + b"</a>" * 100000))
write("old.doc", cfb + "WordDocument".encode("utf-16-le"))
write("old.xls", cfb + "Workbook".encode("utf-16-le"))
write("renamed.docx", "附件5-1\n2021年项目支出绩效目标表\n".encode())
write("renamed.xlsx", b"%PDF-1.7\n")
names = sorted(os.listdir(folder))
before = {n: open(os.path.join(folder, n), "rb").read() for n in names}
run = subprocess.run([jixiao, "check", "--lang", "en", "--format", "json", good] + [os.path.join(folder, n) for n in names],
                     capture_output=True, text=True)
assert run.returncode == 2, run.returncode
expected = {"bomb.docx": "zip bomb", "truncated.docx": "damaged", "corrupt.docx": "damaged", "encrypted.docx": "password-protected",
            "entities.docx": "DOCTYPE", "deep.docx": "nested deeper", "old.doc": "save it as .docx", "old.xls": "save it as .xlsx",
            "renamed.docx": "not a zip archive", "renamed.xlsx": "not a zip archive"}
lines = run.stderr.splitlines()
for name, message in expected.items():
    assert any(name in line and message in line for line in lines), (name, run.stderr)
import json
files = json.loads(run.stdout)["files"]
assert len(files) == 1 and files[0]["diagnostics"], "the good file was checked"
assert sorted(os.listdir(folder)) == names and all(open(os.path.join(folder, n), "rb").read() == before[n] for n in names), "nothing written"
chinese = subprocess.run([jixiao, "check", os.path.join(folder, "old.doc")], capture_output=True, text=True)
assert "另存为 .docx" in chinese.stderr, chinese.stderr
PY
