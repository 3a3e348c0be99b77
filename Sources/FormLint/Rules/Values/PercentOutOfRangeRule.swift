import FormModel
import Foundation

/// JX205: a rate or satisfaction above 100% or below 0.
struct PercentOutOfRangeRule: Rule {
  static let description = RuleDescription(
    code: "JX205", name: "percent-out-of-range", severity: .error,
    summary: LocalizedText(zh: "比率或满意度超出 0–100%", en: "A rate or satisfaction lies outside 0–100%"),
    rationale: LocalizedText(
      zh: "合格率、覆盖率、满意度等比率不可能超过 100% 或低于 0，这样的指标值无法达成也无法考核。从 PDF 或扫描件转换的表格常把“≥”识别为“2”：“292%”多半是“≥92%”。",
      en: "A rate such as 合格率, 覆盖率 or a satisfaction cannot exceed 100% or fall below 0, so the target can be neither met nor assessed. Tables converted from PDF or scans often read “≥” as “2”: “292%” is most likely “≥92%”."),
    fixDescription: LocalizedText(
      zh: "把“2NN%”改为“≥NN%”（仅当这样读合理时；不安全：请核对原件）",
      en: "Rewrite “2NN%” as “≥NN%” when that reading fits (unsafe: check the original)"),
    triggering: [
      Examples.form(satisfactionValue: "↓292%"),
      Examples.form(qualityValue: "↓105%　"),
      Examples.form(qualityName: "案件结案率", qualityValue: "↓-5%"),
      Examples.form(satisfactionValue: "↓群众满意度120%以上"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(benefitName: "法律援助案件增长率", benefitValue: "150%"),
      Examples.form(quantityValue: "120%"),
      Examples.form(satisfactionValue: "100%"),
    ],
    corrections: [
      (Examples.form(satisfactionValue: "292%"), Examples.form(satisfactionValue: "≥92%")),
      (Examples.form(qualityValue: "2100％　"), Examples.form(qualityValue: "≥100％　")),
    ])

  /// Name endings of indicators whose value is a share of a whole.
  static let rateSuffixes = ["率", "度", "比例", "占比"]
  /// Growth may exceed 100%: `增长率 150%` is a fine target.
  static let growthWords = ["增长", "增幅", "增速", "增加", "提高", "提升"]
  /// Every growth word is 增 or 提 and one more character: the words as (first, second) UTF-8 pairs.
  private static let growthPairs = growthWords.map { word in (Array(String(word.first!).utf8), Array(String(word.last!).utf8)) }
  private static let growthLeads = Array(Set(growthPairs.map { $0.0[0] }))

  func check(form context: FormContext) -> [Diagnostic] {
    ValuesCells.filledValues(context, where: Self.isShare).compactMap { value in
      let percentages: [Percentage]
      switch value.kind {
      case .percentage(let percentage): percentages = [percentage]
      case .text: percentages = Percentage.scan(in: value.cell.text)
      default: return nil
      }
      guard let wrong = percentages.first(where: { $0.value > 100 || $0.value < 0 }) else { return nil }
      let written = "\(wrong.value)%"
      let reading = Self.misreadComparator(value.cell.trimmed)
      var zh = "“\(value.shortName)”的指标值 \(written) 超出 0–100%：比率和满意度只能在 0 到 100% 之间"
      var en = "The value \(written) of “\(value.shortName)” lies outside 0–100%: a rate or satisfaction stays within 0 and 100%"
      var fixes: [Fix] = []
      if let reading {
        zh += "（“\(value.cell.trimmed)”可能是“\(reading)”的误识别）"
        en += " (“\(value.cell.trimmed)” is probably a misread “\(reading)”)"
        fixes.append(
          Fix(
            title: LocalizedText(zh: "改为 \(reading)", en: "Rewrite as \(reading)"), isSafe: false, isPreferred: true,
            edits: [FixEdit(range: value.cell.trimmedRange, newText: reading)]))
      }
      return diagnostic(LocalizedText(zh: zh, en: en), at: value.cell.trimmedRange, fixes: fixes)
    }
  }

  /// Rates and satisfactions, not growth figures.
  static func isShare(_ row: IndicatorRow) -> Bool {
    let name = row.name?.trimmed ?? ""
    let isGrowth = TextClean.withBytes(name) { bytes in Self.containsGrowthWord(bytes) }
    if isGrowth { return false }
    return ValuesCells.isSatisfactionRow(row) || CategoryRole.mentions(name, .satisfaction) || ValuesCells.nameEnds(name, in: rateSuffixes)
  }

  /// Whether the bytes hold one of `growthWords` (one pass: each word is two three-byte scalars).
  static func containsGrowthWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 6 else { return false }
    func matches(_ word: [UInt8], at index: Int) -> Bool {
      bytes[index] == word[0] && bytes[index + 1] == word[1] && bytes[index + 2] == word[2]
    }
    for index in 0...(bytes.count - 6) where growthLeads.contains(bytes[index]) {
      for (first, second) in growthPairs where matches(first, at: index) && matches(second, at: index + 3) { return true }
    }
    return false
  }

  /// `≥NN%` for a cell that reads `2NN%` (or `2100%`) where NN is a plausible target (50–100), since `≥` is often
  /// OCR'd as `2`; nil when that reading does not fit.
  static func misreadComparator(_ cell: String) -> String? {
    guard let sign = cell.last, sign == "%" || sign == "％" else { return nil }
    let digits = cell.dropLast()
    guard digits.first == "2", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    let rest = digits.dropFirst()
    guard rest.count == 2 || rest == "100", let target = Int(rest), (50...100).contains(target) else { return nil }
    return "≥\(rest)\(sign)"
  }
}
