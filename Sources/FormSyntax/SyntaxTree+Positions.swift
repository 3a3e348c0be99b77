import Sequences

extension SyntaxTree {
  /// The position of an absolute `offset`, its column counted in `unit`.
  ///
  /// Costs a binary search over forms and over the lines of one form: no document-wide index is needed,
  /// so an edit never rebuilds one.
  public func position(of offset: Int, in unit: ColumnUnit) -> LineColumn {
    let target = min(max(offset, 0), byteCount)
    guard !nodes.isEmpty else { return LineColumn(line: 0, column: 0) }
    let nodeIndex = nodeIndex(containing: target)
    let node = nodes[nodeIndex]
    let local = target - nodeStarts[nodeIndex]
    guard let lineIndex = node.lineIndex(containing: local) else {
      return LineColumn(line: nodeFirstLines[nodeIndex], column: 0)
    }
    let line = node.lines[lineIndex]
    if local >= line.end && line.contentEnd < line.end {
      // The end of a document whose last line ends with a break: the empty line after it.
      return LineColumn(line: nodeFirstLines[nodeIndex] + lineIndex + 1, column: 0)
    }
    let lineStart = line.start
    let column = node.bytes.withUnsafeBufferPointer {
      // An offset inside a leading BOM (before the first line's start) is column 0.
      Columns.count($0, lineStart..<max(lineStart, min(local, line.contentEnd)), in: unit)
    }
    return LineColumn(line: nodeFirstLines[nodeIndex] + lineIndex, column: column)
  }

  /// The absolute offset of a position; columns past the line's end clamp to it.
  public func offset(of position: LineColumn, in unit: ColumnUnit) -> Int {
    guard position.line >= 0, !nodes.isEmpty else { return 0 }
    let low = nodeFirstLines.lastIndexNotAfter { $0 > position.line }
    let node = nodes[low]
    let lineIndex = position.line - nodeFirstLines[low]
    guard lineIndex < node.lines.count else { return byteCount }
    let line = node.lines[lineIndex]
    let lineStart = line.start
    let local = node.bytes.withUnsafeBufferPointer {
      Columns.offset($0, lineStart..<line.contentEnd, advancing: position.column, in: unit)
    }
    return nodeStarts[low] + local
  }

  /// The absolute byte range of a line's text (without line break) and the node holding it.
  public func lineContent(_ line: Int) -> (node: Int, range: Range<Int>)? {
    guard line >= 0, !nodes.isEmpty else { return nil }
    let low = nodeFirstLines.lastIndexNotAfter { $0 > line }
    let lineIndex = line - nodeFirstLines[low]
    guard lineIndex < nodes[low].lines.count else { return nil }
    let syntaxLine = nodes[low].lines[lineIndex]
    let start = syntaxLine.start
    return (low, (nodeStarts[low] + start)..<(nodeStarts[low] + syntaxLine.contentEnd))
  }
}

extension FormNode {
  /// Index of the line holding the relative `offset` (the last line for the node's end).
  public func lineIndex(containing offset: Int) -> Int? {
    guard !lines.isEmpty else { return nil }
    return lines.lastIndexNotAfter { $0.start > offset }
  }
}
