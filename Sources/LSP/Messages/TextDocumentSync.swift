/// `textDocument/didOpen`: the client now owns the document's content.
public struct DidOpenTextDocumentParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "textDocument/didOpen"
  /// The opened document with its full text.
  public var textDocument: TextDocumentItem

  /// Creates params.
  public init(textDocument: TextDocumentItem) { self.textDocument = textDocument }
}

/// One change to a document: a range replacement, or the full new text when `range` is nil.
public struct TextDocumentContentChangeEvent: Codable, Sendable, Hashable {
  /// The replaced range, in the text as it was after the previous change of the same notification; nil replaces
  /// the whole document.
  public var range: LSPRange?
  /// Deprecated length of the replaced range; ignore it in favour of `range`.
  public var rangeLength: Int?
  /// The new text for the range, or the whole document.
  public var text: String

  /// Creates a change event.
  public init(range: LSPRange? = nil, rangeLength: Int? = nil, text: String) {
    self.range = range
    self.rangeLength = rangeLength
    self.text = text
  }
}

/// `textDocument/didChange`: apply the changes in order.
public struct DidChangeTextDocumentParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "textDocument/didChange"
  /// The document and its version after all the changes.
  public var textDocument: VersionedTextDocumentIdentifier
  /// The changes, each relative to the text produced by the previous one.
  public var contentChanges: [TextDocumentContentChangeEvent]

  /// Creates params.
  public init(textDocument: VersionedTextDocumentIdentifier, contentChanges: [TextDocumentContentChangeEvent]) {
    self.textDocument = textDocument
    self.contentChanges = contentChanges
  }
}

/// `textDocument/didClose`: the document's truth is the file on disk again.
public struct DidCloseTextDocumentParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "textDocument/didClose"
  /// The closed document.
  public var textDocument: TextDocumentIdentifier

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

/// `textDocument/didSave`.
public struct DidSaveTextDocumentParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "textDocument/didSave"
  /// The saved document.
  public var textDocument: TextDocumentIdentifier
  /// The saved text, if `SaveOptions.includeText` was requested.
  public var text: String?

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier, text: String? = nil) {
    self.textDocument = textDocument
    self.text = text
  }
}
