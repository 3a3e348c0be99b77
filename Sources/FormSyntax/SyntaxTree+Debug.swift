/// A token of the tree: a kind and an absolute byte range. Tokens partition the document.
public struct SyntaxToken: Sendable, Equatable {
  /// TAB, TEXT, LINE_BREAK or BOM.
  public let kind: SyntaxKind
  /// Absolute byte range.
  public let range: Range<Int>
}

extension SyntaxTree {
  /// Every token in order; their ranges partition `0..<byteCount`.
  public func forEachToken(_ body: (SyntaxToken) -> Void) {
    for (index, node) in nodes.enumerated() {
      let base = nodeStarts[index]
      if node.bomLength > 0 { body(SyntaxToken(kind: .bom, range: base..<(base + node.bomLength))) }
      node.forEachToken(base: base, body)
    }
  }

  /// The document printed from its tokens: equals the input, byte for byte.
  public func printedFromTokens() -> [UInt8] {
    var result: [UInt8] = []
    result.reserveCapacity(byteCount)
    forEachToken { token in
      let nodeIndex = nodeIndex(containing: token.range.lowerBound)
      let base = nodeStarts[nodeIndex]
      result.append(contentsOf: nodes[nodeIndex].bytes[(token.range.lowerBound - base)..<(token.range.upperBound - base)])
    }
    return result
  }

  /// The tree as text, rust-analyzer style: `KIND@start..end`, tokens with their text quoted.
  public func debugDescription() -> String {
    var output = ""
    output += "\(SyntaxKind.document.rawValue)@0..\(byteCount)\n"
    for (index, node) in nodes.enumerated() { node.describe(base: nodeStarts[index], into: &output) }
    return output
  }
}

extension FormNode {
  /// The node's tokens in order (the BOM excepted).
  func forEachToken(base: Int, _ body: (SyntaxToken) -> Void) {
    var cursor = 0
    for index in lines.indices { forEachToken(ofLine: index, cellCursor: &cursor, base: base, body) }
  }

  /// A line's tokens; `cellCursor` walks the cells along the lines (row layouts only).
  func forEachToken(ofLine index: Int, cellCursor: inout Int, base: Int, _ body: (SyntaxToken) -> Void) {
    let line = lines[index]
    switch line.kind {
    case .row:
      while cellCursor < cells.count && cells[cellCursor].raw.upperBound < line.start { cellCursor += 1 }
      var position = line.start
      var cell = cellCursor
      while cell < cells.count && cells[cell].raw.lowerBound <= line.contentEnd {
        let content = cells[cell].content
        let lower = max(content.lowerBound, line.start)
        let upper = min(content.upperBound, line.contentEnd)
        if lower < upper {
          if position < lower { body(SyntaxToken(kind: .separator, range: (base + position)..<(base + lower))) }
          body(SyntaxToken(kind: .text, range: (base + lower)..<(base + upper)))
          position = upper
        }
        if cells[cell].raw.upperBound > line.contentEnd { break }
        cell += 1
      }
      if position < line.contentEnd {
        body(SyntaxToken(kind: .separator, range: (base + position)..<(base + line.contentEnd)))
      }
      if line.end > line.contentEnd {
        body(SyntaxToken(kind: .lineBreak, range: (base + line.contentEnd)..<(base + line.end)))
      }
    case .delimiter:
      if line.contentEnd > line.start { body(SyntaxToken(kind: .markup, range: (base + line.start)..<(base + line.contentEnd))) }
      if line.end > line.contentEnd {
        body(SyntaxToken(kind: .lineBreak, range: (base + line.contentEnd)..<(base + line.end)))
      }
    default:
      forEachToken(of: line, base: base, body)
    }
  }

  func forEachToken(of line: SyntaxLine, base: Int, _ body: (SyntaxToken) -> Void) {
    if line.contentStart > line.start {
      body(SyntaxToken(kind: line.kind == .cellStart ? .tab : .markup, range: (base + line.start)..<(base + line.contentStart)))
    }
    if line.contentEnd > line.contentStart {
      body(SyntaxToken(kind: .text, range: (base + line.contentStart)..<(base + line.contentEnd)))
    }
    if line.end > line.contentEnd {
      body(SyntaxToken(kind: .lineBreak, range: (base + line.contentEnd)..<(base + line.end)))
    }
  }

