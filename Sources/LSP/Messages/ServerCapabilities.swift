/// What the server supports, sent in the `initialize` result; nil members are omitted (not supported).
public struct ServerCapabilities: Codable, Sendable, Hashable {
  /// The position encoding chosen from those the client offered; omitted means UTF-16.
  public var positionEncoding: PositionEncodingKind?
  /// How documents are synchronized.
  public var textDocumentSync: TextDocumentSyncOptions?
  /// Pull diagnostics support.
  public var diagnosticProvider: DiagnosticOptions?
  /// Code action support.
  public var codeActionProvider: CodeActionOptions?
  /// Hover support.
  public var hoverProvider: Bool?
  /// Document symbol (outline) support.
  public var documentSymbolProvider: Bool?
  /// Folding range support.
  public var foldingRangeProvider: Bool?
  /// Whole-document formatting support.
  public var documentFormattingProvider: Bool?
  /// Completion support.
  public var completionProvider: CompletionOptions?
  /// Inlay hint support.
  public var inlayHintProvider: Bool?
  /// Semantic token support.
  public var semanticTokensProvider: SemanticTokensOptions?
  /// Commands the server executes via `workspace/executeCommand`.
  public var executeCommandProvider: ExecuteCommandOptions?

  /// Creates capabilities; everything is unsupported unless given.
  public init(
    positionEncoding: PositionEncodingKind? = nil, textDocumentSync: TextDocumentSyncOptions? = nil,
    diagnosticProvider: DiagnosticOptions? = nil, codeActionProvider: CodeActionOptions? = nil,
    hoverProvider: Bool? = nil, documentSymbolProvider: Bool? = nil, foldingRangeProvider: Bool? = nil,
    documentFormattingProvider: Bool? = nil, completionProvider: CompletionOptions? = nil,
    inlayHintProvider: Bool? = nil, semanticTokensProvider: SemanticTokensOptions? = nil,
    executeCommandProvider: ExecuteCommandOptions? = nil
  ) {
    self.positionEncoding = positionEncoding
    self.textDocumentSync = textDocumentSync
    self.diagnosticProvider = diagnosticProvider
    self.codeActionProvider = codeActionProvider
    self.hoverProvider = hoverProvider
    self.documentSymbolProvider = documentSymbolProvider
    self.foldingRangeProvider = foldingRangeProvider
    self.documentFormattingProvider = documentFormattingProvider
    self.completionProvider = completionProvider
    self.inlayHintProvider = inlayHintProvider
    self.semanticTokensProvider = semanticTokensProvider
    self.executeCommandProvider = executeCommandProvider
  }
}

/// How the client sends document changes.
public struct TextDocumentSyncKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Documents are not synchronized.
  public static let none = TextDocumentSyncKind(rawValue: 0)
  /// Every change sends the full text.
  public static let full = TextDocumentSyncKind(rawValue: 1)
  /// Changes send only the edited ranges.
  public static let incremental = TextDocumentSyncKind(rawValue: 2)
}

/// Options for `textDocument/didSave`.
public struct SaveOptions: Codable, Sendable, Hashable {
  /// Whether the saved text is included in the notification.
  public var includeText: Bool?
  /// Creates save options.
  public init(includeText: Bool? = nil) { self.includeText = includeText }
}

/// Document synchronization options.
public struct TextDocumentSyncOptions: Codable, Sendable, Hashable {
  /// Whether open and close notifications are sent.
  public var openClose: Bool?
  /// How changes are sent.
  public var change: TextDocumentSyncKind?
  /// Whether (and how) save notifications are sent.
  public var save: SaveOptions?

  /// Creates sync options.
  public init(openClose: Bool? = nil, change: TextDocumentSyncKind? = nil, save: SaveOptions? = nil) {
    self.openClose = openClose
    self.change = change
    self.save = save
  }
}

/// Pull diagnostics options.
public struct DiagnosticOptions: Codable, Sendable, Hashable {
  /// An identifier the client echoes in requests, to tell several diagnostic providers apart.
  public var identifier: String?
  /// Whether a change in one document can change diagnostics of another.
  public var interFileDependencies: Bool
  /// Whether `workspace/diagnostic` is supported.
  public var workspaceDiagnostics: Bool

  /// Creates diagnostic options.
  public init(identifier: String? = nil, interFileDependencies: Bool = false, workspaceDiagnostics: Bool = false) {
    self.identifier = identifier
    self.interFileDependencies = interFileDependencies
    self.workspaceDiagnostics = workspaceDiagnostics
  }
}

/// Code action options.
public struct CodeActionOptions: Codable, Sendable, Hashable {
  /// The kinds the server may return, so clients can filter menus.
  public var codeActionKinds: [CodeActionKind]?
  /// Whether `codeAction/resolve` is supported.
  public var resolveProvider: Bool?

  /// Creates code action options.
  public init(codeActionKinds: [CodeActionKind]? = nil, resolveProvider: Bool? = nil) {
    self.codeActionKinds = codeActionKinds
    self.resolveProvider = resolveProvider
  }
}

/// Completion options.
public struct CompletionOptions: Codable, Sendable, Hashable {
  /// Characters that trigger completion automatically.
  public var triggerCharacters: [String]?
  /// Whether `completionItem/resolve` is supported.
  public var resolveProvider: Bool?

  /// Creates completion options.
  public init(triggerCharacters: [String]? = nil, resolveProvider: Bool? = nil) {
    self.triggerCharacters = triggerCharacters
    self.resolveProvider = resolveProvider
  }
}

/// Semantic token options.
public struct SemanticTokensOptions: Codable, Sendable, Hashable {
  /// The token types and modifiers the data indexes into.
  public var legend: SemanticTokensLegend
  /// Whether whole-document tokens are provided.
  public var full: Bool?
  /// Whether range requests are supported.
  public var range: Bool?

  /// Creates semantic token options.
  public init(legend: SemanticTokensLegend, full: Bool? = true, range: Bool? = nil) {
    self.legend = legend
    self.full = full
    self.range = range
  }
}

/// Commands available through `workspace/executeCommand`.
public struct ExecuteCommandOptions: Codable, Sendable, Hashable {
  /// The command identifiers.
  public var commands: [String]

  /// Creates the options.
  public init(commands: [String]) { self.commands = commands }
}
