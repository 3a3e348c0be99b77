/// Workspace folders added and removed.
public struct WorkspaceFoldersChangeEvent: Codable, Sendable, Hashable {
  /// Folders added.
  public var added: [WorkspaceFolder]
  /// Folders removed.
  public var removed: [WorkspaceFolder]

  /// Creates an event.
  public init(added: [WorkspaceFolder] = [], removed: [WorkspaceFolder] = []) {
    self.added = added
    self.removed = removed
  }
}

/// `workspace/didChangeWorkspaceFolders`: the client's workspace folders changed (multi-root workspaces).
public struct DidChangeWorkspaceFoldersParams: LSPNotification, Hashable {
  /// The method name.
  public static let method = "workspace/didChangeWorkspaceFolders"
  /// What changed.
  public var event: WorkspaceFoldersChangeEvent

  /// Creates params.
  public init(event: WorkspaceFoldersChangeEvent) { self.event = event }
}
