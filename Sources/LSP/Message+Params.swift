extension RequestMessage {
  /// Decodes the params into `type`, failing with a -32602 error that names the method and the problem.
  public func decodeParams<Params: Decodable>(_ type: Params.Type = Params.self) throws(ResponseError) -> Params {
    try decodeMessageParams(params, as: type, method: method)
  }
}

extension NotificationMessage {
  /// Decodes the params into `type`, failing with a -32602 error that names the method and the problem.
  public func decodeParams<Params: Decodable>(_ type: Params.Type = Params.self) throws(ResponseError) -> Params {
    try decodeMessageParams(params, as: type, method: method)
  }
}

/// Absent params are decoded as `{}` so all-optional params types (and `ParameterlessMessage`) accept them.
private func decodeMessageParams<Params: Decodable>(
  _ params: JSONValue?, as type: Params.Type, method: String
) throws(ResponseError) -> Params {
  do {
    return try (params ?? .object([:])).decode(Params.self)
  } catch {
    let detail = params == nil ? "missing params" : describe(error)
    throw .invalidParams("Invalid params for \(method): \(detail)")
  }
}

/// A short description of a decoding failure: the path to the bad member and what was wrong there.
private func describe(_ error: any Error) -> String {
  guard let error = error as? DecodingError else { return String(describing: error) }
  func path(_ codingPath: [any CodingKey]) -> String {
    let text = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    return text.isEmpty ? "params" : "params" + text
  }
  switch error {
  case .keyNotFound(let key, let context):
    return "\(path(context.codingPath + [key])) is required"
  case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
    return "\(path(context.codingPath)): \(context.debugDescription)"
  @unknown default:
    return String(describing: error)
  }
}
