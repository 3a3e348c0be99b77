import FormLint
import FormModel
import FormSyntax
import Foundation
import OfficeFormats

/// What the reviewer's report shows, read from checked files: one entry per form with its facts (from
/// `Form`, `CostAnalysis`) and its findings, and the totals over all of them. HTML and CSV are rendered
/// from this; nothing here re-reads the text.
struct ReportModel {
  /// One finding as the report shows it.
  struct Finding {
    let diagnostic: Diagnostic
    /// 1-based line and scalar column of the start.
    let line, column: Int
    /// For a .docx/.xlsx: the table, row and column (or sheet and cell) the finding is in.
    let place: OfficePlace?
    /// The cell (or line) the finding is in, split around the marked part.
    let quote: Quote?
  }

  /// The cell text before, in and after a finding's range (shortened around it when long).
  struct Quote {
    let before, marked, after: String
  }

  /// One form (or a preamble that holds tables) of one file.
  struct FormEntry {
    /// Position in the report (0-based, stable: file order, then form order).
    let index: Int
    let path: String
    /// 1-based line of the form's anchor (annex, else title).
    let line: Int
    let annex, title, department, project: String?
    /// The budget (年度本级预算金额) in 元, when it is an amount.
    let budget: ExactDecimal?
    /// The sum of the itemised cost amounts, in 元.
    let itemisedCost: ExactDecimal
    let indicatorCount: Int
    let findings: [Finding]

    func count(_ severity: Severity) -> Int { findings.lazy.filter { $0.diagnostic.severity == severity }.count }
    /// 可以通过: no error-severity finding.
    var passes: Bool { !findings.contains { $0.diagnostic.severity == .error } }
    /// The codes of its findings, each once, in code order.
    var codes: [String] { Array(Set(findings.map(\.diagnostic.code))).sorted() }
  }

  /// Findings of a file that lie in no form (the file holds none).
  struct FileEntry {
    let path: String
    let formCount: Int
    let looseFindings: [Finding]
  }

  let files: [FileEntry]
  let forms: [FormEntry]
  let generated: Date

  /// Builds the model; forms are read on every core, in file order.
  init(files checked: [CheckedFile], generated: Date = Date()) {
    let perFile = Slots<([FormEntry], FileEntry)>(count: checked.count)
    DispatchQueue.concurrentPerform(iterations: checked.count) { index in
      perFile.store(ReportModel.entries(of: checked[index]), at: index)
    }
    var forms: [FormEntry] = []
    var files: [FileEntry] = []
    for case let (entries, file)? in perFile.values {
      for entry in entries {
        forms.append(
          FormEntry(
            index: forms.count, path: entry.path, line: entry.line, annex: entry.annex, title: entry.title,
            department: entry.department, project: entry.project, budget: entry.budget, itemisedCost: entry.itemisedCost,
            indicatorCount: entry.indicatorCount, findings: entry.findings))
      }
      files.append(file)
    }
    self.forms = forms
    self.files = files
    self.generated = generated
  }

  private static func entries(of file: CheckedFile) -> ([FormEntry], FileEntry) {
    let tree = file.tree
    let checkable = file.formNodeIndices
    let nodeForms = checkable.map { file.form(atNode: $0) }
    // A table of several projects is a form per project, as the rules check it.
    let forms = nodeForms.map(\.projectForms)
    // Each finding belongs to the form it starts in, else the last form before it, else the first form; within a
    // table of several projects, to the project whose rows it starts in.
    var formOfNode: [Int] = []
    var position = 0
    for nodeIndex in tree.nodes.indices {
      while position + 1 < checkable.count && checkable[position + 1] <= nodeIndex { position += 1 }
      formOfNode.append(position)
    }
    var byForm = forms.map { [[Finding]](repeating: [], count: $0.count) }
    var loose: [Finding] = []
    for diagnostic in file.diagnostics {
      let finding = makeFinding(diagnostic, in: file)
      if checkable.isEmpty {
        loose.append(finding)
      } else {
        let position = formOfNode[tree.nodeIndex(containing: diagnostic.range.lowerBound)]
        let offset = diagnostic.range.lowerBound - tree.nodeStarts[checkable[position]]
        byForm[position][nodeForms[position].projectFormIndex(containing: offset)].append(finding)
      }
    }
    var entries: [FormEntry] = []
    for (position, nodeIndex) in checkable.enumerated() {
      for (project, form) in forms[position].enumerated() {
        let cost = CostAnalysis(form: form)
        entries.append(
          FormEntry(
            index: 0, path: file.path, line: file.location(of: tree.nodeStarts[nodeIndex] + form.anchorRange.lowerBound).line,
            annex: form.annex?.number, title: form.title?.text,
            department: form.entry(meeting: .department)?.value.map(\.trimmed).flatMap { $0.isEmpty ? nil : $0 },
            project: form.projectName, budget: cost.budget?.value, itemisedCost: cost.itemisedTotal,
            indicatorCount: form.indicators.count, findings: byForm[position][project]))
      }
    }
    return (entries, FileEntry(path: file.path, formCount: entries.count, looseFindings: loose))
  }

