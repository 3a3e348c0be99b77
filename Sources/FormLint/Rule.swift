import FormModel
import FormSyntax

/// A rule's documentation and test data in one value (its doc page and its examples are generated from it).
public struct RuleDescription: Sendable {
  /// Stable code, never reused (`JX301`).
  public let code: String
  /// Kebab-case name (`budget-mismatch`).
  public let name: String
  /// Default severity.
  public let severity: Severity
  /// One-line purpose.
  public let summary: LocalizedText
  /// Why a reviewer cares, citing the policy where it applies.
  public let rationale: LocalizedText
  /// What the quick fix does, if the rule has one.
  public let fixDescription: LocalizedText?
  /// Examples that must produce a finding at each `↓` marker (and nowhere else).
  public var triggering: [String] { makeTriggering() }
  /// Examples that must produce no finding of this rule.
  public var nonTriggering: [String] { makeNonTriggering() }
  /// Examples and their text after the rule's fixes are applied (`↓` markers ignored in the input).
  public var corrections: [(before: String, after: String)] { makeCorrections() }
  // The examples are whole forms built by the example helpers: made when read (by tests and the docs), not when a
  // linter starts. Building all of them was 40 M instructions per process, as much as checking 10 KB of forms.
  private let makeTriggering: @Sendable () -> [String]
  private let makeNonTriggering: @Sendable () -> [String]
  private let makeCorrections: @Sendable () -> [(before: String, after: String)]
  /// Whether the rule is off unless selected (rules beyond the catalogue start off).
  public let isOptIn: Bool

  /// Creates a description.
  public init(
    code: String, name: String, severity: Severity, summary: LocalizedText, rationale: LocalizedText,
    fixDescription: LocalizedText? = nil, triggering: @autoclosure @escaping @Sendable () -> [String],
    nonTriggering: @autoclosure @escaping @Sendable () -> [String],
    corrections: @autoclosure @escaping @Sendable () -> [(before: String, after: String)] = [], isOptIn: Bool = false
  ) {
    self.code = code
    self.name = name
    self.severity = severity
    self.summary = summary
    self.rationale = rationale
    self.fixDescription = fixDescription
    makeTriggering = triggering
    makeNonTriggering = nonTriggering
    makeCorrections = corrections
    self.isOptIn = isOptIn
  }
}

/// A check. Per-form rules implement `check(form:)`; document-level rules implement `check(document:)`.
public protocol Rule: Sendable {
  /// The rule's documentation and examples.
  static var description: RuleDescription { get }
  /// Creates the rule.
  init()
  /// Findings in one form (ranges relative to the form's node).
  func check(form: FormContext) -> [Diagnostic]
  /// Findings across the forms of a document (ranges absolute).
  func check(document: DocumentContext) -> [Diagnostic]
}

extension Rule {
  public func check(form: FormContext) -> [Diagnostic] { [] }
  public func check(document: DocumentContext) -> [Diagnostic] { [] }

  /// The rule's description.
  public var description: RuleDescription { Self.description }

  /// A finding of this rule at its default severity.
  public func diagnostic(
    _ message: LocalizedText, at range: Range<Int>, related: [RelatedLocation] = [], fixes: [Fix] = []
  ) -> Diagnostic {
    Diagnostic(
      code: Self.description.code, name: Self.description.name, severity: Self.description.severity, message: message,
      range: range, related: related, fixes: fixes)
  }
}

/// What a per-form rule sees.
public struct FormContext: Sendable {
  /// The typed form.
  public let form: Form
  /// Its syntax (offsets in the form are relative to it).
  public var node: FormNode { form.node }
  /// Thresholds and switches from configuration.
  public let settings: RuleSettings
  /// Values several rules derive from the form, computed once per form.
  let shared = SharedDerivations()

  init(form: Form, settings: RuleSettings) {
    self.form = form
    self.settings = settings
  }

  /// The form's budget, cost rows and itemised amounts (shared by the money rules).
  var costAnalysis: CostAnalysis { shared.costAnalysis(of: form) }

  /// Every cell as the hygiene rules scan it (shared by the 5xx rules).
  var hygieneCells: [HygieneCell] { shared.hygieneCells(of: form) }

  /// The dates, periods and deadlines in a cell (shared by the 4xx rules, which read the same cells).
  func dates(in cell: CellText) -> [DateValue] { shared.dates(in: cell, of: form) }

  /// The amounts of money in a cell, read in the form's table unit (shared by `costAnalysis` and the money rules,
  /// which read the same cost rows).
  func amounts(in cell: CellText) -> [Amount] { shared.amounts(in: cell, of: form) }

  /// What a 指标值 cell holds, read in the form's table unit (shared by the values rules).
  func valueKind(of cell: CellText) -> IndicatorValue { shared.valueKind(of: cell, in: form) }

  /// `costAnalysis.budgetLabel`, computed once, and only by a rule that reports against the budget.
  var budgetLabel: LocalizedText? { shared.budgetLabel(of: self) }
}

