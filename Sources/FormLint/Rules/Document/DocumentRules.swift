/// The document rules, in code order (registered in `RuleRegistry.all`).
enum DocumentRules {
  static let all: [any Rule.Type] = [AnnexSequenceRule.self, DuplicateProjectRule.self, FormYearMissingRule.self]
}
