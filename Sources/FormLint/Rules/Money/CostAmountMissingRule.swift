import FormModel

/// JX303: a cost row with no amount of money anywhere.
struct CostAmountMissingRule: Rule {
  static let description = RuleDescription(
    code: "JX303", name: "cost-amount-missing", severity: .warning,
    summary: LocalizedText(zh: "成本指标行没有任何金额", en: "A 成本指标 row gives no amount of money"),
    rationale: LocalizedText(
      zh: "成本指标是检验绩效目标与预算是否“相应匹配”（财预〔2015〕88号）的唯一依据。指标值、绩效标准和指标名称中都没有金额（单价不算），预算就无从核对，审核时按成本未细化处理。",
      en: "The 成本指标 row is what shows that the targets match the budget (相应匹配, 财预〔2015〕88号). With no amount in its value, standard or name (unit prices do not count), the budget cannot be checked, and reviewers treat the cost as not broken down."),
    triggering: [
      Examples.form(costName: "↓调解成功案件数量及对应的奖补标准", costValue: "", costStandard: "人民调解指导经费、办案补贴发放"),
      Examples.form(costName: "↓办案补贴", costValue: "98%", costStandard: "按标准发放"),
      Examples.form(costName: "↓伙食补助", costValue: "按标准", costStandard: "17元/人·天"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(costValue: "98%", costStandard: "普法经费15万元、法治创建经费5万元"),
      Examples.form(costName: "/", costValue: "/", costStandard: "/"),
      Examples.form(costValue: "20", costStandard: "按标准发放"),
      // A unit cost beside a row that states the total.
      StructureExamples.form(
        rows: Array(StructureExamples.rows[..<4])
          + [StructureExamples.Row(level1: "", level2: "成本指标", name: "人均培训成本", value: "≤200元/人", standard: "按标准执行")]
          + StructureExamples.rows[4...]),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    func hasMoney(_ row: IndicatorRow) -> Bool {
      [row.value, row.standard, row.name].compactMap { $0 }.contains { cell in
        context.amounts(in: cell).contains { $0.role != .unitPrice }
      }
    }
    let costRows = context.form.indicators.filter { CostAnalysis.isCostRow($0) && !$0.isNotApplicableRow }
    // A unit cost (`4元/人·餐`) beside a row that states the total is a cost indicator of its own (财预〔2021〕101号
    // names 单位成本): the budget can be checked against the total.
    guard !costRows.contains(where: hasMoney) else { return [] }
    let budget = context.budgetLabel
    return costRows.compactMap { row in
      let cells = [row.value, row.standard, row.name].compactMap { $0 }
      guard cells.contains(where: { !$0.isBlank }) else { return nil }
      let anchor = [row.name, row.value, row.standard].compactMap { $0 }.first { !$0.isBlank } ?? cells[0]
      let name = ValuesCells.short(row.name?.trimmed ?? "")
      let against = budget.map { LocalizedText(zh: "无法与\($0.zh)核对", en: "so it cannot be checked against \($0.en)") }
        ?? LocalizedText(zh: "预算无从核对", en: "so the budget cannot be checked")
      return diagnostic(
        LocalizedText(
          zh: "成本指标“\(name)”的指标值、绩效标准和名称中都没有金额，\(against.zh)",
          en: "The 成本指标 row “\(name)” gives no amount of money in its value, standard or name, \(against.en)"),
        at: anchor.trimmedRange)
    }
  }
}
