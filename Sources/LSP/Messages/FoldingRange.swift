/// The kind of a folding range, used by "fold all comments" and similar commands.
public struct FoldingRangeKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire name.
  public var rawValue: String
  /// Wraps a wire name.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// A comment.
  public static let comment = FoldingRangeKind(rawValue: "comment")
  /// Imports.
  public static let imports = FoldingRangeKind(rawValue: "imports")
  /// A region.
  public static let region = FoldingRangeKind(rawValue: "region")
}

/// `textDocument/foldingRange`.
public struct FoldingRangeParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/foldingRange"
  /// The result type.
  public typealias Response = [FoldingRange]?

  /// The document.
  public var textDocument: TextDocumentIdentifier

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

/// A foldable span of lines.
public struct FoldingRange: Codable, Sendable, Hashable {
  /// The first line (stays visible).
  public var startLine: Int
  /// Where folding starts on the first line; the line end when nil.
  public var startCharacter: Int?
  /// The last line folded.
  public var endLine: Int
  /// Where folding ends on the last line; the line end when nil.
  public var endCharacter: Int?
  /// The kind.
  public var kind: FoldingRangeKind?
  /// Text shown in place of the folded lines.
  public var collapsedText: String?

  /// Creates a folding range.
  public init(
    startLine: Int, startCharacter: Int? = nil, endLine: Int, endCharacter: Int? = nil,
    kind: FoldingRangeKind? = nil, collapsedText: String? = nil
  ) {
    self.startLine = startLine
    self.startCharacter = startCharacter
    self.endLine = endLine
    self.endCharacter = endCharacter
    self.kind = kind
    self.collapsedText = collapsedText
  }
}
