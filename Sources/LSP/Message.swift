/// A request: it carries an id and expects exactly one response.
public struct RequestMessage: Sendable, Hashable {
  /// The id the response must echo.
  public var id: RequestID
  /// The method name, such as `textDocument/hover`.
  public var method: String
  /// The params (an object or array per JSON-RPC); nil when absent.
  public var params: JSONValue?

  /// Creates a request.
  public init(id: RequestID, method: String, params: JSONValue? = nil) {
    self.id = id
    self.method = method
    self.params = params
  }
}

/// A notification: no id, never answered.
public struct NotificationMessage: Sendable, Hashable {
  /// The method name, such as `textDocument/didOpen`.
  public var method: String
  /// The params; nil when absent.
  public var params: JSONValue?

  /// Creates a notification.
  public init(method: String, params: JSONValue? = nil) {
    self.method = method
    self.params = params
  }
}

/// A response to a request, carrying either a result (possibly `null`) or an error.
public struct ResponseMessage: Sendable, Hashable {
  /// The id of the request answered; nil (JSON `null`) only when the request's id could not be determined.
  public var id: RequestID?
  /// The result or error.
  public var result: Result<JSONValue, ResponseError>

  /// Creates a response.
  public init(id: RequestID?, result: Result<JSONValue, ResponseError>) {
    self.id = id
    self.result = result
  }

  /// A successful response.
  public static func success(id: RequestID, _ value: JSONValue) -> ResponseMessage {
    ResponseMessage(id: id, result: .success(value))
  }

  /// An error response.
  public static func failure(id: RequestID?, _ error: ResponseError) -> ResponseMessage {
    ResponseMessage(id: id, result: .failure(error))
  }
}

/// One JSON-RPC message, classified.
public enum Message: Sendable, Hashable {
  /// A request (has `method` and `id`).
  case request(RequestMessage)
  /// A notification (has `method`, no `id`).
  case notification(NotificationMessage)
  /// A response (has `id` and `result` or `error`, no `method`).
  case response(ResponseMessage)

  /// The method of a request or notification; nil for responses.
  public var method: String? {
    switch self {
    case .request(let request): return request.method
    case .notification(let notification): return notification.method
    case .response: return nil
    }
  }
}
