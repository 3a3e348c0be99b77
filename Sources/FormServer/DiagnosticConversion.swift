import FormLint
import FormModel
import FormSyntax
import LSP
import Sequences

/// What a conversion depends on besides the findings and the text.
struct ConversionOptions: Equatable {
  var unit: ColumnUnit
  var language: Language
  var includeRelated: Bool
  /// Where rule pages are; without any, diagnostics carry no `codeDescription`.
  var documentation: RuleDocumentation?
}

/// A related location converted to LSP positions.
struct ConvertedRelated: Equatable {
  var range: LSPRange
  var message: String
}

/// A finding converted to LSP positions; its lines are relative to its form's first line while cached.
///
/// Fixes are not converted here: a diagnostic carries only a small key in its `data`, and code actions convert the
/// fixes of the few findings they are asked about (`codeAction/resolve` when the client supports it).
struct ConvertedFinding: Equatable {
  var code: String
  var severity: Severity
  var message: String
  var range: LSPRange
  var related: [ConvertedRelated]

  /// The same finding with every line moved by `delta` (columns do not depend on other lines).
  func shifted(lines delta: Int) -> ConvertedFinding {
    guard delta != 0 else { return self }
    var copy = self
    copy.range = range.shifted(lines: delta)
    copy.related = related.map { ConvertedRelated(range: $0.range.shifted(lines: delta), message: $0.message) }
    return copy
  }
}

/// A finding found by its diagnostic's key or position, with what code actions need to act on it.
struct LocatedFinding {
  /// The key carried in the diagnostic's `data`.
  let key: String
  /// The finding with absolute byte ranges (fixes included).
  let finding: Finding
  /// Its conversion, absolute lines.
  let converted: ConvertedFinding
  /// The form node it belongs to.
  let node: FormNode
  /// The diagnostic exactly as it was sent.
  let diagnostic: SerializedJSON
}

/// Converted and serialized findings per form node, so a keystroke converts and serializes only the edited form's
/// findings, and both `publishDiagnostics` and pull reports are assembled from each node's cached bytes.
///
/// A node's entry is reused when the node is the same object and its findings (relative to the node) convert alike;
/// its bytes are reused as well while the node starts on the same line. Findings whose ranges leave their node are
/// converted every time, since their lines depend on other nodes.
struct DiagnosticConversionCache {
  private final class Entry {
    /// Names the entry in diagnostic keys (`"<serial>.<index>"`); a new serial whenever the conversion changes.
    let serial: Int
    let node: FormNode  // Held so its identifier is not reused while cached.
    /// The linter's findings for the node, relative to it. The linter hands back the very same array while
    /// nothing about the node changed, so comparing costs a pointer comparison in the common case.
    let nodeFindings: [Finding]
    /// Indices (in `nodeFindings`) of the findings whose ranges all lie in the node, and their conversion (lines
    /// relative to the node).
    let inside: [Int]
    let converted: [ConvertedFinding]
    /// Indices of the findings pointing outside the node (a related location in another form): their lines depend
    /// on other nodes, so they are converted on every update.
    let loose: [Int]
    /// The converted findings serialized, separated by commas (no brackets); only bytes are kept, to keep memory
    /// near the size of what is sent.
    var bytes: [UInt8] = []
    var bytesFirstLine: Int?

    init(serial: Int, node: FormNode, nodeFindings: [Finding], inside: [Int], converted: [ConvertedFinding], loose: [Int]) {
      self.serial = serial
      self.node = node
      self.nodeFindings = nodeFindings
      self.inside = inside
      self.converted = converted
      self.loose = loose
    }

    /// An entry for a node whose diagnostics are this entry's: same conversion, bytes and keys.
    func reused(node: FormNode, nodeFindings: [Finding], inside: [Int], loose: [Int]) -> Entry {
      let entry = Entry(serial: serial, node: node, nodeFindings: nodeFindings, inside: inside, converted: converted, loose: loose)
      entry.bytes = bytes
      entry.bytesFirstLine = bytesFirstLine
      return entry
    }

