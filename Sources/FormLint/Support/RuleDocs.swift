import FormSyntax
import Sequences

/// Rule documentation generated from rule descriptions: `jixiao explain`, the pages in Documentation/Rules/,
/// SARIF help and LSP hovers all come from here.
public enum RuleDocs {
  /// Where the project lives; rule pages are linked below it.
  public static let repositoryURL = "https://github.com/jixiao-lint/jixiao"

  /// File name of a rule's page (`JX301-budget-mismatch.md`).
  public static func fileName(for rule: RuleDescription) -> String { "\(rule.code)-\(rule.name).md" }

  /// Web address of a rule's page (`codeDescription.href`, SARIF `helpUri`).
  public static func url(for rule: RuleDescription) -> String {
    "\(repositoryURL)/blob/main/Documentation/Rules/\(fileName(for: rule))"
  }

  /// A rule's page in Markdown, in English with the Chinese summary beside it. With `excerpts`, each example
  /// is cut to the lines around what matters (`jixiao explain`; the generated pages and `--full` show whole
  /// forms): a triggering example around its `↓` markers, a non-triggering one and a correction around the
  /// lines that differ from the first triggering example or from the text before the correction.
  public static func page(for rule: RuleDescription, excerpts: Bool = false) -> String {
    let reference = rule.triggering.first.map(unmarked) ?? ""
    func block(_ text: String, focus: [Int]) -> [String] {
      codeBlock(excerpts ? excerpt(text, around: focus) : text)
    }
    var lines: [String] = []
    lines.append("# \(rule.code) \(rule.name)")
    lines.append("")
    lines.append("- Severity: \(rule.severity.rawValue)\(rule.isOptIn ? " (opt-in: off unless selected)" : "")")
    lines.append("- Fix: \(rule.fixDescription.map { $0.en } ?? "none")")
    lines.append("")
    lines.append("\(rule.summary.en)")
    lines.append("")
    lines.append("\(rule.summary.zh)")
    lines.append("")
    lines.append("## Why")
    lines.append("")
    lines.append(rule.rationale.en)
    lines.append("")
    lines.append(rule.rationale.zh)
    lines.append("")
    lines.append("## Triggering examples")
    lines.append("")
    lines.append("`↓` marks where the finding starts.")
    for example in rule.triggering {
      lines.append(contentsOf: block(example, focus: excerpts ? markedLines(example) + relatedLines(example, rule: rule) : []))
    }
    lines.append("")
    lines.append("## Non-triggering examples")
    for example in rule.nonTriggering { lines.append(contentsOf: block(example, focus: differingLines(example, from: reference))) }
    if !rule.corrections.isEmpty {
      lines.append("")
      lines.append("## Corrections")
      for correction in rule.corrections {
        lines.append("")
        lines.append("Before:")
        lines.append(contentsOf: block(correction.before, focus: differingLines(correction.before, from: correction.after)))
        lines.append("After:")
        lines.append(contentsOf: block(correction.after, focus: differingLines(correction.after, from: correction.before)))
      }
    }
    lines.append("")
    lines.append("## Configuration")
    lines.append("")
    lines.append("Turn it off with `\"rules\": {\"\(rule.code)\": \"off\"}` in `.jixiao.json`, change its severity with")
    lines.append("`\"rules\": {\"\(rule.code)\": \"warning\"}`, or ignore it in one form with")
    lines.append("`\"ignores\": [{\"form\": \"5-3\", \"rules\": [\"\(rule.code)\"]}]`.")
    if excerpts {
      lines.append("")
      lines.append("Examples are cut to the lines around the finding (`⋮` marks what is left out); `jixiao explain --full \(rule.code)`")
      lines.append("shows whole forms.")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Lines shown around each focus line of an excerpt.
  static let excerptContext = 2

  /// The lines of `text` around `focus` (0-based line numbers), gaps shown as `⋮`; the whole text when it is
  /// short or nothing is in focus.
  public static func excerpt(_ text: String, around focus: [Int]) -> String {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard !focus.isEmpty, lines.count > 4 * excerptContext + 2 else { return text }
    var keep = Set<Int>()
    for line in focus { keep.formUnion(max(0, line - excerptContext)...min(lines.count - 1, line + excerptContext)) }
    var result: [String] = []
    var previous = -1
    for index in keep.sorted() {
      if index > previous + 1 { result.append("⋮") }
      result.append(lines[index])
      previous = index
    }
    if previous < lines.count - 1 && !(previous == lines.count - 2 && lines[lines.count - 1].isEmpty) { result.append("⋮") }
    return result.joined(separator: "\n")
  }

  /// 0-based lines holding a `↓` marker.
  static func markedLines(_ text: String) -> [Int] {
    text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().filter { $0.element.contains("↓") }.map(\.offset)
  }

  /// 0-based lines of `text` that a line diff against `other` does not match (markers ignored): what an example
  /// adds or changes.
  static func differingLines(_ text: String, from other: String) -> [Int] {
    let mine = unmarked(text).split(separator: "\n", omittingEmptySubsequences: false)
    let theirs = unmarked(other).split(separator: "\n", omittingEmptySubsequences: false)
    // Examples are a few hundred lines at most. A line only the other text has marks the line it would stand
    // before (none past the end).
    var differing: [Int] = []
    for step in mine.lcsDiff(to: theirs, deletingFirst: false) {
      switch step {
      case .keep: continue
      case .delete(let line), .insert(_, let line):
        if line < mine.count && differing.last != line { differing.append(line) }
      }
    }
    return differing
  }

  /// 0-based lines of the related locations of the rule's findings in an example (JX301's cost items beside
  /// its budget), so an excerpt keeps what the message's arithmetic refers to.
  static func relatedLines(_ example: String, rule: RuleDescription) -> [Int] {
    guard let type = RuleRegistry.all.first(where: { $0.description.code == rule.code }) else { return [] }
    let bytes = Array(unmarked(example).utf8)
    var configuration = LintConfiguration()
    configuration.select = [rule.code]
    let findings = Linter(configuration: configuration, rules: [type]).lint(SyntaxTree(parsing: bytes))
    return findings.flatMap { $0.related.map { related in bytes[..<min(related.range.lowerBound, bytes.count)].filter { $0 == 0x0A }.count } }
  }

  static func unmarked(_ text: String) -> String { text.replacing("↓", with: "") }

  /// The index page listing every rule.
  public static func index(for rules: [RuleDescription]) -> String {
    var lines = ["# Rules", "", "Generated by `jixiao generate-docs`; do not edit by hand.", ""]
    lines.append("| Code | Name | Severity | Fix | Summary |")
    lines.append("|---|---|---|---|---|")
    for rule in rules {
      let fix = rule.fixDescription == nil ? "" : "yes"
      lines.append("| [\(rule.code)](\(fileName(for: rule))) | \(rule.name) | \(rule.severity.rawValue)\(rule.isOptIn ? " (opt-in)" : "") | \(fix) | \(rule.summary.en) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func codeBlock(_ text: String) -> [String] {
    // Tabs are the notation's cell markers: show them as → so the page is readable.
    ["", "```text", text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.replacingOccurrencesOfTab()
    }.joined(separator: "\n").trimmingTrailingNewlines(), "```"]
  }
}

extension Substring {
  fileprivate func replacingOccurrencesOfTab() -> String {
    String(map { $0 == "\t" ? "→" : $0 })
  }
}

extension String {
  fileprivate func trimmingTrailingNewlines() -> String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
