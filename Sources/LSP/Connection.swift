/// Something that arrived on a connection.
public enum ConnectionEvent: Sendable, Hashable {
  /// A well-formed message.
  case message(Message)
  /// A framed body that is not a valid message; answer with `error.response` when it is non-nil.
  case invalidMessage(MessageDecodingError)
  /// A problem in the byte stream; the transport has already resynchronized, so it is only worth logging.
  case framingError(FramingError)
}

/// A bidirectional JSON-RPC channel, such as stdio or an in-memory pair.
public protocol Connection: AnyObject, Sendable {
  /// Starts delivering incoming events, in arrival order and one at a time, to `receive`; `onClose` is called
  /// once, after the last event, when the input ends or the connection is closed.
  func start(receive: @escaping @Sendable (ConnectionEvent) -> Void, onClose: @escaping @Sendable () -> Void)
  /// Sends one message; safe to call from any thread, messages from one thread keep their order.
  func send(_ message: Message)
  /// Sends a message the caller has already serialized (one JSON-RPC message as a JSON body), so that large
  /// notifications can be assembled from cached fragments instead of being encoded again.
  func send(body: [UInt8])
  /// Sends a serialized `textDocument/publishDiagnostics` that supersedes any not yet written with the same
  /// key (the document's URI): a transport with an outgoing queue keeps only the latest.
  func send(body: [UInt8], coalescingKey: String)
  /// Stops delivering events and drops further sends.
  func close()
}

extension Connection {
  /// Without an outgoing queue there is nothing to coalesce: the body is sent.
  public func send(body: [UInt8], coalescingKey: String) { send(body: body) }
}

extension Connection {
  /// Sends a successful response; if the result cannot be encoded, an internal error is sent instead so the
  /// client is never left waiting.
  public func reply(to id: RequestID, result: some Encodable) {
    do {
      let json = try JSONValue(encoding: result)
      send(.response(.success(id: id, json)))
    } catch {
      send(.response(.failure(id: id, .internalError("Could not encode result: \(error)"))))
    }
  }

  /// Sends an error response.
  public func reply(to id: RequestID?, error: ResponseError) {
    send(.response(.failure(id: id, error)))
  }

  /// Sends a typed notification, such as `PublishDiagnosticsParams`.
  public func send<Params: LSPNotification>(notification params: Params) throws {
    send(.notification(NotificationMessage(method: Params.method, params: try JSONValue(encoding: params))))
  }

  /// Sends a typed request with a caller-chosen id; match the response by that id.
  public func send<Params: LSPRequest>(request params: Params, id: RequestID) throws {
    send(.request(RequestMessage(id: id, method: Params.method, params: try JSONValue(encoding: params))))
  }
}
