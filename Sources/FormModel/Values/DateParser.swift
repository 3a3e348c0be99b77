import Foundation

/// Reads dates, periods, deadlines and durations from a `ScalarText` (see `DateValue` for the formats).
struct DateParser {
  let text: ScalarText

  /// A value found, with its range in scalar indices.
  struct Parsed {
    var kind: DateValue.Kind
    var range: Range<Int>
    var problems: [DateProblem]
  }

  /// One end of a period, or a single date.
  private struct Atom {
    var date: CalendarDate
    var end: Int
  }

  func scan() -> [Parsed] { text.collect { parse(at: $0) } }

  /// The value whose number starts at `index`, or where to go on.
  private func parse(at index: Int) -> (parsed: Parsed?, next: Int) {
    if ArabicNumber.startsNumber(text, at: index), let digits = ArabicNumber.readDigits(text, at: index) {
      if digits.count == 4, Self.plausibleYears.contains(digits.value), let parsed = yearLed(at: index, year: digits) {
        return (parsed, parsed.range.upperBound)
      }
      if (5...8).contains(digits.count), let parsed = compactPeriod(at: index, first: digits) {
        return (parsed, parsed.range.upperBound)
      }
      if digits.count <= 2, let parsed = monthLed(at: index, month: digits) {
        return (parsed, parsed.range.upperBound)
      }
    }
    if text[index - 1] != "第", let parsed = duration(at: index) { return (parsed, parsed.range.upperBound) }
    return (nil, index + 1)
  }

  // MARK: - Dates that start with a year

  /// Four-digit numbers that may start a date: others (`1234`) are no year, and `2021`-less garbage is caught as
  /// compact digits instead.
  private static let plausibleYears = 1900...2099
  private static let wholeYear = scalarWord("全年")

  private func yearLed(at start: Int, year: (value: Int, count: Int, end: Int)) -> Parsed? {
    let afterYear = text[year.end]
    if afterYear == "年" {
      var cursor = year.end + 1
      if text[cursor] == "底" {
        return finish(Atom(date: CalendarDate(year: year.value, month: 12, day: 31), end: cursor + 1), start: start)
      }
      if text.matches(Self.wholeYear, at: cursor) {
        return period(
          CalendarDate(year: year.value, month: 1), CalendarDate(year: year.value, month: 12), start..<cursor + 2)
      }
      if let month = ArabicNumber.readDigits(text, at: cursor), month.count <= 2 {
        if text[month.end] == "月" {
          return finish(monthDay(year: year.value, month: month.value, after: month.end + 1), start: start)
        }
        // `2021年1-12月`
        if let last = monthAfterSeparator(from: month.end) {
          return period(
            CalendarDate(year: year.value, month: month.value), CalendarDate(year: year.value, month: last.month),
            start..<last.end)
        }
      }
      if text[cursor] == "度" { cursor += 1 }
      return finish(Atom(date: CalendarDate(year: year.value), end: cursor), start: start)
    }
    if Boundaries.isDatePartSeparator(afterYear), let month = ArabicNumber.readDigits(text, at: year.end + 1),
      month.count <= 2
    {
      var date = CalendarDate(year: year.value, month: month.value)
      var end = month.end
      // The day uses the same separator as the month (`2021-01-01`); another one starts a range (`2021.1-12`).
      if text[end] == afterYear, let day = ArabicNumber.readDigits(text, at: end + 1), day.count <= 2 {
        date.day = day.value
        end = day.end
      }
      return finish(Atom(date: date, end: end), start: start)
    }
    // `2021-2022年`: a bare year only as the start of a range of years.
    return finish(Atom(date: CalendarDate(year: year.value), end: year.end), start: start, bareYear: true)
  }

  /// `M月` followed by `D日`/`D号`, `底` (last day) or `份`, after the `月` at `cursor - 1`.
  private func monthDay(year: Int?, month: Int, after cursor: Int) -> Atom {
    var date = CalendarDate(year: year, month: month)
    var end = cursor
    if let day = ArabicNumber.readDigits(text, at: cursor), day.count <= 2, text[day.end] == "日" || text[day.end] == "号"
    {
      date.day = day.value
      end = day.end + 1
    } else if text[cursor] == "底", (1...12).contains(month) {
      date.day = Self.daysIn(month: month, year: year)
      end = cursor + 1
    } else if text[cursor] == "份" {
      end = cursor + 1
    }
    return Atom(date: date, end: end)
  }

