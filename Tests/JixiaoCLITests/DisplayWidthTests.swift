import Testing

@testable import JixiaoCLI

/// The caret line's arithmetic: tabs expanded to the next multiple of four columns, CJK two columns wide.
@Suite struct DisplayWidthTests {
  static let texts = [
    "", "abc", "\t", "\t\t预算金额", "a\tb", "预\t算\t", "年度目标\t（万元）\t100", "\u{3000}\t全角", "e\u{301}\tx", "\t\t", "𠀀\tz",
  ]

  @Test(arguments: DisplayWidthTests.texts)
  func expandTabsMatchesScalarByScalarExpansion(text: String) {
    for start in 0..<5 {
      #expect(DisplayWidth.expandTabs(text, startingAt: start) == DisplayWidthTests.slowExpand(text, from: start), "\(start)")
      #expect(
        DisplayWidth.expanded(text, startingAt: start)
          == DisplayWidth.of(DisplayWidthTests.slowExpand(text, from: start)), "\(start)")
    }
  }

  @Test func tabsStopAtMultiplesOfFour() {
    #expect(DisplayWidth.expandTabs("\t预\tx") == "    预  x")
    #expect(DisplayWidth.expanded("\t预\tx") == 9)
    #expect(DisplayWidth.expanded("ab\t", startingAt: 1) == 3)
  }

  @Test func runsOfACharacter() {
    for count in [0, 1, 3, 16, 200] {
      #expect(DisplayWidth.run(of: "^", count: count) == String(repeating: "^", count: count))
    }
    #expect(DisplayWidth.run(of: " ", count: -1) == "")
  }

  /// The expansion as it was written first: scalar by scalar, every scalar appended.
  static func slowExpand(_ text: String, from start: Int) -> String {
    var column = start
    var result = ""
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        let spaces = DisplayWidth.tabWidth - column % DisplayWidth.tabWidth
        result += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        result.unicodeScalars.append(scalar)
        column += DisplayWidth.width(scalar)
      }
    }
    return result
  }
}
