/// The kind of a symbol, which picks its icon.
public struct SymbolKind: RawRepresentable, Codable, Sendable, Hashable {
  /// The wire value, 1 to 26.
  public var rawValue: Int
  /// Wraps a wire value.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// A file.
  public static let file = SymbolKind(rawValue: 1)
  /// A module.
  public static let module = SymbolKind(rawValue: 2)
  /// A namespace.
  public static let namespace = SymbolKind(rawValue: 3)
  /// A package.
  public static let package = SymbolKind(rawValue: 4)
  /// A class.
  public static let `class` = SymbolKind(rawValue: 5)
  /// A method.
  public static let method = SymbolKind(rawValue: 6)
  /// A property.
  public static let property = SymbolKind(rawValue: 7)
  /// A field.
  public static let field = SymbolKind(rawValue: 8)
  /// A constructor.
  public static let constructor = SymbolKind(rawValue: 9)
  /// An enum.
  public static let `enum` = SymbolKind(rawValue: 10)
  /// An interface.
  public static let interface = SymbolKind(rawValue: 11)
  /// A function.
  public static let function = SymbolKind(rawValue: 12)
  /// A variable.
  public static let variable = SymbolKind(rawValue: 13)
  /// A constant.
  public static let constant = SymbolKind(rawValue: 14)
  /// A string.
  public static let string = SymbolKind(rawValue: 15)
  /// A number.
  public static let number = SymbolKind(rawValue: 16)
  /// A boolean.
  public static let boolean = SymbolKind(rawValue: 17)
  /// An array.
  public static let array = SymbolKind(rawValue: 18)
  /// An object.
  public static let object = SymbolKind(rawValue: 19)
  /// A key.
  public static let key = SymbolKind(rawValue: 20)
  /// Null.
  public static let null = SymbolKind(rawValue: 21)
  /// An enum member.
  public static let enumMember = SymbolKind(rawValue: 22)
  /// A struct.
  public static let `struct` = SymbolKind(rawValue: 23)
  /// An event.
  public static let event = SymbolKind(rawValue: 24)
  /// An operator.
  public static let `operator` = SymbolKind(rawValue: 25)
  /// A type parameter.
  public static let typeParameter = SymbolKind(rawValue: 26)
}

/// `textDocument/documentSymbol`: the document outline.
public struct DocumentSymbolParams: LSPRequest, Hashable {
  /// The method name.
  public static let method = "textDocument/documentSymbol"
  /// The result type.
  public typealias Response = [DocumentSymbol]?

  /// The document.
  public var textDocument: TextDocumentIdentifier

  /// Creates params.
  public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

/// One node of the document outline.
public struct DocumentSymbol: Codable, Sendable, Hashable {
  /// The name shown.
  public var name: String
  /// Extra text shown beside the name.
  public var detail: String?
  /// The icon kind.
  public var kind: SymbolKind
  /// The whole extent of the symbol, used to find the symbol around the cursor.
  public var range: LSPRange
  /// The part to select when navigating, such as the name; must lie within `range`.
  public var selectionRange: LSPRange
  /// Nested symbols, each within `range`.
  public var children: [DocumentSymbol]?

  /// Creates a symbol.
  public init(
    name: String, detail: String? = nil, kind: SymbolKind, range: LSPRange, selectionRange: LSPRange,
    children: [DocumentSymbol]? = nil
  ) {
    self.name = name
    self.detail = detail
    self.kind = kind
    self.range = range
    self.selectionRange = selectionRange
    self.children = children
  }
}
