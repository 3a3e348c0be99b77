/// Writes findings into an .xlsx as cell notes (comments), one note per cell holding each finding there.
///
/// Per annotated sheet: a new comments part, a VML drawing (which Excel needs to show notes), their
/// relationships, a `legacyDrawing` element in the sheet, and the content types. Every other zip entry is
/// copied byte for byte. A sheet that already has notes is refused (a clear error, nothing written).
public enum SheetAnnotator {
  public static func annotate(
    _ archive: ZipArchive, rendered: RenderedNotation, comments: [WordAnnotator.Comment], author: String
  ) throws(OfficeError) -> WordAnnotator.Outcome {
    // Sheet name → part, as the reader found them.
    guard let workbook = try archive.read("xl/workbook.xml") else { throw .notOffice(reason: "no xl/workbook.xml") }
    let relationships = try SpreadsheetReader.readRelationships(
      try archive.read("xl/_rels/workbook.xml.rels") ?? [], part: "xl/_rels/workbook.xml.rels")
    var parts: [String: String] = [:]
    var reader = XMLReader(bytes: workbook, part: "xl/workbook.xml")
    while let event = try reader.next() {
      guard case .start(let name, let attributes, _, _) = event, name.local == "sheet",
        let sheet = attributes.first(where: { $0.name.local == "name" && $0.name.namespace.isEmpty })?.value,
        let id = attributes.first(where: { $0.name.local == "id" && SpreadsheetReader.relationshipNamespaces.contains($0.name.namespace) })?.value,
        let target = relationships[id]
      else { continue }
      parts[sheet] = SpreadsheetReader.resolve(target, from: "xl/")
    }
    // Notes per sheet and cell, in order.
    var notes: [String: [(reference: String, texts: [String])]] = [:]
    var outcome = WordAnnotator.Outcome(bytes: [])
    for comment in comments {
      guard let span = rendered.span(at: comment.range.lowerBound), let sheet = span.place.sheet,
        let reference = span.place.reference
      else { continue }
      var list = notes[sheet] ?? []
      if let index = list.firstIndex(where: { $0.reference == reference }) {
        list[index].texts.append(comment.text)
      } else {
        list.append((reference, [comment.text]))
      }
      notes[sheet] = list
      outcome.cellComments += 1
    }
    var replaced: [String: [UInt8]] = [:]
    var added: [String: [UInt8]] = [:]
    guard var types = try archive.read("[Content_Types].xml"), let typesEnd = WordAnnotator.lastIndex(of: Array("</Types>".utf8), in: types) else {
      throw .notOffice(reason: "no [Content_Types].xml")
    }
    var typeAdditions = ""
    if !String(decoding: types, as: UTF8.self).contains("Extension=\"vml\"") {
      typeAdditions += "<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>"
    }
    for (index, sheet) in notes.keys.sorted().enumerated() {
      guard let part = parts[sheet], var sheetXML = try archive.read(part) else { continue }
      let folder = part.split(separator: "/").dropLast().joined(separator: "/")
      let file = String(part.split(separator: "/").last ?? "")
      let relationshipsName = "\(folder)/_rels/\(file).rels"
      var sheetRelationships = try archive.read(relationshipsName)
        ?? Array("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>".utf8)
      let relationshipsText = String(decoding: sheetRelationships, as: UTF8.self)
      if relationshipsText.contains("/relationships/comments\"") || String(decoding: sheetXML, as: UTF8.self).contains("legacyDrawing") {
        throw .unwritable(reason: "sheet \(sheet) already has notes or a legacy drawing; annotating it would overwrite them")
      }
      let number = index + 1
      let commentsName = "xl/jixiaoComments\(number).xml"
      let drawingName = "xl/drawings/jixiaoNotes\(number).vml"
      var list = ""
      var shapes = ""
      for (shapeIndex, note) in (notes[sheet] ?? []).enumerated() {
        let text = note.texts.joined(separator: "\n")
        list += "<comment ref=\"\(note.reference)\" authorId=\"0\"><text><r><t xml:space=\"preserve\">\(XMLReader.escape(text))</t></r></text></comment>"
        let position = SpreadsheetReader.parseReference(note.reference) ?? (1, 1)
        shapes += """
          <v:shape id="_x0000_s\(1025 + shapeIndex)" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:200pt;height:80pt;z-index:\(shapeIndex + 1);visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">\
          <v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>\
          <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>\(position.row - 1)</x:Row><x:Column>\(position.column - 1)</x:Column></x:ClientData></v:shape>
          """
      }
      added[commentsName] = Array("""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>\(XMLReader.escape(author))</author></authors><commentList>\(list)</commentList></comments>
        """.utf8)
      added[drawingName] = Array("""
        <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\
        <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="\(number)"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\
        <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>\(shapes)</xml>
        """.utf8)
      guard let relationshipsEnd = WordAnnotator.lastIndex(of: Array("</Relationships>".utf8), in: sheetRelationships) else {
        throw .badXML(part: relationshipsName, reason: "no </Relationships>")
      }
      let depth = folder.split(separator: "/").count
      let up = String(repeating: "../", count: max(0, depth - 1))
      sheetRelationships.insert(contentsOf: Array("""
        <Relationship Id="rIdJixiaoNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="\(up)jixiaoComments\(number).xml"/>\
        <Relationship Id="rIdJixiaoDrawing" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="\(up)drawings/jixiaoNotes\(number).vml"/>
        """.utf8), at: relationshipsEnd)
      if archive.contains(relationshipsName) {
        replaced[relationshipsName] = sheetRelationships
      } else {
        added[relationshipsName] = sheetRelationships
      }
      // legacyDrawing goes before the elements the schema puts after it, else before </worksheet>.
      let text = String(decoding: sheetXML, as: UTF8.self)
      let prefix = text.contains("<x:worksheet") ? "x:" : ""
      let relationshipPrefix = "r"
      var insertAt = WordAnnotator.lastIndex(of: Array("</\(prefix)worksheet>".utf8), in: sheetXML) ?? sheetXML.count
      for later in ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"] {
        if let found = firstIndex(of: Array("<\(prefix)\(later)".utf8), in: sheetXML) { insertAt = min(insertAt, found) }
      }
      let declaresR = text.contains("xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"")
      let element = declaresR
        ? "<\(prefix)legacyDrawing \(relationshipPrefix):id=\"rIdJixiaoDrawing\"/>"
        : "<\(prefix)legacyDrawing xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" r:id=\"rIdJixiaoDrawing\"/>"
      sheetXML.insert(contentsOf: Array(element.utf8), at: insertAt)
      replaced[part] = sheetXML
      typeAdditions += "<Override PartName=\"/\(commentsName)\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml\"/>"
    }
    types.insert(contentsOf: Array(typeAdditions.utf8), at: typesEnd)
    replaced["[Content_Types].xml"] = types
    var writer = ZipWriter()
    for entry in archive.entries {
      if let bytes = replaced[entry.name] { writer.add(entry.name, bytes) } else { writer.copy(entry, from: archive) }
    }
    for name in added.keys.sorted() { writer.add(name, added[name]!) }
    outcome.bytes = writer.finish()
    return outcome
  }

  static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    for index in 0...(bytes.count - needle.count) where bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) {
      return index
    }
    return nil
  }
}
