#!/usr/bin/env python3
"""Copies a .docx without its comments (anchors, references, comments part), keeping tracked changes.

    strip_comments.py INPUT.docx OUTPUT.docx

LibreOffice 7.4 loaded over UNO (headless) cannot open a document with comments (the load returns nothing or
the office process dies), so the accept-all test removes them first; the comments themselves are tested by
converting with `soffice --convert-to` and by python-docx.
"""
import re
import sys
import zipfile

source, target = sys.argv[1:3]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "word/comments.xml":
            continue
        if item.filename == "word/document.xml":
            text = data.decode("utf-8")
            text = re.sub(r'<w:commentRange(Start|End) w:id="\d+"/>', "", text)
            text = re.sub(r'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="\d+"/></w:r>', "", text)
            data = text.encode("utf-8")
        if item.filename == "word/_rels/document.xml.rels":
            data = re.sub(rb'<Relationship Id="rIdJixiaoComments"[^>]*/>', b"", data)
        if item.filename == "[Content_Types].xml":
            data = re.sub(rb'<Override PartName="/word/comments.xml"[^>]*/>', b"", data)
        zout.writestr(item, data)
