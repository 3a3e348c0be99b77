/// Every rule, in code order. Each block lists its rules in `Rules/<Block>/<Block>Rules.swift`; add a new rule's type there (see CONTRIBUTING.md, "Adding a rule").
public enum RuleRegistry {
  /// All rule types.
  public static let all: [any Rule.Type] =
    StructureRules.all + ValuesRules.all + MoneyRules.all + DatesRules.all + HygieneRules.all + DocumentRules.all

  /// The rule with a code (`JX301`) or name (`budget-mismatch`), case-insensitive.
  public static func rule(named key: String) -> (any Rule.Type)? {
    all.first { $0.description.code.caseInsensitiveEquals(key) || $0.description.name.caseInsensitiveEquals(key) }
  }
}

extension String {
  fileprivate func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
