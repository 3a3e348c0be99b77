import FormModel
import Foundation
import Testing

@Suite struct IndicatorValueTests {
  @Test(arguments: ["", "\u{3000}", " \t\u{3000}\u{A0}", "\n"])
  func empty(text: String) {
    #expect(IndicatorValue.classify(text, tableUnit: .wanYuan) == .empty)
  }

  @Test(arguments: ["/", "／", "无", "—", "——", "-", "\u{3000}/\u{3000}"])
  func notApplicable(text: String) {
    #expect(IndicatorValue.classify(text, tableUnit: .wanYuan) == .notApplicable)
  }

  @Test(arguments: ["满意", "群众满意度90%以上", "（分级填报）", "优化资源配置", "/ 无", "及时率", "𠀀98%", "17/人"])
  func text(text: String) {
    #expect(IndicatorValue.classify(text, tableUnit: .wanYuan) == .text)
  }

  @Test(arguments: [("0", "0"), ("180", "180"), ("\u{3000}16.5\u{3000}", "16.5"), ("≥90", "90")])
  func bareNumber(text: String, expected: String) {
    #expect(IndicatorValue.classify(text, tableUnit: .wanYuan) == .bareNumber(dec(expected)))
  }

  @Test(arguments: [
    ("98%\u{3000}", IndicatorValue.percentage(Percentage(value: 98, range: 0..<3))),
    ("≥90%", .percentage(Percentage(value: 90, comparator: .greaterOrEqual, range: 0..<6))),
    ("≤250万元", .amount(Amount(value: 2_500_000, unit: .wanYuan, range: 0..<12, role: .cap(.lessOrEqual)))),
    ("14万", .amount(Amount(value: 140000, unit: .wanYuan, range: 0..<5))),
    ("10场次以上", .count(CountValue(number: 10, unit: "场次", comparator: .greaterOrEqual, range: 0..<14))),
    (
      "2021.1-12",
      .time(
        DateValue(
          kind: .period(
            start: CalendarDate(year: 2021, month: 1),
            end: CalendarDate(year: 2021, month: 12)), range: 0..<9))
    ),
    (
      "5个工作日内",
      .time(
        DateValue(
          kind: .duration(TimeSpan(number: 5, unit: .workingDay, comparator: .lessOrEqual)), range: 0..<16))
    ),
    ("180天", .time(DateValue(kind: .duration(TimeSpan(number: 180, unit: .day)), range: 0..<6))),
    ("2021年12月底前", .time(DateValue(kind: .deadline(CalendarDate(year: 2021, month: 12, day: 31)), range: 0..<18))),
  ])
  func typed(text: String, expected: IndicatorValue) {
    #expect(IndicatorValue.classify(text, tableUnit: .wanYuan) == expected)
  }
}
