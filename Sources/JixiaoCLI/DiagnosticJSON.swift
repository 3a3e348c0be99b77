import FormLint
import FormSyntax
import LSP

/// The JSON objects of a file's diagnostics (`fileJSON`'s `diagnostics` array), written straight into bytes: the keys
/// and punctuation as constant fragments, numbers digit by digit, positions through a `PositionCursor`. The bytes are
/// those of the members written one by one, as `CompactJSON` writes them (`DiagnosticJSONTests` compares them with
/// `JSON` values written for the same diagnostics); building them so was ≈ 18,000 instructions a diagnostic.
struct DiagnosticJSON {
  private let diagnostics: [FormLint.Diagnostic]
  private let file: CheckedFile?
  private let language: Language
  private var positions: PositionCursor

  init(_ file: CheckedFile, language: Language) {
    diagnostics = file.diagnostics
    // Only a Word or Excel file has a `location` member (`Reporters.officeLocationJSON`).
    self.file = file.office == nil ? nil : file
    self.language = language
    positions = PositionCursor(file.tree)
  }

  /// The objects of the diagnostics at `indices` (ascending), each after a comma but the file's first.
  mutating func write(_ indices: Range<Int>, into output: inout [UInt8]) {
    for index in indices {
      if index > 0 { output.append(UInt8(ascii: ",")) }
      write(diagnostics[index], into: &output)
    }
  }

  private mutating func write(_ diagnostic: FormLint.Diagnostic, into output: inout [UInt8]) {
    output.append(contentsOf: Fragment.code)
    JSONValue.writeString(diagnostic.code, into: &output)
    output.append(contentsOf: Fragment.name)
    JSONValue.writeString(diagnostic.name, into: &output)
    output.append(contentsOf: Fragment.severity)
    JSONValue.writeString(diagnostic.severity.rawValue, into: &output)
    output.append(contentsOf: Fragment.message)
    JSONValue.writeString(diagnostic.message.text(language), into: &output)
    if let file, let location = Reporters.officeLocationJSON(diagnostic.range, in: file, language: language) {
      output.append(contentsOf: Fragment.location)
      location.write(into: &output, pretty: false)
    }
    output.append(UInt8(ascii: ","))
    writeRange(diagnostic.range, into: &output)
    output.append(contentsOf: Fragment.related)
    for (number, related) in diagnostic.related.enumerated() {
      if number > 0 { output.append(UInt8(ascii: ",")) }
      output.append(contentsOf: Fragment.relatedMessage)
      JSONValue.writeString(related.message.text(language), into: &output)
      output.append(UInt8(ascii: ","))
      writeRange(related.range, into: &output)
      output.append(UInt8(ascii: "}"))
    }
    output.append(contentsOf: Fragment.fixes)
    for (number, fix) in diagnostic.fixes.enumerated() {
      if number > 0 { output.append(UInt8(ascii: ",")) }
      output.append(contentsOf: Fragment.title)
      JSONValue.writeString(fix.title.text(language), into: &output)
      output.append(contentsOf: fix.isSafe ? Fragment.safe : Fragment.unsafe)
      for (number, edit) in fix.edits.enumerated() {
        if number > 0 { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "{"))
        writeRange(edit.range, into: &output)
        output.append(contentsOf: Fragment.newText)
        JSONValue.writeString(edit.newText, into: &output)
        output.append(UInt8(ascii: "}"))
      }
      output.append(contentsOf: Fragment.closeFix)
    }
    output.append(contentsOf: Fragment.closeDiagnostic)
  }

  /// `"range":{"start":{"line":…,"column":…},"end":{…}}`, lines and columns 1-based.
  private mutating func writeRange(_ range: Range<Int>, into output: inout [UInt8]) {
    let start = positions.position(of: range.lowerBound)
    let end = positions.position(of: range.upperBound)
    output.append(contentsOf: Fragment.rangeStartLine)
    DiagnosticJSON.writeInt(start.line + 1, into: &output)
    output.append(contentsOf: Fragment.column)
    DiagnosticJSON.writeInt(start.column + 1, into: &output)
    output.append(contentsOf: Fragment.endLine)
    DiagnosticJSON.writeInt(end.line + 1, into: &output)
    output.append(contentsOf: Fragment.column)
    DiagnosticJSON.writeInt(end.column + 1, into: &output)
    output.append(contentsOf: Fragment.closeRange)
  }

  /// `String(value)`'s digits, without the `String`.
  static func writeInt(_ value: Int, into output: inout [UInt8]) {
    guard value >= 0 else {
      output.append(contentsOf: String(value).utf8)
      return
    }
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    withUnsafeMutableBytes(of: &digits) { buffer in
      var rest = value
      var first = buffer.count
      repeat {
        first -= 1
        buffer[first] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest > 0
      output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[first...]))
    }
  }

  /// The constant bytes between the values.
  private enum Fragment {
    static let code = bytes(#"{"code":"#)
    static let name = bytes(#","name":"#)
    static let severity = bytes(#","severity":"#)
    static let message = bytes(#","message":"#)
    static let location = bytes(#","location":"#)
    static let related = bytes(#","related":["#)
    static let relatedMessage = bytes(#"{"message":"#)
    static let fixes = bytes(#"],"fixes":["#)
    static let title = bytes(#"{"title":"#)
    static let safe = bytes(#","safe":true,"edits":["#)
    static let unsafe = bytes(#","safe":false,"edits":["#)
    static let newText = bytes(#","newText":"#)
    static let closeFix = bytes("]}")
    static let closeDiagnostic = bytes("]}")
    static let rangeStartLine = bytes(#""range":{"start":{"line":"#)
    static let column = bytes(#","column":"#)
    static let endLine = bytes(#"},"end":{"line":"#)
    static let closeRange = bytes("}}")

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
  }
}
