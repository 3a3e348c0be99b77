/// What happened to a watched file.
public struct FileChangeType: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// The file was created.
  public static let created = FileChangeType(rawValue: 1)
  /// The file was changed.
  public static let changed = FileChangeType(rawValue: 2)
  /// The file was deleted.
  public static let deleted = FileChangeType(rawValue: 3)
}

/// One file system event.
public struct FileEvent: Codable, Sendable, Hashable {
  /// The file.
  public var uri: DocumentURI
  /// What happened.
  public var type: FileChangeType

  /// Creates an event.
  public init(uri: DocumentURI, type: FileChangeType) {
    self.uri = uri
    self.type = type
  }
}

/// `workspace/didChangeWatchedFiles`.
public struct DidChangeWatchedFilesParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "workspace/didChangeWatchedFiles"
  /// The events.
  public var changes: [FileEvent]

  /// Creates params.
  public init(changes: [FileEvent]) { self.changes = changes }
}