  /// `-12月` after a month number: the last month of a period, and where it ends.
  private func monthAfterSeparator(from index: Int) -> (month: Int, end: Int)? {
    guard let separatorEnd = rangeSeparatorEnd(at: text.skipSpaces(from: index)) else { return nil }
    let start = text.skipSpaces(from: separatorEnd)
    guard let month = ArabicNumber.readDigits(text, at: start), month.count <= 2, text[month.end] == "月" else {
      return nil
    }
    return (month.value, month.end + 1)
  }

  /// `12月31日前`, `6月份`, or `1-12月` (a period without year).
  private func monthLed(at start: Int, month: (value: Int, count: Int, end: Int)) -> Parsed? {
    if text[month.end] == "月" {
      return finish(monthDay(year: nil, month: month.value, after: month.end + 1), start: start)
    }
    guard let last = monthAfterSeparator(from: month.end) else { return nil }
    return period(CalendarDate(month: month.value), CalendarDate(month: last.month), start..<last.end)
  }

  // MARK: - Ranges and deadlines

  private static let deadlineAfter = scalarWords(["之前", "以前", "为止", "前", "止"])
  private static let deadlineBefore = scalarWords(["不晚于", "不迟于", "截止到", "截止", "截至", "最迟"])
  private static let completion = scalarWord("完成")

  /// A period when a range separator and a second end follow `first`; else the single date or deadline.
  private func finish(_ first: Atom, start: Int, bareYear: Bool = false) -> Parsed? {
    if let separatorEnd = rangeSeparatorEnd(at: text.skipSpaces(from: first.end)),
      let last = secondEnd(at: text.skipSpaces(from: separatorEnd), after: first.date)
    {
      return period(first.date, last.date, start..<last.end)
    }
    if bareYear { return nil }
    let afterDate = text.skipSpaces(from: first.end)
    if var end = text.matchEnd(of: Self.deadlineAfter, at: afterDate) {
      if text.matches(Self.completion, at: end) { end += Self.completion.count }
      return Parsed(kind: .deadline(first.date), range: start..<end, problems: Self.problems(of: first.date))
    }
    let beforeDate = text.skipSpaces(backwardFrom: start)
    for word in Self.deadlineBefore where text.matches(word, endingAt: beforeDate) {
      return Parsed(
        kind: .deadline(first.date), range: beforeDate - word.count..<first.end, problems: Self.problems(of: first.date)
      )
    }
    return Parsed(kind: .date(first.date), range: start..<first.end, problems: Self.problems(of: first.date))
  }

  /// The end of a period after the separator: a full date (`2021.12`, `2021年12月`), `12月`, or a bare number
  /// read as the month (`2021.1-12`) or, when the start has a day, as the day.
  private func secondEnd(at start: Int, after first: CalendarDate) -> Atom? {
    guard let digits = ArabicNumber.readDigits(text, at: start) else { return nil }
    if digits.count == 4, Self.plausibleYears.contains(digits.value) {
      if let parsed = yearLed(at: start, year: digits), case .date(let date) = parsed.kind {
        return Atom(date: date, end: parsed.range.upperBound)
      }
      guard first.month == nil else { return nil }
      return Atom(date: CalendarDate(year: digits.value), end: digits.end)
    }
    guard digits.count <= 2 else { return nil }
    if text[digits.end] == "月" { return monthDay(year: first.year, month: digits.value, after: digits.end + 1) }
    if first.day != nil {
      let end = text[digits.end] == "日" || text[digits.end] == "号" ? digits.end + 1 : digits.end
      return Atom(date: CalendarDate(year: first.year, month: first.month, day: digits.value), end: end)
    }
    guard first.month != nil else { return nil }
    return Atom(date: CalendarDate(year: first.year, month: digits.value), end: digits.end)
  }

  /// The end of a range separator at `index`: `-`, `－`, `—` or `——`, `~`, `～`, `至`, `到`.
  private func rangeSeparatorEnd(at index: Int) -> Int? {
    guard Boundaries.isRangeSeparator(text[index]) else { return nil }
    return text[index] == "—" && text[index + 1] == "—" ? index + 2 : index + 1
  }

  /// `20246-202516`, `202001-202012`: periods of run-together digits (yyyymm or yyyymmdd); a run of five or seven
  /// digits is a year that cannot be.
  private func compactPeriod(at start: Int, first: (value: Int, count: Int, end: Int)) -> Parsed? {
    guard Self.startsLikeYear(first), let separatorEnd = rangeSeparatorEnd(at: text.skipSpaces(from: first.end)) else {
      return nil
    }
    let secondStart = text.skipSpaces(from: separatorEnd)
    guard let second = ArabicNumber.readDigits(text, at: secondStart), (5...8).contains(second.count),
      Self.startsLikeYear(second)
    else { return nil }
    return period(Self.compactDate(first), Self.compactDate(second), start..<second.end)
  }

