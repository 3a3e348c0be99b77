import FormModel
import Foundation

/// JX304: an amount written in a unit far smaller than the table unit, with a figure far larger than the budget's.
struct AmountUnitConflictRule: Rule {
  static let description = RuleDescription(
    code: "JX304", name: "amount-unit-conflict", severity: .warning,
    summary: LocalizedText(
      zh: "金额的单位与表格单位（单位：万元）不一致", en: "An amount is written in a unit that conflicts with the table unit"),
    rationale: LocalizedText(
      zh: "表头写明“单位：万元”时，“1,200,000元”与预算“14”放在一起，读者很容易按万元读错数量级；成本与预算是否“相应匹配”（财预〔2015〕88号）也要先换算才能比较。按表格单位书写可以避免误读。JX301/JX302 使用换算后的金额。",
      en: "Under “单位：万元”, an amount such as “1,200,000元” next to a budget of “14” is easily read in the wrong order of magnitude, and checking that cost matches the budget (相应匹配, 财预〔2015〕88号) needs a conversion first. Writing it in the table unit avoids the misreading. JX301/JX302 use the converted amount."),
    fixDescription: LocalizedText(
      zh: "按表格单位改写金额（安全：数值不变）", en: "Rewrite the amount in the table unit (safe: the value does not change)"),
    triggering: [
      Examples.form(budget: "14", costValue: "↓1,200,000元以内", costStandard: "培训经费14万元"),
      Examples.form(budget: "20万", costStandard: "培训经费↓200000元"),
      Examples.form(budget: "20", costValue: "≤20万元", costStandard: "培训经费↓150000元、资料费↓50000元"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(budget: "20万", costStandard: "培训经费19万元、资料费5000元"),
      Examples.form(budget: "20万", costStandard: "培训经费20万元，伙食补助17000元/人"),
    ],
    corrections: [
      (
        Examples.form(budget: "14", costValue: "≤1,200,000元", costStandard: "培训经费14万元"),
        Examples.form(budget: "14", costValue: "≤120万元", costStandard: "培训经费14万元")
      ),
      (
        Examples.form(budget: "20万", costStandard: "培训经费200000元"),
        Examples.form(budget: "20万", costStandard: "培训经费20万元")
      ),
    ])

  /// How many times smaller the written unit, and larger the written figure, must be for a conflict.
  static let ratio: ExactDecimal = 1000

  func check(form context: FormContext) -> [Diagnostic] {
    let analysis = context.costAnalysis
    guard let budget = analysis.budget else { return [] }
    let unit = analysis.tableUnit
    let budgetFigure = budget.amountIn(unit: budget.unit)
    guard budgetFigure > 0 else { return [] }
    let cells = analysis.costRows.flatMap { [$0.value, $0.standard, $0.name].compactMap { $0 } }
      + [context.form.value(.superiorFunds)].compactMap { $0 }
    return cells.flatMap { cell in
      context.amounts(in: cell).compactMap { amount -> Diagnostic? in
        guard amount.unitIsWritten, amount.role != .unitPrice, unit.factor >= amount.unit.factor * Self.ratio,
          amount.amountIn(unit: amount.unit) >= budgetFigure * Self.ratio
        else { return nil }
        return finding(amount, in: cell, unit: unit, budget: budget)
      }
    }
  }

  private func finding(_ amount: Amount, in cell: CellText, unit: MoneyUnit, budget: Amount) -> Diagnostic {
    let bytes = Array(cell.text.utf8)
    // The figure and its unit, without a comparator around it (`≤1,200,000元以内`), is what is underlined and rewritten.
    let number = Self.numberRange(in: bytes, amount: amount)
    let local = number ?? amount.range
    let written = String(decoding: bytes[local], as: UTF8.self)
    let converted = amount.formatted(in: unit)
    let range = cell.nodeRange(local)
    let message = LocalizedText(
      zh: "金额 \(written) 以\(amount.unit.symbol)书写，与表格单位\(unit.symbol)相差千倍以上，容易与年度本级预算金额 \(budget.formatted(in: unit)) 误读：按表格单位为 \(converted)",
      en: "The amount \(written) is written in \(amount.unit.symbol), at least 1000 times smaller than the table unit \(unit.symbol), and is easily misread against the budget of \(budget.formatted(in: unit)): in the table unit it is \(converted)")
    let fixes = number.map { _ in
      [
        Fix(
          title: LocalizedText(zh: "改写为 \(converted)", en: "Rewrite as \(converted)"), isSafe: true,
          edits: [FixEdit(range: range, newText: converted)])
      ]
    } ?? []
    return diagnostic(message, at: range, fixes: fixes)
  }

  /// The bytes from the first digit through the last `元` of the amount, so that a comparator word before it
  /// (`≤`, `不超过`) and after it (`以内`) stays as written; nil when the figure is not in digits.
  static func numberRange(in bytes: [UInt8], amount: Amount) -> Range<Int>? {
    let text = bytes[amount.range]
    guard let first = text.firstIndex(where: { (0x30...0x39).contains($0) }) else { return nil }
    let yuan = Array("元".utf8)
    var end: Int?
    var index = amount.range.upperBound - yuan.count
    while index >= first {
      if Array(bytes[index..<index + yuan.count]) == yuan {
        end = index + yuan.count
        break
      }
      index -= 1
    }
    return end.map { first..<$0 }
  }
}
