import FormLint
import FormModel
import FormSyntax
import Foundation
import OfficeFormats

/// `jixiao check`: lint files, print findings, optionally fix them.
enum CheckCommand {
  static let options: [OptionSpec] = [
    OptionSpec("--format", value: "text|json|sarif|github", help: "Output format (default: text)."),
    OptionSpec("--select", value: "CODES", help: "Run only these rule codes or prefixes (comma-separated, repeatable)."),
    OptionSpec("--ignore", value: "CODES", help: "Skip these rule codes or prefixes."),
    OptionSpec("--lang", value: "zh|en", help: "Language of messages (default: zh, or the configuration's)."),
    OptionSpec(
      "--layout", value: "auto|notation|tsv|markdown",
      help: "How the forms are written: Word's text export, pasted TSV or Markdown (default: detect per form)."),
    OptionSpec("--profile", value: "ID", help: "Indicator profile: hunan-2021, mof-2015 or mof-2021 (default: detect per form)."),
    OptionSpec("--year", value: "YEAR", help: "Form year where the form gives none (its title, the lines under it, a 年度 field)."),
    OptionSpec("--config", value: "FILE", help: "Use this configuration file instead of searching for .jixiao.json."),
    OptionSpec("--fix", help: "Apply safe fixes to the files."),
    OptionSpec("--unsafe-fixes", help: "With --fix or --diff, apply unsafe fixes too."),
    OptionSpec("--diff", help: "Print the changes fixes would make; write nothing."),
    OptionSpec("--statistics", help: "Print the number of findings per rule instead of the findings."),
    OptionSpec("--exit-zero", help: "Exit 0 even when errors are found."),
    OptionSpec("--stdin-filename", value: "PATH", help: "Name to report for text read from stdin (`-`)."),
    OptionSpec("--max-findings", value: "N", help: "Report at most N findings per file (default 10000; 0: no limit)."),
    OptionSpec("--max-file-size", value: "BYTES", help: "Refuse files larger than this (default 64 MiB)."),
  ]

  /// Check's options with these names, in the order named: the options other commands share with check, written once.
  static func options(named names: [String]) -> [OptionSpec] {
    names.map { name in options.first { $0.names.contains(name) }! }
  }

  static let command = Jixiao.Command(
    name: "check", summary: "Check form files and report findings (the main job).",
    usage: "jixiao check [options] [PATH…]   (folders are searched for *.txt, *.docx, *.xlsx; `-` reads stdin)", options: options, run: run)

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    let formatName = arguments.value("--format") ?? "text"
    guard let format = OutputFormat(rawValue: formatName) else {
      throw UsageError(zh: "未知的输出格式“\(formatName)”（可用：text、json、sarif、github）", en: "unknown format '\(formatName)' (text, json, sarif, github)")
    }
    let overrides = try CommandLineOverrides(arguments)
    let paths = arguments.positionals.isEmpty ? ["."] : arguments.positionals
    let maximumSizeOption = try overrides.maximumFileSize
    let configurations = try ConfigurationResolver(explicitPath: arguments.value("--config"), overrides: overrides, console: console)
    let collected = FileCollector.collect(paths, exclude: { configurations.exclude(forFolder: $0) })
    // A file named twice (or through a link) is checked, and fixed, once.
    let files = CheckCommand.withoutDuplicates(collected.files)
    let language = overrides.language ?? configurations.language(for: files.first ?? paths.first) ?? .zh

