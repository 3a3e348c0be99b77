import FormModel
import Foundation

/// JX208: a satisfaction target below the configured floor (`thresholds.satisfactionFloor`).
struct SatisfactionBelowFloorRule: Rule {
  static let description = RuleDescription(
    code: "JX208", name: "satisfaction-below-floor", severity: .warning,
    summary: LocalizedText(
      zh: "满意度指标值低于配置的下限（thresholds.satisfactionFloor，未设置时本规则不运行）",
      en: "A satisfaction target below the configured floor (thresholds.satisfactionFloor; the rule is off unless it is set)"),
    rationale: LocalizedText(
      zh: "不少财政局规定满意度目标不得低于某个比例（常见 85% 或 90%），低于它的目标等于预先接受大量不满意。在 .jixiao.json 的 thresholds.satisfactionFloor 中写明本地的下限即可启用。",
      en: "Many finance bureaus set a floor for satisfaction targets (often 85% or 90%); a lower target accepts much dissatisfaction in advance. Set your bureau's floor as thresholds.satisfactionFloor in .jixiao.json to turn the rule on."),
    triggering: [
      Examples.form(satisfactionValue: "↓≥80%"),
      Examples.form(satisfactionValue: "↓满意度达到70%以上"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(satisfactionValue: "≥85%"),
      // Not a satisfaction row: a rate elsewhere may be low.
      Examples.form(qualityValue: "≥60%"),
    ], isOptIn: true)

  func check(form context: FormContext) -> [Diagnostic] {
    let floor = ExactDecimal(context.settings.satisfactionFloor)
    return ValuesCells.filledValues(context, where: ValuesCells.isSatisfactionRow).compactMap { value in
      let percentages: [Percentage]
      if case .percentage(let percentage) = value.kind { percentages = [percentage] } else {
        percentages = Percentage.scan(in: value.cell.text)
      }
      guard let first = percentages.first, first.value < floor else { return nil }
      return diagnostic(
        LocalizedText(
          zh: "“\(value.shortName)”的满意度目标 \(first.value)% 低于下限 \(floor)%",
          en: "The satisfaction target \(first.value)% of “\(value.shortName)” is below the floor of \(floor)%"),
        at: value.cell.trimmedRange)
    }
  }
}
