/// One physical line of a form node, as byte offsets relative to the node's start.
///
/// `start ≤ contentStart ≤ contentEnd ≤ end`: `start..<contentStart` is the TAB of a cell line (or a BOM on
/// the first line of the file), `contentStart..<contentEnd` the text, `contentEnd..<end` the line break.
public struct SyntaxLine: Sendable, Equatable {
  // UInt32 keeps a 100 MB document's line table small; offsets are relative to their form, which is far
  // below 4 GiB.
  let rawStart: UInt32
  let rawContentStart: UInt32
  let rawContentEnd: UInt32
  let rawEnd: UInt32
  /// How the line was classified.
  public let kind: LineKind
  /// Whether the line is an annex line or a title line, which start forms.
  public let isFormBoundary: Bool
  /// Whether the line belongs to a fenced code block of a Markdown document (fences included): text shown, not
  /// read, so never a row or a heading.
  let isCode: Bool

  init(
    start: Int, contentStart: Int, contentEnd: Int, end: Int, kind: LineKind, isFormBoundary: Bool, isCode: Bool = false
  ) {
    rawStart = UInt32(start)
    rawContentStart = UInt32(contentStart)
    rawContentEnd = UInt32(contentEnd)
    rawEnd = UInt32(end)
    self.kind = kind
    self.isFormBoundary = isFormBoundary
    self.isCode = isCode
  }

  /// Offset of the first byte of the line.
  public var start: Int { Int(rawStart) }
  /// Offset of the first text byte (after a cell's TAB).
  public var contentStart: Int { Int(rawContentStart) }
  /// Offset just past the text (where the line break starts).
  public var contentEnd: Int { Int(rawContentEnd) }
  /// Offset just past the line break.
  public var end: Int { Int(rawEnd) }
}

/// A table cell in any layout: the byte range of its content and of its raw text, and the lines it touches.
///
/// In the notation a cell is a TAB-led line and the continuation lines after it; its raw range runs from the
/// TAB to the end of its last line's text. In TSV the raw range holds the quotes of a quoted cell; in Markdown
/// the padding between the pipes. The content is what the cell says, still in the layout's syntax
/// (`""`, `\|`, `<br>`): `FormNode.content(ofCell:)` decodes it.
public struct SyntaxCell: Sendable, Equatable {
  // UInt32 fields, like SyntaxLine's: a node's cells are built on every parse and every keystroke's reparse.
  let rawFirstLine: UInt32
  let rawLineCount: UInt32
  let rawContentStart: UInt32
  let rawContentEnd: UInt32
  let rawRawStart: UInt32
  let rawRawEnd: UInt32
  /// Whether the content holds escapes of its layout (`""`, `\|`, `<br>`), so its text differs from its bytes.
  public let isEscaped: Bool

  init(firstLine: Int, lineCount: Int, content: Range<Int>, raw: Range<Int>, isEscaped: Bool = false) {
    rawFirstLine = UInt32(firstLine)
    rawLineCount = UInt32(lineCount)
    rawContentStart = UInt32(content.lowerBound)
    rawContentEnd = UInt32(content.upperBound)
    rawRawStart = UInt32(raw.lowerBound)
    rawRawEnd = UInt32(raw.upperBound)
    self.isEscaped = isEscaped
  }

  /// Index of the first line the cell touches in its form's `lines`.
  public var firstLine: Int { Int(rawFirstLine) }
  /// Number of lines the cell touches.
  public var lineCount: Int { Int(rawLineCount) }
  /// Lines of this cell as indices.
  public var lineIndices: Range<Int> { firstLine..<(firstLine + lineCount) }
  /// Byte range of the content (relative to the node).
  public var content: Range<Int> { Int(rawContentStart)..<Int(rawContentEnd) }
  /// Byte range of the cell with its layout syntax (TAB, quotes, padding), separators between cells excluded.
  public var raw: Range<Int> { Int(rawRawStart)..<Int(rawRawEnd) }
}

/// A table row: cells, then (in the notation) the blank line that ends the row (absent at the end of a form or
/// file, and in the row layouts, where a row is one line, or more when a quoted TSV cell spans lines).
public struct SyntaxRow: Sendable, Equatable {
  /// Indices into the form's `cells`.
  public let cells: Range<Int>
  /// Index of the blank line that ends the row, if any.
  public let terminator: Int?
  /// Lines covered by the row, terminator included.
  public let lines: Range<Int>
}

/// A table: consecutive rows, with any extra blank lines between them (and a Markdown table's delimiter row).
public struct SyntaxTable: Sendable, Equatable {
  /// Indices into the form's `rows`.
  public let rows: Range<Int>
  /// Lines covered by the table.
  public let lines: Range<Int>
}

/// A top-level element of a form node, in source order.
public enum SyntaxBlock: Sendable, Equatable {
  /// A free line (index into `lines`).
  case freeLine(Int)
  /// A blank line outside a row (index into `lines`).
  case blankLine(Int)
  /// A table (index into `tables`).
  case table(Int)
}
