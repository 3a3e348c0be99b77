/// The money rules (3xx), in code order (registered in `RuleRegistry.all`).
enum MoneyRules {
  static let all: [any Rule.Type] = [
    BudgetMismatchRule.self,
    CostBelowBudgetRule.self,
    CostAmountMissingRule.self,
    AmountUnitConflictRule.self,
    FundingBreakdownMismatchRule.self,
  ]
}
