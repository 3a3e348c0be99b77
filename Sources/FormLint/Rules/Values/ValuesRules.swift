/// The values rules, in code order (registered in `RuleRegistry.all`).
enum ValuesRules {
  static let all: [any Rule.Type] = [
    QuantityNotCountRule.self,
    CostNotMoneyRule.self,
    TimelinessNotTimeRule.self,
    StandardRepeatsIndicatorRule.self,
    PercentOutOfRangeRule.self,
    ValueMissingUnitRule.self,
    ValueVagueRule.self,
    SatisfactionBelowFloorRule.self,
    ComparatorMissingRule.self,
  ]
}
