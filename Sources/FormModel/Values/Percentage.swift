import Foundation

/// A percentage with its comparator: `98%`, `≥90%`, `90%以上`, `不低于95％`, `百分之九十`.
public struct Percentage: Sendable, Equatable {
  /// The number before the `%` (98 for `98%`).
  public var value: ExactDecimal
  /// The comparator written before or after the value, if any (`以上` is ≥, inclusive per 民法典 1259).
  public var comparator: Comparator?
  /// UTF-8 range of the whole expression, comparator words included.
  public var range: Range<Int>

  /// Makes a percentage; `value` is the number before the `%`.
  public init(value: ExactDecimal, comparator: Comparator? = nil, range: Range<Int>) {
    self.value = value
    self.comparator = comparator
    self.range = range
  }

  /// Every percentage in `text`.
  public static func scan(in text: String) -> [Percentage] {
    let scalars = ScalarText(text)
    return matches(scalars).map { Percentage(scalars, $0) }
  }

  /// The percentage when the whole trimmed cell is one: `98%　`, `≥90%`, `90%以上`; nil for `群众满意度90%以上`.
  public static func parseCell(_ text: String) -> Percentage? { parseCell(ScalarText(text)) }

  static func parseCell(_ scalars: ScalarText) -> Percentage? {
    QuantityScanner.wholeCell(scalars, matches).map { Percentage(scalars, $0) }
  }

  private init(_ text: ScalarText, _ match: QuantityScanner.Match<Void>) {
    self.init(value: match.number, comparator: match.comparator, range: text.byteRange(match.range))
  }

  private static let percentInWords = scalarWord("百分之")
  private static let percentAfter = scalarWords(["%", "％", "百分比"])

  static func matches(_ text: ScalarText) -> [QuantityScanner.Match<Void>] {
    QuantityScanner.scan(text) { index in
      if text.matches(percentInWords, at: index) {
        let numberStart = index + percentInWords.count
        guard let number = QuantityScanner.number(text, at: numberStart, chinese: true) else {
          return (nil, numberStart)
        }
        return (
          QuantityScanner.match(text, number: number.value, start: index, unit: (), unitEnd: number.end), number.end
        )
      }
      let negative = isMinusSign(text, at: index)
      let numberStart = negative ? index + 1 : index
      guard let number = QuantityScanner.number(text, at: numberStart, chinese: false) else { return (nil, index + 1) }
      guard let end = text.matchEnd(of: percentAfter, at: text.skipSpaces(from: number.end)) else {
        return (nil, number.end)
      }
      let value = negative ? -number.value : number.value
      return (QuantityScanner.match(text, number: value, start: index, unit: (), unitEnd: end), end)
    }
  }

  /// A minus sign before a digit, where a hyphen cannot be a range separator (`90%-95%`, `1-5%`).
  private static func isMinusSign(_ text: ScalarText, at index: Int) -> Bool {
    let scalar = text[index]
    guard scalar == "-" || scalar == "－" || scalar == "−", ArabicNumber.startsNumber(text, at: index + 1) else {
      return false
    }
    let previous = text[text.skipSpaces(backwardFrom: index) - 1]
    return previous == "\u{0}" || TextTrim.isWhitespace(previous) || "：:（(".unicodeScalars.contains(previous)
      || ComparatorLexicon.prefix(in: text, before: index, allowLoose: false) != nil
  }
}
