import FormLint
import Foundation

/// `jixiao generate-docs`: writes Documentation/Rules/ from the rule descriptions.
enum GenerateDocsCommand {
  static let command = Jixiao.Command(
    name: "generate-docs", summary: "Write Documentation/Rules/ (one page per rule and an index).",
    usage: "jixiao generate-docs [--output FOLDER] [--check]",
    options: [
      OptionSpec("--output", value: "FOLDER", help: "Where to write (default: Documentation/Rules)."),
      OptionSpec("--check", help: "Write nothing; exit 1 when the pages on disk are stale."),
    ],
    run: { arguments, console in
      let folder = arguments.value("--output") ?? "Documentation/Rules"
      let pages = RuleDocsPages.all()
      if arguments.flag("--check") {
        let stale = pages.filter { name, content in
          FileManager.default.contents(atPath: folder + "/" + name).map { String(decoding: $0, as: UTF8.self) } != content
        }
        for (name, _) in stale { console.error("stale: \(folder)/\(name)") }
        return stale.isEmpty ? ExitCode.success : ExitCode.findings
      }
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      for (name, content) in pages {
        try Data(content.utf8).write(to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
      }
      console.print("wrote \(pages.count) pages to \(folder)")
      return ExitCode.success
    })
}

/// The generated documentation pages: file name → content.
public enum RuleDocsPages {
  /// Every page, the index first.
  public static func all() -> [(String, String)] {
    let rules = RuleRegistry.all.map { $0.description }
    return [("README.md", RuleDocs.index(for: rules))] + rules.map { (RuleDocs.fileName(for: $0), RuleDocs.page(for: $0)) }
  }
}
