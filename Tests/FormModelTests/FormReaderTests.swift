import FormModel
import FormSyntax
import Foundation
import Testing

/// The reader's byte-level shortcuts say what the `String` operations they replace say (outputs must not change).
@Suite struct FormReaderTests {
  static func form(_ text: String) throws -> Form {
    let nodes = SyntaxTree(parsing: text).nodes.filter(\.isForm)
    try #require(nodes.count == 1)
    return Form(node: nodes[0])
  }

  static func text(reviewLabel: String) -> String {
    "2021年项目支出绩效目标表\n\t项目名称\n\t示例项目\n\n\t\(reviewLabel)\n\t同意\n\n"
  }

  @Test(arguments: [
    ("财政局审核意见", true), ("财政局 审核　意见", true), ("审核意见", true), ("abc审核意见", true), ("审核意见。", false),
    // U+0600 is a prepended mark: it joins 审 in one character, so `hasSuffix` (by characters) says no.
    ("\u{0600}审核意见", false), ("审核意见\u{0301}", false),
  ])
  func reviewLabelIsReadAsHasSuffixReadsIt(label: String, isReview: Bool) throws {
    let squeezed = String(label.unicodeScalars.filter { !TextClean.isSpace($0) }.map(Character.init))
    #expect(squeezed.hasSuffix("审核意见") == isReview)
    let form = try Self.form(Self.text(reviewLabel: label))
    #expect(form.reviewRows == (isReview ? [1] : []))
  }

  /// The words compared by bytes have no canonically equivalent spelling: no other scalar equals one of their
  /// characters as a `String`, so a byte comparison and `==` / `hasSuffix` agree on them.
  @Test func bytewiseComparedWordsHaveNoEquivalentScalar() {
    let scalars = Set("审核意见/／无—-－及代码编单位章字：:（）()盖印签年度本当全中长实施万元".unicodeScalars.map(\.value))
    // `String` hashing and `==` follow canonical equivalence, so the set finds any equivalent spelling.
    let characters = Set(scalars.map { String(Character(Unicode.Scalar($0)!)) })
    let equivalent = (UInt32(0)...0x10FFFF).filter { value in
      guard !scalars.contains(value), let scalar = Unicode.Scalar(value) else { return false }
      return characters.contains(String(Character(scalar)))
    }
    // Compatibility ideographs: U+2F836 is 及 (`normalizedLabel` leaves a label holding it to `String`); U+F98E,
    // U+FA01, U+FA72 and U+2F874 are heading words' (年, 度 …: `IndicatorHeadings.isAnnual` searches by bytes only
    // text whose scalars stand alone, and these do not).
    #expect(equivalent == [0xF98E, 0xFA01, 0xFA72, 0x2F836, 0x2F874])
    #expect(!equivalent.contains { TextClean.scalarsStandAlone(String(Character(Unicode.Scalar($0)!))) })
  }

  @Test(arguments: [
    ("主管部门及代码", "主管部门"), ("主管部门及编码", "主管部门"), ("及代码", "及代码"), ("代码", "代码"), ("项目代码", "项目代码"),
    ("项目\u{2F836}代码", "项目"), ("\u{0600}及代码", "\u{0600}及代码"), ("单位及编码及代码", "单位"), ("a及代码", "a"),
    ("主管部门及代码（盖章）：", "主管部门"),
  ])
  func codeSuffixIsDroppedAsHasSuffixSays(label: String, expected: String) {
    #expect(TemplateCatalog.normalizedLabel(label).label == expected)
  }

  @Test func annualHeadingsAreReadAsContainsReadsThem() {
    #expect(IndicatorHeadings.isAnnual("年度指标值"))
    // Compatibility 年度: read through Foundation as before.
    let compatible = "指标值(\u{F98E}\u{FA01})"
    #expect(IndicatorHeadings.isAnnual(compatible) == IndicatorHeadings.annualWords.contains { compatible.contains($0) })
    #expect(!IndicatorHeadings.isAnnual("中期指标值"))
    #expect(IndicatorHeadings.isMultiYear("实施期 指标值"))
  }

