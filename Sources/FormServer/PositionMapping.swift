import FormSyntax
import LSP

/// Converts between the tree's UTF-8 offsets and LSP positions in the negotiated encoding.
///
/// Every conversion is a binary search over forms and lines (`SyntaxTree.position(of:in:)`), so nothing
/// document-wide is built per keystroke.
struct PositionMapping {
  let tree: SyntaxTree
  let unit: ColumnUnit

  /// Text from the client has no byte order mark: a leading U+FEFF is a character of line 0 (the tree keeps it as
  /// a BOM token, whose bytes its own columns skip), so columns on line 0 count it here.
  private var leadingFEFF: Int { tree.nodes.first?.bomLength ?? 0 }
  private var feffWidth: Int { unit == .utf8 ? 3 : 1 }

  /// The LSP position of an absolute byte offset.
  func position(_ offset: Int) -> Position {
    let position = tree.position(of: offset, in: unit)
    if leadingFEFF > 0 && position.line == 0 && offset >= leadingFEFF {
      return Position(line: 0, character: position.column + feffWidth)
    }
    return Position(line: position.line, character: position.column)
  }

  /// The byte offset of an LSP position; lines and columns past the end clamp to the end (clients do send them).
  func offset(_ position: Position) -> Int {
    var column = max(position.character, 0)
    if leadingFEFF > 0 && position.line == 0 {
      // Inside or before the U+FEFF: its start; after it, the tree's column (which does not count it).
      guard column >= feffWidth else { return 0 }
      column -= feffWidth
    }
    return tree.offset(of: LineColumn(line: max(position.line, 0), column: column), in: unit)
  }

  /// The LSP range of a byte range.
  func range(_ range: Range<Int>) -> LSPRange {
    LSPRange(start: position(range.lowerBound), end: position(range.upperBound))
  }

  /// The byte range of an LSP range; a reversed range is read as the empty range at its start.
  func byteRange(_ range: LSPRange) -> Range<Int> {
    let start = offset(range.start)
    return start..<max(start, offset(range.end))
  }
}

extension PositionEncodingKind {
  /// The syntax layer's unit for this encoding.
  var columnUnit: ColumnUnit {
    switch self {
    case .utf8: return .utf8
    case .utf32: return .scalar
    default: return .utf16
    }
  }

  /// The encoding to use given the client's offer (most preferred first); like ruff: UTF-8 when offered, then
  /// UTF-32, else the mandatory UTF-16.
  static func negotiate(offered: [PositionEncodingKind]?) -> PositionEncodingKind {
    let offered = offered ?? []
    if offered.contains(.utf8) { return .utf8 }
    if offered.contains(.utf32) { return .utf32 }
    return .utf16
  }
}
