extension Severity {
  /// The severity as a finding's label, in every output that names it (`错误` / `error`, `信息` / `info`).
  public var word: LocalizedText {
    switch self {
    case .error: LocalizedText(zh: "错误", en: "error")
    case .warning: LocalizedText(zh: "警告", en: "warning")
    case .information: LocalizedText(zh: "信息", en: "info")
    case .hint: LocalizedText(zh: "提示", en: "hint")
    }
  }

  /// The heading of a count of findings of this severity (`错误` / `Errors`).
  public var heading: LocalizedText {
    switch self {
    case .error: LocalizedText(zh: "错误", en: "Errors")
    case .warning: LocalizedText(zh: "警告", en: "Warnings")
    case .information: LocalizedText(zh: "信息", en: "Information")
    case .hint: LocalizedText(zh: "提示", en: "Hints")
    }
  }
}
