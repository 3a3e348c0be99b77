import FormModel

/// JX204: the 绩效标准 repeats the indicator's name.
struct StandardRepeatsIndicatorRule: Rule {
  static let description = RuleDescription(
    code: "JX204", name: "standard-repeats-indicator", severity: .information,
    summary: LocalizedText(zh: "绩效标准与三级指标名称相同", en: "The 绩效标准 repeats the indicator's name"),
    rationale: LocalizedText(
      zh: "绩效标准是衡量指标值是否达成的依据（财预〔2015〕88号：计划标准、行业标准、历史标准等）。照抄三级指标名称没有增加任何可衡量的内容，审核时视为未填。",
      en: "The 绩效标准 is what the value is measured against (财预〔2015〕88号: planned, industry or historical standards). Copying the indicator's name adds nothing measurable, and reviewers treat it as not filled in."),
    triggering: [
      Examples.form(benefitName: "促进社会和谐稳定", benefitStandard: "↓促进社会和谐稳定"),
      Examples.form(qualityName: "推动法治政府建设", qualityStandard: "↓推动法治政府建设　"),
      Examples.form(
        timeName: "2021年1-12月", timeValue: "", timeStandard: "↓2021年1-12月", benefitName: " 促进社会和谐稳定",
        benefitStandard: "↓促进社会和谐稳定"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(benefitName: "/", benefitValue: "/", benefitStandard: "/"),
      Examples.form(benefitName: "促进社会和谐稳定", benefitStandard: "促进社会和谐稳定，群众安全感达95%以上"),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    context.form.indicators.compactMap { row in
      // The cheap comparison first: most standards differ from their name.
      guard let name = row.name, let standard = row.standard, PlainText.sameTrimmedText(name.text, standard.text), !name.isBlank,
        !row.isNotApplicableRow, !IndicatorRow.isNotApplicable(name.text)
      else { return nil }
      let shown = ValuesCells.shown(standard)
      return diagnostic(
        LocalizedText(
          zh: "绩效标准“\(shown)”与三级指标名称相同，没有给出可衡量的标准",
          en: "The 绩效标准 “\(shown)” repeats the indicator's name and gives nothing to measure against"),
        at: standard.trimmedRange)
    }
  }
}
