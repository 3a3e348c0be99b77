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
    CheckCommand.command, ReportCommand.command, ConvertCommand.command, AnnotateCommand.command, ExportCommand.command,
    ExplainCommand.command, RulesCommand.command,
    GenerateDocsCommand.command, TemplatesCommand.command, DebugCommand.command, ServerCommand.command,
  ]

  static let overview = """
    jixiao — a linter and language server for 项目支出绩效目标表 (performance-target forms)

    Usage: jixiao <command> [options]

    Commands:
    \(commands.map { "  " + $0.name.padding(to: 15) + $0.summary }.joined(separator: "\n"))

    Run `jixiao help <command>` for a command's options. `jixiao --version` prints the version.
    """

  /// `--lang`, accepted by every command (the language of messages and errors).
  static let languageOption = OptionSpec("--lang", value: "zh|en", help: "Language of messages and errors (default: zh).")

  /// A command's options, `--lang` included.
  static func options(of command: Command) -> [OptionSpec] {
    command.options.contains { $0.names.contains("--lang") } ? command.options : command.options + [languageOption]
  }

  /// Runs a command line (without the program name) and returns the exit code.
  public static func main(_ arguments: [String], console: Console = .standard()) -> Int32 {
    let language = CLIMessages.language(in: arguments)
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
        let message = LocalizedText(zh: "未知的命令“\(arguments[1])”", en: "unknown command '\(arguments[1])'").text(language)
        console.error(CLIMessages.error(message, language) + "\n\n\(overview)")
        return ExitCode.usage
      }
      console.print(helpText(usage: command.usage, summary: command.summary, options: options(of: command)))
      return ExitCode.success
    default:
      break
    }
    guard let command = commands.first(where: { $0.name == first }) else {
      let message = LocalizedText(
        zh: "未知的命令“\(first)”。运行 `jixiao --help` 查看命令列表。",
        en: "unknown command '\(first)'. Run `jixiao --help` for the list of commands.")
      console.error(CLIMessages.error(message.text(language), language))
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      console.print(helpText(usage: command.usage, summary: command.summary, options: options(of: command)))
      return ExitCode.success
    }
    do {
      let parsed = try ParsedArguments.parse(rest, specs: options(of: command))
      if let value = parsed.value("--lang"), Language(rawValue: value) == nil {
        throw UsageError(zh: "未知的语言“\(value)”（可用：zh、en）", en: "unknown language '\(value)' (zh, en)")
      }
      return try command.run(parsed, console)
    } catch let error as UsageError {
      let hint = LocalizedText(
        zh: "用法：\(command.usage)\n运行 `jixiao help \(command.name)` 查看详细说明。",
        en: "Usage: \(command.usage)\nRun `jixiao help \(command.name)` for details.")
      console.error(CLIMessages.error(error.text.text(language), language) + "\n\n" + hint.text(language))
      return ExitCode.usage
    } catch {
      console.error(CLIMessages.error(CLIMessages.describe(error, language), language))
      return ExitCode.usage
    }
  }
}
