import FormModel

/// JX401: a year in this year's goal or an indicator that is not the form year.
struct WrongYearRule: Rule {
  static let description = RuleDescription(
    code: "JX401", name: "wrong-year", severity: .error,
    summary: LocalizedText(
      zh: "本年度绩效目标或指标中的年份不是表格年度", en: "A year in the goal for the year or an indicator is not the form year"),
    rationale: LocalizedText(
      zh: "本年度绩效目标和绩效指标说的是表格年度要达成的结果。“全面完成2020年……工作计划”出现在 2021 年的表里，多半是照搬上年表格没有改年份；按财预〔2015〕88号“完整性”审核，这样的目标不明确。作比较基数的年份（比2020年、与2020年相比、以2020年为基数、在2020年基础上）不算。",
      en: "The goal for the year and the indicators state what is to be achieved in the form's year. “全面完成2020年……工作计划” in a 2021 form is almost always last year's form copied without changing the year; under the completeness test of 财预〔2015〕88号 such a target is unclear. A year used as a base of comparison (比2020年, 与2020年相比, 以2020年为基数, 在2020年基础上) is fine."),
    fixDescription: LocalizedText(
      zh: "把年份改为表格年度（推荐，但不安全：会改变内容，请确认）",
      en: "Replace the year with the form year (preferred, but unsafe: it changes the content, so confirm it)"),
    triggering: [
      Examples.form(annualGoal: "全面完成↓2020年法律援助工作计划。"),
      Examples.form(timeValue: "↓2022年12月底前"),
      Examples.form(annualGoal: "完成↓2020年度工作，较2019年增长5%。", quantityStandard: "↓2020.12前开展10场次以上"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(annualGoal: "办理法律援助案件比2020年增长5%。"),
      Examples.form(annualGoal: "与2020年相比，案件办理数量增长5%。"),
      Examples.form(quantityStandard: "以2020年为基数增长10%", benefitStandard: "在2020年基础上提高5个百分点"),
      Examples.form(timeValue: "2021.7-2022.6"),
    ],
    corrections: [
      (
        Examples.form(annualGoal: "全面完成2020年法律援助工作计划。"),
        Examples.form(annualGoal: "全面完成2021年法律援助工作计划。")
      ),
      (Examples.form(timeValue: "2020.12底前"), Examples.form(timeValue: "2021.12底前")),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    guard let formYear = context.form.year else { return [] }
    // Every finding is a year mention, and every year mention is four digits in a row.
    return DatesCells.yearCells(context.form, where: { DatesCells.hasYearDigits($0.text) }).flatMap { dated -> [Diagnostic] in
      // A period that spans the form year (`2021.7-2022.6`) names other years rightly.
      let spanning = context.dates(in: dated.cell).filter {
        if case .period = $0.kind { return $0.includes(year: formYear) }
        return false
      }.map(\.range)
      return YearMention.scan(in: dated.cell.text).compactMap { mention in
        guard mention.year != formYear, !mention.isComparisonBase,
          !spanning.contains(where: { $0.contains(mention.range.lowerBound) })
        else { return nil }
        let written = dated.text(mention.range)
        let place = dated.place
        let digits = mention.range.lowerBound..<(mention.range.lowerBound + 4)
        let fix = Fix(
          title: LocalizedText(zh: "把 \(mention.year) 改为 \(formYear)", en: "Replace \(mention.year) with \(formYear)"),
          isSafe: false, isPreferred: true, edits: [FixEdit(range: dated.nodeRange(digits), newText: "\(formYear)")])
        return diagnostic(
          LocalizedText(
            zh: "\(place.zh)中的 \(written) 不是表格年度 \(formYear)年",
            en: "The year \(written) in \(place.en) is not the form's year \(formYear)"),
          at: dated.nodeRange(mention.range), fixes: [fix])
      }
    }
  }
}
