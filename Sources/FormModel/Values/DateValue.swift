import Foundation

/// A calendar date as far as the text gives it: `2021年` (year only), `12月31日` (no year), `2021.1` (no day).
public struct CalendarDate: Sendable, Equatable, Hashable {
  /// The year, nil when the text names none (`12月31日前`).
  public var year: Int?
  /// The month (1–12 when valid), nil for a year alone.
  public var month: Int?
  /// The day of the month, nil when not given.
  public var day: Int?

  /// Makes a date from the parts the text gives.
  public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
    self.year = year
    self.month = month
    self.day = day
  }
}

/// A unit of a duration: `5个工作日`, `3个月`, `15天`.
public enum TimeUnit: String, Sendable, Equatable, Hashable, CaseIterable {
  case workingDay = "工作日"
  case naturalDay = "自然日"
  case day = "天"
  case hour = "小时"
  case minute = "分钟"
  case week = "周"
  case month = "月"
  case quarter = "季度"
  case year = "年"
}

/// A length of time with its comparator: `5个工作日内` (≤ 5 working days), `不少于5个工作日` (≥).
public struct TimeSpan: Sendable, Equatable, Hashable {
  /// How many units.
  public var number: ExactDecimal
  /// The unit counted.
  public var unit: TimeUnit
  /// `≤` for `内`/`以内`/`不超过`, `≥` for `不少于`/`以上`, nil when none is written.
  public var comparator: Comparator?

  /// Makes a duration.
  public init(number: ExactDecimal, unit: TimeUnit, comparator: Comparator? = nil) {
    self.number = number
    self.unit = unit
    self.comparator = comparator
  }
}

/// Why a date or period cannot be one.
public enum DateProblem: Sendable, Equatable, Hashable {
  /// A year outside 1900–2099, such as the five-digit `20246` of a garbled `20246-202516`.
  case invalidYear(Int)
  /// A month outside 1–12.
  case invalidMonth(Int)
  /// A day the month does not have (32, or 30 February).
  case invalidDay(Int)
  /// A period that ends before it starts.
  case endBeforeStart
}

/// A date, period, deadline or duration found in text, with anything that makes it impossible.
public struct DateValue: Sendable, Equatable {
  /// What kind of time a text names.
  public enum Kind: Sendable, Equatable, Hashable {
    /// `2021年12月31日`, `2021-01-01`, `2021.1`, `2021年`.
    case date(CalendarDate)
    /// `2021.1-2021.12`, `2021.1-12`, `2021年1-12月`, `2021年1月-12月`, `202001-202012`, `2021年全年`.
    case period(start: CalendarDate, end: CalendarDate)
    /// `2021年12月底前` (day 31), `12月31日前`, `…前完成`, `不晚于…`.
    case deadline(CalendarDate)
    /// `5个工作日内`, `3个月`, `15个工作日`.
    case duration(TimeSpan)
  }

  /// What the text names.
  public var kind: Kind
  /// UTF-8 range of the whole expression (deadline and comparator words included).
  public var range: Range<Int>
  /// Why it cannot be a real date or period; empty when it can.
  public var problems: [DateProblem]

  /// Makes a value.
  public init(kind: Kind, range: Range<Int>, problems: [DateProblem] = []) {
    self.kind = kind
    self.range = range
    self.problems = problems
  }

  /// Whether nothing makes the value impossible.
  public var isValid: Bool { problems.isEmpty }

  /// The years a date, deadline or period covers; nil for a duration, a date without year, or an invalid value
  /// (whose years cannot be trusted: `20246-202516`, a period ending before it starts).
  public var yearSpan: ClosedRange<Int>? {
    guard problems.isEmpty else { return nil }
    switch kind {
    case .date(let date), .deadline(let date):
      return date.year.map { $0...$0 }
    case .period(let start, let end):
      guard let first = start.year, let last = end.year else { return nil }
      return first...last
    case .duration:
      return nil
    }
  }

  /// Whether the value covers any part of `year` (a period `2021.1-2021.12` includes 2021).
  public func includes(year: Int) -> Bool { yearSpan?.contains(year) ?? false }

  /// Every date, period, deadline and duration in `text`.
  public static func scan(in text: String) -> [DateValue] {
    let scalars = ScalarText(text)
    return DateParser(text: scalars).scan().map { DateValue(scalars, $0) }
  }

  /// The value when the whole trimmed cell is one: `2021.1-2021.12`, `2021年12月底前`, `5个工作日内`.
  public static func parseCell(_ text: String) -> DateValue? { parseCell(ScalarText(text)) }

  static func parseCell(_ scalars: ScalarText) -> DateValue? {
    guard let cell = scalars.valueCell else { return nil }
    let found = DateParser(text: scalars).scan()
    guard found.count == 1, found[0].range == cell else { return nil }
    return DateValue(scalars, found[0])
  }

  private init(_ text: ScalarText, _ parsed: DateParser.Parsed) {
    self.init(kind: parsed.kind, range: text.byteRange(parsed.range), problems: parsed.problems)
  }
}
