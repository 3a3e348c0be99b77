import FormModel

/// JX403: the implementation period does not include the form year.
struct PeriodOutsideYearRule: Rule {
  static let description = RuleDescription(
    code: "JX403", name: "period-outside-year", severity: .warning,
    summary: LocalizedText(zh: "项目支出实施期不包含表格年度", en: "The implementation period does not include the form year"),
    rationale: LocalizedText(
      zh: "年度绩效目标表申报的是表格年度的预算；实施期不覆盖这一年，说明实施期或表格年度至少有一个写错了（常见于沿用上年表格），预算与实施安排对不上（财预〔2015〕88号“相应匹配”）。",
      en: "The form asks for the budget of its year; an implementation period that does not cover that year means the period or the form year is wrong (often last year's form reused), so budget and schedule do not match (相应匹配, 财预〔2015〕88号)."),
    triggering: [
      Examples.form(period: "↓2020.1-2020.12"),
      Examples.form(period: "↓2022年1月-2022年12月　"),
      Examples.form(period: "↓2019年"),
      // The city 批复表 states its period in the 中期 goal's heading.
      TemplateExamples.cityApproval(periodGoal: "中期滚动目标(↓2021年--2023年)"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(period: "2020.7-2021.6"),
      Examples.form(period: "2021-2023年"),
      Examples.form(period: "3年"),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    guard let formYear = context.form.year, let (cell, label) = context.form.period else { return [] }
    // Impossible dates are JX402's; durations (`3年`) say nothing about which years.
    let spans = context.dates(in: cell).filter { $0.isValid && $0.yearSpan != nil }
    guard let first = spans.first, !spans.contains(where: { $0.includes(year: formYear) }) else { return [] }
    let written = String(decoding: Array(cell.text.utf8)[first.range], as: UTF8.self)
    return [
      diagnostic(
        LocalizedText(
          zh: "\(label) \(written) 不包含表格年度 \(formYear)年",
          en: "The implementation period \(written) does not include the form's year \(formYear)"),
        at: cell.nodeRange(first.range))
    ]
  }
}
