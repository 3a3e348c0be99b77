import FormLint
import FormModel
import FormSyntax
import LSP

/// What a conversion depends on besides the findings and the text.
struct ConversionOptions: Equatable {
  var unit: ColumnUnit
  var language: Language
  var includeRelated: Bool
}

/// A fix with its edits in LSP positions, as carried in a diagnostic's `data` and in code action data.
struct FixPayload: Codable, Equatable {
  var title: String
  var isSafe: Bool
  var isPreferred: Bool
  var edits: [LSPTextEdit]
}

/// The `data` of a diagnostic: enough for code actions to be built without linting again.
///
/// It holds no document version on purpose: then an edit elsewhere leaves a form's diagnostics byte-identical, and
/// their JSON is reused. Code actions check a client's diagnostic against the current ones instead.
struct FindingPayload: Codable, Equatable {
  /// The annex number of the form the finding is in (for "ignore this rule for this form").
  var annex: String?
  var fixes: [FixPayload]
  /// True when the fixes were too large to carry (renumbering every later form): code actions compute them.
  var fixesDeferred: Bool?
}

/// A finding converted to LSP positions; its lines may be relative to its form's first line while cached.
struct ConvertedFinding {
  /// Fixes with more edits than this are not converted with the finding, nor carried in `data`: a document-level fix
  /// that renumbers every later form would otherwise make each keystroke's notification grow with the square of
  /// the number of forms.
  static let maximumCarriedEdits = 32

  var finding: Finding
  var range: LSPRange
  var related: [(range: LSPRange, message: String)]
  /// The fixes, or nil when they are deferred (see `maximumCarriedEdits`).
  var fixes: [FixPayload]?
  var annex: String?

  /// The same finding with every line moved by `delta` (columns do not depend on other lines).
  func shifted(lines delta: Int) -> ConvertedFinding {
    guard delta != 0 else { return self }
    var copy = self
    copy.range = range.shifted(lines: delta)
    copy.related = related.map { ($0.range.shifted(lines: delta), $0.message) }
    copy.fixes = fixes?.map { fix in
      var moved = fix
      moved.edits = fix.edits.map { LSPTextEdit(range: $0.range.shifted(lines: delta), newText: $0.newText) }
      return moved
    }
    return copy
  }

  /// The `data` payload.
  var payload: FindingPayload { FindingPayload(annex: annex, fixes: fixes ?? [], fixesDeferred: fixes == nil ? true : nil) }

  /// The diagnostic as a typed value.
  func lspDiagnostic(uri: DocumentURI, options: ConversionOptions) -> LSPDiagnostic {
    let description = RuleRegistry.rule(named: finding.code)?.description
    return LSPDiagnostic(
      range: range, severity: finding.severity.lspSeverity, code: finding.code,
      codeDescription: description.map { CodeDescription(href: RuleDocs.url(for: $0)) }, source: "jixiao",
      message: finding.message.text(options.language),
      relatedInformation: related.isEmpty
        ? nil : related.map { DiagnosticRelatedInformation(location: Location(uri: uri, range: $0.range), message: $0.message) },
      data: payload.json)
  }

  /// The diagnostic as JSON, built directly: going through `JSONEncoder` and back costs seconds on large documents.
  func json(uri: DocumentURI, options: ConversionOptions) -> JSONValue {
    var members: [String: JSONValue] = [
      "range": range.json, "severity": .int(finding.severity.lspSeverity.rawValue), "code": .string(finding.code),
      "source": "jixiao", "message": .string(finding.message.text(options.language)), "data": payload.json,
    ]
    if let href = DiagnosticConversionCache.documentationURL(finding.code) { members["codeDescription"] = ["href": .string(href)] }
    if !related.isEmpty {
      members["relatedInformation"] = .array(related.map {
        ["location": ["uri": .string(uri), "range": $0.range.json], "message": .string($0.message)]
      })
    }
    return .object(members)
  }
}

/// Converted findings per form node, so publishing after a keystroke converts only the edited form's findings.
///
/// A node's entry is reused when the node is the same object and its findings (relative to the node) are equal;
/// its JSON is reused as well while the node starts on the same line. Findings whose ranges leave their node are
/// converted every time, since their lines depend on other nodes.
struct DiagnosticConversionCache {
  private final class Entry {
    let node: FormNode  // Held so its identifier is not reused while cached.
    /// The linter's findings for the node, relative to it. The linter hands back the very same array while
    /// nothing about the node changed, so comparing costs a pointer comparison in the common case.
    let nodeFindings: [Finding]
    /// The findings whose ranges all lie in the node, and their conversion (lines relative to the node).
    let inside: [Finding]
    let converted: [ConvertedFinding]
    /// Findings pointing outside the node (a document-level finding's related location in another form): their
    /// lines depend on other nodes, so they are converted on every update.
    let loose: [Finding]
    /// The converted findings serialized, separated by commas (no brackets); only bytes are kept, to keep
    /// memory near the size of what is sent.
    var jsonBytes: [UInt8] = []
    var jsonFirstLine: Int?
    /// The converted findings as JSON values, for pull reports.
    var values: [JSONValue] = []
    var valuesFirstLine: Int?

