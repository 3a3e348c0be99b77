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
struct FindingPayload: Codable, Equatable {
  /// The document version the positions are valid in.
  var version: Int?
  /// The annex number of the form the finding is in (for "ignore this rule for this form").
  var annex: String?
  var fixes: [FixPayload]
}

/// A finding converted to LSP positions; its lines may be relative to its form's first line while cached.
struct ConvertedFinding {
  var finding: Finding
  var range: LSPRange
  var related: [(range: LSPRange, message: String)]
  var fixes: [FixPayload]
  var annex: String?

  /// The same finding with every line moved by `delta` (columns do not depend on other lines).
  func shifted(lines delta: Int) -> ConvertedFinding {
    guard delta != 0 else { return self }
    var copy = self
    copy.range = range.shifted(lines: delta)
    copy.related = related.map { ($0.range.shifted(lines: delta), $0.message) }
    copy.fixes = fixes.map { fix in
      var moved = fix
      moved.edits = fix.edits.map { LSPTextEdit(range: $0.range.shifted(lines: delta), newText: $0.newText) }
      return moved
    }
    return copy
  }

  /// The diagnostic sent to the client.
  func lspDiagnostic(uri: DocumentURI, version: Int?, options: ConversionOptions) -> LSPDiagnostic {
    let description = RuleRegistry.rule(named: finding.code)?.description
    let payload = FindingPayload(version: version, annex: annex, fixes: fixes)
    return LSPDiagnostic(
      range: range, severity: finding.severity.lspSeverity, code: finding.code,
      codeDescription: description.map { CodeDescription(href: RuleDocs.url(for: $0)) }, source: "jixiao",
      message: finding.message.text(options.language),
      relatedInformation: options.includeRelated && !related.isEmpty
        ? related.map { DiagnosticRelatedInformation(location: Location(uri: uri, range: $0.range), message: $0.message) }
        : nil,
      data: payload.json)
  }
}

/// Converted findings per form node, so publishing after a keystroke converts only the edited form's findings.
///
/// A node's entry is reused when the node is the same object and its findings (relative to the node) are equal;
/// findings whose ranges leave their node are converted every time, since their lines depend on other nodes.
struct DiagnosticConversionCache {
  private struct Entry {
    let node: FormNode  // Held so its identifier is not reused while cached.
    let relativeFindings: [Finding]
    let converted: [ConvertedFinding]  // Lines relative to the node's first line.
  }

  private var entries: [ObjectIdentifier: Entry] = [:]
  private var options: ConversionOptions?

  /// The findings of `tree` converted, in order.
  mutating func convert(_ findings: [Finding], tree: SyntaxTree, options: ConversionOptions) -> [ConvertedFinding] {
    if self.options != options {
      entries = [:]
      self.options = options
    }
    let mapping = PositionMapping(tree: tree, unit: options.unit)
    var result: [ConvertedFinding] = []
    result.reserveCapacity(findings.count)
    var next: [ObjectIdentifier: Entry] = [:]
    var start = 0
    while start < findings.count {
      // Findings are sorted by position, so each node's findings are one run.
      let nodeIndex = tree.nodeIndex(containing: findings[start].range.lowerBound)
      var end = start + 1
      while end < findings.count && tree.nodeIndex(containing: findings[end].range.lowerBound) == nodeIndex { end += 1 }
      let node = tree.nodes[nodeIndex]
      let base = tree.nodeStarts[nodeIndex]
      let firstLine = tree.nodeFirstLines[nodeIndex]
      let nodeRange = base...(base + node.length)
      let relative = findings[start..<end].map { $0.shifted(by: -base) }
      let key = ObjectIdentifier(node)
      if let entry = entries[key] ?? next[key], entry.relativeFindings == relative {
        result += entry.converted.map { $0.shifted(lines: firstLine) }
        next[key] = entry
      } else {
        let annex = DiagnosticConversionCache.annex(of: node)
        var cacheable = true
        var converted: [ConvertedFinding] = []
        for finding in findings[start..<end] {
          cacheable = cacheable && finding.allRanges.allSatisfy { nodeRange.contains($0.lowerBound) && nodeRange.contains($0.upperBound) }
          converted.append(convert(finding, mapping: mapping, annex: annex, options: options))
        }
        result += converted
        if cacheable {
          next[key] = Entry(node: node, relativeFindings: relative, converted: converted.map { $0.shifted(lines: -firstLine) })
        }
      }
      start = end
    }
    entries = next
    return result
  }

  private func convert(_ finding: Finding, mapping: PositionMapping, annex: String?, options: ConversionOptions) -> ConvertedFinding {
    ConvertedFinding(
      finding: finding, range: mapping.range(finding.range),
      related: options.includeRelated ? finding.related.map { (mapping.range($0.range), $0.message.text(options.language)) } : [],
      fixes: finding.fixes.map { fix in
        FixPayload(
          title: fix.title.text(options.language), isSafe: fix.isSafe, isPreferred: fix.isPreferred,
          edits: fix.edits.map { LSPTextEdit(range: mapping.range($0.range), newText: $0.newText) })
      },
      annex: annex)
  }

  /// The annex number of a form node (`5-1` from `附件5-1`), read from its first annex line.
  static func annex(of node: FormNode) -> String? {
    for index in node.lines.indices where node.lines[index].isFormBoundary {
      let text = TextClean.trimmed(node.text(ofLine: index))
      if text.hasPrefix("附件") { return TextClean.trimmed(String(text.dropFirst(2))) }
    }
    return nil
  }
}

extension Finding {
  /// Every byte range the finding mentions.
  var allRanges: [Range<Int>] { [range] + related.map(\.range) + fixes.flatMap { $0.edits.map(\.range) } }
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
    if let version { members["version"] = .int(version) }
    if let annex { members["annex"] = .string(annex) }
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
