import Foundation
import FormTestSupport
import Testing

@testable import JixiaoCLI

/// `export` and `check --diff` on the seed as a pasted TSV table and as a Markdown form (Grammar/LAYOUTS.md).
@Suite("Export and --diff in every layout")
struct LayoutExportTests {
  static let layouts: [(name: String, bytes: [UInt8])] = [("seed.tsv", Fixtures.seedTSVBytes), ("seed.md", Fixtures.seedMarkdownBytes)]

  /// The export's JSON without its positions (`line`, `column`, `labelLine`) and file names: what must not depend on
  /// the layout.
  static func withoutPositions(_ value: Any) -> Any {
    if let object = value as? [String: Any] {
      var kept: [String: Any] = [:]
      for (key, inner) in object where !["line", "column", "labelLine", "path", "file"].contains(key) {
        kept[key] = withoutPositions(inner)
      }
      return kept
    }
    if let array = value as? [Any] { return array.map(withoutPositions) }
    return value
  }

  /// Every `{text, line, column}` of the export: the cell's text as it reads, where the file has it.
  static func positionedTexts(_ value: Any, into found: inout [(text: String, line: Int, column: Int)]) {
    if let object = value as? [String: Any] {
      if let text = object["text"] as? String, let line = object["line"] as? Int, let column = object["column"] as? Int {
        found.append((text, line, column))
      }
      for inner in object.values { positionedTexts(inner, into: &found) }
    } else if let array = value as? [Any] {
      for inner in array { positionedTexts(inner, into: &found) }
    }
  }

  static func export(_ path: String) throws -> Any {
    let run = CLIRun(["export", path])
    #expect(run.exitCode == 0, "\(run.stderr)")
    return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
  }

  @Test(arguments: [0, 1])
  func exportReadsTheSameFormsWithTheirOwnLines(_ index: Int) throws {
    let folder = try ScratchFolder()
    let (name, bytes) = Self.layouts[index]
    let notation = try Self.export(try folder.write("seed.txt", Fixtures.seedBytes))
    let path = try folder.write(name, bytes)
    let exported = try Self.export(path)
    // The same forms, header values, budgets and indicators as the notation's export …
    let stripped = try JSONSerialization.data(withJSONObject: Self.withoutPositions(exported), options: [.sortedKeys])
    let expected = try JSONSerialization.data(withJSONObject: Self.withoutPositions(notation), options: [.sortedKeys])
    #expect(String(decoding: stripped, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    let forms = try #require((((exported as? [String: Any])?["files"] as? [[String: Any]])?.first?["forms"]) as? [[String: Any]])
    #expect(forms.count == 5)
    // … each text at its line and (1-based, Unicode scalar) column of this file: the cell's content starts there,
    // and its text (trimmed at the edges, as the export gives it) follows after any blanks and line breaks (`<br>`
    // in Markdown) the cell starts with; in Markdown with `|` escaped.
    let lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
    var found: [(text: String, line: Int, column: Int)] = []
    Self.positionedTexts(exported, into: &found)
    #expect(found.count > 150)
    for (text, line, column) in found {
      let first = text.components(separatedBy: "\n")[0]
      let written = name.hasSuffix(".md") ? first.replacingOccurrences(of: "|", with: "\\|") : first
      var rest = Substring(
        ([String(String.UnicodeScalarView(lines[line - 1].unicodeScalars.dropFirst(column - 1)))] + lines[line...].prefix(3))
          .joined(separator: "\n"))
      while let next = rest.first, next.isWhitespace || rest.hasPrefix("<br>") {
        rest = rest.dropFirst(rest.hasPrefix("<br>") ? 4 : 1)
      }
      #expect(rest.hasPrefix(written), "\(name):\(line):\(column): \(text)")
    }
  }

  @Test(arguments: [0, 1])
  func diffIsWhatFixWrites(_ index: Int) throws {
    let folder = try ScratchFolder()
    let (name, bytes) = Self.layouts[index]
    let path = try folder.write(name, bytes)
    let diff = CLIRun(["check", "--diff", path])
    #expect([UInt8](FileManager.default.contents(atPath: path)!) == bytes, "--diff writes nothing")
    #expect(diff.stdout.hasPrefix("--- \(path)\n+++ \(path)\n@@ "))
    // The budget row's trailing U+3000, removed in the layout's own row.
    if name.hasSuffix(".md") {
      #expect(diff.stdout.contains("\n-| 年度本级预算金额 | 14万　 | 该项目支出上级资金 | （分级填报） |\n+| 年度本级预算金额 | 14万 | 该项目支出上级资金 | （分级填报） |\n"))
    } else {
      #expect(diff.stdout.contains("\n-年度本级预算金额\t14万　\t该项目支出上级资金\t（分级填报）\n+年度本级预算金额\t14万\t该项目支出上级资金\t（分级填报）\n"))
    }
    // The diff, applied by patch(1), gives the bytes --fix writes.
    let patchFile = try folder.write("fix.diff", diff.stdout)
    let copy = try folder.write("patched-" + name, bytes)
    let patch = Process()
    patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    patch.arguments = ["patch", "--silent", "--no-backup-if-mismatch", copy, patchFile]
    try patch.run()
    patch.waitUntilExit()
    #expect(patch.terminationStatus == 0)
    #expect(CLIRun(["check", "--fix", "--exit-zero", path]).exitCode == 0)
    let fixed = [UInt8](FileManager.default.contents(atPath: path)!)
    #expect(fixed != bytes)
    #expect([UInt8](FileManager.default.contents(atPath: copy)!) == fixed)
  }
}
