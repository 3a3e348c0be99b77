/// Byte-level scanning of lines: where a line's text and line break end, and whether it starts a form
/// (`Headings` decides that).
///
/// The hot path of the parser: it works on UTF-8 bytes and never builds a `String`.
enum LineScanner {
  static let tab: UInt8 = 0x09
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  /// Finds the end of the text and of the line break of the line starting at `start`, and counts the TABs in
  /// the text (layout detection weighs them).
  @inline(__always)
  static func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (contentEnd: Int, end: Int, tabs: Int) {
    var index = start
    var tabs = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte <= carriageReturn {
        if byte == lineFeed { return (index, index + 1, tabs) }
        if byte == carriageReturn {
          if index + 1 < count && bytes[index + 1] == lineFeed { return (index, index + 2, tabs) }
          return (index, index + 1, tabs)
        }
        if byte == tab { tabs += 1 }
      }
      index += 1
    }
    return (count, count, tabs)
  }

  /// How a free line's text `start..<end` starts a form: an annex line, a title line, or neither.
  static func heading(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HeadingKind {
    Headings.classify(bytes, start, end)
  }
}
