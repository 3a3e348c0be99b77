/// Names a text document.
public struct TextDocumentIdentifier: Codable, Sendable, Hashable {
  /// The document's URI.
  public var uri: DocumentURI

  /// Creates an identifier.
  public init(uri: DocumentURI) { self.uri = uri }
}

/// Names a specific version of a text document.
public struct VersionedTextDocumentIdentifier: Codable, Sendable, Hashable {
  /// The document's URI.
  public var uri: DocumentURI
  /// The version after the change it accompanies; it increases with every change.
  public var version: Int

  /// Creates an identifier.
  public init(uri: DocumentURI, version: Int) {
    self.uri = uri
    self.version = version
  }
}

/// Names a text document and, when known, its version (`null` on the wire means the file on disk).
public struct OptionalVersionedTextDocumentIdentifier: Codable, Sendable, Hashable {
  /// The document's URI.
  public var uri: DocumentURI
  /// The version, or nil for the on-disk state.
  public var version: Int?

  /// Creates an identifier.
  public init(uri: DocumentURI, version: Int?) {
    self.uri = uri
    self.version = version
  }

  /// Always writes `version`, as `null` when nil, because the spec makes the member required.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(uri, forKey: .uri)
    try container.encode(version, forKey: .version)
  }
}

/// A document's full content as opened in the editor.
public struct TextDocumentItem: Codable, Sendable, Hashable {
  /// The document's URI.
  public var uri: DocumentURI
  /// The language id, such as `jixiao`.
  public var languageId: String
  /// The version; it increases with every change.
  public var version: Int
  /// The full text.
  public var text: String

  /// Creates an item.
  public init(uri: DocumentURI, languageId: String, version: Int, text: String) {
    self.uri = uri
    self.languageId = languageId
    self.version = version
    self.text = text
  }
}
