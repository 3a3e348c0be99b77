/// The `initialized` notification, sent once the client has processed the `initialize` result.
public struct InitializedParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "initialized"
  /// Creates params.
  public init() {}
}

/// The `shutdown` request: stop work and answer `null`; the process keeps running until `exit`.
public struct ShutdownRequest: LSPRequest, ParameterlessMessage, Hashable {
  /// The method name.
  public static let method = "shutdown"
  /// The result type (`null`).
  public typealias Response = NullResult
  /// Creates the request.
  public init() {}
}

/// The `exit` notification: terminate, with status 0 if `shutdown` came first and 1 otherwise.
public struct ExitNotification: LSPNotification, ParameterlessMessage, Hashable {
  /// The method name.
  public static let method = "exit"
  /// Creates the notification.
  public init() {}
}
