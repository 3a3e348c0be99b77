#!/usr/bin/env python3
"""Writes a form file in the plain-text notation as a flat ODF text document (.fodt) or spreadsheet (.fods),
for LibreOffice to convert into .docx / .xlsx in Scripts/test-office.

    notation_to_odf.py text|sheet INPUT.txt OUTPUT.fodt|OUTPUT.fods
    notation_to_odf.py docx INPUT.txt OUTPUT.docx   (WordprocessingML written directly, for big benchmark files
                                                    that LibreOffice would take long to convert)

Tables become real tables: a row with fewer cells than the table's widest row spreads them over merged
columns; in the first three columns an empty cell under a filled one (rows of full width) becomes a vertical
merge, as in the Word originals. Spaces are kept (text:s), `[bookmark: NAME]` becomes a real bookmark.
In a spreadsheet each form is a sheet; free lines are one cell spanning the row.
"""
import re
import sys
from xml.sax.saxutils import escape

BOOKMARK = re.compile(r"\[bookmark: ([^\]]+)\]")


def parse(text):
    """Blocks: ("line", text) | ("blank",) | ("table", [rows of cells of lines])."""
    blocks, rows, row, cell = [], [], None, None
    annex = re.compile(r"^[ \t\u3000\u00a0]*附件[ \t\u3000\u00a0]*[0-9０-９]")

    def end_row():
        nonlocal row, cell
        if row is not None:
            rows.append(row)
        row, cell = None, None

    def end_table():
        nonlocal rows
        end_row()
        if rows:
            blocks.append(("table", rows))
        rows = []

    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final line end
    blanks = 0  # empty lines after a row's end: part of the table, unless a free line follows
    for line in lines:
        if line.startswith("\t"):
            blanks = 0
            if row is None:
                row = []
            cell = [line[1:]]
            row.append(cell)
        elif line == "":
            if row is not None:
                end_row()
            elif not rows:
                blocks.append(("blank",))
            else:
                blanks += 1
        elif cell is not None and not annex.match(line) and "绩效目标表" not in line:
            cell.append(line)
        else:
            end_table()
            blocks.extend([("blank",)] * blanks)
            blanks = 0
            blocks.append(("line", line))
    end_table()
    return blocks


def inline(text):
    out = []
    pos = 0
    for match in BOOKMARK.finditer(text):
        out.append(spans(text[pos:match.start()]))
        out.append('<text:bookmark text:name="%s"/>' % escape(match.group(1)))
        pos = match.end()
    out.append(spans(text[pos:]))
    return "".join(out)


def spans(text):
    result = []
    for ch in text:
        if ch == " ":
            result.append("<text:s/>")
        elif ch == "\t":
            result.append("<text:tab/>")
        else:
            result.append(escape(ch))
    return "".join(result)


def paragraphs(lines):
    return "".join("<text:p>%s</text:p>" % inline(line) if line else "<text:p/>" for line in lines)


