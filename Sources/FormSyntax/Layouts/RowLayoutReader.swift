/// Reads the table view of a node in a row layout (TSV, Markdown), where a row is a line (or, for a quoted TSV
/// cell with line breaks, a few lines) and cells sit side by side.
///
/// The segmenter has already cut the node and classified its lines the notation's way; this reclassifies them
/// (`.row`, `.delimiter`, `.free`, `.blank`) and groups them into cells, rows, tables and blocks.
enum RowLayoutReader {
  struct Structure {
    var lines: [SyntaxLine]
    var cells: [SyntaxCell] = []
    var rows: [SyntaxRow] = []
    var tables: [SyntaxTable] = []
    var blocks: [SyntaxBlock] = []
  }

  /// Rows, blank lines and free lines in order, grouped into tables the way the notation groups them: blank
  /// lines between rows stay inside the table; a free line ends it.
  private struct Assembler {
    var structure: Structure
    private var tableRowStart: Int?
    private var tableFirstLine = 0
    private var tableLastLine = 0
    private var pendingBlanks: [Int] = []

    init(lines: [SyntaxLine]) { structure = Structure(lines: lines) }

    mutating func row(_ cells: [SyntaxCell], lines: Range<Int>) {
      if tableRowStart == nil {
        flushBlanks()
        tableRowStart = structure.rows.count
        tableFirstLine = lines.lowerBound
      } else {
        pendingBlanks.removeAll()
      }
      let first = structure.cells.count
      structure.cells += cells
      structure.rows.append(SyntaxRow(cells: first..<structure.cells.count, terminator: nil, lines: lines))
      tableLastLine = lines.upperBound - 1
    }

    /// A line that belongs to the table without being a row (a Markdown delimiter row).
    mutating func tableLine(_ index: Int) { tableLastLine = index }

    mutating func blank(_ index: Int) {
      if tableRowStart != nil { pendingBlanks.append(index) } else { structure.blocks.append(.blankLine(index)) }
    }

    mutating func free(_ index: Int) {
      closeTable()
      structure.blocks.append(.freeLine(index))
    }

    mutating func closeTable() {
      if let start = tableRowStart {
        structure.tables.append(SyntaxTable(rows: start..<structure.rows.count, lines: tableFirstLine..<(tableLastLine + 1)))
        structure.blocks.append(.table(structure.tables.count - 1))
        tableRowStart = nil
      }
      flushBlanks()
    }

    private mutating func flushBlanks() {
      for line in pendingBlanks { structure.blocks.append(.blankLine(line)) }
      pendingBlanks.removeAll()
    }

    mutating func finish() -> Structure {
      closeTable()
      return structure
    }
  }

  private static func reclassified(_ line: SyntaxLine, _ kind: LineKind, contentStart: Int? = nil) -> SyntaxLine {
    SyntaxLine(
      start: line.start, contentStart: contentStart ?? line.start, contentEnd: line.contentEnd, end: line.end, kind: kind,
      isFormBoundary: line.isFormBoundary, isCode: line.isCode)
  }

  /// The line holding offset `offset`, searching forward from `from`.
  private static func line(containing offset: Int, in lines: [SyntaxLine], from: Int) -> Int {
    var index = from
    while index + 1 < lines.count && lines[index].end <= offset { index += 1 }
    return index
  }

  // MARK: TSV

  static func tsv(_ bytes: UnsafeBufferPointer<UInt8>, lines input: [SyntaxLine]) -> Structure {
    var lines = input
    var assembler = Assembler(lines: [])
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.contentEnd == line.start {
        lines[index] = reclassified(line, .blank)
        assembler.blank(index)
        index += 1
        continue
      }
      if !line.isFormBoundary && !line.isCode {
        let (cells, contentEnd) = TSVScanner.row(bytes, start: line.start, end: bytes.count)
        if cells.count > 1 {
          let last = Self.line(containing: max(contentEnd - 1, line.start), in: lines, from: index)
          var syntaxCells: [SyntaxCell] = []
          syntaxCells.reserveCapacity(cells.count)
          var cellLine = index
          for cell in cells {
            cellLine = Self.line(containing: cell.raw.lowerBound, in: lines, from: cellLine)
            let lastLine = Self.line(containing: max(cell.raw.upperBound - 1, cell.raw.lowerBound), in: lines, from: cellLine)
            syntaxCells.append(
              SyntaxCell(
                firstLine: cellLine, lineCount: lastLine - cellLine + 1, content: cell.content, raw: cell.raw,
                isEscaped: cell.isEscaped))
          }
          for covered in index...last { lines[covered] = reclassified(lines[covered], .row) }
          assembler.row(syntaxCells, lines: index..<(last + 1))
          index = last + 1
          continue
        }
      }
      lines[index] = reclassified(line, .free, contentStart: line.isFormBoundary ? line.contentStart : nil)
      assembler.free(index)
      index += 1
    }
    var structure = assembler.finish()
    structure.lines = lines
    return structure
  }

  // MARK: Markdown

  static func markdown(_ bytes: UnsafeBufferPointer<UInt8>, lines input: [SyntaxLine]) -> Structure {
    var lines = input
    var assembler = Assembler(lines: [])
    var inTable = false
    func pipeCells(_ index: Int, inTable: Bool = false) -> [MarkdownScanner.Cell]? {
      let line = lines[index]
      guard !line.isFormBoundary, !line.isCode, let pipe = MarkdownScanner.pipeStart(bytes, line.start, line.contentEnd) else { return nil }
      return MarkdownScanner.cells(bytes, pipeStart: pipe, end: line.contentEnd, keepsEmptyRow: inTable)
    }
    func addRow(_ index: Int, _ cells: [MarkdownScanner.Cell]) {
      lines[index] = reclassified(lines[index], .row)
      assembler.row(
        cells.map {
          SyntaxCell(firstLine: index, lineCount: 1, content: $0.content, raw: $0.raw, isEscaped: $0.isEscaped)
        }, lines: index..<(index + 1))
    }
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.contentEnd == line.start {
        lines[index] = reclassified(line, .blank)
        if inTable { assembler.closeTable() }
        inTable = false
        assembler.blank(index)
        index += 1
        continue
      }
      if inTable, let cells = pipeCells(index, inTable: true) {
        addRow(index, cells)
        index += 1
        continue
      }
      if inTable {
        assembler.closeTable()
        inTable = false
      }
      // A pipe row directly followed by a delimiter row of as many cells opens a table.
      if let cells = pipeCells(index), index + 1 < lines.count {
        let next = lines[index + 1]
        if !next.isFormBoundary, !next.isCode, MarkdownScanner.isDelimiterRow(bytes, next.start, next.contentEnd),
          let delimiterPipe = MarkdownScanner.pipeStart(bytes, next.start, next.contentEnd),
          MarkdownScanner.cells(bytes, pipeStart: delimiterPipe, end: next.contentEnd).count == cells.count
        {
          addRow(index, cells)
          lines[index + 1] = reclassified(next, .delimiter)
          assembler.tableLine(index + 1)
          inTable = true
          index += 2
          continue
        }
      }
      let heading = line.isFormBoundary || line.isCode ? nil : MarkdownScanner.headingText(bytes, line.start, line.contentEnd)
      lines[index] = reclassified(
        line, .free, contentStart: line.isFormBoundary ? line.contentStart : heading?.lowerBound)
      assembler.free(index)
      index += 1
    }
    var structure = assembler.finish()
    structure.lines = lines
    return structure
  }
}
