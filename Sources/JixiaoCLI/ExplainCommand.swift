import FormLint

/// `jixiao explain CODE`: a rule's documentation.
enum ExplainCommand {
  static let command = Jixiao.Command(
    name: "explain", summary: "Print a rule's documentation (by code or name).", usage: "jixiao explain [--full] JX301|budget-mismatch",
    options: [OptionSpec("--full", help: "Show every example as a whole form (default: the lines around the finding).")],
    run: { arguments, console in
      guard let key = arguments.positionals.first else { throw UsageError(zh: "请指定一条规则，如 `jixiao explain JX301`", en: "name a rule, e.g. `jixiao explain JX301`") }
      guard let rule = RuleRegistry.rule(named: key) else { throw UsageError(zh: "没有规则“\(key)”（见 `jixiao rules`）", en: "no rule '\(key)' (see `jixiao rules`)") }
      console.print(RuleDocs.page(for: rule.description, excerpts: !arguments.flag("--full")), terminator: "")
      return ExitCode.success
    })
}
