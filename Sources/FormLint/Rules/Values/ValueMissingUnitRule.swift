import FormModel

/// JX206: a bare number as 指标值, with no unit or %.
struct ValueMissingUnitRule: Rule {
  static let description = RuleDescription(
    code: "JX206", name: "value-missing-unit", severity: .warning,
    summary: LocalizedText(zh: "指标值是没有单位的数字", en: "A value is a bare number with no unit or %"),
    rationale: LocalizedText(
      zh: "财预〔2021〕101号要求定量指标写明计量单位和比较符号（≥、≤、=）。“0”“180”不说明是百分比、天数还是件数，自评时无从判断是否达成。成本行的数字按表格单位（万元）读作金额，不在此列。",
      en: "财预〔2021〕101号 asks quantitative values to carry a unit and a comparator (≥, ≤, =). “0” or “180” does not say whether it is a percentage, days or cases, so nobody can tell at the self-evaluation whether it was met. A number in a cost row is an amount in the table unit (万元) and is not reported."),
    fixDescription: LocalizedText(
      zh: "指标名称以“率”或“度”结尾时补上“%”（不安全：请确认数字确是百分数）",
      en: "Add “%” when the indicator's name ends in 率 or 度 (unsafe: confirm that the number is a percentage)"),
    triggering: [
      Examples.form(qualityName: "社区矫正对象脱管、漏管、重新犯罪率", qualityValue: "↓0"),
      Examples.form(timeValue: "↓180"),
      Examples.form(quantityValue: "↓≥10　"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(costValue: "20"),
      Examples.form(qualityValue: "0%"),
      Examples.form(timeValue: "180天"),
    ],
    corrections: [
      (
        Examples.form(qualityName: "重新犯罪率", qualityValue: "0　"),
        Examples.form(qualityName: "重新犯罪率", qualityValue: "0%　")
      ),
      (Examples.form(satisfactionValue: "≥95"), Examples.form(satisfactionValue: "≥95%")),
    ])

  /// Names of rates and degrees (满意度), whose bare number is a percentage with the sign left out.
  static let percentSuffixes = ["率", "度"]

  func check(form context: FormContext) -> [Diagnostic] {
    // In a cost row a bare number is money in the table unit.
    ValuesCells.filledValues(context) { !CostAnalysis.isCostRow($0) }.compactMap { value in
      guard case .bareNumber = value.kind else { return nil }
      // The unit stands in its own column (计量单位) or in the name (`山塘整治(处)`).
      if value.row.unitText != nil || ValuesCells.nameCarriesUnit(value.name) { return nil }
      let shown = value.cell.trimmed
      var fixes: [Fix] = []
      var advice = LocalizedText(zh: "应写明计量单位", en: "give its unit")
      if ValuesCells.nameEnds(value.name, in: Self.percentSuffixes) {
        advice = LocalizedText(zh: "指标是比率，应写作 \(shown)%", en: "the indicator is a rate, so write \(shown)%")
        let end = value.cell.trimmedRange.upperBound
        fixes.append(
          Fix(
            title: LocalizedText(zh: "补上 %：\(shown)%", en: "Add %: \(shown)%"), isSafe: false, isPreferred: true,
            edits: [FixEdit(range: end..<end, newText: "%")]))
      }
      return diagnostic(
        LocalizedText(
          zh: "“\(value.shortName)”的指标值“\(shown)”是没有单位的数字：\(advice.zh)",
          en: "The value “\(shown)” of “\(value.shortName)” is a bare number: \(advice.en)"),
        at: value.cell.trimmedRange, fixes: fixes)
    }
  }
}
