import FormModel

/// JX503: whitespace between a word and the full-width punctuation after it.
struct SpaceBeforePunctuationRule: Rule {
  static let description = RuleDescription(
    code: "JX503", name: "space-before-punctuation", severity: .hint,
    summary: LocalizedText(zh: "全角标点前有空格（如“人员 ，”“知识 、”）", en: "A space before full-width punctuation (`人员 ，`, `知识 、`)"),
    rationale: LocalizedText(
      zh: "中文排版中全角标点前不留空格。这类空格多是从 Word 或网页复制时带入的，公开的绩效目标表（财预〔2015〕88号要求随预算报送、公开）会因此显得粗糙，也会干扰按标点拆分条目的检查。",
      en: "Chinese typesetting puts no space before full-width punctuation. Such spaces usually come from copying out of Word or web pages; they make a published form (filed and published with the budget under 财预〔2015〕88号) look careless and get in the way of checks that split items at punctuation."),
    fixDescription: LocalizedText(zh: "删除标点前的空格（安全）", en: "Delete the space before the punctuation (safe)"),
    triggering: [
      StructureExamples.form(
        rows: StructureExamples.rows(
          replacing: "可持续影响指标", name: "普及法律知识↓ 、促进司法公正↓ 、维护社会稳定", value: "≥90%", standard: "问卷调查")),
      StructureExamples.form(
        header: StructureExamples.header(setting: "本年度绩效目标", to: "配齐专职人员↓ ，组织专业培训2次以上↓　。")),
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "质量指标", name: "案件调处成功（稳控↓  ）率", value: "≥95%", standard: "有案必调↓\u{A0}；")),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // A space before a word or a number is not this rule's business.
      StructureExamples.form(header: StructureExamples.header(setting: "本年度绩效目标", to: "组织人民调解专业培训 2次以上，调处率 90%以上。")),
      // Leading whitespace of a cell is JX502's.
      StructureExamples.form(
        rows: StructureExamples.rows(replacing: "质量指标", name: "宣传覆盖率", value: "≥95%", standard: "　（按乡镇计）")),
    ],
    corrections: [
      (
        StructureExamples.form(header: StructureExamples.header(setting: "本年度绩效目标", to: "配齐专职人员 ，组织培训  。")),
        StructureExamples.form(header: StructureExamples.header(setting: "本年度绩效目标", to: "配齐专职人员，组织培训。"))
      ),
    ])

  /// Closing and pausing full-width punctuation, which never takes a space before it.
  static let punctuation: Set<Unicode.Scalar> = Set("，、。；：！？）》」』】〕〉”’".unicodeScalars)

  func check(form context: FormContext) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    for cell in context.hygieneCells where HygieneText.hasInlineSpace(cell.text) {
      let scalars = cell.scalars
      var index = 0
      while index < scalars.count {
        guard HygieneText.isInlineSpace(scalars[index].scalar) else {
          index += 1
          continue
        }
        let start = index
        while index < scalars.count, HygieneText.isInlineSpace(scalars[index].scalar) { index += 1 }
        // Only a run between a character and the punctuation on one line; a run at the start of a line is
        // indentation or JX502's stray whitespace.
        guard start > 0, !TextClean.isSpace(scalars[start - 1].scalar), index < scalars.count,
          SpaceBeforePunctuationRule.punctuation.contains(scalars[index].scalar)
        else { continue }
        let inner = scalars[start].offset..<scalars[index].offset
        let range = cell.nodeRange(inner)
        let mark = String(scalars[index].scalar)
        let before = String(scalars[start - 1].scalar)
        let message = LocalizedText(
          zh: "“\(before)”与“\(mark)”之间有多余空白 \(HygieneText.visible(String(decoding: Array(cell.text.utf8)[inner], as: UTF8.self)))",
          en: "Stray whitespace before the full-width “\(mark)” (after “\(before)”)")
        let fix = Fix(
          title: LocalizedText(zh: "删除“\(mark)”前的空白", en: "Delete the whitespace before “\(mark)”"), isSafe: true,
          edits: [FixEdit(range: range, newText: "")])
        findings.append(diagnostic(message, at: range, fixes: [fix]))
      }
    }
    return findings
  }
}
