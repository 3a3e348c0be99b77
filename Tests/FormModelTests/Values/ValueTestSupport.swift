import Foundation
import Testing
import FormModel

/// A prefix with a character outside the BMP (4 UTF-8 bytes) and CJK text (3 bytes each): scanning a text behind it
/// must give the same values with every range shifted by its UTF-8 length.
let offsetPrefix = "𠀀注："

/// The UTF-8 range of the `occurrence`-th (0-based) `needle` in `haystack`; traps when absent, so a typo in a
/// table fails loudly instead of comparing against a wrong range.
func utf8Range(of needle: String, in haystack: String, occurrence: Int = 0) -> Range<Int> {
  let bytes = Array(haystack.utf8)
  let pattern = Array(needle.utf8)
  var seen = 0
  var start = 0
  while start + pattern.count <= bytes.count {
    if Array(bytes[start..<start + pattern.count]) == pattern {
      if seen == occurrence { return start..<start + pattern.count }
      seen += 1
    }
    start += 1
  }
  fatalError("\(needle) not found \(occurrence + 1) times in \(haystack)")
}

/// `range` moved right by `offset` bytes.
func shifted(_ range: Range<Int>, by offset: Int) -> Range<Int> {
  range.lowerBound + offset..<range.upperBound + offset
}

/// An exact decimal from its decimal text (no Double in between).
func dec(_ text: String) -> ExactDecimal { ExactDecimal(text)! }

/// Checks a scan of `text` alone and behind `offsetPrefix`: the same values, with ranges shifted by the prefix.
/// `expected` builds the values for a text whose ranges start `offset` bytes later.
func expectScan<Value: Equatable>(
  _ text: String, _ scan: (String) -> [Value], expected: (_ text: String, _ offset: Int) -> [Value],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  #expect(scan(text) == expected(text, 0), sourceLocation: sourceLocation)
  #expect(scan(offsetPrefix + text) == expected(text, offsetPrefix.utf8.count), sourceLocation: sourceLocation)
}
