/// One capability registered dynamically.
public struct Registration: Codable, Sendable, Hashable {
  /// An id to unregister it by.
  public var id: String
  /// The method, such as `workspace/didChangeWatchedFiles`.
  public var method: String
  /// Method-specific options, such as file watcher globs.
  public var registerOptions: JSONValue?

  /// Creates a registration.
  public init(id: String, method: String, registerOptions: JSONValue? = nil) {
    self.id = id
    self.method = method
    self.registerOptions = registerOptions
  }
}

/// `client/registerCapability`: the server registers capabilities after initialization.
public struct RegistrationParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "client/registerCapability"
  /// The result type (`null`).
  public typealias Response = NullResult

  /// The registrations.
  public var registrations: [Registration]

  /// Creates params.
  public init(registrations: [Registration]) { self.registrations = registrations }
}
