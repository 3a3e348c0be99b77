/// Edits to one versioned document, as used in `WorkspaceEdit.documentChanges`.
public struct TextDocumentEdit: Codable, Sendable, Hashable {
  /// The document and the version the edits apply to.
  public var textDocument: OptionalVersionedTextDocumentIdentifier
  /// The edits, non-overlapping, all relative to the original text.
  public var edits: [TextEdit]

  /// Creates a document edit.
  public init(textDocument: OptionalVersionedTextDocumentIdentifier, edits: [TextEdit]) {
    self.textDocument = textDocument
    self.edits = edits
  }
}

/// Changes to many documents.
///
/// `documentChanges` holds text edits only: file create/rename/delete operations are not modelled, so a workspace
/// edit containing them does not decode. Prefer `documentChanges` when the client supports it, since it is
/// versioned and the client can refuse stale edits.
public struct WorkspaceEdit: Codable, Sendable, Hashable {
  /// Unversioned edits keyed by document URI.
  public var changes: [DocumentURI: [TextEdit]]?
  /// Versioned edits per document.
  public var documentChanges: [TextDocumentEdit]?

  /// Creates a workspace edit.
  public init(changes: [DocumentURI: [TextEdit]]? = nil, documentChanges: [TextDocumentEdit]? = nil) {
    self.changes = changes
    self.documentChanges = documentChanges
  }
}
