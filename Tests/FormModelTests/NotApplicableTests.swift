import FormModel
import Foundation
import Testing

/// `IndicatorRow.isNotApplicable` compares trimmed bytes: the same answers as comparing `String`s.
@Suite struct NotApplicableTests {
  static let marks = ["/", "／", "无", "—", "——", "-", "－"]

  @Test(arguments: marks) func eachMarkIsNotApplicableWithOrWithoutSpaces(mark: String) {
    #expect(IndicatorRow.isNotApplicable(mark))
    #expect(IndicatorRow.isNotApplicable(" \(mark)\u{3000}"))
    #expect(IndicatorRow.isNotApplicable("\t\(mark)\n"))
  }

  @Test func anythingElseIsApplicable() {
    for text in ["", "  ", "无无", "———", "//", "-1", "无事故", "≥95%", "/ /", "〇", "—/", "－－", "⼀", "⽆"] {
      #expect(!IndicatorRow.isNotApplicable(text), "\(text)")
      #expect(IndicatorRow.isNotApplicable(text) == Self.marks.contains(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }
  }
}
