/// Fix text in the node's own layout: the writers that FormLint's fixes go through, so that a fixed file stays
/// valid notation, valid TSV, valid Markdown.
extension FormNode {
  /// The text of a new row of cells (cell texts as they should read), in the node's layout, with its line ends.
  ///
  /// Notation: a TAB line per cell and the empty line that ends the row. TSV: the cells joined by TAB, a cell
  /// that holds a TAB, a line break or a quote quoted. Markdown: a pipe row, `|` written `\|` and line breaks
  /// `<br>`.
  public func rowText(_ cells: [String], lineBreak: String) -> String {
    switch layout {
    case .notation:
      return cells.map { "\t\($0)\(lineBreak)" }.joined() + lineBreak
    case .tsv:
      return cells.map { FormNode.tsvCell($0) }.joined(separator: "\t") + lineBreak
    case .markdown:
      return "| " + cells.map { FormNode.markdownCell($0) }.joined(separator: " | ") + " |" + lineBreak
    }
  }

  /// The offset just after a row: where a new row can start. Nil when no row can be inserted there (a
  /// notation row not ended by an empty line, or a row on the file's last line without a line break).
  public func offset(afterRow index: Int) -> Int? {
    let row = rows[index]
    let last = lines[row.lines.upperBound - 1]
    switch layout {
    case .notation:
      guard row.terminator != nil else { return nil }
      return last.end
    case .tsv, .markdown:
      guard last.end > last.contentEnd else { return nil }
      return last.end
    }
  }

  /// The offset where a new row can go before a row. Nil where a row cannot go (before a Markdown table's first
  /// row, its header: the new row would take its place).
  public func offset(beforeRow index: Int) -> Int? {
    if layout == .markdown, tables.contains(where: { $0.rows.lowerBound == index }) { return nil }
    return lines[rows[index].lines.lowerBound].start
  }

  /// A replacement of `range` by cell text `newText`, written in the layout's syntax.
  ///
  /// Where `range` lies in one cell's content the new text is escaped (TSV: the cell is quoted if it now needs
  /// quotes; Markdown: `|` as `\|`, line breaks as `<br>`); elsewhere (free lines, whole rows) it is kept.
  public func writing(_ range: Range<Int>, _ newText: String) -> (range: Range<Int>, newText: String) {
    guard layout != .notation, let cellIndex = cellIndex(containing: range.lowerBound) else { return (range, newText) }
    let cell = cells[cellIndex]
    guard cell.content.lowerBound <= range.lowerBound, range.upperBound <= cell.content.upperBound else {
      return (range, newText)
    }
    switch layout {
    case .markdown:
      return (range, FormNode.markdownCell(newText))
    case .tsv:
      let quotedAlready = cell.raw != cell.content
      if quotedAlready { return (range, newText.replacingAll("\"", with: "\"\"")) }
      let content = text(cell.content.lowerBound..<range.lowerBound) + newText + text(range.upperBound..<cell.content.upperBound)
      guard TSVScanner.needsQuoting(content) || content.hasPrefix("\"") else { return (range, newText) }
      return (cell.content, TSVScanner.quoted(content))
    case .notation:
      return (range, newText)
    }
  }

  static func tsvCell(_ text: String) -> String {
    TSVScanner.needsQuoting(text) ? TSVScanner.quoted(text) : text
  }

  static func markdownCell(_ text: String) -> String {
    var result = ""
    var afterCR = false
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "|": result += "\\|"
      case "\\":
        // Read back as itself only when nothing escapable follows: not ASCII punctuation, nor a line break
        // (written `<br>`), nor the end (which may meet a `|`).
        let next = index + 1 < scalars.count ? scalars[index + 1] : "|"
        let escapes = next == "\n" || next == "\r" || (next.isASCII && MarkdownScanner.isEscapable(UInt8(next.value)))
        result += escapes ? "\\\\" : "\\"
      case "<" where isLineBreakTag(scalars[(index + 1)...]):
        result += "\\<"  // the text `<br>`, not a line break
      case "\r": result += "<br>"
      case "\n": if !afterCR { result += "<br>" }
      default: result.unicodeScalars.append(scalar)
      }
      afterCR = scalar == "\r"
    }
    return result
  }
}

/// Whether the scalars after a `<` complete a tag the Markdown reader takes for a line break (`br>`, `BR/>`, `br />`).
private func isLineBreakTag(_ rest: ArraySlice<Unicode.Scalar>) -> Bool {
  var index = rest.startIndex
  guard index + 1 < rest.endIndex, rest[index] == "b" || rest[index] == "B", rest[index + 1] == "r" || rest[index + 1] == "R"
  else { return false }
  index += 2
  while index < rest.endIndex && rest[index] == " " { index += 1 }
  if index < rest.endIndex && rest[index] == "/" { index += 1 }
  return index < rest.endIndex && rest[index] == ">"
}

extension Layout {
  /// A cell's text as this layout writes it inside a row: the one writer that fixes, `convert` and the Office export
  /// use. The notation as is; TSV quoted when it holds a TAB, a line break or a quote (`""` for a quote); Markdown
  /// with `\|` for `|`, `<br>` for a line break and `\\` for a backslash that would otherwise escape what follows.
  public func writtenCell(_ text: String) -> String {
    switch self {
    case .notation: return text
    case .tsv: return FormNode.tsvCell(text)
    case .markdown: return FormNode.markdownCell(text)
    }
  }
}
