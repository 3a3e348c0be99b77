import FormModel
import Foundation
import Testing

/// A count a test expects: number, measure word, comparator and the text its range covers.
struct ExpectedCount: Sendable {
  var number: String
  var unit: String
  var comparator: ValueComparator?
  var written: String

  func count(in text: String, offset: Int = 0) -> CountValue {
    CountValue(
      number: dec(number), unit: unit, comparator: comparator,
      range: shifted(utf8Range(of: written, in: text), by: offset))
  }
}

private func count(_ number: String, _ unit: String, _ comparator: ValueComparator?, _ written: String) -> ExpectedCount
{
  ExpectedCount(number: number, unit: unit, comparator: comparator, written: written)
}

@Suite struct CountValueTests {
  static let scanCases: [(String, [ExpectedCount])] = [
    ("开展普法宣传10场次以上", [count("10", "场次", .greaterOrEqual, "10场次以上")]),
    ("组织人民调解专业培训 2次以上", [count("2", "次", .greaterOrEqual, "2次以上")]),
    ("服务300人", [count("300", "人", nil, "300人")]),
    ("5个", [count("5", "个", nil, "5个")]),
    ("2280次", [count("2280", "次", nil, "2280次")]),
    ("1.2万人次", [count("12000", "人次", nil, "1.2万人次")]),
    ("不少于3期", [count("3", "期", .greaterOrEqual, "不少于3期")]),
    ("200余人", [count("200", "人", .greater, "200余人")]),
    ("修路5公里", [count("5", "公里", nil, "5公里")]),
    ("80km", [count("80", "km", nil, "80km")]),
    ("10千米", [count("10", "千米", nil, "10千米")]),
    ("十场", [count("10", "场", nil, "十场")]),
    ("三万人", [count("30000", "人", nil, "三万人")]),
    ("=300天", [count("300", "天", .equal, "=300天")]),
    ("培训3期、300人次", [count("3", "期", nil, "3期"), count("300", "人次", nil, "300人次")]),
    ("把法律作为一种生活的需要", []),
    ("统一部署", []),
    ("第3期", []),
    ("5个工作日", []),
    ("3个月", []),
    ("98%", []),
    ("12万元", []),
    ("2021年", []),
    ("提高5个百分点", []),
    ("5 mm", []),
    ("2021.1-12", []),
  ]

  @Test(arguments: scanCases)
  func scan(text: String, expected: [ExpectedCount]) {
    expectScan(text, CountValue.scan(in:)) { text, offset in expected.map { $0.count(in: text, offset: offset) } }
  }

  @Test(arguments: [
    ("2次以上", CountValue(number: 2, unit: "次", comparator: .greaterOrEqual, range: 0..<10)),
    ("10场次以上\u{3000}", CountValue(number: 10, unit: "场次", comparator: .greaterOrEqual, range: 0..<14)),
    ("一次", CountValue(number: 1, unit: "次", range: 0..<6)),
    ("\u{3000}8个", CountValue(number: 8, unit: "个", range: 3..<7)),
  ])
  func parseCell(text: String, expected: CountValue) {
    #expect(CountValue.parseCell(text) == expected)
  }

  @Test(arguments: ["组织业务培训2次以上", "98%", "180", "/", "", "𠀀2次"])
  func notACountCell(text: String) {
    #expect(CountValue.parseCell(text) == nil)
  }
}
