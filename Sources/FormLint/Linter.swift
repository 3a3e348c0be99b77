import FormModel
import FormSyntax
import Sequences

/// Checks documents. Keeps each form's findings keyed by its syntax node, so that after an edit only the
/// forms whose nodes changed are checked again. Findings are kept relative to their node and shifted only
/// when a caller asks for absolute ones; document-level findings are recomputed only when a form's
/// summary changed.
///
/// Not thread-safe: one linter per document or per worker. (A run may check its forms on several threads itself:
/// `checksFormsInParallel`.)
public final class Linter {
  /// The configuration in force.
  public let configuration: LintConfiguration
  /// The enabled rules; each may check forms (`check(form:)`) and the document (`check(document:)`).
  private let rules: [any Rule]
  /// The last tree's nodes and their checked entries, index for index.
  private var lastNodes: [FormNode] = []
  private var lastEntries: [CachedForm] = []
  private var lastSummaryNodes: [Int] = []
  private var lastSummaries: [FormSummary] = []
  /// Document findings of the last run of the document rules (absolute then), with the form each starts in and
  /// the form each of its ranges lies in.
  private var lastDocumentFindings: [(summary: Int, finding: Diagnostic, rangeForms: [Int])] = []
  /// Per form: which of those findings start in it, and the list handed out, relative to the form as of
  /// `lastGroupBases`.
  private var lastGroups: [Int: (members: [Int], relative: [Diagnostic])] = [:]
  private var lastGroupBases: [Int] = []
  /// The forms' offsets when the document rules last ran.
  private var lastDocumentBases: [Int] = []
  /// Findings reported per document at most (`maximumFindings`): beyond it a document is not useful to report
  /// (200,000 lines of `附件1` gave 2.8 million findings, 5.6 GB of JSON). Forms after the point where the count is
  /// reached are read for their summaries (document rules need every form) but not checked, so memory and time
  /// stay bounded too.
  public static let defaultMaximumFindings = 10_000
  /// The cap in force for this linter.
  public var maximumFindings = Linter.defaultMaximumFindings
  /// Where the last run stopped reporting, as an absolute offset: findings from there on were left out, and forms
  /// from there on may not have been checked. Nil when every finding was reported.
  public private(set) var lastTruncation: Int?
  /// How many forms the last `lint` call checked (the rest came from the cache).
  public private(set) var lastCheckedFormCount = 0
  /// How many form checks the last `lint` call ran, counting those a window ran and threw away (past the cap).
  private(set) var lastFormChecksRun = 0
  /// Whether the last `lint` call ran the document rules (they are skipped when no summary changed).
  public private(set) var lastRanDocumentRules = false
  /// Whether the typed forms the rules read are kept with the findings (`forms`), for callers that show them
  /// (the report) and would otherwise read every form a second time. Off by default: the server does not need them.
  public var retainsForms = false

  /// A node's checked entry. What a check found is one immutable object (`Checked`), so the entry is two references
  /// to copy: the linter copies every node's entry two or three times per run, and an entry of a dozen references
  /// (the summary's strings, the findings, the form) was 80 % of an edit's time at 10 MB when its form was not
  /// re-checked (12 of 16 M instructions).
  struct CachedForm: Sendable {
    private let checked: Checked
    /// Findings merged with the document findings they were last merged with (kept to reuse the array).
    var merged: (documentFindings: [Diagnostic], all: [Diagnostic])?

    init(
      node: FormNode, findings: [Diagnostic], summary: FormSummary, isCheckable: Bool = true, form: Form? = nil,
      isComplete: Bool = true
    ) {
      checked = Checked(node: node, findings: findings, summary: summary, isCheckable: isCheckable, form: form, isComplete: isComplete)
    }

    var node: FormNode { checked.node }
    var findings: [Diagnostic] { checked.findings }
    var summary: FormSummary { checked.summary }
    /// Whether the node is checked as a form (`isCheckable`), decided once from the form built for it.
    var isCheckable: Bool { checked.isCheckable }
    /// The typed form, when `retainsForms`.
    var form: Form? { checked.form }
    /// False when the rules were not run because the document's cap was already reached.
    var isComplete: Bool { checked.isComplete }

    private final class Checked: Sendable {
      let node: FormNode  // Held so that the identifier is not reused while cached.
      let findings: [Diagnostic]
      let summary: FormSummary
      let isCheckable: Bool
      let form: Form?
      let isComplete: Bool

      init(node: FormNode, findings: [Diagnostic], summary: FormSummary, isCheckable: Bool, form: Form?, isComplete: Bool) {
        self.node = node
        self.findings = findings
        self.summary = summary
        self.isCheckable = isCheckable
        self.form = form
        self.isComplete = isComplete
      }
    }
  }

