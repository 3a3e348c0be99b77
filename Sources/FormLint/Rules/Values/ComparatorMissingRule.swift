import FormModel

/// JX209: the table has a 计算符号 / 指标方向 column and a quantitative value's comparator cell is empty.
struct ComparatorMissingRule: Rule {
  static let description = RuleDescription(
    code: "JX209", name: "comparator-missing", severity: .warning,
    summary: LocalizedText(
      zh: "指标表有计算符号／指标方向列，而定量指标值的符号单元格为空",
      en: "The table has a 计算符号 / 指标方向 column and a quantitative value's comparator cell is empty"),
    rationale: LocalizedText(
      zh: "在有“计算符号”列的模板（预算管理系统导出、财预〔2021〕101号后的一体化表）里，指标值只写数字，“≥”“≤”写在符号列：符号空着，12 台是上限还是下限就说不清，年底也无法判断是否完成。",
      en: "In templates with a comparator column (budget-system exports, one-system forms after 财预〔2021〕101号) the value holds only the number and ≥/≤ stands in its own column: with the comparator left empty nobody can tell whether 12 is a floor or a cap, nor judge at year end whether it was met."),
    triggering: [
      TemplateExamples.export().replacingFirst("\t≥\n\t12\n", with: "\t\n\t↓12\n"),
      TemplateExamples.export().replacingFirst("\t≥\n\t90\n", with: "\t　\n\t↓90\n"),
    ],
    nonTriggering: [
      TemplateExamples.export(),
      // The value carries its own comparator.
      TemplateExamples.export().replacingFirst("\t≥\n\t12\n", with: "\t\n\t≥12\n"),
      // A qualitative value needs none.
      TemplateExamples.export().replacingFirst("\t≥\n\t100\n", with: "\t\n\t合格\n"),
      // No comparator column at all.
      Examples.form(),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    ValuesCells.filledValues(context) { $0.comparator != nil }.compactMap { value in
      guard let comparator = value.row.comparator, comparator.isBlank else { return nil }
      let text = value.cell.trimmed
      guard text.contains(where: { $0.isNumber }), Comparator.stated(in: text) == nil else { return nil }
      return diagnostic(
        LocalizedText(
          zh: "“\(value.shortName)”的指标值“\(ValuesCells.shown(value.cell))”没有计算符号：在符号列写明 ≥、≤ 或 =",
          en: "The value “\(ValuesCells.shown(value.cell))” of “\(value.shortName)” has no comparator: write ≥, ≤ or = in its column"),
        at: value.cell.trimmedRange)
    }
  }
}
