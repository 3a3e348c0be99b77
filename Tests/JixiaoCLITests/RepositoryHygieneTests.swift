import Foundation
import Testing

/// What CONTRIBUTING.md promises about the code's shape, checked (#16 item 17).
@Suite struct RepositoryHygieneTests {
  static let root = Seed.repositoryRoot

  /// Swift files under `folder` (relative to the repository), recursively.
  static func swiftFiles(under folder: String) -> [URL] {
    let base = root.appendingPathComponent(folder)
    let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.path.contains("/__Snapshots__/") || url.path.contains("/Fixtures/") { continue }
      if url.pathExtension == "swift" { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  static func relative(_ url: URL) -> String { String(url.path.dropFirst(root.path.count + 1)) }

  /// CONTRIBUTING: 120 columns is what `swift format` (.swift-format) wraps to; no line is longer than 150
  /// characters unless it holds a string literal (a message, rule documentation or an example reads better unbroken).
  @Test func noLongLineOutsideStringLiterals() throws {
    var long: [String] = []
    for url in Self.swiftFiles(under: "Sources") + Self.swiftFiles(under: "Tests") {
      let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated() where line.count > 150 && !line.contains("\"") {
        long.append("\(Self.relative(url)):\(index + 1) (\(line.count) characters)")
      }
    }
    #expect(long.isEmpty, "\(long.joined(separator: "\n"))")
  }

  @Test func swiftFormatConfigurationSaysWhatContributingSays() throws {
    let data = try Data(contentsOf: Self.root.appendingPathComponent(".swift-format"))
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["lineLength"] as? Int == 120)
    #expect((object["indentation"] as? [String: Any])?["spaces"] as? Int == 2)
    let contributing = try String(contentsOf: Self.root.appendingPathComponent("CONTRIBUTING.md"), encoding: .utf8)
    #expect(contributing.contains("120 columns") && contributing.contains("150"))
  }

  /// ARCHITECTURE: every user-facing message is a `LocalizedText`; no `language == .zh ? "…" : "…"` (or `zh ? …`)
  /// ternaries choose between two literals in place, where the English half is easily forgotten.
  @Test func userFacingTextIsLocalizedTextNotTernaries() throws {
    let ternary = /(language\s*==\s*\.(zh|en)|\bzh|\ben)\s*\?/
    var found: [String] = []
    for url in Self.swiftFiles(under: "Sources") {
      let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated() where line.contains(ternary) {
        // LocalizedText.text(_:) itself is the one place that chooses.
        if line.contains("public func text(_ language: Language) -> String") { continue }
        found.append("\(Self.relative(url)):\(index + 1): \(line.trimmingCharacters(in: .whitespaces))")
      }
    }
    #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
  }

  /// No empty placeholder files among the tests: every file declares a test, a type or a helper.
  @Test func everyTestFileDeclaresSomething() throws {
    let declarations = ["@Test", "struct ", "enum ", "class ", "func ", "extension "]
    let empty = try Self.swiftFiles(under: "Tests").filter { url in
      let text = try String(contentsOf: url, encoding: .utf8)
      return !declarations.contains { text.contains($0) }
    }
    #expect(empty.isEmpty, "\(empty.map(Self.relative))")
  }

  /// One command per file: `Sources/JixiaoCLI/<Name>Command.swift` declares `<Name>Command` and its command.
  @Test func oneCommandPerFile() throws {
    for url in Self.swiftFiles(under: "Sources/JixiaoCLI") {
      let text = try String(contentsOf: url, encoding: .utf8)
      let commands = text.components(separatedBy: "Jixiao.Command(").count - 1
      let name = url.deletingPathExtension().lastPathComponent
      if name.hasSuffix("Command") {
        #expect(commands == 1, "\(name).swift declares \(commands) commands")
        #expect(text.contains("enum \(name) {") || text.contains("struct \(name) {"), "\(name).swift")
      } else {
        #expect(commands == 0, "\(name).swift declares a command outside a <Name>Command.swift file")
      }
    }
  }
}
