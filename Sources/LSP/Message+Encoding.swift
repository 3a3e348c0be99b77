extension Message {
  /// The message as a JSON object, `"jsonrpc": "2.0"` included.
  ///
  /// Null params are omitted because JSON-RPC only allows an object or an array there; parameterless messages
  /// such as `shutdown` encode their params as null for exactly this reason.
  public var json: JSONValue {
    var members: [String: JSONValue] = ["jsonrpc": "2.0"]
    switch self {
    case .request(let request):
      members["id"] = request.id.json
      members["method"] = .string(request.method)
      if let params = request.params, params != .null { members["params"] = params }
    case .notification(let notification):
      members["method"] = .string(notification.method)
      if let params = notification.params, params != .null { members["params"] = params }
    case .response(let response):
      members["id"] = response.id?.json ?? .null
      switch response.result {
      case .success(let value): members["result"] = value
      case .failure(let error): members["error"] = error.json
      }
    }
    return .object(members)
  }

  /// The JSON body (no framing header, no trailing newline), with keys sorted for deterministic output.
  public func encodedBody() -> [UInt8] {
    json.serialized()
  }

  /// The framed bytes ready to write: `Content-Length` header followed by the body.
  public func encodedFrame() -> [UInt8] {
    MessageFramer.frame(encodedBody())
  }
}

extension ResponseError {
  /// The error as a JSON object, `data` omitted when nil.
  var json: JSONValue {
    var members: [String: JSONValue] = ["code": .int(code.rawValue), "message": .string(message)]
    if let data { members["data"] = data }
    return .object(members)
  }
}
