/// A hierarchical code action kind such as `quickfix` or `source.fixAll.jixiao`.
public struct CodeActionKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The dotted wire name.
  public var rawValue: String
  /// Wraps a wire name; custom kinds are allowed.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// The empty kind.
  public static let empty = CodeActionKind(rawValue: "")
  /// Fixes for diagnostics.
  public static let quickFix = CodeActionKind(rawValue: "quickfix")
  /// Refactorings.
  public static let refactor = CodeActionKind(rawValue: "refactor")
  /// Extract refactorings.
  public static let refactorExtract = CodeActionKind(rawValue: "refactor.extract")
  /// Inline refactorings.
  public static let refactorInline = CodeActionKind(rawValue: "refactor.inline")
  /// Rewrite refactorings.
  public static let refactorRewrite = CodeActionKind(rawValue: "refactor.rewrite")
  /// Whole-file source actions.
  public static let source = CodeActionKind(rawValue: "source")
  /// Organize imports.
  public static let sourceOrganizeImports = CodeActionKind(rawValue: "source.organizeImports")
  /// Fix everything that can be fixed safely, e.g. on save.
  public static let sourceFixAll = CodeActionKind(rawValue: "source.fixAll")

  /// Whether this kind equals `other` or is a sub-kind of it (`source.fixAll` is within `source`), as used to
  /// honour `CodeActionContext.only`.
  public func isWithin(_ other: CodeActionKind) -> Bool {
    other.rawValue.isEmpty || rawValue == other.rawValue || rawValue.hasPrefix(other.rawValue + ".")
  }
}

/// Why code actions were requested.
public struct CodeActionTriggerKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// The user asked explicitly.
  public static let invoked = CodeActionTriggerKind(rawValue: 1)
  /// The editor asked on its own, e.g. after the cursor moved.
  public static let automatic = CodeActionTriggerKind(rawValue: 2)
}

/// The context of a code action request.
public struct CodeActionContext: Codable, Sendable, Hashable {
  /// Diagnostics overlapping the range, as the client holds them (with their `data`).
  public var diagnostics: [Diagnostic]
  /// Only actions of these kinds (or sub-kinds) are wanted.
  public var only: [CodeActionKind]?
  /// Why the request was made.
  public var triggerKind: CodeActionTriggerKind?

  /// Creates a context.
  public init(
    diagnostics: [Diagnostic] = [], only: [CodeActionKind]? = nil, triggerKind: CodeActionTriggerKind? = nil
  ) {
    self.diagnostics = diagnostics
    self.only = only
    self.triggerKind = triggerKind
  }
}

/// `textDocument/codeAction`.
public struct CodeActionParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/codeAction"
  /// The result type.
  public typealias Response = [CodeAction]?

  /// The document.
  public var textDocument: TextDocumentIdentifier
  /// The selected range.
  public var range: LSPRange
  /// Diagnostics and filters.
  public var context: CodeActionContext

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier, range: LSPRange, context: CodeActionContext) {
    self.textDocument = textDocument
    self.range = range
    self.context = context
  }
}

/// A change the user can choose to apply.
public struct CodeAction: Codable, Sendable, Hashable {
  /// The menu title.
  public var title: String
  /// The kind, used for filtering and key bindings.
  public var kind: CodeActionKind?
  /// The diagnostics this action resolves.
  public var diagnostics: [Diagnostic]?
  /// Whether this is the preferred fix, e.g. for auto-fix commands.
  public var isPreferred: Bool?
  /// The edit to apply.
  public var edit: WorkspaceEdit?
  /// A command run after the edit.
  public var command: Command?
  /// Data kept for `codeAction/resolve`.
  public var data: JSONValue?

  /// Creates a code action.
  public init(
    title: String, kind: CodeActionKind? = nil, diagnostics: [Diagnostic]? = nil, isPreferred: Bool? = nil,
    edit: WorkspaceEdit? = nil, command: Command? = nil, data: JSONValue? = nil
  ) {
    self.title = title
    self.kind = kind
    self.diagnostics = diagnostics
    self.isPreferred = isPreferred
    self.edit = edit
    self.command = command
    self.data = data
  }
}
