import FormModel

/// JX601: annex numbers with a gap or a repeat, or project numbers out of step with them.
struct AnnexSequenceRule: Rule {
  static let description = RuleDescription(
    code: "JX601", name: "annex-sequence", severity: .warning,
    summary: LocalizedText(
      zh: "附件编号有跳号或重号（附件5-1、5-2、5-4），或项目序号（“3、…”）与附件编号不一致",
      en: "A gap or repeat in annex numbering (附件5-1, 5-2, 5-4), or project numbers (`3、…`) out of step with it"),
    rationale: LocalizedText(
      zh: "附件编号是报送清单与各张绩效目标表的对应关系。跳号常意味着漏报了一个项目，重号则会让审核意见对错表；项目序号与附件编号错位也会让人对不上号。财预〔2015〕88号要求绩效目标随预算一并完整报送。",
      en: "Annex numbers tie the filing list to each form. A gap often means a project's form was left out; a repeat sends review comments to the wrong form; project numbers out of step with the annexes confuse the match. 财预〔2015〕88号 requires the targets to be filed completely with the budget."),
    fixDescription: LocalizedText(
      zh: "按顺序重新编号（不安全：也可能是漏了一张表）", en: "Renumber in sequence (unsafe: a form may be missing instead)"),
    triggering: [
      DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费"), ("↓附件5-4", "4、人民调解经费")]),
      DocumentExamples.forms([("附件5-1", "1、普法经费"), ("↓附件5-1", "2、法律援助经费"), ("附件5-2", "3、人民调解经费")]),
      DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费"), ("↓附件5-3", "5、人民调解经费")]),
    ],
    nonTriggering: [
      DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费"), ("附件5-3", "3、人民调解经费")]),
      // Project numbers may run at a constant offset from the annexes, and a new prefix starts a new run.
      DocumentExamples.forms([("附件3", "1、普法经费"), ("附件4", "2、法律援助经费"), ("附件6-1", "普法宣传经费")]),
      DocumentExamples.forms([("附件5-2", "普法经费")]),
    ],
    corrections: [
      (
        DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费"), ("附件5-4", "4、人民调解经费"), ("附件5-5", "5、政府法律事务")]),
        DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费"), ("附件5-3", "3、人民调解经费"), ("附件5-4", "4、政府法律事务")])
      ),
      (
        DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "5、法律援助经费")]),
        DocumentExamples.forms([("附件5-1", "1、普法经费"), ("附件5-2", "2、法律援助经费")])
      ),
    ])

  func check(document context: DocumentContext) -> [Diagnostic] {
    let forms = context.forms.filter(\.isForm)
    var findings: [Diagnostic] = []
    // The offset between project and annex numbers, set by the first form that has both.
    let offset = forms.lazy.compactMap { form in form.annexNumber.flatMap { annex in form.projectNumber.map { $0.number - annex.number } } }
      .first
    var seen: Set<String> = []
    var previous: DocumentNumber?
    // Once a run's annex numbers break, its project numbers are renumbered by that finding's fix: not reported again.
    var runBroken = false
    for (index, form) in forms.enumerated() {
      guard let annex = form.annexNumber else {
        previous = nil
        continue
      }
      defer {
        seen.insert(annex.text)
        previous = annex
      }
      if previous?.prefix != annex.prefix { runBroken = false }
      if let previous, previous.prefix == annex.prefix, annex.number != previous.number + 1 {
        findings.append(sequenceFinding(forms, at: index, after: previous, offset: offset, repeated: seen.contains(annex.text)))
        runBroken = true
      } else if seen.contains(annex.text) {
        findings.append(sequenceFinding(forms, at: index, after: nil, offset: offset, repeated: true))
        runBroken = true
      } else if !runBroken, let offset, let project = form.projectNumber, project.number - annex.number != offset {
        let expected = annex.number + offset
        let message = LocalizedText(
          zh: "附件\(annex.text)的项目序号为 \(project.number)，与附件编号不一致（应为 \(expected)）",
          en: "附件\(annex.text) has project number \(project.number), out of step with its annex number (expected \(expected))")
        let fix = Fix(
          title: LocalizedText(zh: "把项目序号改为 \(expected)", en: "Renumber the project to \(expected)"), isSafe: false,
          edits: [FixEdit(range: project.range, newText: String(expected))])
        findings.append(diagnostic(message, at: form.anchorRange, fixes: [fix]))
      }
    }
    return findings
  }

  /// A gap or repeat at `forms[index]`; the fix renumbers it and the rest of its run (and the project numbers
  /// that were in step with them) so that one edit leaves a clean sequence.
  private func sequenceFinding(
    _ forms: [FormSummary], at index: Int, after previous: DocumentNumber?, offset: Int?, repeated: Bool
  ) -> Diagnostic {
    let annex = forms[index].annexNumber!
    let message: LocalizedText
    if repeated {
      message = LocalizedText(zh: "附件编号\(annex.text)重复", en: "Annex number \(annex.text) is repeated")
    } else if let previous, annex.number > previous.number + 1 {
      let missing = ((previous.number + 1)..<annex.number).map { "\(annex.prefix)\($0)" }.joined(separator: "、")
      message = LocalizedText(
        zh: "附件编号从\(previous.text)跳到\(annex.text)，缺少\(missing)", en: "Annex numbers jump from \(previous.text) to \(annex.text): \(missing) is missing")
    } else {
      message = LocalizedText(
        zh: "附件编号\(annex.text)排在\(previous?.text ?? "")之后，顺序不对", en: "Annex number \(annex.text) comes after \(previous?.text ?? ""): out of order")
    }
    guard let previous else { return diagnostic(message, at: forms[index].anchorRange) }
    var edits: [FixEdit] = []
    var expected = previous.number + 1
    var originalPrevious: Int?
    for form in forms[index...] {
      guard let number = form.annexNumber, number.prefix == annex.prefix else { break }
      // The run ends where the numbering breaks again: that form has a finding and a fix of its own. Going on
      // made every fix edit all later forms, quadratic in a file of many filings that each restart at 5-1.
      if let originalPrevious, number.number != originalPrevious + 1 { break }
      originalPrevious = number.number
      if number.number != expected {
        edits.append(FixEdit(range: number.range, newText: String(expected)))
        if let offset, let project = form.projectNumber, project.number - number.number == offset {
          edits.append(FixEdit(range: project.range, newText: String(expected + offset)))
        }
      }
      expected += 1
    }
    let fix = Fix(
      title: LocalizedText(zh: "从附件\(annex.text)起按顺序重新编号", en: "Renumber from 附件\(annex.text) on in sequence"), isSafe: false,
      edits: edits)
    return diagnostic(message, at: forms[index].anchorRange, fixes: edits.isEmpty ? [] : [fix])
  }
}
