import FormModel

/// JX102: a category the profile requires (or recommends) has no indicator row.
struct IndicatorMissingRule: Rule {
  static let description = RuleDescription(
    code: "JX102", name: "indicator-missing", severity: .error,
    summary: LocalizedText(
      zh: "缺少模板要求的指标类别（如没有时效指标、满意度指标）；缺少建议的类别为警告",
      en: "A category the profile requires has no indicator row (no 时效指标, no satisfaction row); a warning for recommended ones"),
    rationale: LocalizedText(
      zh: "财预〔2015〕88号要求绩效目标从数量、质量、时效、成本、效益和满意度等方面细化；财预〔2021〕101号把成本指标单列为一级指标。缺少某一类，审核时“完整性”“相关性”不合格，事后的绩效自评（财预〔2020〕10号）也无从对照。“/”行视为已列出。",
      en: "财预〔2015〕88号 asks for targets broken down by quantity, quality, timeliness, cost, effects and satisfaction; 财预〔2021〕101号 makes cost a 一级 of its own. A missing category fails the completeness and relevance tests of review, and leaves the later self-evaluation (财预〔2020〕10号) nothing to measure against. A row of “/” counts as present."),
    fixDescription: LocalizedText(
      zh: "在同一一级指标的最后一行后插入该类别的空行骨架（不安全：内容仍需填写）",
      en: "Insert an empty row for the category after the last row of its 一级 (unsafe: the row still has to be filled)"),
    triggering: [
      StructureExamples.form(annex: "↓附件5-1", rows: StructureExamples.rows.filter { $0.level2 != "时效指标" }),
      StructureExamples.form(
        annex: "↓附件5-2", rows: StructureExamples.rows.filter { $0.level2 != "社会公众或服务对象满意度指标" }),
      // The four 效益 are recommended: each missing one is a warning.
      StructureExamples.form(
        annex: "↓↓附件5-3",
        rows: StructureExamples.rows.filter { $0.level2 != "生态效益指标" && $0.level2 != "可持续影响指标" }),
    ],
    nonTriggering: [
      StructureExamples.form(),
      // A `/` row counts as present, and a near-miss label (数最指标) counts as what it means (JX106 reports it).
      StructureExamples.form(
        rows: StructureExamples.rows(
          relabelling: ["数量指标": "数最指标"], in: StructureExamples.rows(replacing: "时效指标", name: "/", value: "/", standard: "/"))),
      // mof-2015 (满意度 is a 一级): its own required set.
      StructureExamples.form(rows: StructureExamples.mof2015Rows),
    ],
    corrections: [
      (
        StructureExamples.form(rows: StructureExamples.rows.filter { $0.level2 != "时效指标" }),
        StructureExamples.form(
          rows: StructureExamples.rows.flatMap { row -> [StructureExamples.Row] in
            if row.level2 == "时效指标" { return [] }
            if row.level2 == "成本指标" {
              return [row, StructureExamples.Row(level1: "", level2: "时效指标", name: "", value: "", standard: "")]
            }
            return [row]
          })
      ),
    ])

  func check(form context: FormContext) -> [Diagnostic] {
    let form = context.form
    let profile = form.profile
    let covered = StructureCategories.coveredLevel2(in: form)
    var findings: [Diagnostic] = []
    for category in profile.required where !covered.contains(category) {
      let message = LocalizedText(
        zh: "缺少“\(category)指标”：\(profile.id.rawValue) 模板要求至少有一行", en: "No “\(category)指标” row: profile \(profile.id.rawValue) requires one")
      findings.append(diagnostic(message, at: form.anchorRange, fixes: skeleton(for: category, in: form)))
    }
    var unsatisfied: Set<String> = []
    for group in profile.requiredOneOf where group.allSatisfy({ !covered.contains($0) }) {
      unsatisfied.formUnion(group)
      let names = group.map { "\($0)指标" }.joined(separator: "、")
      let message = LocalizedText(
        zh: "效益类指标一行都没有：\(names) 至少应有一项", en: "None of \(names) has a row: profile \(profile.id.rawValue) requires at least one")
      // The profile's preferred member (its template order puts 社会效益 among the first) gets the skeleton.
      let pick = profile.preferredOfGroup(group)
      findings.append(diagnostic(message, at: form.anchorRange, fixes: skeleton(for: pick, in: form)))
    }
    for category in profile.recommended where !covered.contains(category) && !unsatisfied.contains(category) {
      let message = LocalizedText(
        zh: "建议列出“\(category)指标”（不适用时填“/”）", en: "No “\(category)指标” row: the profile recommends one (write “/” where it does not apply)")
      var finding = diagnostic(message, at: form.anchorRange, fixes: skeleton(for: category, in: form))
      finding.severity = .warning
      findings.append(finding)
    }
    return findings
  }

  /// An empty row shaped like the table's rows, carrying the category's label (and its 一级 label when no row of
  /// that 一级 exists yet), inserted after the last row of the same 一级 or at the end of the table.
  private func skeleton(for category: String, in form: Form) -> [Fix] {
    let node = form.node
    let parent = form.profile.parent(ofLevel2: category)
    let sameParent = form.indicators.last { $0.level1.canonical == parent }
    guard let template = sameParent ?? form.indicators.last, let offset = StructureEdits.offset(after: template.rowIndex, in: node),
      let level2Cell = template.level2Cell
    else { return [] }
    let row = node.rows[template.rowIndex]
    var cells = Array(repeating: "", count: row.cells.count)
    cells[level2Cell.cellIndex - row.cells.lowerBound] = "\(category)指标"
    if sameParent == nil, let parent, let level1Cell = template.level1Cell {
      cells[level1Cell.cellIndex - row.cells.lowerBound] = "\(parent)指标"
    }
    let edit = StructureEdits.insertRow(cells, at: offset, in: node)
    return [
      Fix(
        title: LocalizedText(zh: "插入“\(category)指标”空行", en: "Insert an empty “\(category)指标” row"), isSafe: false,
        edits: [edit])
    ]
  }
}
