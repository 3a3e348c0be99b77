import FormModel

/// JX402: a date or period that cannot be one.
struct InvalidDateRule: Rule {
  static let description = RuleDescription(
    code: "JX402", name: "invalid-date", severity: .error,
    summary: LocalizedText(zh: "日期或期间不可能存在", en: "A date or period cannot exist"),
    rationale: LocalizedText(
      zh: "13月、32日、“20246-202516”这样的日期，或结束早于开始的期间，不可能存在，多半是录入或转换错误。实施期和时效指标据此考核（财预〔2015〕88号要求目标“清晰可衡量”），日期错了，指标就无法核对。",
      en: "Month 13, day 32, a garbled “20246-202516”, or a period that ends before it starts cannot exist; they are typing or conversion errors. The implementation period and the 时效 indicators are assessed by these dates (财预〔2015〕88号 asks for measurable targets), so a wrong date leaves nothing to check."),
    triggering: [
      Examples.form(period: "↓20246-202516"),
      Examples.form(timeValue: "↓2021年13月底前"),
      Examples.form(period: "↓2021.12-2021.1", timeStandard: "↓2021年2月30日前完成"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(timeValue: "2021年1-12月"),
      Examples.form(period: "202101-202112", timeValue: "2021年12月31日前"),
      Examples.form(costStandard: "培训经费200000-250000元"),
    ])

  /// Money after the digits: `200000-250000元` is a range of amounts, not a garbled period.
  static let moneyUnits: Set<Unicode.Scalar> = ["元", "万", "萬", "千", "亿", "億"]

  func check(form context: FormContext) -> [Diagnostic] {
    // A cell the dates memo would not scan holds no date (`DatesCells.mayHoldDates`).
    DatesCells.dateCells(context.form, where: { DatesCells.mayHoldDates($0.text) }).flatMap { dated -> [Diagnostic] in
      context.dates(in: dated.cell).compactMap { value in
        guard !value.problems.isEmpty else { return nil }
        let after = dated.text(value.range.upperBound..<dated.cell.text.utf8.count).unicodeScalars.first
        if let after, Self.moneyUnits.contains(after) { return nil }
        let written = dated.text(value.range)
        let place = dated.place
        let reasons = value.problems.map(Self.reason)
        return diagnostic(
          LocalizedText(
            zh: "\(place.zh)中的“\(written)”不是有效的日期：\(reasons.map(\.zh).joined(separator: "；"))",
            en: "“\(written)” in \(place.en) is not a valid date: \(reasons.map(\.en).joined(separator: "; "))"),
          at: dated.nodeRange(value.range))
      }
    }
  }

  static func reason(_ problem: DateProblem) -> LocalizedText {
    switch problem {
    case .invalidYear(let year): return LocalizedText(zh: "年份 \(year) 不存在", en: "there is no year \(year)")
    case .invalidMonth(let month): return LocalizedText(zh: "没有 \(month) 月", en: "there is no month \(month)")
    case .invalidDay(let day): return LocalizedText(zh: "该月没有 \(day) 日", en: "the month has no day \(day)")
    case .endBeforeStart: return LocalizedText(zh: "结束早于开始", en: "it ends before it starts")
    }
  }
}
