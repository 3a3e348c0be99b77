import Foundation
import FormTestSupport
import Testing

/// ARCHITECTURE.md's layout invariant, checked over the sources: no rule, model or server file knows which layout
/// it is looking at. They read the layout-neutral view (rows, cells, `content(ofCell:)`, the writers) and may pass a
/// configured `LayoutPolicy` through, but never ask a node for its layout, look at line kinds or name a layout.
@Suite("Architecture")
struct ArchitectureTests {
  /// What only FormSyntax (and the commands that pick or convert a layout) may say.
  static let layoutWords = [
    "node.layout", ".layout ==", ".layout !=", "Layout.notation", "Layout.tsv", "Layout.markdown", "case .notation",
    "case .tsv", "case .markdown", "(.notation)", "(.tsv)", "(.markdown)", "LineKind", ".cellStart", ".continuation",
    ".delimiter", "].kind", ".kind == .blank", "MarkdownScanner", "TSVScanner", "RowLayoutReader", "\"\\t\\(",
  ]

  static func sources(_ module: String) -> [(path: String, text: String)] {
    let folder = Fixtures.repositoryRoot().appendingPathComponent("Sources/\(module)")
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    var files: [(String, String)] = []
    while let url = enumerator?.nextObject() as? URL {
      guard url.pathExtension == "swift", let data = FileManager.default.contents(atPath: url.path) else { continue }
      files.append((url.path, String(decoding: data, as: UTF8.self)))
    }
    return files
  }

  @Test("no rule, model or server file knows the layout", arguments: ["FormModel", "FormLint", "FormServer"])
  func layoutBlindModules(module: String) {
    let files = Self.sources(module)
    #expect(files.count > 5, "found the sources of \(module)")
    for file in files {
      // Comments may explain; code may not ask. Rule examples (`*Examples.swift`) are documentation and test data,
      // written in the notation like every example in the rule pages.
      if file.path.hasSuffix("Examples.swift") { continue }
      let code = file.text.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
        .joined(separator: "\n")
      for word in Self.layoutWords where code.contains(word) {
        Issue.record("\(file.path) mentions \(word.debugDescription): only FormSyntax knows the layout")
      }
    }
  }

  @Test func theCheckCanFail() {
    let code = "let kind = node.lines[3].kind == .blank\nif node.layout == .markdown {}"
    #expect(Self.layoutWords.filter { code.contains($0) }.count >= 2)
  }
}
