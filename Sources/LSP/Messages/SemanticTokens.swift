/// Names for the token type and modifier indices used in `SemanticTokens.data`.
public struct SemanticTokensLegend: Codable, Sendable, Hashable {
  /// Token types, indexed by the fourth integer of each token.
  public var tokenTypes: [String]
  /// Token modifiers, as bits of the fifth integer of each token.
  public var tokenModifiers: [String]

  /// Creates a legend.
  public init(tokenTypes: [String], tokenModifiers: [String] = []) {
    self.tokenTypes = tokenTypes
    self.tokenModifiers = tokenModifiers
  }
}

/// `textDocument/semanticTokens/full`.
public struct SemanticTokensParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/semanticTokens/full"
  /// The result type.
  public typealias Response = SemanticTokens?

  /// The document.
  public var textDocument: TextDocumentIdentifier

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

/// Semantic tokens, five integers each: delta line, delta start character (relative to the previous token on the
/// same line), length, token type index, modifier bit set.
public struct SemanticTokens: Codable, Sendable, Hashable {
  /// An id for later delta requests.
  public var resultId: String?
  /// The encoded tokens.
  public var data: [UInt32]

  /// Creates tokens.
  public init(resultId: String? = nil, data: [UInt32]) {
    self.resultId = resultId
    self.data = data
  }
}
