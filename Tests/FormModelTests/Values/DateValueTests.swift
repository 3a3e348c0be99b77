import FormModel
import Foundation
import Testing

/// A date value a test expects: kind, problems and the text its range covers.
struct ExpectedDate: Sendable {
  var kind: DateValue.Kind
  var written: String
  var problems: [DateProblem] = []

  func value(in text: String, offset: Int = 0) -> DateValue {
    DateValue(kind: kind, range: shifted(utf8Range(of: written, in: text), by: offset), problems: problems)
  }
}

private func ymd(_ year: Int?, _ month: Int? = nil, _ day: Int? = nil) -> CalendarDate {
  CalendarDate(year: year, month: month, day: day)
}

private func period(_ start: CalendarDate, _ end: CalendarDate, _ written: String, _ problems: [DateProblem] = [])
  -> ExpectedDate
{
  ExpectedDate(kind: .period(start: start, end: end), written: written, problems: problems)
}

private func span(_ number: String, _ unit: TimeUnit, _ comparator: ValueComparator?, _ written: String) -> ExpectedDate
{
  ExpectedDate(kind: .duration(TimeSpan(number: dec(number), unit: unit, comparator: comparator)), written: written)
}

@Suite struct DateValueTests {
  static let scanCases: [(String, [ExpectedDate])] = [
    ("2021.1-2021.12", [period(ymd(2021, 1), ymd(2021, 12), "2021.1-2021.12")]),
    ("2021.1-12", [period(ymd(2021, 1), ymd(2021, 12), "2021.1-12")]),
    ("2021年1-12月", [period(ymd(2021, 1), ymd(2021, 12), "2021年1-12月")]),
    ("2021年1月-12月", [period(ymd(2021, 1), ymd(2021, 12), "2021年1月-12月")]),
    ("2023.07-2024.01", [period(ymd(2023, 7), ymd(2024, 1), "2023.07-2024.01")]),
    ("202001-202012", [period(ymd(2020, 1), ymd(2020, 12), "202001-202012")]),
    ("2023年4月-2024年2月", [period(ymd(2023, 4), ymd(2024, 2), "2023年4月-2024年2月")]),
    ("2023年6月至12月", [period(ymd(2023, 6), ymd(2023, 12), "2023年6月至12月")]),
    ("2024年1月1日-2024年12月31日", [period(ymd(2024, 1, 1), ymd(2024, 12, 31), "2024年1月1日-2024年12月31日")]),
    ("2021.1.1～2021.12.31", [period(ymd(2021, 1, 1), ymd(2021, 12, 31), "2021.1.1～2021.12.31")]),
    ("2021年全年", [period(ymd(2021, 1), ymd(2021, 12), "2021年全年")]),
    ("2021-2022年", [period(ymd(2021), ymd(2022), "2021-2022年")]),
    ("1-12月", [period(ymd(nil, 1), ymd(nil, 12), "1-12月")]),
    ("2021-01-01", [ExpectedDate(kind: .date(ymd(2021, 1, 1)), written: "2021-01-01")]),
    ("2021/1/1", [ExpectedDate(kind: .date(ymd(2021, 1, 1)), written: "2021/1/1")]),
    ("2021年12月31日", [ExpectedDate(kind: .date(ymd(2021, 12, 31)), written: "2021年12月31日")]),
    ("全面完成2021年度全市普法", [ExpectedDate(kind: .date(ymd(2021)), written: "2021年度")]),
    ("2021年12月底前", [ExpectedDate(kind: .deadline(ymd(2021, 12, 31)), written: "2021年12月底前")]),
    ("2021年底前完成", [ExpectedDate(kind: .deadline(ymd(2021, 12, 31)), written: "2021年底前完成")]),
    ("12月31日前", [ExpectedDate(kind: .deadline(ymd(nil, 12, 31)), written: "12月31日前")]),
    ("2021年12月31日前完成验收", [ExpectedDate(kind: .deadline(ymd(2021, 12, 31)), written: "2021年12月31日前完成")]),
    ("不晚于2021年6月30日", [ExpectedDate(kind: .deadline(ymd(2021, 6, 30)), written: "不晚于2021年6月30日")]),
    ("2月底前", [ExpectedDate(kind: .deadline(ymd(nil, 2, 29)), written: "2月底前")]),
    ("5个工作日内", [span("5", .workingDay, .lessOrEqual, "5个工作日内")]),
    ("3个月", [span("3", .month, nil, "3个月")]),
    ("15个工作日", [span("15", .workingDay, nil, "15个工作日")]),
    ("十五天", [span("15", .day, nil, "十五天")]),
    ("15日内", [span("15", .day, .lessOrEqual, "15日内")]),
    ("不超过30天", [span("30", .day, .lessOrEqual, "不超过30天")]),
    (
      "5个工作日内受理，3个工作日指派",
      [span("5", .workingDay, .lessOrEqual, "5个工作日内"), span("3", .workingDay, nil, "3个工作日")]
    ),
    (
      "合同合法性审核不少于5个工作日，规范性文件一般7个工作日、特别文件15个工作日",
      [
        span("5", .workingDay, .greaterOrEqual, "不少于5个工作日"), span("7", .workingDay, nil, "7个工作日"),
        span("15", .workingDay, nil, "15个工作日"),
      ]
    ),
    // Impossible dates keep their parts and say what is wrong.
    ("20246-202516", [period(ymd(20246), ymd(2025, 16), "20246-202516", [.invalidYear(20246), .invalidMonth(16)])]),
    ("2021.13", [ExpectedDate(kind: .date(ymd(2021, 13)), written: "2021.13", problems: [.invalidMonth(13)])]),
    ("2021年13月", [ExpectedDate(kind: .date(ymd(2021, 13)), written: "2021年13月", problems: [.invalidMonth(13)])]),
    ("2021年2月29日", [ExpectedDate(kind: .date(ymd(2021, 2, 29)), written: "2021年2月29日", problems: [.invalidDay(29)])]),
    ("2020年2月29日", [ExpectedDate(kind: .date(ymd(2020, 2, 29)), written: "2020年2月29日")]),
    ("2021.1.32", [ExpectedDate(kind: .date(ymd(2021, 1, 32)), written: "2021.1.32", problems: [.invalidDay(32)])]),
    ("2021.12-2021.1", [period(ymd(2021, 12), ymd(2021, 1), "2021.12-2021.1", [.endBeforeStart])]),
    // Not times.
    ("98%", []),
    ("14万元", []),
    ("1、聘请政府顾问", []),
    ("2021", []),
    ("10场次", []),
    ("第3天", []),
    ("每月5日", []),
  ]