  /// Whether a run that has several forms to check (`parallelMinimum`) checks them on every core, a window of forms
  /// at a time (`WindowedChecks`); the findings, the cache and `lastCheckedFormCount` are the same either way. On by
  /// default; callers that already check several documents at once (one linter per worker) turn it off.
  public var checksFormsInParallel = true
  /// Fewer forms to check than this are checked on the calling thread (a keystroke re-checks one form).
  static let parallelMinimum = 4
  /// Forms checked at once when in parallel (tests make it small to run many windows over a short document).
  var formsPerWindow = WindowedChecks.windowSize

  /// Creates a linter running the rules that `configuration` enables.
  public init(configuration: LintConfiguration = LintConfiguration(), rules: [any Rule.Type] = RuleRegistry.all) {
    self.configuration = configuration
    self.rules = rules.filter { configuration.isEnabled($0.description) }.map { $0.init() }
  }

  /// The typed form of a node under this configuration.
  public func form(of node: FormNode) -> Form { Form(node: node, options: configuration.model) }

  /// The typed forms of the last linted tree, index as in its `nodes`, when `retainsForms` was set for that run
  /// (nil for a node checked before it was set).
  public var forms: [Form?] { lastEntries.map(\.form) }

  /// The indices (in the last linted tree's `nodes`, ascending) of the nodes checked as forms: `isCheckable` as this
  /// linter decided it, from the form its check built, so callers need not build a form per node to ask again.
  public var checkableNodeIndices: [Int] { lastSummaryNodes }

  /// Whether the node at `index` of a tree is checked as a form: the last run's answer when it checked that very node
  /// there, else decided from the node's form under this configuration.
  public func isCheckable(_ node: FormNode, at index: Int) -> Bool {
    if index < lastNodes.count && lastNodes[index] === node { return lastEntries[index].isCheckable }
    return Linter.isCheckable(node, form: form(of: node))
  }

  /// Whether a node is checked as a form: forms, and a preamble (text before any title or annex) whose tables read
  /// as a form's (`Form.holdsFormContent`: a form pasted without its title), not any table.
  public static func isCheckable(_ node: FormNode) -> Bool {
    node.isForm || (!node.tables.isEmpty && isCheckable(node, form: Form(node: node, options: ModelOptions())))
  }

  /// `isCheckable` with the node's form already built (the linter's own check builds it anyway).
  static func isCheckable(_ node: FormNode, form: Form) -> Bool {
    node.isForm || (!node.tables.isEmpty && form.holdsFormContent)
  }

  /// All findings of a document, absolute offsets, sorted by position then code.
  public func lint(_ tree: SyntaxTree) -> [Diagnostic] {
    let perNode = lintPerNode(tree)
    var findings: [Diagnostic] = []
    findings.reserveCapacity(perNode.reduce(0) { $0 + $1.count })
    for (index, nodeFindings) in perNode.enumerated() {
      let base = tree.nodeStarts[index]
      for finding in nodeFindings { findings.append(finding.shifted(by: base)) }
    }
    return findings
  }

  /// Findings per node (index as in `tree.nodes`), relative to the node, each list sorted.
  ///
  /// A node whose text and document-level context did not change gets the very same array as last time,
  /// so callers can cache what they derive from it (converted positions, JSON) by array identity. The work
  /// outside the changed forms is a walk over the node list comparing references: no hashing, no copies.
  public func lintPerNode(_ tree: SyntaxTree) -> [[Diagnostic]] {
    // Without a stop condition the run always completes.
    lintPerNode(tree, stopWhen: { false }) ?? []
  }

