/// Tracks requests sent to the other side (`workspace/configuration`, `workspace/applyEdit`, …) and routes their
/// responses back to the caller.
///
/// Feed every incoming `ResponseMessage` to `handle(_:)`. Ids are strings with a prefix, so they can never be
/// confused with the client's own integer ids in logs.
public final class OutgoingRequests: Sendable {
  private typealias Completion = @Sendable (Result<JSONValue, ResponseError>) -> Void

  private let idPrefix: String
  private let state = Locked((nextID: 1, pending: [RequestID: Completion]()))

  /// Creates a tracker whose ids look like `<idPrefix><number>`.
  public init(idPrefix: String = "server-") {
    self.idPrefix = idPrefix
  }

  /// Sends a typed request and calls `completion` once with the decoded result or the error.
  ///
  /// An unencodable request or an undecodable result is reported as an internal error.
  public func send<Request: LSPRequest>(
    _ params: Request, on connection: some Connection,
    completion: @escaping @Sendable (Result<Request.Response, ResponseError>) -> Void
  ) {
    let json: JSONValue
    do {
      json = try JSONValue(encoding: params)
    } catch {
      completion(.failure(.internalError("Could not encode \(Request.method) request: \(error)")))
      return
    }
    let id = state.withLock { state in
      defer { state.nextID += 1 }
      let id = RequestID.string("\(idPrefix)\(state.nextID)")
      state.pending[id] = { result in
        completion(result.flatMap { value in
          do {
            return .success(try value.decode(Request.Response.self))
          } catch {
            return .failure(.internalError("Unexpected result for \(Request.method): \(error)"))
          }
        })
      }
      return id
    }
    connection.send(.request(RequestMessage(id: id, method: Request.method, params: json)))
  }

  /// Sends a typed request and waits for its result.
  public func send<Request: LSPRequest>(
    _ params: Request, on connection: some Connection
  ) async throws(ResponseError) -> Request.Response {
    let result = await withCheckedContinuation { continuation in
      send(params, on: connection) { continuation.resume(returning: $0) }
    }
    return try result.get()
  }

  /// Delivers a response to whoever sent the request; false if no request with its id is pending.
  @discardableResult
  public func handle(_ response: ResponseMessage) -> Bool {
    guard let id = response.id, let completion = state.withLock({ $0.pending.removeValue(forKey: id) }) else {
      return false
    }
    completion(response.result)
    return true
  }

  /// Fails every pending request, e.g. when the connection closes, so no caller waits forever.
  public func failAll(with error: ResponseError) {
    let completions = state.withLock { state in
      defer { state.pending.removeAll() }
      return Array(state.pending.values)
    }
    for completion in completions { completion(.failure(error)) }
  }

  /// How many requests await a response.
  public var pendingCount: Int { state.withLock { $0.pending.count } }
}
