/// The same forms written in another layout (`jixiao convert --to`): free lines as lines (annex and title lines as
/// Markdown headings), every row of every table in the target's syntax, every cell's text as it reads.
///
/// Lossless in every cell's content, with two exceptions the target cannot write: Markdown trims spaces and TABs
/// at a cell's edges; in the notation a line of a cell's text that starts with TAB, is empty or is an annex or
/// title line would start a cell, end the row or start a form.
extension SyntaxTree {
  public func converted(to target: Layout) -> String {
    var lineBreak = "\n"
    outer: for node in nodes {
      for line in node.lines where line.end > line.contentEnd {
        lineBreak = node.text(line.contentEnd..<line.end)
        break outer
      }
    }
    var output: [String] = []
    for node in nodes {
      for block in node.blocks {
        switch block {
        case .freeLine(let index):
          var text = node.text(ofLine: index)
          if target == .markdown && node.lines[index].isFormBoundary {
            text = (Headings.classify(text) == .annex ? "## " : "# ") + text
          }
          output.append(text)
        case .blankLine:
          output.append("")
        case .table(let index):
          let rows = node.rows[node.tables[index].rows].map { row in node.cells(of: row).map { node.text(ofCell: $0) } }
          // A pipe table is a block of its own: an empty line before it.
          if target == .markdown, let last = output.last, !last.isEmpty { output.append("") }
          output += SyntaxTree.tableLines(rows, in: target, lineBreak: lineBreak)
        }
      }
    }
    let endsWithBreak = nodes.last?.lines.last.map { $0.end > $0.contentEnd } ?? false
    return output.joined(separator: lineBreak) + (endsWithBreak ? lineBreak : "")
  }

  /// A table's rows as lines of the target layout (a Markdown table per run of rows of one width).
  static func tableLines(_ rows: [[String]], in target: Layout, lineBreak: String) -> [String] {
    var lines: [String] = []
    switch target {
    case .notation:
      for row in rows {
        for cell in row { lines.append("\t" + cell) }
        lines.append("")
      }
    case .tsv:
      for row in rows { lines.append(row.map(FormNode.tsvCell).joined(separator: "\t")) }
    case .markdown:
      var previousWidth: Int?
      for row in rows {
        if row.count != previousWidth {
          if previousWidth != nil { lines.append("") }
          lines.append("| " + row.map(FormNode.markdownCell).map(trimmedPadding).joined(separator: " | ") + " |")
          lines.append("|" + String(repeating: " --- |", count: row.count))
          previousWidth = row.count
        } else {
          lines.append("| " + row.map(FormNode.markdownCell).map(trimmedPadding).joined(separator: " | ") + " |")
        }
      }
      lines.append("")
    }
    // Line breaks inside cells (notation continuation lines, quoted TSV cells) in the document's style.
    return lines.map { $0.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n").replacingAll("\n", with: lineBreak) }
  }

  private static func trimmedPadding(_ text: String) -> String {
    var scalars = Substring(text).unicodeScalars[...]
    while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
