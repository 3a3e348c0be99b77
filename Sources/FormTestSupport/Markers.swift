import Testing

/// Position markers written inline in example text, removed before the text is used.
///
/// `↓` marks where a finding starts (SwiftLint style); `1️⃣ 2️⃣ …` name positions (sourcekit-lsp style).
/// Offsets are UTF-8 offsets into the cleaned text, the unit the syntax layer works in.
public enum Markers {
  /// The marker of a finding's start.
  public static let findingMarker: Unicode.Scalar = "↓"

  /// Removes every `↓` and returns the cleaned text with the UTF-8 offset of each marker, in order.
  public static func findings(in markedText: String) -> (text: String, offsets: [Int]) {
    var text = ""
    var offsets: [Int] = []
    var utf8Count = 0
    for scalar in markedText.unicodeScalars {
      if scalar == findingMarker {
        offsets.append(utf8Count)
      } else {
        text.unicodeScalars.append(scalar)
        utf8Count += UTF8.width(scalar)
      }
    }
    return (text, offsets)
  }

  /// Removes every emoji marker (`0️⃣`…`9️⃣`, `🔟`) and returns the cleaned text with each marker's offset,
  /// keyed by the marker as written (`"1️⃣"`).
  ///
  /// A marker is a digit followed by U+FE0F U+20E3, so a digit of the text right before a marker stays text.
  /// A marker used twice is a mistake in the test: it is reported and its first offset kept.
  public static func named(in markedText: String) -> (text: String, markers: [String: Int]) {
    let scalars = Array(markedText.unicodeScalars)
    var text = ""
    var markers: [String: Int] = [:]
    var utf8Count = 0
    var index = 0
    while index < scalars.count {
      let markerLength = emojiMarkerLength(scalars, at: index)
      if markerLength > 0 {
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars[index..<(index + markerLength)])
        if markers[name] != nil {
          Issue.record("Marker \(name) used twice in: \(markedText)")
        } else {
          markers[name] = utf8Count
        }
        index += markerLength
        continue
      }
      text.unicodeScalars.append(scalars[index])
      utf8Count += UTF8.width(scalars[index])
      index += 1
    }
    return (text, markers)
  }

  private static let keycapTen: Unicode.Scalar = "\u{1F51F}"
  private static let variationSelector16: Unicode.Scalar = "\u{FE0F}"
  private static let combiningKeycap: Unicode.Scalar = "\u{20E3}"

  private static func emojiMarkerLength(_ scalars: [Unicode.Scalar], at index: Int) -> Int {
    if scalars[index] == keycapTen { return 1 }
    guard ("0"..."9").contains(scalars[index]), index + 2 < scalars.count else { return 0 }
    return scalars[index + 1] == variationSelector16 && scalars[index + 2] == combiningKeycap ? 3 : 0
  }
}
