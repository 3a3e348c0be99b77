import FormTestSupport
import Testing

@testable import FormModel

/// `TextClean`'s byte readers say what the scalar loops they replace said (kept here as the reference).
@Suite struct TextCleanBytesTests {
  /// The former `trimmedRange`: every scalar visited from the start.
  static func referenceTrimmedRange(_ text: String) -> Range<Int> {
    TextClean.withBytes(text) { bytes in
      var index = 0
      var start = -1
      var end = 0
      while index < bytes.count {
        let width = TextClean.spaceWidth(bytes, at: index)
        if width > 0 {
          index += width
          continue
        }
        if start < 0 { start = index }
        index += TextClean.scalarWidth(lead: bytes[index])
        end = index
      }
      return start < 0 ? bytes.count..<bytes.count : start..<end
    }
  }

  static let pieces = [
    " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{A0}", "\u{3000}", "\u{FEFF}", "\u{2000}", "\u{200B}", "\u{200C}", "\u{2028}",
    "a", "é", "\u{0301}", "年", "示例", "\u{4DC0}", "\u{E000}", "\u{FF01}", "😀", "\u{10FFFF}", "\u{80}", "\u{C2}", "\u{A1}",
  ]

  static func randomTexts(_ count: Int) -> [String] {
    var generator = SeededGenerator(seed: 0x7219)
    return (0..<count).map { _ in
      (0..<Int(generator.next() % 9)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }
  }

  @Test func trimmedRangeIsTheScalarLoops() {
    for text in Self.pieces + Self.randomTexts(5000) {
      #expect(TextClean.trimmedRange(text) == Self.referenceTrimmedRange(text), "\(text.debugDescription)")
    }
    #expect(TextClean.trimmedRange("  示例 \u{3000}") == 2..<8)
    #expect(TextClean.trimmedRange(" \u{3000} ") == 5..<5)
  }

  /// The lead bytes E5–E9 that `standsAlone` accepts without decoding: every scalar they start is accepted by the
  /// range test below them.
  @Test func cjkLeadsStandAloneAsTheirRangesSay() {
    for value in UInt32(0x5000)...0x9FFF {
      let bytes = Array(String(Character(Unicode.Scalar(value)!)).utf8)
      #expect(bytes[0] >= 0xE5 && bytes[0] <= 0xE9)
      #expect(bytes.withUnsafeBufferPointer { TextClean.standsAlone($0, at: 0) })
      #expect((0x4E00...0x9FFF).contains(value))
    }
    #expect(!TextClean.scalarsStandAlone("\u{4DC0}"))
  }

  @Test func firstIndexIsTheFirstMatch() {
    var generator = SeededGenerator(seed: 0xF125)
    let alphabet: [UInt8] = [0xE4, 0xB8, 0x80, 0xE7, 0xBA, 0xA7, 0x20, 0x41]
    for _ in 0..<4000 {
      let bytes = (0..<Int(generator.next() % 40)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
      let needle = (0..<Int(generator.next() % 4)).map { _ in alphabet[Int(generator.next() % 3)] }
      let start = Int(generator.next() % 45) - 2
      let expected = needle.isEmpty || bytes.count < needle.count ? nil
        : (max(start, 0)..<max(max(start, 0), bytes.count - needle.count + 1)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
      #expect(TextClean.firstIndex(of: needle, in: bytes, from: start) == expected, "\(bytes) \(needle) \(start)")
    }
    #expect(TextClean.firstIndex(of: Array("一级".utf8), in: Array("指标一级指标".utf8)) == 6)
  }
}
