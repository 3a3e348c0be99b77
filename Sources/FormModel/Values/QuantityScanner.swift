import Foundation

/// The scanning shared by percentages and counts: a number, a unit after it, and a comparator before or after.
enum QuantityScanner {
  /// A number with its unit and comparator; `range` in scalar indices, covering the comparator words too.
  struct Match<Unit> {
    var number: ExactDecimal
    var unit: Unit
    var comparator: Comparator?
    var range: Range<Int>
  }

  /// What a reader found at an index: a match, or where to go on (past a number that was not one).
  typealias Read<Unit> = (match: Match<Unit>?, next: Int)

  /// Every match `read` finds, trying each index in turn and going on after each match.
  static func scan<Unit>(_ text: ScalarText, read: (Int) -> Read<Unit>) -> [Match<Unit>] {
    text.collect { index in
      let found = read(index)
      return (found.match, found.match?.range.upperBound ?? found.next)
    }
  }

  /// The one match that covers the whole trimmed text, if the text is a single quantity.
  static func wholeCell<Unit>(_ text: ScalarText, _ matches: (ScalarText) -> [Match<Unit>]) -> Match<Unit>? {
    guard let cell = text.valueCell else { return nil }
    let found = matches(text)
    guard found.count == 1, found[0].range == cell else { return nil }
    return found[0]
  }

  /// A match for the number in `number` and unit ending at `unitEnd`, widened by the comparators around it.
  /// `impliedComparator` applies when no word states one (`200余人` is more than 200).
  static func match<Unit>(
    _ text: ScalarText, number: ExactDecimal, start: Int, unit: Unit, unitEnd: Int, impliedComparator: Comparator? = nil
  ) -> Match<Unit> {
    var range = start..<unitEnd
    var comparator: Comparator?
    if let prefix = ComparatorLexicon.prefix(in: text, before: start, allowLoose: true) {
      comparator = prefix.comparator
      range = prefix.start..<range.upperBound
    }
    if let suffix = ComparatorLexicon.suffix(in: text, at: unitEnd) {
      comparator = comparator ?? suffix.comparator
      range = range.lowerBound..<suffix.end
    }
    return Match(number: number, unit: unit, comparator: comparator ?? impliedComparator, range: range)
  }

  /// A number at `index` in digits, or in Chinese numerals when `chinese` allows (`十五`; a lone `一` only
  /// with `loneOne`, since in prose it is mostly an article); nil when no number starts there.
  static func number(
    _ text: ScalarText, at index: Int, chinese: Bool, loneOne: Bool = true
  ) -> (value: ExactDecimal, end: Int)? {
    if ArabicNumber.startsNumber(text, at: index) {
      return ArabicNumber.read(text, at: index).map { ($0.value, $0.end) }
    }
    guard chinese, ChineseNumeral.startsNumeral(text, at: index), let numeral = ChineseNumeral.read(text, at: index),
      loneOne || !numeral.isLoneOne
    else { return nil }
    return (numeral.value, numeral.end)
  }
}
