import FormModel

/// JX106: a 一级/二级 label the profile does not know.
struct UnknownIndicatorCategoryRule: Rule {
  static let description = RuleDescription(
    code: "JX106", name: "unknown-indicator-category", severity: .warning,
    summary: LocalizedText(
      zh: "一级/二级指标名称不在模板之内（错别字或层级放错）", en: "A 一级/二级 label the profile does not know (a typo, or the wrong level)"),
    rationale: LocalizedText(
      zh: "一级、二级指标是财预〔2015〕88号（及财预〔2021〕101号）规定的固定体系，审核和绩效自评都按类别归集指标。名称写错或层级放错，该行就归不到任何类别，相应的必填类别检查和年末评价都会落空。",
      en: "The 一级 and 二级 categories are a fixed scheme set by 财预〔2015〕88号 (and 财预〔2021〕101号); review and self-evaluation group indicators by them. A misspelt or misplaced label puts the row in no category, so the required-category check and the year-end evaluation miss it."),
    fixDescription: LocalizedText(
      zh: "改为最接近的模板名称（不安全：请确认含义）", en: "Replace it with the nearest known label (unsafe: check the meaning)"),
    triggering: [
      StructureExamples.form(rows: StructureExamples.rows(relabelling: ["数量指标": "↓数最指标"])),
      StructureExamples.form(rows: StructureExamples.rows(relabelling: ["效益指标": "↓效应指标", "生态效益指标": "↓环境保护指标"])),
      // A known 二级 under the wrong 一级.
      StructureExamples.form(
        rows: StructureExamples.rows + [
          StructureExamples.Row(level1: "", level2: "↓成本指标", name: "宣传材料印刷", value: "≤1万元", standard: "印刷费1万元")
        ]),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // Synonyms and spacing: 环境效益 is 生态效益, 产出数量指标 is 数量指标, labels may be spaced or split.
      StructureExamples.form(
        rows: StructureExamples.rows(relabelling: ["生态效益指标": "环境效益指标", "数量指标": "产出数量指标", "质量指标": "质量\n指标"])),
      // mof-2021: 成本指标 is a 一级 with 经济成本 under it.
      StructureExamples.form(
        rows: [StructureExamples.Row(level1: "成本指标", level2: "经济成本指标", name: "培训经费", value: "≤20万元", standard: "20万元")]
          + StructureExamples.mof2015Rows.filter { $0.level2 != "成本指标" }),
    ],
    corrections: [
      (
        StructureExamples.form(rows: StructureExamples.rows(relabelling: ["数量指标": "数最指标"])),
        StructureExamples.form()
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    let profile = form.profile
    var findings: [Diagnostic] = []
    for row in form.indicators {
      if let cell = row.level1Cell, !cell.isBlank, profile.level1(for: cell.text) == nil {
        findings.append(finding(cell, level: "一级", reading: StructureCategories.readLevel1(cell.text, profile: profile), profile))
      }
      if let cell = row.level2Cell, !cell.isBlank, row.level2.canonical == nil {
        let reading = StructureCategories.readLevel2(
          cell.text, under: row.level1.canonical, profile: profile, aliases: form.template.categoryAliases)
        findings.append(finding(cell, level: "二级", reading: reading, profile))
      }
    }
    return findings
  }

  private func finding(_ cell: CellText, level: String, reading: StructureCategories.Reading, _ profile: Profile) -> Diagnostic {
    let label = cell.trimmed
    let levelEn = level == "一级" ? "level-1" : "level-2"
    let intro = LocalizedText(
      zh: "\(level)指标“\(label)”不在 \(profile.id.rawValue) 模板中", en: "The \(levelEn) label “\(label)” is not in profile \(profile.id.rawValue)")
    switch reading {
    case .suggestion(let near):
      let replacement = label.hasSuffix("指标") ? "\(near)指标" : near
      let message = LocalizedText(zh: "\(intro.zh)，是否应为“\(replacement)”？", en: "\(intro.en); did you mean “\(replacement)”?")
      let fix = Fix(
        title: LocalizedText(zh: "改为“\(replacement)”", en: "Replace with “\(replacement)”"), isSafe: false,
        edits: [FixEdit(range: cell.trimmedRange, newText: replacement)])
      return diagnostic(message, at: cell.trimmedRange, fixes: [fix])
    case .misplaced(let expected):
      let message = LocalizedText(
        zh: "\(intro.zh)：它应列在“\(expected)”之下或之中，层级放错了",
        en: "\(intro.en): it belongs at “\(expected)”, so it is at the wrong level or under the wrong 一级")
      return diagnostic(message, at: cell.trimmedRange)
    case .unknown:
      let known = (level == "一级" ? profile.level1Names : profile.level2Names).map { "\($0)指标" }.joined(separator: "、")
      return diagnostic(
        LocalizedText(zh: "\(intro.zh)；可用的有：\(known)", en: "\(intro.en); known labels: \(known)"), at: cell.trimmedRange)
    }
  }
}
