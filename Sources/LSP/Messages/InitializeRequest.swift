/// The `initialize` request: the client's first message.
public struct InitializeParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "initialize"
  /// The result type.
  public typealias Response = InitializeResult

  /// The client's process id, so the server can exit if its parent dies; nil when unknown.
  public var processId: Int?
  /// Information about the client, such as `Visual Studio Code`.
  public var clientInfo: ClientInfo?
  /// The UI locale, such as `zh-cn`.
  public var locale: String?
  /// Deprecated in favour of `rootUri`.
  public var rootPath: String?
  /// Deprecated in favour of `workspaceFolders`.
  public var rootUri: DocumentURI?
  /// Options the user configured for this server.
  public var initializationOptions: JSONValue?
  /// The client capabilities, kept as JSON because they are vast; see the typed accessors.
  public var capabilities: JSONValue
  /// The initial trace setting: `off`, `messages` or `verbose`.
  public var trace: String?
  /// The open workspace folders; nil when the client does not support folders.
  public var workspaceFolders: [WorkspaceFolder]?

  /// Creates params.
  public init(
    processId: Int? = nil, clientInfo: ClientInfo? = nil, locale: String? = nil, rootPath: String? = nil,
    rootUri: DocumentURI? = nil, initializationOptions: JSONValue? = nil, capabilities: JSONValue = [:],
    trace: String? = nil, workspaceFolders: [WorkspaceFolder]? = nil
  ) {
    self.processId = processId
    self.clientInfo = clientInfo
    self.locale = locale
    self.rootPath = rootPath
    self.rootUri = rootUri
    self.initializationOptions = initializationOptions
    self.capabilities = capabilities
    self.trace = trace
    self.workspaceFolders = workspaceFolders
  }

  /// Decodes params, treating missing capabilities as none rather than rejecting the client.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    processId = try container.decodeIfPresent(Int.self, forKey: .processId)
    clientInfo = try container.decodeIfPresent(ClientInfo.self, forKey: .clientInfo)
    locale = try container.decodeIfPresent(String.self, forKey: .locale)
    rootPath = try container.decodeIfPresent(String.self, forKey: .rootPath)
    rootUri = try container.decodeIfPresent(DocumentURI.self, forKey: .rootUri)
    initializationOptions = try container.decodeIfPresent(JSONValue.self, forKey: .initializationOptions)
    capabilities = try container.decodeIfPresent(JSONValue.self, forKey: .capabilities) ?? [:]
    trace = try container.decodeIfPresent(String.self, forKey: .trace)
    workspaceFolders = try container.decodeIfPresent([WorkspaceFolder].self, forKey: .workspaceFolders)
  }
}

extension InitializeParams {
  /// The position encodings the client offers, most preferred first; nil means only UTF-16 (the default).
  public var positionEncodings: [PositionEncodingKind]? {
    capabilities["general"]?["positionEncodings"]?.arrayValue?.compactMap {
      $0.stringValue.map(PositionEncodingKind.init(rawValue:))
    }
  }

  /// Whether the client can pull diagnostics (`textDocument/diagnostic`); otherwise the server must push them.
  public var supportsPullDiagnostics: Bool {
    capabilities["textDocument"]?["diagnostic"].map { !$0.isNull } ?? false
  }

  /// Whether the client honours `workspace/diagnostic/refresh`.
  public var supportsDiagnosticRefresh: Bool {
    capabilities["workspace"]?["diagnostics"]?["refreshSupport"]?.boolValue ?? false
  }

  /// Whether the client answers `workspace/configuration` requests.
  public var supportsConfigurationRequest: Bool {
    capabilities["workspace"]?["configuration"]?.boolValue ?? false
  }

  /// Whether the client accepts `documentChanges` in workspace edits.
  public var supportsDocumentChanges: Bool {
    capabilities["workspace"]?["workspaceEdit"]?["documentChanges"]?.boolValue ?? false
  }

  /// Whether the client accepts `CodeAction` literals (not just commands) from `textDocument/codeAction`.
  public var supportsCodeActionLiterals: Bool {
    capabilities["textDocument"]?["codeAction"]?["codeActionLiteralSupport"].map { !$0.isNull } ?? false
  }

  /// Whether the client renders hover content as Markdown.
  public var supportsMarkdownHover: Bool {
    let formats = capabilities["textDocument"]?["hover"]?["contentFormat"]?.arrayValue ?? []
    return formats.contains(.string(MarkupKind.markdown.rawValue))
  }

  /// Whether the client sends `workspace/didChangeWatchedFiles` for registrations made dynamically.
  public var supportsWatchedFilesRegistration: Bool {
    capabilities["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.boolValue ?? false
  }
}

/// Name and version of the client or server.
public struct ClientInfo: Codable, Sendable, Hashable {
  /// The product name.
  public var name: String
  /// The product version.
  public var version: String?

  /// Creates client info.
  public init(name: String, version: String? = nil) {
    self.name = name
    self.version = version
  }
}

/// Name and version of the server, reported in `InitializeResult`.
public typealias ServerInfo = ClientInfo

/// A workspace folder open in the client.
public struct WorkspaceFolder: Codable, Sendable, Hashable {
  /// The folder's URI.
  public var uri: DocumentURI
  /// The name shown in the UI.
  public var name: String

  /// Creates a workspace folder.
  public init(uri: DocumentURI, name: String) {
    self.uri = uri
    self.name = name
  }
}

/// The result of `initialize`.
public struct InitializeResult: Codable, Sendable, Hashable {
  /// What the server can do.
  public var capabilities: ServerCapabilities
  /// The server's name and version.
  public var serverInfo: ServerInfo?

  /// Creates a result.
  public init(capabilities: ServerCapabilities, serverInfo: ServerInfo? = nil) {
    self.capabilities = capabilities
    self.serverInfo = serverInfo
  }
}
