import FormModel
import FormSyntax

/// Checks documents. Keeps each form's findings keyed by its syntax node, so that after an edit only the
/// forms whose nodes changed are checked again; the others' findings are shifted to their new offsets.
///
/// Not thread-safe: one linter per document or per worker.
public final class Linter {
  /// The configuration in force.
  public let configuration: LintConfiguration
  private let formRules: [any Rule]
  private let documentRules: [any Rule]
  private var cache: [ObjectIdentifier: CachedForm] = [:]
  /// How many forms the last `lint` call checked (the rest came from the cache).
  public private(set) var lastCheckedFormCount = 0

  private struct CachedForm {
    let node: FormNode  // Held so that the identifier is not reused while cached.
    let findings: [Diagnostic]
    let summary: FormSummary
  }

  /// Creates a linter running the rules that `configuration` enables.
  public init(configuration: LintConfiguration = LintConfiguration(), rules: [any Rule.Type] = RuleRegistry.all) {
    self.configuration = configuration
    let enabled = rules.filter { configuration.isEnabled($0.description) }.map { $0.init() }
    formRules = enabled
    documentRules = enabled
  }

  /// The typed form of a node under this configuration.
  public func form(of node: FormNode) -> Form { Form(node: node, options: configuration.model) }

  /// Whether a node is checked as a form: forms, and a preamble that holds tables.
  public static func isCheckable(_ node: FormNode) -> Bool { node.isForm || !node.tables.isEmpty }

  /// All findings of a document, absolute offsets, sorted by position then code.
  public func lint(_ tree: SyntaxTree) -> [Diagnostic] {
    var findings: [Diagnostic] = []
    var summaries: [FormSummary] = []
    var nextCache: [ObjectIdentifier: CachedForm] = [:]
    nextCache.reserveCapacity(tree.nodes.count)
    lastCheckedFormCount = 0
    for (index, node) in tree.nodes.enumerated() {
      let key = ObjectIdentifier(node)
      let cached: CachedForm
      if let hit = cache[key] {
        cached = hit
      } else {
        cached = check(node)
        lastCheckedFormCount += 1
      }
      nextCache[key] = cached
      let base = tree.nodeStarts[index]
      for finding in cached.findings { findings.append(finding.shifted(by: base)) }
      if Linter.isCheckable(node) { summaries.append(cached.summary.shifted(by: base)) }
    }
    cache = nextCache
    let context = DocumentContext(forms: summaries, settings: configuration.settings)
    for rule in documentRules {
      for finding in rule.check(document: context) {
        let annex = summaries.last { $0.anchorRange.lowerBound <= finding.range.lowerBound }?.annex
        if !configuration.isIgnored(finding.code, inForm: annex) { findings.append(configured(finding, rule)) }
      }
    }
    findings.sort { ($0.range.lowerBound, $0.code, $0.range.upperBound) < ($1.range.lowerBound, $1.code, $1.range.upperBound) }
    return findings
  }

  private func check(_ node: FormNode) -> CachedForm {
    let form = form(of: node)
    let summary = FormSummary(form: form)
    guard Linter.isCheckable(node) else { return CachedForm(node: node, findings: [], summary: summary) }
    let context = FormContext(form: form, settings: configuration.settings)
    var findings: [Diagnostic] = []
    for rule in formRules where !configuration.isIgnored(type(of: rule).description.code, inForm: form.annex?.number) {
      for finding in rule.check(form: context) { findings.append(configured(finding, rule)) }
    }
    return CachedForm(node: node, findings: findings, summary: summary)
  }

  /// A configured severity replaces the rule's own; otherwise the rule's choice stands (JX102 reports a
  /// recommended category as a warning and a required one as an error).
  private func configured(_ finding: Diagnostic, _ rule: any Rule) -> Diagnostic {
    guard let configured = configuration.severities[finding.code] ?? nil else { return finding }
    var copy = finding
    copy.severity = configured
    return copy
  }
}
