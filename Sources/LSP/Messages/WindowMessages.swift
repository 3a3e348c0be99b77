/// The importance of a log or shown message.
public struct MessageType: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// An error.
  public static let error = MessageType(rawValue: 1)
  /// A warning.
  public static let warning = MessageType(rawValue: 2)
  /// Information.
  public static let info = MessageType(rawValue: 3)
  /// A log line.
  public static let log = MessageType(rawValue: 4)
  /// Debug output (LSP 3.18, ignored or shown as log by older clients).
  public static let debug = MessageType(rawValue: 5)
}

/// `window/logMessage`: a line for the client's output log.
public struct LogMessageParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "window/logMessage"
  /// The importance.
  public var type: MessageType
  /// The text.
  public var message: String

  /// Creates params.
  public init(type: MessageType, message: String) {
    self.type = type
    self.message = message
  }
}

/// `window/showMessage`: a message popped up to the user.
public struct ShowMessageParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "window/showMessage"
  /// The importance.
  public var type: MessageType
  /// The text.
  public var message: String

  /// Creates params.
  public init(type: MessageType, message: String) {
    self.type = type
    self.message = message
  }
}
