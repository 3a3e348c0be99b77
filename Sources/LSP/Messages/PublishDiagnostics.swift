/// `textDocument/publishDiagnostics`: the complete current diagnostics of one document (push model).
public struct PublishDiagnosticsParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "textDocument/publishDiagnostics"
  /// The document.
  public var uri: DocumentURI
  /// The document version the diagnostics were computed for, letting the client drop stale ones.
  public var version: Int?
  /// All diagnostics; an empty array clears them.
  public var diagnostics: [Diagnostic]

  /// Creates params.
  public init(uri: DocumentURI, version: Int? = nil, diagnostics: [Diagnostic]) {
    self.uri = uri
    self.version = version
    self.diagnostics = diagnostics
  }
}
