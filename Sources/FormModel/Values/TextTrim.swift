/// Trimming of cell text by the whitespace forms carry: space, TAB, CR, LF, U+3000 (ideographic space) and NBSP.
public enum TextTrim {
  /// Whether `scalar` is whitespace around a cell's value.
  public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000: return true
    default: return false
    }
  }

  /// The UTF-8 range of `text` without leading and trailing whitespace; all-whitespace text gives `n..<n`
  /// (n its UTF-8 length).
  public static func trimmedRange(of text: String) -> Range<Int> {
    let total = text.utf8.count
    var start = 0
    for scalar in text.unicodeScalars {
      guard isWhitespace(scalar) else { break }
      start += UTF8.width(scalar)
    }
    if start == total { return total..<total }
    var end = total
    for scalar in text.unicodeScalars.reversed() {
      guard isWhitespace(scalar) else { break }
      end -= UTF8.width(scalar)
    }
    return start..<end
  }

  /// The text of `text` without leading and trailing whitespace.
  public static func trimmed(_ text: String) -> Substring {
    let range = trimmedRange(of: text)
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
    let upper = utf8.index(lower, offsetBy: range.count)
    return text[lower..<upper]
  }

  /// Whether `text` holds nothing but whitespace.
  public static func isBlank(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy(isWhitespace)
  }
}
