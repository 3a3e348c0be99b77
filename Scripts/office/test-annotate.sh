# Sourced by Scripts/test-office: `annotate` checked with LibreOffice and python-docx / openpyxl.
"$jixiao" check --format json "$work/seed.docx" >"$work/seed-docx.json" || true
findings=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['files'][0]['diagnostics']))" "$work/seed-docx.json")
"$jixiao" annotate "$work/seed.docx" -o "$work/annotated.docx" 2>"$work/annotate.log"
soffice_run --convert-to fodt --outdir "$work/lo-annotated" "$work/annotated.docx"
check "annotated .docx opens in LibreOffice with its $findings comments, by Jixiao" \
  python3 - "$work/lo-annotated/annotated.fodt" "$findings" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
annotations = re.findall(r"<office:annotation[ >].*?</office:annotation>", text, re.S)
assert len(annotations) == int(sys.argv[2]), (len(annotations), sys.argv[2])
assert all("<dc:creator>Jixiao</dc:creator>" in a for a in annotations)
assert any("JX301" in a for a in annotations), "rule codes in the comments"
PY
check "python-docx: one comment per finding, anchored in the body, text unchanged, other parts byte for byte" \
  "$python" - "$work/seed.docx" "$work/annotated.docx" "$work/seed-docx.json" <<'PY'
import json, re, sys, zipfile
import docx
original, annotated, report = sys.argv[1:4]
findings = json.load(open(report))["files"][0]["diagnostics"]
document = docx.Document(annotated)
comments = list(document.comments)
assert len(comments) == len(findings), (len(comments), len(findings))
assert all(c.author == "Jixiao" for c in comments)
messages = sorted(c.text for c in comments)
expected = sorted("%s（%s %s）" % (f["message"], f["code"], f["name"]) for f in findings)
assert messages == expected, (messages[:3], expected[:3])
body = zipfile.ZipFile(annotated).read("word/document.xml").decode()
for c in comments:
    assert 'w:commentRangeStart w:id="%d"' % c.comment_id in body and 'w:commentReference w:id="%d"' % c.comment_id in body
def texts(d):
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for r in t.rows:
            out += [c.text for c in r.cells]
    return out
