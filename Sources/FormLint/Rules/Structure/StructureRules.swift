/// The structure rules, in code order (registered in `RuleRegistry.all`).
enum StructureRules {
  static let all: [any Rule.Type] = [
    RequiredFieldMissingRule.self, IndicatorMissingRule.self, IndicatorValueEmptyRule.self,
    IndicatorValueNotApplicableRule.self, NotApplicableRowRule.self, UnknownIndicatorCategoryRule.self,
    MalformedRowRule.self, TemplatePlaceholderRule.self, SignatureBlockEmptyRule.self, TooFewIndicatorsRule.self,
    WeightsNot100Rule.self,
  ]
}