  private static func makeFinding(_ diagnostic: Diagnostic, in file: CheckedFile) -> Finding {
    let start = file.location(of: diagnostic.range.lowerBound)
    return Finding(
      diagnostic: diagnostic, line: start.line, column: start.column, place: file.office?.place(of: diagnostic.range.lowerBound)?.place,
      quote: quote(diagnostic.range, in: file.tree))
  }

  /// The cell holding the start of `range` (else its line), with the part inside `range` marked.
  static func quote(_ range: Range<Int>, in tree: SyntaxTree) -> Quote? {
    guard !tree.nodes.isEmpty else { return nil }
    let nodeIndex = tree.nodeIndex(containing: range.lowerBound)
    let node = tree.nodes[nodeIndex]
    let base = tree.nodeStarts[nodeIndex]
    let offset = range.lowerBound - base
    var span: Range<Int>?
    for cell in node.cells {
      let content = node.contentRange(ofCell: cell)
      if content.lowerBound <= offset && offset <= content.upperBound && !content.isEmpty {
        span = content
        break
      }
    }
    if span == nil, let line = node.lines.first(where: { $0.contentStart <= offset && offset <= $0.contentEnd }) {
      span = line.contentStart..<line.contentEnd
    }
    guard let span, !span.isEmpty else { return nil }
    let markStart = min(max(offset, span.lowerBound), span.upperBound)
    let markEnd = min(max(range.upperBound - base, markStart), span.upperBound)
    let before = String(decoding: node.bytes[span.lowerBound..<markStart], as: UTF8.self)
    let marked = String(decoding: node.bytes[markStart..<markEnd], as: UTF8.self)
    let after = String(decoding: node.bytes[markEnd..<span.upperBound], as: UTF8.self)
    return Quote(before: shortened(before, keep: .suffix), marked: shortened(marked, keep: .both), after: shortened(after, keep: .prefix))
  }

  private enum Keep { case prefix, suffix, both }

  /// Long quotes keep 40 characters next to the mark (and 30 at each end of a long marked part).
  private static func shortened(_ text: String, keep: Keep) -> String {
    let limit = 40
    guard text.count > limit + 5 else { return text }
    switch keep {
    case .prefix: return String(text.prefix(limit)) + "…"
    case .suffix: return "…" + String(text.suffix(limit))
    case .both: return String(text.prefix(30)) + "…" + String(text.suffix(30))
    }
  }

  // MARK: - Totals

  var allFindings: [Finding] { forms.flatMap(\.findings) + files.flatMap(\.looseFindings) }

  func count(_ severity: Severity) -> Int { allFindings.lazy.filter { $0.diagnostic.severity == severity }.count }

  var passingForms: Int { forms.lazy.filter(\.passes).count }

  /// Departments in order of first appearance; forms without one are grouped under `nil`.
  var departments: [String?] {
    var seen = Set<String?>()
    return forms.map(\.department).filter { seen.insert($0).inserted }
  }

  var totalBudget: ExactDecimal { forms.compactMap(\.budget).reduce(0, +) }
  var totalItemisedCost: ExactDecimal { forms.map(\.itemisedCost).reduce(0, +) }

  /// Findings per rule code, most first (then by code).
  var findingsPerRule: [(code: String, name: String, count: Int)] {
    var counts: [String: (String, Int)] = [:]
    for finding in allFindings {
      counts[finding.diagnostic.code, default: (finding.diagnostic.name, 0)].1 += 1
    }
    return counts.map { ($0.key, $0.value.0, $0.value.1) }.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
  }

  /// The rules that have findings, in code order.
  var rulesFound: [RuleDescription] {
    let codes = Set(allFindings.map(\.diagnostic.code))
    return RuleRegistry.all.map { $0.description }.filter { codes.contains($0.code) }
  }
}

/// Money in 万元 as the report and the CSV write it: `14`, `4.5`, `0.12` (no unit, no trailing zeros).
enum WanYuan {
  static func text(_ yuan: ExactDecimal) -> String {
    let text = MoneyUnit.wanYuan.format(yuan: yuan)
    return text.hasSuffix(MoneyUnit.wanYuan.symbol) ? String(text.dropLast(MoneyUnit.wanYuan.symbol.count)) : text
  }

  static func number(_ yuan: ExactDecimal) -> Double { yuan.shifted(by: -4).doubleValue }
}
