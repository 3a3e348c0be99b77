/// `codeAction/resolve`: the client asks for what a code action left out (its `edit`, for clients that declare
/// `resolveSupport`); the params are the code action as the server sent it, the result the completed action.
public struct CodeActionResolveRequest: LSPRequest, Hashable {
  /// The method name.
  public static let method = "codeAction/resolve"
  /// The result type.
  public typealias Response = CodeAction

  /// The action to complete, with the `data` the server put in it.
  public var action: CodeAction

  /// Creates params.
  public init(action: CodeAction) { self.action = action }

  /// Decodes the action itself (the params are not wrapped).
  public init(from decoder: any Decoder) throws { action = try CodeAction(from: decoder) }

  /// Encodes the action itself.
  public func encode(to encoder: any Encoder) throws { try action.encode(to: encoder) }
}
