import FormModel
import Testing

@Suite struct TextTrimTests {
  @Test(arguments: [
    ("  abc  ", 2..<5),
    ("\u{3000}14万\u{3000}", 3..<8),
    ("", 0..<0),
    ("\u{3000}", 3..<3),
    ("\n满意", 1..<7),
    ("\u{A0}x\r\n", 2..<3),
    ("\t𠀀 ", 1..<5),
    ("满意", 0..<6),
  ])
  func trimmedRange(text: String, expected: Range<Int>) {
    #expect(TextTrim.trimmedRange(of: text) == expected)
  }

  @Test func trimmedTextAndBlank() {
    #expect(TextTrim.trimmed("\t满意\u{3000}") == "满意")
    #expect(TextTrim.trimmed(" \u{3000}") == "")
    #expect(TextTrim.isBlank(" \t\u{3000}\u{A0}\n"))
    #expect(!TextTrim.isBlank(" / "))
  }
}
