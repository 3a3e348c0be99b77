import FormLint
import OfficeFormats

/// SARIF 2.1.0: one run, the rules with help text, results with regions and fixes.
struct SarifReporter {
  let language: Language

  func render(_ files: [CheckedFile]) -> String {
    let rules = RuleRegistry.all.map { $0.description }
    let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.code, $0) })
    let results: [JSON] = files.flatMap { file in
      file.diagnostics.map { diagnostic in
        var members: [(String, JSON)] = [
          ("ruleId", .string(diagnostic.code)),
          ("level", .string(level(diagnostic.severity))),
          ("message", .object([("text", .string(diagnostic.message.text(language)))])),
          ("locations", .array([location(file, diagnostic.range)])),
        ]
        if let index = ruleIndex[diagnostic.code] { members.insert(("ruleIndex", .int(index)), at: 1) }
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
    }
    let driverRules: [JSON] = rules.map { rule in
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
        ("results", .array(results)),
      ])])),
    ])
    return log.pretty + "\n"
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
