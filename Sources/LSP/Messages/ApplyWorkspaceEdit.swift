/// `workspace/applyEdit`: the server asks the client to apply an edit.
public struct ApplyWorkspaceEditParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "workspace/applyEdit"
  /// The result type.
  public typealias Response = ApplyWorkspaceEditResult

  /// A label for the undo stack.
  public var label: String?
  /// The edit.
  public var edit: WorkspaceEdit

  /// Creates params.
  public init(label: String? = nil, edit: WorkspaceEdit) {
    self.label = label
    self.edit = edit
  }
}

/// The client's answer to `workspace/applyEdit`.
public struct ApplyWorkspaceEditResult: Codable, Sendable, Hashable {
  /// Whether the edit was applied.
  public var applied: Bool
  /// Why not, if the client says.
  public var failureReason: String?
  /// The index of the failed change in `documentChanges`.
  public var failedChange: Int?

  /// Creates a result.
  public init(applied: Bool, failureReason: String? = nil, failedChange: Int? = nil) {
    self.applied = applied
    self.failureReason = failureReason
    self.failedChange = failedChange
  }
}