    /// What the entry holds, for the memory report (`jixiao/memoryUsage`).
    var footprint: ConversionFootprint {
      var footprint = ConversionFootprint()
      footprint.serializedBytes = bytes.count
      footprint.serializedCapacity = bytes.capacity
      footprint.convertedFindings = converted.count
      footprint.convertedBytes = converted.capacity * MemoryLayout<ConvertedFinding>.stride
        + converted.reduce(0) { $0 + MemoryFootprint.heapBytes($1.message) + MemoryFootprint.heapBytes($1.code) }
      return footprint
    }
  }

  /// One node's converted findings and where the node starts.
  private struct Run: Equatable {
    let entry: Entry
    let nodeIndex: Int
    let base: Int
    let firstLine: Int
    let loose: [ConvertedFinding]

    static func == (left: Run, right: Run) -> Bool {
      left.entry.serial == right.entry.serial && left.firstLine == right.firstLine && left.loose == right.loose
    }
  }

  private var entries: [ObjectIdentifier: Entry] = [:]
  private var runs: [Run] = []
  /// Run index by entry serial, for finding a diagnostic by its key.
  private var runBySerial: [Int: Int] = [:]
  private var nextSerial = 0
  private(set) var options: ConversionOptions?
  /// `"codeDescription":{…},` per rule code, serialized once per options.
  private var codeDescriptions: [String: [UInt8]] = [:]
  /// How many nodes' findings the last `update` converted (the rest were reused); tests check it stays small.
  private(set) var lastConvertedNodeCount = 0
  /// Whether the last `update` changed what is sent (any node's diagnostics, or where they are).
  private(set) var lastUpdateChangedContent = true

  /// Converts the findings of `tree` (per node, relative to it, as `Linter.lintPerNode` gives them), reusing
  /// every node whose findings inside it are unchanged since the last call.
  mutating func update(perNode: [[Finding]], tree: SyntaxTree, options: ConversionOptions) {
    if self.options != options {
      entries = [:]
      runs = []
      self.options = options
      codeDescriptions = DiagnosticConversionCache.codeDescriptionPieces(options.documentation)
    }
    let mapping = PositionMapping(tree: tree, unit: options.unit)
    var next: [ObjectIdentifier: Entry] = [:]
    var newRuns: [Run] = []
    newRuns.reserveCapacity(runs.count)
    lastConvertedNodeCount = 0
    for (nodeIndex, nodeFindings) in perNode.enumerated() where !nodeFindings.isEmpty {
      let node = tree.nodes[nodeIndex]
      let key = ObjectIdentifier(node)
      let firstLine = tree.nodeFirstLines[nodeIndex]
      let base = tree.nodeStarts[nodeIndex]
      var entry: Entry
      if let cached = entries[key], cached.nodeFindings == nodeFindings {
        entry = cached
      } else {
        let nodeRange = 0...node.length
        var inside: [Int] = []
        var loose: [Int] = []
        for (index, finding) in nodeFindings.enumerated() {
          let contained = finding.convertedRanges.allSatisfy { nodeRange.contains($0.lowerBound) && nodeRange.contains($0.upperBound) }
          if contained { inside.append(index) } else { loose.append(index) }
        }
        // The same node where only what conversion ignores changed (fixes, findings pointing elsewhere) keeps its
        // entry without converting. Otherwise the node is converted (one node is cheap), but serializing it again,
        // and telling a pull client its diagnostics changed, is avoided when the conversion comes out the same (the
        // node was reparsed but its findings stayed in place): the earlier entry's bytes and keys then stay.
        if let cached = entries[key], cached.inside.count == inside.count,
          zip(cached.inside, inside).allSatisfy({ cached.nodeFindings[$0].convertsAlike(nodeFindings[$1]) })
        {
          entry = cached.reused(node: node, nodeFindings: nodeFindings, inside: inside, loose: loose)
        } else {
          lastConvertedNodeCount += 1
          let converted = inside.map {
            convert(nodeFindings[$0].shifted(by: base), mapping: mapping, options: options).shifted(lines: -firstLine)
          }
          if let previous = entries[key] ?? previousRun(at: nodeIndex)?.entry, previous.converted == converted {
            entry = previous.reused(node: node, nodeFindings: nodeFindings, inside: inside, loose: loose)
          } else {
            nextSerial += 1
            entry = Entry(serial: nextSerial, node: node, nodeFindings: nodeFindings, inside: inside, converted: converted, loose: loose)
          }
        }
      }
      next[key] = entry
      let loose = entry.loose.map { convert(entry.nodeFindings[$0].shifted(by: base), mapping: mapping, options: options) }
      newRuns.append(Run(entry: entry, nodeIndex: nodeIndex, base: base, firstLine: firstLine, loose: loose))
    }
    lastUpdateChangedContent = newRuns != runs
    entries = next
    runs = newRuns
    runBySerial = Dictionary(uniqueKeysWithValues: runs.enumerated().map { ($1.entry.serial, $0) })
  }

