/// The params type of an LSP request, tied to its method name and result type.
public protocol LSPRequest: Codable, Sendable {
  /// The result type sent back in the response.
  associatedtype Response: Codable & Sendable
  /// The method name, such as `textDocument/hover`.
  static var method: String { get }
}

/// The params type of an LSP notification, tied to its method name.
public protocol LSPNotification: Codable, Sendable {
  /// The method name, such as `textDocument/didOpen`.
  static var method: String { get }
}

/// A message that has no params (`shutdown`, `exit`, `workspace/diagnostic/refresh`).
///
/// It decodes from anything (clients variously send nothing, `null` or `{}`) and encodes as `null`, which message
/// encoding omits, since JSON-RPC params must be an object or an array if present.
public protocol ParameterlessMessage: Codable, Sendable {
  /// The only value.
  init()
}

extension ParameterlessMessage {
  /// Ignores whatever params were sent.
  public init(from decoder: any Decoder) throws { self.init() }

  /// Encodes as `null` so the params member is left out.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encodeNil()
  }
}

/// The `null` result of requests such as `shutdown`.
public struct NullResult: Codable, Sendable, Hashable {
  /// The only value.
  public init() {}
  /// Accepts anything, as the result carries no information.
  public init(from decoder: any Decoder) throws {}
  /// Encodes as JSON `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encodeNil()
  }
}
