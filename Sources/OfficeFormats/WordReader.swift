/// Reads `word/document.xml` (WordprocessingML) into an `OfficeDocument`: the body's paragraphs and tables.
///
/// What counts as text is what Word shows with changes accepted: insertions (`w:ins`, `w:moveTo`) are kept,
/// deletions (`w:del`, `w:moveFrom`, deleted rows) dropped; of a field, the result is kept and the instruction
/// dropped; bookmarks, proofing marks, comments' anchors, drawings and footnote references leave no text.
/// `w:sdt`, `w:customXml`, `w:smartTag`, `w:hyperlink` are looked through. A vertically merged cell
/// (`w:vMerge` without `restart`) reads empty; a horizontally merged one (`w:gridSpan`) is one cell.
/// A nested table's paragraphs become further paragraphs of the cell that holds it.
public struct WordReader {
  static let namespaces: Set<String> = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main",
  ]
  static let compatibilityNamespace = "http://schemas.openxmlformats.org/markup-compatibility/2006"

  private var reader: XMLReader
  private var tableCount = 0
  private var paragraphCount = 0
  /// Open fields: whether each is still in its instruction part (text there is not shown).
  private var fields: [Bool] = []

  /// Reads the document part's bytes.
  public static func read(_ bytes: [UInt8]) throws(OfficeError) -> OfficeDocument {
    var word = WordReader(reader: XMLReader(bytes: bytes, part: "word/document.xml"))
    return try word.readDocument()
  }

  private init(reader: XMLReader) { self.reader = reader }

  private func isWord(_ name: XMLReader.Name, _ local: String) -> Bool {
    name.local == local && WordReader.namespaces.contains(name.namespace)
  }

  private static let transparent: Set<String> = ["sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple", "dir", "bdo"]
  private static let dropped: Set<String> = ["del", "moveFrom", "sdtPr", "sdtEndPr", "customXmlPr", "smartTagPr"]

  private mutating func readDocument() throws(OfficeError) -> OfficeDocument {
    var blocks: [OfficeBlock] = []
    var sawBody = false
    while let event = try reader.next() {
      guard case .start(let name, _, let selfClosing, _) = event else { continue }
      if isWord(name, "body"), !selfClosing {
        sawBody = true
        try readBlocks(into: &blocks)
      }
    }
    guard sawBody else { throw .notOffice(reason: "word/document.xml has no document body: not a Word document") }
    return OfficeDocument(kind: .docx, blocks: blocks)
  }

  /// Reads block content (paragraphs, tables) up to the end of the element just opened.
  private mutating func readBlocks(into blocks: inout [OfficeBlock]) throws(OfficeError) {
    let base = reader.depth
    while reader.depth >= base, let event = try reader.next() {
      guard case .start(let name, _, let selfClosing, let range) = event else { continue }
      if isWord(name, "p") {
        paragraphCount += 1
        blocks.append(.paragraph(selfClosing ? OfficeParagraph(pieces: []) : try readParagraph(start: range), number: paragraphCount))
      } else if selfClosing {
        continue
      } else if isWord(name, "tbl") {
        tableCount += 1
        let number = tableCount
        blocks.append(.table(OfficeTable(number: number, rows: try readRows())))
      } else if !isLookedThrough(name) {
        try reader.skipElement()
      }
    }
  }

  private func isLookedThrough(_ name: XMLReader.Name) -> Bool {
    if WordReader.namespaces.contains(name.namespace) { return WordReader.transparent.contains(name.local) }
    if name.namespace == WordReader.compatibilityNamespace { return name.local == "AlternateContent" || name.local == "Fallback" }
    return false
  }

  private mutating func readRows() throws(OfficeError) -> [OfficeRow] {
    var rows: [OfficeRow] = []
    let base = reader.depth
    while reader.depth >= base, let event = try reader.next() {
      guard case .start(let name, _, let selfClosing, _) = event, !selfClosing else { continue }
      if isWord(name, "tr") {
        if let row = try readRow(number: rows.count + 1) { rows.append(row) }
      } else if !isLookedThrough(name) {
        try reader.skipElement()
      }
    }
    return rows
  }

  /// A row, or nil for a row deleted as a tracked change.
  private mutating func readRow(number: Int) throws(OfficeError) -> OfficeRow? {
    var cells: [OfficeCell] = []
    var deleted = false
    let base = reader.depth
    while reader.depth >= base, let event = try reader.next() {
      guard case .start(let name, _, let selfClosing, _) = event, !selfClosing else { continue }
      if isWord(name, "trPr") {
        deleted = try containsDeletion()
      } else if isWord(name, "tc") {
        if let cell = try readCell(column: cells.count + 1) { cells.append(cell) }
      } else if !isLookedThrough(name) {
        try reader.skipElement()
      }
    }
    return deleted ? nil : OfficeRow(cells: cells, number: number)
  }

  /// Whether the properties element just opened holds a `w:del` (a deleted row); reads to its end.
  private mutating func containsDeletion() throws(OfficeError) -> Bool {
    var found = false
    let base = reader.depth
    while reader.depth >= base, let event = try reader.next() {
      if case .start(let name, _, _, _) = event, isWord(name, "del") { found = true }
    }
    return found
  }

  /// A cell, or nil for a legacy horizontally merged continuation (`w:hMerge`), which Word shows as part of the
  /// cell before it.
  private mutating func readCell(column: Int) throws(OfficeError) -> OfficeCell? {
    var paragraphs: [OfficeParagraph] = []
    var continuation = false
    var horizontalContinuation = false
    let base = reader.depth
    while reader.depth >= base, let event = try reader.next() {
      guard case .start(let name, let attributes, let selfClosing, let range) = event else { continue }
      if isWord(name, "tcPr"), !selfClosing {
        let propertiesBase = reader.depth
        while reader.depth >= propertiesBase, let inner = try reader.next() {
          guard case .start(let property, let values, _, _) = inner else { continue }
          let value = values.first { $0.name.local == "val" }?.value
          if isWord(property, "vMerge") { continuation = value == nil || value == "continue" }
          if isWord(property, "hMerge") { horizontalContinuation = value == nil || value == "continue" }
        }
        continue
      }
      _ = attributes
      if isWord(name, "p") {
        // `<w:p/>` is an empty paragraph with no room for a comment's anchor (content offsets -1).
        paragraphs.append(selfClosing ? OfficeParagraph(pieces: []) : try readParagraph(start: range))
      } else if selfClosing {
        continue
      } else if isWord(name, "tbl") {
        for row in try readRows() { for cell in row.cells where !cell.isContinuation { paragraphs += cell.paragraphs } }
      } else if !isLookedThrough(name) {
        try reader.skipElement()
      }
    }
    if horizontalContinuation { return nil }
    return OfficeCell(paragraphs: paragraphs, isContinuation: continuation, column: column)
  }

  private mutating func readParagraph(start: Range<Int>) throws(OfficeError) -> OfficeParagraph {
    var paragraph = OfficeParagraph(pieces: [], contentStart: start.upperBound, contentEnd: start.upperBound)
    paragraph.afterStartTag = start.upperBound
    fields = []
    let base = reader.depth
    while let event = try reader.next() {
      switch event {
      case .end(_, let range):
        if reader.depth < base {
          paragraph.contentEnd = range.lowerBound
          return paragraph
        }
      case .text: break
      case .start(let name, let attributes, let selfClosing, let range):
        if isWord(name, "pPr") {
          if !selfClosing {
            let propertiesBase = reader.depth
            while reader.depth >= propertiesBase, let inner = try reader.next() {
              switch inner {
              case .start(let child, _, let childClosing, let childRange):
                if reader.depth == propertiesBase + (childClosing ? 0 : 1), isWord(child, "rPr") {
                  paragraph.markProperties = (childRange, childClosing)
                }
              case .end(_, let endRange):
                if reader.depth < propertiesBase { paragraph.propertiesEnd = endRange.lowerBound }
              case .text: break
              }
            }
          }
          paragraph.contentStart = reader.position
        } else if isWord(name, "r") {
          if !selfClosing { try readRun(start: range, into: &paragraph.pieces) }
        } else if isWord(name, "fldChar") {
          fieldCharacter(attributes)
        } else if selfClosing || isLookedThrough(name) {
          continue
        } else if WordReader.namespaces.contains(name.namespace) && WordReader.dropped.contains(name.local) {
          try reader.skipElement()
        } else if isWord(name, "p") || isWord(name, "tbl") {
          // Malformed nesting; read it as part of this paragraph's text rather than lose it.
          continue
        } else {
          try reader.skipElement()
        }
      }
    }
    throw .badXML(part: "word/document.xml", reason: "the part ends inside a paragraph")
  }

  private mutating func fieldCharacter(_ attributes: [XMLReader.Attribute]) {
    switch attributes.first(where: { $0.name.local == "fldCharType" })?.value {
    case "begin": fields.append(true)
    case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
    case "end": if !fields.isEmpty { fields.removeLast() }
    default: break
    }
  }

  private var inInstruction: Bool { fields.contains(true) }

  private mutating func readRun(start: Range<Int>, into pieces: inout [TextPiece]) throws(OfficeError) {
    var properties: Range<Int>?
    // The run's pieces; a plain `w:t` also keeps its tag and content range, made a `RunSource` at the run's end.
    var runPieces: [(piece: TextPiece, tag: Range<Int>?, content: Range<Int>)] = []
    let base = reader.depth
    while let event = try reader.next() {
      switch event {
      case .end(_, let range):
        guard reader.depth < base else { continue }
        let run = start.lowerBound..<range.upperBound
        for var item in runPieces {
          if let tag = item.tag {
            item.piece.source = RunSource(run: run, runTag: start, properties: properties, textTag: tag, text: item.content)
          }
          pieces.append(item.piece)
        }
        return
      case .text: break
      case .start(let name, let attributes, let selfClosing, let range):
        guard WordReader.namespaces.contains(name.namespace) else {
          if !selfClosing { try reader.skipElement() }
          continue
        }
        switch name.local {
        case "rPr":
          if !selfClosing { try reader.skipElement() }
          properties = range.lowerBound..<reader.position
        case "t":
          guard !selfClosing else { continue }
          var content = reader.position..<reader.position
          var raw = ""
          var single = true
          var chunks = 0
          while let inner = try reader.next() {
            if case .text(let textRange, let isCDATA) = inner {
              chunks += 1
              if chunks == 1 { content = textRange } else { single = false }
              if isCDATA { single = false }
              raw += isCDATA
                ? String(decoding: reader.bytes[textRange], as: UTF8.self)
                : try XMLReader.decode(reader.bytes[textRange], part: "word/document.xml")
            } else if case .end = inner, reader.depth < base + 1 {
              break
            } else if case .start(_, _, let innerClosing, _) = inner, !innerClosing {
              try reader.skipElement()
            }
          }
          guard !inInstruction else { continue }
          runPieces.append((TextPiece(text: raw), single ? range : nil, content))
        case "tab", "ptab":
          if !inInstruction { runPieces.append((TextPiece(text: "\t"), nil, 0..<0)) }
          if !selfClosing { try reader.skipElement() }
        case "br", "cr":
          let type = attributes.first { $0.name.local == "type" }?.value
          if !inInstruction, type == nil || type == "textWrapping" { runPieces.append((TextPiece(text: "\n"), nil, 0..<0)) }
          if !selfClosing { try reader.skipElement() }
        case "noBreakHyphen":
          if !inInstruction { runPieces.append((TextPiece(text: "-"), nil, 0..<0)) }
        case "fldChar":
          fieldCharacter(attributes)
          if !selfClosing { try reader.skipElement() }
        default:
          if !selfClosing { try reader.skipElement() }
        }
      }
    }
    throw .badXML(part: "word/document.xml", reason: "the part ends inside a run")
  }
}