  /// The last update's run of the node at `index`, if it had findings.
  private func previousRun(at index: Int) -> Run? {
    let low = runs.partitionPoint { $0.nodeIndex >= index }
    return low < runs.count && runs[low].nodeIndex == index ? runs[low] : nil
  }

  /// How many diagnostics the last update produced.
  var count: Int { runs.reduce(0) { $0 + $1.entry.converted.count + $1.loose.count } }

  /// The diagnostics as a JSON array, assembled from each node's cached bytes: publishing or answering a pull costs
  /// a copy per unchanged node instead of encoding every diagnostic again.
  func serialized(uri: DocumentURI) -> SerializedJSON {
    guard let options else { return SerializedJSON(serialized: Array("[]".utf8)) }
    let writer = DiagnosticWriter(uri: uri, options: options, codeDescriptions: codeDescriptions)
    for run in runs {
      let entry = run.entry
      if entry.bytesFirstLine != run.firstLine {
        var bytes: [UInt8] = []
        for (index, converted) in entry.converted.enumerated() {
          if index > 0 { bytes.append(UInt8(ascii: ",")) }
          writer.write(converted, lineDelta: run.firstLine, key: (entry.serial, index), into: &bytes)
        }
        // Kept for as long as the form is unchanged: in a buffer of its size, not the doubling one it grew in
        // (which held 1.6 times the bytes, measured by `jixiao/memoryUsage`).
        entry.bytes = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
          initialized = buffer.initialize(fromContentsOf: bytes)
        }
        entry.bytesFirstLine = run.firstLine
      }
    }
    var pieces: [[UInt8]] = []
    pieces.reserveCapacity(runs.count)
    for run in runs {
      pieces.append(run.entry.bytes)
      for (offset, converted) in run.loose.enumerated() {
        var bytes: [UInt8] = []
        writer.write(converted, lineDelta: 0, key: (run.entry.serial, run.entry.converted.count + offset), into: &bytes)
        pieces.append(bytes)
      }
    }
    return SerializedJSON.array(runs: pieces)
  }

  /// The finding a diagnostic key names, if it is still current.
  func locate(key: String, uri: DocumentURI) -> LocatedFinding? {
    let parts = key.split(separator: ".")
    guard parts.count == 2, let serial = Int(parts[0]), let index = Int(parts[1]), let runIndex = runBySerial[serial] else {
      return nil
    }
    return located(runs[runIndex], index: index, uri: uri)
  }

  /// The current findings whose ranges overlap `range` (line/character positions).
  func locate(overlapping range: LSPRange, uri: DocumentURI) -> [LocatedFinding] {
    // Runs are in line order; the first that may overlap is the last starting at or before the range's start.
    let low = runs.partitionPoint { $0.firstLine > range.start.line }
    var result: [LocatedFinding] = []
    for run in runs[max(0, low - 1)...] {
      if run.firstLine > range.end.line { break }
      for index in 0..<(run.entry.converted.count + run.loose.count) {
        guard let found = located(run, index: index, uri: uri) else { continue }
        if found.converted.range.start <= range.end && range.start <= found.converted.range.end { result.append(found) }
      }
    }
    return result
  }

  private func located(_ run: Run, index: Int, uri: DocumentURI) -> LocatedFinding? {
    guard let options else { return nil }
    let entry = run.entry
    let converted: ConvertedFinding
    let findingIndex: Int
    if index < entry.converted.count {
      converted = entry.converted[index].shifted(lines: run.firstLine)
      findingIndex = entry.inside[index]
    } else if index - entry.converted.count < run.loose.count {
      converted = run.loose[index - entry.converted.count]
      findingIndex = entry.loose[index - entry.converted.count]
    } else {
      return nil
    }
    var bytes: [UInt8] = []
    DiagnosticWriter(uri: uri, options: options, codeDescriptions: codeDescriptions)
      .write(converted, lineDelta: 0, key: (entry.serial, index), into: &bytes)
    return LocatedFinding(
      key: "\(entry.serial).\(index)", finding: entry.nodeFindings[findingIndex].shifted(by: run.base),
      converted: converted, node: entry.node, diagnostic: SerializedJSON(serialized: bytes))
  }

  /// What the cache's entries hold (serialized diagnostics and converted findings), for the memory report.
  var footprint: ConversionFootprint {
    entries.values.reduce(into: ConversionFootprint()) { total, entry in total.add(entry.footprint) }
  }

  private func convert(_ finding: Finding, mapping: PositionMapping, options: ConversionOptions) -> ConvertedFinding {
    ConvertedFinding(
      code: finding.code, severity: finding.severity, message: finding.message.text(options.language),
      range: mapping.range(finding.range),
      related: options.includeRelated
        ? finding.related.map { ConvertedRelated(range: mapping.range($0.range), message: $0.message.text(options.language)) } : [])
  }

  /// A finding's fixes in LSP positions.
  static func convertFixes(_ finding: Finding, mapping: PositionMapping) -> [[LSPTextEdit]] {
    finding.fixes.map { fix in fix.edits.map { LSPTextEdit(range: mapping.range($0.range), newText: $0.newText) } }
  }

  /// The annex number of a form node (`5-1` from `附件5-1`), read from its first annex line.
  static func annex(of node: FormNode) -> String? {
    for index in node.lines.indices where node.lines[index].isFormBoundary {
      let text = TextClean.trimmed(node.text(ofLine: index))
      if text.hasPrefix("附件") { return TextClean.trimmed(String(text.dropFirst(2))) }
    }
    return nil
  }

  /// `"codeDescription":{"href":…},` for every rule whose page exists.
  private static func codeDescriptionPieces(_ documentation: RuleDocumentation?) -> [String: [UInt8]] {
    guard let documentation else { return [:] }
    var pieces: [String: [UInt8]] = [:]
    for rule in RuleRegistry.all {
      guard let href = documentation.href(for: rule.description) else { continue }
      var bytes = Array(#""codeDescription":{"href":"#.utf8)
      JSONValue.writeString(href, into: &bytes)
      bytes.append(contentsOf: "},".utf8)
      pieces[rule.description.code] = bytes
    }
    return pieces
  }
}