def layout(rows):
    """Per row, per cell: (first column, span, rowspan or 0 for covered-by-vertical-merge)."""
    width = max(len(r) for r in rows)
    placed = []
    for r in rows:
        n = len(r)
        placed.append([[i * width // n, (i + 1) * width // n - i * width // n, 1] for i in range(n)])
    for column in range(min(3, width)):
        for index, r in enumerate(rows):
            if len(r) != width or not "".join(r[column]).strip() or placed[index][column][2] == 0:
                continue
            below = index + 1
            while below < len(rows) and len(rows[below]) == width and not "".join(rows[below][column]) \
                    and all(placed[below][c][2] != 0 for c in range(column)):
                below += 1
            if below - index > 1:
                placed[index][column][2] = below - index
                for covered in range(index + 1, below):
                    placed[covered][column][2] = 0
    return width, placed


def table_xml(rows, name, sheet=False):
    width, placed = layout(rows)
    out = ['<table:table table:name="%s">' % escape(name),
           '<table:table-column table:number-columns-repeated="%d"/>' % width]
    for r, cells in zip(rows, placed):
        out.append("<table:table-row>")
        column = 0
        for lines, (first, span, rowspan) in zip(r, cells):
            while column < first:
                out.append("<table:covered-table-cell/>")
                column += 1
            if rowspan == 0:
                out.append("<table:covered-table-cell/>")
                for _ in range(span - 1):
                    out.append("<table:covered-table-cell/>")
            else:
                attributes = ' office:value-type="string"'
                if span > 1:
                    attributes += ' table:number-columns-spanned="%d"' % span
                if rowspan > 1:
                    attributes += ' table:number-rows-spanned="%d"' % rowspan
                body = paragraphs(lines)
                out.append("<table:table-cell%s>%s</table:table-cell>" % (attributes, body))
                for _ in range(span - 1):
                    out.append("<table:covered-table-cell/>")
            column = first + span
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'office:version="1.3" office:mimetype="%s"><office:body>')


def write_text(blocks):
    out = [HEADER % "application/vnd.oasis.opendocument.text", "<office:text>"]
    tables = 0
    for block in blocks:
        if block[0] == "line":
            out.append("<text:p>%s</text:p>" % inline(block[1]))
        elif block[0] == "blank":
            out.append("<text:p/>")
        else:
            tables += 1
            out.append(table_xml(block[1], "Table%d" % tables))
    out.append("</office:text></office:body></office:document>\n")
    return "".join(out)


def write_sheet(blocks):
    """One sheet per form (a form starts at an annex line, or a title line not right after one)."""
    forms, current, previous_annex = [], [], False
    annex = re.compile(r"^[ \t\u3000\u00a0]*附件")
    for block in blocks:
        starts = block[0] == "line" and (annex.match(block[1]) or ("绩效目标表" in block[1] and not previous_annex))
        if starts and current:
            forms.append(current)
            current = []
        current.append(block)
        previous_annex = block[0] == "line" and bool(annex.match(block[1]))
    if current:
        forms.append(current)
    out = [HEADER % "application/vnd.oasis.opendocument.spreadsheet", "<office:spreadsheet>"]
    for index, form in enumerate(forms):
        rows = []  # (kind, payload)
        for block in form:
            if block[0] == "line":
                rows.append(("line", block[1]))
            elif block[0] == "table":
                rows.append(("table", block[1]))
        width = max([max(len(r) for r in b[1]) for b in rows if b[0] == "table"] or [1])
        out.append('<table:table table:name="表%d"><table:table-column table:number-columns-repeated="%d"/>' % (index + 1, width))
        for kind, payload in rows:
            if kind == "line":
                out.append('<table:table-row><table:table-cell office:value-type="string" table:number-columns-spanned="%d">'
                           '<text:p>%s</text:p></table:table-cell>%s</table:table-row>'
                           % (width, inline(payload), "<table:covered-table-cell/>" * (width - 1)))
            else:
                inner = table_xml([r + [] for r in payload], "x", sheet=True)
                # Reuse the row markup of a table laid out at the sheet's width.
                padded = payload
                if max(len(r) for r in payload) < width:
                    padded = payload  # layout() spreads narrower rows over the table's own width
                body = inner[inner.index("<table:table-row>"):inner.rindex("</table:table>")]
                out.append(body)
        out.append("</table:table>")
    out.append("</office:spreadsheet></office:body></office:document>\n")
    return "".join(out)


def w_runs(text):
    out = []
    pos = 0
    for match in BOOKMARK.finditer(text):
        if match.start() > pos:
            out.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text[pos:match.start()]))
        out.append('<w:bookmarkStart w:id="0" w:name="%s"/><w:bookmarkEnd w:id="0"/>' % escape(match.group(1)))
        pos = match.end()
    if pos < len(text):
        out.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(text[pos:]))
    return "".join(out)


def w_paragraphs(lines):
    return "".join("<w:p>%s</w:p>" % w_runs(line) for line in lines) or "<w:p/>"


def write_docx(blocks, target):
    import zipfile
    body = []
    for block in blocks:
        if block[0] == "line":
            body.append("<w:p>%s</w:p>" % w_runs(block[1]))
        elif block[0] == "blank":
            body.append("<w:p/>")
        else:
            rows = block[1]
            width, placed = layout(rows)
            body.append("<w:tbl><w:tblPr/><w:tblGrid>%s</w:tblGrid>" % ('<w:gridCol w:w="1400"/>' * width))
            for r, cells in zip(rows, placed):
                body.append("<w:tr>")
                for lines, (first, span, rowspan) in zip(r, cells):
                    properties = '<w:gridSpan w:val="%d"/>' % span if span > 1 else ""
                    if rowspan == 0:
                        body.append("<w:tc><w:tcPr>%s<w:vMerge/></w:tcPr><w:p/></w:tc>" % properties)
                        continue
                    if rowspan > 1:
                        properties += '<w:vMerge w:val="restart"/>'
                    body.append("<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (properties, w_paragraphs(lines)))
                body.append("</w:tr>")
            body.append("</w:tbl>")
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document '
                'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s<w:sectPr/></w:body></w:document>'
                % "".join(body))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


def main():
    kind, source, target = sys.argv[1:4]
    with open(source, encoding="utf-8") as handle:
        blocks = parse(handle.read())
    if kind == "docx":
        write_docx(blocks, target)
        return
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(write_text(blocks) if kind == "text" else write_sheet(blocks))


if __name__ == "__main__":
    main()
