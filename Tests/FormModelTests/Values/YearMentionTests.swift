import FormModel
import Testing

/// A year a test expects, with the text its range covers.
struct ExpectedYear: Sendable {
  var year: Int
  var written: String
  var isComparisonBase = false
  var occurrence = 0

  func mention(in text: String, offset: Int = 0) -> YearMention {
    YearMention(
      year: year, range: shifted(utf8Range(of: written, in: text, occurrence: occurrence), by: offset),
      isComparisonBase: isComparisonBase)
  }
}

@Suite struct YearMentionTests {
  static let scanCases: [(String, [ExpectedYear])] = [
    ("全面完成2020年法律援助工作计划。", [ExpectedYear(year: 2020, written: "2020年")]),
    ("全面完成2021年度全市普法依法治理工作计划。", [ExpectedYear(year: 2021, written: "2021年")]),
    ("全年办理法律援助案件比2020年增长5%", [ExpectedYear(year: 2020, written: "2020年", isComparisonBase: true)]),
    ("较2020年提高", [ExpectedYear(year: 2020, written: "2020年", isComparisonBase: true)]),
    ("同比 2020年", [ExpectedYear(year: 2020, written: "2020年", isComparisonBase: true)]),
    ("与2020年相比，提高5%", [ExpectedYear(year: 2020, written: "2020年", isComparisonBase: true)]),
    ("与2020年同期相比有所提高", [ExpectedYear(year: 2020, written: "2020年", isComparisonBase: true)]),
    ("和2020年相比", [ExpectedYear(year: 2020, written: "2020年", isComparisonBase: true)]),
    ("以2020年为基数", [ExpectedYear(year: 2020, written: "2020年", isComparisonBase: true)]),
    ("在2020年工作的基础上", [ExpectedYear(year: 2020, written: "2020年", isComparisonBase: true)]),
    ("与兄弟单位合作，2020年完成", [ExpectedYear(year: 2020, written: "2020年")]),
    ("2020年完成，与上年相比", [ExpectedYear(year: 2020, written: "2020年")]),
    ("与上级部门对接；2020年工作相比", [ExpectedYear(year: 2020, written: "2020年")]),
    (
      "2021.1-2021.12",
      [ExpectedYear(year: 2021, written: "2021"), ExpectedYear(year: 2021, written: "2021", occurrence: 1)]
    ),
    ("2021-01-01", [ExpectedYear(year: 2021, written: "2021")]),
    ("2020/12", [ExpectedYear(year: 2020, written: "2020")]),
    ("２０２０年", [ExpectedYear(year: 2020, written: "２０２０年")]),
    ("20246-202516", []),
    ("12021年", []),
    ("2021.13", []),
    ("1899年", []),
    ("2021", []),
    ("2021万元", []),
  ]

  @Test(arguments: scanCases)
  func scan(text: String, expected: [ExpectedYear]) {
    expectScan(text, YearMention.scan(in:)) { text, offset in expected.map { $0.mention(in: text, offset: offset) } }
  }

  @Test func fullWidthYearRange() {
    #expect(YearMention.scan(in: "２０２０年") == [YearMention(year: 2020, range: 0..<15)])
  }
}