/// Writes diagnostics as JSON bytes directly, members in a fixed order: building `JSONValue` dictionaries (and sorting
/// their keys) per diagnostic would cost more than everything else a keystroke does.
private struct DiagnosticWriter {
  let uri: [UInt8]
  let options: ConversionOptions
  let codeDescriptions: [String: [UInt8]]

  init(uri: DocumentURI, options: ConversionOptions, codeDescriptions: [String: [UInt8]]) {
    var serializedURI: [UInt8] = []
    JSONValue.writeString(uri, into: &serializedURI)
    self.uri = serializedURI
    self.options = options
    self.codeDescriptions = codeDescriptions
  }

  /// One diagnostic: range, severity, code, codeDescription (when the rule's page exists), source, message,
  /// relatedInformation (when the client wants it) and `data`, the key code actions find the finding by.
  func write(_ converted: ConvertedFinding, lineDelta: Int, key: (serial: Int, index: Int), into bytes: inout [UInt8]) {
    bytes.append(contentsOf: #"{"range":"#.utf8)
    write(converted.range, lineDelta: lineDelta, into: &bytes)
    bytes.append(contentsOf: #","severity":"#.utf8)
    writeInteger(converted.severity.lspSeverity.rawValue, into: &bytes)
    bytes.append(contentsOf: #","code":"#.utf8)
    JSONValue.writeString(converted.code, into: &bytes)
    bytes.append(UInt8(ascii: ","))
    if let description = codeDescriptions[converted.code] { bytes.append(contentsOf: description) }
    bytes.append(contentsOf: #""source":"jixiao","message":"#.utf8)
    JSONValue.writeString(converted.message, into: &bytes)
    if !converted.related.isEmpty {
      bytes.append(contentsOf: #","relatedInformation":["#.utf8)
      for (offset, related) in converted.related.enumerated() {
        if offset > 0 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: #"{"location":{"uri":"#.utf8)
        bytes.append(contentsOf: uri)
        bytes.append(contentsOf: #","range":"#.utf8)
        write(related.range, lineDelta: lineDelta, into: &bytes)
        bytes.append(contentsOf: #"},"message":"#.utf8)
        JSONValue.writeString(related.message, into: &bytes)
        bytes.append(UInt8(ascii: "}"))
      }
      bytes.append(UInt8(ascii: "]"))
    }
    bytes.append(contentsOf: #","data":""#.utf8)
    writeInteger(key.serial, into: &bytes)
    bytes.append(UInt8(ascii: "."))
    writeInteger(key.index, into: &bytes)
    bytes.append(contentsOf: #""}"#.utf8)
  }

  private func write(_ range: LSPRange, lineDelta: Int, into bytes: inout [UInt8]) {
    bytes.append(contentsOf: #"{"start":{"line":"#.utf8)
    writeInteger(range.start.line + lineDelta, into: &bytes)
    bytes.append(contentsOf: #","character":"#.utf8)
    writeInteger(range.start.character, into: &bytes)
    bytes.append(contentsOf: #"},"end":{"line":"#.utf8)
    writeInteger(range.end.line + lineDelta, into: &bytes)
    bytes.append(contentsOf: #","character":"#.utf8)
    writeInteger(range.end.character, into: &bytes)
    bytes.append(contentsOf: "}}".utf8)
  }

  /// A non-negative decimal integer, written in place (negative values, which positions never are, print as 0).
  private func writeInteger(_ value: Int, into bytes: inout [UInt8]) {
    var digits = 1
    var scan = value
    while scan >= 10 {
      scan /= 10
      digits += 1
    }
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var rest = max(value, 0)
    for index in stride(from: start + digits - 1, through: start, by: -1) {
      bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
      rest /= 10
    }
  }
}

extension Finding {
  /// Whether two findings (relative to the same node) give the same diagnostic: everything but their fixes, which
  /// are converted on request.
  func convertsAlike(_ other: Finding) -> Bool {
    code == other.code && severity == other.severity && range == other.range && message == other.message
      && related == other.related
  }

  /// Every byte range that conversion turns into positions.
  var convertedRanges: [Range<Int>] { [range] + related.map(\.range) }
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
