/// A canonical header field of a form: what a header cell means, whatever a template calls it.
///
/// The raw value is the Hunan county template's label, kept for configuration and completion; the labels of
/// every template live in `TemplateCatalog` (data), never in rules.
public enum HeaderField: String, Sendable, CaseIterable, Codable {
  /// 项目支出名称 / 项目名称 / 专项(项目)名称 / 资金名称 …: the project's name.
  case projectName = "项目支出名称"
  /// 预算部门 / 主管部门 / 主管预算部门 …: the spending department.
  case department = "预算部门"
  /// 实施单位 / 项目实施单位: the implementing unit (optional everywhere).
  case implementingUnit = "实施单位"
  /// 年度本级预算金额 / 年度资金总额 / 项目预算金额 …: this year's budget.
  case budget = "年度本级预算金额"
  /// 资金总额: a total that is this year's budget unless the form also states an annual one.
  case fundsTotal = "资金总额"
  /// 中期资金总额 / 中期预算资金总额 …: the total over several years (not the budget).
  case multiYearBudget = "中期资金总额"
  /// 该项目支出上级资金: funds from the level above (added to the budget when numeric, Hunan family).
  case superiorFunds = "该项目支出上级资金"
  /// 其中：财政拨款 / 其他资金 / 中央补助 …: a part of the budget's breakdown (JX305).
  case fundingPart = "其中"
  /// 项目支出实施期 / 项目期 / 项目起止时间 …: the implementation period.
  case implementationPeriod = "项目支出实施期"
  /// 实施期绩效目标 / 中期目标 / 长期目标: the goal over the whole period.
  case periodGoal = "实施期绩效目标"
  /// 本年度绩效目标 / 年度目标: this year's goal.
  case annualGoal = "本年度绩效目标"
  /// 总体目标 / 绩效目标 / 总体绩效目标 as a form's only goal (it stands for both goals).
  case overallGoal = "总体目标"
  /// 年度 / 预算年度 / 填报年度: the form year as a field.
  case year = "年度"

  /// The fields a form's goal requirement is met by, in order: a form with one goal only (总体目标) has no
  /// separate period or annual goal.
  public var satisfiedBy: [HeaderField] {
    switch self {
    case .annualGoal, .periodGoal: return [self, .overallGoal]
    case .department: return [.department, .implementingUnit]
    case .budget: return [.budget, .fundsTotal]
    default: return [self]
    }
  }

  /// The field a label names, if any, by the labels of every template (see `TemplateCatalog`).
  public static func field(forLabel label: String) -> HeaderField? {
    if case .field(let field) = TemplateCatalog.role(ofLabel: label) { return field }
    return nil
  }

  /// English name for messages.
  public var englishName: String {
    switch self {
    case .projectName: return "project name"
    case .department: return "budget department"
    case .implementingUnit: return "implementing unit"
    case .budget: return "annual budget"
    case .fundsTotal: return "total funds"
    case .multiYearBudget: return "multi-year total"
    case .superiorFunds: return "funds from the level above"
    case .fundingPart: return "part of the funding"
    case .implementationPeriod: return "implementation period"
    case .periodGoal: return "goal for the period"
    case .annualGoal: return "goal for the year"
    case .overallGoal: return "overall goal"
    case .year: return "year"
    }
  }
}
