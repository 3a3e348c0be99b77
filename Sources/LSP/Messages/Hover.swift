/// The format of `MarkupContent`.
public struct MarkupKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire name.
  public var rawValue: String
  /// Wraps a wire name.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Plain text.
  public static let plaintext = MarkupKind(rawValue: "plaintext")
  /// GitHub-flavoured Markdown.
  public static let markdown = MarkupKind(rawValue: "markdown")
}

/// Formatted text for hovers and documentation.
public struct MarkupContent: Codable, Sendable, Hashable {
  /// The format.
  public var kind: MarkupKind
  /// The text.
  public var value: String

  /// Creates content.
  public init(kind: MarkupKind = .markdown, value: String) {
    self.kind = kind
    self.value = value
  }
}

/// `textDocument/hover`.
public struct HoverParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/hover"
  /// The result type; nil when there is nothing to show.
  public typealias Response = Hover?

  /// The document.
  public var textDocument: TextDocumentIdentifier
  /// The position hovered.
  public var position: Position

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier, position: Position) {
    self.textDocument = textDocument
    self.position = position
  }
}

/// Hover information.
public struct Hover: Codable, Sendable, Hashable {
  /// The content.
  public var contents: MarkupContent
  /// The range the hover applies to, for highlighting.
  public var range: LSPRange?

  /// Creates a hover.
  public init(contents: MarkupContent, range: LSPRange? = nil) {
    self.contents = contents
    self.range = range
  }
}
