import LSP

/// The semantic token types the server reports, in legend order.
enum SemanticTokenKind: Int, CaseIterable {
  /// Header labels, column titles and indicator categories.
  case label
  /// Amounts of money.
  case amount
  /// Percentages.
  case percentage
  /// Years.
  case year
  /// Template placeholders left in (`（分级填报）`, `/`).
  case placeholder

  /// The LSP token type name: standard names where one fits, so themes colour them without configuration.
  var typeName: String {
    switch self {
    case .label: return "property"
    case .amount: return "number"
    case .percentage: return "enumMember"
    case .year: return "string"
    case .placeholder: return "comment"
    }
  }

  /// The legend declared in the server capabilities.
  static let legend = SemanticTokensLegend(tokenTypes: allCases.map(\.typeName), tokenModifiers: [])
}
