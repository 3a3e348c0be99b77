import FormModel

/// JX602: two forms in one document for the same project.
struct DuplicateProjectRule: Rule {
  static let description = RuleDescription(
    code: "JX602", name: "duplicate-project", severity: .warning,
    summary: LocalizedText(zh: "同一文件中有两张表的项目支出名称相同", en: "Two forms in one document have the same 项目支出名称"),
    rationale: LocalizedText(
      zh: "每个项目支出对应一张绩效目标表（财预〔2015〕88号）。名称相同的两张表，要么是重复报送，要么是复制模板后忘了改名，审核时预算和目标都会对错项目。比较时忽略项目序号（“1、”）和空白。",
      en: "Each project has one performance-target form (财预〔2015〕88号). Two forms with the same name are either filed twice or copied from a template without renaming, and review then matches budgets and targets to the wrong project. Item numbers (`1、`) and whitespace are ignored in the comparison."),
    triggering: [
      DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "↓普法经费")]),
      DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费"), ("附件5-3", "↓3、普法 经费")]),
      DocumentExamples.forms([("附件5-1", "法律援助经费"), ("附件5-2", "↓法律援助经费"), ("附件5-3", "↓法律援助经费")]),
    ],
    nonTriggering: [
      DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费")]),
      DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、普法经费（追加）")]),
      // An unnamed project is JX101's business, not a duplicate.
      DocumentExamples.forms([("附件5-1", ""), ("附件5-2", "")]),
    ])

  func check(document context: DocumentContext) -> [Diagnostic] {
    // The first form of each name, by index: a summary copied into the dictionary, and again at every doubling of its
    // storage, was a third of the rule's time (a 10 MB document re-runs it after an edit of a project name).
    var first: [String: Int] = [:]
    first.reserveCapacity(context.forms.count)
    var findings: [Diagnostic] = []
    for (index, form) in context.forms.enumerated() where form.isForm {
      guard let name = form.projectName, let range = form.projectNameRange, let key = form.comparableProjectName,
        !key.isEmpty
      else { continue }
      // One lookup (a hash of the name, normalized: ≈ 1,700 instructions) for a name not seen before.
      guard let earlierIndex = first.updateValue(index, forKey: key) else { continue }
      first[key] = earlierIndex
      let earlier = context.forms[earlierIndex]
      let place = earlier.annex.map { "附件\($0)" } ?? "前面的表"
      let placeEn = earlier.annex.map { "附件\($0)" } ?? "an earlier form"
      let message = LocalizedText(
        zh: "项目支出名称“\(name)”与\(place)的“\(earlier.projectName ?? name)”重复",
        en: "The project name “\(name)” repeats that of \(placeEn) (“\(earlier.projectName ?? name)”)")
      let related = earlier.projectNameRange.map {
        [RelatedLocation(message: LocalizedText(zh: "首次出现", en: "First used here"), range: $0)]
      } ?? []
      findings.append(diagnostic(message, at: range, related: related))
    }
    return findings
  }
}
