import Foundation
import Testing

@testable import FormLint
@testable import FormModel

/// The byte tests that stand in for `String` and `UTF8` work in the rules give the same answers.
@Suite("Byte tests of the rules")
struct ByteTestTests {
  /// `UTF8`'s decoder: what `SourceFile.isValidUTF8` must agree with.
  private func decodes(_ bytes: [UInt8]) -> Bool {
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  @Test("isValidUTF8 agrees with the UTF-8 decoder on edge cases and random bytes")
  func validUTF8() {
    let edges: [[UInt8]] = [
      [], [0x41], [0xC2, 0x80], [0xC1, 0xBF], [0xE0, 0xA0, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0x9F, 0xBF],
      [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
      [0xF4, 0x8F, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0x80], [0xE4, 0xB8],
      [0xE4, 0xB8, 0x41], [0xFF], Array("成本指标".utf8),
    ]
    for bytes in edges { #expect(SourceFile.isValidUTF8(bytes[...]) == decodes(bytes), "\(bytes)") }
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = [0x41, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5]
    for _ in 0..<5_000 {
      let bytes = (0..<Int.random(in: 1...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
      #expect(SourceFile.isValidUTF8(bytes[...]) == decodes(bytes), "\(bytes)")
    }
  }

  /// Every scalar that is a later scalar of a canonical decomposition: what NFC may compose onto the one before.
  private func composingScalars() -> Set<UInt32> {
    var composing: Set<UInt32> = []
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
      if decomposed.count > 1 { composing.formUnion(decomposed.dropFirst().map(\.value)) }
    }
    return composing
  }

  /// The byte tests of the rules (`PlainText`, `ValuesCells.nameEnds`, `CoveredCategories`) run on text whose
  /// scalars `TextClean.scalarsStandAlone` accepts: there a byte is compared where `String` compares canonically
  /// equivalent characters, so no accepted scalar may be equivalent to other text, nor join its neighbours.
  @Test("Every scalar scalarsStandAlone accepts is a character of its own that compares as its bytes")
  func standAloneScalars() {
    let composing = composingScalars()
    #expect(composing.count > 100)
    let probes: [Unicode.Scalar] = ["a", "一", "（", "\u{3000}", "e", "A"]
    var accepted = 0
    // Four-byte scalars are never accepted (the lead byte is tested first).
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      guard TextClean.scalarsStandAlone(text) else { continue }
      accepted += 1
      // NFC leaves it as it is, it is never reordered, and NFC composes neither it nor its decomposition's first
      // scalar onto the scalar before: a text of accepted scalars is its own NFC form, which `==` compares.
      #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars), "U+\(value)")
      #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(value)")
      let first = text.decomposedStringWithCanonicalMapping.unicodeScalars.first!.value
      #expect(!composing.contains(value) && !composing.contains(first), "U+\(value)")
      for probe in probes {
        #expect("\(probe)\(text)".count == 2 && "\(text)\(probe)".count == 2, "U+\(value)")
      }
    }
    #expect(accepted > 30_000)
    // The text loop's fast path for CJK answers as the scalar test does.
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = String(scalar)
      #expect(TextClean.scalarsStandAlone(text) == TextClean.withBytes(text) { TextClean.standsAlone($0, at: 0) }, "U+\(value)")
    }
    #expect(!TextClean.scalarsStandAlone("一\u{4DC0}") && TextClean.scalarsStandAlone("\u{4000}\u{4DBF}\u{4E00}\u{9FFF}a"))
    for text in ["\r\n", "e\u{301}", "\u{212B}", "\u{212A}", "\u{2126}", "\u{2329}", "\u{232A}", "\u{2ADC}", "\u{F961}"] {
      #expect(!TextClean.scalarsStandAlone(text), "\(text.debugDescription)")
    }
  }

  @Test("nameEnds on bytes agrees with the String reading")
  func nameEnds() {
    func reference(_ name: String, _ suffixes: [String]) -> Bool {
      var text = TextClean.trimmed(name)
      if text.hasSuffix("）") || text.hasSuffix(")"), let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }) {
        text = TextClean.trimmed(String(text[..<open]))
      }
      return suffixes.contains { text.hasSuffix($0) }
    }
    let pieces = [
      "率", "度", "比例", "合格", "（", "）", "(", ")", "%", " ", "\u{3000}", "\t", "\n", "e\u{301}", "\u{F961}", "\u{A0}", "\u{B}", "é",
    ]
    let suffixes = ["率", "度", "比例", "占比"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let name = (0..<Int.random(in: 0...7, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      #expect(ValuesCells.nameEnds(name, in: suffixes) == reference(name, suffixes), "\(name.debugDescription)")
    }
  }

  @Test("sameTrimmedText agrees with comparing the trimmed Strings")
  func sameTrimmedText() {
    let pieces = ["率", "合格", " ", "\u{3000}", "a", "e\u{301}", "\u{E9}", "\u{F961}", "\u{7387}", "\u{C5}", "\u{212B}", "K", "\u{212A}"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let make = { (0..<Int.random(in: 0...4, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined() }
      let (a, b) = (make(), make())
      #expect(PlainText.sameTrimmedText(a, b) == (TextClean.trimmed(a) == TextClean.trimmed(b)), "\(a.debugDescription) \(b.debugDescription)")
    }
  }

  @Test("CostAnalysis.label on bytes agrees with the scalar reading it replaced")
  func costItemLabel() {
    func reference(_ utf8: [UInt8], _ start: Int, _ end: Int) -> String {
      guard start < end else { return "" }
      var scalars = Array(String(decoding: utf8[start..<end], as: UTF8.self).unicodeScalars)
      if let cut = scalars.lastIndex(where: { "，,；;。\n\r".unicodeScalars.contains($0) }) {
        scalars = Array(scalars[(cut + 1)...])
      }
      let separators = "、，,；;。：:（）()．. \t\u{3000}".unicodeScalars
      while let first = scalars.first, separators.contains(first) || ("0"..."9").contains(first) {
        scalars.removeFirst()
      }
      return TextClean.trimmed(String(String.UnicodeScalarView(scalars)))
    }
    let pieces = [
      "，", ",", "；", ";", "。", "\n", "\r", "\r\n", "、", "：", ":", "（", "）", "(", ")", "．", ".", " ", "\t", "\u{3000}", "1", "9",
      "１", "经费", "a", "e\u{301}", "\u{301}", "万元",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let utf8 = Array(text.utf8)
      let start = Int.random(in: 0...utf8.count, using: &generator)
      let end = Int.random(in: 0...utf8.count, using: &generator)
      #expect(CostAnalysis.label(in: text, from: start, to: end).utf8.elementsEqual(reference(utf8, start, end).utf8), "\(text.debugDescription) \(start) \(end)")
    }
  }

  @Test("Text without four digits in a row or 月 holds no date, period or deadline (the dates memo skips it)")
  func datesNeedYearDigitsOrAMonth() {
    let pieces = [
      "2021", "202", "20", "1", "12", "１", "２０２１", "月", "年", "日", "号", "底", "份", "度", "-", "—", "至", "~", ".", " ", "前", "止",
      "不晚于", "个", "工作日", "天", "内", "第", "十五", "%", "≥", "全年", "完成",
    ]
    var generator = SystemRandomNumberGenerator()
    var skipped = 0
    for _ in 0..<5_000 {
      let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let reference = DateValue.scan(in: text).filter { if case .duration = $0.kind { false } else { true } }
      #expect(DatesCells.dates(in: text) == reference, "\(text.debugDescription)")
      if !DatesCells.mayHoldDates(text) { skipped += 1 }
    }
    #expect(skipped > 500)
  }

  @Test("The growth-word pass finds what a search for each word finds")
  func growthWords() {
    #expect(PercentOutOfRangeRule.growthWords.allSatisfy { $0.count == 2 && $0.utf8.count == 6 })
    let pieces = ["增", "长", "增长", "增幅", "提", "高", "提升", "速", "率", "a", "加", "\u{589E}\u{0301}", "幅度"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let name = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let found = TextClean.withBytes(name) { PercentOutOfRangeRule.containsGrowthWord($0) }
      #expect(found == PercentOutOfRangeRule.growthWords.contains { TextClean.contains(name, $0) }, "\(name.debugDescription)")
    }
  }

  @Test("Names are shortened for messages as by counting characters")
  func shortNames() {
    let pieces = ["率", "合格", "a", "ab", "é", "e\u{301}", "\r\n", "（", "１２", "\u{3000}", "服务对象满意度"]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<5_000 {
      let name = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let reference = name.count > 20 ? String(name.prefix(20)) + "…" : name
      #expect(ValuesCells.short(name).utf8.elementsEqual(reference.utf8), "\(name.debugDescription)")
    }
  }
}
