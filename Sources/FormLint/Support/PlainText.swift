import FormModel

/// Byte tests that give the answers of `String`'s comparisons (by character, under canonical equivalence) for text
/// whose scalars stand alone (`TextClean.scalarsStandAlone`: each is a character of its own, and no other text is
/// canonically equivalent to it); other text is left to `String`.
enum PlainText {
  /// `TextClean.trimmed(a) == TextClean.trimmed(b)`, without building either when the trimmed bytes are equal or
  /// the scalars of both texts stand alone.
  static func sameTrimmedText(_ a: String, _ b: String) -> Bool {
    let (rangeA, rangeB) = (TextClean.trimmedRange(a), TextClean.trimmedRange(b))
    let decided: Bool? = TextClean.withBytes(a) { bytesA in
      TextClean.withBytes(b) { bytesB in
        if rangeA.count == rangeB.count, bytesA[rangeA].elementsEqual(bytesB[rangeB]) { return true }
        return TextClean.scalarsStandAlone(a) && TextClean.scalarsStandAlone(b) ? false : nil
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
