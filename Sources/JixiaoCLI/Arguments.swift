import FormLint

/// A declared option of a command, for parsing and for `--help`.
struct OptionSpec: Sendable {
  let names: [String]
  let valueName: String?
  let help: String

  init(_ names: String..., value: String? = nil, help: String) {
    self.names = names
    valueName = value
    self.help = help
  }
}

/// Parsed options: flags, valued options (repeatable) and positional arguments.
struct ParsedArguments {
  var flags: Set<String> = []
  var values: [String: [String]] = [:]
  var positionals: [String] = []

  func flag(_ name: String) -> Bool { flags.contains(name) }
  func value(_ name: String) -> String? { values[name]?.last }
  /// The language `--lang` chose (Chinese when absent).
  var language: Language { value("--lang").flatMap(Language.init(rawValue:)) ?? .zh }
  /// All values of a repeatable option, comma-separated lists split.
  func list(_ name: String) -> [String] {
    (values[name] ?? []).flatMap { $0.split(separator: ",").map { String($0).trimmingSpaces() } }.filter { !$0.isEmpty }
  }

  /// Parses `arguments` against `specs`; the canonical name of an option is its first (long) name.
  static func parse(_ arguments: [String], specs: [OptionSpec]) throws -> ParsedArguments {
    var result = ParsedArguments()
    var index = 0
    var onlyPositionals = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
        result.positionals.append(argument)
        continue
      }
      if argument == "--" {
        onlyPositionals = true
        continue
      }
      var name = argument
      var inlineValue: String?
      if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
        name = String(argument[..<equals])
        inlineValue = String(argument[argument.index(after: equals)...])
      }
      guard let spec = specs.first(where: { $0.names.contains(name) }) else {
        throw UsageError(zh: "未知的选项“\(name)”", en: "unknown option '\(name)'")
      }
      let canonical = spec.names[0]
      if spec.valueName != nil {
        let value: String
        if let inlineValue {
          value = inlineValue
        } else if index < arguments.count {
          value = arguments[index]
          index += 1
        } else {
          throw UsageError(zh: "选项“\(name)”需要一个值（\(spec.valueName!)）", en: "option '\(name)' needs a value (\(spec.valueName!))")
        }
        result.values[canonical, default: []].append(value)
      } else {
        guard inlineValue == nil else { throw UsageError(zh: "选项“\(name)”不带值", en: "option '\(name)' takes no value") }
        result.flags.insert(canonical)
      }
    }
    return result
  }
}

extension String {
  func trimmingSpaces() -> String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    while text.last == " " { text.removeLast() }
    return String(text)
  }
}

/// Help text for a command from its declared options.
func helpText(usage: String, summary: String, options: [OptionSpec]) -> String {
  var lines = [summary, "", "Usage: \(usage)"]
  if !options.isEmpty {
    lines.append("")
    lines.append("Options:")
    let labels = options.map { spec in
      spec.names.joined(separator: ", ") + (spec.valueName.map { " <\($0)>" } ?? "")
    }
    let width = (labels.map(\.count).max() ?? 0) + 2
    for (label, spec) in zip(labels, options) {
      lines.append("  " + label.padding(to: width) + spec.help)
    }
  }
  return lines.joined(separator: "\n")
}

extension String {
  func padding(to width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
