// libFuzzer entry point for the office readers: arbitrary bytes → the XML reader, the Word reader and renderer,
// the zip container (as an archive, and wrapped as the document part of a .docx), and the workbook reader.
// Built by Scripts/fuzz (not a SwiftPM target).
//
// Invariants checked on every input:
// - nothing traps or recurses without bound (the reader is iterative, nesting is capped);
// - every event's byte range lies inside the input, in order;
// - a document part read directly and the same part read from a zip give the same notation;
// - every rendered span and fragment lies inside the rendered text, and spans are in order;
// - limits hold: no entry inflates past the (small) limits given here.
import OfficeFormats

@_cdecl("LLVMFuzzerTestOneInput")
public func officeFuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var limits = ZipLimits()
  limits.maximumEntrySize = 4 << 20
  limits.maximumTotalSize = 8 << 20

  var reader = XMLReader(bytes: bytes, part: "fuzz.xml")
  var last = 0
  while let event = try? reader.next() {
    let range: Range<Int>
    switch event {
    case .start(_, _, _, let tag): range = tag
    case .end(_, let tag): range = tag
    case .text(let text, let isCDATA):
      range = text
      if !isCDATA { _ = try? XMLReader.decode(bytes[text], part: "fuzz.xml") }
    }
    if range.lowerBound < last || range.upperBound > bytes.count { fail("event range \(range) out of order or outside the input") }
    last = range.upperBound
  }

  let direct = try? WordReader.read(bytes)
  if let direct { checkRendering(NotationRenderer.render(direct)) }
  var writer = ZipWriter()
  writer.add("word/document.xml", bytes)
  let wrapped = try? OfficeFile.read(writer.finish(), path: "fuzz.docx", limits: limits)
  if (direct == nil) != (wrapped == nil) { fail("the part reads differently from a zip") }
  if let direct, let wrapped, NotationRenderer.render(direct).text != NotationRenderer.render(wrapped).text {
    fail("the part renders differently from a zip")
  }

  if let document = try? OfficeFile.read(bytes, path: "fuzz.docx", limits: limits) { checkRendering(NotationRenderer.render(document)) }
  if let document = try? OfficeFile.read(bytes, path: "fuzz.xlsx", limits: limits) { checkRendering(NotationRenderer.render(document)) }
  var sheets = ZipWriter()
  sheets.add("xl/workbook.xml", Array(#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>"#.utf8))
  sheets.add("xl/_rels/workbook.xml.rels", Array(#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8))
  sheets.add("xl/worksheets/sheet1.xml", bytes)
  if let document = try? OfficeFile.read(sheets.finish(), path: "fuzz.xlsx", limits: limits) { checkRendering(NotationRenderer.render(document)) }
  return 0
}

func checkRendering(_ rendered: RenderedNotation) {
  var previous = 0
  for span in rendered.spans {
    if span.range.lowerBound < previous || span.range.upperBound > rendered.text.count { fail("span \(span.range) out of order or outside the text") }
    previous = span.range.upperBound
  }
  for fragment in rendered.fragments where fragment.range.upperBound > rendered.text.count {
    fail("fragment \(fragment.range) outside the text")
  }
  if !rendered.text.isEmpty { _ = rendered.span(at: rendered.text.count - 1) }
}

func fail(_ message: String) -> Never {
  fatalError("office fuzz: \(message)")
}
