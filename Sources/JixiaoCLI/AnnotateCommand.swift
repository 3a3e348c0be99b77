import FormLint
import FormSyntax
import Foundation
import OfficeFormats

/// `jixiao annotate`: a Word (or Excel) form handed back with every finding as a comment (批注) on its cell,
/// or on the exact text inside it, author `Jixiao`; with `--suggest`, the safe fixes as tracked changes
/// (修订) the clerk accepts or rejects in Word. Writes a new file (atomically); the input only with
/// `--in-place`.
enum AnnotateCommand {
  static let options: [OptionSpec] = [
    OptionSpec("--output", "-o", value: "FILE", help: "Write the annotated document to FILE."),
    OptionSpec("--in-place", help: "Replace the input file itself (atomically)."),
    OptionSpec("--suggest", help: "Also write the safe fixes as tracked changes (Word: 修订), by author Jixiao."),
    OptionSpec("--severity", value: "LEVEL", help: "Only findings at least this severe: error, warning, information, hint (default: hint)."),
  ] + CheckCommand.options(named: ["--select", "--ignore", "--lang", "--profile", "--year", "--config", "--max-file-size"])

  static let command = Jixiao.Command(
    name: "annotate", summary: "Hand a .docx/.xlsx back with the findings as comments (and fixes as tracked changes).",
    usage: "jixiao annotate FILE.docx|FILE.xlsx (-o OUT | --in-place) [--suggest] [--select …] [--severity LEVEL]",
    options: options, run: run)

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    let overrides = try CommandLineOverrides(arguments)
    guard arguments.positionals.count == 1, let path = arguments.positionals.first, path != "-" else {
      throw UsageError(zh: "请给出一个 .docx 或 .xlsx 文件", en: "name one .docx or .xlsx file")
    }
    let inPlace = arguments.flag("--in-place")
    guard let output = arguments.value("--output") ?? (inPlace ? path : nil) else {
      throw UsageError(zh: "请用 -o 给出输出文件（或用 --in-place 改写原文件）", en: "give the output file with -o (or --in-place to replace the input)")
    }
    if !inPlace, sameFile(output, path) {
      throw UsageError(
        zh: "输出文件就是输入文件：不会改写原文件，除非加 --in-place", en: "the output is the input file: it is not overwritten unless you add --in-place")
    }
    let minimum = try arguments.value("--severity").map { name -> Severity in
      guard let severity = Severity(rawValue: name) else {
        throw UsageError(zh: "未知的严重级别“\(name)”（error、warning、information、hint）", en: "unknown severity '\(name)' (error, warning, information, hint)")
      }
      return severity
    } ?? .hint
    let maximumSize = overrides.maximumFileSize ?? SourceFile.defaultMaximumSize
    let configurations = try ConfigurationResolver(explicitPath: arguments.value("--config"), overrides: overrides, console: console)
    let language = overrides.language ?? configurations.language(for: path) ?? .zh
    do {
      let raw = try OfficeInput.bytes(of: path, maximumSize: maximumSize)
      let (source, rendered) = try OfficeInput.read(path: path, maximumSize: maximumSize)
      let tree = SyntaxTree(parsing: source.utf8)
      let findings = Linter(configuration: try configurations.configuration(for: path)).lint(tree).filter { $0.severity <= minimum }
      let comments = findings.map { finding in
        let code = "\(finding.code) \(finding.name)"
        return WordAnnotator.Comment(
          range: finding.range, text: finding.message.text(language) + LocalizedText(zh: "（\(code)）", en: " (\(code))").text(language))
      }
      var suggestions: [WordAnnotator.Suggestion] = []
      if arguments.flag("--suggest") {
        var seen: Set<[FixEdit]> = []
        for finding in findings {
          guard let fix = finding.fixes.first(where: \.isSafe), seen.insert(fix.edits).inserted else { continue }
          suggestions.append(WordAnnotator.Suggestion(edits: fix.edits.map { ($0.range, $0.newText) }))
        }
      }
      let archive: ZipArchive
      do { archive = try ZipArchive(bytes: raw) } catch { throw OfficeInputError(path: path, error: error) }
      let outcome: WordAnnotator.Outcome
      do {
        switch rendered.document.kind {
        case .docx:
          outcome = try WordAnnotator.annotate(archive, rendered: rendered, comments: comments, suggestions: suggestions, date: timestamp())
        case .xlsx:
          outcome = try SheetAnnotator.annotate(archive, rendered: rendered, comments: comments, author: "Jixiao")
        }
      } catch {
        throw OfficeInputError(path: path, error: error)
      }
      try OfficeOutput.writeAtomically(outcome.bytes, to: output)
      console.error(summary(outcome, output: output, suggesting: arguments.flag("--suggest"), language: language))
      return ExitCode.success
    } catch {
      console.error(CLIMessages.error(CLIMessages.describe(error, language), language))
      return ExitCode.usage
    }
  }

  static func summary(_ outcome: WordAnnotator.Outcome, output: String, suggesting: Bool, language: Language) -> String {
    let comments = outcome.exactComments + outcome.cellComments
    if language == .zh {
      var text = "已写入 \(output)：\(comments) 条批注（\(outcome.exactComments) 条标在问题文字上，\(outcome.cellComments) 条标在单元格或段落上）"
      if suggesting {
        text += "，\(outcome.suggestionsWritten) 处修订"
        if outcome.suggestionsSkipped > 0 { text += "（另有 \(outcome.suggestionsSkipped) 处修复跨单元格或段落，只写在批注里）" }
      }
      return text
    }
    var text = "wrote \(output): \(comments) comment(s) (\(outcome.exactComments) on the exact text, \(outcome.cellComments) on the cell or paragraph)"
    if suggesting {
      text += ", \(outcome.suggestionsWritten) tracked change(s)"
      if outcome.suggestionsSkipped > 0 { text += " (\(outcome.suggestionsSkipped) fix(es) span cells or paragraphs: in the comments only)" }
    }
    return text
  }

  /// Now, as Word writes `w:date` (UTC, seconds).
  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }

  static func sameFile(_ a: String, _ b: String) -> Bool {
    let left = URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL.path
    let right = URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL.path
    return left == right
  }
}