  /// `lintPerNode`, asking `shouldStop` before each form it checks and before the document rules: when it answers
  /// true (a cancelled request) the run stops and returns nil, and the linter's cache is left as it was before the
  /// run, so the next run gives what a full one gives. The cost of stopping is at most one form's check, or one
  /// window's when the forms are checked in parallel (the question is asked before each window then).
  public func lintPerNode(_ tree: SyntaxTree, stopWhen shouldStop: () -> Bool) -> [[Diagnostic]]? {
    let nodes = tree.nodes
    // What the cache holds for each node: the same object at the same index as last time, or (new, or moved by a
    // form inserted or deleted before it) found by identity; nil for a node never checked.
    var cached: [CachedForm?] = []
    cached.reserveCapacity(nodes.count)
    var replaced: [Int] = []
    var byIdentity: [ObjectIdentifier: CachedForm]?
    var pending = 0
    for (index, node) in nodes.enumerated() {
      if index < lastNodes.count && lastNodes[index] === node {
        cached.append(lastEntries[index])
      } else {
        replaced.append(index)
        if byIdentity == nil && nodes.count != lastNodes.count {
          byIdentity = Dictionary(zip(lastNodes.map(ObjectIdentifier.init), lastEntries), uniquingKeysWith: { first, _ in first })
        }
        cached.append(byIdentity?[ObjectIdentifier(node)])
      }
      if cached[index].map({ !$0.isComplete }) ?? true { pending += 1 }
    }
    let checker = FormChecker(configuration: configuration, rules: rules, retainsForms: retainsForms)
    var checks = WindowedChecks(
      inParallel: checksFormsInParallel && pending >= Linter.parallelMinimum, windowSize: formsPerWindow)
    var entries: [CachedForm] = []
    entries.reserveCapacity(nodes.count)
    var summaryNodes: [Int] = []
    summaryNodes.reserveCapacity(nodes.count)
    lastCheckedFormCount = 0
    var counted = 0
    // Forms the cap left unchecked earlier that a window may take beside the form it starts at: they lie at or past
    // the cap as it stood, so most are past it again and their check would be thrown away (an edit under the cap
    // took the next 31 of them along, 3× the keystroke's time at 10 MB). None at first, then twice as many
    // with every window that reached one under the cap, up to a whole window (a raised cap still fills the cores).
    var uncheckedPerWindow = 0
    for index in nodes.indices {
      let underCap = counted < maximumFindings
      var entry: CachedForm
      if let hit = cached[index], hit.isComplete || !underCap {
        // Checked before; or left unchecked under the cap earlier and still beyond it.
        entry = hit
      } else {
        // New, or left unchecked under the cap earlier and under it now (the findings before it went down since).
        if !checks.holds(index) {
          if shouldStop() { return nil }
          var unchecked = 0
          let limit = uncheckedPerWindow
          // Beyond the cap it stays beyond it: the forms after this one only need reading, never their rules run.
          checks.run(from: index, runningRules: underCap, checker: checker, nodes: nodes) {
            guard let hit = cached[$0] else { return true }
            guard underCap && !hit.isComplete && unchecked < limit else { return false }
            unchecked += 1
            return true
          }
          if cached[index] != nil { uncheckedPerWindow = min(formsPerWindow, max(1, 2 * uncheckedPerWindow)) }
        }
        entry = checks.take(index)
        // A form checked in a window that the findings before it filled: as if its rules had not run.
        if !underCap && entry.isCheckable && entry.isComplete {
          entry = CachedForm(node: entry.node, findings: [], summary: entry.summary, form: entry.form, isComplete: false)
        }
        lastCheckedFormCount += 1
      }
      counted += entry.findings.count
      if entry.isCheckable { summaryNodes.append(index) }
      entries.append(entry)
    }
    lastFormChecksRun = checks.formChecks
    let summariesChanged: Bool
    if summaryNodes == lastSummaryNodes && summaryNodes.count == lastSummaries.count {
      var summaryIndex = 0
      var changed = false
      for index in replaced {
        while summaryIndex < summaryNodes.count && summaryNodes[summaryIndex] < index { summaryIndex += 1 }
        guard summaryIndex < summaryNodes.count, summaryNodes[summaryIndex] == index else { continue }
        if entries[index].summary != lastSummaries[summaryIndex] {
          changed = true
          break
        }
      }
      summariesChanged = changed
    } else {
      summariesChanged = true
    }
    if summariesChanged && shouldStop() { return nil }
    let documentFindings = documentFindings(
      changed: summariesChanged, summaries: { summaryNodes.map { entries[$0].summary } }, summaryNodes: summaryNodes, tree: tree)
    var result: [[Diagnostic]] = []
    result.reserveCapacity(nodes.count)
    var summaryIndex = 0
    for index in nodes.indices {
      var extra: [Diagnostic] = []
      if summaryIndex < summaryNodes.count && summaryNodes[summaryIndex] == index {
        // (Most documents have no document findings: no hashing of every form's index then.)
        if !documentFindings.isEmpty { extra = documentFindings[summaryIndex] ?? [] }
        summaryIndex += 1
      }
      if extra.isEmpty {
        result.append(entries[index].findings)
      } else if let merged = entries[index].merged, merged.documentFindings == extra {
        result.append(merged.all)
      } else {
        let all = (entries[index].findings + extra).sorted(by: Linter.documentOrder)
        entries[index].merged = (extra, all)
        result.append(all)
      }
    }
    lastNodes = nodes
    lastEntries = entries
    lastSummaryNodes = summaryNodes
    cap(&result, tree: tree, entries: entries)
    return result
  }

