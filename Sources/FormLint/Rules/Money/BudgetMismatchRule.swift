import FormModel
import Foundation

/// JX301: the itemised cost exceeds the budget.
struct BudgetMismatchRule: Rule {
  static let description = RuleDescription(
    code: "JX301", name: "budget-mismatch", severity: .error,
    summary: LocalizedText(
      zh: "成本指标所列金额合计超过年度本级预算金额", en: "The amounts itemised under 成本指标 add up to more than the budget"),
    rationale: LocalizedText(
      zh: "财预〔2015〕88号要求绩效目标与预算“相应匹配”：成本指标列明的各项支出是预算的依据，合计超过年度本级预算金额（加上级资金），说明预算或成本测算至少有一处是错的，审核时会被退回。",
      en: "财预〔2015〕88号 requires targets to match the budget (相应匹配): the costs itemised under 成本指标 are what the budget pays for. When they add up to more than the year's budget (plus funds from above), either the budget or the costing is wrong, and reviewers send the form back."),
    fixDescription: LocalizedText(zh: "把年度本级预算金额改为成本合计（不推荐：通常应改的是成本测算）", en: "Set the budget to the itemised total (not preferred: usually the costing is what is wrong)"),
    triggering: [
      Examples.form(budget: "↓14万", costName: "普法考试", costValue: "100%", costStandard: "普法经费15万元、法治创建经费5万元"),
      Examples.form(budget: "↓10万　", costName: "办案补贴", costValue: "≤20万元", costStandard: "律师值班补助4.5万元、办案经费1.5万元、法援律师补贴14万元"),
      Examples.form(budget: "↓16", costName: "业务经费", costValue: "≤16万元", costStandard: "1、聘请政府顾问12万元；2、聘请政府顾问助理6万元；3、业务经费10万元"),
    ],
    nonTriggering: [
      Examples.form(budget: "92万", costName: "工作经费", costValue: "≤92万元", costStandard: "社区矫正工作经费27万元、临聘人员工资63万元，安置帮教经费2万元"),
      Examples.form(budget: "14万", costName: "培训", costValue: "≤250万元", costStandard: "培训经费14万元"),
      Examples.form(budget: "20万", costName: "餐费", costValue: "≤20万元", costStandard: "伙食补助17元/人·天，合计20万元"),
    ],
    corrections: [
      (
        Examples.form(budget: "14万", costName: "普法考试", costValue: "≤20万元", costStandard: "普法经费15万元、法治创建经费5万元"),
        Examples.form(budget: "20万", costName: "普法考试", costValue: "≤20万元", costStandard: "普法经费15万元、法治创建经费5万元")
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let analysis = context.costAnalysis
    guard let budgetCell = analysis.budgetCell, let available = analysis.available else { return [] }
    guard let budgetLabel = analysis.budgetLabel else { return [] }
    let unit = analysis.tableUnit
    let total = analysis.itemisedTotal
    if !analysis.items.isEmpty, total > available {
      let totalText = analysis.formatted(total)
      let list = analysis.itemList
      let message = LocalizedText(
        zh: "成本指标所列金额合计 \(totalText)（\(list.zh)），超过\(budgetLabel.zh)",
        en: "The amounts itemised under 成本指标 total \(totalText) (\(list.en)), more than \(budgetLabel.en)")
      return [
        diagnostic(
          message, at: budgetCell.trimmedRange, related: analysis.itemLocations, fixes: fix(budgetCell, total: total, unit: unit))
      ]
    }
    if let (row, amount) = analysis.valueAboveBudget {
      let valueText = amount.formatted(in: unit)
      let message = LocalizedText(
        zh: "成本指标值 \(valueText) 超过\(budgetLabel.zh)", en: "The cost value \(valueText) is more than \(budgetLabel.en)")
      let related = row.value.map {
        [RelatedLocation(message: LocalizedText(zh: "成本指标值", en: "Cost value"), range: $0.trimmedRange)]
      } ?? []
      return [diagnostic(message, at: budgetCell.trimmedRange, related: related, fixes: fix(budgetCell, total: amount.value, unit: unit))]
    }
    return []
  }

  private func fix(_ budgetCell: CellText, total: Decimal, unit: MoneyUnit) -> [Fix] {
    var text = Amount(value: total, unit: unit, range: 0..<0, role: .item).formatted(in: unit)
    // Keep the form's own spelling: `14万` becomes `20万`, not `20万元`.
    if budgetCell.trimmed.hasSuffix("万"), text.hasSuffix("万元") { text.removeLast() }
    if !budgetCell.trimmed.contains(where: { $0 == "元" || $0 == "万" }), let number = text.firstIndex(where: { !"0123456789.,".contains($0) }) {
      text = String(text[..<number])
    }
    return [
      Fix(
        title: LocalizedText(zh: "把预算金额改为 \(text)", en: "Set the budget to \(text)"), isSafe: false, isPreferred: false,
        edits: [FixEdit(range: budgetCell.trimmedRange, newText: text)])
    ]
  }
}
