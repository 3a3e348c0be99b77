import FormModel

/// JX203: a 时效指标 value that is not a date, period, deadline or duration.
struct TimelinessNotTimeRule: Rule {
  static let description = RuleDescription(
    code: "JX203", name: "timeliness-not-time", severity: .warning,
    summary: LocalizedText(
      zh: "时效指标的指标值不是日期、期间、时限或时长",
      en: "A 时效指标 value is not a date, period, deadline or duration"),
    rationale: LocalizedText(
      zh: "时效指标反映完成的及时程度（财预〔2015〕88号）：指标值应是完成时限、期间或时长（2021年12月底前、5个工作日内），或者指标本身是及时率、完成率。“案件受理及时 98%”既不是时间也不是比率，无法考核。",
      en: "A 时效指标 says how timely the work is (财预〔2015〕88号): its value is a deadline, period or duration (2021年12月底前, 5个工作日内), unless the indicator itself is a rate such as 及时率 or 完成率. “案件受理及时 98%” is neither a time nor a rate, so it cannot be assessed."),
    triggering: [
      Examples.form(timeName: "案件受理及时", timeValue: "↓98%"),
      Examples.form(timeName: "在法规和规范性文件规定内办理", timeValue: "↓98%　"),
      Examples.form(timeValue: "↓按期完成"),
    ],
    nonTriggering: [
      Examples.form(),
      Examples.form(timeName: "案件及时调处率", timeValue: "98%"),
      Examples.form(timeValue: "2021.1-12"),
      Examples.form(timeValue: "5个工作日内受理"),
      Examples.form(timeValue: "每月1次"),
    ])

  /// Rates measure timeliness as a share (及时率, 完成率): a percentage is their right value.
  static let rateSuffixes = ["率"]
  /// Words of a regular schedule (`每月1次`, `按季度`), which is a time too.
  static let scheduleWords = ["每日", "每天", "每周", "每月", "每季", "每年", "按日", "按周", "按月", "按季", "按年"]

  func check(form context: FormContext) -> [Diagnostic] {
    let year = context.form.year.map(String.init) ?? "2021"
    return ValuesCells.filledValues(context) { $0.role == .timeliness }.compactMap { value in
      guard !ValuesCells.nameEnds(value.name, in: Self.rateSuffixes) else { return nil }
      switch value.kind {
      case .time, .bareNumber:
        // A bare number (`180`) is JX206's.
        return nil
      case .text, .count:
        let text = value.cell.text
        if !DateValue.scan(in: text).isEmpty || Self.scheduleWords.contains(where: text.contains) { return nil }
      default:
        break
      }
      let shown = ValuesCells.shown(value.cell)
      return diagnostic(
        LocalizedText(
          zh: "时效指标“\(value.shortName)”的指标值“\(shown)”不是时间：应写明完成时限、期间或时长（如 \(year)年12月底前、5个工作日内），或把指标改为及时率",
          en: "The 时效指标 value “\(shown)” of “\(value.shortName)” is not a time: state a deadline, period or duration (e.g. \(year)年12月底前, 5个工作日内), or make the indicator a rate (及时率)"),
        at: value.cell.trimmedRange)
    }
  }
}
