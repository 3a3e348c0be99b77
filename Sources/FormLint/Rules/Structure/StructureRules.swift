/// The structure rules, in code order (registered in `RuleRegistry.all`).
enum StructureRules {
  static let all: [any Rule.Type] = []
}