  /// The first `maximumFindings` findings in document order; `lastTruncation` says where reporting stopped.
  /// (In place: a copy of the list, to replace one node's findings, retained and released every node's array.)
  private func cap(_ result: inout [[Diagnostic]], tree: SyntaxTree, entries: [CachedForm]) {
    lastTruncation = entries.indices.first { !entries[$0].isComplete }.map { tree.nodeStarts[$0] }
    var remaining = maximumFindings
    for index in result.indices {
      if result[index].count <= remaining {
        remaining -= result[index].count
        continue
      }
      let omitted = tree.nodeStarts[index] + result[index][remaining].range.lowerBound
      lastTruncation = min(lastTruncation ?? omitted, omitted)
      result[index] = Array(result[index].prefix(remaining))
      remaining = 0
    }
  }

  static func documentOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    (lhs.range.lowerBound, lhs.code, lhs.range.upperBound) < (rhs.range.lowerBound, rhs.code, rhs.range.upperBound)
  }

  /// Document-level findings per summary index, relative to the summary's node.
  ///
  /// The document rules run again only when some form's summary changed (summaries are relative to their
  /// node, so moving a form does not change it). Otherwise the last findings are reused: each of their
  /// ranges (main, related, fix edits) may point into any form, so each is moved by how far its own form
  /// moved. A form's list is rebuilt only when one of its findings points into a form that moved by a
  /// different amount than the form itself (in practice: across the edit); otherwise the same array is
  /// handed back, so callers' caches keyed on it stay valid.
  private func documentFindings(
    changed: Bool, summaries makeSummaries: () -> [FormSummary], summaryNodes: [Int], tree: SyntaxTree
  ) -> [Int: [Diagnostic]] {
    let bases = summaryNodes.map { tree.nodeStarts[$0] }
    let summaries = changed ? makeSummaries() : []
    if changed && summaries != lastSummaries {
      lastRanDocumentRules = true
      let absolute = summaries.enumerated().map { $0.element.shifted(by: bases[$0.offset]) }
      let context = DocumentContext(forms: absolute, settings: configuration.settings)
      var found: [(summary: Int, finding: Diagnostic, rangeForms: [Int])] = []
      for rule in rules {
        for finding in rule.check(document: context) {
          let summary = Linter.summaryIndex(containing: finding.range.lowerBound, bases: bases)
          guard !bases.isEmpty, !configuration.isIgnored(finding.code, inForm: summaries[summary].annex) else { continue }
          var rangeForms: [Int] = []
          _ = finding.remapped { range in
            rangeForms.append(Linter.summaryIndex(containing: range.lowerBound, bases: bases))
            return range
          }
          found.append((summary, FormChecker.configured(finding, rule, configuration), rangeForms))
        }
      }
      lastSummaries = summaries
      lastDocumentFindings = found
      lastDocumentBases = bases
      lastGroups = [:]
      for (index, entry) in found.enumerated() { lastGroups[entry.summary, default: ([], [])].members.append(index) }
      for anchor in lastGroups.keys { lastGroups[anchor]!.relative = relativeGroup(anchor, bases: bases) }
      lastGroupBases = bases
    } else {
      lastRanDocumentRules = false
      if changed { lastSummaries = summaries }
      if bases != lastGroupBases {
        for anchor in lastGroups.keys {
          let anchorDelta = bases[anchor] - lastGroupBases[anchor]
          let unchanged = lastGroups[anchor]!.members.allSatisfy { member in
            lastDocumentFindings[member].rangeForms.allSatisfy { bases[$0] - lastGroupBases[$0] == anchorDelta }
          }
          if !unchanged { lastGroups[anchor]!.relative = relativeGroup(anchor, bases: bases) }
        }
        lastGroupBases = bases
      }
    }
    return lastGroups.mapValues(\.relative)
  }

  /// One form's document findings relative to it, from the findings as the rules last produced them.
  private func relativeGroup(_ anchor: Int, bases: [Int]) -> [Diagnostic] {
    lastGroups[anchor]!.members.map { member in
      let finding = lastDocumentFindings[member].finding
      let moved = bases == lastDocumentBases ? finding : finding.remapped { self.moved($0, to: bases) }
      return moved.shifted(by: -bases[anchor])
    }.sorted(by: Linter.documentOrder)
  }

  /// A range of the last document run moved by as much as the form it lies in moved since.
  private func moved(_ range: Range<Int>, to bases: [Int]) -> Range<Int> {
    let summary = Linter.summaryIndex(containing: range.lowerBound, bases: lastDocumentBases)
    guard summary < bases.count else { return range }
    let delta = bases[summary] - lastDocumentBases[summary]
    return (range.lowerBound + delta)..<(range.upperBound + delta)
  }

  /// The last form starting at or before `offset`.
  static func summaryIndex(containing offset: Int, bases: [Int]) -> Int {
    bases.lastIndexNotAfter { $0 > offset }
  }
}
