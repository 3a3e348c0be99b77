import FormModel
import FormSyntax

/// Which rules run, at what severity, with which model overrides: the resolved configuration for one file.
public struct LintConfiguration: Sendable, Equatable {
  /// Profile, year and unit overrides.
  public var model: ModelOptions
  /// Rule thresholds.
  public var settings: RuleSettings
  /// Codes or code prefixes to run (empty: the default set).
  public var select: [String]
  /// Codes or code prefixes to skip.
  public var ignore: [String]
  /// Severity per code, or nil for "off".
  public var severities: [String: Severity?]
  /// Rules ignored per form, by annex number (`5-3`), or `*` for every form.
  public var formIgnores: [String: Set<String>]
  /// Language of messages.
  public var language: Language
  /// The layout every form is read in (`"layout"` in .jixiao.json, `--layout`); nil detects it per form.
  public var layout: Layout?

  /// The default configuration.
  public init(
    model: ModelOptions = ModelOptions(), settings: RuleSettings = RuleSettings(), select: [String] = [],
    ignore: [String] = [], severities: [String: Severity?] = [:], formIgnores: [String: Set<String>] = [:],
    language: Language = .zh
  ) {
    self.model = model
    self.settings = settings
    self.select = select
    self.ignore = ignore
    self.severities = severities
    self.formIgnores = formIgnores
    self.language = language
  }

  /// Whether a rule runs: selected (or on by default), not ignored, not turned off.
  public func isEnabled(_ description: RuleDescription) -> Bool {
    let code = description.code
    if let severity = severities[code], severity == nil { return false }
    if ignore.contains(where: { matches(code, $0, name: description.name) }) { return false }
    if select.isEmpty { return !description.isOptIn || severities[code] != nil }
    return select.contains { matches(code, $0, name: description.name) }
  }

  /// The severity a rule reports at.
  public func severity(for description: RuleDescription) -> Severity {
    (severities[description.code] ?? nil) ?? description.severity
  }

  /// Whether a rule is ignored in the form with this annex number.
  public func isIgnored(_ code: String, inForm annex: String?) -> Bool {
    if formIgnores["*"]?.contains(code) ?? false { return true }
    guard let annex else { return false }
    return formIgnores[annex]?.contains(code) ?? false
  }

  /// How to choose the layouts of the file at `path` (its name gives the fallback: Markdown for `*.md`).
  public func layoutPolicy(forPath path: String?) -> LayoutPolicy { LayoutPolicy.forFile(named: path ?? "", pinned: layout) }

  private func matches(_ code: String, _ pattern: String, name: String) -> Bool {
    pattern == "ALL" || code.hasPrefix(pattern.uppercased()) || pattern == name
  }
}
