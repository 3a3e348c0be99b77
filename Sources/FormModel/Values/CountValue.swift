import Foundation

/// A number with a measure word (量词): `10场次以上`, `2次以上`, `300人`, `5个`, `1.2万人次`.
public struct CountValue: Sendable, Equatable {
  /// The count, with any 万/千/百 before the measure word multiplied in (`1.2万人` is 12000).
  public var number: ExactDecimal
  /// The measure word as written: `场次`, `人`, `公里`, `km`.
  public var unit: String
  /// The comparator before or after (`不少于`, `以上`), or `>` implied by `余`/`多` (`200余人`).
  public var comparator: Comparator?
  /// UTF-8 range of the whole expression, comparator words included.
  public var range: Range<Int>

  /// Makes a count.
  public init(number: ExactDecimal, unit: String, comparator: Comparator? = nil, range: Range<Int>) {
    self.number = number
    self.unit = unit
    self.comparator = comparator
    self.range = range
  }

  /// Every count in `text`; a lone `一` (`一种`, `统一部署`) and ordinals (`第3期`) are not counts in prose.
  public static func scan(in text: String) -> [CountValue] {
    let scalars = ScalarText(text)
    return matches(scalars, loneOne: false).map { CountValue(scalars, $0) }
  }

  /// The count when the whole trimmed cell is one: `10场次以上`, `2次以上`, `一次`.
  public static func parseCell(_ text: String) -> CountValue? { parseCell(ScalarText(text)) }

  static func parseCell(_ scalars: ScalarText) -> CountValue? {
    QuantityScanner.wholeCell(scalars) { matches($0, loneOne: true) }.map { CountValue(scalars, $0) }
  }

  private init(_ text: ScalarText, _ match: QuantityScanner.Match<Range<Int>>) {
    let unit = String(String.UnicodeScalarView(text.scalars[match.unit]))
    self.init(number: match.number, unit: unit, comparator: match.comparator, range: text.byteRange(match.range))
  }

  /// Matches whose unit is the scalar range of the measure word.
  static func matches(_ text: ScalarText, loneOne: Bool) -> [QuantityScanner.Match<Range<Int>>] {
    QuantityScanner.scan(text) { index in
      guard text[index - 1] != "第",
        let number = QuantityScanner.number(text, at: index, chinese: true, loneOne: loneOne)
      else { return (nil, index + 1) }
      var cursor = text.skipSpaces(from: number.end)
      var implied: Comparator?
      if text[cursor] == "余" || text[cursor] == "多" {
        implied = .greater
        cursor += 1
      }
      var value = number.value
      var unitEnd = MeasureWords.match(text, at: cursor)
      // `1.2万人次`: a 万/千/百 between number and measure word scales the count (`千米` was tried first above).
      if unitEnd == nil, let scale = ChineseNumeral.multiplier(text[cursor]), scale < 100_000_000,
        let end = MeasureWords.match(text, at: cursor + 1)
      {
        value *= ExactDecimal(scale)
        cursor += 1
        unitEnd = end
      }
      guard let unitEnd else { return (nil, number.end) }
      let match = QuantityScanner.match(
        text, number: value, start: index, unit: cursor..<unitEnd, unitEnd: unitEnd, impliedComparator: implied)
      return (match, unitEnd)
    }
  }
}