  private static func startsLikeYear(_ digits: (value: Int, count: Int, end: Int)) -> Bool {
    var leading = digits.value
    for _ in 0..<(digits.count - 2) { leading /= 10 }
    return leading == 19 || leading == 20
  }

  private static func compactDate(_ digits: (value: Int, count: Int, end: Int)) -> CalendarDate {
    switch digits.count {
    case 6: return CalendarDate(year: digits.value / 100, month: digits.value % 100)
    case 8: return CalendarDate(year: digits.value / 10_000, month: digits.value / 100 % 100, day: digits.value % 100)
    default: return CalendarDate(year: digits.value)
    }
  }

  private func period(_ start: CalendarDate, _ end: CalendarDate, _ range: Range<Int>) -> Parsed {
    var problems = Self.problems(of: start) + Self.problems(of: end)
    if problems.isEmpty, Self.sortKey(end, fill: (12, 31)) < Self.sortKey(start, fill: (1, 1)) {
      problems.append(.endBeforeStart)
    }
    return Parsed(kind: .period(start: start, end: end), range: range, problems: problems)
  }

  /// Orders dates with missing parts filled in (the start of a period from its first day, the end to its last).
  private static func sortKey(_ date: CalendarDate, fill: (month: Int, day: Int)) -> (Int, Int, Int) {
    (date.year ?? 0, date.month ?? fill.month, date.day ?? fill.day)
  }

  // MARK: - Validity

  private static func problems(of date: CalendarDate) -> [DateProblem] {
    var problems: [DateProblem] = []
    if let year = date.year, !plausibleYears.contains(year) { problems.append(.invalidYear(year)) }
    if let month = date.month, !(1...12).contains(month) { problems.append(.invalidMonth(month)) }
    if let day = date.day {
      let monthIsValid = date.month.map { (1...12).contains($0) } ?? false
      let last = monthIsValid ? daysIn(month: date.month!, year: date.year) : 31
      if !(1...last).contains(day) { problems.append(.invalidDay(day)) }
    }
    return problems
  }

  /// Days in a month; without a year February may have 29.
  static func daysIn(month: Int, year: Int?) -> Int {
    switch month {
    case 2:
      guard let year else { return 29 }
      return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  // MARK: - Durations

  private static let durationUnitNames: [(String, TimeUnit)] = [
    ("工作日", .workingDay), ("自然日", .naturalDay), ("小时", .hour), ("分钟", .minute), ("星期", .week),
    ("季度", .quarter), ("天", .day), ("周", .week), ("月", .month), ("年", .year), ("日", .day),
  ]
  private static let durationUnits = durationUnitNames.map { (word: scalarWord($0.0), unit: $0.1) }
  private static let bareWithin = scalarWord("内")

  /// `5个工作日内`, `3个月`, `十五天`, `不少于5个工作日`. `月` needs `个` (`3月` is March) and `日` needs `内`
  /// (`31日` is a day of the month).
  private func duration(at start: Int) -> Parsed? {
    guard let number = QuantityScanner.number(text, at: start, chinese: true) else { return nil }
    var cursor = text.skipSpaces(from: number.end)
    let hasGe = text[cursor] == "个"
    if hasGe { cursor += 1 }
    guard let found = Self.durationUnits.first(where: { text.matches($0.word, at: cursor) }),
      found.unit != .month || hasGe
    else { return nil }
    var end = cursor + found.word.count
    var comparator: Comparator?
    if let suffix = ComparatorLexicon.suffix(in: text, at: end) {
      comparator = suffix.comparator
      end = suffix.end
    } else if text.matches(Self.bareWithin, at: end) {
      comparator = .lessOrEqual
      end += 1
    } else if text[cursor] == "日" {
      return nil
    }
    var rangeStart = start
    if let prefix = ComparatorLexicon.prefix(in: text, before: start, allowLoose: false) {
      comparator = comparator ?? prefix.comparator
      rangeStart = prefix.start
    }
    let span = TimeSpan(number: number.value, unit: found.unit, comparator: comparator)
    return Parsed(kind: .duration(span), range: rangeStart..<end, problems: [])
  }
}
