/// `$/progress` for work done progress: a long-running request tells the client how far it is, under the
/// `workDoneToken` the client put in the request (`begin`, then `report`s, then `end`).
///
/// Partial results travel under the same method with a `partialResultToken` and the partial result as the value;
/// servers that stream them build that value themselves (it is the request's own result type).
public struct WorkDoneProgress: LSPNotification, Hashable {
  /// The method name.
  public static let method = "$/progress"

  /// One step of the progress.
  public enum Value: Codable, Sendable, Hashable {
    /// The work starts; `cancellable` shows a cancel button, which sends `window/workDoneProgress/cancel`.
    case begin(title: String, message: String?, cancellable: Bool)
    /// How far the work is, `percentage` in 0…100.
    case report(message: String?, percentage: Int?)
    /// The work is over.
    case end(message: String?)

    private enum CodingKeys: String, CodingKey { case kind, title, message, cancellable, percentage }

    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let message = try container.decodeIfPresent(String.self, forKey: .message)
      switch try container.decode(String.self, forKey: .kind) {
      case "begin":
        self = .begin(
          title: try container.decode(String.self, forKey: .title), message: message,
          cancellable: try container.decodeIfPresent(Bool.self, forKey: .cancellable) ?? false)
      case "report": self = .report(message: message, percentage: try container.decodeIfPresent(Int.self, forKey: .percentage))
      case "end": self = .end(message: message)
      case let kind:
        throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "Unknown progress kind \(kind)")
      }
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      switch self {
      case .begin(let title, let message, let cancellable):
        try container.encode("begin", forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encode(cancellable, forKey: .cancellable)
      case .report(let message, let percentage):
        try container.encode("report", forKey: .kind)
        try container.encodeIfPresent(message, forKey: .message)
        try container.encodeIfPresent(percentage, forKey: .percentage)
      case .end(let message):
        try container.encode("end", forKey: .kind)
        try container.encodeIfPresent(message, forKey: .message)
      }
    }
  }

  /// The client's token (an integer or a string).
  public var token: JSONValue
  /// The step.
  public var value: Value

  /// Creates a progress notification.
  public init(token: JSONValue, value: Value) {
    self.token = token
    self.value = value
  }
}

/// `window/workDoneProgress/cancel`: the user cancelled work reported under `token`.
public struct WorkDoneProgressCancelParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "window/workDoneProgress/cancel"
  /// The token of the progress to cancel.
  public var token: JSONValue

  /// Creates params.
  public init(token: JSONValue) { self.token = token }
}
