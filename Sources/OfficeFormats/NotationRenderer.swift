import Sequences

/// Where something is in an office file, the way a user finds it: table, row and column in a Word document
/// (表2 第5行 第3列), sheet and cell in a workbook (工作表“5-1” B5), or a paragraph outside tables.
public struct OfficePlace: Sendable, Equatable, Hashable {
  /// 表N (1-based), for a Word table.
  public var table: Int?
  /// The sheet's name, in a workbook.
  public var sheet: String?
  /// 1-based row (of the table, or the sheet's row number).
  public var row: Int?
  /// 1-based column, as a reader counts the row's cells.
  public var column: Int?
  /// The cell reference in a sheet (`B5`).
  public var reference: String?
  /// 1-based top-level paragraph, for text outside tables in a Word document.
  public var paragraph: Int?

  public init(table: Int? = nil, sheet: String? = nil, row: Int? = nil, column: Int? = nil, reference: String? = nil, paragraph: Int? = nil) {
    self.table = table
    self.sheet = sheet
    self.row = row
    self.column = column
    self.reference = reference
    self.paragraph = paragraph
  }

  /// `表2 第5行 第3列` / `table 2, row 5, column 3`.
  public func describe(chinese: Bool) -> String {
    if let sheet {
      let cell = reference ?? row.map { chinese ? "第\($0)行" : "row \($0)" } ?? ""
      return chinese ? "工作表“\(sheet)” \(cell)" : "sheet \(sheet), cell \(cell)"
    }
    if let table, let row, let column {
      return chinese ? "表\(table) 第\(row)行 第\(column)列" : "table \(table), row \(row), column \(column)"
    }
    if let paragraph { return chinese ? "第\(paragraph)段" : "paragraph \(paragraph)" }
    return ""
  }

  /// A stable name for machine output (SARIF logical locations): `表2/第5行/第3列`, `5-1!B5`, `段3`.
  public var fullyQualifiedName: String {
    if let sheet { return "\(sheet)!\(reference ?? row.map(String.init) ?? "")" }
    if let table, let row, let column { return "表\(table)/第\(row)行/第\(column)列" }
    if let paragraph { return "段\(paragraph)" }
    return ""
  }
}

/// Indices of a paragraph in an `OfficeDocument`.
public struct ParagraphPath: Sendable, Equatable, Hashable {
  public var block: Int
  /// Row and cell index inside a table block; nil for a top-level paragraph.
  public var row: Int?
  public var cell: Int?
  public var paragraph: Int
}

/// A cell or free paragraph of the rendered text.
public struct RenderedSpan: Sendable {
  /// The text's bytes in the rendered notation (after the cell's TAB, without the final line end).
  public let range: Range<Int>
  public let place: OfficePlace
  /// The cell's (or paragraph's) text, to quote.
  public let quote: String
  /// Its block, and row and cell inside a table.
  public let block: Int
  public let row: Int?
  public let cell: Int?
}

/// A stretch of rendered bytes that comes from one text piece.
public struct RenderedFragment: Sendable {
  public let range: Range<Int>
  public let path: ParagraphPath
  public let piece: Int
  /// Byte offset in the piece's UTF-8 text where the stretch starts.
  public let pieceOffset: Int
}

/// The plain-text notation of an office document (what Word's text export gives: a cell is a TAB-led line,
/// a row ends with an empty line), with a map from every byte range back to the document.
public struct RenderedNotation: Sendable {
  public let document: OfficeDocument
  public let text: [UInt8]
  /// Cells and free paragraphs in text order.
  public let spans: [RenderedSpan]
  /// Text pieces in text order.
  public let fragments: [RenderedFragment]

  /// The span holding `offset`, else the nearest one before it (a row's end, a cell's TAB belong to the cell
  /// before / after), else the first.
  public func span(at offset: Int) -> RenderedSpan? { spanIndex(at: offset).map { spans[$0] } }

  /// The index of the span holding `offset`, else the nearest one before it (a cell's TAB belongs to that
  /// cell, a row's end to the cell before), else the first.
  public func spanIndex(at offset: Int) -> Int? {
    guard !spans.isEmpty else { return nil }
    let low = spans.partitionPoint { $0.range.lowerBound > offset }
    if low == 0 { return 0 }
    if offset >= spans[low - 1].range.upperBound, low < spans.count, spans[low].range.lowerBound - 1 <= offset { return low }
    return low - 1
  }

  /// The fragments overlapping `range` (or touching it, for an empty range).
  public func fragments(in range: Range<Int>) -> [RenderedFragment] {
    var result: [RenderedFragment] = []
    var index = fragments.partitionPoint { $0.range.upperBound >= range.lowerBound }
    while index < fragments.count, fragments[index].range.lowerBound <= range.upperBound {
      let fragment = fragments[index]
      if fragment.range.overlaps(range) || (range.isEmpty && fragment.range.contains(range.lowerBound))
        || (range.isEmpty && fragment.range.upperBound == range.lowerBound)
      {
        result.append(fragment)
      }
      index += 1
    }
    return result
  }
}

