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
    """
    附件5-1
    2021年项目支出绩效目标表
    填报单位：（盖章）                                       单位：万元
    \t项目支出名称
    \t1、普法经费
    \t预算部门
    \t临武县司法局

    \t年度本级预算金额
    \t\(budget)
    \t该项目支出上级资金
    \t\(superiorFunds)

    \t项目支出实施期
    \t\(period)

    \t实施期绩效目标
    \t全面完成普法依法治理工作。

    \t本年度绩效目标
    \t\(annualGoal)

    \t本年度
    绩效指标
    \t一级指标
    \t二级指标
    \t三级指标
    \t指标值及单位
    \t绩效标准

    \t
    \t产出指标
    \t数量指标
    \t\(quantityName)
    \t\(quantityValue)
    \t\(quantityStandard)

    \t
    \t
    \t质量指标
    \t\(qualityName)
    \t\(qualityValue)
    \t\(qualityStandard)

    \t
    \t
    \t时效指标
    \t\(timeName)
    \t\(timeValue)
    \t\(timeStandard)

    \t
    \t
    \t成本指标
    \t\(costName)
    \t\(costValue)
    \t\(costStandard)

    \t
    \t效益指标
    \t社会效益指标
    \t\(benefitName)
    \t\(benefitValue)
    \t\(benefitStandard)

    \t
    \t
    \t社会公众或服务对象满意度指标
    \t服务对象满意度
    \t\(satisfactionValue)
    \t问卷调查满意度95%以上

    \t财政局审核意见
    \t业务股室意见
    \t预算股意见
    \t绩效管理股意见

    \t
    \t日期
    \t日期
    \t日期

    填表人：张三          联系电话：0735-1234567          填报日期：2021年1月5日           单位负责人签字：李四

    """
  }
}
