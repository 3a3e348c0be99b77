import Sequences

/// A line and column, both 0-based; the column's unit is chosen by the caller.
public struct LineColumn: Sendable, Equatable, Hashable, Comparable {
  /// 0-based line.
  public var line: Int
  /// 0-based column, in the unit asked for.
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: LineColumn, rhs: LineColumn) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }
}

/// Converts UTF-8 offsets of a text to and from (line, column) in UTF-8, UTF-16 or Unicode-scalar units.
///
/// Lines end at `\n`, `\r\n` or `\r`, so a CRLF file gives the same lines and columns as its LF version.
public struct LineIndex: Sendable {
  /// The text.
  public let bytes: [UInt8]
  /// Offset of the first byte of each line; a final line break opens an empty last line.
  public let lineStarts: [Int]

  /// Indexes `bytes`.
  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        let (_, end, _) = LineScanner.scanLine(buffer, from: index)
        if end < buffer.count || (end > index && LineIndex.endsWithBreak(buffer, end)) { starts.append(end) }
        index = end
      }
    }
    lineStarts = starts
  }

  /// Indexes a string's UTF-8.
  public init(_ text: String) { self.init(Array(text.utf8)) }

  private static func endsWithBreak(_ buffer: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
    end > 0 && (buffer[end - 1] == LineScanner.lineFeed || buffer[end - 1] == LineScanner.carriageReturn)
  }

  /// Number of lines.
  public var lineCount: Int { lineStarts.count }

  /// The offsets of a line's text, without its line break (nor the first line's BOM).
  public func contentRange(ofLine line: Int) -> Range<Int> {
    let start = lineStarts[min(max(line, 0), lineStarts.count - 1)]
    let end = bytes.withUnsafeBufferPointer { LineScanner.scanLine($0, from: start).contentEnd }
    // A BOM is not a character of the text, as in editors and in `SyntaxTree.position(of:in:)`.
    let hasBOM = start == 0 && end >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    return (hasBOM ? 3 : start)..<end
  }

  /// The line holding `offset` (clamped to the text).
  public func line(of offset: Int) -> Int {
    let target = min(max(offset, 0), bytes.count)
    return lineStarts.lastIndexNotAfter { $0 > target }
  }

  /// The position of `offset`, its column counted in `unit`.
  public func position(of offset: Int, in unit: ColumnUnit) -> LineColumn {
    let target = min(max(offset, 0), bytes.count)
    let line = line(of: target)
    let content = contentRange(ofLine: line)
    let column = bytes.withUnsafeBufferPointer {
      Columns.count($0, content.lowerBound..<max(content.lowerBound, min(target, content.upperBound)), in: unit)
    }
    return LineColumn(line: line, column: column)
  }

  /// The offset of a position; columns past the end of the line clamp to it, lines past the end to the end.
  public func offset(of position: LineColumn, in unit: ColumnUnit) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineStarts.count else { return bytes.count }
    let content = contentRange(ofLine: position.line)
    return bytes.withUnsafeBufferPointer { Columns.offset($0, content, advancing: position.column, in: unit) }
  }
}
