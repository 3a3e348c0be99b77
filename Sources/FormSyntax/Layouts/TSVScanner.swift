/// Byte-level reading of clipboard TSV rows (what Word, WPS and Excel put on the clipboard for a table).
///
/// Cells are separated by TAB; a row ends at a line break. A cell that starts with `"` and has a closing `"`
/// right before a TAB, a line break or the end is quoted: inside, `""` is one `"` and line breaks belong to the
/// cell (Excel's quoting of a cell holding a line break). A quote that does not close that way is text.
/// See Grammar/TSV-LAYOUT.md.
enum TSVScanner {
  static let quote: UInt8 = 0x22
  /// A quoted cell spans at most this many line breaks; past it the quote is text (bounds the work on a stray
  /// quote to a few lines instead of the rest of the form).
  static let maximumQuotedLineBreaks = 64

  struct Cell {
    var raw: Range<Int>
    var content: Range<Int>
    var isEscaped: Bool
  }

  /// Reads the row starting at `start`; `end` bounds the text. Returns its cells and the offset where the row's
  /// last line's text ends (before its line break).
  static func row(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> (cells: [Cell], contentEnd: Int) {
    var cells: [Cell] = []
    var index = start
    while true {
      if index < end && bytes[index] == quote, let quoted = quotedCell(bytes, at: index, end: end) {
        cells.append(quoted)
        index = quoted.raw.upperBound
      } else {
        var fieldEnd = index
        while fieldEnd < end {
          let byte = bytes[fieldEnd]
          if byte == LineScanner.tab || byte == LineScanner.lineFeed || byte == LineScanner.carriageReturn { break }
          fieldEnd += 1
        }
        cells.append(Cell(raw: index..<fieldEnd, content: index..<fieldEnd, isEscaped: false))
        index = fieldEnd
      }
      guard index < end, bytes[index] == LineScanner.tab else { return (cells, index) }
      index += 1
    }
  }

  private static func quotedCell(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Cell? {
    var index = start + 1
    var escaped = false
    var lineBreaks = 0
    while index < end {
      let byte = bytes[index]
      if byte == quote {
        if index + 1 < end && bytes[index + 1] == quote {
          escaped = true
          index += 2
          continue
        }
        let after = index + 1
        guard after == end || bytes[after] == LineScanner.tab || bytes[after] == LineScanner.lineFeed
          || bytes[after] == LineScanner.carriageReturn
        else { return nil }
        return Cell(raw: start..<after, content: (start + 1)..<index, isEscaped: escaped)
      }
      if byte == LineScanner.lineFeed || (byte == LineScanner.carriageReturn && !(index + 1 < end && bytes[index + 1] == LineScanner.lineFeed)) {
        lineBreaks += 1
        if lineBreaks > maximumQuotedLineBreaks { return nil }
      }
      index += 1
    }
    return nil
  }

  /// Whether `text` must be quoted to stay one cell: it holds a TAB, a line break or a quote.
  static func needsQuoting(_ text: String) -> Bool {
    text.utf8.contains { $0 == LineScanner.tab || $0 == LineScanner.lineFeed || $0 == LineScanner.carriageReturn || $0 == quote }
  }

  /// `text` as a quoted cell: `"` around, `""` for each quote.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }
}

extension String {
  /// Every occurrence of `target` replaced (FormSyntax imports no Foundation).
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound]
      result += replacement
      rest = rest[range.upperBound...]
    }
    result += rest
    return result
  }
}
