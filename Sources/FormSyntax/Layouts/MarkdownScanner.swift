/// Byte-level reading of GitHub-flavoured Markdown lines: headings, pipe rows, delimiter rows.
///
/// Only what a form needs: a pipe table is a row of `|`-separated cells, a delimiter row under its first row,
/// more pipe rows; everything else (headings, paragraphs, lists) is a free line. See Grammar/MARKDOWN-LAYOUT.md.
enum MarkdownScanner {
  static let pipe: UInt8 = 0x7C
  static let backslash: UInt8 = 0x5C
  static let hash: UInt8 = 0x23
  static let space: UInt8 = 0x20

  /// Whether a backslash before `byte` escapes it: ASCII punctuation, as in GFM (`\\` reads `\`, `\|` reads `|` and
  /// does not separate cells, `\*` reads `*`; a backslash before anything else is itself).
  static func isEscapable(_ byte: UInt8) -> Bool {
    (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
  }

  /// The offset of the leading `|` of a pipe row (after at most three spaces), or nil.
  static func pipeStart(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
    var index = start
    while index < end && index - start < 3 && bytes[index] == space { index += 1 }
    return index < end && bytes[index] == pipe ? index : nil
  }

  /// A code fence: its character (`` ` `` or `~`) and how many of them open it.
  struct Fence: Equatable {
    var marker: UInt8
    var length: Int
  }

  static let backtick: UInt8 = 0x60
  static let tilde: UInt8 = 0x7E

  /// The fence a line opens (GFM): up to three spaces, then three or more backticks or tildes; a backtick fence's
  /// info string holds no backtick. Nil when the line opens none.
  static func openingFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Fence? {
    var index = start
    while index < end && index - start < 3 && bytes[index] == space { index += 1 }
    guard index < end, bytes[index] == backtick || bytes[index] == tilde else { return nil }
    let marker = bytes[index]
    let markerStart = index
    while index < end && bytes[index] == marker { index += 1 }
    guard index - markerStart >= 3 else { return nil }
    if marker == backtick {
      while index < end {
        if bytes[index] == backtick { return nil }
        index += 1
      }
    }
    return Fence(marker: marker, length: index - markerStart)
  }

  /// Whether a line closes `fence` (GFM): up to three spaces, at least as many of the same character, then only
  /// spaces and TABs.
  static func closesFence(_ fence: Fence, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var index = start
    while index < end && index - start < 3 && bytes[index] == space { index += 1 }
    let markerStart = index
    while index < end && bytes[index] == fence.marker { index += 1 }
    guard index - markerStart >= fence.length else { return false }
    while index < end && isPadding(bytes[index]) { index += 1 }
    return index == end
  }

  /// Whether a line is indented by four columns or more (a TAB reaching the next multiple of four): indented code,
  /// or the continuation of a paragraph, never a heading or a table row of its own.
  static func isIndented(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var column = 0
    var index = start
    while index < end && column < 4 {
      switch bytes[index] {
      case space: column += 1
      case LineScanner.tab: column += 4 - column % 4
      default: return false
      }
      index += 1
    }
    return column >= 4
  }

  /// The text of an ATX heading (`## 附件5-1 ##` → `附件5-1`), or nil when the line is no heading.
  static func headingText(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int>? {
    var index = start
    while index < end && index - start < 3 && bytes[index] == space { index += 1 }
    let marks = index
    while index < end && bytes[index] == hash { index += 1 }
    let level = index - marks
    guard level >= 1 && level <= 6 else { return nil }
    guard index == end || bytes[index] == space || bytes[index] == LineScanner.tab else { return nil }
    while index < end && (bytes[index] == space || bytes[index] == LineScanner.tab) { index += 1 }
    var last = end
    while last > index && (bytes[last - 1] == space || bytes[last - 1] == LineScanner.tab) { last -= 1 }
    // An optional closing sequence of #s, preceded by a space.
    var closing = last
    while closing > index && bytes[closing - 1] == hash { closing -= 1 }
    if closing < last && (closing == index || bytes[closing - 1] == space || bytes[closing - 1] == LineScanner.tab) {
      last = closing
      while last > index && (bytes[last - 1] == space || bytes[last - 1] == LineScanner.tab) { last -= 1 }
    }
    return index..<last
  }

  /// Whether the line is a delimiter row: cells of `-` with optional `:` at either end, at least one `|`.
  static func isDelimiterRow(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var pipes = 0
    var dashes = 0
    var index = start
    while index < end {
      switch bytes[index] {
      case pipe: pipes += 1
      case 0x2D: dashes += 1
      case 0x3A, space, LineScanner.tab: break
      default: return false
      }
      index += 1
    }
    return pipes > 0 && dashes > 0
  }

  /// A cell of a pipe row: raw range between the pipes, content without the padding.
  struct Cell {
    var raw: Range<Int>
    var content: Range<Int>
    var isEscaped: Bool
  }

  /// The cells of a pipe row whose leading `|` is at `pipeStart`; an escaped `\|` does not separate (`\\|` does: the
  /// backslash is escaped).
  ///
  /// The trailing `|` is optional: text after the last pipe is a last cell unless it is only padding. A table's body
  /// row that holds no cell at all (`|`, `|   `) gets one empty cell (`keepsEmptyRow`): GFM shows it as a row of
  /// empty cells, and a row of the table view has at least one cell.
  static func cells(_ bytes: UnsafeBufferPointer<UInt8>, pipeStart: Int, end: Int, keepsEmptyRow: Bool = false) -> [Cell] {
    var cells: [Cell] = []
    var cellStart = pipeStart + 1
    var index = cellStart
    var escaped = false
    func close(_ cellEnd: Int) {
      var contentStart = cellStart
      var contentEnd = cellEnd
      while contentStart < contentEnd && isPadding(bytes[contentStart]) { contentStart += 1 }
      while contentEnd > contentStart && isPadding(bytes[contentEnd - 1]) { contentEnd -= 1 }
      cells.append(Cell(raw: cellStart..<cellEnd, content: contentStart..<contentEnd, isEscaped: escaped))
      escaped = false
    }
    while index < end {
      let byte = bytes[index]
      if byte == backslash && index + 1 < end && isEscapable(bytes[index + 1]) {
        escaped = true
        index += 2
        continue
      }
      if byte == 0x3C && isLineBreakTag(bytes, index, end) != nil { escaped = true }
      if byte == pipe {
        close(index)
        cellStart = index + 1
      }
      index += 1
    }
    // Text after the last pipe is a cell unless it is only padding.
    var tail = cellStart
    while tail < end && isPadding(bytes[tail]) { tail += 1 }
    if tail < end || (keepsEmptyRow && cells.isEmpty) { close(end) }
    return cells
  }

  @inline(__always)
  static func isPadding(_ byte: UInt8) -> Bool { byte == space || byte == LineScanner.tab }

  /// The length of a `<br>`, `<br/>` or `<br />` tag (any case) at `index`, or nil.
  static func isLineBreakTag(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Int? {
    guard index + 4 <= end, bytes[index] == 0x3C, bytes[index + 1] | 0x20 == 0x62, bytes[index + 2] | 0x20 == 0x72
    else { return nil }
    var next = index + 3
    while next < end && bytes[next] == space { next += 1 }
    if next < end && bytes[next] == 0x2F { next += 1 }
    guard next < end && bytes[next] == 0x3E else { return nil }
    return next + 1 - index
  }
}
