import FormLint

/// The words the CLI puts around its own messages, in the chosen language.
enum CLIMessages {
  /// `错误：…` / `error: …`.
  static func error(_ text: String, _ language: Language) -> String { (LocalizedText(zh: "错误：", en: "error: ").text(language)) + text }

  /// `警告：…` / `warning: …`.
  static func warning(_ text: String, _ language: Language) -> String { (LocalizedText(zh: "警告：", en: "warning: ").text(language)) + text }

  /// An error thrown while reading, checking or writing, described in `language`.
  static func describe(_ error: Error, _ language: Language) -> String {
    switch error {
    case let error as UsageError: return error.text.text(language)
    case let error as SourceFileError: return describe(error, language)
    case let error as OfficeInputError: return error.text(language)
    case let error as ConfigurationError:
      return LocalizedText(zh: "配置文件有误：", en: "invalid configuration: ").text(language) + error.text(language)
    default: return "\(error)"
    }
  }

  static func describe(_ error: SourceFileError, _ language: Language) -> String {
    guard language == .zh else { return error.description }
    switch error {
    case .undecodable(let path):
      return "\(path)：不是 UTF-8、UTF-16 或 UTF-32（带 BOM）或 GB18030 文本，未检查，也不会写入"
    case .binary(let path):
      return "\(path)：含有 NUL 字节（无 BOM 的 UTF-16 或 UTF-32，或不是文本），未检查，也不会写入（请另存为 UTF-8）"
    case .tooLarge(let path, let size, let limit):
      return "\(path)：\(size) 字节，超过上限 \(limit) 字节，未检查（用 --max-file-size 或 .jixiao.json 的 \"maxFileSize\" 调高上限）"
    case .unreadable(let path, let reason): return "\(path)：无法读取（\(reason)）"
    case .unwritable(let path, let reason): return "\(path)：未写入（\(reason)）"
    }
  }

  /// The language of messages before any configuration is read: `--lang` wherever it is on the command line,
  /// else Chinese.
  static func language(in arguments: [String]) -> Language {
    for (index, argument) in arguments.enumerated() {
      if argument == "--" { break }
      if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) { return language }
      if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1]) {
        return language
      }
    }
    return .zh
  }
}
