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

  /// The front ends themselves: the notation's line scanner and segmenter, the TSV and Markdown scanners and the
  /// row reader. They declare nothing `public`, `package` or `open`, so the compiler keeps every other module out of
  /// them; and no source file opens FormSyntax's internals with `@testable import`.
  static let frontEndFiles = [
    "FormSyntax/LineScanner.swift", "FormSyntax/FormSegmenter.swift", "FormSyntax/Layouts/MarkdownScanner.swift",
    "FormSyntax/Layouts/TSVScanner.swift", "FormSyntax/Layouts/RowLayoutReader.swift",
  ]

  /// Code lines of a source text (whole-line comments dropped).
  static func codeLines(_ text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false).filter {
      !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("///")
    }
  }

  @Test("the layout front ends are internal to FormSyntax")
  func frontEndsAreInternal() throws {
    let root = Fixtures.repositoryRoot().appendingPathComponent("Sources")
    for file in Self.frontEndFiles {
      let data = try #require(FileManager.default.contents(atPath: root.appendingPathComponent(file).path), "\(file) exists")
      for line in Self.codeLines(String(decoding: data, as: UTF8.self)) {
        let words = line.split(whereSeparator: { !$0.isLetter }).map(String.init)
        for access in ["public", "package", "open"] where words.contains(access) && !line.contains("\"") {
          Issue.record("\(file): `\(line.trimmingCharacters(in: .whitespaces))` is \(access): a front end is FormSyntax's own")
        }
      }
    }
    for module in Self.targetDependencies().keys.sorted() {
      for file in Self.sources(module) where file.text.contains("@testable import") {
        Issue.record("\(file.path) uses @testable import: sources see other modules' public API only")
      }
    }
  }

  /// Each target of Package.swift and the targets it depends on, read from the manifest's text.
  static func targetDependencies() -> [String: Set<String>] {
    let manifest = Fixtures.repositoryRoot().appendingPathComponent("Package.swift")
    let text = String(decoding: FileManager.default.contents(atPath: manifest.path) ?? Data(), as: UTF8.self)
    var targets: [String: Set<String>] = [:]
    let pattern = try! NSRegularExpression(
      pattern: #"\.(?:target|executableTarget|systemLibrary)\(\s*name:\s*"([^"]+)"(?:[^\[\)]*dependencies:\s*\[([^\]]*)\])?"#)
    for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      let name = String(text[Range(match.range(at: 1), in: text)!])
      let list = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? ""
      targets[name] = Set(list.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \n\"")) }.filter { !$0.isEmpty })
    }
    return targets
  }

  /// Where each source module sits: the layers of Package.swift's comment and ARCHITECTURE.md. A module may import
  /// only what its target declares (SwiftPM lets a module import a transitively built one; this does not), and the
  /// layout-blind modules stay below the CLI, the Office readers and the test support.
  @Test("imports follow Package.swift's layers")
  func importsFollowTheLayers() throws {
    let targets = Self.targetDependencies()
    #expect(targets["FormModel"] == ["FormSyntax"])
    #expect(targets["FormLint"] == ["FormSyntax", "FormModel", "Sequences"])
    #expect(targets["FormServer"] == ["FormSyntax", "FormModel", "FormLint", "LSP", "Sequences"])
    // The binary search is the only code the Office readers share with the tree: OfficeFormats knows no forms.
    #expect(targets["OfficeFormats"] == ["CZlib", "Sequences"])
    let system: Set<String> = ["Foundation", "FoundationXML", "Dispatch", "Glibc", "Musl", "Darwin", "Testing", "XCTest"]
    for (module, dependencies) in targets where !Self.sources(module).isEmpty {
      for file in Self.sources(module) {
        for line in Self.codeLines(file.text) {
          let words = line.split(separator: " ").map(String.init)
          guard let index = words.firstIndex(of: "import"), index + 1 < words.count,
            words[..<index].allSatisfy({ $0.hasPrefix("@") })
          else { continue }
          let imported = words[index + 1]
          if !system.contains(imported) && !dependencies.contains(imported) {
            Issue.record("\(file.path) imports \(imported), which the target \(module) does not depend on in Package.swift")
          }
        }
      }
    }
  }

  @Test func theCheckCanFail() {
    let code = "let kind = node.lines[3].kind == .blank\nif node.layout == .markdown {}"
    #expect(Self.layoutWords.filter { code.contains($0) }.count >= 2)
    // The manifest reader sees every target and its dependencies (a reader that found none would pass anything).
    let targets = Self.targetDependencies()
    #expect(targets.count >= 11)
    #expect(targets["JixiaoCLI"]?.contains("OfficeFormats") == true)
    #expect(targets["FormSyntax"] == ["Sequences"])
    #expect(targets["Sequences"] == [])
  }
}
