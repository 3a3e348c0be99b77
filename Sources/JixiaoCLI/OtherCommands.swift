import FormLint
import FormModel
import FormServer
import FormSyntax
import Foundation

/// `jixiao export`: the model as data, for reviewers who collect many forms into one sheet.
enum ExportCommand {
  static let command = Jixiao.Command(
    name: "export", summary: "Export forms as JSON or CSV (one row per indicator).",
    usage: "jixiao export [--format json|csv] [--profile ID] [--year YEAR] PATH…",
    options: [
      OptionSpec("--format", value: "json|csv", help: "Output format (default: json)."),
      OptionSpec("--profile", value: "ID", help: "Indicator profile instead of detecting one."),
      OptionSpec("--year", value: "YEAR", help: "Form year instead of the title's."),
    ],
    run: { arguments, console in
      let format = arguments.value("--format") ?? "json"
      guard format == "json" || format == "csv" else { throw UsageError("unknown format '\(format)' (json, csv)") }
      let overrides = try CommandLineOverrides(arguments)
      let options = ModelOptions(profile: overrides.profile, year: overrides.year)
      guard !arguments.positionals.isEmpty else { throw UsageError("name at least one file or folder") }
      var exported: [(SourceFile, SyntaxTree)] = []
      var failed = false
      for path in try FileCollector.collect(arguments.positionals) {
        do {
          let source = path == "-" ? try SourceFile(path: "-", bytes: console.readInput()) : try SourceFile.read(path: path)
          exported.append((source, SyntaxTree(parsing: source.utf8)))
        } catch {
          console.error("error: \(error)")
          failed = true
        }
      }
      console.print(format == "json" ? ModelExport.json(exported, options: options) : ModelExport.csv(exported, options: options), terminator: "")
      return failed ? ExitCode.usage : ExitCode.success
    })
}

/// `jixiao explain CODE`: a rule's documentation.
enum ExplainCommand {
  static let command = Jixiao.Command(
    name: "explain", summary: "Print a rule's documentation (by code or name).", usage: "jixiao explain JX301|budget-mismatch",
    options: [],
    run: { arguments, console in
      guard let key = arguments.positionals.first else { throw UsageError("name a rule, e.g. `jixiao explain JX301`") }
      guard let rule = RuleRegistry.rule(named: key) else { throw UsageError("no rule '\(key)' (see `jixiao rules`)") }
      console.print(RuleDocs.page(for: rule.description), terminator: "")
      return ExitCode.success
    })
}

/// `jixiao rules`: every rule, one per line.
enum RulesCommand {
  static let command = Jixiao.Command(
    name: "rules", summary: "List every rule.", usage: "jixiao rules [--format text|json] [--lang zh|en]",
    options: [
      OptionSpec("--format", value: "text|json", help: "Output format (default: text)."),
      OptionSpec("--lang", value: "zh|en", help: "Language of summaries (default: zh)."),
    ],
    run: { arguments, console in
      let language = Language(rawValue: arguments.value("--lang") ?? "zh") ?? .zh
      let rules = RuleRegistry.all.map { $0.description }
      if arguments.value("--format") == "json" {
        console.print(JSON.array(rules.map { rule in
          .object([
            ("code", .string(rule.code)), ("name", .string(rule.name)), ("severity", .string(rule.severity.rawValue)),
            ("fix", .bool(rule.fixDescription != nil)), ("optIn", .bool(rule.isOptIn)),
            ("summary", .string(rule.summary.text(language))),
          ])
        }).pretty)
      } else {
        for rule in rules {
          let flags = (rule.fixDescription != nil ? "fix" : "   ") + (rule.isOptIn ? " opt-in" : "")
          console.print("\(rule.code)  \(rule.name.padding(to: 32))\(rule.severity.rawValue.padding(to: 12))\(flags.padding(to: 11))\(rule.summary.text(language))")
        }
      }
      return ExitCode.success
    })
}

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

/// `jixiao debug tree|roundtrip FILE`.
enum DebugCommand {
  static let command = Jixiao.Command(
    name: "debug", summary: "Inspect the parser: `debug tree FILE`, `debug roundtrip FILE`.",
    usage: "jixiao debug tree|roundtrip FILE", options: [],
    run: { arguments, console in
      guard arguments.positionals.count == 2 else { throw UsageError("expected `tree FILE` or `roundtrip FILE`") }
      let path = arguments.positionals[1]
      let bytes: [UInt8]
      if path == "-" {
        bytes = console.readInput()
      } else {
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError("cannot read \(path)") }
        bytes = [UInt8](data)
      }
      // The raw bytes, not decoded: the tree must print back exactly what is on disk.
      let tree = SyntaxTree(parsing: bytes)
      switch arguments.positionals[0] {
      case "tree":
        console.print(tree.debugDescription(), terminator: "")
        return ExitCode.success
      case "roundtrip":
        let printed = tree.printedFromTokens()
        if printed == bytes {
          console.print("roundtrip ok: \(bytes.count) bytes, \(tree.nodes.count) node(s)")
          return ExitCode.success
        }
        let first = zip(printed, bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(printed.count, bytes.count)
        console.error("roundtrip FAILED: printed \(printed.count) bytes, file has \(bytes.count); first difference at byte \(first)")
        return ExitCode.findings
      default:
        throw UsageError("unknown debug command '\(arguments.positionals[0])' (tree, roundtrip)")
      }
    })
}

/// `jixiao lsp`: the language server over stdio.
enum ServerCommand {
  static let command = Jixiao.Command(
    name: "lsp", summary: "Run the language server (LSP 3.17, JSON-RPC over stdin/stdout).", usage: "jixiao lsp",
    options: [OptionSpec("--stdio", help: "Accepted for editors that pass it; stdio is the only transport.")],
    run: { _, _ in FormServerMain.runOverStandardIO(version: JixiaoVersion.current) })
}
