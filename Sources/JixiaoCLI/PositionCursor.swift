import FormSyntax

/// `SyntaxTree.position(of:in: .scalar)` for offsets asked one after another, as a report asks them (a finding's
/// start, its end, its fix's range: mostly on one line, left to right). The line of the last offset is kept, so an
/// offset on it needs no search for its node and line, and one at or after the last one counts its column on from
/// there instead of from the line's start. Any offset may be asked, in any order: off the line kept, it is looked up
/// as `position(of:in:)` looks it up. `PositionCursorTests` compares the two on every offset of the fixtures.
struct PositionCursor {
  private let tree: SyntaxTree
  /// The bytes of the node holding the line kept (none kept when nil).
  private var bytes: [UInt8]?
  /// The line kept: its start in the node's bytes, the absolute offsets it answers (from its start to its end,
  /// break included), its content's length and its number.
  private var lineStart = 0
  private var answers = 0..<0
  private var contentLength = 0
  private var lineNumber = 0
  /// The last column counted on that line, and how many bytes from the line's start it was counted to.
  private var countedTo = 0
  private var column = 0

  init(_ tree: SyntaxTree) { self.tree = tree }

  /// The 0-based line and Unicode-scalar column of `offset`: `tree.position(of: offset, in: .scalar)`.
  mutating func position(of offset: Int) -> LineColumn {
    let target = min(max(offset, 0), tree.byteCount)
    guard answers.contains(target) || keepLine(of: target), let bytes else { return tree.position(of: target, in: .scalar) }
    let end = min(target - answers.lowerBound, contentLength)
    bytes.withUnsafeBufferPointer { bytes in
      // Counting on from the last column is counting from the line's start where that count stopped at the
      // content's end or before a scalar's first byte: then no sequence the count from the start reads runs across it.
      if end >= countedTo, countedTo == contentLength || bytes[lineStart + countedTo] & 0xC0 != 0x80 {
        column += Columns.count(bytes, (lineStart + countedTo)..<(lineStart + end), in: .scalar)
      } else {
        column = Columns.count(bytes, lineStart..<(lineStart + end), in: .scalar)
      }
    }
    countedTo = end
    return LineColumn(line: lineNumber, column: column)
  }

  /// Keeps the line holding `target` where `position(of:in:)` counts its column from that line's start (not in a
  /// node without lines, before the first line's start, nor at or past a line's end); false otherwise.
  private mutating func keepLine(of target: Int) -> Bool {
    bytes = nil
    answers = 0..<0
    guard !tree.nodes.isEmpty else { return false }
    let index = tree.nodeIndex(containing: target)
    let node = tree.nodes[index]
    let local = target - tree.nodeStarts[index]
    guard let lineIndex = node.lineIndex(containing: local) else { return false }
    let line = node.lines[lineIndex]
    guard line.start <= local, local < line.end else { return false }
    bytes = node.bytes
    lineStart = line.start
    answers = (tree.nodeStarts[index] + line.start)..<(tree.nodeStarts[index] + line.end)
    contentLength = max(0, line.contentEnd - line.start)
    lineNumber = tree.nodeFirstLines[index] + lineIndex
    countedTo = 0
    column = 0
    return true
  }
}
