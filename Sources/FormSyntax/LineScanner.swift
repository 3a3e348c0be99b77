/// Byte-level scanning of lines: where a line's text and line break end, and whether it starts a form
/// (`Headings` decides that).
///
/// The hot path of the parser: it works on UTF-8 bytes and never builds a `String`.
enum LineScanner {
  static let tab: UInt8 = 0x09
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  /// Every byte 0x0E, for the word-at-a-time test below.
  private static let fourteens: UInt64 = 0x0E0E_0E0E_0E0E_0E0E
  private static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// Finds the end of the text and of the line break of the line starting at `start`, and counts the TABs in
  /// the text (layout detection weighs them).
  ///
  /// Reads eight bytes at a time: a word without a byte below 0x0E (no TAB, LF, CR or other control byte, which
  /// is nearly every word of Chinese or ASCII text) is skipped whole, and otherwise the first such byte is found
  /// from the word's bits (`(w - 0x0E…) & ~w & 0x80…` marks every byte below 0x0E and may mark bytes after
  /// the first one, never before it, so its lowest mark on a little-endian load is exact).
  @inline(__always)
  static func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (contentEnd: Int, end: Int, tabs: Int) {
    var index = start
    var tabs = 0
    let count = bytes.count
    #if _endian(little)
      if let base = bytes.baseAddress {
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= count {
          let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          let marks = (word &- fourteens) & ~word & highBits
          if marks == 0 {
            index &+= 8
            continue
          }
          index &+= marks.trailingZeroBitCount >> 3
          let byte = bytes[index]
          if byte == lineFeed { return (index, index + 1, tabs) }
          if byte == carriageReturn {
            if index + 1 < count && bytes[index + 1] == lineFeed { return (index, index + 2, tabs) }
            return (index, index + 1, tabs)
          }
          if byte == tab { tabs += 1 }
          index &+= 1
        }
      }
    #endif
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
