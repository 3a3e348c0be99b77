/// Whole clean forms of other template families for rule examples (research/templates.md §5, completed): a
/// budget-system export (F9) with 指标方向 / 目标值 / 计量单位 / 分值 columns, a 扶贫 申报表 (F5) whose funds
/// block has a 其中 breakdown, and a city 批复表 (F8) with 中期 and 年度 blocks. `↓` markers may sit anywhere in the
/// strings.
enum TemplateExamples {
  /// One row of the F9 indicator table.
  struct ExportRow {
    var level1, level2, name, direction, value, unit, weight: String
  }

  /// The clean F9 rows: every hunan-2021 category, weights adding up to 100.
  static let exportRows: [ExportRow] = [
    ExportRow(level1: "产出指标", level2: "数量指标", name: "购置设备台数", direction: "≥", value: "12", unit: "台", weight: "20"),
    ExportRow(level1: "", level2: "质量指标", name: "设备验收合格率", direction: "≥", value: "100", unit: "%", weight: "10"),
    ExportRow(level1: "", level2: "时效指标", name: "购置完成时间", direction: "≤", value: "2024年11月", unit: "", weight: "10"),
    ExportRow(level1: "", level2: "成本指标", name: "设备购置总成本", direction: "≤", value: "12", unit: "万元", weight: "10"),
    ExportRow(level1: "效益指标", level2: "经济效益指标", name: "节约设备维修费用", direction: "≥", value: "1", unit: "万元", weight: "5"),
    ExportRow(level1: "", level2: "社会效益指标", name: "档案查阅平均等候时间", direction: "≤", value: "10", unit: "分钟", weight: "10"),
    ExportRow(level1: "", level2: "生态效益指标", name: "纸质复印减少比例", direction: "≥", value: "30", unit: "%", weight: "5"),
    ExportRow(level1: "", level2: "可持续影响指标", name: "设备使用年限", direction: "≥", value: "5", unit: "年", weight: "10"),
    ExportRow(
      level1: "", level2: "社会公众或服务对象满意度指标", name: "查阅群众满意度", direction: "≥", value: "90", unit: "%", weight: "20"),
  ]

  /// A budget-system export (F9) with the given rows and the total its merged heading states.
  static func export(
    rows: [ExportRow] = exportRows, heading: String = "绩效指标(权重分值100分)", weightHeading: String = "分值", budget: String = "12"
  ) -> String {
    var lines = ["示例办公设备购置项目绩效目标表", "（2024年）"]
    let header: [[String]] = [
      ["项目名称", "示例办公设备购置"], ["主管部门", "(512)示例市档案馆"], ["投入目标 (万元)", "资金来源", "年初安排金额(万元)"],
      ["", "资金总额", budget], ["年度目标", "目标1：完成档案馆办公设备更新。"],
    ]
    for row in header { lines += row.map { "\t" + $0 } + [""] }
    lines += [heading, "一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", weightHeading, "备注"].map { "\t" + $0 }
    lines.append("")
    for row in rows {
      let cells = ["", row.level1, row.level2, row.name, "正向", row.direction, row.value, row.unit, row.weight, ""]
      lines += cells.map { "\t" + $0 } + [""]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A 扶贫 申报表 (F5) with the given funds rows (label, value) under 资金情况（万元）.
  static func poverty(funds: [(label: String, value: String)] = [("年度资金总额：", "200"), ("其中：财政拨款", "180"), ("其他资金", "20")])
    -> String
  {
    var lines = ["附表2", "绩效目标申报表（产业发展类）", "（2023年度）"]
    var header: [[String]] = [["项目名称", "示例村茶叶加工厂扩建", "项目负责人及电话", "张三"], ["主管部门", "示例县农业农村局", "实施单位", "示例镇人民政府"]]
    for (index, fund) in funds.enumerated() { header.append([index == 0 ? "资金情况（万元）" : "", fund.label, fund.value]) }
    header += [["总体目标", "年度目标"], ["", "扩建茶叶加工厂一座，带动脱贫户增收。"]]
    for row in header { lines += row.map { "\t" + $0 } + [""] }
    lines += ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"].map { "\t" + $0 } + [""]
    let rows: [[String]] = [
      ["", "产出指标", "数量指标", "扩建加工厂", "1座"], ["", "", "质量指标", "工程验收合格率", "100%"],
      ["", "", "时效指标", "完工时间", "2023年10月底前"], ["", "", "成本指标", "扩建总成本", "≤200万元"],
      ["", "效益指标", "经济效益指标", "带动脱贫户年增收", "≥1000元/户"], ["", "", "社会效益指标", "带动就业人数", "≥20人"],
      ["", "", "生态效益指标", "加工废水达标排放率", "100%"], ["", "", "可持续影响指标", "加工厂持续运营年限", "≥10年"],
      ["", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"],
    ]
    for row in rows { lines += row.map { "\t" + $0 } + [""] }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A city 批复表 (F8) of 2024: the period in the 中期 goal's heading, 中期 and 年度 value blocks side by side.
  static func cityApproval(periodGoal: String = "中期滚动目标(2024年--2026年)") -> String {
    var lines = ["示例市财政项目支出绩效目标批复表", "（ 2024 年度）", "预算单位：示例市水务局"]
    let header: [[String]] = [
      ["项目 名称", "城区排水管网改造", "中期市财政预算(万元)", "900.00", "本年度申请市财政预算资金(万元)", "300.00"],
      ["总体目标", periodGoal, "年度目标"], ["", "三年改造城区老旧排水管网30公里。", "2024年改造排水管网10公里。"],
      ["绩效指标", "一级 指标", "二级 指标", "三级 指标", "指标值(或计划水平)", "二级 指标", "三级 指标", "计划指标值(或计划水平)"],
    ]
    for row in header { lines += row.map { "\t" + $0 } + [""] }
    let rows: [(level1: String, level2: String, name: String, midterm: String, annual: String)] = [
      ("预期产出指标", "数量指标(或建筑规模指标)", "改造管网长度", "≥30公里", "≥10公里"),
      ("", "质量指标", "工程竣工验收合格率", "100%", "100%"),
      ("", "时效指标(工期指标)", "工程完工时间", "2026年底前", "2024年11月底前"),
      ("", "预算(或投资规模)控制指标", "工程投资", "≤900万元", "≤300万元"),
      ("效果指标", "社会、经济、生态效益 指标", "消除城区易涝点", "≥15处", "≥5处"),
      ("", "可持续影响指标", "管网设计使用年限", "≥30年", "≥30年"),
      ("", "社会公众或服务对象满意度指标", "沿线居民满意度", "≥85%", "≥85%"),
    ]
    for row in rows {
      let cells = ["", row.level1, row.level2, row.name, row.midterm, row.level2, row.name, row.annual]
      lines += cells.map { "\t" + $0 } + [""]
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
