/// Byte-level scanning of lines: where a line's text and line break end, and whether it starts a form.
///
/// The hot path of the parser: it works on UTF-8 bytes and never builds a `String`.
enum LineScanner {
  static let tab: UInt8 = 0x09
  static let lineFeed: UInt8 = 0x0A
  static let carriageReturn: UInt8 = 0x0D

  /// Finds the end of the text and of the line break of the line starting at `start`.
  @inline(__always)
  static func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (contentEnd: Int, end: Int) {
    var index = start
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == lineFeed { return (index, index + 1) }
      if byte == carriageReturn {
        if index + 1 < count && bytes[index + 1] == lineFeed { return (index, index + 2) }
        return (index, index + 1)
      }
      index += 1
    }
    return (count, count)
  }

  // 附件 and 绩效目标表 in UTF-8.
  private static let annexWord: [UInt8] = Array("附件".utf8)
  private static let titleWord: [UInt8] = Array("绩效目标表".utf8)
  private static let fullWidthDigitLead: [UInt8] = [0xEF, 0xBC]  // U+FF10…U+FF19 are EF BC 90…99
  /// A title is a short line; a long line that mentions 绩效目标表 is prose.
  static let maximumTitleLength = 180

  /// Whether the text `start..<end` is an annex line: `附件` followed (after optional spaces) by a digit.
  static func isAnnexLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    var index = skipSpaces(bytes, start, end)
    guard hasPrefix(bytes, index, end, annexWord) else { return false }
    index = skipSpaces(bytes, index + annexWord.count, end)
    guard index < end else { return false }
    if bytes[index] >= 0x30 && bytes[index] <= 0x39 { return true }
    return index + 2 < end && bytes[index] == fullWidthDigitLead[0] && bytes[index + 1] == fullWidthDigitLead[1]
      && bytes[index + 2] >= 0x90 && bytes[index + 2] <= 0x99
  }

  /// Whether the text `start..<end` is a title line: a short free line containing `绩效目标表`.
  static func isTitleLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard end - start <= maximumTitleLength, end - start >= titleWord.count else { return false }
    var index = start
    let last = end - titleWord.count
    while index <= last {
      if bytes[index] == titleWord[0] && hasPrefix(bytes, index, end, titleWord) { return true }
      index += 1
    }
    return false
  }

  private static func skipSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
    var index = start
    while index < end {
      if bytes[index] == 0x20 { index += 1; continue }
      // U+3000 IDEOGRAPHIC SPACE is E3 80 80.
      if index + 2 < end && bytes[index] == 0xE3 && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 {
        index += 3
        continue
      }
      break
    }
    return index
  }

  @inline(__always)
  private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: [UInt8]) -> Bool {
    guard end - start >= word.count else { return false }
    for offset in 0..<word.count where bytes[start + offset] != word[offset] { return false }
    return true
  }
}
