import FormLint
import FormModel
import FormSyntax
import LSP

/// One open document: its text as a syntax tree, its version, and the linter that keeps its findings.
final class Document {
  /// The URI the client named it by.
  let uri: DocumentURI
  /// Its file path, for `file:` URIs.
  let path: String?
  /// The client's version of the text.
  var version: Int
  /// The text.
  private(set) var tree: SyntaxTree
  /// Changes with every edit and configuration change; result ids are built from it.
  private(set) var revision: Int
  /// The configuration in force.
  private(set) var resolved: ConfigurationStore.Resolved
  /// One linter for the document's life, so an edit re-checks only the forms it touched.
  private var linter: Linter
  private var lintedRevision: Int?
  private var lintedPerNode: [[Finding]] = []
  private var flattenedRevision: Int?
  private var flattenedFindings: [Finding] = []
  private var conversions = DiagnosticConversionCache()
  private var convertedRevision: Int?
  private var diagnosticsChangedRevision = 0

  init(uri: DocumentURI, version: Int, text: String, resolved: ConfigurationStore.Resolved, revision: Int) {
    self.uri = uri
    path = Session.path(of: uri)
    self.version = version
    tree = SyntaxTree(parsing: text, layout: resolved.configuration.layoutPolicy(forPath: path ?? uri))
    self.resolved = resolved
    linter = Linter(configuration: resolved.configuration)
    self.revision = revision
  }

  /// The message language.
  var language: Language { resolved.language }

  /// Replaces a byte range, reparsing only the forms it touches.
  func apply(_ edit: SourceEdit, revision: Int) {
    tree = tree.applying(edit).tree
    self.revision = revision
  }

  /// Replaces the whole text.
  func replaceAll(with text: String, revision: Int) {
    tree = SyntaxTree(parsing: text, layout: tree.layoutPolicy)
    self.revision = revision
  }

  /// Switches to another configuration; the linter (and its cache) is replaced only when the rules change.
  func reconfigure(_ resolved: ConfigurationStore.Resolved, revision: Int) {
    guard resolved.configuration != self.resolved.configuration || resolved.language != self.resolved.language else {
      self.resolved = resolved
      return
    }
    self.resolved = resolved
    let policy = resolved.configuration.layoutPolicy(forPath: path ?? uri)
    if policy != tree.layoutPolicy { tree = SyntaxTree(parsing: tree.printedBytes, layout: policy) }
    linter = Linter(configuration: resolved.configuration)
    conversions = DiagnosticConversionCache()
    lintedRevision = nil
    flattenedRevision = nil
    convertedRevision = nil
    self.revision = revision
  }

  /// The findings of the current text per form node, relative to the node; linted at most once per revision.
  /// A keystroke costs the edited form's check: other nodes' lists come back from the linter's cache.
  var findingsPerNode: [[Finding]] {
    if lintedRevision != revision {
      lintedPerNode = linter.lintPerNode(tree)
      lintedRevision = revision
    }
    return lintedPerNode
  }

  /// Where the last check stopped reporting (the findings cap), as an absolute offset; nil when nothing was left out.
  var truncation: Int? { linter.lastTruncation }
  /// Whether the user has been told of the current truncation (told once, again after it went away and came back).
  var toldTruncation = false
  /// The findings cap in force (`Linter.defaultMaximumFindings`).
  var maximumFindings: Int { linter.maximumFindings }

  /// Lints the current revision unless `isCancelled` answers true first (it is asked between forms); false when the
  /// run stopped, so a cancelled request stops within one form's check rather than at the end of the document.
  /// Nothing is lost: the next run picks up from the linter's cache as it was.
  func lint(unlessCancelled isCancelled: () -> Bool) -> Bool {
    guard lintedRevision != revision else { return true }
    guard let perNode = linter.lintPerNode(tree, stopWhen: isCancelled) else { return false }
    lintedPerNode = perNode
    lintedRevision = revision
    return true
  }

  /// The findings of the current text with absolute ranges (for code actions and hovers, not for publishing).
  var findings: [Finding] {
    if flattenedRevision != revision {
      let perNode = findingsPerNode
      flattenedFindings = perNode.indices.flatMap { index in perNode[index].map { $0.shifted(by: tree.nodeStarts[index]) } }
      flattenedRevision = revision
    }
    return flattenedFindings
  }

  /// The typed form of a node under the document's configuration.
  func form(of node: FormNode) -> Form { linter.form(of: node) }

  /// Whether the node at `index` of the tree is checked as a form (the linter's answer from its last run).
  func isCheckable(nodeAt index: Int) -> Bool { linter.isCheckable(tree.nodes[index], at: index) }

  /// Position conversions for the current text.
  func mapping(_ unit: ColumnUnit) -> PositionMapping { PositionMapping(tree: tree, unit: unit) }

  /// The diagnostics as a JSON array, assembled from per-node cached bytes (for both push and pull).
  func serializedDiagnostics(session: Session) -> SerializedJSON {
    updateConversions(session)
    return conversions.serialized(uri: uri)
  }

  /// The revision at which the diagnostics last changed (text edits that leave every diagnostic as it was, and
  /// where it was, keep it): pull result ids are built from it, so such edits are answered `unchanged`.
  func diagnosticsRevision(session: Session) -> Int {
    updateConversions(session)
    return diagnosticsChangedRevision
  }

  /// The finding a diagnostic's key (its `data`) names, if it is still current.
  func locate(key: String, session: Session) -> LocatedFinding? {
    updateConversions(session)
    return conversions.locate(key: key, uri: uri)
  }

  /// The current findings overlapping a range.
  func locate(overlapping range: LSPRange, session: Session) -> [LocatedFinding] {
    updateConversions(session)
    return conversions.locate(overlapping: range, uri: uri)
  }

  /// What the document's tree and caches hold, measured from their sizes (`jixiao/memoryUsage`).
  var footprint: DocumentFootprint {
    DocumentFootprint(
      uri: uri, textBytes: tree.byteCount, formNodes: tree.nodes.count, treeBytes: MemoryFootprint.treeBytes(tree),
      findings: MemoryFootprint.findings(lintedPerNode), absoluteFindings: MemoryFootprint.findings([flattenedFindings]),
      conversions: conversions.footprint)
  }

  private func conversionOptions(_ session: Session) -> ConversionOptions {
    ConversionOptions(
      unit: session.unit, language: language, includeRelated: session.supportsRelatedInformation,
      documentation: session.supportsCodeDescription ? session.documentation : nil)
  }

  private func updateConversions(_ session: Session) {
    let options = conversionOptions(session)
    guard convertedRevision != revision || conversions.options != options else { return }
    conversions.update(perNode: findingsPerNode, tree: tree, options: options)
    convertedRevision = revision
    if conversions.lastUpdateChangedContent { diagnosticsChangedRevision = revision }
  }
}
