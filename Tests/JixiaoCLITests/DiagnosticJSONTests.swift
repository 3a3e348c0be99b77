import FormLint
import FormSyntax
import FormTestSupport
import Foundation
import Testing

@testable import JixiaoCLI

/// The JSON report's diagnostics are written as constant fragments and values (`DiagnosticJSON`), their positions
/// through a cursor that keeps the last line (`PositionCursor`): both must give what the general writers give.
@Suite struct DiagnosticJSONTests {
  /// Texts with what positions have special cases for: a BOM, CRLF and CR breaks, tabs, a last line with and
  /// without a break, blank lines, malformed and cut UTF-8, four-byte scalars, no text at all.
  static let texts: [[UInt8]] = [
    Seed.bytes,
    [0xEF, 0xBB, 0xBF] + Array("表1\r\n| 项目名称 | 普法\t宣传 |\r\n|---|---|\r\n\r\n年度\u{1F600}目标\r\n".utf8),
    Array("一\r二\r\r三".utf8),
    Array("abc\n".utf8) + [0xE4, 0xB8, 0x0A, 0xE4, 0xB8, 0xAD, 0xFF, 0x80, 0x41, 0xF0, 0x9F, 0x98] + Array("\n\n末".utf8),
    Array("项目名称：普法\n\n\n".utf8),
    [],
  ]

  /// Every offset (and some outside the text), ascending, descending and in a random order, and random pairs
  /// of a start and an end: the cursor's answer is `position(of:in: .scalar)`'s.
  @Test(arguments: texts.indices)
  func cursorGivesEveryPositionTheTreeGives(text: Int) {
    let tree = SyntaxTree(parsing: DiagnosticJSONTests.texts[text])
    var generator = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0x5EED_0000 + UInt64(text))
    let offsets = Array(-2...(tree.byteCount + 2))
    var orders = [offsets, offsets.reversed(), offsets.shuffled(using: &generator)]
    orders.append((0..<2_000).flatMap { _ -> [Int] in
      let start = Int.random(in: -1...(tree.byteCount + 1), using: &generator)
      return [start, start + Int.random(in: 0...12, using: &generator)]
    })
    for order in orders {
      var cursor = PositionCursor(tree)
      for offset in order {
        let expected = tree.position(of: offset, in: .scalar)
        let found = cursor.position(of: offset)
        #expect(found == expected, "offset \(offset) of text \(text), seed \(generator.seed)")
        if found != expected { return }
      }
    }
  }

  /// Random findings (texts with quotes, backslashes, control characters and Chinese; zero to two related places,
  /// zero to two fixes of zero to three edits) on the seed: the bytes are those of `JSON` values written compactly.
  @Test(arguments: [Language.zh, .en])
  func fragmentsAreTheBytesOfJSONValues(language: Language) throws {
    var generator = SeededGenerator(environment: "JIXIAO_SEED", fallback: 0xD1A6)
    let tree = SyntaxTree(parsing: Seed.bytes)
    var diagnostics: [FormLint.Diagnostic] = []
    for _ in 0..<400 {
      func text() -> LocalizedText {
        LocalizedText(zh: DiagnosticJSONTests.text(&generator), en: DiagnosticJSONTests.text(&generator))
      }
      func range() -> Range<Int> {
        let start = Int.random(in: 0...tree.byteCount, using: &generator)
        return start..<min(tree.byteCount, start + Int.random(in: 0...40, using: &generator))
      }
      let related = (0..<Int.random(in: 0...2, using: &generator)).map { _ in RelatedLocation(message: text(), range: range()) }
      let fixes = (0..<Int.random(in: 0...2, using: &generator)).map { _ in
        Fix(title: text(), isSafe: Bool.random(using: &generator), edits: (0..<Int.random(in: 0...3, using: &generator)).map { _ in
          FixEdit(range: range(), newText: DiagnosticJSONTests.text(&generator))
        })
      }
      diagnostics.append(FormLint.Diagnostic(
        code: "JX\(Int.random(in: 100...999, using: &generator))", name: DiagnosticJSONTests.text(&generator),
        severity: Severity.allCases.randomElement(using: &generator)!, message: text(), range: range(), related: related,
        fixes: fixes))
    }
    let file = CheckedFile(source: try SourceFile(path: "seed.txt", bytes: Seed.bytes), tree: tree, diagnostics: diagnostics)
    var written: [UInt8] = []
    var writer = DiagnosticJSON(file, language: language)
    writer.write(diagnostics.indices, into: &written)
    let expected = diagnostics.map { DiagnosticJSONTests.value($0, in: tree, language: language).serialized }
    #expect(String(decoding: written, as: UTF8.self) == expected.joined(separator: ","), "seed \(generator.seed)")
  }

  /// `DiagnosticJSON.writeInt` is `String(value)`.
  @Test func integersAreTheirDescription() {
    for value in [0, 1, 9, 10, 99, 100, 12_345, -1, -907, Int.max, Int.min] {
      var output: [UInt8] = []
      DiagnosticJSON.writeInt(value, into: &output)
      #expect(String(decoding: output, as: UTF8.self) == String(value))
    }
  }

  private static func text(_ generator: inout SeededGenerator) -> String {
    let pieces = ["普法", "\"", "\\", "\n", "\t", "\u{1}", "\u{1F}", "a", "万元", "\u{1F600}", " ", "/", "é"]
    return (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
  }

  /// What the JSON report held for a diagnostic when it was built as `JSON` values.
  private static func value(_ diagnostic: FormLint.Diagnostic, in tree: SyntaxTree, language: Language) -> JSON {
    func range(_ range: Range<Int>) -> JSON {
      let start = tree.position(of: range.lowerBound, in: .scalar)
      let end = tree.position(of: range.upperBound, in: .scalar)
      return .object([
        ("start", .object([("line", .int(start.line + 1)), ("column", .int(start.column + 1))])),
        ("end", .object([("line", .int(end.line + 1)), ("column", .int(end.column + 1))])),
      ])
    }
    return .object([
      ("code", .string(diagnostic.code)), ("name", .string(diagnostic.name)),
      ("severity", .string(diagnostic.severity.rawValue)), ("message", .string(diagnostic.message.text(language))),
      ("range", range(diagnostic.range)),
      ("related", .array(diagnostic.related.map { .object([("message", .string($0.message.text(language))), ("range", range($0.range))]) })),
      ("fixes", .array(diagnostic.fixes.map { fix in
        .object([
          ("title", .string(fix.title.text(language))), ("safe", .bool(fix.isSafe)),
          ("edits", .array(fix.edits.map { .object([("range", range($0.range)), ("newText", .string($0.newText))]) })),
        ])
      })),
    ])
  }
}
