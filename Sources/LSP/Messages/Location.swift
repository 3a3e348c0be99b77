/// A range inside a document.
public struct Location: Codable, Sendable, Hashable {
  /// The document.
  public var uri: DocumentURI
  /// The range in the document.
  public var range: LSPRange

  /// Creates a location.
  public init(uri: DocumentURI, range: LSPRange) {
    self.uri = uri
    self.range = range
  }
}
