/// How serious a diagnostic is.
public struct DiagnosticSeverity: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value, 1 to 4.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// An error.
  public static let error = DiagnosticSeverity(rawValue: 1)
  /// A warning.
  public static let warning = DiagnosticSeverity(rawValue: 2)
  /// Information.
  public static let information = DiagnosticSeverity(rawValue: 3)
  /// A hint.
  public static let hint = DiagnosticSeverity(rawValue: 4)
}

/// Extra rendering hints for a diagnostic.
public struct DiagnosticTag: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Unused or unnecessary code, typically faded out.
  public static let unnecessary = DiagnosticTag(rawValue: 1)
  /// Deprecated code, typically struck through.
  public static let deprecated = DiagnosticTag(rawValue: 2)
}

/// A link to documentation about a diagnostic's code.
public struct CodeDescription: Codable, Sendable, Hashable {
  /// The documentation URI.
  public var href: String
  /// Creates a code description.
  public init(href: String) { self.href = href }
}

/// Another location relevant to a diagnostic, such as the other half of a mismatch.
public struct DiagnosticRelatedInformation: Codable, Sendable, Hashable {
  /// Where.
  public var location: Location
  /// What is there.
  public var message: String

  /// Creates related information.
  public init(location: Location, message: String) {
    self.location = location
    self.message = message
  }
}

/// A problem found in a document.
public struct Diagnostic: Codable, Sendable, Hashable {
  /// Where the problem is.
  public var range: LSPRange
  /// How serious it is; clients default to error when absent.
  public var severity: DiagnosticSeverity?
  /// The rule code. The spec also allows integers; they are read as their decimal text.
  public var code: String?
  /// Documentation for the code.
  public var codeDescription: CodeDescription?
  /// Who produced it, such as `jixiao`.
  public var source: String?
  /// The human-readable message.
  public var message: String
  /// Rendering hints.
  public var tags: [DiagnosticTag]?
  /// Other relevant locations.
  public var relatedInformation: [DiagnosticRelatedInformation]?
  /// Data kept by the client and returned with code action requests, e.g. to build a fix without recomputing.
  public var data: JSONValue?

  /// Creates a diagnostic.
  public init(
    range: LSPRange, severity: DiagnosticSeverity? = nil, code: String? = nil,
    codeDescription: CodeDescription? = nil, source: String? = nil, message: String,
    tags: [DiagnosticTag]? = nil, relatedInformation: [DiagnosticRelatedInformation]? = nil, data: JSONValue? = nil
  ) {
    self.range = range
    self.severity = severity
    self.code = code
    self.codeDescription = codeDescription
    self.source = source
    self.message = message
    self.tags = tags
    self.relatedInformation = relatedInformation
    self.data = data
  }

  /// Decodes a diagnostic, accepting an integer `code` as well as a string one.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    range = try container.decode(LSPRange.self, forKey: .range)
    severity = try container.decodeIfPresent(DiagnosticSeverity.self, forKey: .severity)
    if let number = try? container.decodeIfPresent(Int.self, forKey: .code) {
      code = String(number)
    } else {
      code = try container.decodeIfPresent(String.self, forKey: .code)
    }
    codeDescription = try container.decodeIfPresent(CodeDescription.self, forKey: .codeDescription)
    source = try container.decodeIfPresent(String.self, forKey: .source)
    message = try container.decode(String.self, forKey: .message)
    tags = try container.decodeIfPresent([DiagnosticTag].self, forKey: .tags)
    relatedInformation = try container.decodeIfPresent(
      [DiagnosticRelatedInformation].self, forKey: .relatedInformation)
    data = try container.decodeIfPresent(JSONValue.self, forKey: .data)
  }
}
