/// `textDocument/diagnostic`: the client pulls one document's diagnostics.
public struct DocumentDiagnosticParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/diagnostic"
  /// The result type.
  public typealias Response = DocumentDiagnosticReport

  /// The document.
  public var textDocument: TextDocumentIdentifier
  /// The `DiagnosticOptions.identifier` the server registered.
  public var identifier: String?
  /// The result id of the last report the client holds for this document.
  public var previousResultId: String?

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier, identifier: String? = nil, previousResultId: String? = nil) {
    self.textDocument = textDocument
    self.identifier = identifier
    self.previousResultId = previousResultId
  }
}

/// A pulled diagnostic report: the full list, or a note that the list for `previousResultId` still holds.
public enum DocumentDiagnosticReport: Codable, Sendable, Hashable {
  /// All diagnostics, with a new result id (`kind: "full"`).
  case full(resultId: String?, items: [Diagnostic])
  /// Nothing changed since the report with this result id (`kind: "unchanged"`).
  case unchanged(resultId: String)

  private enum CodingKeys: String, CodingKey { case kind, resultId, items }

  /// Decodes by the `kind` member.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    switch try container.decode(String.self, forKey: .kind) {
    case "full":
      self = .full(
        resultId: try container.decodeIfPresent(String.self, forKey: .resultId),
        items: try container.decode([Diagnostic].self, forKey: .items))
    case "unchanged":
      self = .unchanged(resultId: try container.decode(String.self, forKey: .resultId))
    case let kind:
      throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "Unknown kind \(kind)")
    }
  }

  /// Encodes with the `kind` member.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .full(let resultId, let items):
      try container.encode("full", forKey: .kind)
      try container.encodeIfPresent(resultId, forKey: .resultId)
      try container.encode(items, forKey: .items)
    case .unchanged(let resultId):
      try container.encode("unchanged", forKey: .kind)
      try container.encode(resultId, forKey: .resultId)
    }
  }
}