/// Memoised derivations of one form. A form is checked by one thread, so no locking is needed.
final class SharedDerivations: @unchecked Sendable {
  private var cost: CostAnalysis?
  private var cells: [HygieneCell]?
  private var label: LocalizedText??
  private var dates = CellMemo<[DateValue]>()
  private var amounts = CellMemo<[Amount]>()
  private var kinds = CellMemo<IndicatorValue>()

  /// The value in `slot`, made by `make` the first time.
  private func once<Value>(_ slot: inout Value?, _ make: () -> Value) -> Value {
    if let value = slot { return value }
    let value = make()
    slot = value
    return value
  }

  func valueKind(of cell: CellText, in form: Form) -> IndicatorValue {
    kinds.value(of: cell, in: form) { IndicatorValue.classify(cell.text, tableUnit: form.unit.moneyUnit) }
  }

  func dates(in cell: CellText, of form: Form) -> [DateValue] {
    dates.value(of: cell, in: form) { DatesCells.dates(in: cell.text) }
  }

  func amounts(in cell: CellText, of form: Form) -> [Amount] {
    amounts.value(of: cell, in: form) { AmountScanner.amounts(in: cell.text, tableUnit: form.unit.moneyUnit) }
  }

  func hygieneCells(of form: Form) -> [HygieneCell] { once(&cells) { HygieneText.cells(of: form) } }

  func costAnalysis(of form: Form) -> CostAnalysis {
    once(&cost) { CostAnalysis(form: form) { self.amounts(in: $0, of: form) } }
  }

  func budgetLabel(of context: FormContext) -> LocalizedText? { once(&label) { context.costAnalysis.budgetLabel } }
}

/// Values computed once per cell of a form, found through the cell's index in the node (no hashing). A cell is
/// what its index and range say: every `CellText` of a form is the content of the node's cell at `cellIndex`
/// (`CellIdentityTests`), so the text need not be compared.
struct CellMemo<Value> {
  /// Per node cell: 1 + the index of its entry, 0 for none (plain integers: no references to release).
  private var slots: [Int32] = []
  private var entries: [(range: Range<Int>, value: Value)] = []

  mutating func value(of cell: CellText, in form: Form, _ compute: () -> Value) -> Value {
    let index = cell.cellIndex
    if index >= 0, index < slots.count, case let slot = Int(slots[index]), slot > 0, entries[slot - 1].range == cell.range {
      return entries[slot - 1].value
    }
    let value = compute()
    if slots.isEmpty { slots = Array(repeating: 0, count: form.node.cells.count) }
    if index >= 0, index < slots.count {
      entries.append((cell.range, value))
      slots[index] = Int32(entries.count)
    }
    return value
  }
}

/// What a document-level rule sees: one summary per form, in order.
public struct DocumentContext: Sendable {
  /// The forms' summaries.
  public let forms: [FormSummary]
  /// Thresholds and switches from configuration.
  public let settings: RuleSettings
}

/// What document-level rules need from a form, computed once per form and cached with its findings.
public struct FormSummary: Sendable, Equatable {
  /// The annex number (`5-1`).
  public let annex: String?
  /// Absolute byte range of the form's anchor line (annex, else title) text.
  public var anchorRange: Range<Int>
  /// The project's name, trimmed.
  public let projectName: String?
  /// The project name as duplicates are compared (whitespace and a leading `3、` removed); computed once per
  /// form here, because the document rules run over every form's summary.
  public let comparableProjectName: String?
  /// Absolute byte range of the project name cell's trimmed text.
  public var projectNameRange: Range<Int>?
  /// Whether the node is a form (not a preamble).
  public let isForm: Bool
  /// The annex number's last component and its digits' absolute range (JX601).
  public var annexNumber: DocumentNumber?
  /// The item number opening the project name (`3、…`) and its digits' absolute range (JX601).
  public var projectNumber: DocumentNumber?

  /// Creates a summary for a form (ranges relative to its node; shift with `shifted(by:)`).
  public init(form: Form) {
    annex = form.annex?.number
    anchorRange = form.anchorRange
    projectName = form.projectName
    comparableProjectName = form.projectName.map(DocumentNumbering.comparableName)
    projectNameRange = form.value(.projectName).map(\.trimmedRange)
    isForm = form.node.isForm
    annexNumber = DocumentNumbering.annexNumber(in: form)
    projectNumber = DocumentNumbering.projectNumber(in: form)
  }

  /// The summary with its ranges moved by `delta`.
  public func shifted(by delta: Int) -> FormSummary {
    var copy = self
    copy.anchorRange = (anchorRange.lowerBound + delta)..<(anchorRange.upperBound + delta)
    copy.projectNameRange = projectNameRange.map { ($0.lowerBound + delta)..<($0.upperBound + delta) }
    copy.annexNumber = annexNumber?.shifted(by: delta)
    copy.projectNumber = projectNumber?.shifted(by: delta)
    return copy
  }
}

/// Thresholds and switches rules read (from `.jixiao.json`).
public struct RuleSettings: Sendable, Equatable {
  /// Satisfaction targets below this percentage are reported by JX208 (opt-in; setting it in `.jixiao.json`
  /// turns the rule on).
  public var satisfactionFloor: Double

  /// Defaults.
  public init(satisfactionFloor: Double = 85) {
    self.satisfactionFloor = satisfactionFloor
  }
}
