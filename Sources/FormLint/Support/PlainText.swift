import FormModel

/// Byte tests that give the answers of `String`'s comparisons (by character, under canonical equivalence) for text
/// made only of characters that are one scalar each and that no normalisation changes; other text is left to
/// `String`.
enum PlainText {
  /// Whether every scalar of `bytes` is printable ASCII, TAB or LF, U+2010–U+2027 (dashes, quotes, `…`),
  /// U+3000–U+3011 (ideographic space, `、。`, brackets), U+4000–U+9FFF (CJK) or U+FF00–U+FF7F (full-width forms).
  /// None of them decomposes, composes or joins the character before it into one; CR is left out (CR LF is one
  /// character).
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        guard (0x20...0x7E).contains(byte) || byte == 0x09 || byte == 0x0A else { return false }
        index += 1
        continue
      }
      guard byte >= 0xE0 && byte < 0xF0, index + 2 < bytes.count else { return false }
      let (second, third) = (bytes[index + 1], bytes[index + 2])
      switch byte {
      case 0xE4...0xE9: break
      case 0xE2: guard second == 0x80 && (0x90...0xA7).contains(third) else { return false }
      case 0xE3: guard second == 0x80 && (0x80...0x91).contains(third) else { return false }
      case 0xEF: guard second == 0xBC || second == 0xBD else { return false }
      default: return false
      }
      index += 3
    }
    return true
  }

  /// `TextClean.trimmed(a) == TextClean.trimmed(b)`, without building either when the trimmed bytes are equal or
  /// both texts are plain.
  static func sameTrimmedText(_ a: String, _ b: String) -> Bool {
    let (rangeA, rangeB) = (TextClean.trimmedRange(a), TextClean.trimmedRange(b))
    let decided: Bool? = TextClean.withBytes(a) { bytesA in
      TextClean.withBytes(b) { bytesB in
        if rangeA.count == rangeB.count, bytesA[rangeA].elementsEqual(bytesB[rangeB]) { return true }
        return isPlain(bytesA) && isPlain(bytesB) ? false : nil
      }
    }
    return decided ?? (TextClean.trimmed(a) == TextClean.trimmed(b))
  }

  /// Whether the bytes of `range` end with those of `suffix` (non-empty).
  static func hasSuffix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ suffix: String) -> Bool {
    TextClean.withBytes(suffix) { word in
      guard !word.isEmpty, word.count <= range.count else { return false }
      return bytes[(range.upperBound - word.count)..<range.upperBound].elementsEqual(word)
    }
  }

  /// The offset in `range` of the last of `words` (each one scalar), nil when none occurs.
  static func lastIndex(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, of words: [String]) -> Int? {
    var index = range.upperBound
    while index > range.lowerBound {
      index -= 1
      guard bytes[index] < 0x80 || bytes[index] >= 0xC0 else { continue }
      if words.contains(where: { hasPrefix(bytes, index..<range.upperBound, $0) }) { return index }
    }
    return nil
  }

  /// Whether the bytes of `range` start with those of `prefix`.
  static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ prefix: String) -> Bool {
    TextClean.withBytes(prefix) { word in
      word.count <= range.count && bytes[range.lowerBound..<(range.lowerBound + word.count)].elementsEqual(word)
    }
  }
}