    // A path that cannot be checked is reported and counted; every other file is still checked (exit 2).
    for problem in collected.problems { console.error(CLIMessages.error(problem.text(language), language)) }
    var checker = FileChecker(
      configurations: configurations, console: console, language: language, maximumSize: maximumSizeOption,
      stdinName: arguments.value("--stdin-filename"))
    checker.refusesOffice = arguments.flag("--fix") || arguments.flag("--diff")
    if let text = arguments.value("--max-findings") {
      guard let limit = Int(text), limit >= 0 else {
        throw UsageError(zh: "--max-findings 需要一个非负整数", en: "--max-findings needs a number of findings (0: no limit)")
      }
      checker.maximumFindings = limit == 0 ? Int.max : limit
    }
    let readsStdin = files.count == 1 && (files[0] == "-" || SourceFile.namesDescriptor(files[0]))
    let fixMode: FixMode? =
      arguments.flag("--diff") ? .diff : arguments.flag("--fix") ? (readsStdin ? .stdout : .write) : nil
    if fixMode == nil && !arguments.flag("--statistics") {
      // The report is written file by file as the files are checked (each file's part rendered by its worker).
      let report = StreamedReport(
        format: format, language: language, color: console.useColor, write: { console.write($0) })
      let run = try checker.stream(files, into: report)
      let failures = collected.problems.count + run.failures
      for file in run.files {
        guard let line = file.truncatedLine else { continue }
        reportTruncation(path: file.path, line: line, cap: checker.maximumFindings, language: language, console: console)
      }
      report.finish(unchecked: failures)
      if failures > 0 { return ExitCode.usage }
      if arguments.flag("--exit-zero") { return ExitCode.success }
      return run.files.contains(where: \.hasErrors) ? ExitCode.findings : ExitCode.success
    }
    let run = try checker.run(files)
    var failures = collected.problems.count + run.failures
    for file in run.files {
      guard let cut = file.truncatedAt else { continue }
      reportTruncation(
        path: file.path, line: file.location(of: cut).line, cap: checker.maximumFindings, language: language, console: console)
    }
    let includeUnsafe = arguments.flag("--unsafe-fixes")
    var checked = run.files
    var fixedCount: Int?
    if let fixMode {
      let fixer = Fixer(mode: fixMode, includeUnsafe: includeUnsafe, console: console, configurations: configurations, language: language)
      let result = try fixer.fix(checked)
      checked = result.files
      failures += result.failures
      if fixMode != .diff { fixedCount = result.fixed }
    }
    let reporter = TextReporter(language: language, color: false)
    if fixMode == .diff {
      // The diff is the output.
    } else if fixMode == .stdout {
      // The fixed text is the output; what is left to fix goes to stderr.
      console.error(reporter.render(checked, fixed: fixedCount, unchecked: failures), terminator: "")
    } else if arguments.flag("--statistics") {
      console.print(Statistics.render(checked, format: format, language: language), terminator: "")
    } else if format == .text {
      let colored = TextReporter(language: language, color: console.useColor)
      console.print(colored.render(checked, fixed: fixedCount, unchecked: failures), terminator: "")
    } else {
      console.print(Reporters.render(checked, format: format, language: language, color: console.useColor), terminator: "")
    }
    if failures > 0 { return ExitCode.usage }
    if arguments.flag("--exit-zero") { return ExitCode.success }
    return checked.contains { $0.diagnostics.contains { $0.severity == .error } } ? ExitCode.findings : ExitCode.success
  }
}

extension CheckCommand {
  /// The note on stderr for a file whose findings were cut at `--max-findings`: like ruff's notes, the report is
  /// complete up to there, and says where it stops.
  static func reportTruncation(path: String, line: Int, cap: Int, language: Language, console: Console) {
    let note = LocalizedText(
      zh: "\(path)：问题超过 \(cap) 个，只报告前 \(cap) 个；第 \(line) 行起的内容未完整检查（--max-findings 可调整）",
      en: "\(path): more than \(cap) findings; only the first \(cap) are reported, and the file was not fully "
        + "checked from line \(line) on (see --max-findings)")
    console.error(CLIMessages.warning(note.text(language), language))
  }

  /// The paths with later ones naming the same file (same device and inode) as an earlier one left out.
  static func withoutDuplicates(_ paths: [String]) -> [String] {
    var seen: Set<[UInt64]> = []
    return paths.filter { path in
      var status = stat()
      guard !SourceFile.namesDescriptor(path), path != "-", stat(path, &status) == 0 else { return true }
      return seen.insert([UInt64(status.st_dev), UInt64(status.st_ino)]).inserted
    }
  }
}

