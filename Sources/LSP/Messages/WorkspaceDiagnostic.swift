/// A result id the client holds for one document.
public struct PreviousResultId: Codable, Sendable, Hashable {
  /// The document.
  public var uri: DocumentURI
  /// The result id.
  public var value: String

  /// Creates a previous result id.
  public init(uri: DocumentURI, value: String) {
    self.uri = uri
    self.value = value
  }
}

/// `workspace/diagnostic`: the client pulls diagnostics for the whole workspace.
public struct WorkspaceDiagnosticParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "workspace/diagnostic"
  /// The result type.
  public typealias Response = WorkspaceDiagnosticReport

  /// The `DiagnosticOptions.identifier` the server registered.
  public var identifier: String?
  /// The result ids the client already holds.
  public var previousResultIds: [PreviousResultId]
  /// A token for `$/progress` reports of the work (an integer or a string), when the client wants them.
  public var workDoneToken: JSONValue?
  /// A token under which the server may stream the reports as partial results (then the response is empty).
  public var partialResultToken: JSONValue?

  /// Creates params.
  public init(
    identifier: String? = nil, previousResultIds: [PreviousResultId] = [], workDoneToken: JSONValue? = nil,
    partialResultToken: JSONValue? = nil
  ) {
    self.identifier = identifier
    self.previousResultIds = previousResultIds
    self.workDoneToken = workDoneToken
    self.partialResultToken = partialResultToken
  }
}

/// One document's report inside a workspace report.
public struct WorkspaceDocumentDiagnosticReport: Codable, Sendable, Hashable {
  /// The document.
  public var uri: DocumentURI
  /// The version the report is for; nil (`null`) when the document is not open.
  public var version: Int?
  /// The report itself; on the wire its members sit beside `uri` and `version`.
  public var report: DocumentDiagnosticReport

  private enum CodingKeys: String, CodingKey { case uri, version }

  /// Creates a document report.
  public init(uri: DocumentURI, version: Int?, report: DocumentDiagnosticReport) {
    self.uri = uri
    self.version = version
    self.report = report
  }

  /// Decodes the flattened members.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    uri = try container.decode(DocumentURI.self, forKey: .uri)
    version = try container.decodeIfPresent(Int.self, forKey: .version)
    report = try DocumentDiagnosticReport(from: decoder)
  }

  /// Encodes the flattened members; `version` is always written because the spec requires it even when null.
  public func encode(to encoder: any Encoder) throws {
    try report.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(uri, forKey: .uri)
    try container.encode(version, forKey: .version)
  }
}

/// The result of `workspace/diagnostic`.
public struct WorkspaceDiagnosticReport: Codable, Sendable, Hashable {
  /// One report per document.
  public var items: [WorkspaceDocumentDiagnosticReport]

  /// Creates a workspace report.
  public init(items: [WorkspaceDocumentDiagnosticReport]) { self.items = items }
}

/// `workspace/diagnostic/refresh`: the server asks the client to pull all diagnostics again.
public struct DiagnosticRefreshRequest: LSPRequest, ParameterlessMessage, Hashable {
  /// The method name.
  public static let method = "workspace/diagnostic/refresh"
  /// The result type (`null`).
  public typealias Response = NullResult
  /// Creates the request.
  public init() {}
}
