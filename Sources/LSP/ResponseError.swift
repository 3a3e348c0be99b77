/// A JSON-RPC / LSP error code.
public struct ErrorCode: RawRepresentable, Codable, Hashable, Sendable {
  /// The numeric code as sent on the wire.
  public var rawValue: Int
  /// Wraps a numeric code; unknown codes are kept as they are.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Invalid JSON was received (including invalid UTF-8).
  public static let parseError = ErrorCode(rawValue: -32700)
  /// The JSON is not a valid request object.
  public static let invalidRequest = ErrorCode(rawValue: -32600)
  /// The method does not exist or is not available.
  public static let methodNotFound = ErrorCode(rawValue: -32601)
  /// The params are invalid for the method.
  public static let invalidParams = ErrorCode(rawValue: -32602)
  /// An internal JSON-RPC error.
  public static let internalError = ErrorCode(rawValue: -32603)
  /// A request arrived before `initialize`.
  public static let serverNotInitialized = ErrorCode(rawValue: -32002)
  /// An error without a more specific code.
  public static let unknownErrorCode = ErrorCode(rawValue: -32001)
  /// The request was cancelled by the client.
  public static let requestCancelled = ErrorCode(rawValue: -32800)
  /// The document changed while the request was computed, so the result is stale.
  public static let contentModified = ErrorCode(rawValue: -32801)
  /// The request was syntactically valid but the server could not carry it out.
  public static let requestFailed = ErrorCode(rawValue: -32803)
}

/// The `error` member of a JSON-RPC response.
public struct ResponseError: Error, Codable, Hashable, Sendable, CustomStringConvertible {
  /// The error code.
  public var code: ErrorCode
  /// A short human-readable description.
  public var message: String
  /// Additional information; omitted when nil.
  public var data: JSONValue?

  /// Creates an error with the given code and message.
  public init(code: ErrorCode, message: String, data: JSONValue? = nil) {
    self.code = code
    self.message = message
    self.data = data
  }

  /// `code: message`, for logs.
  public var description: String { "\(code.rawValue): \(message)" }

  /// A -32700 parse error.
  public static func parseError(_ message: String) -> ResponseError { .init(code: .parseError, message: message) }
  /// A -32600 invalid request error.
  public static func invalidRequest(_ message: String) -> ResponseError {
    .init(code: .invalidRequest, message: message)
  }
  /// A -32601 error naming the unknown method.
  public static func methodNotFound(_ method: String) -> ResponseError {
    .init(code: .methodNotFound, message: "Method not found: \(method)")
  }
  /// A -32602 invalid params error.
  public static func invalidParams(_ message: String) -> ResponseError { .init(code: .invalidParams, message: message) }
  /// A -32603 internal error.
  public static func internalError(_ message: String) -> ResponseError { .init(code: .internalError, message: message) }
  /// A -32002 error for requests that arrive before `initialize`.
  public static let serverNotInitialized = ResponseError(code: .serverNotInitialized, message: "Server not initialized")
  /// A -32800 error for a request the client cancelled.
  public static let requestCancelled = ResponseError(code: .requestCancelled, message: "Request cancelled")
  /// A -32801 error for a result made stale by an edit.
  public static let contentModified = ResponseError(code: .contentModified, message: "Content modified")
  /// A -32803 error for a request the server could not carry out.
  public static func requestFailed(_ message: String) -> ResponseError { .init(code: .requestFailed, message: message) }
}
