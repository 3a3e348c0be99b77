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

  init(start: Int, contentStart: Int, contentEnd: Int, end: Int, kind: LineKind, isFormBoundary: Bool) {
    rawStart = UInt32(start)
    rawContentStart = UInt32(contentStart)
    rawContentEnd = UInt32(contentEnd)
    rawEnd = UInt32(end)
    self.kind = kind
    self.isFormBoundary = isFormBoundary
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

/// A table cell: a TAB-led line and the continuation lines after it.
public struct SyntaxCell: Sendable, Equatable {
  /// Index of the cell's first line in its form's `lines`.
  public let firstLine: Int
  /// Number of lines (1 + continuation lines).
  public let lineCount: Int
  /// Lines of this cell as indices.
  public var lineIndices: Range<Int> { firstLine..<(firstLine + lineCount) }
}

/// A table row: cells, then the blank line that ends the row (absent at the end of a form or file).
public struct SyntaxRow: Sendable, Equatable {
  /// Indices into the form's `cells`.
  public let cells: Range<Int>
  /// Index of the blank line that ends the row, if any.
  public let terminator: Int?
  /// Lines covered by the row, terminator included.
  public let lines: Range<Int>
}

/// A table: consecutive rows, with any extra blank lines between them.
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
