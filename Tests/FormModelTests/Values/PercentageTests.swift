import FormModel
import Foundation
import Testing

/// A percentage a test expects: value, comparator and the text its range covers.
struct ExpectedPercentage: Sendable {
  var value: String
  var comparator: ValueComparator?
  var written: String
  var occurrence = 0

  func percentage(in text: String, offset: Int = 0) -> Percentage {
    Percentage(
      value: dec(value), comparator: comparator,
      range: shifted(utf8Range(of: written, in: text, occurrence: occurrence), by: offset))
  }
}

private func pct(_ value: String, _ comparator: ValueComparator?, _ written: String, occurrence: Int = 0)
  -> ExpectedPercentage
{
  ExpectedPercentage(value: value, comparator: comparator, written: written, occurrence: occurrence)
}

@Suite struct PercentageTests {
  static let scanCases: [(String, [ExpectedPercentage])] = [
    ("98%", [pct("98", nil, "98%")]),
    ("≥90%", [pct("90", .greaterOrEqual, "≥90%")]),
    ("90%以上", [pct("90", .greaterOrEqual, "90%以上")]),
    ("90%及以上", [pct("90", .greaterOrEqual, "90%及以上")]),
    ("不低于95％", [pct("95", .greaterOrEqual, "不低于95％")]),
    ("超过90%", [pct("90", .greater, "超过90%")]),
    ("低于5%", [pct("5", .less, "低于5%")]),
    ("不高于3%", [pct("3", .lessOrEqual, "不高于3%")]),
    ("不超过3%", [pct("3", .lessOrEqual, "不超过3%")]),
    ("5%以下", [pct("5", .lessOrEqual, "5%以下")]),
    ("达到95%", [pct("95", .greaterOrEqual, "达到95%")]),
    ("高于80%", [pct("80", .greater, "高于80%")]),
    ("= 100%", [pct("100", .equal, "= 100%")]),
    ("＞92%", [pct("92", .greater, "＞92%")]),
    ("＝100％", [pct("100", .equal, "＝100％")]),
    ("≤ 5 %", [pct("5", .lessOrEqual, "≤ 5 %")]),
    ("12.5%", [pct("12.5", nil, "12.5%")]),
    ("=100百分比", [pct("100", .equal, "=100百分比")]),
    ("百分之九十", [pct("90", nil, "百分之九十")]),
    ("-5%", [pct("-5", nil, "-5%")]),
    ("292%", [pct("292", nil, "292%")]),
    ("群众满意度90%以上", [pct("90", .greaterOrEqual, "90%以上")]),
    ("矛盾纠纷成功调处率达90%以上", [pct("90", .greaterOrEqual, "达90%以上")]),
    ("全年办理法律援助案件比上年增长5%", [pct("5", nil, "5%")]),
    ("90%-95%", [pct("90", nil, "90%"), pct("95", nil, "95%")]),
    ("满意度95%以上，合格率100%", [pct("95", .greaterOrEqual, "95%以上"), pct("100", nil, "100%")]),
    ("提高5个百分点", []),
    ("2021年", []),
    ("98", []),
    ("14万元", []),
  ]

  @Test(arguments: scanCases)
  func scan(text: String, expected: [ExpectedPercentage]) {
    expectScan(text, Percentage.scan(in:)) { text, offset in expected.map { $0.percentage(in: text, offset: offset) } }
  }

  @Test(arguments: [
    ("98%\u{3000}", Percentage(value: 98, range: 0..<3)),
    ("≥90%", Percentage(value: 90, comparator: .greaterOrEqual, range: 0..<6)),
    ("90%以上", Percentage(value: 90, comparator: .greaterOrEqual, range: 0..<9)),
    ("100%", Percentage(value: 100, range: 0..<4)),
    ("\u{3000}\t98%\n", Percentage(value: 98, range: 4..<7)),
  ])
  func parseCell(text: String, expected: Percentage) {
    #expect(Percentage.parseCell(text) == expected)
  }

  @Test(arguments: ["群众满意度90%以上", "98", "/", "", "90%-95%", "𠀀98%", "满意"])
  func notAPercentageCell(text: String) {
    #expect(Percentage.parseCell(text) == nil)
  }

  @Test func comparatorHolds() {
    #expect(ValueComparator.greaterOrEqual.holds(90, against: 90))
    #expect(!ValueComparator.greater.holds(90, against: 90))
    #expect(ValueComparator.lessOrEqual.holds(5, against: 90))
    #expect(ValueComparator.equal.symbol == "=")
  }
}
