/// Builders of small forms for rule examples, so that each example shows only what matters to its rule.
///
/// `↓` marks where a finding must start; the test harness removes the markers before checking.
enum Examples {
  /// A complete, clean hunan-2021 form with the given budget and cost row.
  static func form(
    budget: String = "20万", superiorFunds: String = "0", period: String = "2021.1-2021.12",
    annualGoal: String = "完成2021年度普法宣传工作计划。", costName: String = "培训经费", costValue: String = "≤20万元",
    costStandard: String = "培训经费20万元",
    quantityName: String = "开展普法宣传场次", quantityValue: String = "≥10场次", quantityStandard: String = "全年开展10场次以上",
    qualityName: String = "宣传覆盖率", qualityValue: String = "≥95%", qualityStandard: String = "覆盖全县各乡镇",
    timeName: String = "完成时间", timeValue: String = "2021年12月底前", timeStandard: String = "按期完成",
    benefitName: String = "群众法治意识提升", benefitValue: String = "≥90%", benefitStandard: String = "问卷调查知晓率达90%以上",
    satisfactionValue: String = "≥95%"
  ) -> String {
    // Built on StructureExamples' clean form, so that there is one example form to keep right.
    let values = [
      "年度本级预算金额": budget, "该项目支出上级资金": superiorFunds, "项目支出实施期": period, "本年度绩效目标": annualGoal,
    ]
    let header = StructureExamples.header.map { row in row.map { pair in (pair.label, values[pair.label] ?? pair.value) } }
    let replacements: [String: (name: String, value: String, standard: String)] = [
      "数量指标": (quantityName, quantityValue, quantityStandard), "质量指标": (qualityName, qualityValue, qualityStandard),
      "时效指标": (timeName, timeValue, timeStandard), "成本指标": (costName, costValue, costStandard),
      "社会效益指标": (benefitName, benefitValue, benefitStandard),
    ]
    let rows = StructureExamples.rows.map { row -> StructureExamples.Row in
      var copy = row
      if let replacement = replacements[row.level2] {
        (copy.name, copy.value, copy.standard) = replacement
      } else if row.level2 == "社会公众或服务对象满意度指标" {
        copy.value = satisfactionValue
      }
      return copy
    }
    return StructureExamples.form(header: header, rows: rows)
  }
}
