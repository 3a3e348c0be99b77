import FormModel

/// JX104: an indicator is named but its 指标值 says “not applicable”.
struct IndicatorValueNotApplicableRule: Rule {
  static let description = RuleDescription(
    code: "JX104", name: "indicator-value-not-applicable", severity: .warning,
    summary: LocalizedText(
      zh: "已命名的指标，指标值却是“/”“无”“—”", en: "A named indicator whose 指标值 is `/`, `无` or `—`"),
    rationale: LocalizedText(
      zh: "写出了指标名称，说明该指标适用；指标值再填“/”，这一行就既不是“不适用”也无法考核。按财预〔2015〕88号细化量化的要求，要么给出可衡量的指标值，要么整行填“/”表明不适用。“安全责任事故”“群众投诉”这类应当避免的结果，指标值“无”就是目标，不在此列。",
      en: "Naming an indicator says it applies; a `/` value then leaves a row that is neither “not applicable” nor measurable. Under the 细化量化 requirement of 财预〔2015〕88号, either give a measurable value or mark the whole row `/`. For an outcome to be avoided (安全责任事故, 群众投诉) a value of 无 is the target and is not reported."),
    triggering: [
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "经济效益指标", name: "优化资源配置，提高财政资金使用效益", value: "↓/", standard: "/")),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "生态效益指标", name: "减少纸质宣传资料", value: "↓无", standard: "无纸化宣传")),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "可持续影响指标", name: "普法长效机制", value: "↓—　", standard: "形成责任清单")),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // A whole `/` row is JX105's; a `/` standard alone is not this rule's business.
      StructureExamples.form(rows: StructureExamples.rows(replacing: "经济效益指标", name: "/", value: "/", standard: "/")),
      StructureExamples.form(rows: StructureExamples.rows(replacing: "生态效益指标", name: "为群众办实事", value: "98%", standard: "/")),
      // `无` is the target of an outcome to be avoided.
      StructureExamples.form(rows: StructureExamples.rows(replacing: "质量指标", name: "安全责任事故", value: "无", standard: "全年无安全责任事故")),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for row in context.form.indicators {
      guard let value = row.value, IndicatorRow.isNotApplicable(value.text), let name = row.indicatorName, !row.targetsNone
      else { continue }
      let message = LocalizedText(
        zh: "指标“\(name.trimmed)”已命名，指标值却是“\(value.trimmed)”：请填写可衡量的指标值，或整行填“/”",
        en: "The indicator “\(name.trimmed)” is named but its value is “\(value.trimmed)”: give a measurable value, or mark the whole row “/”")
      findings.append(diagnostic(message, at: value.trimmedRange))
    }
    return findings
  }
}
