/// The dates rules, in code order (registered in `RuleRegistry.all`).
enum DatesRules {
  static let all: [any Rule.Type] = [
    WrongYearRule.self,
    InvalidDateRule.self,
    PeriodOutsideYearRule.self,
  ]
}
