import FormLint

/// `jixiao rules`: every rule, one per line.
enum RulesCommand {
  static let command = Jixiao.Command(
    name: "rules", summary: "List every rule.", usage: "jixiao rules [--format text|json] [--lang zh|en]",
    options: [
      OptionSpec("--format", value: "text|json", help: "Output format (default: text)."),
      OptionSpec("--lang", value: "zh|en", help: "Language of summaries (default: zh)."),
    ],
    run: { arguments, console in
      let language = Language(rawValue: arguments.value("--lang") ?? "zh") ?? .zh
      let rules = RuleRegistry.all.map { $0.description }
      if arguments.value("--format") == "json" {
        console.print(JSON.array(rules.map { rule in
          .object([
            ("code", .string(rule.code)), ("name", .string(rule.name)), ("severity", .string(rule.severity.rawValue)),
            ("fix", .bool(rule.fixDescription != nil)), ("optIn", .bool(rule.isOptIn)),
            ("summary", .string(rule.summary.text(language))),
          ])
        }).pretty)
      } else {
        for rule in rules {
          let flags = (rule.fixDescription != nil ? "fix" : "   ") + (rule.isOptIn ? " opt-in" : "")
          console.print("\(rule.code)  \(rule.name.padding(to: 32))\(rule.severity.rawValue.padding(to: 12))\(flags.padding(to: 11))\(rule.summary.text(language))")
        }
      }
      return ExitCode.success
    })
}
