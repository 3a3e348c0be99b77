import FormLint
import FormSyntax
import OfficeFormats

/// Output formats of `jixiao check`.
enum OutputFormat: String, CaseIterable {
  case text, json, sarif, github
}

/// Renders findings of checked files (the whole report at once: `StreamedReport` assembles it from each file's part).
enum Reporters {
  static func render(_ files: [CheckedFile], format: OutputFormat, language: Language, color: Bool) -> String {
    var output: [UInt8] = []
    let report = StreamedReport(format: format, language: language, color: color) { output += $0 }
    for file in files { report.emit(report.renderer.part(of: file)) }
    report.finish(unchecked: 0)
    return String(decoding: output, as: UTF8.self)
  }

  /// The JSON report's `summary` member.
  static func summaryJSON(_ counts: SeverityCounts, files: Int) -> JSON {
    .object([
      ("files", .int(files)), ("error", .int(counts.error)), ("warning", .int(counts.warning)),
      ("information", .int(counts.information)), ("hint", .int(counts.hint)),
    ])
  }

  /// One file's entry of the JSON report (`{"version":1,"files":[…],"summary":{…}}`), written straight to bytes
  /// (no `JSON` values: rendering was 7 % of a check): lines and columns 1-based, columns in Unicode scalars.
  static func fileJSON(_ file: CheckedFile, language: Language) -> [UInt8] {
    var output = fileJSONHead(file)
    output.reserveCapacity(output.count + file.diagnostics.count * bytesPerDiagnostic + 2)
    writeDiagnostics(file.diagnostics.indices, of: file, language: language, into: &output)
    output.append(contentsOf: fileJSONTail)
    return output
  }

  /// About what a diagnostic's object takes (367 bytes on the generated corpus, in Chinese): the reserve that spares
  /// a file's part from growing by doubling (copies, and page faults on every new buffer).
  static let bytesPerDiagnostic = 384

  /// `fileJSON` written through `write` a chunk of diagnostics at a time, on every core (`ChunkedPart`): the same
  /// bytes, never held whole.
  static func streamFileJSON(
    _ file: CheckedFile, language: Language, diagnosticsPerChunk: Int = ChunkedPart.diagnosticsPerChunk,
    chunksPerWindow: Int = ChunkedPart.chunksPerWindow, write: ([UInt8]) -> Void
  ) {
    ChunkedPart.write(
      count: file.diagnostics.count, head: fileJSONHead(file), tail: fileJSONTail, diagnosticsPerChunk: diagnosticsPerChunk,
      chunksPerWindow: chunksPerWindow, render: { writeDiagnostics($0, of: file, language: language, into: &$1) }, write: write)
  }

  /// `{"path":…,"encoding":…,"diagnostics":[`, as `CompactJSON` writes it.
  private static func fileJSONHead(_ file: CheckedFile) -> [UInt8] {
    var writer = CompactJSON()
    writer.open("{")
    writer.member("path", string: file.path)
    writer.member("encoding", string: file.source.encoding.rawValue)
    writer.key("diagnostics")
    writer.open("[")
    return writer.output
  }

  private static let fileJSONTail: [UInt8] = Array("]}".utf8)

  /// The objects of the diagnostics at `indices` (ascending), each after a comma but the file's first.
  private static func writeDiagnostics(
    _ indices: Range<Int>, of file: CheckedFile, language: Language, into output: inout [UInt8]
  ) {
    var writer = DiagnosticJSON(file, language: language)
    writer.write(indices, into: &output)
  }

  /// For a Word/Excel file: where the finding is as a user finds it (table/sheet, row, column, cell) and the
  /// cell's text. (`range` then counts lines of the converted notation, as `jixiao convert` prints it.)
  static func officeLocationJSON(_ range: Range<Int>, in file: CheckedFile, language: Language) -> JSON? {
    guard let office = file.office, let span = office.span(at: range.lowerBound) else { return nil }
    let place = span.place
    var members: [(String, JSON)] = []
    if let table = place.table { members.append(("table", .int(table))) }
    if let sheet = place.sheet { members.append(("sheet", .string(sheet))) }
    if let row = place.row { members.append(("row", .int(row))) }
    if let column = place.column { members.append(("column", .int(column))) }
    if let reference = place.reference { members.append(("cell", .string(reference))) }
    if let paragraph = place.paragraph { members.append(("paragraph", .int(paragraph))) }
    members.append(("description", .string(place.describe(chinese: language == .zh))))
    members.append(("text", .string(span.quote)))
    return .object(members)
  }

  /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=JX301::message`.
  static func githubReport(_ files: [CheckedFile], language: Language) -> String {
    var output = ""
    for file in files {
      for diagnostic in file.diagnostics {
        let start = file.location(of: diagnostic.range.lowerBound)
        let end = file.location(of: diagnostic.range.upperBound)
        let level: String
        switch diagnostic.severity {
        case .error: level = "error"
        case .warning: level = "warning"
        case .information, .hint: level = "notice"
        }
        if let place = file.office?.span(at: diagnostic.range.lowerBound)?.place {
          // A Word/Excel file has no lines: the place goes into the message.
          let text = place.describe(chinese: language == .zh) + ": " + diagnostic.message.text(language)
          output += "::\(level) file=\(escapeGitHub(file.path, property: true)),"
          output += "title=\(diagnostic.code) \(escapeGitHub(diagnostic.name, property: true))::\(escapeGitHub(text, property: false))\n"
          continue
        }
        let message = escapeGitHub(diagnostic.message.text(language), property: false)
        output += "::\(level) file=\(escapeGitHub(file.path, property: true)),line=\(start.line),col=\(start.column),"
        output += "endLine=\(end.line),endColumn=\(end.column),title=\(diagnostic.code) \(escapeGitHub(diagnostic.name, property: true))"
        output += "::\(message)\n"
      }
    }
    return output
  }

  private static func escapeGitHub(_ text: String, property: Bool) -> String {
    var result = text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    if property { result = result.replacingAll(":", with: "%3A").replacingAll(",", with: "%2C") }
    return result
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
