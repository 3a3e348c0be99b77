import FormLint
import Foundation

/// `jixiao templates`: the template families Jixiao reads, from the template data; `--write` / `--check`
/// keep Documentation/TEMPLATES.md generated from the same data, like the rule pages.
enum TemplatesCommand {
  static let command = Jixiao.Command(
    name: "templates", summary: "List the template families and their fields (Documentation/TEMPLATES.md).",
    usage: "jixiao templates [--markdown] [--write [FILE]] [--check [FILE]]",
    options: [
      OptionSpec("--markdown", help: "Print the whole page (families, fields, labels, indicator headings)."),
      OptionSpec("--write", help: "Write Documentation/TEMPLATES.md (or --output FILE)."),
      OptionSpec("--check", help: "Write nothing; exit 1 when Documentation/TEMPLATES.md is stale."),
      OptionSpec("--output", value: "FILE", help: "The page's path (default: Documentation/TEMPLATES.md)."),
      OptionSpec("--lang", value: "zh|en", help: "Accepted for symmetry; the page is bilingual."),
    ],
    run: { arguments, console in
      let path = arguments.value("--output") ?? "Documentation/TEMPLATES.md"
      let page = TemplateDocs.page()
      if arguments.flag("--check") {
        let current = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
        if current != page { console.error("stale: \(path) (run `jixiao templates --write`)") }
        return current == page ? ExitCode.success : ExitCode.findings
      }
      if arguments.flag("--write") {
        try Data(page.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        console.print("wrote \(path)")
        return ExitCode.success
      }
      console.print(arguments.flag("--markdown") ? page : TemplateDocs.listing(), terminator: "")
      return ExitCode.success
    })
}
