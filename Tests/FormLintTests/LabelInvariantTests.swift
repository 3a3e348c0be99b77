import Foundation
import FormModel
import FormTestSupport
import Testing

/// ARCHITECTURE.md: labels and categories come from data (`Profile`, `CategoryRole`, `TemplateCatalog`), never
/// from literals in rules. The examples in a rule's description are documentation and may name labels; the
/// code after its `func check(` may not.
@Suite struct LabelInvariantTests {
  /// Every label the data knows: profile categories (with and without 指标) and every template's header labels.
  static let labels: Set<String> = {
    var result = Set<String>()
    for profile in Profile.all {
      for name in profile.level1Names + profile.level2Names { result.formUnion([name, name + "指标"]) }
    }
    for template in TemplateCatalog.all {
      for entry in template.fields { result.formUnion(entry.labels) }
      result.formUnion(template.blockLabels)
    }
    return result
  }()

  static func ruleFiles() throws -> [URL] {
    let folder = Fixtures.repositoryRoot().appendingPathComponent("Sources/FormLint/Rules")
    let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
    return enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
  }

  /// String literals in `text` (simple, non-interpolated segments are enough to find a label).
  static func literals(in text: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #""((?:[^"\\\n]|\\.)*)""#)
    let range = NSRange(text.startIndex..., in: text)
    return pattern.matches(in: text, range: range).compactMap { Range($0.range(at: 1), in: text).map { String(text[$0]) } }
  }

  @Test func rulesNameNoLabel() throws {
    let files = try Self.ruleFiles()
    #expect(files.count >= 30)
    var offenders: [String] = []
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      guard let check = text.range(of: "func check(") else { continue }
      for literal in Self.literals(in: String(text[check.lowerBound...])) where Self.labels.contains(literal) {
        offenders.append("\(file.lastPathComponent): \"\(literal)\"")
      }
    }
    #expect(offenders == [])
  }

  @Test func theCheckCanFail() {
    // The scan finds a label literal where one is written.
    #expect(Self.literals(in: #"if x == "数量" { }"#).contains { Self.labels.contains($0) })
  }
}
