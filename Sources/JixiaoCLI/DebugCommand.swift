import FormLint
import FormSyntax
import Foundation

/// `jixiao debug tree|roundtrip FILE`.
enum DebugCommand {
  static let command = Jixiao.Command(
    name: "debug", summary: "Inspect the parser: `debug tree FILE`, `debug roundtrip FILE`.",
    usage: "jixiao debug tree|roundtrip FILE [--layout auto|notation|tsv|markdown]",
    options: [OptionSpec("--layout", value: "auto|notation|tsv|markdown", help: "How the forms are written (default: detect per form).")],
    run: { arguments, console in
      guard arguments.positionals.count == 2 else { throw UsageError(zh: "用法：`debug tree 文件` 或 `debug roundtrip 文件`", en: "expected `tree FILE` or `roundtrip FILE`") }
      let path = arguments.positionals[1]
      let limit = SourceFile.defaultMaximumSize
      // Undecoded on purpose, but read the safe way: regular files only, bounded.
      let bytes =
        path == "-"
        ? try console.readInput(named: path, limit: limit) : try SourceFile.readBytes(path: path, maximumSize: limit)
      // The raw bytes, not decoded: the tree must print back exactly what is on disk.
      let overrides = try CommandLineOverrides(arguments)
      let tree = SyntaxTree(parsing: bytes, layout: LayoutPolicy.forFile(named: path, pinned: overrides.layout ?? nil))
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
        throw UsageError(
          zh: "未知的 debug 子命令“\(arguments.positionals[0])”（可用：tree、roundtrip）",
          en: "unknown debug command '\(arguments.positionals[0])' (tree, roundtrip)")
      }
    })
}