  func describe(base: Int, into output: inout String) {
    let kind: SyntaxKind = isForm ? .form : .preamble
    output += "  \(kind.rawValue)@\(base)..\(base + length)\n"
    if bomLength > 0 { output += "    BOM@\(base)..\(base + bomLength)\n" }
    if layout != .notation {
      describeRowLayout(base: base, into: &output)
      return
    }
    for block in blocks {
      switch block {
      case .freeLine(let line): describeLine(line, kind: .freeLine, depth: 2, base: base, into: &output)
      case .blankLine(let line): describeLine(line, kind: .blankLine, depth: 2, base: base, into: &output)
      case .table(let index):
        let table = tables[index]
        output += "    TABLE@\(base + lines[table.lines.lowerBound].start)..\(base + lines[table.lines.upperBound - 1].end)\n"
        var nextLine = table.lines.lowerBound
        for row in rows[table.rows] {
          while nextLine < row.lines.lowerBound {
            describeLine(nextLine, kind: .blankLine, depth: 3, base: base, into: &output)
            nextLine += 1
          }
          output += "      ROW@\(base + lines[row.lines.lowerBound].start)..\(base + lines[row.lines.upperBound - 1].end)\n"
          for cell in cells[row.cells] {
            let end = lines[cell.firstLine + cell.lineCount - 1].end
            output += "        CELL@\(base + lines[cell.firstLine].start)..\(base + end)\n"
            for line in cell.lineIndices { describeTokens(line, depth: 5, base: base, into: &output) }
          }
          if let terminator = row.terminator { describeLine(terminator, kind: .blankLine, depth: 4, base: base, into: &output) }
          nextLine = row.lines.upperBound
        }
      }
    }
  }

  /// TSV and Markdown: a row is a line (or a few, for a quoted TSV cell); cells are listed with their content
  /// range and decoded text, then the row's tokens.
  private func describeRowLayout(base: Int, into output: inout String) {
    output += "    LAYOUT \(layout.rawValue)\n"
    var cursor = 0
    func tokens(_ index: Int, depth: Int) {
      forEachToken(ofLine: index, cellCursor: &cursor, base: base) { token in
        let text = self.text((token.range.lowerBound - base)..<(token.range.upperBound - base))
        output += String(repeating: "  ", count: depth) + "\(token.kind.rawValue)@\(token.range.lowerBound)..\(token.range.upperBound) "
        output += quoted(text) + "\n"
      }
    }
    func plain(_ index: Int, kind: SyntaxKind, depth: Int) {
      let line = lines[index]
      output += String(repeating: "  ", count: depth) + "\(kind.rawValue)@\(base + line.start)..\(base + line.end)\n"
      tokens(index, depth: depth + 1)
    }
    for block in blocks {
      switch block {
      case .freeLine(let line): plain(line, kind: .freeLine, depth: 2)
      case .blankLine(let line): plain(line, kind: .blankLine, depth: 2)
      case .table(let index):
        let table = tables[index]
        output += "    TABLE@\(base + lines[table.lines.lowerBound].start)..\(base + lines[table.lines.upperBound - 1].end)\n"
        var rowIndex = table.rows.lowerBound
        var line = table.lines.lowerBound
        while line < table.lines.upperBound {
          if rowIndex < table.rows.upperBound && rows[rowIndex].lines.lowerBound == line {
            let row = rows[rowIndex]
            output += "      ROW@\(base + lines[row.lines.lowerBound].start)..\(base + lines[row.lines.upperBound - 1].end)\n"
            for cell in cells[row.cells] {
              output += "        CELL@\(base + cell.raw.lowerBound)..\(base + cell.raw.upperBound) content@"
              output += "\(base + cell.content.lowerBound)..\(base + cell.content.upperBound) \(quoted(text(ofCell: cell)))\n"
            }
            for covered in row.lines { tokens(covered, depth: 4) }
            line = row.lines.upperBound
            rowIndex += 1
          } else {
            plain(line, kind: lines[line].kind == .delimiter ? .delimiterRow : .blankLine, depth: 3)
            line += 1
          }
        }
      }
    }
  }

  private func describeLine(_ index: Int, kind: SyntaxKind, depth: Int, base: Int, into output: inout String) {
    let line = lines[index]
    output += String(repeating: "  ", count: depth) + "\(kind.rawValue)@\(base + line.start)..\(base + line.end)\n"
    describeTokens(index, depth: depth + 1, base: base, into: &output)
  }

  private func describeTokens(_ index: Int, depth: Int, base: Int, into output: inout String) {
    forEachToken(of: lines[index], base: base) { token in
      let text = self.text((token.range.lowerBound - base)..<(token.range.upperBound - base))
      output += String(repeating: "  ", count: depth) + "\(token.kind.rawValue)@\(token.range.lowerBound)..\(token.range.upperBound) "
      output += quoted(text) + "\n"
    }
  }

  private func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\t": result += "\\t"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