  @Test(arguments: [
    ("单位：万元", TableUnit.wanYuan), ("填报单位：（盖章）    单位:元", .yuan), ("单 位： 万 元", .wanYuan), ("单位：e\u{0301}元", nil),
    ("填报单位：示例局", nil),
  ])
  func unitLine(line: String, unit: TableUnit?) throws {
    let form = try Self.form("2021年项目支出绩效目标表\n\(line)\n\t项目名称\n\t示例项目\n\n")
    #expect(form.unitStated == (unit != nil))
    #expect(form.unit == unit ?? .wanYuan)
  }

  @Test func blankIsTrimmedToNothing() {
    for text in ["", " ", "\t\u{3000}\u{A0}\r\n", "\u{FEFF}\u{200B}"] { #expect(TextClean.isBlank(text)) }
    for text in ["/", " 无 ", "\u{3000}x", "\u{0301}"] { #expect(!TextClean.isBlank(text)) }
    for text in ["", " ", "\u{3000}满意\u{3000}", "\u{200B}", "\u{0301} "] {
      #expect(TextClean.isBlank(text) == TextClean.trimmed(text).isEmpty)
    }
  }
}

/// `TextClean.scalarsStandAlone`: the scalars it accepts are characters of their own next to any of them.
@Suite struct StandAloneScalarTests {
  static let ranges: [ClosedRange<UInt32>] = [
    0x00...0x02FF, 0x2010...0x2027, 0x2030...0x205E, 0x2100...0x2BFF, 0x3000...0x3029, 0x3030...0x3098,
    0x309B...0x30FF, 0x3100...0x312F, 0x3190...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF9D,
  ]

  /// The scalars of `ranges` canonically equivalent to other text (ohm, kelvin and angstrom signs, angle brackets,
  /// U+2ADC): left out, so that bytes compare as `String`s do.
  static let equivalentToOthers: Set<UInt32> = [0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC]

  @Test func acceptedScalarsBreakOnBothSides() {
    var joined: [String] = []
    for range in Self.ranges {
      for value in range where value != 0x0D && !Self.equivalentToOthers.contains(value) {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let text = String(Character(scalar))
        #expect(TextClean.scalarsStandAlone(text))
        // Extend, ZWJ, SpacingMark (after a letter), Prepend (before one), Hangul jamo and regional indicators join.
        let probes = ["a" + text + "a", text + text, "\u{1100}" + text, text + "\u{1161}", text + "\u{11A8}"]
        if probes.contains(where: { $0.count != $0.unicodeScalars.count }) { joined.append(String(value, radix: 16)) }
      }
    }
    #expect(joined.isEmpty)
  }

  @Test func othersAreNot() {
    let others = ["\r", "a\u{0301}", "\u{0600}", "\u{200D}", "\u{1100}", "\u{AC00}", "\u{FF9E}", "😀", "\u{FE0F}", "\u{3099}"]
    for text in others + ["\u{212B}", "\u{2329}"] {
      #expect(!TextClean.scalarsStandAlone(text))
    }
    #expect(TextClean.scalarsStandAlone("单位代码：000000    单位名称：示例县卫生健康局"))
  }
}

@Suite struct LineFieldReadingTests {
  /// The same line read on bytes and, with a combining mark in it, by characters.
  @Test(arguments: ["", "e\u{0301}"])
  func fieldsOfAFreeLine(mark: String) throws {
    let line = "预算单位：示例市水务局（盖章）    项目名称：\(mark)示例 项目\u{3000}填报日期:2021"
    let form = try FormReaderTests.form("2021年项目支出绩效目标表\n\(line)\n\t项目名称\n\t示例项目\n\n")
    #expect(form.lineFields.map(\.label) == ["预算单位", "项目名称"])
    #expect(form.lineFields.map(\.value) == ["示例市水务局", "\(mark)示例项目"])
  }
}
