import FormModel

/// JX201: a 数量指标 value that is a percentage or names no count.
struct QuantityNotCountRule: Rule {
  static let description = RuleDescription(
    code: "JX201", name: "quantity-not-count", severity: .warning,
    summary: LocalizedText(
      zh: "数量指标的指标值是百分比或没有数量", en: "A 数量指标 value is a percentage or gives no count"),
    rationale: LocalizedText(
      zh: "财预〔2015〕88号要求绩效目标“细化、量化”：数量指标反映提供多少公共产品和服务，指标值应是带计量单位的数量（≥10场次、300人次）。“98%”说不出做了多少，年底自评时无从核对；只有名称本身是比率（覆盖率、比例）时百分比才有意义。",
      en: "财预〔2015〕88号 asks for targets that are broken down and quantified (细化、量化): a 数量指标 says how many products or services will be delivered, so its value is a number with a unit (≥10场次, 300人次). “98%” says nothing about how much is done and cannot be checked at the year-end self-evaluation; a percentage only makes sense when the indicator itself is a rate (覆盖率, 比例)."),
    triggering: [
      Examples.form(quantityValue: "↓98%"),
      Examples.form(quantityName: "扩大法律援助覆盖面，惠及更多困难群众", quantityValue: "↓98%　"),
      Examples.form(quantityValue: "↓全面完成"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(quantityName: "法律援助覆盖率", quantityValue: "≥95%"),
      Examples.form(quantityValue: "开展普法宣传10场次以上"),
      Examples.form(quantityValue: "/"),
    ])

  /// Names of rates, for which a percentage is the right kind of value.
  static let rateSuffixes = ["率", "比例", "覆盖率"]

  func check(form context: FormContext) -> [Diagnostic] {
    ValuesCells.filledValues(context) { $0.role == .quantity }.compactMap { value in
      let shown = ValuesCells.shown(value.cell)
      let name = value.shortName
      let advice = LocalizedText(
        zh: "应写明计划完成的数量和计量单位（如 ≥10场次）", en: "state the planned number and its unit (e.g. ≥10场次)")
      switch value.kind {
      case .percentage:
        guard !ValuesCells.nameEnds(value.name, in: Self.rateSuffixes) else { return nil }
        return diagnostic(
          LocalizedText(
            zh: "数量指标“\(name)”的指标值 \(shown) 是百分比，不是数量：\(advice.zh)",
            en: "The 数量指标 value \(shown) of “\(name)” is a percentage, not a count: \(advice.en)"),
          at: value.cell.trimmedRange)
      case .count, .bareNumber:
        // A bare number is a count without its unit: JX206 reports it.
        return nil
      case .text where !CountValue.scan(in: value.cell.text).isEmpty:
        return nil
      default:
        return diagnostic(
          LocalizedText(
            zh: "数量指标“\(name)”的指标值“\(shown)”没有数量：\(advice.zh)",
            en: "The 数量指标 value “\(shown)” of “\(name)” gives no count: \(advice.en)"),
          at: value.cell.trimmedRange)
      }
    }
  }
}
