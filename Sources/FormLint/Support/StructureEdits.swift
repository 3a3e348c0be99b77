import FormModel
import FormSyntax

/// Text edits that add rows to a form, shared by the structure rules' skeleton fixes (JX101, JX102).
enum StructureEdits {
  /// The line break the form uses (`\r\n` when its first broken line has one), so inserted rows match.
  static func lineBreak(in node: FormNode) -> String {
    guard let line = node.lines.first(where: { $0.end > $0.contentEnd }) else { return "\n" }
    return node.text(line.contentEnd..<line.end)
  }

  /// The offset just after a row, its terminating blank line included: where a new row can start.
  ///
  /// Nil when the row ends the node without a blank line (a row inserted there would join it).
  static func offset(after rowIndex: Int, in node: FormNode) -> Int? { node.offset(afterRow: rowIndex) }

  /// The offset where a row starts, nil where no row can go before it (see `FormNode.offset(beforeRow:)`).
  static func offset(before rowIndex: Int, in node: FormNode) -> Int? { node.offset(beforeRow: rowIndex) }

  /// An edit inserting a row of cells at `offset`, written in the node's layout with its line ends.
  static func insertRow(_ cells: [String], at offset: Int, in node: FormNode) -> FixEdit {
    FixEdit(range: offset..<offset, layoutText: node.rowText(cells, lineBreak: lineBreak(in: node)))
  }

  /// Edit distance between two strings, by Character (labels are short CJK words).
  static func distance(_ lhs: String, _ rhs: String) -> Int {
    let left = Array(lhs)
    let right = Array(rhs)
    guard !left.isEmpty else { return right.count }
    guard !right.isEmpty else { return left.count }
    var previous = Array(0...right.count)
    for (i, leftCharacter) in left.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: right.count)
      for (j, rightCharacter) in right.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftCharacter == rightCharacter ? 0 : 1))
      }
      previous = current
    }
    return previous[right.count]
  }
}