/// Options given on the command line that override configuration files.
struct CommandLineOverrides {
  var select: [String] = []
  var ignore: [String] = []
  var language: Language?
  var profile: ProfileID?
  var year: Int?
  /// `--layout`: nil keeps the configuration's; `.some(nil)` is `auto`.
  var layout: Layout??
  /// `--max-file-size`: nil keeps the configuration's (or the default).
  var maximumFileSize: Int?

  init(_ arguments: ParsedArguments) throws {
    select = arguments.list("--select")
    ignore = arguments.list("--ignore")
    maximumFileSize = try arguments.value("--max-file-size").map {
      guard let size = Int($0), size > 0 else { throw UsageError(zh: "--max-file-size 需要一个正的字节数", en: "--max-file-size needs a positive number of bytes") }
      return size
    }
    if let lang = arguments.value("--lang") {
      guard let parsed = Language(rawValue: lang) else { throw UsageError(zh: "未知的语言“\(lang)”（可用：zh、en）", en: "unknown language '\(lang)' (zh, en)") }
      language = parsed
    }
    if let name = arguments.value("--profile") {
      guard let parsed = ProfileID(rawValue: name) else {
        throw UsageError(
          zh: "未知的模板“\(name)”（可用：\(ProfileID.allCases.map(\.rawValue).joined(separator: "、"))）",
          en: "unknown profile '\(name)' (\(ProfileID.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      profile = parsed
    }
    if let name = arguments.value("--layout") {
      guard name == "auto" || Layout(rawValue: name) != nil else {
        throw UsageError(
          zh: "未知的版式“\(name)”（可用：auto、notation、tsv、markdown）", en: "unknown layout '\(name)' (auto, notation, tsv, markdown)")
      }
      layout = .some(Layout(rawValue: name))
    }
    if let text = arguments.value("--year") {
      guard let parsed = Int(text), (1900...2100).contains(parsed) else { throw UsageError(zh: "--year 需要一个年份，如 2021", en: "--year needs a year such as 2021") }
      year = parsed
    }
    for code in select + ignore where code != "ALL" && RuleRegistry.all.allSatisfy({
      !$0.description.code.hasPrefix(code.uppercased()) && $0.description.name != code
    }) {
      throw UsageError(zh: "没有与“\(code)”匹配的规则（见 `jixiao rules`）", en: "no rule matches '\(code)' (see `jixiao rules`)")
    }
  }

  /// Applies the overrides to a configuration read from a file.
  func apply(to configuration: inout LintConfiguration) {
    if !select.isEmpty { configuration.select = select }
    configuration.ignore += ignore
    if let language { configuration.language = language }
    if let profile { configuration.model.profile = profile }
    if let year { configuration.model.year = year }
    if let layout { configuration.layout = layout }
  }
}

/// `--statistics`: findings per rule.
enum Statistics {
  static func render(_ files: [CheckedFile], format: OutputFormat, language: Language) -> String {
    var counts: [String: (name: String, count: Int, fixable: Int)] = [:]
    for diagnostic in files.flatMap(\.diagnostics) {
      var entry = counts[diagnostic.code] ?? (diagnostic.name, 0, 0)
      entry.count += 1
      if diagnostic.fixes.contains(where: \.isSafe) { entry.fixable += 1 }
      counts[diagnostic.code] = entry
    }
    let rows = counts.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
    if format == .json {
      return JSON.array(rows.map { code, entry in
        .object([("code", .string(code)), ("name", .string(entry.name)), ("count", .int(entry.count)), ("fixable", .int(entry.fixable))])
      }).pretty + "\n"
    }
    let width = String(rows.map(\.value.count).max() ?? 0).count
    return rows.map { code, entry in
      String(repeating: " ", count: width - String(entry.count).count) + "\(entry.count)\t\(code)\t\(entry.name)"
        + (entry.fixable > 0 ? "\t[*]" : "")
    }.joined(separator: "\n") + (rows.isEmpty ? "" : "\n")
  }
}
