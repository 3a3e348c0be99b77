import Sequences

/// One form (or the preamble before the first form): its own bytes, its lines and its tables.
///
/// Immutable and self-contained (offsets are relative to the node), so an edit elsewhere in the document
/// reuses the node as is, by identity.
///
/// `rows`, `cells`, `tables` and `blocks` are the layout-neutral table view that FormModel, FormLint and
/// FormServer read: the node's layout (notation, TSV, Markdown) decides how they were read from the bytes and
/// how fixes are written back (`FormNode+Writing.swift`), and nothing above FormSyntax asks which it is.
public final class FormNode: Sendable {
  /// The node's text, byte for byte.
  public let bytes: [UInt8]
  /// 3 when the node starts the file with a UTF-8 byte order mark, else 0.
  public let bomLength: Int
  /// Whether the node is a form (it starts at an annex or title line) rather than a preamble.
  public let isForm: Bool
  /// The layout the node's tables are written in (detected or pinned when the node was parsed).
  public let layout: Layout
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

  init(bytes: [UInt8], bomLength: Int, isForm: Bool, layout: Layout = .notation, lines: [SyntaxLine]) {
    self.bytes = bytes
    self.bomLength = bomLength
    self.isForm = isForm
    self.layout = layout
    switch layout {
    case .notation:
      self.lines = lines
      var builder = StructureBuilder(lines: lines)
      for index in lines.indices { builder.add(line: index, kind: lines[index].kind) }
      builder.finish()
      cells = builder.cells
      rows = builder.rows
      tables = builder.tables
      blocks = builder.blocks
    case .tsv, .markdown:
      let structure = bytes.withUnsafeBufferPointer {
        layout == .tsv ? RowLayoutReader.tsv($0, lines: lines) : RowLayoutReader.markdown($0, lines: lines)
      }
      self.lines = structure.lines
      cells = structure.cells
      rows = structure.rows
      tables = structure.tables
      blocks = structure.blocks
    }
  }

  /// Number of bytes.
  public var length: Int { bytes.count }

  /// The raw text of `range` (relative offsets), decoded leniently.
  public func text(_ range: Range<Int>) -> String {
    bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
  }

  /// Byte range of a cell's content: in the notation from after its TAB to the end of its last line's text.
  ///
  /// A multi-line cell's text keeps its inner line breaks as written. Where the layout escapes (`""`, `\|`,
  /// `<br>`), offsets in the text differ from offsets in the file: use `content(ofCell:)` to map them.
  public func contentRange(ofCell cell: SyntaxCell) -> Range<Int> { cell.content }

  /// A cell's text, decoded from its layout's syntax (see `content(ofCell:)`).
  public func text(ofCell cell: SyntaxCell) -> String { content(ofCell: cell).text }

  /// A line's text without TAB (or heading marks) and line break.
  public func text(ofLine index: Int) -> String { text(lines[index].contentStart..<lines[index].contentEnd) }

  /// The cells of a row.
  public func cells(of row: SyntaxRow) -> ArraySlice<SyntaxCell> { cells[row.cells] }

  /// Index (in `cells`) of the cell whose raw range holds the relative `offset` (its end included), if any.
  public func cellIndex(containing offset: Int) -> Int? {
    let low = cells.partitionPoint { $0.raw.upperBound >= offset }
    guard low < cells.count, cells[low].raw.lowerBound <= offset, offset <= cells[low].raw.upperBound else { return nil }
    // Between two cells sharing a boundary (an empty TSV cell), the later one holds the offset only at its start.
    return low
  }

  /// Whether a line holds nothing before its line break.
  public func isEmpty(line index: Int) -> Bool { lines[index].contentEnd == lines[index].start }
}

/// Groups classified lines into cells, rows and tables.
struct StructureBuilder {
  let lines: [SyntaxLine]
  init(lines: [SyntaxLine]) { self.lines = lines }
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
    case .free, .row, .delimiter:
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
    let last = lines[start + openCellLines - 1]
    cells.append(
      SyntaxCell(
        firstLine: start, lineCount: openCellLines, content: lines[start].contentStart..<last.contentEnd,
        raw: lines[start].start..<last.contentEnd))
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