/// Renders an `OfficeDocument` to the notation.
///
/// Inside a cell, paragraphs are lines; an empty line would end the row in the notation, so empty paragraphs
/// (and empty lines from breaks) after a cell's first line are left out, and a later line's leading TABs
/// are dropped (they would start a new cell). A free paragraph's leading TABs are dropped for the same
/// reason. A merged continuation cell is an empty cell.
public enum NotationRenderer {
  public static func render(_ document: OfficeDocument) -> RenderedNotation {
    var output = Output()
    for (blockIndex, block) in document.blocks.enumerated() {
      switch block {
      case .paragraph(let paragraph, let number):
        let path = ParagraphPath(block: blockIndex, row: nil, cell: nil, paragraph: 0)
        let lines = Line.split([(paragraph, path)])
        let start = output.text.count
        for (index, line) in lines.enumerated() {
          if index > 0 { output.text.append(0x0A) }
          output.append(line.droppingLeadingTabs())
        }
        let place: OfficePlace
        if let location = paragraph.sheetLocation {
          place = OfficePlace(sheet: location.sheet, row: location.row, reference: location.reference)
        } else {
          place = OfficePlace(paragraph: number)
        }
        output.spans.append(RenderedSpan(
          range: start..<output.text.count, place: place, quote: String(decoding: output.text[start...], as: UTF8.self),
          block: blockIndex, row: nil, cell: nil))
        output.text.append(0x0A)
      case .table(let table):
        for (rowIndex, row) in table.rows.enumerated() where !row.cells.isEmpty {
          for (cellIndex, cell) in row.cells.enumerated() {
            output.text.append(0x09)
            let start = output.text.count
            if !cell.isContinuation {
              let paragraphs = cell.paragraphs.enumerated().map {
                ($0.element, ParagraphPath(block: blockIndex, row: rowIndex, cell: cellIndex, paragraph: $0.offset))
              }
              var lines = Line.split(paragraphs)
              // Empty lines after the first would end the row: leave them out.
              lines = lines.enumerated().compactMap { index, line in
                guard index > 0 else { return line }
                let trimmed = line.droppingLeadingTabs()
                return trimmed.isEmpty ? nil : trimmed
              }
              for (index, line) in lines.enumerated() {
                if index > 0 { output.text.append(0x0A) }
                output.append(line)
              }
            }
            let place = OfficePlace(
              table: table.sheet == nil ? table.number : nil, sheet: table.sheet, row: row.number, column: cell.column,
              reference: cell.reference)
            output.spans.append(RenderedSpan(
              range: start..<output.text.count, place: place, quote: String(decoding: output.text[start...], as: UTF8.self),
              block: blockIndex, row: rowIndex, cell: cellIndex))
            output.text.append(0x0A)
          }
          output.text.append(0x0A)
        }
      }
    }
    return RenderedNotation(document: document, text: output.text, spans: output.spans, fragments: output.fragments)
  }

  private struct Output {
    var text: [UInt8] = []
    var spans: [RenderedSpan] = []
    var fragments: [RenderedFragment] = []

    mutating func append(_ line: Line) {
      for part in line.parts where !part.bytes.isEmpty {
        let start = text.count
        text.append(contentsOf: part.bytes)
        fragments.append(RenderedFragment(range: start..<text.count, path: part.path, piece: part.piece, pieceOffset: part.offset))
      }
    }
  }

  /// One line of rendered text, made of stretches of pieces.
  struct Line {
    struct Part {
      var bytes: ArraySlice<UInt8>
      let path: ParagraphPath
      let piece: Int
      var offset: Int
    }

    var parts: [Part] = []
    var isEmpty: Bool { parts.allSatisfy { $0.bytes.isEmpty } }

    /// Each paragraph starts a line; line breaks inside pieces start further lines.
    static func split(_ paragraphs: [(OfficeParagraph, ParagraphPath)]) -> [Line] {
      var lines: [Line] = []
      for (paragraph, path) in paragraphs {
        var line = Line()
        for (pieceIndex, piece) in paragraph.pieces.enumerated() {
          let bytes = Array(piece.text.utf8)
          var start = 0
          for index in bytes.indices where bytes[index] == 0x0A {
            line.parts.append(Part(bytes: bytes[start..<index], path: path, piece: pieceIndex, offset: start))
            lines.append(line)
            line = Line()
            start = index + 1
          }
          line.parts.append(Part(bytes: bytes[start...], path: path, piece: pieceIndex, offset: start))
        }
        lines.append(line)
      }
      return lines
    }

    func droppingLeadingTabs() -> Line {
      var copy = self
      for index in copy.parts.indices {
        while let first = copy.parts[index].bytes.first, first == 0x09 {
          copy.parts[index].bytes.removeFirst()
          copy.parts[index].offset += 1
        }
        if !copy.parts[index].bytes.isEmpty { break }
      }
      return copy
    }
  }
}
