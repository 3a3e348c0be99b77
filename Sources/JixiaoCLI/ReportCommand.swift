import FormLint
import Foundation

/// `jixiao report PATH… -o report.html`: the reviewer's report of a folder of forms, one self-contained page.
enum ReportCommand {
  static let command = Jixiao.Command(
    name: "report", summary: "Write one HTML page reviewing a folder of forms (overview, charts, table, opinions).",
    usage: "jixiao report [options] PATH… -o report.html   (folders are searched for *.txt; `-` reads stdin)",
    options: [OptionSpec("--output", "-o", value: "FILE", help: "Where to write the page (`-` for stdout). Required.")]
      + CheckCommand.options(named: ["--select", "--ignore", "--lang", "--layout", "--profile", "--year", "--config", "--max-file-size"]),
    run: run)

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    guard let output = arguments.value("--output") else {
      throw UsageError(zh: "请用 -o 指定报告文件，如 `jixiao report 文件夹 -o report.html`", en: "name the page to write with -o, e.g. `jixiao report FOLDER -o report.html`")
    }
    guard !arguments.positionals.isEmpty else { throw UsageError(zh: "请至少指定一个文件或文件夹", en: "name at least one file or folder") }
    let language = arguments.language
    let (files, failures) = try ExportCommand.checkNamedFiles(arguments, console: console, language: language, verb: "checking")
    let model = ReportModel(files: files)
    let page = HTMLReport(
      model: model, language: language, inputs: arguments.positionals,
      csv: ModelExport.formsCSV(model, header: language, byteOrderMark: false)
    ).render()
    if output == "-" {
      console.print(page, terminator: "")
    } else {
      do {
        try Data(page.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        throw UsageError(zh: "无法写入 \(output)：\(error.localizedDescription)", en: "cannot write \(output): \(error.localizedDescription)")
      }
      let sendBack = model.forms.count - model.passingForms
      console.error(
        language == .zh
          ? "已写入 \(output)：\(model.files.count) 个文件，\(model.forms.count) 张表，\(model.passingForms) 张可以通过，\(sendBack) 张需退回修改"
          : "wrote \(output): \(model.files.count) file(s), \(model.forms.count) form(s), \(model.passingForms) can pass, \(sendBack) to send back")
    }
    return failures > 0 ? ExitCode.usage : ExitCode.success
  }
}
