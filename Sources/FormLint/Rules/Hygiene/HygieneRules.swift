/// The hygiene rules, in code order (registered in `RuleRegistry.all`).
enum HygieneRules {
  static let all: [any Rule.Type] = [
    WordArtifactRule.self, StrayWhitespaceRule.self, SpaceBeforePunctuationRule.self, ListRunTogetherRule.self,
  ]
}
