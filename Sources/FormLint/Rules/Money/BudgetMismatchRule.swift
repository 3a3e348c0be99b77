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
    fixDescription: LocalizedText(
      zh: "不提供修改预算的修复（预算由财政部门核定）；成本行的指标值只有一个金额或上限时，可改为“≤预算”（不安全：请核对成本测算）",
      en: "No fix edits the budget (the finance bureau sets it); where the cost row's value is a single amount or cap, it can be set to “≤ the budget” (unsafe: check the costing)"),
    triggering: [
      Examples.form(budget: "↓14万", costName: "普法考试", costValue: "100%", costStandard: "普法经费15万元、法治创建经费5万元"),
      Examples.form(budget: "↓10万　", costName: "办案补贴", costValue: "≤20万元", costStandard: "律师值班补助4.5万元、办案经费1.5万元、法援律师补贴14万元"),
      Examples.form(budget: "↓16", costName: "业务经费", costValue: "≤16万元", costStandard: "1、聘请政府顾问12万元；2、聘请政府顾问助理6万元；3、业务经费10万元"),
      // A floor above the budget cannot be met within it.
      Examples.form(budget: "↓92万", costName: "工作经费", costValue: "不低于100万元", costStandard: "按实际支出"),
    ],
    nonTriggering: [
      Examples.form(budget: "92万", costName: "工作经费", costValue: "≤92万元", costStandard: "社区矫正工作经费27万元、临聘人员工资63万元，安置帮教经费2万元"),
      Examples.form(budget: "14万", costName: "培训", costValue: "≤250万元", costStandard: "培训经费14万元"),
      Examples.form(budget: "20万", costName: "餐费", costValue: "≤20万元", costStandard: "伙食补助17元/人·天，合计20万元"),
    ],
    corrections: [
      (
        Examples.form(budget: "14万", costName: "普法考试", costValue: "≤20万元", costStandard: "普法经费15万元、法治创建经费5万元"),
        Examples.form(budget: "14万", costName: "普法考试", costValue: "≤14万元", costStandard: "普法经费15万元、法治创建经费5万元")
      ),
      (
        Examples.form(budget: "92万", costName: "工作经费", costValue: "不低于100万元", costStandard: "按实际支出"),
        Examples.form(budget: "92万", costName: "工作经费", costValue: "≤92万元", costStandard: "按实际支出")
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let analysis = context.costAnalysis
    // The budget's label is built only for a finding (with a budget there always is one).
    guard let budgetCell = analysis.budgetCell, let available = analysis.available else { return [] }
    let unit = analysis.tableUnit
    let total = analysis.itemisedTotal
    if !analysis.items.isEmpty, total > available, let budgetLabel = context.budgetLabel {
      let totalText = analysis.formatted(total)
      let list = analysis.itemList
      let message = LocalizedText(
        zh: "成本指标所列金额合计 \(totalText)（\(list.zh)），超过\(budgetLabel.zh)",
        en: "The amounts itemised under 成本指标 total \(totalText) (\(list.en)), more than \(budgetLabel.en)")
      return [
        diagnostic(
          message, at: budgetCell.trimmedRange, related: analysis.itemLocations,
          fixes: fix(context, available: available, unit: unit))
      ]
    }
    if let (readings, total) = analysis.sharesAboveBudget, let budgetLabel = context.budgetLabel {
      let name = ValuesCells.short(readings[0].name?.trimmed ?? "")
      let totalText = analysis.formatted(total)
      let related = readings.compactMap { reading in
        reading.value.map { RelatedLocation(message: LocalizedText(zh: "成本指标值", en: "Cost value"), range: $0.trimmedRange) }
      }
      return [
        diagnostic(
          LocalizedText(
            zh: "成本指标“\(name)”各列合计 \(totalText)，超过\(budgetLabel.zh)",
            en: "The columns of the cost row “\(name)” add up to \(totalText), more than \(budgetLabel.en)"),
          at: budgetCell.trimmedRange, related: related)
      ]
    }
    if let (row, amount) = analysis.valueAboveBudget, let budgetLabel = context.budgetLabel {
      let valueText = amount.formatted(in: unit)
      let isFloor = if case .cap = amount.role { true } else { false }
      let message = LocalizedText(
        zh: isFloor ? "成本指标值下限 \(valueText) 超过\(budgetLabel.zh)，在预算内无法达到" : "成本指标值 \(valueText) 超过\(budgetLabel.zh)",
        en: isFloor
          ? "The cost value's floor of \(valueText) is more than \(budgetLabel.en): it cannot be met within the budget"
          : "The cost value \(valueText) is more than \(budgetLabel.en)")
      let related = row.value.map {
        [RelatedLocation(message: LocalizedText(zh: "成本指标值", en: "Cost value"), range: $0.trimmedRange)]
      } ?? []
      return [
        diagnostic(message, at: budgetCell.trimmedRange, related: related, fixes: fix(context, available: available, unit: unit))
      ]
    }
    return []
  }

  /// Where there is one cost row and its 指标值 is a single amount or cap: set it to `≤` the budget (unsafe).
  /// The budget itself is never edited: the finance bureau sets it.
  private func fix(_ context: FormContext, available: ExactDecimal, unit: MoneyUnit) -> [Fix] {
    let analysis = context.costAnalysis
    guard analysis.costRows.count == 1, let value = analysis.costRows[0].value, context.amounts(in: value).count == 1
    else { return [] }
    let text = "≤" + unit.format(yuan: available)
    return [
      Fix(
        title: LocalizedText(zh: "把成本指标值改为 \(text)（预算）", en: "Set the cost value to \(text) (the budget)"), isSafe: false,
        isPreferred: true, edits: [FixEdit(range: value.trimmedRange, newText: text)])
    ]
  }
}
