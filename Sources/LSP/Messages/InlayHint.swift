/// The kind of an inlay hint.
public struct InlayHintKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// A type annotation.
  public static let type = InlayHintKind(rawValue: 1)
  /// A parameter name.
  public static let parameter = InlayHintKind(rawValue: 2)
}

/// `textDocument/inlayHint`.
public struct InlayHintParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/inlayHint"
  /// The result type.
  public typealias Response = [InlayHint]?

  /// The document.
  public var textDocument: TextDocumentIdentifier
  /// The visible range hints are wanted for.
  public var range: LSPRange

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier, range: LSPRange) {
    self.textDocument = textDocument
    self.range = range
  }
}

/// Text shown inline in the editor without being part of the document.
///
/// Only string labels are modelled; the spec's label parts (clickable segments) are not.
public struct InlayHint: Codable, Sendable, Hashable {
  /// Where the hint is shown.
  public var position: Position
  /// The text shown.
  public var label: String
  /// The kind.
  public var kind: InlayHintKind?
  /// Edits applied if the user accepts the hint, typically making it real text.
  public var textEdits: [TextEdit]?
  /// A tooltip.
  public var tooltip: MarkupContent?
  /// Whether to add space before the label.
  public var paddingLeft: Bool?
  /// Whether to add space after the label.
  public var paddingRight: Bool?
  /// Data kept for `inlayHint/resolve`.
  public var data: JSONValue?

  /// Creates a hint.
  public init(
    position: Position, label: String, kind: InlayHintKind? = nil, textEdits: [TextEdit]? = nil,
    tooltip: MarkupContent? = nil, paddingLeft: Bool? = nil, paddingRight: Bool? = nil, data: JSONValue? = nil
  ) {
    self.position = position
    self.label = label
    self.kind = kind
    self.textEdits = textEdits
    self.tooltip = tooltip
    self.paddingLeft = paddingLeft
    self.paddingRight = paddingRight
    self.data = data
  }
}
