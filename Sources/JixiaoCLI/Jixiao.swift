import FormLint
import FormModel
import FormSyntax
import Foundation

/// The version printed by `jixiao --version` and sent to LSP clients.
public enum JixiaoVersion {
  /// Semantic version of this build.
  public static let current = "0.1.0"
}

/// The `jixiao` command line: a tree of subcommands, each declared with its options (help derives from them).
public enum Jixiao {
  struct Command: Sendable {
    let name: String
    let summary: String
    let usage: String
    let options: [OptionSpec]
    let run: @Sendable (ParsedArguments, Console) throws -> Int32
  }

  static let commands: [Command] = [
    CheckCommand.command, ExportCommand.command, ExplainCommand.command, RulesCommand.command,
    GenerateDocsCommand.command, DebugCommand.command, ServerCommand.command,
  ]

  static let overview = """
    jixiao — a linter and language server for 项目支出绩效目标表 (performance-target forms)

    Usage: jixiao <command> [options]

    Commands:
    \(commands.map { "  " + $0.name.padding(to: 15) + $0.summary }.joined(separator: "\n"))

    Run `jixiao help <command>` for a command's options. `jixiao --version` prints the version.
    """

  /// Runs a command line (without the program name) and returns the exit code.
  public static func main(_ arguments: [String], console: Console = .standard()) -> Int32 {
    guard let first = arguments.first else {
      console.print(overview)
      return ExitCode.success
    }
    switch first {
    case "--help", "-h":
      console.print(overview)
      return ExitCode.success
    case "--version", "-V":
      console.print("jixiao \(JixiaoVersion.current)")
      return ExitCode.success
    case "help":
      guard arguments.count > 1 else {
        console.print(overview)
        return ExitCode.success
      }
      guard let command = commands.first(where: { $0.name == arguments[1] }) else {
        console.error("error: unknown command '\(arguments[1])'\n\n\(overview)")
        return ExitCode.usage
      }
      console.print(helpText(usage: command.usage, summary: command.summary, options: command.options))
      return ExitCode.success
    default:
      break
    }
    guard let command = commands.first(where: { $0.name == first }) else {
      console.error("error: unknown command '\(first)'. Run `jixiao --help` for the list of commands.")
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      console.print(helpText(usage: command.usage, summary: command.summary, options: command.options))
      return ExitCode.success
    }
    do {
      let parsed = try ParsedArguments.parse(rest, specs: command.options)
      return try command.run(parsed, console)
    } catch let error as UsageError {
      console.error("error: \(error.description)\n\nUsage: \(command.usage)\nRun `jixiao help \(command.name)` for details.")
      return ExitCode.usage
    } catch {
      console.error("error: \(error)")
      return ExitCode.usage
    }
  }
}

/// Finding the form files named on the command line.
enum FileCollector {
  /// Files named, and `*.txt` files found under folders named (sorted, hidden folders skipped).
  static func collect(_ paths: [String]) throws -> [String] {
    var files: [String] = []
    for path in paths {
      if path == "-" {
        files.append(path)
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw UsageError("no such file or folder: \(path)")
      }
      if !isDirectory.boolValue {
        files.append(path)
        continue
      }
      let enumerator = FileManager.default.enumerator(atPath: path)
      var found: [String] = []
      while let relative = enumerator?.nextObject() as? String {
        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
        if relative.hasSuffix(".txt") { found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative) }
      }
      files.append(contentsOf: found.sorted())
    }
    return files
  }
}
