import FormModel

/// JX110: the indicator table names fewer than 3 indicators.
struct TooFewIndicatorsRule: Rule {
  static let description = RuleDescription(
    code: "JX110", name: "too-few-indicators", severity: .warning,
    summary: LocalizedText(
      zh: "指标表所列指标（三级指标名称）少于 3 个", en: "The indicator table names fewer than 3 indicators (三级 names)"),
    rationale: LocalizedText(
      zh: "财预〔2015〕88号要求绩效指标“细化、量化”，从产出、效益、满意度等方面全面反映目标；只列一两个指标，既说明不了产出，也无法考核效果，审核时会要求补充。",
      en: "财预〔2015〕88号 asks for indicators that are detailed and quantified, covering outputs, effects and satisfaction; one or two indicators cannot show what the money buys nor how well, and reviewers ask for more."),
    triggering: [
      TemplateExamples.export(rows: Array(TemplateExamples.exportRows.prefix(2))).replacingFirst("示例办公", with: "↓示例办公"),
      "↓2021年项目支出绩效目标表\n\t项目支出名称\n\t甲\n\n\t一级指标\n\t二级指标\n\t三级指标\n\t指标值\n\t绩效标准\n\n\t产出指标\n\t数量指标\n\t培训人次\n\t≥100人次\n\t全年\n",
    ],
    nonTriggering: [
      TemplateExamples.export(),
      // A form with no indicator table at all is JX102's, not this rule's.
      "2021年项目支出绩效目标表\n\t项目支出名称\n\t甲\n\n",
      // A `/` row names no indicator, but three named ones are enough.
      TemplateExamples.export(rows: Array(TemplateExamples.exportRows.prefix(3))),
    ])

  /// The fewest indicators a table should name.
  static let minimum = 3

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    guard form.indicatorHeaderRow != nil else { return [] }
    // One indicator per row and name: several value columns read one row several times.
    var names = Set<NamePlace>()
    for row in form.indicators {
      guard let name = row.name, !name.isBlank, !IndicatorRow.isNotApplicable(name.text) else { continue }
      names.insert(NamePlace(row: row.rowIndex, cell: name.cellIndex))
    }
    guard names.count < Self.minimum else { return [] }
    let message = LocalizedText(
      zh: "指标表只列了 \(names.count) 个指标，少于 \(Self.minimum) 个：应从产出、效益、满意度等方面细化",
      en: "The indicator table names only \(names.count) indicator(s), fewer than \(Self.minimum): cover outputs, effects and satisfaction")
    return [diagnostic(message, at: form.anchorRange)]
  }

  /// Where a name is written: its row and cell.
  private struct NamePlace: Hashable {
    let row: Int
    let cell: Int
  }
}
