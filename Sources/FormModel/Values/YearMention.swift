/// A year named in text (`2020年`, or `2020.`/`2020-`/`2020/` before a month), and whether it is a comparison base.
public struct YearMention: Sendable, Equatable {
  /// The year, 1900–2099.
  public var year: Int
  /// UTF-8 range of the four digits and the `年` after them when there is one (a separator is left out).
  public var range: Range<Int>
  /// True for a base of comparison (`比2020年`, `与2020年相比`, `以2020年为基数`, `在2020年基础上`), which JX401 allows.
  public var isComparisonBase: Bool

  /// Makes a mention.
  public init(year: Int, range: Range<Int>, isComparisonBase: Bool = false) {
    self.year = year
    self.range = range
    self.isComparisonBase = isComparisonBase
  }

  /// Every year in `text`: four digits 1900–2099 that are not part of a longer digit run, followed by `年`, or by
  /// `.` `-` `/` (ASCII or full-width) and a month number 1–12.
  public static func scan(in text: String) -> [YearMention] {
    let scalars = ScalarText(text)
    var mentions: [YearMention] = []
    var index = 0
    while index < scalars.count {
      guard ArabicNumber.startsNumber(scalars, at: index), let digits = ArabicNumber.readDigits(scalars, at: index)
      else {
        index += 1
        continue
      }
      defer { index = digits.end }
      guard digits.count == 4, (1900...2099).contains(digits.value) else { continue }
      var end = digits.end
      if scalars[end] == "年" {
        end += 1
      } else if !isFollowedByMonth(scalars, at: end) {
        continue
      }
      mentions.append(
        YearMention(
          year: digits.value, range: scalars.byteRange(index..<end),
          isComparisonBase: isComparisonBase(scalars, start: index, end: end)))
    }
    return mentions
  }

  private static func isFollowedByMonth(_ text: ScalarText, at index: Int) -> Bool {
    guard Boundaries.isDatePartSeparator(text[index]), let month = ArabicNumber.readDigits(text, at: index + 1) else {
      return false
    }
    return month.count <= 2 && (1...12).contains(month.value)
  }

  /// Words that, standing before the year in its clause, pair with a word after it to make a comparison base.
  private static let pairedMarkers: [(before: [[Unicode.Scalar]], after: [[Unicode.Scalar]])] = [
    (scalarWords(["与", "和", "同", "跟"]), scalarWords(["相比", "比较"])),
    (scalarWords(["以"]), scalarWords(["为基数", "为基准", "为基期"])),
    (scalarWords(["在"]), scalarWords(["基础上"])),
  ]

  /// `比`/`较` just before (so also `相比`, `对比`, `同比`), or a marker pair around the year within its clause.
  private static func isComparisonBase(_ text: ScalarText, start: Int, end: Int) -> Bool {
    let before = text[text.skipSpaces(backwardFrom: start) - 1]
    if before == "比" || before == "较" { return true }
    let clauseStart = text.stretchStart(before: start, isBoundary: Boundaries.isClauseEnd)
    let clauseEnd = text.stretchEnd(from: end, isBoundary: Boundaries.isClauseEnd)
    return pairedMarkers.contains { pair in
      text.contains(pair.before, in: clauseStart..<start) && text.contains(pair.after, in: end..<clauseEnd)
    }
  }
}
