import FormModel

/// JX302: the itemised cost is below the budget.
struct CostBelowBudgetRule: Rule {
  static let description = RuleDescription(
    code: "JX302", name: "cost-below-budget", severity: .information,
    summary: LocalizedText(
      zh: "成本指标所列金额合计低于年度本级预算金额", en: "The amounts itemised under 成本指标 add up to less than the budget"),
    rationale: LocalizedText(
      zh: "财预〔2015〕88号要求绩效目标与预算“相应匹配”。成本指标列了金额、合计却少于预算，说明有一部分预算没有对应的成本测算（细化不完整），审核时会问这部分钱用在哪里。",
      en: "财预〔2015〕88号 requires targets to match the budget (相应匹配). When the cost rows itemise amounts that add up to less than the budget, part of the budget has no costing behind it (the itemisation is incomplete), and reviewers will ask what that money is for."),
    triggering: [
      Examples.form(budget: "↓92万", costValue: "≤92万元", costStandard: "社区矫正工作经费27万元、安置帮教经费2万元"),
      Examples.form(budget: "↓20万　", costStandard: "培训经费15万元"),
      Examples.form(budget: "↓30", superiorFunds: "10", costValue: "≤40万元", costStandard: "培训经费30万元"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(budget: "92万", costValue: "≤92万元", costStandard: "社区矫正工作经费27万元、临聘人员工资63万元，安置帮教经费2万元"),
      Examples.form(budget: "20万", costValue: "≤20万元", costStandard: "按实际发生"),
      Examples.form(budget: "20万", costStandard: "伙食补助17元/人·天"),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let analysis = context.costAnalysis
    guard let budgetCell = analysis.budgetCell, let available = analysis.available, !analysis.items.isEmpty else { return [] }
    let total = analysis.itemisedTotal
    guard total < available, let budgetLabel = context.budgetLabel else { return [] }
    let totalText = analysis.formatted(total)
    let gap = analysis.formatted(available - total)
    let list = analysis.itemList
    let message = LocalizedText(
      zh: "成本指标所列金额合计 \(totalText)（\(list.zh)），低于\(budgetLabel.zh)：尚有 \(gap) 没有列明用途",
      en: "The amounts itemised under 成本指标 total \(totalText) (\(list.en)), less than \(budgetLabel.en): \(gap) is not itemised")
    return [diagnostic(message, at: budgetCell.trimmedRange, related: analysis.itemLocations)]
  }
}
