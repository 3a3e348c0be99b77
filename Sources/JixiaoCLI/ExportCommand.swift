import FormLint
import FormModel
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
      guard format == "json" || format == "csv" else { throw UsageError(zh: "未知的输出格式“\(format)”（可用：json、csv）", en: "unknown format '\(format)' (json, csv)") }
      let overrides = try CommandLineOverrides(arguments)
      let options = ModelOptions(profile: overrides.profile, year: overrides.year)
      guard !arguments.positionals.isEmpty else { throw UsageError(zh: "请至少指定一个文件或文件夹", en: "name at least one file or folder") }
      let language = arguments.language
      var exported: [(SourceFile, SyntaxTree)] = []
      let collected = FileCollector.collect(arguments.positionals)
      for problem in collected.problems { console.error(CLIMessages.error(problem.text(language), language)) }
      var failed = !collected.problems.isEmpty
      for path in collected.files {
        do {
          let limit = SourceFile.defaultMaximumSize
          let source = path == "-"
            ? try SourceFile.decodeStream(console.readInput(limit), path: "-", maximumSize: limit)
            : try SourceFile.read(path: path, maximumSize: limit)
          exported.append((source, SyntaxTree(parsing: source.utf8)))
        } catch {
          console.error(CLIMessages.error(CLIMessages.describe(error, language), language))
          failed = true
        }
      }
      console.print(format == "json" ? ModelExport.json(exported, options: options) : ModelExport.csv(exported, options: options), terminator: "")
      return failed ? ExitCode.usage : ExitCode.success
    })
}
