import FormLint
import Foundation

/// Where the rule pages a diagnostic's `codeDescription` links to live: a docs address the user configured, or the
/// generated pages (`jixiao generate-docs`) shipped beside the binary. Without either, diagnostics carry no link:
/// a link to a page that does not exist is worse than none.
struct RuleDocumentation: Equatable {
  /// A configured address: pages are `<base>/<code>-<name>.md`, trusted to exist.
  private(set) var baseURL: String?
  /// A folder of generated pages on this machine: only pages that exist are linked.
  private(set) var folder: String?

  /// Documentation at a configured address (the `docsURL` editor setting).
  init(baseURL: String) {
    self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
  }

  /// Documentation in a folder of generated pages.
  init(folder: String) { self.folder = folder }

  /// The address of a rule's page, nil when there is none.
  func href(for rule: RuleDescription) -> String? {
    let page = RuleDocs.fileName(for: rule)
    if let baseURL { return "\(baseURL)/\(page)" }
    guard let folder else { return nil }
    let path = (folder as NSString).appendingPathComponent(page)
    guard FileManager.default.isReadableFile(atPath: path) else { return nil }
    return URL(fileURLWithPath: path).absoluteString
  }

  /// The folders, relative to the running binary, where generated pages are looked for: an installed prefix
  /// (`<prefix>/bin/jixiao` → `<prefix>/share/jixiao/rules`) and a source checkout (`.build/<triple>/<config>/jixiao`
  /// → `Documentation/Rules`).
  static func shippedFolder(executable: String = CommandLine.arguments.first ?? "") -> String? {
    let binary = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    var candidates = [binary.deletingLastPathComponent().appendingPathComponent("share/jixiao/rules")]
    var folder = binary
    for _ in 0..<4 {
      candidates.append(folder.appendingPathComponent("Documentation/Rules"))
      folder = folder.deletingLastPathComponent()
    }
    let index = RuleRegistry.all.first.map { RuleDocs.fileName(for: $0.description) } ?? "README.md"
    return candidates.first { FileManager.default.isReadableFile(atPath: $0.appendingPathComponent(index).path) }?.path
  }
}