assert texts(docx.Document(original)) == texts(document), "the text changed"
a, b = zipfile.ZipFile(original), zipfile.ZipFile(annotated)
rewritten = {"word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
raw = open(original, "rb").read(), open(annotated, "rb").read()
for info in a.infolist():
    if info.filename in rewritten:
        continue
    other = b.getinfo(info.filename)
    first = raw[0][info.header_offset:info.header_offset + 30 + len(info.filename) + len(info.extra) + info.compress_size]
    second = raw[1][other.header_offset:other.header_offset + 30 + len(other.filename) + len(other.extra) + other.compress_size]
    assert first == second, info.filename + " changed"
PY
"$jixiao" annotate "$work/seed.docx" -o "$work/suggested.docx" --suggest 2>>"$work/annotate.log"
cp "$seed" "$work/fixed.txt"
"$jixiao" check --fix "$work/fixed.txt" >/dev/null || true
python3 Scripts/office/strip_comments.py "$work/suggested.docx" "$work/suggested-changes.docx"
check "--suggest: LibreOffice accepts all tracked changes (UNO) and the result has the findings of the text after --fix" \
  bash -c '/usr/bin/python3 Scripts/office/accept_all.py "$1/suggested-changes.docx" "$1/accepted.docx" "$1/lo-uno" >"$1/accept.log" 2>&1 \
    && grep -q "tracked changes before accepting: [1-9]" "$1/accept.log" \
    && python3 Scripts/office/compare_findings.py "$2" "$1/fixed.txt" "$1/accepted.docx" --except JX501' _ "$work" "$jixiao"
check "--suggest keeps the run formatting: a bold run's deletion is bold too" "$python" - "$work" "$jixiao" <<'PY'
import subprocess, sys, zipfile
import docx
work, jixiao = sys.argv[1:3]
d = docx.Document()
table = d.add_table(rows=1, cols=2)
table.cell(0, 0).text = "项目支出名称"
run = table.cell(0, 1).paragraphs[0].add_run("普法经费\u3000")
run.bold = True
d.save(work + "/bold.docx")
subprocess.run([jixiao, "annotate", work + "/bold.docx", "-o", work + "/bold-suggested.docx", "--suggest", "--lang", "en"], check=True, capture_output=True)
xml = zipfile.ZipFile(work + "/bold-suggested.docx").read("word/document.xml").decode()
deletion = xml[xml.index("<w:del "):xml.index("</w:del>")]
assert "<w:b/>" in deletion and "\u3000" in deletion, deletion
PY
"$jixiao" annotate "$work/seed.xlsx" -o "$work/annotated.xlsx" 2>>"$work/annotate.log"
soffice_run --convert-to fods --outdir "$work/lo-annotated" "$work/annotated.xlsx"
check "annotated .xlsx: a note per cell with findings, read by openpyxl and LibreOffice" \
  "$python" - "$work/annotated.xlsx" "$work/lo-annotated/annotated.fods" "$jixiao" <<'PY'
import json, re, subprocess, sys
import openpyxl
workbook_path, fods, jixiao = sys.argv[1:4]
report = json.loads(subprocess.run([jixiao, "check", "--format", "json", workbook_path], capture_output=True, text=True).stdout)
cells = {(f["location"]["sheet"], f["location"]["cell"]) for f in report["files"][0]["diagnostics"]}
workbook = openpyxl.load_workbook(workbook_path)
notes = {(sheet.title, cell.coordinate) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.comment}
assert notes == cells, (len(notes), len(cells))
assert all(cell.comment.author == "Jixiao" for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.comment)
assert len(re.findall(r"<office:annotation[ >]", open(fods, encoding="utf-8").read())) == len(cells)
PY
check "annotated .xlsx that already has notes: they are kept, ours are added (and a second pass appends)" \
  "$python" - "$work" "$jixiao" <<'PY'
import json, subprocess, sys
import openpyxl
from openpyxl.comments import Comment
work, jixiao = sys.argv[1:3]
workbook = openpyxl.load_workbook(work + "/seed.xlsx")
sheet = workbook.worksheets[0]
report = json.loads(subprocess.run([jixiao, "check", "--format", "json", work + "/seed.xlsx"], capture_output=True, text=True).stdout)
cells = {(f["location"]["sheet"], f["location"]["cell"]) for f in report["files"][0]["diagnostics"]}
flagged = sorted(cell for name, cell in cells if name == sheet.title)[0]
quiet = next(c.coordinate for row in sheet.iter_rows() for c in row if (sheet.title, c.coordinate) not in cells)
sheet[quiet].comment = Comment("请补充说明", "审核人")
sheet[flagged].comment = Comment("已看过", "审核人")
workbook.save(work + "/noted.xlsx")
subprocess.run([jixiao, "annotate", work + "/noted.xlsx", "-o", work + "/noted-annotated.xlsx"], check=True, capture_output=True)
result = openpyxl.load_workbook(work + "/noted-annotated.xlsx")
notes = {(s.title, c.coordinate): c.comment for s in result for row in s.iter_rows() for c in row if c.comment}
assert set(notes) == cells | {(sheet.title, quiet)}, (len(notes), len(cells))
assert notes[(sheet.title, quiet)].text == "请补充说明" and notes[(sheet.title, quiet)].author == "审核人"
assert notes[(sheet.title, flagged)].text.startswith("已看过") and "JX" in notes[(sheet.title, flagged)].text
assert all(notes[key].author == "Jixiao" for key in cells if key != (sheet.title, flagged))
# A second reviewer pass on the annotated file: no note lost, none doubled in number.
subprocess.run([jixiao, "annotate", work + "/noted-annotated.xlsx", "-o", work + "/twice.xlsx"], check=True, capture_output=True)
twice = openpyxl.load_workbook(work + "/twice.xlsx")
again = {(s.title, c.coordinate): c.comment.text for s in twice for row in s.iter_rows() for c in row if c.comment}
assert set(again) == set(notes)
assert all(again[key].startswith(notes[key].text) for key in again)
PY
soffice_run --convert-to fods --outdir "$work/lo-noted" "$work/noted-annotated.xlsx"
check "LibreOffice reads every note of the re-annotated .xlsx" bash -c '
  n=$(grep -o "<office:annotation[ >]" "$1" | wc -l); [ "$n" -eq "$2" ] || { echo "$n notes, expected $2"; exit 1; }' _ \
  "$work/lo-noted/noted-annotated.fods" "$("$jixiao" check --format json "$work/seed.xlsx" | "$python" -c '
import json, sys
report = json.load(sys.stdin)
print(len({(f["location"]["sheet"], f["location"]["cell"]) for f in report["files"][0]["diagnostics"]}) + 1)')"
check "annotate never writes over its input without --in-place, and writes nothing on error" bash -c '
  cp "$1/seed.docx" "$1/same.docx"; before=$(sha1sum < "$1/same.docx")
  "$2" annotate "$1/same.docx" -o "$1/same.docx" 2>/dev/null; [ $? -eq 2 ] || exit 1
  [ "$before" = "$(sha1sum < "$1/same.docx")" ] || exit 1
  printf "not a zip" > "$1/bad.docx"; "$2" annotate "$1/bad.docx" -o "$1/bad-out.docx" 2>/dev/null; [ $? -eq 2 ] && [ ! -e "$1/bad-out.docx" ] || exit 1
  "$2" annotate "$1/same.docx" --in-place 2>/dev/null && [ "$before" != "$(sha1sum < "$1/same.docx")" ]' _ "$work" "$jixiao"
