import FormModel
import Foundation

/// JX305: the budget's breakdown parts (其中 财政拨款, 其他资金 …) do not add up to the total.
struct FundingBreakdownMismatchRule: Rule {
  static let description = RuleDescription(
    code: "JX305", name: "funding-breakdown-mismatch", severity: .error,
    summary: LocalizedText(
      zh: "预算总额的构成（其中：财政拨款、其他资金……）相加不等于总额",
      en: "The budget's breakdown parts (其中 财政拨款, 其他资金 …) do not add up to the total"),
    rationale: LocalizedText(
      zh: "资金来源是预算审核的内容之一（财预〔2015〕88号“相应匹配”）：“其中”各项之和应等于年度资金总额，对不上说明总额或来源至少有一处填错。嵌套在某一项之下的“其中”不再重复相加。",
      en: "Where the money comes from is part of budget review (相应匹配, 财预〔2015〕88号): the parts listed under 其中 must add up to the year's total; when they do not, the total or a source is wrong. Parts nested under a part are not added again."),
    triggering: [
      TemplateExamples.poverty(funds: [("年度资金总额：", "↓200"), ("其中：财政拨款", "150"), ("其他资金", "20")]),
      TemplateExamples.poverty(funds: [("年度资金总额：", "↓200"), ("其中：财政拨款", "180"), ("其他资金", "30")]),
    ],
    nonTriggering: [
      TemplateExamples.poverty(),
      // 其中 under 财政拨款 is nested: 180 + 20 = 200, the 100 is not added again.
      TemplateExamples.poverty(funds: [
        ("年度资金总额：", "200"), ("其中：财政拨款", "180"), ("其中：中央资金", "100"), ("其他资金", "20"),
      ]),
      // An empty part counts as 0.
      TemplateExamples.poverty(funds: [("年度资金总额：", "200"), ("其中：财政拨款", "200"), ("其他资金", "")]),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    let unit = form.unit.moneyUnit
    let node = context.node
    func column(_ entry: HeaderEntry) -> Int { entry.label.cellIndex - node.rows[entry.rowIndex].cells.lowerBound }
    let totals: Set<HeaderField> = [.budget, .fundsTotal, .multiYearBudget]
    // Every total with its own parts: the budget, and a 中期 or project total beside or above it (中期资金总额 |
    // 年度资金总额, each with its 其中 rows).
    return form.header.indices.compactMap { start in
      let entry = form.header[start]
      guard let field = entry.field, totals.contains(field) else { return nil }
      // Two totals side by side (资金总额 | 当年资金总额): the parts below stand in their total's column.
      let sideBySide = form.header.contains {
        $0.rowIndex == entry.rowIndex && $0.label.cellIndex != entry.label.cellIndex && $0.field.map(totals.contains) == true
      }
      return mismatch(of: entry, at: start, in: form, sideBySide: sideBySide, column: column, unit: unit)
    }
  }

  private func mismatch(
    of budget: HeaderEntry, at start: Int, in form: Form, sideBySide: Bool, column: (HeaderEntry) -> Int, unit: MoneyUnit
  ) -> Diagnostic? {
    guard let totalCell = budget.value, let total = AmountScanner.parseCellAmount(totalCell.text, tableUnit: unit) else {
      return nil
    }
    let totals: Set<HeaderField> = [.budget, .fundsTotal, .multiYearBudget]
    var parts: [(entry: HeaderEntry, amount: ExactDecimal, nested: Bool)] = []
    for entry in form.header[(start + 1)...] {
      if let field = entry.field, totals.contains(field), entry.rowIndex != budget.rowIndex { break }
      guard entry.field == .fundingPart else {
        if entry.rowIndex == budget.rowIndex { continue }
        break
      }
      if sideBySide && column(entry) != column(budget) { continue }
      let text = entry.value?.text ?? ""
      let amount: ExactDecimal
      if TextClean.trimmed(text).isEmpty {
        amount = 0
      } else if let parsed = AmountScanner.parseCellAmount(text, tableUnit: unit) {
        amount = parsed.value
      } else {
        return nil  // A part that is not an amount: the breakdown cannot be checked.
      }
      let isSubItem = TemplateCatalog.normalizedLabel(entry.label.text).isSubItem
      parts.append((entry, amount, !parts.isEmpty && isSubItem))
    }
    guard !parts.isEmpty else { return nil }
    let tolerance = ExactDecimal(significand: 5, exponent: -3) * unit.factor
    let all = parts.reduce(ExactDecimal(0)) { $0 + $1.amount }
    let top = parts.filter { !$0.nested }.reduce(ExactDecimal(0)) { $0 + $1.amount }
    func fits(_ sum: ExactDecimal) -> Bool { abs(sum - total.value) <= tolerance }
    guard !fits(all), !fits(top) else { return nil }
    let shown = parts.filter { !$0.nested }
    let list = shown.map { "\(TemplateCatalog.normalizedLabel($0.entry.label.text).label) \(unit.format(yuan: $0.amount))" }
    let related = shown.compactMap { part in
      part.entry.value.map {
        RelatedLocation(message: LocalizedText(zh: "资金构成", en: "Part of the funding"), range: $0.range.isEmpty ? $0.range : $0.trimmedRange)
      }
    }
    return diagnostic(
      LocalizedText(
        zh: "资金构成合计 \(unit.format(yuan: top))（\(list.joined(separator: "、"))），不等于总额 \(unit.format(yuan: total.value))",
        en: "The funding parts add up to \(unit.format(yuan: top)) (\(list.joined(separator: ", "))), not to the total of \(unit.format(yuan: total.value))"),
      at: totalCell.trimmedRange, related: related)
  }
}