    init(node: FormNode, nodeFindings: [Finding], inside: [Finding], converted: [ConvertedFinding], loose: [Finding]) {
      self.node = node
      self.nodeFindings = nodeFindings
      self.inside = inside
      self.converted = converted
      self.loose = loose
    }
  }

  /// One node's converted findings and where the node starts.
  private struct Run {
    let entry: Entry
    let firstLine: Int
    let loose: [ConvertedFinding]
  }

  private var entries: [ObjectIdentifier: Entry] = [:]
  private var runs: [Run] = []
  private(set) var options: ConversionOptions?
  /// How many nodes' findings the last `update` converted (the rest were reused); tests check it stays small.
  private(set) var lastConvertedNodeCount = 0

  /// Converts the findings of `tree` (per node, relative to it, as `Linter.lintPerNode` gives them), reusing
  /// every node whose findings inside it are unchanged since the last call.
  mutating func update(perNode: [[Finding]], tree: SyntaxTree, options: ConversionOptions) {
    if self.options != options {
      entries = [:]
      self.options = options
    }
    let mapping = PositionMapping(tree: tree, unit: options.unit)
    var next: [ObjectIdentifier: Entry] = [:]
    runs = []
    lastConvertedNodeCount = 0
    for (nodeIndex, nodeFindings) in perNode.enumerated() where !nodeFindings.isEmpty {
      let node = tree.nodes[nodeIndex]
      let key = ObjectIdentifier(node)
      let firstLine = tree.nodeFirstLines[nodeIndex]
      let base = tree.nodeStarts[nodeIndex]
      lazy var annex = DiagnosticConversionCache.annex(of: node)
      var entry: Entry
      if let cached = entries[key], cached.nodeFindings == nodeFindings {
        entry = cached
      } else {
        let nodeRange = 0...node.length
        var inside: [Finding] = []
        var loose: [Finding] = []
        for finding in nodeFindings {
          let contained = finding.convertedRanges.allSatisfy { nodeRange.contains($0.lowerBound) && nodeRange.contains($0.upperBound) }
          if contained { inside.append(finding.cacheKey) } else { loose.append(finding) }
        }
        if let cached = entries[key], cached.inside == inside {
          entry = Entry(node: node, nodeFindings: nodeFindings, inside: inside, converted: cached.converted, loose: loose)
          entry.jsonBytes = cached.jsonBytes
          entry.jsonFirstLine = cached.jsonFirstLine
          entry.values = cached.values
          entry.valuesFirstLine = cached.valuesFirstLine
        } else {
          lastConvertedNodeCount += 1
          let converted = nodeFindings.filter { finding in
            finding.convertedRanges.allSatisfy { nodeRange.contains($0.lowerBound) && nodeRange.contains($0.upperBound) }
          }.map { convert($0.shifted(by: base), mapping: mapping, annex: annex, options: options).shifted(lines: -firstLine) }
          entry = Entry(node: node, nodeFindings: nodeFindings, inside: inside, converted: converted, loose: loose)
        }
      }
      next[key] = entry
      let loose = entry.loose.map { convert($0.shifted(by: base), mapping: mapping, annex: annex, options: options) }
      runs.append(Run(entry: entry, firstLine: firstLine, loose: loose))
    }
    entries = next
  }

  /// The converted findings, node by node (within a node, cached ones first), absolute lines.
  var findings: [ConvertedFinding] {
    runs.flatMap { run in run.entry.converted.map { $0.shifted(lines: run.firstLine) } + run.loose }
  }

  /// The diagnostics as JSON values, node by node (for pull reports; pushing uses `serializedJSON`). Each node's
  /// values are kept while it neither changes nor moves, like its bytes; only pull clients fill this cache.
  func json(uri: DocumentURI) -> [JSONValue] {
    guard let options else { return [] }
    return runs.flatMap { run in
      let entry = run.entry
      if entry.valuesFirstLine != run.firstLine {
        entry.values = entry.converted.map { $0.shifted(lines: run.firstLine).json(uri: uri, options: options) }
        entry.valuesFirstLine = run.firstLine
      }
      return entry.values + run.loose.map { $0.json(uri: uri, options: options) }
    }
  }

  /// The diagnostics as a serialized JSON array, assembled from each node's cached bytes: publishing costs a
  /// copy per unchanged node instead of encoding every diagnostic again.
  func serializedJSON(uri: DocumentURI) -> [UInt8] {
    refreshJSON(uri: uri)
    var bytes: [UInt8] = [UInt8(ascii: "[")]
    bytes.reserveCapacity(runs.reduce(2) { $0 + $1.entry.jsonBytes.count + 1 })
    var first = true
    func appendPiece(_ piece: [UInt8]) {
      guard !piece.isEmpty else { return }
      if !first { bytes.append(UInt8(ascii: ",")) }
      bytes.append(contentsOf: piece)
      first = false
    }
    for run in runs {
      appendPiece(run.entry.jsonBytes)
      for loose in run.loose { appendPiece(loose.json(uri: uri, options: options!).serialized()) }
    }
    bytes.append(UInt8(ascii: "]"))
    return bytes
  }

