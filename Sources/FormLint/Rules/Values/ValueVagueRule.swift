import FormModel

/// JX207: a 数量/质量/时效/成本 value made only of trend words, with no figure, date, amount or grade.
struct ValueVagueRule: Rule {
  static let description = RuleDescription(
    code: "JX207", name: "value-vague", severity: .warning,
    summary: LocalizedText(
      zh: "数量、质量、时效、成本指标值只有“提高”“明显改善”之类的趋势词，没有数字、日期、金额或等级",
      en: "A 数量/质量/时效/成本 value made only of trend words (提高, 明显改善 …), with no figure, date, amount or grade"),
    rationale: LocalizedText(
      zh: "财预〔2015〕88号要求指标“量化”：“逐步提高”“明显改善”无法衡量，年底无法判断是否完成。应写成数字、日期、金额，或“合格”“优良”这样的等级。效益和满意度指标可以定性，不在此列。",
      en: "财预〔2015〕88号 asks for quantified indicators: “逐步提高” or “明显改善” cannot be measured, so nobody can tell at year end whether the target was met. Write a figure, a date, an amount, or a grade such as 合格 or 优良. Effect and satisfaction values may be qualitative and are not checked."),
    triggering: [
      Examples.form(qualityValue: "↓逐步提高"),
      Examples.form(quantityValue: "↓明显改善"),
      Examples.form(timeValue: "↓进一步加强、不断完善"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(qualityValue: "合格"),
      Examples.form(qualityValue: "提高10%"),
      // 效益 values may be qualitative.
      Examples.form(benefitValue: "明显提升"),
    ])

  /// Words of a trend that sets no measurable target.
  static let trendWords = [
    "进一步", "提高", "提升", "增强", "改善", "完善", "健全", "有效", "明显", "显著", "逐步", "不断", "加强", "有所", "大幅", "持续",
  ]
  /// Grades, which are measurable.
  static let grades = ["优良", "良好", "合格", "达标", "优秀", "是", "否"]
  /// Roles whose values must be measurable.
  static let checkedRoles: Set<CategoryRole> = [.quantity, .quality, .timeliness, .cost]

  func check(form context: FormContext) -> [Diagnostic] {
    ValuesCells.filledValues(context) { row in row.role.map(Self.checkedRoles.contains) ?? false }
      .compactMap { value in
        let text = TextClean.squeezed(value.cell.text)
        guard Self.isVague(text) else { return nil }
        return diagnostic(
          LocalizedText(
            zh: "“\(value.shortName)”的指标值“\(ValuesCells.shown(value.cell))”只有趋势词，无法衡量：应写明数字、日期、金额或等级",
            en: "The value “\(ValuesCells.shown(value.cell))” of “\(value.shortName)” is only trend words and cannot be measured: give a figure, date, amount or grade"),
          at: value.cell.trimmedRange)
      }
  }

  /// Whether a text is made only of trend words and punctuation.
  static func isVague(_ text: String) -> Bool {
    // Digits (not 一 of 进一步, which is numeric too) or a grade make a value measurable.
    if text.contains(where: { ($0.isASCII && $0.isNumber) || ("０"..."９").contains($0) }) || grades.contains(where: { text.contains($0) }) { return false }
    var rest = text
    for word in trendWords.sorted(by: { $0.count > $1.count }) { rest = rest.replacingAll(word) }
    let hadTrend = rest.count < text.count
    return hadTrend && rest.allSatisfy { $0.isPunctuation || $0.isWhitespace || "、，,。；;和与及".contains($0) }
  }
}

extension String {
  /// The string with every occurrence of `word` removed (no Foundation).
  func replacingAll(_ word: String) -> String {
    guard !word.isEmpty else { return self }
    var result = ""
    var rest = self[...]
    while let found = rest.range(of: word) {
      result += rest[..<found.lowerBound]
      rest = rest[found.upperBound...]
    }
    return result + rest
  }
}
