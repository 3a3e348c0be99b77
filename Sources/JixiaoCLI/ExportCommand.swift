import FormLint
import FormModel
import FormSyntax
import Foundation

/// `jixiao export`: the model as data, for reviewers who collect many forms into one sheet.
enum ExportCommand {
  static let command = Jixiao.Command(
    name: "export", summary: "Export forms as JSON or CSV (one row per indicator, or per form).",
    usage: "jixiao export [--format json|csv] [--rows indicator|form] [--header zh|en] [--profile ID] [--year YEAR] PATH…",
    options: [
      OptionSpec("--format", value: "json|csv", help: "Output format (default: json)."),
      OptionSpec("--rows", value: "indicator|form", help: "CSV: one row per indicator (default) or one row per form, with its findings counted."),
      OptionSpec("--header", value: "zh|en", help: "CSV column headers: Chinese (default) or English."),
    ] + CheckCommand.options(named: ["--lang", "--layout", "--profile", "--year", "--config", "--max-file-size"]),
    run: { arguments, console in
      let format = arguments.value("--format") ?? "json"
      guard format == "json" || format == "csv" else { throw UsageError(zh: "未知的输出格式“\(format)”（可用：json、csv）", en: "unknown format '\(format)' (json, csv)") }
      let rows = arguments.value("--rows") ?? "indicator"
      guard rows == "indicator" || rows == "form" else { throw UsageError(zh: "--rows 只能是 indicator 或 form", en: "--rows is indicator or form") }
      let headerName = arguments.value("--header") ?? "zh"
      guard let header = Language(rawValue: headerName) else { throw UsageError(zh: "--header 只能是 zh 或 en", en: "--header is zh or en") }
      guard !arguments.positionals.isEmpty else { throw UsageError(zh: "请至少指定一个文件或文件夹", en: "name at least one file or folder") }
      let language = arguments.language
      let (files, failures) = try checkNamedFiles(arguments, console: console, language: language, verb: "reading")
      switch (format, rows) {
      case ("json", _): console.print(ModelExport.json(files), terminator: "")
      case (_, "form"): console.print(ModelExport.formsCSV(ReportModel(files: files), header: header), terminator: "")
      default: console.print(ModelExport.csv(files, header: header), terminator: "")
      }
      return failures > 0 ? ExitCode.usage : ExitCode.success
    })

  /// The files named on the command line, read and checked by the engine `check` uses (the same discovery,
  /// configuration and file reading); problems are reported on stderr and counted.
  static func checkNamedFiles(_ arguments: ParsedArguments, console: Console, language: Language, verb: String) throws -> ([CheckedFile], Int) {
    let overrides = try CommandLineOverrides(arguments)
    let configurations = try ConfigurationResolver(explicitPath: arguments.value("--config"), overrides: overrides, console: console)
    let collected = FileCollector.collect(arguments.positionals, exclude: { configurations.exclude(forFolder: $0) })
    for problem in collected.problems { console.error(CLIMessages.error(problem.text(language), language)) }
    var checker = FileChecker(configurations: configurations, console: console, language: language, maximumSize: overrides.maximumFileSize)
    checker.verb = verb
    checker.keepsForms = true
    let run = try checker.run(collected.files)
    return (run.files, collected.problems.count + run.failures)
  }
}
