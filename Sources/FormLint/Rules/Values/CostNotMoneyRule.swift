import FormModel
import Foundation

/// JX202: a 成本指标 value that is not an amount of money.
struct CostNotMoneyRule: Rule {
  static let description = RuleDescription(
    code: "JX202", name: "cost-not-money", severity: .warning,
    summary: LocalizedText(zh: "成本指标的指标值不是金额", en: "A 成本指标 value is not an amount of money"),
    rationale: LocalizedText(
      zh: "成本指标反映产出的成本，财预〔2015〕88号和财预〔2021〕101号都要求以金额量化（总成本或单位成本，带计量单位和“≤”）。写“98%”或一句话，既不能与年度本级预算金额核对（相应匹配），也无法在自评时衡量成本控制。",
      en: "A 成本指标 states what the outputs cost; 财预〔2015〕88号 and 财预〔2021〕101号 both expect it in money (a total or unit cost, with its unit and usually “≤”). “98%” or a sentence can neither be checked against the budget (相应匹配) nor measured at the self-evaluation."),
    fixDescription: LocalizedText(
      zh: "把指标值改为“≤N万元”，N 为该行所列金额合计（不安全：请确认上限）",
      en: "Replace the value with “≤N万元”, N being the row's itemised total (unsafe: confirm the cap)"),
    triggering: [
      Examples.form(costValue: "↓100%", costStandard: "普法经费15万元、法治创建经费5万元"),
      Examples.form(costValue: "↓98%　"),
      Examples.form(costValue: "↓按标准执行"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(costValue: "20"),
      Examples.form(costValue: "培训经费不超过20万元"),
      Examples.form(costValue: "/"),
    ],
    corrections: [
      (
        Examples.form(costValue: "98%", costStandard: "普法经费15万元、法治创建经费5万元"),
        Examples.form(costValue: "≤20万元", costStandard: "普法经费15万元、法治创建经费5万元")
      ),
      (Examples.form(costValue: "按标准执行　"), Examples.form(costValue: "≤20万元　")),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let analysis = context.costAnalysis
    let unit = analysis.tableUnit
    return ValuesCells.filledValues(context, where: CostAnalysis.isCostRow).compactMap { value in
      switch value.kind {
      case .amount, .bareNumber:
        return nil
      case .text where !context.amounts(in: value.cell).isEmpty:
        return nil
      default:
        break
      }
      let shown = ValuesCells.shown(value.cell)
      let items = analysis.items.first { $0.row.rowIndex == value.row.rowIndex }?.items ?? []
      var message = LocalizedText(
        zh: "成本指标“\(value.shortName)”的指标值“\(shown)”不是金额：应写明成本金额（如 ≤20万元）",
        en: "The 成本指标 value “\(shown)” of “\(value.shortName)” is not an amount of money: state the cost (e.g. ≤20万元)")
      guard !items.isEmpty else { return diagnostic(message, at: value.cell.trimmedRange) }
      let total = items.reduce(ExactDecimal(0)) { $0 + $1.amount.value }
      let cap = "≤" + unit.format(yuan: total)
      message = LocalizedText(
        zh: "成本指标“\(value.shortName)”的指标值“\(shown)”不是金额：该行所列金额合计 \(unit.format(yuan: total))，可写为 \(cap)",
        en: "The 成本指标 value “\(shown)” of “\(value.shortName)” is not an amount of money: the row itemises \(unit.format(yuan: total)), so \(cap) would fit")
      let fix = Fix(
        title: LocalizedText(zh: "把指标值改为 \(cap)", en: "Replace the value with \(cap)"), isSafe: false, isPreferred: true,
        edits: [FixEdit(range: value.cell.trimmedRange, newText: cap)])
      return diagnostic(message, at: value.cell.trimmedRange, fixes: [fix])
    }
  }
}