  @Test(arguments: scanCases)
  func scan(text: String, expected: [ExpectedDate]) {
    expectScan(text, DateValue.scan(in:)) { text, offset in expected.map { $0.value(in: text, offset: offset) } }
  }

  @Test func parseCell() {
    #expect(
      DateValue.parseCell("2021.1-12\u{3000}")
        == DateValue(kind: .period(start: ymd(2021, 1), end: ymd(2021, 12)), range: 0..<9))
    #expect(
      DateValue.parseCell("\t2021年1-12月")
        == DateValue(kind: .period(start: ymd(2021, 1), end: ymd(2021, 12)), range: 1..<15))
    #expect(DateValue.parseCell("98%") == nil)
    #expect(DateValue.parseCell("普法宣传、法治阵地建设及普法考试") == nil)
    #expect(DateValue.parseCell("5个工作日内受理，3个工作日指派") == nil)
    #expect(DateValue.parseCell("𠀀2021.1-12") == nil)
  }

  @Test(arguments: [
    ("2021.1-2021.12", 2021, true), ("2021.1-2021.12", 2020, false), ("2020.7-2021.6", 2020, true),
    ("2020.7-2021.6", 2021, true), ("2021年12月底前", 2021, true), ("5个工作日内", 2021, false),
    ("12月31日前", 2021, false), ("2021.12-2021.1", 2021, false),
  ])
  func includesYear(text: String, year: Int, expected: Bool) throws {
    let value = try #require(DateValue.parseCell(text))
    #expect(value.includes(year: year) == expected)
  }

  @Test func validity() throws {
    #expect(try #require(DateValue.parseCell("2021.1-2021.12")).isValid)
    #expect(try !#require(DateValue.parseCell("20246-202516")).isValid)
    #expect(try #require(DateValue.parseCell("2020.7-2021.6")).yearSpan == 2020...2021)
  }
}
