import FormTestSupport
import Foundation
import Testing

@testable import FormModel

/// The free-line readers on bytes say what the `String` and Foundation code they replace said (kept here as the
/// reference), on chosen lines and on random ones built from the characters those readers look at, with
/// combining, prepended and joining marks among them.
@Suite struct FreeLineTests {
  /// The year line's reading without the digit count in front of it.
  static func referenceYear(inYearLine text: String) -> Int? { FormReader.year(inYearExpression: text) }

  static func referenceYear(inTitle text: String) -> Int? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index + 4 < scalars.count {
      let digits = scalars[index..<(index + 4)]
      let before = index == 0 ? nil : scalars[index - 1]
      if digits.allSatisfy({ $0.properties.numericType == .decimal && $0.isASCII }), scalars[index + 4] == "年",
        before.map({ !($0.isASCII && $0.properties.numericType == .decimal) }) ?? true
      {
        if let year = Int(String(String.UnicodeScalarView(digits))), (1990...2100).contains(year) { return year }
      }
      index += 1
    }
    return nil
  }

  static func referenceSignatureFields(_ text: String) -> [SignatureField] {
    let labels = ["填表人", "联系电话", "填报日期", "单位负责人签字", "单位负责人"].map { ($0, Array($0.utf8)) }
    let bytes = Array(text.utf8)
    var positions: [(label: String, range: Range<Int>)] = []
    var search = 0
    while search < bytes.count {
      var best: (String, Range<Int>)?
      for (label, needle) in labels {
        guard let start = TextClean.firstIndex(of: needle, in: bytes, from: search) else { continue }
        let found = start..<(start + needle.count)
        if best == nil || found.lowerBound < best!.1.lowerBound
          || (found.lowerBound == best!.1.lowerBound && found.upperBound > best!.1.upperBound)
        {
          best = (label, found)
        }
      }
      guard let (label, range) = best else { break }
      positions.append((label, range))
      search = range.upperBound
    }
    return positions.enumerated().map { index, position in
      let end = index + 1 < positions.count ? positions[index + 1].range.lowerBound : bytes.count
      var value = String(decoding: bytes[position.range.upperBound..<end], as: UTF8.self)
      if value.hasPrefix("：") || value.hasPrefix(":") { value.removeFirst() }
      return SignatureField(label: position.label, value: TextClean.trimmed(value))
    }
  }

  static func referenceLineFields(_ text: String, lineIndex: Int) -> [LineField] {
    guard TextClean.contains(text, "：") || TextClean.contains(text, ":"),
      TextClean.scalarsStandAlone(text) || text.contains("：") || text.contains(":")
    else { return [] }
    var fields: [LineField] = []
    for segment in FormReader.lineSegments(text) {
      guard let colon = segment.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
      let label = String(segment[..<colon])
      var value = TextClean.trimmed(String(segment[segment.index(after: colon)...]))
      for stamp in FormReader.stamps where TextClean.contains(value, stamp) {
        value = value.replacingOccurrences(of: stamp, with: "")
      }
      guard let field = HeaderField.field(forLabel: label) else { continue }
      fields.append(LineField(field: field, label: label, value: TextClean.trimmed(value), lineIndex: lineIndex))
    }
    return fields
  }

  static let lines = [
    "（2022年度）", "( 2019 年度)", "(2020)年度", "2021年", "年度：2022", "预算年度:2023", "2021", "20211", "2021年度年",
    "１２３４年", "2021\u{0301}年", "a2021年", "12021年项目", "2021年2022年", "1989年2024年", "年度：2022年度",
    "填报单位：（盖章）                                       单位：万元", "填报单位:(盖章)  单位:元", "单位：万元",
    "预算单位：示例市水务局（盖章）（盖章）", "主管部门：（盖（盖章）章）", "项目名称：\u{0301}示例", "单位代码：000000    单位名称：示例县卫生健康局",
    "填表人：          联系电话：          填报日期：           单位负责人签字：", "填表人：张三 联系电话:123 单位负责人：李四",
    "单位负责人签字单位负责人", "填表人填表人：", "：\u{0301}填表人：x", "实施单位\u{0600}：（签字）", "年度\u{3000}：\u{3000}2021",
  ]

  static let alphabet: [String] = [
    "0", "1", "2", "9", "１", "年", "度", "预算", "：", ":", " ", "  ", "\u{3000}", "\t", "(", ")", "（", "）", "【", "】", "[", "]",
    "盖章", "印章", "签字", "（盖章）", "(签字)", "填表人", "联系电话", "填报日期", "单位负责人", "签字", "单位", "填报单位", "预算单位",
    "项目名称", "主管部门", "万元", "元", "示例", "a", "\u{0301}", "\u{0600}", "\u{1100}", "\u{AC00}", "\u{200D}", "\r", "é", "\u{F98E}",
  ]

  static func randomLines(count: Int) -> [String] {
    var generator = SeededGenerator(seed: 0x5EED_F12E)
    return (0..<count).map { _ in
      let length = Int(generator.next() % 14)
      return (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
    }
  }

  @Test func yearLinesAreReadAsBefore() {
    for line in Self.lines + Self.randomLines(count: 3000) {
      #expect(FormReader.year(inYearLine: line) == Self.referenceYear(inYearLine: line), "\(line.debugDescription)")
    }
    #expect(FormReader.year(inYearLine: "（2022年度）") == 2022)
  }

  @Test func titleYearsAreReadAsBefore() {
    let digits = ["2021", "1989", "2101", "0202", "12021"]
    for line in Self.lines + Self.randomLines(count: 3000) + digits.map({ "\($0)年项目支出绩效目标表" }) {
      #expect(FormReader.year(inTitle: line) == Self.referenceYear(inTitle: line), "\(line.debugDescription)")
    }
    #expect(FormReader.year(inTitle: "附件2：2021年项目支出绩效目标表") == 2021)
    #expect(FormReader.year(inTitle: "1989年2024年") == 2024)
  }

  @Test func signatureFieldsAreReadAsBefore() {
    for line in Self.lines + Self.randomLines(count: 3000) {
      #expect(FormReader.signatureFields(line) == Self.referenceSignatureFields(line), "\(line.debugDescription)")
    }
    #expect(FormReader.signatureFields("填表人：张三 单位负责人签字：李四").map(\.label) == ["填表人", "单位负责人签字"])
    // The byte loop skips offsets whose byte starts no label.
    #expect(FormReader.signatureLeads == [0xE5, 0xE8])
  }

  @Test func lineFieldsAreReadAsBefore() {
    for line in Self.lines + Self.randomLines(count: 3000) {
      #expect(FormReader.lineFields(line, lineIndex: 3) == Self.referenceLineFields(line, lineIndex: 3), "\(line.debugDescription)")
    }
    let fields = FormReader.lineFields("预算单位：示例市水务局（盖章）（盖章）  项目名称：（盖（盖章）章）", lineIndex: 0)
    #expect(fields.map(\.value) == ["示例市水务局", "（盖章）"])
  }

  @Test func removingIsReplacingOccurrences() {
    for line in Self.lines + Self.randomLines(count: 2000) where TextClean.scalarsStandAlone(line) {
      for stamp in FormReader.stamps {
        #expect(FormReader.removing(Array(stamp.utf8), from: line) == line.replacingOccurrences(of: stamp, with: ""))
      }
    }
  }
}
