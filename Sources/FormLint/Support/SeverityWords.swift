extension Severity {
  /// The severity as a finding's label, in every output that names it (`错误` / `error`, `信息` / `info`).
  public var word: LocalizedText { LocalizedText(zh: names.zh, en: names.en) }

  /// The heading of a count of findings of this severity (`错误` / `Errors`).
  public var heading: LocalizedText { LocalizedText(zh: names.zh, en: names.enHeading) }

  private var names: (zh: String, en: String, enHeading: String) {
    switch self {
    case .error: ("错误", "error", "Errors")
    case .warning: ("警告", "warning", "Warnings")
    case .information: ("信息", "info", "Information")
    case .hint: ("提示", "hint", "Hints")
    }
  }
}