  private func refreshJSON(uri: DocumentURI) {
    guard let options else { return }
    for run in runs where run.entry.jsonFirstLine != run.firstLine {
      let entry = run.entry
      let values = entry.converted.map { $0.shifted(lines: run.firstLine).json(uri: uri, options: options) }
      entry.jsonBytes = Array(values.map { $0.serialized() }.joined(separator: [UInt8(ascii: ",")]))
      entry.jsonFirstLine = run.firstLine
    }
  }

  private func convert(_ finding: Finding, mapping: PositionMapping, annex: String?, options: ConversionOptions) -> ConvertedFinding {
    ConvertedFinding(
      finding: finding, range: mapping.range(finding.range),
      related: options.includeRelated ? finding.related.map { (mapping.range($0.range), $0.message.text(options.language)) } : [],
      fixes: finding.carriesFixes ? DiagnosticConversionCache.convertFixes(finding, mapping: mapping, language: options.language) : nil,
      annex: annex)
  }

  /// A finding's fixes in LSP positions.
  static func convertFixes(_ finding: Finding, mapping: PositionMapping, language: Language) -> [FixPayload] {
    finding.fixes.map { fix in
      FixPayload(
        title: fix.title.text(language), isSafe: fix.isSafe, isPreferred: fix.isPreferred,
        edits: fix.edits.map { LSPTextEdit(range: mapping.range($0.range), newText: $0.newText) })
    }
  }

  /// The annex number of a form node (`5-1` from `附件5-1`), read from its first annex line.
  static func annex(of node: FormNode) -> String? {
    for index in node.lines.indices where node.lines[index].isFormBoundary {
      let text = TextClean.trimmed(node.text(ofLine: index))
      if text.hasPrefix("附件") { return TextClean.trimmed(String(text.dropFirst(2))) }
    }
    return nil
  }

  /// Rule documentation addresses by code, looked up once per code.
  private static let documentationURLs: [String: String] = Dictionary(
    RuleRegistry.all.map { ($0.description.code, RuleDocs.url(for: $0.description)) }, uniquingKeysWith: { first, _ in first })

  /// The documentation address of a rule code.
  static func documentationURL(_ code: String) -> String? { documentationURLs[code] }
}

extension Finding {
  /// Whether the fixes are small enough to convert and carry with the diagnostic.
  var carriesFixes: Bool { fixes.reduce(0) { $0 + $1.edits.count } <= ConvertedFinding.maximumCarriedEdits }

  /// What decides whether a cached conversion still holds: the finding without deferred fixes, whose edits in later
  /// forms move with every keystroke before them but are not part of the conversion.
  var cacheKey: Finding {
    guard !carriesFixes else { return self }
    var key = self
    key.fixes = []
    return key
  }

  /// Every byte range that conversion turns into positions.
  var convertedRanges: [Range<Int>] {
    [range] + related.map(\.range) + (carriesFixes ? fixes.flatMap { $0.edits.map(\.range) } : [])
  }
}

extension LSPRange {
  /// The range with both lines moved by `delta`.
  func shifted(lines delta: Int) -> LSPRange {
    LSPRange(
      start: Position(line: start.line + delta, character: start.character),
      end: Position(line: end.line + delta, character: end.character))
  }
}

extension Severity {
  /// The LSP severity.
  var lspSeverity: DiagnosticSeverity {
    switch self {
    case .error: return .error
    case .warning: return .warning
    case .information: return .information
    case .hint: return .hint
    }
  }
}

extension FindingPayload {
  /// The payload as JSON, built directly: encoding through `JSONEncoder` per diagnostic would dominate publishing.
  var json: JSONValue {
    var members: [String: JSONValue] = ["fixes": .array(fixes.map(\.json))]
    if let annex { members["annex"] = .string(annex) }
    if let fixesDeferred { members["fixesDeferred"] = .bool(fixesDeferred) }
    return .object(members)
  }
}

extension FixPayload {
  /// The fix as JSON (same shape as its `Codable` form).
  var json: JSONValue {
    [
      "title": .string(title), "isSafe": .bool(isSafe), "isPreferred": .bool(isPreferred),
      "edits": .array(edits.map { ["range": $0.range.json, "newText": .string($0.newText)] }),
    ]
  }
}

extension LSPRange {
  /// The range as JSON.
  var json: JSONValue { ["start": start.json, "end": end.json] }
}

extension Position {
  /// The position as JSON.
  var json: JSONValue { ["line": .int(line), "character": .int(character)] }
}
