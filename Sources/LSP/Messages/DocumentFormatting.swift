/// The editor's formatting preferences.
public struct FormattingOptions: Codable, Sendable, Hashable {
  /// The tab width in spaces.
  public var tabSize: Int
  /// Whether to indent with spaces.
  public var insertSpaces: Bool
  /// Whether to trim trailing whitespace on each line.
  public var trimTrailingWhitespace: Bool?
  /// Whether to end the file with a newline.
  public var insertFinalNewline: Bool?
  /// Whether to remove blank lines at the end of the file.
  public var trimFinalNewlines: Bool?

  /// Creates options.
  public init(
    tabSize: Int = 2, insertSpaces: Bool = true, trimTrailingWhitespace: Bool? = nil,
    insertFinalNewline: Bool? = nil, trimFinalNewlines: Bool? = nil
  ) {
    self.tabSize = tabSize
    self.insertSpaces = insertSpaces
    self.trimTrailingWhitespace = trimTrailingWhitespace
    self.insertFinalNewline = insertFinalNewline
    self.trimFinalNewlines = trimFinalNewlines
  }
}

/// `textDocument/formatting`: format the whole document.
public struct DocumentFormattingParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/formatting"
  /// The result type: edits against the current text.
  public typealias Response = [TextEdit]?

  /// The document.
  public var textDocument: TextDocumentIdentifier
  /// The editor's preferences.
  public var options: FormattingOptions

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier, options: FormattingOptions) {
    self.textDocument = textDocument
    self.options = options
  }
}
