import Dispatch
import FormModel
import FormSyntax
import Foundation

/// Checking one form: what `Linter` runs per form node, apart from its cache. A value any thread may use (the
/// rules are `Sendable` values and keep no state between calls), so the forms of one document can be checked on
/// several threads at once.
struct FormChecker: Sendable {
  let configuration: LintConfiguration
  let rules: [any Rule]
  /// Keep the typed form with the findings (`Linter.retainsForms`).
  let retainsForms: Bool

  /// The form's findings (relative to its node, sorted) and summary; without its rules run when `runningRules` is
  /// false (the document's cap was reached: the summary is still needed by the document rules).
  func check(_ node: FormNode, runningRules: Bool = true) -> Linter.CachedForm {
    let form = Form(node: node, options: configuration.model)
    let summary = FormSummary(form: form)
    let kept = retainsForms ? form : nil
    guard Linter.isCheckable(node, form: form) else {
      return Linter.CachedForm(node: node, findings: [], summary: summary, isCheckable: false, form: kept)
    }
    guard runningRules else {
      return Linter.CachedForm(node: node, findings: [], summary: summary, form: kept, isComplete: false)
    }
    // A table of several projects is one form per project for the rules.
    let contexts = form.projectForms.map { FormContext(form: $0, settings: configuration.settings) }
    var findings: [Diagnostic] = []
    for rule in rules where !configuration.isIgnored(type(of: rule).description.code, inForm: form.annex?.number) {
      // One finding per occurrence: a table with one value column per recipient (or 中期 and 年度) reads a row
      // several times, and a cell the readings share (the 二级, the name) must not be reported once per reading;
      // nor a cell of a table of several projects once per project.
      var seen = Set<Diagnostic>()
      for context in contexts {
        for finding in rule.check(form: context) where seen.insert(finding).inserted {
          findings.append(FormChecker.configured(finding, rule, configuration).written(in: node))
        }
      }
    }
    findings.sort(by: Linter.documentOrder)
    return Linter.CachedForm(node: node, findings: findings, summary: summary, form: kept)
  }

  /// A configured severity replaces the rule's own; otherwise the rule's choice stands (JX102 reports a
  /// recommended category as a warning and a required one as an error).
  static func configured(_ finding: Diagnostic, _ rule: any Rule, _ configuration: LintConfiguration) -> Diagnostic {
    guard let configured = configuration.severities[finding.code] ?? nil else { return finding }
    var copy = finding
    copy.severity = configured
    return copy
  }
}

/// The form checks of one `Linter.lintPerNode` run, taken in index order. One at a time, or (`inParallel`) the
/// next `windowSize` forms that need a check at once, on every core, each result written into its own slot.
///
/// A window is checked as the cap stood at its start; the linter treats forms of it that the findings before them
/// took past the cap as unchecked (as a serial run would have left them), so the work done past the cap is at most
/// one window. A stop request is asked before each window, so at most one window's work is lost to it.
struct WindowedChecks {
  let inParallel: Bool
  let windowSize: Int
  /// The indices of the forms of the current window, ascending, and their checks (nil once taken).
  private var indices: [Int] = []
  private var results: [Linter.CachedForm?] = []
  private var cursor = 0
  /// Forms checked so far, in every window (some may be thrown away: past the cap, or behind a stop).
  private(set) var formChecks = 0

  init(inParallel: Bool, windowSize: Int = WindowedChecks.windowSize) {
    self.inParallel = inParallel
    self.windowSize = max(1, windowSize)
  }

  /// Forms per window by default: enough to keep every core busy to the window's end (forms differ in size), few enough
  /// to bound the work past the cap and a stop request's delay.
  static let windowSize = max(32, 8 * ProcessInfo.processInfo.activeProcessorCount)

  /// Whether the current window checked the form at `index`.
  mutating func holds(_ index: Int) -> Bool {
    while cursor < indices.count && indices[cursor] < index { cursor += 1 }
    return cursor < indices.count && indices[cursor] == index
  }

  /// The check of the form at `index`, once `holds(index)` said it is there.
  mutating func take(_ index: Int) -> Linter.CachedForm {
    defer { results[cursor] = nil }
    return results[cursor]!
  }

  /// Checks the form at `index` and, when in parallel, the next forms after it that `needsCheck`, up to a window.
  mutating func run(
    from index: Int, runningRules: Bool, checker: FormChecker, nodes: [FormNode], needsCheck: (Int) -> Bool
  ) {
    indices = [index]
    if inParallel {
      var next = index + 1
      while indices.count < windowSize && next < nodes.count {
        if needsCheck(next) { indices.append(next) }
        next += 1
      }
    }
    cursor = 0
    formChecks += indices.count
    guard indices.count > 1 else {
      results = [checker.check(nodes[index], runningRules: runningRules)]
      return
    }
    let slots = Slots(count: indices.count)
    let window = indices
    DispatchQueue.concurrentPerform(iterations: window.count) { position in
      slots.store(checker.check(nodes[window[position]], runningRules: runningRules), at: position)
    }
    results = slots.values
  }

  /// One slot per form of a window, each written by the one worker that checks that form (so no lock), and read
  /// once `concurrentPerform` has returned (which orders every write before it).
  private final class Slots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Linter.CachedForm?>

    init(count: Int) {
      buffer = .allocate(capacity: count)
      buffer.initialize(repeating: nil)
    }

    deinit {
      buffer.deinitialize()
      buffer.deallocate()
    }

    func store(_ value: Linter.CachedForm, at index: Int) { buffer[index] = value }

    var values: [Linter.CachedForm?] { Array(buffer) }
  }
}
