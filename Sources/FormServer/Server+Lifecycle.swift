import FormLint
import Foundation
import LSP

extension Server {
  /// The code action kind of fix-all.
  static let fixAllKind = CodeActionKind(rawValue: "source.fixAll.jixiao")

  /// `initialize`, with the capabilities `ServerCapabilities` does not model added as JSON.
  func initializeRequest(_ request: RequestMessage) throws -> JSONValue {
    let result = try answer(request, InitializeParams.self, initialize)
    // Multi-root workspaces: folders added or removed later arrive as notifications.
    let workspace: JSONValue = ["workspaceFolders": ["supported": true, "changeNotifications": true]]
    return result.setting("capabilities", (result["capabilities"] ?? [:]).setting("workspace", workspace))
  }

  func initialize(_ params: InitializeParams) throws -> InitializeResult {
    guard lifecycle == .uninitialized else { throw ResponseError.invalidRequest("initialize was already received") }
    session.params = params
    session.encoding = .negotiate(offered: params.positionEncodings)
    var folders = (params.workspaceFolders ?? []).compactMap { Session.path(of: $0.uri) }
    if folders.isEmpty, let root = params.rootUri.flatMap(Session.path(of:)) ?? params.rootPath { folders = [root] }
    session.workspaceFolders = folders
    configurations.reset(folders: folders, editorSettings: params.initializationOptions, fallbackLanguage: session.language)
    applyServerSettings()
    for warning in configurations.takeWarnings() { log(.warning, warning) }
    lifecycle = .running
    return InitializeResult(capabilities: capabilities(), serverInfo: ServerInfo(name: "jixiao", version: options.version))
  }

  func capabilities() -> ServerCapabilities {
    ServerCapabilities(
      positionEncoding: session.encoding,
      textDocumentSync: TextDocumentSyncOptions(openClose: true, change: .incremental, save: SaveOptions(includeText: false)),
      diagnosticProvider: session.usesPullDiagnostics
        ? DiagnosticOptions(identifier: "jixiao", interFileDependencies: false, workspaceDiagnostics: true) : nil,
      codeActionProvider: CodeActionOptions(codeActionKinds: [.quickFix, Server.fixAllKind], resolveProvider: true),
      hoverProvider: true, documentSymbolProvider: true, foldingRangeProvider: true, documentFormattingProvider: true,
      completionProvider: CompletionOptions(triggerCharacters: nil, resolveProvider: false), inlayHintProvider: true,
      semanticTokensProvider: SemanticTokensOptions(legend: SemanticTokenKind.legend, full: true, range: false))
  }

  /// Applies the editor settings only the server reads: the debounce and the rule documentation address.
  func applyServerSettings() {
    if let debounce = configurations.debounceMilliseconds { options.debounceMilliseconds = debounce }
    session.documentation =
      configurations.documentationURL.map(RuleDocumentation.init(baseURL:))
      ?? options.ruleDocumentationFolder.map(RuleDocumentation.init(folder:))
  }

  func initialized() {
    // Watching is the client's job (the spec prefers it to a server-side watcher); ask for config files.
    guard session.params.supportsWatchedFilesRegistration else { return }
    let watchers: JSONValue = ["watchers": [["globPattern": .string("**/\(ConfigurationFile.fileName)")]]]
    sendRequest(
      RegistrationParams(registrations: [
        Registration(id: "jixiao-config-watcher", method: DidChangeWatchedFilesParams.method, registerOptions: watchers)
      ]))
  }

  func didChangeWorkspaceFolders(_ params: DidChangeWorkspaceFoldersParams) {
    let removed = Set(params.event.removed.compactMap { Session.path(of: $0.uri) })
    let added = params.event.added.compactMap { Session.path(of: $0.uri) }
    session.workspaceFolders = session.workspaceFolders.filter { !removed.contains($0) } + added
    configurations.setFolders(session.workspaceFolders)
    reloadConfiguration()
  }

  func shutdown() -> NullResult {
    lifecycle = .shuttingDown
    scheduledPublish.removeAll()
    return NullResult()
  }
}
