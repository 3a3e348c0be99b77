/// One form (or the preamble before the first form): its own bytes, its lines and its tables.
///
/// Immutable and self-contained (offsets are relative to the node), so an edit elsewhere in the document
/// reuses the node as is, by identity.
public final class FormNode: Sendable {
  /// The node's text, byte for byte.
  public let bytes: [UInt8]
  /// 3 when the node starts the file with a UTF-8 byte order mark, else 0.
  public let bomLength: Int
  /// Whether the node is a form (it starts at an annex or title line) rather than a preamble.
  public let isForm: Bool
  /// Every physical line, in order; together with the BOM they cover `bytes` exactly.
  public let lines: [SyntaxLine]
  /// Every cell, in order.
  public let cells: [SyntaxCell]
  /// Every row, in order.
  public let rows: [SyntaxRow]
  /// Every table, in order.
  public let tables: [SyntaxTable]
  /// The top-level structure in source order.
  public let blocks: [SyntaxBlock]

  init(bytes: [UInt8], bomLength: Int, isForm: Bool, lines: [SyntaxLine]) {
    self.bytes = bytes
    self.bomLength = bomLength
    self.isForm = isForm
    self.lines = lines
    var builder = StructureBuilder()
    for index in lines.indices { builder.add(line: index, kind: lines[index].kind) }
    builder.finish()
    cells = builder.cells
    rows = builder.rows
    tables = builder.tables
    blocks = builder.blocks
  }

  /// Number of bytes.
  public var length: Int { bytes.count }

  /// The raw text of `range` (relative offsets), decoded leniently.
  public func text(_ range: Range<Int>) -> String {
    bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }

  /// Byte range of a cell's text: from after its TAB to the end of its last line's text.
  ///
  /// A multi-line cell's text keeps its inner line breaks as written, so offsets in the text map one to one
  /// to offsets in the file.
  public func contentRange(ofCell cell: SyntaxCell) -> Range<Int> {
    lines[cell.firstLine].contentStart..<lines[cell.firstLine + cell.lineCount - 1].contentEnd
  }

  /// A cell's text (see `contentRange(ofCell:)`).
  public func text(ofCell cell: SyntaxCell) -> String { text(contentRange(ofCell: cell)) }

  /// A line's text without TAB and line break.
  public func text(ofLine index: Int) -> String { text(lines[index].contentStart..<lines[index].contentEnd) }

  /// The cells of a row.
  public func cells(of row: SyntaxRow) -> ArraySlice<SyntaxCell> { cells[row.cells] }
}

/// Groups classified lines into cells, rows and tables.
private struct StructureBuilder {
  var cells: [SyntaxCell] = []
  var rows: [SyntaxRow] = []
  var tables: [SyntaxTable] = []
  var blocks: [SyntaxBlock] = []

  private var openCellStart: Int?
  private var openCellLines = 0
  private var rowCellStart: Int?
  private var rowFirstLine = 0
  private var tableRowStart: Int?
  private var tableFirstLine = 0
  private var tableLastLine = 0
  private var pendingBlanks: [Int] = []

  mutating func add(line index: Int, kind: LineKind) {
    switch kind {
    case .cellStart:
      closeCell()
      if tableRowStart == nil {
        flushBlanksAsBlocks()
        tableRowStart = rows.count
        tableFirstLine = index
      } else {
        // Blank lines between rows of one table stay inside the table.
        pendingBlanks.removeAll()
      }
      if rowCellStart == nil {
        rowCellStart = cells.count
        rowFirstLine = index
      }
      openCellStart = index
      openCellLines = 1
      tableLastLine = index
    case .continuation:
      openCellLines += 1
      tableLastLine = index
    case .blank:
      if rowCellStart != nil {
        closeRow(terminator: index)
        tableLastLine = index
      } else if tableRowStart != nil {
        pendingBlanks.append(index)
      } else {
        blocks.append(.blankLine(index))
      }
    case .free:
      closeTable()
      flushBlanksAsBlocks()
      blocks.append(.freeLine(index))
    }
  }

  mutating func finish() {
    closeTable()
    flushBlanksAsBlocks()
  }

  private mutating func closeCell() {
    guard let start = openCellStart else { return }
    cells.append(SyntaxCell(firstLine: start, lineCount: openCellLines))
    openCellStart = nil
    openCellLines = 0
  }

  private mutating func closeRow(terminator: Int?) {
    closeCell()
    guard let start = rowCellStart else { return }
    let lastLine = terminator ?? (cells.last.map { $0.firstLine + $0.lineCount - 1 } ?? rowFirstLine)
    rows.append(SyntaxRow(cells: start..<cells.count, terminator: terminator, lines: rowFirstLine..<(lastLine + 1)))
    rowCellStart = nil
  }

  private mutating func closeTable() {
    closeRow(terminator: nil)
    guard let start = tableRowStart else { return }
    let index = tables.count
    tables.append(SyntaxTable(rows: start..<rows.count, lines: tableFirstLine..<(tableLastLine + 1)))
    blocks.append(.table(index))
    tableRowStart = nil
  }

  private mutating func flushBlanksAsBlocks() {
    for line in pendingBlanks { blocks.append(.blankLine(line)) }
    pendingBlanks.removeAll()
  }
}
