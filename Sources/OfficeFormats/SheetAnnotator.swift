/// Writes findings into an .xlsx as cell notes (comments), one note per cell holding each finding there.
///
/// Per annotated sheet: a new comments part, a VML drawing (which Excel needs to show notes), their
/// relationships, a `legacyDrawing` element in the sheet, and the content types. Every other zip entry is
/// copied byte for byte. A sheet that already has notes keeps them: ours are added to its comments part and its
/// VML drawing (a cell that has a note already gets ours appended to it, since a cell holds one note).
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
      let sheetText = String(decoding: sheetXML, as: UTF8.self)
      let number = index + 1
      let existingComments = SheetAnnotator.target(ofType: "/relationships/comments", in: relationshipsText).map {
        SpreadsheetReader.resolve($0, from: folder + "/")
      }
      let existingDrawing = sheetText.contains("legacyDrawing")
        ? SheetAnnotator.target(ofType: "/relationships/vmlDrawing", in: relationshipsText).map { SpreadsheetReader.resolve($0, from: folder + "/") }
        : nil
      if sheetText.contains("legacyDrawing") && existingDrawing == nil {
        throw .unwritable(reason: "sheet \(sheet) has a legacy drawing whose part cannot be found; annotating it would lose it")
      }
      var commentsPart: String?
      var drawingPart: String?
      var authorID = 0
      if let name = existingComments {
        guard let bytes = try archive.read(name) else { throw .unwritable(reason: "sheet \(sheet): its comments part \(name) is missing") }
        var part = String(decoding: bytes, as: UTF8.self)
        authorID = SheetAnnotator.authorIndex(of: author, in: &part)
        commentsPart = part
      }
      if let name = existingDrawing {
        guard let bytes = try archive.read(name) else { throw .unwritable(reason: "sheet \(sheet): its drawing part \(name) is missing") }
        drawingPart = String(decoding: bytes, as: UTF8.self)
      }
      var firstShape = 1025
      if let drawing = drawingPart { firstShape = max(firstShape, SheetAnnotator.maximumShapeNumber(in: drawing) + 1) }
      let commentsName = existingComments ?? "xl/jixiaoComments\(number).xml"
      let drawingName = existingDrawing ?? "xl/drawings/jixiaoNotes\(number).vml"
      var list = ""
      var shapes = ""
      var shapeCount = 0
      for note in notes[sheet] ?? [] {
        let text = note.texts.joined(separator: "\n")
        if var part = commentsPart, SheetAnnotator.appendToExistingNote(at: note.reference, text: text, in: &part) {
          commentsPart = part
          continue
        }
        list += "<comment ref=\"\(note.reference)\" authorId=\"\(authorID)\"><text><r><t xml:space=\"preserve\">\(XMLReader.escape(text))</t></r></text></comment>"
        let position = SpreadsheetReader.parseReference(note.reference) ?? (1, 1)
        shapes += """
          <v:shape id="_x0000_s\(firstShape + shapeCount)" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:200pt;height:80pt;z-index:\(shapeCount + 1);visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">\
          <v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>\
          <x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>\(position.row - 1)</x:Row><x:Column>\(position.column - 1)</x:Column></x:ClientData></v:shape>
          """
        shapeCount += 1
      }
      if var part = commentsPart {
        guard let close = part.range(of: "</commentList>", options: .backwards) else {
          throw .badXML(part: commentsName, reason: "no </commentList>")
        }
        part.insert(contentsOf: list, at: close.lowerBound)
        replaced[commentsName] = Array(part.utf8)
      } else {
        added[commentsName] = Array("""
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>\(XMLReader.escape(author))</author></authors><commentList>\(list)</commentList></comments>
          """.utf8)
        typeAdditions += "<Override PartName=\"/\(commentsName)\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml\"/>"
      }
      if var drawing = drawingPart {
        guard let close = drawing.range(of: "</xml>", options: .backwards) else { throw .badXML(part: drawingName, reason: "no </xml>") }
        if !drawing.contains("_x0000_t202") { shapes = SheetAnnotator.noteShapeType + shapes }
        drawing.insert(contentsOf: shapes, at: close.lowerBound)
        replaced[drawingName] = Array(drawing.utf8)
      } else {
        added[drawingName] = Array("""
          <xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\
          <o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="\(number)"/></o:shapelayout>\(SheetAnnotator.noteShapeType)\(shapes)</xml>
          """.utf8)
      }
      guard let relationshipsEnd = WordAnnotator.lastIndex(of: Array("</Relationships>".utf8), in: sheetRelationships) else {
        throw .badXML(part: relationshipsName, reason: "no </Relationships>")
      }
      let depth = folder.split(separator: "/").count
      let up = String(repeating: "../", count: max(0, depth - 1))
      var newRelationships = ""
      if existingComments == nil {
        newRelationships += "<Relationship Id=\"rIdJixiaoNotes\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"\(up)jixiaoComments\(number).xml\"/>"
      }
      if existingDrawing == nil {
        newRelationships += "<Relationship Id=\"rIdJixiaoDrawing\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing\" Target=\"\(up)drawings/jixiaoNotes\(number).vml\"/>"
      }
      sheetRelationships.insert(contentsOf: Array(newRelationships.utf8), at: relationshipsEnd)
      if !newRelationships.isEmpty {
        if archive.contains(relationshipsName) {
          replaced[relationshipsName] = sheetRelationships
        } else {
          added[relationshipsName] = sheetRelationships
        }
      }
      guard existingDrawing == nil else { continue }  // The sheet points at its drawing already.
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

  /// The VML shape type of a note, which every drawing holding notes declares once.
  static let noteShapeType = """
    <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\
    <v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>
    """

  /// The target of the first relationship whose type ends in `typeSuffix`.
  static func target(ofType typeSuffix: String, in relationships: String) -> String? {
    var reader = XMLReader(bytes: Array(relationships.utf8), part: "rels")
    while let event = try? reader.next() {
      guard case .start(let name, let attributes, _, _) = event, name.local == "Relationship" else { continue }
      let value = { (key: String) in attributes.first { $0.name.local == key && $0.name.namespace.isEmpty }?.value }
      if let type = value("Type"), type.hasSuffix(typeSuffix), value("TargetMode") != "External", let target = value("Target") {
        return target
      }
    }
    return nil
  }

  /// The index of `author` in a comments part's `<authors>`, adding it when absent.
  static func authorIndex(of author: String, in part: inout String) -> Int {
    let escaped = XMLReader.escape(author)
    let authors = part.components(separatedBy: "<author>").dropFirst().map { $0.components(separatedBy: "</author>")[0] }
    if let index = authors.firstIndex(of: escaped) { return index }
    if let close = part.range(of: "</authors>") {
      part.insert(contentsOf: "<author>\(escaped)</author>", at: close.lowerBound)
    } else if let list = part.range(of: "<commentList") {
      part.insert(contentsOf: "<authors><author>\(escaped)</author></authors>", at: list.lowerBound)
    }
    return authors.count
  }

  /// Appends `text` as a new paragraph of the note already on `reference`; false when the cell has none.
  static func appendToExistingNote(at reference: String, text: String, in part: inout String) -> Bool {
    guard let start = part.range(of: "<comment ref=\"\(reference)\""),
      let close = part.range(of: "</text>", range: start.upperBound..<part.endIndex)
    else { return false }
    part.insert(contentsOf: "<r><t xml:space=\"preserve\">\n\(XMLReader.escape(text))</t></r>", at: close.lowerBound)
    return true
  }

  /// The highest `_x0000_sN` shape number in a VML drawing (new shapes continue after it).
  static func maximumShapeNumber(in drawing: String) -> Int {
    drawing.components(separatedBy: "_x0000_s").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }.max() ?? 0
  }

  static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    for index in 0...(bytes.count - needle.count) where bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) {
      return index
    }
    return nil
  }
}
