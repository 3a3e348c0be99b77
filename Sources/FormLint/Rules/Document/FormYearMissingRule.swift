import FormModel

/// JX603: no year can be found for a form, so the year rules are off for it.
///
/// Checked per form (the year is a property of one form), which keeps it cached with the form's other findings.
struct FormYearMissingRule: Rule {
  static let description = RuleDescription(
    code: "JX603", name: "form-year-missing", severity: .warning,
    summary: LocalizedText(
      zh: "找不到表的年度（标题、标题下的年度行如“（2022年度）”、年度栏目中都没有年份，也未在配置中指定），而表中有要对照年度的年份或日期",
      en: "No year can be found for a form (none in its title, in a year line under it such as （2022年度）, in a 年度 field, none configured) while the form holds years or dates to check against it"),
    rationale: LocalizedText(
      zh: "绩效目标按预算年度编报（财预〔2015〕88号），“本年度”目标、实施期和指标中的日期都要与年度对照。标题缺了年份，读者无法确定是哪一年的表，错年份（JX401）和实施期（JX403）也就无从检查。可在标题写明年份，或在 .jixiao.json 中设置 year。",
      en: "Targets are set per budget year (财预〔2015〕88号): this year's goal, the period and the dates in indicators are all read against it. With no year in the title nobody can tell which year the form is for, and wrong years (JX401) and periods (JX403) cannot be checked. Put the year in the title, or set `year` in .jixiao.json."),
    triggering: [
      StructureExamples.form(annex: "↓附件5-1", title: "项目支出绩效目标表"),
      StructureExamples.form(annex: nil, title: "↓临武县司法局项目支出绩效目标表"),
      StructureExamples.form(annex: "附件5-1", title: "2021年项目支出绩效目标表")
        + StructureExamples.form(annex: "↓附件5-2", title: "项目支出绩效目标表（二〇二一）"),
    ],
    nonTriggering: [
      StructureExamples.form(),
      StructureExamples.form(annex: nil, title: "临武县2021年项目支出绩效目标表"),
      // The year comes from the title only: a date in the period does not count, but the title's does.
      StructureExamples.form(title: "2022年度项目支出绩效目标表"),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    // Without a year nothing is lost where the form holds no year or date for the year rules to check.
    guard form.year == nil, DatesCells.dateCells(form).contains(where: { !YearMention.scan(in: $0.cell.text).isEmpty })
    else { return [] }
    let name = form.annex.map { "附件\($0.number)" } ?? form.title?.text ?? "本表"
    let nameEn = form.annex.map { "附件\($0.number)" } ?? form.title?.text ?? "this form"
    let message = LocalizedText(
      zh: "\(name)找不到年度：标题、标题下的年度行、年度栏目和配置中都没有年份，年度相关检查（JX401、JX403）对该表不生效",
      en: "No year found for \(nameEn): none in its title, the line under it, a 年度 field or the configuration, so the year checks (JX401, JX403) are off for it")
    return [diagnostic(message, at: form.anchorRange)]
  }
}
