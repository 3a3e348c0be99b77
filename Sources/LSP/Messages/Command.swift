/// A reference to a command the client or server executes.
public struct Command: Codable, Sendable, Hashable {
  /// The title shown in the UI.
  public var title: String
  /// The command identifier.
  public var command: String
  /// The arguments.
  public var arguments: [JSONValue]?

  /// Creates a command.
  public init(title: String, command: String, arguments: [JSONValue]? = nil) {
    self.title = title
    self.command = command
    self.arguments = arguments
  }
}

/// `workspace/executeCommand`: run one of `ExecuteCommandOptions.commands`.
public struct ExecuteCommandParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "workspace/executeCommand"
  /// The result type: anything, usually `null`.
  public typealias Response = JSONValue

  /// The command identifier.
  public var command: String
  /// The arguments.
  public var arguments: [JSONValue]?

  /// Creates params.
  public init(command: String, arguments: [JSONValue]? = nil) {
    self.command = command
    self.arguments = arguments
  }
}
