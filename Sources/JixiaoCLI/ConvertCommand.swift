import FormLint
import FormSyntax
import Foundation
import OfficeFormats

/// `jixiao convert`: a form in another layout — a Word or Excel file, or a text form in any layout (notation,
/// TSV, Markdown), as the notation (what Word's text export gives), TSV or Markdown.
enum ConvertCommand {
  static let command = Jixiao.Command(
    name: "convert", summary: "Convert a form to another layout: the notation, TSV or Markdown (from text, .docx or .xlsx).",
    usage: "jixiao convert FILE [--to notation|tsv|markdown] [--layout auto|notation|tsv|markdown] [-o OUT]",
    options: [
      OptionSpec("--to", value: "notation|tsv|markdown", help: "Output format (default: notation, as Word's text export)."),
      OptionSpec("--output", "-o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
    ] + CheckCommand.options(named: ["--layout", "--max-file-size", "--lang"]),
    run: run)

  static func run(_ arguments: ParsedArguments, _ console: Console) throws -> Int32 {
    let format = arguments.value("--to") ?? "notation"
    guard ["notation", "tsv", "markdown"].contains(format) else {
      throw UsageError(zh: "未知的格式“\(format)”（可用：notation、tsv、markdown）", en: "unknown format '\(format)' (notation, tsv, markdown)")
    }
    guard !arguments.positionals.isEmpty else { throw UsageError(zh: "请给出一个 .docx 或 .xlsx 文件", en: "name a .docx or .xlsx file") }
    let maximumSize = try CommandLineOverrides(arguments).maximumFileSize ?? SourceFile.defaultMaximumSize
    let language = arguments.value("--lang").flatMap(Language.init(rawValue:)) ?? .zh
    var output = ""
    var failed = false
    for path in arguments.positionals {
      do {
        if let text = try TextConversion.converted(path: path, to: format, arguments: arguments, maximumSize: maximumSize, console: console) {
          output += text
          continue
        }
        let (_, rendered) = try OfficeInput.read(path: path, maximumSize: maximumSize)
        switch format {
        case "tsv": output += OfficeTextExport.tsv(rendered.document)
        case "markdown": output += OfficeTextExport.markdown(rendered.document)
        default: output += String(decoding: rendered.text, as: UTF8.self)
        }
      } catch {
        console.error(CLIMessages.error(CLIMessages.describe(error, language), language))
        failed = true
      }
    }
    if let target = arguments.value("--output") {
      guard !failed else { return ExitCode.usage }
      do {
        try OfficeOutput.writeAtomically(Array(output.utf8), to: target)
      } catch {
        console.error(CLIMessages.error(CLIMessages.describe(error, language), language))
        return ExitCode.usage
      }
    } else {
      console.print(output, terminator: "")
    }
    return failed ? ExitCode.usage : ExitCode.success
  }
}

/// TSV and Markdown renderings of an office document's grid, each cell written by its layout's own writer
/// (`Layout.writtenCell`, the one fixes and `convert` of text forms use).
enum OfficeTextExport {
  /// One line per row, cells separated by TABs (a cell with a TAB, line break or quote is quoted, quotes
  /// doubled, as spreadsheets read it); a paragraph outside tables is a line of its own.
  static func tsv(_ document: OfficeDocument) -> String {
    func field(_ text: String) -> String { Layout.tsv.writtenCell(text) }
    var lines: [String] = []
    for block in document.blocks {
      switch block {
      case .paragraph(let paragraph, _): lines.append(field(paragraph.text))
      case .table(let table):
        for row in table.rows { lines.append(row.cells.map { field($0.text) }.joined(separator: "\t")) }
      }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// Paragraphs as paragraphs, tables as pipe tables (the first row as the header row; line breaks in cells
  /// as `<br>`, pipes escaped).
  static func markdown(_ document: OfficeDocument) -> String {
    func cell(_ text: String) -> String { Layout.markdown.writtenCell(text) }
    var parts: [String] = []
    for block in document.blocks {
      switch block {
      case .paragraph(let paragraph, _):
        let text = paragraph.text
        if !text.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(cell(text).replacingAll("<br>", with: "  \n")) }
      case .table(let table):
        let width = table.rows.map(\.cells.count).max() ?? 0
        guard width > 0 else { continue }
        var lines: [String] = []
        for (index, row) in table.rows.enumerated() {
          let cells = row.cells.map { cell($0.text) } + Array(repeating: "", count: width - row.cells.count)
          lines.append("| " + cells.joined(separator: " | ") + " |")
          if index == 0 { lines.append("|" + String(repeating: " --- |", count: width)) }
        }
        parts.append(lines.joined(separator: "\n"))
      }
    }
    return parts.joined(separator: "\n\n") + (parts.isEmpty ? "" : "\n")
  }
}

/// Text forms in any layout, converted through the table view (`SyntaxTree.converted(to:)`).
enum TextConversion {
  /// The converted text, or nil when `path` is an office file (for `OfficeInput`).
  static func converted(
    path: String, to format: String, arguments: ParsedArguments, maximumSize: Int, console: Console
  ) throws -> String? {
    let lower = path.lowercased()
    guard !lower.hasSuffix(".docx") && !lower.hasSuffix(".xlsx") else { return nil }
    let source =
      path == "-"
      ? try SourceFile(path: "-", bytes: console.readInput(named: "-", limit: maximumSize))
      : try SourceFile.read(path: path, maximumSize: maximumSize)
    let overrides = try CommandLineOverrides(arguments)
    let tree = SyntaxTree(parsing: source.utf8, layout: LayoutPolicy.forFile(named: path, pinned: overrides.layout ?? nil))
    return tree.converted(to: Layout(rawValue: format) ?? .notation)
  }
}
