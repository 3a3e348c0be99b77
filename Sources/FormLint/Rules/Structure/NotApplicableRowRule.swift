import FormModel

/// JX105: a whole indicator row of `/` (allowed, shown to reviewers).
struct NotApplicableRowRule: Rule {
  static let description = RuleDescription(
    code: "JX105", name: "not-applicable-row", severity: .information,
    summary: LocalizedText(zh: "整行指标均为“/”（不适用）", en: "A whole indicator row of `/` (not applicable)"),
    rationale: LocalizedText(
      zh: "模板列出的类别不适用时可以整行填“/”，这是允许的；但审核人需要看到哪些类别被放弃了，以判断绩效目标是否完整、相关（财预〔2015〕88号）。",
      en: "Marking a whole row `/` where a template category does not apply is allowed, but reviewers need to see which categories were left out to judge whether the targets are complete and relevant (财预〔2015〕88号)."),
    triggering: [
      StructureExamples.form(rows: StructureExamples.rows(replacing: "经济效益指标", name: "↓/", value: "/", standard: "/")),
      StructureExamples.form(rows: StructureExamples.rows(replacing: "生态效益指标", name: "↓／", value: "无", standard: "")),
      StructureExamples.form(rows: StructureExamples.rows(replacing: "可持续影响指标", name: "", value: "↓/", standard: "/")),
    ],
    nonTriggering: [
      StructureExamples.form(),
      StructureExamples.form(rows: StructureExamples.rows(replacing: "经济效益指标", name: "优化资源配置", value: "/", standard: "/")),
      StructureExamples.form(rows: StructureExamples.rows(replacing: "经济效益指标", name: "", value: "", standard: "")),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for row in context.form.indicators {
      // The row's filled cells, in order, must all be marks (no arrays built: this runs for every row).
      var first: CellText?
      var allMarks = true
      // Whether to go on after `cell`: not after a filled cell that is no mark.
      func visit(_ cell: CellText?) -> Bool {
        guard let cell, !cell.isBlank else { return true }
        if first == nil { first = cell }
        if !IndicatorRow.isNotApplicable(cell.text) {
          allMarks = false
          return false
        }
        return true
      }
      _ = visit(row.name) && visit(row.value) && visit(row.standard)
      guard let first, allMarks else { continue }
      let message = LocalizedText(
        zh: "“\(row.categoryText)”整行填“/”，标为不适用", en: "The “\(row.categoryText)” row is marked “/” throughout: not applicable")
      // The 三级 cell is where reviewers look for the indicator; fall back to the first filled cell.
      let cell = row.name.flatMap { $0.isBlank ? nil : $0 } ?? first
      findings.append(diagnostic(message, at: cell.trimmedRange))
    }
    return findings
  }
}
