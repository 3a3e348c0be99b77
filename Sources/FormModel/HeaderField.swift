/// A header field of the form (the label/value rows above the indicator table).
public enum HeaderField: String, Sendable, CaseIterable, Codable {
  /// 项目支出名称: the project's name.
  case projectName = "项目支出名称"
  /// 预算部门: the spending department.
  case department = "预算部门"
  /// 年度本级预算金额: this year's budget at this level.
  case budget = "年度本级预算金额"
  /// 该项目支出上级资金: funds from the level above.
  case superiorFunds = "该项目支出上级资金"
  /// 项目支出实施期: the implementation period.
  case implementationPeriod = "项目支出实施期"
  /// 实施期绩效目标: the goal over the whole period.
  case periodGoal = "实施期绩效目标"
  /// 本年度绩效目标: this year's goal.
  case annualGoal = "本年度绩效目标"

  /// Fields every form must fill (JX101).
  public static let required: [HeaderField] = [
    .projectName, .department, .budget, .implementationPeriod, .periodGoal, .annualGoal,
  ]

  /// Other spellings seen in real forms, compared after `Profile.canonicalLabel`.
  static let synonyms: [String: HeaderField] = [
    "项目名称": .projectName, "主管部门": .department, "年度预算金额": .budget, "年度资金总额": .budget,
    "上级资金": .superiorFunds, "实施期": .implementationPeriod, "项目实施期": .implementationPeriod,
    "中长期目标": .periodGoal, "年度目标": .annualGoal, "年度绩效目标": .annualGoal,
  ]

  /// The field a label names, if any (whitespace and a parenthesised note such as （分级填报） ignored).
  public static func field(forLabel label: String) -> HeaderField? {
    var key = Profile.canonicalLabel(label)
    if let open = key.firstIndex(where: { $0 == "（" || $0 == "(" }) { key = String(key[..<open]) }
    return HeaderField(rawValue: key) ?? synonyms[key]
  }

  /// English name for messages.
  public var englishName: String {
    switch self {
    case .projectName: return "project name"
    case .department: return "budget department"
    case .budget: return "annual budget"
    case .superiorFunds: return "funds from the level above"
    case .implementationPeriod: return "implementation period"
    case .periodGoal: return "goal for the period"
    case .annualGoal: return "goal for the year"
    }
  }
}
