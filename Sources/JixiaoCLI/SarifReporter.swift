import FormLint
import LSP
import OfficeFormats

/// SARIF 2.1.0: one run, the rules with help text, results with regions and fixes.
struct SarifReporter {
  let language: Language

  /// The results of one file.
  func results(_ file: CheckedFile) -> [JSON] {
    file.diagnostics.map { result($0, in: file) }
  }

  /// The results of the file's diagnostics at `indices`, as they stand in the log's `results` array (each after a
  /// comma but the file's first, on its own indented line).
  func writeResults(_ indices: Range<Int>, of file: CheckedFile, into bytes: inout [UInt8]) {
    for index in indices {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      JSON.newline(into: &bytes, pretty: true, level: SarifReporter.resultLevel)
      result(file.diagnostics[index], in: file).write(into: &bytes, pretty: true, level: SarifReporter.resultLevel)
    }
  }

  /// One diagnostic's result.
  func result(_ diagnostic: FormLint.Diagnostic, in file: CheckedFile) -> JSON {
    var members: [(String, JSON)] = [
      ("ruleId", .string(diagnostic.code)),
      ("level", .string(level(diagnostic.severity))),
      ("message", .object([("text", .string(diagnostic.message.text(language)))])),
      ("locations", .array([location(file, diagnostic.range)])),
    ]
    if let index = SarifReporter.ruleIndex[diagnostic.code] { members.insert(("ruleIndex", .int(index)), at: 1) }
    if !diagnostic.related.isEmpty {
      members.append(("relatedLocations", .array(diagnostic.related.enumerated().map { index, related in
        var object = location(file, related.range, message: related.message.text(language))
        if case .object(var fields) = object {
          fields.insert(("id", .int(index)), at: 0)
          object = .object(fields)
        }
        return object
      })))
    }
    if !diagnostic.fixes.isEmpty {
      members.append(("fixes", .array(diagnostic.fixes.map { fix in
        .object([
          ("description", .object([("text", .string(fix.title.text(language)))])),
          ("artifactChanges", .array([.object([
            ("artifactLocation", .object([("uri", .string(file.path))])),
            ("replacements", .array(fix.edits.map { edit in
              .object([
                ("deletedRegion", region(file, edit.range)),
                ("insertedContent", .object([("text", .string(edit.newText))])),
              ])
            })),
          ])])),
        ])
      })))
    }
    return .object(members)
  }

  /// How deep the results stand in the log (`runs[0].results[i]`): the indentation level of each result.
  static let resultLevel = 4

  private static let rules = RuleRegistry.all.map { $0.description }
  private static let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })

  /// The log around its results, as indented bytes: everything before the value of `results` and everything after
  /// it. The results are written between them (`StreamedReport`), file by file.
  func envelope() -> (head: [UInt8], tail: [UInt8]) {
    let driverRules: [JSON] = SarifReporter.rules.map { rule in
      .object([
        ("id", .string(rule.code)),
        ("name", .string(rule.name)),
        ("shortDescription", .object([("text", .string(rule.summary.text(language)))])),
        ("fullDescription", .object([("text", .string(rule.rationale.text(language)))])),
        ("helpUri", .string(RuleDocs.url(for: rule))),
        ("help", .object([("text", .string(rule.rationale.text(language))), ("markdown", .string(RuleDocs.page(for: rule)))])),
        ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
      ])
    }
    // A placeholder no text of the log holds stands where the results go; the bytes are cut around it.
    let placeholder = "\u{1}results\u{1}"
    let log: JSON = .object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      ("runs", .array([.object([
        ("tool", .object([("driver", .object([
          ("name", .string("jixiao")),
          ("version", .string(JixiaoVersion.current)),
          ("informationUri", .string(RuleDocs.repositoryURL)),
          ("rules", .array(driverRules)),
        ]))])),
        ("columnKind", .string("unicodeCodePoints")),
        ("results", .string(placeholder)),
      ])])),
    ])
    var bytes: [UInt8] = []
    log.write(into: &bytes, pretty: true)
    var marker: [UInt8] = []
    JSONValue.writeString(placeholder, into: &marker)
    let start = bytes.indices.first { bytes[$0...].starts(with: marker) }!
    return (Array(bytes[..<start]), Array(bytes[(start + marker.count)...]) + [0x0A])
  }

  private func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .information, .hint: return "note"
    }
  }

  private func region(_ file: CheckedFile, _ range: Range<Int>) -> JSON {
    let start = file.location(of: range.lowerBound)
    let end = file.location(of: range.upperBound)
    return .object([
      ("startLine", .int(start.line)), ("startColumn", .int(start.column)),
      ("endLine", .int(end.line)), ("endColumn", .int(end.column)),
    ])
  }

  private func location(_ file: CheckedFile, _ range: Range<Int>, message: String? = nil) -> JSON {
    if let office = file.office, let span = office.span(at: range.lowerBound) {
      return officeLocation(file, range, span: span, message: message)
    }
    var members: [(String, JSON)] = [
      ("physicalLocation", .object([
        ("artifactLocation", .object([("uri", .string(file.path))])),
        ("region", region(file, range)),
      ]))
    ]
    if let message { members.append(("message", .object([("text", .string(message))]))) }
    return .object(members)
  }

  /// A Word/Excel file: the region counts lines of the converted notation (`jixiao convert`) and carries the
  /// cell's text as its snippet; the logical location names the table (or sheet), row and column.
  private func officeLocation(_ file: CheckedFile, _ range: Range<Int>, span: RenderedSpan, message: String?) -> JSON {
    var region = region(file, range)
    if case .object(var fields) = region {
      fields.append(("snippet", .object([("text", .string(span.quote))])))
      region = .object(fields)
    }
    var members: [(String, JSON)] = [
      ("physicalLocation", .object([
        ("artifactLocation", .object([("uri", .string(file.path))])),
        ("region", region),
      ])),
      ("logicalLocations", .array([.object([
        ("name", .string(span.place.describe(chinese: language == .zh))),
        ("fullyQualifiedName", .string(span.place.fullyQualifiedName)),
        ("kind", .string(span.place.paragraph != nil ? "paragraph" : "cell")),
      ])])),
    ]
    if let message { members.append(("message", .object([("text", .string(message))]))) }
    return .object(members)
  }
}
