import FormModel

/// JX103: an indicator is named but its 指标值 is empty.
struct IndicatorValueEmptyRule: Rule {
  static let description = RuleDescription(
    code: "JX103", name: "indicator-value-empty", severity: .error,
    summary: LocalizedText(zh: "指标已命名（三级指标），但指标值为空", en: "An indicator is named (三级) but its 指标值 is empty"),
    rationale: LocalizedText(
      zh: "财预〔2015〕88号要求绩效指标细化、量化，财预〔2021〕101号要求指标值尽量定量并写明比较符和单位。没有指标值的指标无法在年末自评中判断是否完成。常见原因是导出时列错位：日期或数值落进了三级指标单元格。",
      en: "财预〔2015〕88号 asks for indicators that are broken down and quantified, and 财预〔2021〕101号 for values with a comparator and unit. An indicator without a value cannot be judged at the year-end self-evaluation. A common cause is a column shift in the export: the date or figure sits in the 三级 cell."),
    fixDescription: LocalizedText(
      zh: "若三级指标单元格中有日期、数值或百分比，把它移到指标值（不安全：名称可能需要重写）",
      en: "When the 三级 cell holds a date, number or percentage, move it into 指标值 (unsafe: the name may need rewriting)"),
    triggering: [
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "时效指标", name: "2021年1-12月", value: "↓", standard: "2021年1-12月")),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "成本指标", name: "调解成功案件数量及对应的奖补标准", value: "↓", standard: "人民调解指导经费")),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "质量指标", name: "宣传覆盖率≥95%", value: "↓　", standard: "覆盖全县")),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // A whole row of `/` is JX105; a row with no name at all is not an indicator yet.
      StructureExamples.form(rows: StructureExamples.rows(replacing: "经济效益指标", name: "/", value: "", standard: "/")),
      StructureExamples.form(rows: StructureExamples.rows(replacing: "经济效益指标", name: "", value: "", standard: "")),
      // A `/` value is JX104's.
      StructureExamples.form(rows: StructureExamples.rows(replacing: "经济效益指标", name: "优化资源配置", value: "/", standard: "/")),
    ],
    corrections: [
      (
        StructureExamples.form(
          rows: StructureExamples.rows(replacing: "时效指标", name: "2021年1-12月", value: "", standard: "2021年1-12月")),
        StructureExamples.form(
          rows: StructureExamples.rows(replacing: "时效指标", name: "", value: "2021年1-12月", standard: "2021年1-12月"))
      ),
      (
        StructureExamples.form(rows: StructureExamples.rows(replacing: "质量指标", name: "宣传覆盖率：≥95%", value: "", standard: "覆盖全县")),
        StructureExamples.form(rows: StructureExamples.rows(replacing: "质量指标", name: "宣传覆盖率", value: "≥95%", standard: "覆盖全县"))
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for row in context.form.indicators {
      guard let value = row.value, value.isBlank, let name = row.indicatorName else { continue }
      let fixes = move(from: name, to: value, unit: context.form.unit)
      var message = LocalizedText(
        zh: "指标“\(name.trimmed)”（\(row.categoryText)）没有填写指标值",
        en: "The indicator “\(name.trimmed)” (\(row.categoryText)) has no 指标值")
      if !fixes.isEmpty {
        message = LocalizedText(
          zh: message.zh + "；三级指标单元格里的内容像是指标值，可能是列错位",
          en: message.en + "; the 三级 cell holds what looks like the value, probably a column shift")
      }
      findings.append(diagnostic(message, at: value.range, fixes: fixes))
    }
    return findings
  }

  /// Moves a value-like name (or a value-like ending of the name, after its label) into the empty value cell.
  private func move(from name: CellText, to value: CellText, unit: TableUnit) -> [Fix] {
    let text = name.text
    let trimmed = TextClean.trimmedRange(text)
    let bytes = Array(text.utf8)
    var moved: Range<Int>?
    switch IndicatorValue.classify(text, tableUnit: unit.moneyUnit) {
    case .percentage, .amount, .count, .time, .bareNumber:
      moved = trimmed
    case .empty, .notApplicable, .text:
      let endings = Percentage.scan(in: text).map(\.range) + DateValue.scan(in: text).map(\.range)
      moved = endings.filter { $0.upperBound == trimmed.upperBound && $0.lowerBound > trimmed.lowerBound }
        .min { $0.lowerBound < $1.lowerBound }
    }
    guard let moved else { return [] }
    let movedText = String(decoding: bytes[moved], as: UTF8.self)
    // The name keeps what stood before the value, without the separator that joined them (`宣传覆盖率：`).
    var keptEnd = moved.lowerBound
    let kept = String(decoding: bytes[trimmed.lowerBound..<keptEnd], as: UTF8.self)
    if let last = kept.unicodeScalars.last, "：:，,、 \u{3000}".unicodeScalars.contains(last) { keptEnd -= UTF8.width(last) }
    let nameEdit = FixEdit(
      range: name.nodeRange(keptEnd..<trimmed.upperBound), newText: "")
    return [
      Fix(
        title: LocalizedText(zh: "把“\(movedText)”移到指标值", en: "Move “\(movedText)” into 指标值"), isSafe: false,
        edits: [nameEdit, FixEdit(range: value.range, newText: movedText)])
    ]
  }
}
