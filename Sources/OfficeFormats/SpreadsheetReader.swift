/// Reads a workbook (SpreadsheetML) into an `OfficeDocument`: per sheet, in workbook order, rows of cells as
/// a reader sees them — shared and inline strings, numbers and dates formatted by their number format (not
/// serials), formula results, merged ranges.
///
/// Merged ranges read like Word's: a horizontal merge is one cell, the rows below the first of a vertical
/// merge hold one empty cell. A row with a single non-empty cell in its first column, not vertically merged,
/// reads as a free line (titles, the unit line, the signature line); other rows are table rows. Empty rows
/// are left out.
public enum SpreadsheetReader {
  static let relationshipNamespaces: Set<String> = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships",
  ]

  public static func read(_ archive: ZipArchive) throws(OfficeError) -> OfficeDocument {
    guard let workbook = try archive.read("xl/workbook.xml") else { throw .notOffice(reason: "no xl/workbook.xml") }
    let relationships = try readRelationships(try archive.read("xl/_rels/workbook.xml.rels") ?? [], part: "xl/_rels/workbook.xml.rels")
    var sheets: [(name: String, target: String)] = []
    var date1904 = false
    var reader = XMLReader(bytes: workbook, part: "xl/workbook.xml")
    while let event = try reader.next() {
      guard case .start(let name, let attributes, _, _) = event else { continue }
      if name.local == "workbookPr" {
        let value = attributes.first { $0.name.local == "date1904" }?.value
        date1904 = value == "1" || value == "true"
      }
      if name.local == "sheet" {
        let sheetName = attributes.first { $0.name.local == "name" && $0.name.namespace.isEmpty }?.value ?? "Sheet\(sheets.count + 1)"
        guard let id = attributes.first(where: { $0.name.local == "id" && relationshipNamespaces.contains($0.name.namespace) })?.value,
          let target = relationships[id]
        else { continue }
        sheets.append((sheetName, resolve(target, from: "xl/")))
      }
    }
    let strings = try readSharedStrings(try archive.read("xl/sharedStrings.xml"))
    let formats = try NumberFormats(styles: try archive.read("xl/styles.xml"), date1904: date1904)
    var blocks: [OfficeBlock] = []
    var tableNumber = 0
    for sheet in sheets {
      guard let bytes = try archive.read(sheet.target) else { continue }
      let grid = try readSheet(bytes, part: sheet.target, strings: strings, formats: formats)
      appendBlocks(of: grid, sheet: sheet.name, to: &blocks, tableNumber: &tableNumber)
    }
    return OfficeDocument(kind: .xlsx, blocks: blocks)
  }

  /// `rId` → target of a relationships part.
  static func readRelationships(_ bytes: [UInt8], part: String) throws(OfficeError) -> [String: String] {
    guard !bytes.isEmpty else { return [:] }
    var result: [String: String] = [:]
    var reader = XMLReader(bytes: bytes, part: part)
    while let event = try reader.next() {
      guard case .start(let name, let attributes, _, _) = event, name.local == "Relationship" else { continue }
      if let id = attributes.first(where: { $0.name.local == "Id" })?.value,
        let target = attributes.first(where: { $0.name.local == "Target" })?.value
      {
        result[id] = target
      }
    }
    return result
  }

  /// A relationship target as a zip entry name.
  static func resolve(_ target: String, from folder: String) -> String {
    if target.hasPrefix("/") { return String(target.dropFirst()) }
    var parts = folder.split(separator: "/").map(String.init)
    for component in target.split(separator: "/") {
      if component == ".." { if !parts.isEmpty { parts.removeLast() } } else if component != "." { parts.append(String(component)) }
    }
    return parts.joined(separator: "/")
  }

  /// The text of `<si>`/`<is>`: its `t` elements, phonetic runs (`rPh`) left out.
  private static func readStringItem(_ reader: inout XMLReader) throws(OfficeError) -> String {
    var text = ""
    let base = reader.depth
    var inText = false
    while reader.depth >= base, let event = try reader.next() {
      switch event {
      case .start(let name, _, let selfClosing, _):
        if name.local == "rPh" || name.local == "phoneticPr" || name.local == "rPr" {
          if !selfClosing { try reader.skipElement() }
        } else if name.local == "t" {
          inText = !selfClosing
        }
      case .end(let name, _):
        if name.local == "t" { inText = false }
      case .text(let range, let isCDATA):
        if inText {
          text += isCDATA ? String(decoding: reader.bytes[range], as: UTF8.self) : try XMLReader.decode(reader.bytes[range], part: reader.part)
        }
      }
    }
    return text
  }

  static func readSharedStrings(_ bytes: [UInt8]?) throws(OfficeError) -> [String] {
    guard let bytes else { return [] }
    var strings: [String] = []
    var reader = XMLReader(bytes: bytes, part: "xl/sharedStrings.xml")
    while let event = try reader.next() {
      if case .start(let name, _, let selfClosing, _) = event, name.local == "si" {
        strings.append(selfClosing ? "" : try readStringItem(&reader))
      }
    }
    return strings
  }

  struct Grid {
    var cells: [Int: [Int: String]] = [:]  // row → column → text (1-based)
    var merges: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
  }

  static func readSheet(_ bytes: [UInt8], part: String, strings: [String], formats: NumberFormats) throws(OfficeError) -> Grid {
    var grid = Grid()
    var reader = XMLReader(bytes: bytes, part: part)
    var rowNumber = 0
    while let event = try reader.next() {
      guard case .start(let name, let attributes, let selfClosing, _) = event else { continue }
      switch name.local {
      case "row":
        rowNumber = attributes.first { $0.name.local == "r" }.flatMap { Int($0.value) } ?? rowNumber + 1
        _ = selfClosing
      case "c":
        let reference = attributes.first { $0.name.local == "r" }?.value
        let position = reference.flatMap(parseReference)
        let row = position?.row ?? rowNumber
        let column = position?.column ?? ((grid.cells[row]?.keys.max() ?? 0) + 1)
        let type = attributes.first { $0.name.local == "t" }?.value ?? "n"
        let style = attributes.first { $0.name.local == "s" }.flatMap { Int($0.value) } ?? 0
        var value: String?
        var inline: String?
        if !selfClosing {
          let base = reader.depth
          while reader.depth >= base, let inner = try reader.next() {
            guard case .start(let child, _, let childClosing, _) = inner else { continue }
            if child.local == "v", !childClosing {
              var text = ""
              while let piece = try reader.next() {
                if case .text(let range, _) = piece { text += try XMLReader.decode(reader.bytes[range], part: part) } else { break }
              }
              value = text
            } else if child.local == "is", !childClosing {
              inline = try readStringItem(&reader)
            } else if !childClosing {
              try reader.skipElement()
            }
          }
        }
        let text: String
        switch type {
        case "s": text = value.flatMap { Int($0) }.flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
        case "inlineStr": text = inline ?? value ?? ""
        case "str", "e": text = value ?? ""
        case "b": text = value == "1" ? "TRUE" : value == nil ? "" : "FALSE"
        case "d": text = value ?? ""
        default: text = value.flatMap { raw in Double(raw).map { formats.display($0, style: style) } } ?? value ?? ""
        }
        if !text.isEmpty { grid.cells[row, default: [:]][column] = text }
      case "mergeCell":
        if let ref = attributes.first(where: { $0.name.local == "ref" })?.value {
          let corners = ref.split(separator: ":").compactMap { parseReference(String($0)) }
          if corners.count == 2 {
            grid.merges.append((
              min(corners[0].row, corners[1].row)...max(corners[0].row, corners[1].row),
              min(corners[0].column, corners[1].column)...max(corners[0].column, corners[1].column)
            ))
          }
        }
      default: break
      }
    }
    return grid
  }

  /// `B5` → (row 5, column 2).
  static func parseReference(_ text: String) -> (row: Int, column: Int)? {
    var column = 0
    var row = 0
    var sawDigit = false
    for scalar in text.unicodeScalars {
      if scalar == "$" { continue }
      if ("A"..."Z").contains(scalar), !sawDigit {
        column = column * 26 + Int(scalar.value - 64)
      } else if ("a"..."z").contains(scalar), !sawDigit {
        column = column * 26 + Int(scalar.value - 96)
      } else if ("0"..."9").contains(scalar) {
        sawDigit = true
        row = row * 10 + Int(scalar.value - 48)
      } else {
        return nil
      }
      if column > 20_000 || row > 2_000_000 { return nil }
    }
    return column > 0 && row > 0 ? (row, column) : nil
  }

  /// `2` → `B`.
  static func columnName(_ column: Int) -> String {
    var name = ""
    var value = column
    while value > 0 {
      let digit = (value - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + digit))) + name
      value = (value - 1) / 26
    }
    return name
  }

  static func appendBlocks(of grid: Grid, sheet: String, to blocks: inout [OfficeBlock], tableNumber: inout Int) {
    let rows = Set(grid.cells.keys).union(grid.merges.flatMap { [$0.rows.lowerBound] })
    guard let firstRow = rows.min(), let lastRow = rows.max() else { return }
    let usedColumns = grid.cells.values.flatMap(\.keys) + grid.merges.flatMap { [$0.columns.lowerBound, $0.columns.upperBound] }
    guard let firstColumn = usedColumns.min(), let lastColumn = usedColumns.max() else { return }
    // The merge covering each cell, by (row, column).
    var covering: [Int: [Int: Int]] = [:]
    for (index, merge) in grid.merges.enumerated() where merge.rows.count * merge.columns.count <= 1_000_000 {
      for row in merge.rows { for column in merge.columns { covering[row, default: [:]][column] = index } }
    }
    var table: OfficeTable?
    func closeTable() {
      if let finished = table, !finished.rows.isEmpty { blocks.append(.table(finished)) }
      table = nil
    }
    for row in firstRow...lastRow {
      let values = grid.cells[row] ?? [:]
      var cells: [OfficeCell] = []
      var verticallyMerged = false
      for column in firstColumn...lastColumn {
        let reference = columnName(column) + String(row)
        if let mergeIndex = covering[row]?[column] {
          let merge = grid.merges[mergeIndex]
          if merge.rows.count > 1 { verticallyMerged = true }
          if column != merge.columns.lowerBound { continue }  // part of the cell to its left
          if row != merge.rows.lowerBound {
            cells.append(OfficeCell(paragraphs: [], isContinuation: true, column: cells.count + 1, reference: reference))
            continue
          }
        }
        let text = values[column] ?? ""
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false).map {
          OfficeParagraph(pieces: [TextPiece(text: String($0))])
        }
        cells.append(OfficeCell(paragraphs: paragraphs, column: cells.count + 1, reference: reference))
      }
      let filled = cells.filter { !$0.text.isEmpty }
      if filled.isEmpty { continue }
      if filled.count == 1, cells.first?.text.isEmpty == false, !verticallyMerged {
        closeTable()
        var paragraph = OfficeParagraph(pieces: [TextPiece(text: cells[0].text)])
        paragraph.sheetLocation = SheetLocation(sheet: sheet, row: row, reference: cells[0].reference ?? "")
        blocks.append(.paragraph(paragraph, number: row))
        continue
      }
      if table == nil {
        tableNumber += 1
        table = OfficeTable(number: tableNumber, sheet: sheet, rows: [])
      }
      table!.rows.append(OfficeRow(cells: cells, number: row))
    }
    closeTable()
  }
}
