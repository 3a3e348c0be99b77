import FormModel

/// JX107: a row of the indicator table whose cells cannot be matched to its columns.
struct MalformedRowRule: Rule {
  static let description = RuleDescription(
    code: "JX107", name: "malformed-row", severity: .error,
    summary: LocalizedText(
      zh: "表格行的单元格数或布局与所在表格对不上", en: "A table row whose cell count or layout cannot be matched to its table"),
    rationale: LocalizedText(
      zh: "单元格多了或少了，指标值、绩效标准就会错列，本行的所有检查都无从进行，审核人也无法确认每个指标的取值（财预〔2015〕88号“完整性”）。多见于导出时合并单元格被拆开或漏掉的空单元格。",
      en: "With cells added or lost, values and standards fall into the wrong columns: no check can read the row, and reviewers cannot tell each indicator's value (the completeness test of 财预〔2015〕88号). It usually comes from merged cells split apart or an empty cell lost in the export."),
    triggering: [
      StructureExamples.form().replacingFirst(
        "\t\n\t\n\t质量指标\n\t宣传覆盖率\n", with: "\t↓质量指标\n\t宣传覆盖率\n"),
      StructureExamples.form().replacingFirst("\t按期完成\n", with: "\t按期完成\n\t备注：分两批\n\t另附清单\n")
        .replacingFirst("\t\n\t\n\t时效指标", with: "\t↓\n\t\n\t时效指标"),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // Five cells where the title row has six: the merged first column was dropped, which is fine.
      StructureExamples.form().replacingFirst("\t\n\t\n\t质量指标\n", with: "\t\n\t质量指标\n"),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    let node = context.node
    let columns = form.indicatorHeaderRow.map { node.rows[$0].cells.count }
    return form.malformedRows.compactMap { rowIndex in
      let row = node.rows[rowIndex]
      guard let first = node.cells(of: row).first else { return nil }
      let count = row.cells.count
      let message: LocalizedText
      if let columns {
        message = LocalizedText(
          zh: "该行有 \(count) 个单元格，而指标表为 \(columns) 列（或 \(columns - 1) 列，首列合并时）",
          en: "This row has \(count) cells but the indicator table has \(columns) columns (or \(columns - 1) with the first column merged)")
      } else {
        message = LocalizedText(
          zh: "该行有 \(count) 个单元格，无法与表格的列对应", en: "This row has \(count) cells and cannot be matched to the table's columns")
      }
      return diagnostic(message, at: node.contentRange(ofCell: first))
    }
  }
}
