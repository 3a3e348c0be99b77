/// How completion was triggered.
public struct CompletionTriggerKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Typing an identifier, or invoking completion explicitly.
  public static let invoked = CompletionTriggerKind(rawValue: 1)
  /// Typing one of `CompletionOptions.triggerCharacters`.
  public static let triggerCharacter = CompletionTriggerKind(rawValue: 2)
  /// Re-requesting after an incomplete list.
  public static let triggerForIncompleteCompletions = CompletionTriggerKind(rawValue: 3)
}

/// Context of a completion request.
public struct CompletionContext: Codable, Sendable, Hashable {
  /// How completion was triggered.
  public var triggerKind: CompletionTriggerKind
  /// The character typed, for `.triggerCharacter`.
  public var triggerCharacter: String?

  /// Creates a context.
  public init(triggerKind: CompletionTriggerKind, triggerCharacter: String? = nil) {
    self.triggerKind = triggerKind
    self.triggerCharacter = triggerCharacter
  }
}

/// `textDocument/completion`.
public struct CompletionParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/completion"
  /// The result type.
  public typealias Response = CompletionList?

  /// The document.
  public var textDocument: TextDocumentIdentifier
  /// The cursor position.
  public var position: Position
  /// How completion was triggered, if the client says.
  public var context: CompletionContext?

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier, position: Position, context: CompletionContext? = nil) {
    self.textDocument = textDocument
    self.position = position
    self.context = context
  }
}

/// The kind of a completion item, which picks its icon.
public struct CompletionItemKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value, 1 to 25.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Text.
  public static let text = CompletionItemKind(rawValue: 1)
  /// A field.
  public static let field = CompletionItemKind(rawValue: 5)
  /// A variable.
  public static let variable = CompletionItemKind(rawValue: 6)
  /// A property.
  public static let property = CompletionItemKind(rawValue: 10)
  /// A unit.
  public static let unit = CompletionItemKind(rawValue: 11)
  /// A value.
  public static let value = CompletionItemKind(rawValue: 12)
  /// A keyword.
  public static let keyword = CompletionItemKind(rawValue: 14)
  /// A snippet.
  public static let snippet = CompletionItemKind(rawValue: 15)
  /// A file.
  public static let file = CompletionItemKind(rawValue: 17)
  /// A reference.
  public static let reference = CompletionItemKind(rawValue: 18)
  /// An enum member.
  public static let enumMember = CompletionItemKind(rawValue: 20)
  /// A constant.
  public static let constant = CompletionItemKind(rawValue: 21)
}

/// How `insertText` / `textEdit.newText` is interpreted.
public struct InsertTextFormat: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Literal text.
  public static let plainText = InsertTextFormat(rawValue: 1)
  /// A snippet with `$1`, `${2:placeholder}` tab stops.
  public static let snippet = InsertTextFormat(rawValue: 2)
}

/// One completion proposal.
public struct CompletionItem: Codable, Sendable, Hashable {
  /// The text shown, and inserted when nothing else is given.
  public var label: String
  /// The icon kind.
  public var kind: CompletionItemKind?
  /// Extra information, such as a type.
  public var detail: String?
  /// Documentation shown beside the list.
  public var documentation: MarkupContent?
  /// Whether to select this item initially.
  public var preselect: Bool?
  /// Sort key; `label` when nil.
  public var sortText: String?
  /// Filter key; `label` when nil.
  public var filterText: String?
  /// Text to insert; prefer `textEdit`, whose range is explicit.
  public var insertText: String?
  /// How the inserted text is interpreted.
  public var insertTextFormat: InsertTextFormat?
  /// The edit applied on selection; its range must be on one line and contain the cursor.
  public var textEdit: TextEdit?
  /// Further edits elsewhere, not overlapping `textEdit`.
  public var additionalTextEdits: [TextEdit]?
  /// Characters that accept the item and are then typed.
  public var commitCharacters: [String]?
  /// A command run after insertion.
  public var command: Command?
  /// Data kept for `completionItem/resolve`.
  public var data: JSONValue?

  /// Creates an item.
  public init(
    label: String, kind: CompletionItemKind? = nil, detail: String? = nil, documentation: MarkupContent? = nil,
    preselect: Bool? = nil, sortText: String? = nil, filterText: String? = nil, insertText: String? = nil,
    insertTextFormat: InsertTextFormat? = nil, textEdit: TextEdit? = nil, additionalTextEdits: [TextEdit]? = nil,
    commitCharacters: [String]? = nil, command: Command? = nil, data: JSONValue? = nil
  ) {
    self.label = label
    self.kind = kind
    self.detail = detail
    self.documentation = documentation
    self.preselect = preselect
    self.sortText = sortText
    self.filterText = filterText
    self.insertText = insertText
    self.insertTextFormat = insertTextFormat
    self.textEdit = textEdit
    self.additionalTextEdits = additionalTextEdits
    self.commitCharacters = commitCharacters
    self.command = command
    self.data = data
  }
}

/// A completion result.
public struct CompletionList: Codable, Sendable, Hashable {
  /// Whether typing further should re-request rather than filter this list.
  public var isIncomplete: Bool
  /// The proposals.
  public var items: [CompletionItem]

  /// Creates a list.
  public init(isIncomplete: Bool = false, items: [CompletionItem]) {
    self.isIncomplete = isIncomplete
    self.items = items
  }
}
