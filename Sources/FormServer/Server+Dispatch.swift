import LSP

extension Server {
  /// Runs the handler of a request and returns its serialized result, or nil when the handler answers later itself
  /// (`workspace/diagnostic`, which checks files between other messages). Diagnostic reports are assembled from
  /// the per-form bytes that publishing uses; every other result is a value serialized here.
  func dispatch(_ request: RequestMessage) throws -> SerializedJSON? {
    if Server.readsFindings.contains(request.method) { try lintCancellably(request) }
    switch request.method {
    case DocumentDiagnosticParams.method: return try documentDiagnostic(request.decodeParams(DocumentDiagnosticParams.self))
    case WorkspaceDiagnosticParams.method:
      try startWorkspaceDiagnostic(request)
      return nil
    default: return SerializedJSON(try dispatchValue(request))
    }
  }

  /// Requests answered from a document's findings: the document is checked first, stopping between forms when the
  /// request is cancelled (`$/cancelRequest` is read by the connection's reader while the check runs).
  static let readsFindings: Set<String> = [DocumentDiagnosticParams.method, CodeActionParams.method, HoverParams.method]

  /// Checks the request's document unless that is done for its revision, or throws -32800 when the request was
  /// cancelled before the check finished. A request naming no open document is left to its handler.
  private func lintCancellably(_ request: RequestMessage) throws {
    guard case .string(let uri)? = request.params?["textDocument"]?["uri"], let document = documents[uri] else { return }
    guard document.lint(unlessCancelled: { isCancelled(request.id) }) else { throw ResponseError.requestCancelled }
  }

  private func dispatchValue(_ request: RequestMessage) throws -> JSONValue {
    switch request.method {
    case InitializeParams.method: return try initializeRequest(request)
    case ShutdownRequest.method: return try answer(request, ShutdownRequest.self) { _ in shutdown() }
    case CodeActionParams.method: return try answer(request, CodeActionParams.self, codeActions)
    case CodeActionResolveRequest.method: return try answer(request, CodeActionResolveRequest.self, resolveCodeAction)
    case HoverParams.method: return try answer(request, HoverParams.self, hover)
    case DocumentSymbolParams.method: return try answer(request, DocumentSymbolParams.self, documentSymbols)
    case FoldingRangeParams.method: return try answer(request, FoldingRangeParams.self, foldingRanges)
    case DocumentFormattingParams.method: return try answer(request, DocumentFormattingParams.self, formatting)
    case CompletionParams.method: return try answer(request, CompletionParams.self, completion)
    case InlayHintParams.method: return try answer(request, InlayHintParams.self, inlayHints)
    case SemanticTokensParams.method: return try answer(request, SemanticTokensParams.self, semanticTokens)
    case MemoryUsageRequest.method: return try answer(request, MemoryUsageRequest.self, memoryUsage)
    default:
      throw ResponseError.methodNotFound(request.method)
    }
  }

  /// Runs the handler of a notification; unknown ones are ignored (`$/` ones silently, as the spec asks).
  func dispatch(_ notification: NotificationMessage) throws {
    switch notification.method {
    case InitializedParams.method: initialized()
    case DidOpenTextDocumentParams.method: try accept(notification, DidOpenTextDocumentParams.self, didOpen)
    case DidChangeTextDocumentParams.method: try accept(notification, DidChangeTextDocumentParams.self, didChange)
    case DidCloseTextDocumentParams.method: try accept(notification, DidCloseTextDocumentParams.self, didClose)
    case DidSaveTextDocumentParams.method: try accept(notification, DidSaveTextDocumentParams.self, didSave)
    case DidChangeWatchedFilesParams.method:
      try accept(notification, DidChangeWatchedFilesParams.self, didChangeWatchedFiles)
    case DidChangeConfigurationParams.method:
      try accept(notification, DidChangeConfigurationParams.self, didChangeConfiguration)
    case DidChangeWorkspaceFoldersParams.method:
      try accept(notification, DidChangeWorkspaceFoldersParams.self, didChangeWorkspaceFolders)
    case CancelParams.method:
      break  // Recorded when it arrived (see `start()`).
    case WorkDoneProgressCancelParams.method:
      try accept(notification, WorkDoneProgressCancelParams.self) { cancelWork(token: $0.token) }
    case let method where method.hasPrefix("$/"):
      break
    default:
      log(.log, "Ignored notification \(notification.method)")
    }
  }
}
