/// Why a message body could not be turned into a `Message`.
public struct MessageDecodingError: Error, Sendable, Hashable {
  /// The error to report: code -32700 or -32600.
  public var error: ResponseError
  /// The id of the offending message when it could be recovered; it is echoed in the error response.
  public var id: RequestID?
  /// Whether the body looked like a response; JSON-RPC forbids answering a response, so the server only logs it.
  public var isMalformedResponse: Bool

  /// Creates a decoding error.
  public init(error: ResponseError, id: RequestID? = nil, isMalformedResponse: Bool = false) {
    self.error = error
    self.id = id
    self.isMalformedResponse = isMalformedResponse
  }

  /// The error response the server should send, or nil when none may be sent (malformed responses).
  public var response: ResponseMessage? {
    isMalformedResponse ? nil : .failure(id: id, error)
  }
}

extension Message {
  /// Decodes one framed body.
  ///
  /// Classification follows JSON-RPC 2.0 as restricted by LSP: no batches (an array is rejected as a whole with one
  /// -32600 error whose id is null), ids are integers or strings only. A numeric id that is fractional or outside
  /// `Int` range (such as `1e30`) is an invalid request rather than a string, so nothing downstream has to cope
  /// with lossy ids. An integral double such as `1.0` is accepted as the integer it equals.
  public static func decode(_ body: some Collection<UInt8>) -> Result<Message, MessageDecodingError> {
    do {
      return decode(try JSONValue(parsing: body))
    } catch {
      return .failure(MessageDecodingError(error: .parseError("Invalid JSON: \(error)")))
    }
  }

  /// Classifies an already parsed JSON value; see `decode(_:)` for the rules.
  public static func decode(_ json: JSONValue) -> Result<Message, MessageDecodingError> {
    guard case .object(let members) = json else {
      let reason = json.arrayValue != nil
        ? "Batch requests are not supported by LSP" : "A message must be a JSON object"
      return .failure(MessageDecodingError(error: .invalidRequest(reason)))
    }
    let rawID = members["id"]
    let id = rawID.flatMap(RequestID.init)
    func invalid(_ reason: String, isResponse: Bool = false) -> Result<Message, MessageDecodingError> {
      .failure(MessageDecodingError(error: .invalidRequest(reason), id: id, isMalformedResponse: isResponse))
    }
    guard members["jsonrpc"] == .string("2.0") else {
      return invalid("Missing or unsupported \"jsonrpc\" version; expected \"2.0\"")
    }
    if let rawMethod = members["method"] {
      guard case .string(let method) = rawMethod else { return invalid("\"method\" must be a string") }
      // `"params": null` is what several clients send for methods without params: the same as no params.
      let params = members["params"] == .null ? nil : members["params"]
      switch params {
      case nil, .array?, .object?: break
      default: return invalid("\"params\" must be an object or an array")
      }
      guard let rawID else { return .success(.notification(NotificationMessage(method: method, params: params))) }
      guard let id else { return invalid("Request id must be an integer within range or a string, not \(rawID)") }
      return .success(.request(RequestMessage(id: id, method: method, params: params)))
    }
    return decodeResponse(members, id: id)
  }

  private static func decodeResponse(
    _ members: [String: JSONValue], id: RequestID?
  ) -> Result<Message, MessageDecodingError> {
    func invalid(_ reason: String) -> Result<Message, MessageDecodingError> {
      .failure(MessageDecodingError(error: .invalidRequest(reason), id: id, isMalformedResponse: true))
    }
    guard let rawID = members["id"] else { return invalid("Message has neither \"method\" nor \"id\"") }
    guard id != nil || rawID == .null else { return invalid("Response id must be an integer, a string or null") }
    switch (members["result"], members["error"]) {
    case (let result?, nil):
      guard let id else { return invalid("A successful response needs a non-null id") }
      return .success(.response(.success(id: id, result)))
    case (nil, let error?):
      guard let decoded = try? error.decode(ResponseError.self) else {
        return invalid("Response \"error\" must have an integer \"code\" and a string \"message\"")
      }
      return .success(.response(.failure(id: id, decoded)))
    default:
      return invalid("A response must have exactly one of \"result\" and \"error\"")
    }
  }
}
