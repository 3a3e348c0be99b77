import FormModel

/// JX502: whitespace before or after a cell's text in the header and indicator tables.
struct StrayWhitespaceRule: Rule {
  static let description = RuleDescription(
    code: "JX502", name: "stray-whitespace", severity: .hint,
    summary: LocalizedText(
      zh: "表头或指标表单元格首尾有多余空白（空格、TAB、全角空格、不换行空格），或内容从下一行才开始",
      en: "A header or indicator cell has leading or trailing whitespace (space, TAB, U+3000, NBSP), or its text starts on the next line"),
    rationale: LocalizedText(
      zh: "从 Word 导出的表格常在金额后留下全角空格、在单元格开头留下换行。这些空白看不见，却会让预算一体化系统和比对工具把“14万　”与“14万”当成不同的值，也会让逐项审核（财预〔2015〕88号“完整性”审核）时的复制粘贴出错。审核意见区由财政局填写，不在检查之列。",
      en: "Tables exported from Word often keep an ideographic space after an amount or a line break at the start of a cell. The whitespace is invisible, yet budget systems and comparison tools treat “14万　” and “14万” as different values, and copying cells during review (the 完整性 test of 财预〔2015〕88号) goes wrong. The review block is the finance bureau's to fill and is not checked."),
    fixDescription: LocalizedText(zh: "删除首尾空白（安全）", en: "Trim the whitespace (safe)"),
    triggering: [
      StructureExamples.form(header: StructureExamples.header(setting: "年度本级预算金额", to: "20万↓　")),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "社会公众或服务对象满意度指标", name: "社会公众满意度", value: "≥95%", standard: "↓\n满意")),
      StructureExamples.form(header: StructureExamples.header(setting: "预算部门", to: "↓ 临武县司法局↓\u{A0}")),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "成本指标", name: "培训经费", value: "≤20万元", standard: "培训经费20万元↓ \n  ")),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // A two-line label whose first line holds text is a layout, not stray whitespace.
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "时效指标", name: "完成\n时间", value: "2021年12月底前", standard: "按期　完成")),
      // The review block (审核意见 down to the signature line) is left as the bureau's template has it.
      StructureExamples.form().replacingFirst("\t\n\t日期\n\t日期\n\t日期\n", with: "\t\n\t日期\n\t\n      日期\n\t\n       日期\n"),
    ],
    corrections: [
      (
        StructureExamples.form(header: StructureExamples.header(setting: "年度本级预算金额", to: "20万　")),
        StructureExamples.form()
      ),
      (
        StructureExamples.form(
          rows: StructureExamples.rows(replacing: "社会公众或服务对象满意度指标", name: " 服务对象满意度", value: "≥95%", standard: "\n满意")),
        StructureExamples.form(
          rows: StructureExamples.rows(replacing: "社会公众或服务对象满意度指标", name: "服务对象满意度", value: "≥95%", standard: "满意"))
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for cell in context.hygieneCells where !cell.isReview && !cell.text.isEmpty {
      // The text between the first and the last character that is no whitespace (`TextClean.isSpace`), on bytes.
      let total = cell.text.utf8.count
      let text = TextClean.trimmedRange(cell.text)
      guard !text.isEmpty else {
        findings.append(finding(cell, 0..<total, place: .whole))
        continue
      }
      if text.lowerBound > 0 {
        let startsOnNextLine = cell.text.utf8.prefix(text.lowerBound).contains { $0 == 0x0A || $0 == 0x0D }
        findings.append(finding(cell, 0..<text.lowerBound, place: startsOnNextLine ? .lineBreak : .leading))
      }
      if text.upperBound < total { findings.append(finding(cell, text.upperBound..<total, place: .trailing)) }
    }
    return findings
  }

  private enum Place { case leading, trailing, lineBreak, whole }

  private func finding(_ cell: HygieneCell, _ inner: Range<Int>, place: Place) -> Diagnostic {
    let range = cell.nodeRange(inner)
    let whitespace = String(decoding: Array(cell.text.utf8)[inner], as: UTF8.self)
    let zh = HygieneText.visible(whitespace)
    let en = HygieneText.visibleEnglish(whitespace)
    let message: LocalizedText
    switch place {
    case .leading:
      message = LocalizedText(zh: "单元格开头有多余空白 \(zh)", en: "The cell starts with stray whitespace (\(en))")
    case .trailing:
      message = LocalizedText(zh: "单元格末尾有多余空白 \(zh)", en: "The cell ends with stray whitespace (\(en))")
    case .lineBreak:
      message = LocalizedText(
        zh: "单元格内容从下一行才开始（开头有 \(zh)）", en: "The cell's text starts on the next line (leading \(en))")
    case .whole:
      message = LocalizedText(zh: "单元格只有空白 \(zh)", en: "The cell holds nothing but whitespace (\(en))")
    }
    let fix = Fix(
      title: LocalizedText(zh: "删除多余空白", en: "Trim the whitespace"), isSafe: true, edits: [FixEdit(range: range, newText: "")])
    return diagnostic(message, at: range, fixes: [fix])
  }
}
